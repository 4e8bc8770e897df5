/**
 * Procedure records: 网络问政 questions with a department's answer (subtype `qa`) and
 * service guides (办事指南, subtype `guide`).
 *
 * A Q&A is a question marker (网友提问: / 市民咨询: / 问:) followed by an answer marker
 * (市教育局回复: / XX区政府答复: / 答:). A question without an answer is not a record (news
 * leads quote readers' questions); an answer that shares no words with its question is kept
 * with low confidence and a flag, because OCR columns often pair a question with the answer
 * printed for another one.
 *
 * A guide is a passage with section headings (办理条件: / 申请材料: / 办理流程: / 办理时限:
 * / 收费标准: / 办理地点: …) at line starts; one heading alone is not a guide.
 */
import {
	ANSWER_VERBS,
	ASK_VERBS,
	ASKER_WORDS,
	DEPARTMENT_SUFFIXES,
	GUIDE_SECTIONS,
	GUIDE_TITLE_WORDS
} from '../constants';
import { cleanText, emailsIn, phonesIn, sourceOf } from '../fields';
import { nonBlankLines, paragraphs, trimSpan, type Span } from '../passages';
import type { Page, Parser, Passage } from '../pipeline';
import type { ProcedureRecord } from '../types';

/** Finds Q&A pairs and service guides. */
export const procedureParser: Parser = {
	name: 'procedure',
	parse(page, passages) {
		return [...qaRecords(page), ...guideRecords(page, passages)];
	}
};

// ---------------------------------------------------------------------------------------
// Q&A
// ---------------------------------------------------------------------------------------

const byLength = (a: string, b: string) => b.length - a.length;
const ASKER = [...ASKER_WORDS].sort(byLength).join('|');
const ASK_VERB = [...ASK_VERBS].sort(byLength).join('|');
const ANSWER_VERB = [...ANSWER_VERBS].sort(byLength).join('|');
const SUFFIX = [...DEPARTMENT_SUFFIXES].sort(byLength).join('|');

/** What opens a question: 网友提问 / 市民张先生咨询 / 网友"小李" / 问 / 留言内容 / Q. */
const QUESTION_WORD =
	`(?:${ASKER})(?:["'][^"'\\n]{1,12}["']|[\\u4e00-\\u9fa5A-Za-z0-9]{0,6}?)?\\s?(?:${ASK_VERB})?` +
	'|留言内容|诉求内容|来信内容|咨询内容|问题描述|留言标题|问题|留言|提问|问|Q';
/** The question marker up to its colon, or in brackets: 网友提问: / [问] / 【网友留言】 */
const QUESTION_RE = new RegExp(
	`^(?:\\d{1,2}[.、]\\s?)?(?:\\[(?:${QUESTION_WORD})\\]\\s?:?|(?:${QUESTION_WORD})\\s?:)`
);
/** Bare answer words: 答: / 回复内容: / 办理结果: / A: */
const ANSWER_WORD = `${ANSWER_VERB}|回复内容|答复内容|办理结果|处理结果|办理情况|部门回复|官方回复|A`;
/**
 * 市教育局回复: / 市住建局(市人防办)回复: / 芦淞区政府: / 答: / [答] — the answer marker. The
 * organisation must end in a department suffix; the verb is optional.
 */
const ANSWER_RE = new RegExp(
	`^(?:(?<org>[\\u4e00-\\u9fa5]{1,24}?(?:${SUFFIX})(?:\\([\\u4e00-\\u9fa5、]{2,20}\\))?)\\s?(?<verb>${ANSWER_VERB})?\\s?:|\\[(?<bbare>${ANSWER_WORD})\\]\\s?:?|(?<bare>${ANSWER_WORD})\\s?:)`
);
/** A line naming who answers, in structured columns: 回复单位:市住建局 */
const DEPARTMENT_LINE_RE =
	/^(?:回复单位|答复单位|办理单位|承办单位|回复部门|答复部门|责任单位)\s?:\s?([^\n]{2,30}?)\s*(?:\n|$)/;

interface Marker {
	kind: 'q' | 'a' | 'd';
	/** Where the marker starts and where its text starts (after the colon). */
	start: number;
	textStart: number;
	/** The paragraph the marker is in. */
	para: Span;
	/** The answering organisation (answer and department markers). */
	org?: Span;
}

/** Every question, department and answer marker of the page, in order. */
function findMarkers(page: Page): Marker[] {
	const out: Marker[] = [];
	for (const para of paragraphs(page.norm)) {
		const text = page.norm.slice(para.start, para.end);
		// Markers open a paragraph, a line, or a sentence inside one (…神农塔。天元区政府回复:…).
		const starts = [0];
		const re = /[。!?]["')\]]*\s*|\n\s*/g;
		for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
		for (const s of starts) {
			if (s >= text.length) continue;
			const head = text.slice(s, s + 40);
			const at = para.start + s;
			const dept = DEPARTMENT_LINE_RE.exec(head);
			if (dept) {
				const orgAt = at + dept[0].indexOf(dept[1]);
				out.push({
					kind: 'd',
					start: at,
					textStart: at + dept[0].length,
					para,
					org: { start: orgAt, end: orgAt + dept[1].length }
				});
				continue;
			}
			const ans = ANSWER_RE.exec(head);
			const q = QUESTION_RE.exec(head);
			// 市民政局回复: reads as 市民 + …; an organisation with an answer verb wins.
			const g = ans?.groups;
			if (ans && g && (g.verb || g.bare || g.bbare || !q)) {
				const marker: Marker = { kind: 'a', start: at, textStart: at + ans[0].length, para };
				if (g.org) marker.org = { start: at, end: at + g.org.length };
				out.push(marker);
			} else if (q) {
				out.push({ kind: 'q', start: at, textStart: at + q[0].length, para });
			}
		}
	}
	return out;
}

/** Paragraph openings that carry an answer on after a full stop. */
const CONTINUATION_RE =
	/^(?:[二三四五六七八九十][、是.]|\(?[二三四五六七八九十]\)|[2-9][.、)]|[②-⑩]|若|如|此外|另外|同时|目前|下一步|因此|综上|总之|对于|其中|具体|以上)/;
/** Paragraphs that end an answer whatever they say: page furniture. */
const FURNITURE_RE = /^(?:扫一扫|扫描|\(?图|责任编辑|本版|记者|通讯员|来源|株洲日报|新闻热线)/;
/** The longest answer we read: beyond it, the text is something else. */
const ANSWER_MAX = 3000;

/** Where an answer that starts in `para` ends: it runs on over continuation paragraphs. */
function answerEnd(page: Page, paras: Span[], index: number, stopAt: number): number {
	let end = Math.min(paras[index].end, stopAt);
	for (let k = index + 1; k < paras.length; k++) {
		const p = paras[k];
		if (p.start >= stopAt || p.end - paras[index].start > ANSWER_MAX) break;
		const prevText = page.norm.slice(paras[k - 1].start, paras[k - 1].end);
		const text = page.norm.slice(p.start, p.end);
		if (FURNITURE_RE.test(text)) break;
		const midSentence = !/[。!?;:"')\]]$/.test(prevText);
		if (midSentence || CONTINUATION_RE.test(text)) end = Math.min(p.end, stopAt);
		else break;
	}
	return end;
}

function qaRecords(page: Page): ProcedureRecord[] {
	const markers = findMarkers(page);
	const paras = paragraphs(page.norm);
	const paraIndex = new Map(paras.map((p, k) => [p.start, k]));
	const out: ProcedureRecord[] = [];
	for (let i = 0; i < markers.length; i++) {
		const q = markers[i];
		if (q.kind !== 'q') continue;
		// q, then an optional 回复单位 line, then the answer.
		const d = markers[i + 1]?.kind === 'd' ? markers[i + 1] : undefined;
		const a = markers[i + (d ? 2 : 1)];
		if (!a || a.kind !== 'a') continue;
		// Each marker sits in the same paragraph as the one before or opens the next one.
		const chain = d ? [q, d, a] : [q, a];
		const near = chain.every((m, k) => {
			if (k === 0) return true;
			const prev = paraIndex.get(chain[k - 1].para.start) ?? -1;
			const cur = paraIndex.get(m.para.start) ?? -1;
			return cur === prev || (cur === prev + 1 && m.start === m.para.start);
		});
		if (!near) continue;
		const aParaIndex = paraIndex.get(a.para.start) ?? -1;
		const question = trimSpan(page.norm, { start: q.textStart, end: (d ?? a).start });
		const next = markers[i + chain.length];
		const stopAt = next ? next.start : page.norm.length;
		const answer = trimSpan(page.norm, {
			start: a.textStart,
			end: answerEnd(page, paras, aParaIndex, stopAt)
		});
		if (question.end <= question.start || answer.end - answer.start < 4) continue;
		out.push(qaRecord(page, q, d?.org ? { ...a, org: a.org ?? d.org } : a, question, answer));
	}
	return out;
}

function qaRecord(page: Page, q: Marker, a: Marker, question: Span, answer: Span): ProcedureRecord {
	const span = { start: q.start, end: answer.end };
	const questionText = cleanText(page.text, question);
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'qa',
		title: titleOf(questionText),
		source: sourceOf(page, span),
		confidence: 0.85,
		phones: phonesIn(page, answer),
		emails: emailsIn(page, span),
		question: questionText,
		answer: answerText(page.text, answer)
	};
	if (a.org) record.department = page.text.slice(a.org.start, a.org.end);
	else record.confidence = 0.75;
	const flags: string[] = [];
	const overlap = topicOverlap(
		page.norm.slice(question.start, question.end),
		page.norm.slice(answer.start, answer.end)
	);
	if (overlap < 0.1) {
		flags.push('回复内容疑似与问题不符');
		record.confidence = 0.45;
	}
	if (!/[。!?;)"'…]$/.test(page.norm.slice(answer.start, answer.end))) {
		flags.push('回复内容疑似不完整(排版截断)');
		record.confidence = Math.min(record.confidence, 0.65);
	}
	if (flags.length) record.flags = flags;
	return record;
}

/** The question as a title: its first sentence, at most 60 characters. */
function titleOf(question: string): string {
	const first = (/^.+?[?？。!！]/.exec(question)?.[0] ?? question).replace(/[。.]$/, '');
	return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/** Answer text: paragraphs kept apart by a line break, broken lines joined. */
function answerText(text: string, span: Span): string {
	return paragraphs(text, span.start, span.end)
		.map((p) => cleanText(text, p))
		.join('\n');
}

/** Words that say nothing about the subject of a question. */
const STOP_BIGRAMS = new Set(
	(
		'何时 如何 什么 能否 是否 需要 请问 问题 相关 部门 解决 合理 进展 可以 怎么 为什么 哪里 ' +
		'多少 怎样 能不 不能 希望 建议 反映 咨询 提问 一下 这个 那个 我们 你们 他们 现在 目前 ' +
		'情况 有关 请求 协调 尽快 时候 具备 条件 办理 能够'
	).split(' ')
);

/**
 * Share of the question's content bigrams that the answer repeats. Answers restate what
 * they answer (the road, the school, the permit); an answer about another subject shares
 * none of it.
 */
export function topicOverlap(question: string, answer: string): number {
	const grams = new Set<string>();
	const runs = question.match(/[\u4e00-\u9fa5]{2,}|[A-Za-z]{2,}/g) ?? [];
	for (const run of runs) {
		if (/^[A-Za-z]+$/.test(run)) {
			grams.add(run.toLowerCase());
			continue;
		}
		for (let i = 0; i + 2 <= run.length; i++) {
			const g = run.slice(i, i + 2);
			if (!STOP_BIGRAMS.has(g)) grams.add(g);
		}
	}
	if (!grams.size) return 1;
	const a = answer.toLowerCase();
	let hit = 0;
	for (const g of grams) if (a.includes(g)) hit++;
	return hit / grams.size;
}

// ---------------------------------------------------------------------------------------
// Guides
// ---------------------------------------------------------------------------------------

type SectionKind = keyof typeof GUIDE_SECTIONS;

const SECTION_WORDS: [string, SectionKind][] = (
	Object.entries(GUIDE_SECTIONS) as [SectionKind, readonly string[]][]
)
	.flatMap(([kind, words]) => words.map((w): [string, SectionKind] => [w, kind]))
	.sort((a, b) => b[0].length - a[0].length);
const SECTION_KIND = new Map(SECTION_WORDS);
/** A section heading: optional numbering or bracket, the word, then a colon, bracket or line end. */
const SECTION_RE = new RegExp(
	`^(?:[一二三四五六七八九十]{1,2}[、.]|\\(?[一二三四五六七八九十\\d]{1,2}\\)|\\d{1,2}[.、]|[①-⑳])?\\s?\\[?(${SECTION_WORDS.map((w) => w[0]).join('|')})\\]?\\s?(?::|$|(?=\\]))`
);
const GUIDE_TITLE_RE = new RegExp(GUIDE_TITLE_WORDS.join('|'));

interface Section {
	kind: SectionKind;
	/** The heading word as printed (normalised): 申请条件, 所需材料. */
	word: string;
	start: number;
	/** Start of the section's content (after the heading). */
	bodyStart: number;
	end: number;
}

/** Section headings of a passage: at line starts and after a sentence end (…5个工作日。收费标准:). */
function findSections(page: Page, passage: Span): Section[] {
	const out: Section[] = [];
	for (const line of nonBlankLines(page.norm, passage.start, passage.end)) {
		const text = page.norm.slice(line.start, line.end);
		const starts = [0];
		const re = /[。;]\s*/g;
		for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
		for (const s of starts) {
			const m = SECTION_RE.exec(text.slice(s, s + 30));
			if (!m) continue;
			const kind = SECTION_KIND.get(m[1]);
			if (!kind) continue;
			const start = line.start + s;
			let bodyStart = start + m[0].length;
			if (page.norm[bodyStart] === ']') bodyStart++;
			out.push({ kind, word: m[1], start, bodyStart, end: passage.end });
		}
	}
	for (let k = 0; k + 1 < out.length; k++) out[k].end = out[k + 1].start;
	return out;
}

/** Kinds that make a passage a guide when two or more of them are headings. */
const CORE_KINDS: SectionKind[] = ['requirements', 'steps', 'timeLimit', 'fee', 'location'];

function guideRecords(page: Page, passages: readonly Passage[]): ProcedureRecord[] {
	const out: ProcedureRecord[] = [];
	for (const passage of passages) {
		const sections = findSections(page, passage);
		if (!sections.length) continue;
		const titled = GUIDE_TITLE_RE.test(
			page.norm.slice(passage.start, Math.min(passage.end, passage.start + 80))
		);
		// Split where a heading repeats: a page of guides prints one set of sections per service.
		const groups: Section[][] = [];
		for (const s of sections) {
			const cur = groups[groups.length - 1];
			if (cur && !cur.some((x) => x.word === s.word)) cur.push(s);
			else groups.push([s]);
		}
		let from = passage.start;
		for (const group of groups) {
			const core = new Set(group.filter((s) => CORE_KINDS.includes(s.kind)).map((s) => s.kind));
			const enough = core.size >= 2 || (titled && core.size >= 1 && group.length >= 2);
			if (!enough || !(core.has('requirements') || core.has('steps') || core.size >= 3)) {
				from = group[group.length - 1].end;
				continue;
			}
			out.push(guideRecord(page, passage, from, group, core.size));
			from = group[group.length - 1].end;
		}
	}
	return out;
}

function guideRecord(
	page: Page,
	passage: Passage,
	from: number,
	group: Section[],
	coreCount: number
): ProcedureRecord {
	const first = group[0];
	const last = group[group.length - 1];
	const title = guideTitle(page, passage, from, first.start);
	const span = trimSpan(page.text, { start: title?.start ?? from, end: last.end });
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'guide',
		title: title?.text ?? '办事指南',
		source: sourceOf(page, span),
		confidence: title ? (coreCount >= 3 ? 0.85 : 0.75) : 0.6,
		phones: phonesIn(page, span),
		emails: emailsIn(page, span)
	};
	if (title) record.question = title.text;
	else record.flags = ['未找到办事指南的名称'];
	const requirements: string[] = [];
	const steps: string[] = [];
	for (const s of group) {
		const body = trimSpan(page.norm, { start: s.bodyStart, end: s.end });
		if (body.end <= body.start) continue;
		const value = cleanText(page.text, body).replace(/^[:\s]+/, '');
		switch (s.kind) {
			case 'requirements':
				for (const item of items(page, body)) requirements.push(item);
				break;
			case 'steps':
				for (const item of items(page, body)) steps.push(item);
				break;
			case 'timeLimit':
				record.timeLimit ??= firstSentence(value);
				break;
			case 'fee':
				record.fee ??= firstSentence(value);
				break;
			case 'location':
				record.location ??= firstSentence(value);
				break;
			case 'department':
				record.department ??= firstSentence(value);
				break;
			default:
				break;
		}
	}
	if (requirements.length) record.requirements = requirements;
	if (steps.length) record.steps = steps;
	return record;
}

/** A section's first sentence, without its full stop. */
function firstSentence(s: string): string {
	const m = /^[^。;\n]+/.exec(s);
	return (m ? m[0] : s).trim();
}

/** Item marks of a list: 1. / (1) / ① / 一是 / 第一步 / 一、 */
const ITEM_MARK_RE =
	/(?:^|(?<=[\s。;:]))(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十\d]{1,2}步[:,]?|[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\))/g;

/**
 * The items of a list section: one per numbered item, else one per line, else one per
 * sentence; a single short sentence of 、-separated documents is split at 、.
 */
function items(page: Page, body: Span): string[] {
	const norm = page.norm.slice(body.start, body.end);
	const marks: number[] = [];
	ITEM_MARK_RE.lastIndex = 0;
	for (let m = ITEM_MARK_RE.exec(norm); m; m = ITEM_MARK_RE.exec(norm)) {
		marks.push(m.index);
		if (m[0].length === 0) ITEM_MARK_RE.lastIndex++;
	}
	let spans: Span[];
	if (marks.length >= 2) {
		spans = marks.map((m, k) => ({
			start: body.start + m,
			end: body.start + (marks[k + 1] ?? norm.length)
		}));
		if (marks[0] > 0) spans.unshift({ start: body.start, end: body.start + marks[0] });
	} else {
		spans = nonBlankLines(page.norm, body.start, body.end);
		if (spans.length === 1) {
			const parts = norm.split(/(?<=[;。])/);
			if (parts.length > 1) {
				let at = body.start;
				spans = parts.map((p) => {
					const s = { start: at, end: at + p.length };
					at += p.length;
					return s;
				});
			} else if (
				/、/.test(norm) &&
				norm.length <= 120 &&
				norm.split('、').every((x) => x.length <= 24)
			) {
				let at = body.start;
				spans = norm.split('、').map((p) => {
					const s = { start: at, end: at + p.length };
					at += p.length + 1;
					return s;
				});
			}
		}
	}
	return spans
		.map((s) => cleanText(page.text, stripItem(page.norm, s)))
		.filter((s) => s.length > 0);
}

const ITEM_LEAD_RE =
	/^[\s:;,。、]*(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}[是、]|第[一二三四五六七八九十\d]{1,2}步[:,]?|\([一二三四五六七八九十]{1,2}\))?\s*/;

/** An item's span without its number mark and edge punctuation (decided on `norm`). */
function stripItem(norm: string, span: Span): Span {
	let { start, end } = trimSpan(norm, span);
	const lead = ITEM_LEAD_RE.exec(norm.slice(start, end));
	if (lead) start += lead[0].length;
	while (end > start && /[\s:;,。、]/.test(norm[end - 1])) end--;
	return { start, end };
}

/**
 * The guide's name: a line before the first section that is not just "办事指南"
 * (【办事指南】新生儿如何办理落户 → 新生儿如何办理落户), else the passage headline.
 */
function guideTitle(
	page: Page,
	passage: Passage,
	from: number,
	firstSection: number
): { text: string; start: number } | undefined {
	const lines = nonBlankLines(page.norm, from, firstSection).filter(
		(l) => l.end - l.start <= 40 && !/[。;]$/.test(page.norm.slice(l.start, l.end))
	);
	const candidates = lines.length
		? lines
		: passage.headline
			? [{ start: passage.start, end: passage.start + passage.headline.length }]
			: [];
	for (const l of [...candidates].reverse()) {
		let text = page.norm.slice(l.start, l.end);
		let start = l.start;
		// Strip a leading tag: 【办事指南】, 办事指南:, 办事指南|
		const tag = new RegExp(
			`^\\[?(?:${GUIDE_TITLE_WORDS.slice(0, 6).join('|')})\\]?\\s?[:|丨/·-]?\\s?`
		).exec(text);
		if (tag) {
			start += tag[0].length;
			text = text.slice(tag[0].length);
		}
		if (text.trim().length >= 2) {
			const span = trimSpan(page.norm, { start, end: l.end });
			return { text: cleanText(page.text, span), start: l.start };
		}
	}
	return undefined;
}
