/**
 * Numbers inside prose (guides, answers, news): a record only when the label names a purpose
 * (失业保险咨询电话, 12349为老服务热线, XX局监督举报电话). The newspaper's own lines, a notice's
 * contact and a number that is the story's subject are left alone.
 */
import type { PhoneMatch } from '../../phone';
import type { Candidate, Page, Passage } from '../../pipeline';
import { findAddress, findHours, toPhone } from '../../text/fields';
import { paragraphs, sentences, type Span, spanAt } from '../../text/spans';
import type { HotlineRecord } from '../../../records/types';
import {
	CONTINUATION_RE,
	GENERIC_RE,
	NEWSPAPER_RE,
	NON_SERVICE_RE,
	NOTICE_RE,
	SUBJECT_AFTER_RE,
	SUBJECT_BEFORE_RE,
	isInCredit,
	isReportedCall
} from './labels';
import { makeRecord, nameOf, normLabel } from './naming';
import { officeAbove, organizationAfter, organizationBefore } from './organization';

/** Numbers in prose: a record only when the label names a purpose. */
export function proseRecords(
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
		// (A label printed after its number, 28683507服务热线, starts the passage at the number:
		// the passage always holds the number it names.)
		const from =
			inClause && p.labelStart !== undefined && p.labelStart >= clause.start
				? Math.min(p.labelStart, p.start)
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

/** True when `b` is a second number of `a`'s line: 28215566（白天）、28215577. */
export function continuesLine(norm: string, a: PhoneMatch, b: PhoneMatch): boolean {
	return b.start - a.end <= 12 && CONTINUATION_RE.test(norm.slice(a.end, b.start));
}

/**
 * A number that is what the sentence reports on, not a line offered to the reader:
 * 12345热线全年受理…万件, 并入12345热线, 110、119、120、122等紧急类热线.
 */
function isSubject(norm: string, p: PhoneMatch): boolean {
	const after = norm.slice(p.end, p.end + 24);
	if (SUBJECT_AFTER_RE.test(after)) return true;
	if (isReportedCall(norm, p) || isInCredit(norm, p)) return true;
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
