/**
 * Hotline records: phone numbers whose label says what they are for.
 *
 * Two shapes: lists of service numbers (便民电话一览, a table of name + number per line),
 * where every entry is a record; and numbers inside prose (guides, answers, news), where
 * only a number with a purpose label becomes a record (失业保险咨询电话, 12349为老服务热线,
 * XX局监督举报电话). Numbers that belong to someone else's record are left alone: the
 * newspaper's own lines, the contact of a lost-item or family notice, an event's 报名电话,
 * a reporter's phone.
 */
import {
	EMERGENCY_NAMES,
	NUMBER_AS_SUBJECT_WORDS,
	SERVICE_NUMBERS,
	HOTLINE_LABEL_ENDINGS,
	HOTLINE_LIST_WORDS,
	NEWSPAPER_LINE_WORDS,
	NON_SERVICE_LABEL_WORDS,
	NOTICE_CONTACT_WORDS
} from '../constants';
import {
	emailsIn,
	findAddress,
	findHours,
	isOrganizationName,
	organizationAtEnd,
	sourceOf,
	splitOrganization,
	toPhone
} from '../text/fields';
import { nonBlankLines, paragraphs, sentences, spanAt, type Span } from '../text/spans';
import { findPhones, isEmergencyNumber, type PhoneMatch } from '../phone';
import type { Candidate, Page, Parser, Passage } from '../pipeline';
import type { RuleName } from '../refiners/confidence';
import type { HotlineRecord } from '../types';

/** A label that ends in one of these says what the line is for (a bare 电话 does not). */
const PURPOSE_RE = new RegExp(
	`(?:${HOTLINE_LABEL_ENDINGS.filter((w) => w !== '电话' && w !== '联系电话').join('|')})$`
);
/** Words that make "XX电话" a service line when no organisation is named: 便民服务电话. */
const SERVICE_WORD_RE =
	/服务|咨询|举报|投诉|监督|求助|报警|急救|急诊|门诊|挂号|救援|抢修|值班|办事|受理|查询|预约|客服|便民|政务|援助|维权|报修|预警/;
/** Labels that name no purpose on their own. */
const GENERIC_RE = /^(电话|联系电话|联系方式|电话号码|手机|号码|热线|热线电话|座机|Tel|TEL|tel)$/;
const LIST_HEAD_RE = new RegExp(HOTLINE_LIST_WORDS.join('|'));
const NEWSPAPER_RE = new RegExp(
	[
		...NEWSPAPER_LINE_WORDS,
		'本报',
		'报社',
		'投稿',
		'记者',
		'通讯员',
		'编辑',
		'邮发代号',
		'订阅'
	].join('|')
);
/** True when a label or the words before a number speak of the newspaper (本报, 新闻热线 …). */
export function isNewspaperText(s: string): boolean {
	return NEWSPAPER_RE.test(s);
}
const NON_SERVICE_RE = new RegExp(NON_SERVICE_LABEL_WORDS.join('|'));
const NOTICE_RE = new RegExp(NOTICE_CONTACT_WORDS.join('|'));
/** Leading list marks: 1. / (1) / ① / · / - */
const BULLET_RE =
	/^[\s·•●○◎◆◇■□▲△►▶★☆※\-*]*(?:\(?\d{1,2}[).、.]|[①-⑳]|[一二三四五六七八九十]{1,2}、)?\s*/;

const SERVICE = new Set<string>(SERVICE_NUMBERS);

/** A bracket after a number that names a line (（消费投诉）), not a note (（白天）). */
const BRACKET_LABEL_RE = /热线|投诉|举报|服务|咨询|电话|求助|救援|报警|救助/;

/** Lines of a list: at least this many name + number lines make a passage a list. */
const LIST_MIN_LINES = 3;

/** Clause ends inside a sentence; the organisation is looked for clause by clause. */
const CLAUSE_SPLIT = /[,;:、\s]/;
/** Sentence ends: the organisation is looked for within the number's sentence. */
export const SENTENCE_END = /[。!?\n]/;
/** How far back (characters) the organisation may be named. */
export const ORG_REACH = 80;
/** Words that lead a clause to its organisation: 可向…投诉, 如有疑问，可致电…. */
const LEAD_RE =
	/^(?:本报讯|记者从|记者|另据|另悉|据悉|据|如有疑问|如有需要|若有疑问|另外|此外|同时|据了解|具体|(?:市民|群众|用户|乘客|旅客)(?!中心|服务|之家)|也|还|可以|可|请|直接|通过|经|在|从|向|到|至|与|由|致电|拨打|联系|咨询|前往)+/;

export interface Department {
	name: string;
	start: number;
	/** 0 when named in the number's own clause (市救助管理站电话：), 1 in the clause before, … */
	clauses: number;
}

/**
 * The nearest organisation named before the number within its sentence: the number's own
 * clause first (请拨打交警支队咨询电话…), then the clauses before it (可向市交通运输综合执法支队
 * 投诉，投诉电话：…; 株洲市水务集团春节期间…，可拨打服务热线…).
 */
export function organizationBefore(page: Page, p: PhoneMatch): Department | undefined {
	let from = p.start;
	while (from > 0 && p.start - from < ORG_REACH && !SENTENCE_END.test(page.norm[from - 1])) from--;
	const found = organizationIn(page, from, p.start, 0);
	if (found) return found;
	// 值班电话：… as a sentence of its own: the office is named in the sentence before.
	if (
		from > 1 &&
		page.norm[from - 1] === '。' &&
		LABEL_ONLY_RE.test(page.norm.slice(from, p.start))
	) {
		let prev = from - 1;
		while (prev > 0 && from - 1 - prev < ORG_REACH && !SENTENCE_END.test(page.norm[prev - 1]))
			prev--;
		return organizationIn(page, prev, from - 1, 1);
	}
	return undefined;
}

/** A sentence that is only a label before its number: 值班电话：. */
const LABEL_ONLY_RE = /^\s*[\u4e00-\u9fa5]{0,8}(?:电话|热线|专线)[\s:]*$/;

/** The organisation nearest to `to` in norm[from, to), clause by clause backwards. */
function organizationIn(
	page: Page,
	from: number,
	to: number,
	skipped: number
): Department | undefined {
	const text = page.norm.slice(from, to);
	const ends: number[] = [];
	for (let i = 0; i < text.length; i++) if (CLAUSE_SPLIT.test(text[i])) ends.push(i);
	// Clauses from the nearest back; the label's own clause (投诉电话：) is not counted.
	let end = text.length;
	let clauses = skipped;
	for (let k = ends.length; k >= 0; k--) {
		const start = k === 0 ? 0 : ends[k - 1] + 1;
		const clause = text.slice(start, end);
		end = start - 1;
		if (!clause.trim()) continue;
		const lead = LEAD_RE.exec(clause)?.[0].length ?? 0;
		const body = clause.slice(lead).trim();
		let offset = from + start + clause.length - clause.slice(lead).trimStart().length;
		let org = isOrganizationName(body) ? body : splitOrganization(body).organization;
		// 失主携带证件到荷塘派出所: the organisation starts after the last verb of motion.
		const verb = org && /^.*(?:到|向|在|从|携带|前往|联系|咨询|致电|拨打)/.exec(org);
		if (org && verb && org.length - verb[0].length >= 3) {
			offset += verb[0].length;
			org = org.slice(verb[0].length);
		}
		// 本公司 / 该局 point back at a name; 营业大厅 is a place, not who answers.
		if (org && /^[本该我贵其此]|大厅$/.test(org)) org = undefined;
		if (org && body.includes(org) && org.length <= 24) {
			return { name: page.text.slice(offset, offset + org.length), start: offset, clauses };
		}
		// The number's own clause (投诉电话：) and three before it.
		clauses++;
		if (clauses >= 4 + skipped) break;
	}
	return undefined;
}

/** Finds public-service phone lines (咨询电话, 服务热线, 便民电话一览 …). */
export const hotlineParser: Parser = {
	name: 'hotline',
	parse({ page, passages }) {
		const out: Candidate<HotlineRecord>[] = [];
		for (const passage of passages) {
			const phones = findPhones(page.norm, {
				start: passage.start,
				end: passage.end,
				original: page.text,
				areaCode: page.areaCode
			}).filter((p) => p.end <= passage.end);
			if (!phones.length) continue;
			if (isList(page, passage, phones) || isList(page, passage, listPhones(page, passage))) {
				// Entry lines are list records; a sentence inside the list is read as prose.
				const { records, entryLines } = listRecords(page, passage);
				for (const record of records) out.push(record);
				const prose = outside(phones, entryLines);
				for (const record of proseRecords(page, passage, prose)) out.push(record);
			} else for (const record of proseRecords(page, passage, phones)) out.push(record);
		}
		return out.sort((a, b) => a.record.source.start - b.record.source.start);
	}
};

/**
 * The phones that lie in none of the lines. Both lists are in page order and the lines do not
 * overlap, so one walk does it (a list of 100,000 entries is not 10^10 comparisons).
 */
function outside(phones: PhoneMatch[], lines: readonly { start: number; end: number }[]) {
	const out: PhoneMatch[] = [];
	let i = 0;
	for (const p of phones) {
		while (i < lines.length && lines[i].end < p.end) i++;
		const line = lines[i];
		if (!line || line.start > p.start) out.push(p);
	}
	return out;
}

/** The phones of a passage read as a list (short numbers and 7-digit locals need no cue). */
function listPhones(page: Page, passage: Passage): PhoneMatch[] {
	return findPhones(page.norm, {
		start: passage.start,
		end: passage.end,
		original: page.text,
		list: true,
		areaCode: page.areaCode
	}).filter((p) => p.end <= passage.end);
}

/**
 * A list passage: a list headline, or several numbers on lines that are names and numbers
 * only (three lines of one number each, or a strip 报警110 火警119 急救120).
 */
function isList(page: Page, passage: Passage, phones: PhoneMatch[]): boolean {
	// The passage's headline, or its first line when the list is printed without a blank line.
	const first = nonBlankLines(
		page.norm,
		passage.start,
		Math.min(passage.end, passage.start + 60)
	)[0];
	const head = first ? page.norm.slice(first.start, first.end) : '';
	if (LIST_HEAD_RE.test(head) && !NEWSPAPER_RE.test(head)) return true;
	let entries = 0;
	let k = 0;
	// Phones and lines are both in text order: walk them together.
	for (const line of nonBlankLines(page.norm, passage.start, passage.end)) {
		while (k < phones.length && phones[k].start < line.start) k++;
		const inLine: PhoneMatch[] = [];
		for (let j = k; j < phones.length && phones[j].start < line.end; j++) {
			inLine.push(phones[j]); // (a number may run past the line end: broken by OCR)
		}
		if (inLine.length && isEntryLine(page.norm, line, inLine)) entries += inLine.length;
		if (entries >= LIST_MIN_LINES) return true;
	}
	return false;
}

/** A short line made of names and numbers only (no sentence around them). */
function isEntryLine(norm: string, line: Span, phones: PhoneMatch[]): boolean {
	const s = norm.slice(line.start, line.end);
	if (s.length > 80 || /[。!?]/.test(s)) return false;
	let rest = s;
	for (const p of [...phones].reverse()) {
		rest = rest.slice(0, p.start - line.start) + rest.slice(p.end - line.start);
	}
	return rest.replace(/[\s:|,;、/]/g, '').length <= 30;
}

/** Every entry of a list passage: each number with the name printed before it on its line. */
function listRecords(
	page: Page,
	passage: Passage
): { records: Candidate<HotlineRecord>[]; entryLines: Span[] } {
	const out: Candidate<HotlineRecord>[] = [];
	const entryLines: Span[] = [];
	const headLen = passage.headline?.length ?? 0;
	for (const line of nonBlankLines(page.norm, passage.start + headLen, passage.end)) {
		const phones = findPhones(page.norm, {
			start: line.start,
			end: line.end,
			original: page.text,
			list: true,
			areaCode: page.areaCode
		}).filter(
			(p) =>
				p.end <= passage.end && (p.end <= line.end || /\n/.test(page.norm.slice(line.end, p.end)))
		);
		if (!phones.length || !isEntryLine(page.norm, line, phones)) continue;
		// A number broken at the line's end (OCR) takes the entry to the next line.
		entryLines.push({ start: line.start, end: Math.max(line.end, phones[phones.length - 1].end) });
		let from = line.start;
		for (let k = 0; k < phones.length; k++) {
			const p = phones[k];
			// 市12345热线……12345: the first 12345 is part of the name printed before the number.
			const after = phones[k + 1];
			if (after && after.number === p.number && !/\d/.test(page.norm.slice(p.end, after.start)))
				continue;
			const nameSpan = trimName(page.norm, { start: from, end: p.start });
			// 12345（政务服务便民热线）: a label in brackets after the number, in a box of entries
			// (a note like （白天） is no label: that number shares the name before it).
			const bracket = /^\s?\(([^()\n\d]{2,12})\)/.exec(page.norm.slice(p.end, p.end + 16));
			const bracketName = bracket && BRACKET_LABEL_RE.test(bracket[1]) ? bracket : undefined;
			// Two numbers for one name (28681234 / 28681235) share the name before them.
			if (nameSpan.end <= nameSpan.start && out.length && k > 0 && !bracketName) {
				const prev = out[out.length - 1].record;
				prev.phones.push(toPhone(p));
				prev.source.end = p.end;
				from = p.end + (bracket?.[0].length ?? 0);
				continue;
			}
			from = p.end + (bracket?.[0].length ?? 0);
			let name = page.text.slice(nameSpan.start, nameSpan.end).trim();
			if (!name && bracketName) {
				nameSpan.start = p.end + bracketName[0].indexOf(bracketName[1]);
				nameSpan.end = nameSpan.start + bracketName[1].length;
				name = page.text.slice(nameSpan.start, nameSpan.end);
			}
			if (p.newspaperLine || NEWSPAPER_RE.test(page.norm.slice(nameSpan.start, nameSpan.end)))
				continue;
			// 电话：… under the office's own line (name, 地址, 电话): the office is the name.
			const office =
				k === 0 && GENERIC_RE.test(page.norm.slice(nameSpan.start, nameSpan.end))
					? officeAbove(page, passage, line)
					: undefined;
			if (office) {
				name = page.text.slice(office.start, office.end);
				nameSpan.start = office.start;
			}
			if (!name && !isEmergencyNumber(p.number)) continue;
			// 售楼热线, 订购热线, 报名电话: a seller's or organiser's line, not a public service.
			if (NON_SERVICE_RE.test(page.norm.slice(nameSpan.start, nameSpan.end))) continue;
			const next = phones[k + 1];
			const tail = { start: p.end, end: next ? next.start : line.end };
			const candidate = makeRecord(
				page,
				{
					start: nameSpan.start < p.start ? nameSpan.start : p.start,
					end: Math.max(p.end, nameSpan.start > p.start ? from : 0)
				},
				p,
				name || EMERGENCY_NAMES[p.number],
				'hotline.listEntry'
			);
			const record = candidate.record;
			const nameNorm = page.norm.slice(nameSpan.start, nameSpan.end);
			const { organization } = splitOrganization(nameNorm);
			if (organization) {
				const at = nameSpan.start + nameNorm.indexOf(organization);
				record.organization = page.text.slice(at, at + organization.length);
			}
			const address =
				findAddress(page, tail) ??
				addressTail(page, tail) ??
				(office ? findAddress(page, { start: office.end, end: line.start }) : undefined);
			if (address) record.address = address;
			const hours = findHours(page, tail);
			if (hours) record.hours = hours;
			out.push(candidate);
		}
	}
	return { records: out, entryLines };
}

/** The name before a number on a list line, without bullets, colons and a trailing 电话. */
function trimName(norm: string, span: Span): Span {
	let { start, end } = span;
	const bullet = BULLET_RE.exec(norm.slice(start, end));
	if (bullet) start += bullet[0].length;
	while (end > start && /[\s:|,;、/\-(.…·]/.test(norm[end - 1])) end--;
	while (start < end && /[\s:|,;、/\-)]/.test(norm[start])) start++;
	// "市长热线 电话 12345": the generic word after the name adds nothing.
	const s = norm.slice(start, end);
	const generic = /\s(电话|号码|电话号码)$/.exec(s);
	if (generic && generic.index > 1) end -= generic[0].length;
	return { start, end };
}

/**
 * The office line above an entry's 电话 line, within the same block (no blank line between):
 * 天元区医疗保障服务中心 / 地址：… / 电话：…. Only a line that is an organisation's name.
 */
function officeAbove(page: Page, passage: Passage, line: Span): Span | undefined {
	let end = line.start - 1;
	for (let n = 0; n < 3 && end > passage.start; n++) {
		let start = end;
		while (start > passage.start && page.norm[start - 1] !== '\n') start--;
		const text = page.norm.slice(start, end).trim();
		if (!text) return undefined;
		if (isOrganizationName(text)) {
			const at = start + page.norm.slice(start, end).indexOf(text);
			return { start: at, end: at + text.length };
		}
		end = start - 1;
	}
	return undefined;
}

/** Text after the number on a list line that reads as an address (…路…号, …楼). */
function addressTail(page: Page, tail: Span): string | undefined {
	const s = page.norm.slice(tail.start, tail.end);
	const m =
		/[\u4e00-\u9fa5][\u4e00-\u9fa5\d\-()]{2,40}?(?:路|街|道|巷|号|楼|室|大厦|广场|中心)(?:\d{1,4}[号楼室])?/.exec(
			s
		);
	if (!m) return undefined;
	const at = tail.start + m.index;
	return page.text.slice(at, at + m[0].length);
}

/** Numbers in prose: a record only when the label names a purpose. */
function proseRecords(
	page: Page,
	passage: Passage,
	phones: PhoneMatch[]
): Candidate<HotlineRecord>[] {
	const out: Candidate<HotlineRecord>[] = [];
	const paras = paragraphs(page.norm, passage.start, passage.end);
	const passageText = page.norm.slice(passage.start, Math.min(passage.end, passage.start + 400));
	const noticePassage = NOTICE_RE.test(passageText);
	// Sentences and the notice test are per paragraph; phones share them.
	const cache = new Map<number, { sentences: Span[]; notice: boolean }>();
	const headEnd = passage.headline ? passage.start + passage.headline.length : passage.start;
	let last: { record: HotlineRecord; phone: PhoneMatch } | undefined;
	for (const [i, p] of phones.entries()) {
		if (p.newspaperLine || noticePassage) continue;
		// A number in the headline is the story's subject; the body says how to call it.
		if (p.start < headEnd) continue;
		if (isSubject(page.norm, p) || inHeadlineLine(page.norm, p)) continue;
		// 28215566（白天）、28215577（夜间）: the second number belongs to the same line; so does
		// 12345 after 0838-12345 (the same line dialled from outside) in one sentence.
		if (
			last &&
			(CONTINUATION_RE.test(page.norm.slice(last.phone.end, p.start)) ||
				sameLine(page.norm, last.phone, p))
		) {
			if (!last.record.phones.some((q) => q.number === p.number))
				last.record.phones.push(toPhone(p));
			// …、28215577（夜间）: the note in brackets after the number goes with it.
			const note = /^\s?\([^()\n]{1,6}\)/.exec(page.norm.slice(p.end, p.end + 10));
			last.record.source.end = Math.max(last.record.source.end, p.end + (note?.[0].length ?? 0));
			last.phone = p;
			continue;
		}
		const para = spanAt(paras, p.start);
		if (!para) continue;
		let info = cache.get(para.start);
		if (!info) {
			info = {
				sentences: sentences(page.norm, para.start, para.end),
				notice: NOTICE_RE.test(page.norm.slice(para.start, para.end))
			};
			cache.set(para.start, info);
		}
		// A lost-item / family notice's contact belongs to that notice's record.
		if (info.notice) continue;
		let sentence = spanAt(info.sentences, p.start) ?? para;
		// A run-on "sentence" (a table flattened by OCR) is cut to the clause around the number.
		if (sentence.end - sentence.start > SENTENCE_MAX)
			sentence = clauseAround(page.norm, p, sentence);
		const sentenceText = page.norm.slice(sentence.start, sentence.end);
		const labelNorm = p.label ? normLabel(page, p) : '';
		// The clause that leads to the number: 本报记者 李明 电话:… is a reporter's line, but a
		// "本报讯 记者从市医保局获悉" opening earlier in the sentence is not about the number.
		const clause = clauseAround(page.norm, p, sentence);
		const before = page.norm.slice(clause.start, p.start);
		if (NEWSPAPER_RE.test(labelNorm) || NEWSPAPER_RE.test(before)) continue;
		if (NON_SERVICE_RE.test(labelNorm) || /^联系人/.test(labelNorm)) continue;
		let named = nameOf(page, p, sentence);
		// 电话：… on its own line under the office's name (and its 地址 line).
		let office: Span | undefined;
		if (!named && GENERIC_RE.test(labelNorm)) {
			let lineStart = p.start;
			while (lineStart > passage.start && page.norm[lineStart - 1] !== '\n') lineStart--;
			if (!page.norm.slice(lineStart, p.labelStart).trim()) {
				office = officeAbove(page, passage, { start: lineStart, end: p.end });
				const name = office && page.text.slice(office.start, office.end);
				if (name) named = { name, organization: name, rule: 'hotline.office' };
			}
		}
		if (!named) continue;
		// 市公安局户政大队提醒，…，户政值班电话：…: the department named earlier in the sentence.
		// (Not for nationwide numbers: 12345 is no line of the bureau named before it.)
		if (!named.organization && p.type !== 'service' && p.type !== 'emergency') {
			const found = organizationBefore(page, p);
			if (found) named.organization = found.name;
		}
		// Several lines in one sentence: each record's passage is its own clause (with the
		// department in brackets after the number), so that each points at its own number.
		const shared = [phones[i - 1], phones[i + 1]].some(
			(q) => q && q.number !== p.number && q.start >= sentence.start && q.end <= sentence.end
		);
		const after = organizationAfter(page, p);
		// …咨询电话2212329、…监督电话2512328: when the clause itself holds another number, the
		// passage starts at this number's own label.
		const inClause = [phones[i - 1], phones[i + 1]].some(
			(q) => q && q.number !== p.number && q.start >= clause.start && q.end <= clause.end
		);
		const from =
			inClause && p.labelStart !== undefined && p.labelStart >= clause.start
				? p.labelStart
				: clause.start;
		const span = office
			? { start: office.start, end: Math.max(sentence.end, p.end) }
			: shared
				? { start: from, end: Math.max(inClause ? p.end : clause.end, after ? after.end + 1 : 0) }
				: sentence;
		const candidate = makeRecord(page, span, p, named.name, named.rule);
		const record = candidate.record;
		if (named.organization) record.organization = named.organization;
		// Address and hours are looked for in the sentence, then in the paragraph.
		const address =
			findAddress(page, sentence) ??
			(office ? findAddress(page, { start: office.end, end: p.start }) : undefined) ??
			(sentenceText.length < 80 ? findAddress(page, para) : undefined);
		if (address) record.address = address;
		const hours = findHours(page, sentence);
		if (hours) record.hours = hours;
		out.push(candidate);
		last = { record, phone: p };
	}
	return out;
}

/** 0838-12345 and 12345 in one sentence: one line, with and without the area code. */
function sameLine(norm: string, a: PhoneMatch, b: PhoneMatch): boolean {
	const local = (n: string) => n.slice(n.indexOf('-') + 1);
	if (a.number === b.number || local(a.number) !== local(b.number)) return false;
	return b.start - a.end < 40 && !/[。!?\n]/.test(norm.slice(a.end, b.start));
}

/**
 * A number on a short line of its own without a label or sentence marks: a headline
 * (有事就打12345) that the story below explains; the body's mention is the record.
 */
function inHeadlineLine(norm: string, p: PhoneMatch): boolean {
	let s = p.start;
	while (s > 0 && norm[s - 1] !== '\n' && p.start - s <= 40) s--;
	let e = p.end;
	while (e < norm.length && norm[e] !== '\n' && e - p.end <= 40) e++;
	const line = norm.slice(s, e);
	if (line.length > 40 || /[。,;:!?]/.test(line)) return false;
	if (/(?:电话|热线|专线)\s?$/.test(norm.slice(s, p.start))) return false;
	// A headline stands between blank lines (or the page's start) and body text.
	return (s < 2 || norm.slice(s - 2, s) === '\n\n') && norm.slice(e, e + 2) === '\n\n';
}

/** What may stand between two numbers of one line: 、 / 或, perhaps after a note (白天). */
const CONTINUATION_RE = /^\s?(?:\([^()\n]{1,6}\)\s?[、,/或]?|[、,/或])\s?$/;

/** True when `b` is a second number of `a`'s line: 28215566（白天）、28215577. */
export function continuesLine(norm: string, a: PhoneMatch, b: PhoneMatch): boolean {
	return b.start - a.end <= 12 && CONTINUATION_RE.test(norm.slice(a.end, b.start));
}
const SUBJECT_AFTER_RE = new RegExp(`^[^,;。\\n]{0,16}?(?:${NUMBER_AS_SUBJECT_WORDS.join('|')})`);
const SUBJECT_BEFORE_RE = new RegExp(`(?:${NUMBER_AS_SUBJECT_WORDS.join('|')})\\s?$`);

/**
 * A number that is what the sentence reports on, not a line offered to the reader:
 * 12345热线全年受理…万件, 并入12345热线, 110、119、120、122等紧急类热线.
 */
function isSubject(norm: string, p: PhoneMatch): boolean {
	const after = norm.slice(p.end, p.end + 24);
	if (SUBJECT_AFTER_RE.test(after)) return true;
	if (SUBJECT_BEFORE_RE.test(norm.slice(Math.max(0, p.start - 6), p.start))) return true;
	// An enumeration of numbers that ends in 等: they are named as a class.
	return p.type !== 'landline' && /^(?:、\d{3,5})*等/.test(after);
}

/** Longest sentence kept as a record's source; longer ones are cut to the clause. */
const SENTENCE_MAX = 300;

/** The clause (between commas) around a phone, within `within`. */
function clauseAround(norm: string, p: PhoneMatch, within: Span): Span {
	let start = Math.min(p.start, p.labelStart ?? p.start);
	let end = Math.max(p.end, p.labelEnd ?? p.end);
	while (start > within.start && start > p.start - 60 && !/[,;。\n]/.test(norm[start - 1])) start--;
	while (end < within.end && end < p.end + 60 && !/[,;。\n]/.test(norm[end])) end++;
	return { start, end };
}

/** The label of a phone in the normalised script. */
function normLabel(page: Page, p: PhoneMatch): string {
	if (p.labelStart === undefined || p.labelEnd === undefined) return '';
	return page.norm.slice(p.labelStart, p.labelEnd);
}

interface Named {
	name: string;
	organization?: string;
	/** How the name was found: the rule its confidence is scored by. */
	rule: RuleName & `hotline.${string}`;
}

/**
 * What the number is for, or undefined when the text does not say. A purpose label (…咨询
 *电话, …热线) is the name; a generic 联系电话 counts only with an organisation named just
 * before it (请联系石峰区人才办(联系电话:…)).
 */
function nameOf(page: Page, p: PhoneMatch, sentence: Span): Named | undefined {
	const norm = normLabel(page, p);
	const label = p.label ?? '';
	if (isEmergencyNumber(p.number)) {
		const purpose =
			norm && PURPOSE_RE.test(norm) && !GENERIC_RE.test(norm) && !/^联系人/.test(norm);
		return { name: purpose ? label : EMERGENCY_NAMES[p.number], rule: 'hotline.emergency' };
	}
	// A nationwide service number needs no more than its digits: 拨打12345热线 → 12345热线,
	// 咨询电话:95598 → 95598咨询电话.
	const bareLabel = (HOTLINE_LABEL_ENDINGS as readonly string[]).includes(norm);
	// 0838-12345 is 12345 dialled from outside the city; 市民在外地可拨打 names no purpose.
	const local = p.number.slice(p.number.indexOf('-') + 1);
	if (
		p.type === 'service' &&
		SERVICE.has(local) &&
		(!norm || GENERIC_RE.test(norm) || bareLabel || /(?:拨打|致电|拨|打)$/.test(norm))
	) {
		if (/(?:拨打|致电|拨|打)$/.test(norm))
			return { name: `${local}服务热线`, rule: 'hotline.service' };
		return { name: `${p.number}${norm ? label : '服务热线'}`, rule: 'hotline.service' };
	}
	if (!norm || /^联系人/.test(norm) || p.labelStart === undefined) return undefined;
	const split = splitOrganization(norm);
	// 报灾电话：0731-28658110（市自然资源和规划局）: the department may follow in brackets.
	const after = organizationAfter(page, p);
	const organization = split.organization ?? after?.text;
	const purpose =
		PURPOSE_RE.test(norm) ||
		/热线|专线|服务台/.test(norm) ||
		(/电话$/.test(norm) && (organization !== undefined || SERVICE_WORD_RE.test(norm)));
	// A bare "咨询电话" says what kind of line, not whose: it needs an organisation before it.
	const bare = (HOTLINE_LABEL_ENDINGS as readonly string[]).includes(norm);
	if (!GENERIC_RE.test(norm) && purpose && !bare) {
		const named: Named = { name: label, rule: 'hotline.labelled' };
		if (split.organization) {
			const at = p.labelStart + norm.indexOf(split.organization);
			named.organization = page.text.slice(at, at + split.organization.length);
		} else if (after) named.organization = page.text.slice(after.start, after.end);
		return named;
	}
	if (GENERIC_RE.test(norm) || bare) {
		// The organisation right before the label: 请联系石峰区人才办(联系电话:…)
		const from = Math.max(sentence.start, p.labelStart - 30);
		const lead = page.norm.slice(from, p.labelStart).replace(/[\s(:,]+$/, '');
		const org = organizationAtEnd(lead)?.replace(/^.*(?:咨询|联系|致电|拨打|请)/, '');
		if (!org || org.length < 3) {
			// TEL：0731-28661111（市公安局出入境管理支队）: the office in brackets after it.
			if (!after) return undefined;
			const orgText = page.text.slice(after.start, after.end);
			const purpose = /[A-Za-z]/.test(label) ? '电话' : label;
			return { name: `${orgText}${purpose}`, organization: orgText, rule: 'hotline.organization' };
		}
		const at = from + lead.length - org.length;
		const orgText = page.text.slice(at, at + org.length);
		return { name: `${orgText}${label}`, organization: orgText, rule: 'hotline.organization' };
	}
	return undefined;
}

/** An organisation in brackets right after the number: …0731-28658110（市自然资源和规划局）. */
function organizationAfter(page: Page, p: PhoneMatch): (Span & { text: string }) | undefined {
	const m = /^\s?\(([^()\n]{3,24})\)/.exec(page.norm.slice(p.end, p.end + 30));
	if (!m || !isOrganizationName(m[1])) return undefined;
	const start = p.end + m[0].indexOf(m[1]);
	return { start, end: start + m[1].length, text: m[1] };
}

function makeRecord(
	page: Page,
	span: Span,
	p: PhoneMatch,
	name: string,
	rule: Named['rule']
): Candidate<HotlineRecord> {
	const record: HotlineRecord = {
		kind: 'hotline',
		title: name,
		name,
		source: sourceOf(page, span),
		confidence: 0,
		phones: [toPhone(p)],
		emails: emailsIn(page, span)
	};
	if (isEmergencyNumber(p.number)) record.emergency = true;
	return { record, evidence: { rule } };
}
