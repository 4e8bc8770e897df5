/**
 * Cutting a page into passages (a headline and its body) and smaller spans, with offsets.
 *
 * Newspaper text from OCR or PDF layers has no markup: paragraphs are separated by blank
 * lines (sometimes by single line breaks), headlines are short lines without a sentence
 * end, and a paragraph broken by a column may continue after a blank line. Everything here
 * works on the normalised text and returns offsets valid in the original.
 */
import type { Page, Passage } from './pipeline';

export interface Span {
	start: number;
	end: number;
}

/** Characters that end a sentence; a line ending with one is body text, not a headline. */
const SENTENCE_END = /[。.!?!?;;:…]["')\]》]*$/;
/** Notice headings that open a passage even when they sit inside a column of notices. */
const NOTICE_HEADING =
	/^(?:[[【(]?)(?:遗失声明|挂失声明|作废声明|声明作废|寻物启事|招领启事|失物招领|认领启事|寻人启事|寻亲启事|寻亲公告|认领公告|查找.{0,12}公告|.{0,16}(?:公告|启事|声明|声明作废|作废声明|通告|通知|告示|须知))(?:[\])】]?)$/;
/** Longest line that can still be a headline. */
const HEADLINE_MAX = 50;

/** Lines of text[start, end) with offsets, without their line break (\n or \r\n). */
export function lines(text: string, start = 0, end = text.length): Span[] {
	const out: Span[] = [];
	let s = start;
	while (s <= end) {
		let e = text.indexOf('\n', s);
		if (e < 0 || e > end) e = end;
		const lineEnd = e > s && text[e - 1] === '\r' ? e - 1 : e;
		out.push({ start: s, end: lineEnd });
		if (e >= end) break;
		s = e + 1;
	}
	return out;
}

/** The span without leading and trailing whitespace (ideographic space included). */
export function trimSpan(text: string, span: Span): Span {
	let { start, end } = span;
	while (start < end && /[\s\u3000\u00a0\ufeff]/.test(text[start])) start++;
	while (end > start && /[\s\u3000\u00a0\ufeff]/.test(text[end - 1])) end--;
	return { start, end };
}

/** Paragraphs of text[start, end): runs of non-blank lines, trimmed. */
export function paragraphs(text: string, start = 0, end = text.length): Span[] {
	const out: Span[] = [];
	let cur: Span | undefined;
	for (const line of lines(text, start, end)) {
		const t = trimSpan(text, line);
		if (t.start === t.end) {
			if (cur) out.push(cur);
			cur = undefined;
		} else if (cur) {
			cur.end = t.end;
		} else {
			cur = { ...t };
		}
	}
	if (cur) out.push(cur);
	return out;
}

/** Non-blank lines of text[start, end), trimmed. */
export function nonBlankLines(text: string, start = 0, end = text.length): Span[] {
	return lines(text, start, end)
		.map((l) => trimSpan(text, l))
		.filter((l) => l.end > l.start);
}

/** Sentences of norm[start, end): cut after 。!?; and line breaks, trimmed, non-empty. */
export function sentences(norm: string, start = 0, end = norm.length): Span[] {
	const out: Span[] = [];
	let s = start;
	for (let i = start; i < end; i++) {
		const c = norm[i];
		if (c === '\n' || /[。!?;]/.test(c)) {
			// Keep a closing quote with its sentence: 。”
			let e = i + 1;
			while (e < end && /["'\])]/.test(norm[e])) e++;
			const t = trimSpan(norm, { start: s, end: c === '\n' ? i : e });
			if (t.end > t.start) out.push(t);
			s = e;
			i = e - 1;
		}
	}
	const t = trimSpan(norm, { start: s, end });
	if (t.end > t.start) out.push(t);
	return out;
}

/** A notice heading line: 遗失声明, 寻物启事, 关于…的公告. */
export function isNoticeHeading(norm: string, span: Span): boolean {
	return (
		span.end - span.start <= 30 && NOTICE_HEADING.test(norm.slice(span.start, span.end).trim())
	);
}

/**
 * True when a one-line paragraph reads as a headline: short, no sentence end, not a
 * continuation of a sentence cut by the column (the previous paragraph ends mid-sentence
 * and this one is short).
 */
export function isHeadline(norm: string, para: Span, prev?: Span): boolean {
	const s = norm.slice(para.start, para.end);
	if (s.includes('\n')) return false;
	if (isNoticeHeading(norm, para)) return true;
	if (s.length > HEADLINE_MAX || SENTENCE_END.test(s)) return false;
	if (/。/.test(s)) return false;
	// Numbered items (一、 / 1. / (二)) and "label: value" lines are body text of the passage
	// they sit in: guide sections, list entries, numbered points of an article.
	if (
		/^\s*(?:[一二三四五六七八九十]{1,2}[、.]|\(?[一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳])/.test(
			s
		)
	) {
		return false;
	}
	if (/^[^:]{1,16}:\s?\S/.test(s) && !/^[^:]*(?:指南|公告|启事|声明)/.test(s)) return false;
	// (作者系…) / (图片由…提供): the closing line of the article above.
	if (/^\(.*\)$/.test(s.trim())) return false;
	if (
		prev &&
		!SENTENCE_END.test(norm.slice(prev.start, prev.end)) &&
		prev.end - prev.start > HEADLINE_MAX
	) {
		// "…主动融入长株潭一体化和株醴" / "都市区发展" — a column break, not a headline.
		return /^[\s\d一二三四五六七八九十]+[、.]/.test(s);
	}
	return true;
}

/**
 * Cut a page into passages: a run of headline lines (title, subtitle, byline) and the body
 * paragraphs that follow, up to the next headline that follows body text.
 */
export function cutPassages(page: Page): Passage[] {
	const { text, norm } = page;
	const paras = paragraphs(norm);
	const out: Passage[] = [];
	let cur: (Passage & { hasBody: boolean }) | undefined;
	let prev: Span | undefined;
	for (const p of paras) {
		const head = isHeadline(norm, p, prev);
		if (head && (!cur || cur.hasBody)) {
			if (cur) out.push(strip(cur));
			cur = { start: p.start, end: p.end, headline: text.slice(p.start, p.end), hasBody: false };
		} else if (!cur) {
			cur = { start: p.start, end: p.end, hasBody: !head };
		} else {
			cur.end = p.end;
			if (!head) cur.hasBody = true;
		}
		prev = p;
	}
	if (cur) out.push(strip(cur));
	return out;
}

function strip(p: Passage & { hasBody?: boolean }): Passage {
	const out: Passage = { start: p.start, end: p.end };
	if (p.headline !== undefined) out.headline = p.headline;
	return out;
}

/** The span (passage, paragraph …) that contains `offset`, if any; spans sorted and disjoint. */
export function passageAt<T extends Span>(passages: readonly T[], offset: number): T | undefined {
	let lo = 0;
	let hi = passages.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const p = passages[mid];
		if (offset < p.start) hi = mid - 1;
		else if (offset >= p.end) lo = mid + 1;
		else return p;
	}
	return undefined;
}
