/**
 * Spans of page text and the ways a page is cut into them: lines, paragraphs, sentences,
 * clauses. A `Span` is the one offset type of the extractor: `[start, end)` of `page.text`
 * (and of `page.norm`, which has the same length). Nothing here knows about notices.
 */

/** `[start, end)` of the page, valid in `page.text` and `page.norm` alike. */
export interface Span {
	start: number;
	end: number;
}

/** Characters `trimEdges` drops: whitespace, punctuation, bullets, quotes and brackets. */
const EDGE = /[\s,.;:!?、。，；：！？·•●○◎◆◇■□▲△▼▽★☆※→\-~'"()[\]<>《》〈〉]/;

/** The punctuation that ends a clause: , ， ; ； 。 ! ！ ? ？ (by UTF-16 code, tested per character). */
function isClauseEnd(c: number): boolean {
	return (
		c === 0x2c ||
		c === 0xff0c ||
		c === 0x3b ||
		c === 0xff1b ||
		c === 0x3002 ||
		c === 0x21 ||
		c === 0xff01 ||
		c === 0x3f ||
		c === 0xff1f
	);
}

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

/**
 * The span without leading and trailing whitespace. JavaScript's `\s` covers the ideographic
 * space, no-break space and byte-order mark that OCR and PDF text carry.
 */
export function trimBlank(text: string, span: Span): Span {
	let { start, end } = span;
	while (start < end && isSpace(text.charCodeAt(start))) start++;
	while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
	return { start, end };
}

/** Every UTF-16 unit `isSpace` accepts (what `\s` matches), for tables indexed by unit. */
export const SPACE_CODES: readonly number[] = [
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
	0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff
];

/**
 * `/\s/.test(c)` for the UTF-16 unit `code`, without a regex call per character: ECMAScript's
 * white space and line terminators.
 */
export function isSpace(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/**
 * The UTF-16 code of the first non-blank character of `span` of `text` (what `trim()` of its
 * text would start with), or -1 when it is all blank: without building the trimmed string.
 */
export function firstPrinted(text: string, span: Span): number {
	for (let i = span.start; i < span.end; i++) {
		const c = text.charCodeAt(i);
		if (!isSpace(c)) return c;
	}
	return -1;
}

/**
 * The span shrunk past edge whitespace and punctuation of `norm`, for a field's value. A
 * closing bracket at the end is kept when its opening bracket is inside the field.
 */
export function trimEdges(norm: string, span: Span): Span {
	let s = span.start;
	let e = span.end;
	while (s < e && EDGE.test(norm[s])) s++;
	while (e > s && EDGE.test(norm[e - 1])) e--;
	if (e < span.end && /[)\]》]/.test(norm[e])) {
		const open = norm[e] === ')' ? '(' : norm[e] === ']' ? '[' : '《';
		const inside = norm.slice(s, e);
		if (inside.lastIndexOf(open) > inside.lastIndexOf(norm[e])) e++;
	}
	return { start: s, end: e };
}

/** Paragraphs of text[start, end): runs of non-blank lines, trimmed. */
export function paragraphs(text: string, start = 0, end = text.length): Span[] {
	const out: Span[] = [];
	let cur: Span | undefined;
	// The lines of `lines(text, start, end)`, walked without building them.
	let s = start;
	while (s <= end) {
		let e = text.indexOf('\n', s);
		if (e < 0 || e > end) e = end;
		const t = trimBlank(text, { start: s, end: e > s && text[e - 1] === '\r' ? e - 1 : e });
		if (t.start === t.end) {
			if (cur) out.push(cur);
			cur = undefined;
		} else if (cur) {
			cur.end = t.end;
		} else {
			cur = t;
		}
		if (e >= end) break;
		s = e + 1;
	}
	if (cur) out.push(cur);
	return out;
}

/** Non-blank lines of text[start, end), trimmed. */
export function nonBlankLines(text: string, start = 0, end = text.length): Span[] {
	const out: Span[] = [];
	// The lines of `lines(text, start, end)`, walked without building them.
	let s = start;
	while (s <= end) {
		let e = text.indexOf('\n', s);
		if (e < 0 || e > end) e = end;
		const t = trimBlank(text, { start: s, end: e > s && text[e - 1] === '\r' ? e - 1 : e });
		if (t.end > t.start) out.push(t);
		if (e >= end) break;
		s = e + 1;
	}
	return out;
}

/** Sentences of norm[start, end): cut after 。!?; and line breaks, trimmed, non-empty. */
export function sentences(norm: string, start = 0, end = norm.length): Span[] {
	const out: Span[] = [];
	let s = start;
	for (let i = start; i < end; i++) {
		// By character code, not a one-character string and a regex test per character.
		const c = norm.charCodeAt(i);
		// \n 。 ! ? ;
		if (c === 0x0a || c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b) {
			// Keep a closing quote with its sentence: 。” (" ' ] ))
			let e = i + 1;
			for (let q = norm.charCodeAt(e); e < end; q = norm.charCodeAt(++e))
				if (q !== 0x22 && q !== 0x27 && q !== 0x5d && q !== 0x29) break;
			const t = trimBlank(norm, { start: s, end: c === 0x0a ? i : e });
			if (t.end > t.start) out.push(t);
			s = e;
			i = e - 1;
		}
	}
	const t = trimBlank(norm, { start: s, end });
	if (t.end > t.start) out.push(t);
	return out;
}

/** Where the first clause of `span` ends: its punctuation mark, or `span.end`. */
export function clauseEnd(norm: string, span: Span): number {
	let i = span.start;
	while (i < span.end && !isClauseEnd(norm.charCodeAt(i))) i++;
	return i;
}

/** Clauses of `span`: cut at commas, semicolons, full stops, `trimEdges`-ed, non-empty. */
export function clauses(norm: string, span: Span): Span[] {
	const out: Span[] = [];
	let s = span.start;
	for (let i = span.start; i <= span.end; i++) {
		if (i === span.end || isClauseEnd(norm.charCodeAt(i))) {
			const t = trimEdges(norm, { start: s, end: i });
			if (t.end > t.start) out.push(t);
			s = i + 1;
		}
	}
	return out;
}

/** The span (passage, paragraph …) that contains `offset`, if any; spans sorted and disjoint. */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
	let lo = 0;
	let hi = spans.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const p = spans[mid];
		if (offset < p.start) hi = mid - 1;
		else if (offset >= p.end) lo = mid + 1;
		else return p;
	}
	return undefined;
}

/** The first index `k` of ascending `a` with `a[k] >= x` (`a.length` when there is none). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (a[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Spans taken so far, asked whether a new span overlaps one of them. Spans are mostly
 * added in text order; the answer holds in any order.
 */
export class SpanSet {
	private starts: number[] = [];
	private ends: number[] = [];
	/** The largest end among the spans up to each position (spans sorted by start). */
	private maxEnds: number[] = [];

	add(span: Span): void {
		const k = lowerBound(this.starts, span.start + 1);
		this.starts.splice(k, 0, span.start);
		this.ends.splice(k, 0, span.end);
		this.maxEnds.length = this.starts.length;
		for (let i = k; i < this.starts.length; i++)
			this.maxEnds[i] = Math.max(i > 0 ? this.maxEnds[i - 1] : -Infinity, this.ends[i]);
	}

	/** True when a span of the set has `start < span.end` and `end > span.start`. */
	overlaps(span: Span): boolean {
		const k = lowerBound(this.starts, span.end);
		return k > 0 && this.maxEnds[k - 1] > span.start;
	}
}

/**
 * The cells of one line of a table in a text layer: the runs of text between blanks
 * (a space or a tab; `norm` has the full-width space as a space).
 */
export function cells(norm: string, span: Span): Span[] {
	const out: Span[] = [];
	let s = -1;
	for (let i = span.start; i <= span.end; i++) {
		const c = norm.charCodeAt(i);
		const blank = i === span.end || c === 0x20 || c === 0x09;
		if (blank && s >= 0) {
			out.push({ start: s, end: i });
			s = -1;
		} else if (!blank && s < 0) s = i;
	}
	return out;
}
