/**
 * Lines and paragraphs of a whole page, found through an index of its line breaks built
 * once per page: a page can be one long paragraph with thousands of notices in it, and
 * scanning back and forth from each of them to the nearest line break would take time
 * quadratic in the paragraph's length.
 */
import type { Page } from '../pipeline';
import { firstPrinted, lowerBound, paragraphs, trimBlank, type Span } from './spans';

interface BreakIndex {
	/** Offsets of every `\n` of `page.norm`, ascending. */
	breaks: Int32Array;
	/** Offsets `i` where a blank line starts (`\n\n` at `i`), ascending; built on demand. */
	pairs?: Int32Array;
}

/**
 * The index of each page, kept with the page object: a page's text cannot be the key, as
 * comparing a long string with itself may read it through.
 */
const BREAKS = new WeakMap<Page, BreakIndex>();

function breakIndex(page: Page): BreakIndex {
	let index = BREAKS.get(page);
	if (!index) {
		const norm = page.norm;
		const found: number[] = [];
		for (let i = norm.indexOf('\n'); i >= 0; i = norm.indexOf('\n', i + 1)) found.push(i);
		index = { breaks: new Int32Array(found) };
		BREAKS.set(page, index);
	}
	return index;
}

function blankLineIndex(page: Page): Int32Array {
	const index = breakIndex(page);
	if (!index.pairs) {
		const { breaks } = index;
		const pairs: number[] = [];
		for (let k = 0; k + 1 < breaks.length; k++) {
			if (breaks[k + 1] === breaks[k] + 1) pairs.push(breaks[k]);
		}
		index.pairs = new Int32Array(pairs);
	}
	return index.pairs;
}

/** The last element of ascending `a` that is `<= x`, or -1 (as `lastIndexOf` answers). */
function lastAtOrBefore(a: Int32Array, x: number): number {
	const k = lowerBound(a, x + 1) - 1;
	return k >= 0 ? a[k] : -1;
}

/** The first element of ascending `a` that is `>= x`, or -1 (as `indexOf` answers). */
function firstAtOrAfter(a: Int32Array, x: number): number {
	const k = lowerBound(a, x);
	return k < a.length ? a[k] : -1;
}

/** Offset of the start of the line of `page.norm` that holds `pos`. */
export function lineStart(page: Page, pos: number): number {
	// norm.lastIndexOf('\n', pos - 1) + 1, the position clamped into the text as it does.
	const at = Math.min(Math.max(pos - 1, 0), page.norm.length - 1);
	return lastAtOrBefore(breakIndex(page).breaks, at) + 1;
}

/** Offset of the end (the `\n` or text end) of the line of `page.norm` that holds `pos`. */
export function lineEnd(page: Page, pos: number): number {
	// norm.indexOf('\n', pos), the position clamped into the text as it does.
	const i = firstAtOrAfter(breakIndex(page).breaks, Math.min(Math.max(pos, 0), page.norm.length));
	return i < 0 ? page.norm.length : i;
}

/**
 * The paragraph of `page.norm` around `pos`: between blank lines (two line breaks in a
 * row) or the page's ends, trimmed of whitespace.
 */
export function paragraphAt(page: Page, pos: number): Span {
	const norm = page.norm;
	const pairs = blankLineIndex(page);
	// norm.lastIndexOf('\n\n', pos) and norm.indexOf('\n\n', pos), positions clamped.
	const before = lastAtOrBefore(pairs, Math.min(Math.max(pos, 0), norm.length - 2));
	const after = firstAtOrAfter(pairs, Math.min(Math.max(pos, 0), norm.length));
	return trimBlank(norm, {
		start: before < 0 ? 0 : before,
		end: after < 0 ? norm.length : after
	});
}

/** A line of a page with its offsets (end excludes the line break) and its `norm` text. */
export interface PageLine extends Span {
	text: string;
}

/**
 * Every line of the page, cut once and shared by every caller that asks for lines (the
 * parsers each walk the lines of their passages, and several walk the whole page): never
 * change them. A text that ends with a line break has an empty last line.
 */
const LINES = new WeakMap<Page, { lines: PageLine[]; starts: Int32Array }>();

function allLines(page: Page): { lines: PageLine[]; starts: Int32Array } {
	let found = LINES.get(page);
	if (!found) {
		const norm = page.norm;
		const breaks = breakIndex(page).breaks;
		const n = breaks.length + 1;
		const lines: PageLine[] = new Array(n);
		const starts = new Int32Array(n);
		let s = 0;
		for (let k = 0; k < n; k++) {
			const e = k < breaks.length ? breaks[k] : norm.length;
			lines[k] = { start: s, end: e, text: norm.slice(s, e) };
			starts[k] = s;
			s = e + 1;
		}
		found = { lines, starts };
		LINES.set(page, found);
	}
	return found;
}

/**
 * The lines of `page.norm` that start in `[from, to)` (the first may start before), in
 * order: the page's own line objects, not copies (see allLines).
 */
export function eachPageLine(page: Page, from: number, to: number): readonly PageLine[] {
	const { lines, starts } = allLines(page);
	// The line that holds `from` (its start is lineStart(page, from)), up to the first line
	// that starts at or after `to`.
	const k = lowerBound(breakIndex(page).breaks, lineStart(page, from));
	const end = Math.max(k, lowerBound(starts, to));
	return k === 0 && end === lines.length ? lines : lines.slice(k, end);
}

/** The lines of `page.norm` that start in `[from, to)`: eachPageLine's, in an array of its own. */
export function pageLines(page: Page, from: number, to: number): PageLine[] {
	const { lines, starts } = allLines(page);
	const k = lowerBound(breakIndex(page).breaks, lineStart(page, from));
	return lines.slice(k, Math.max(k, lowerBound(starts, to)));
}

/**
 * Paragraphs (runs of non-blank lines) of `span` of the page, each clamped to the span: the
 * first may start inside a line and the last end inside one. Lines are not trimmed.
 */
export function pageParagraphs(page: Page, span: Span): Span[] {
	const out: Span[] = [];
	let s = -1;
	let e = -1;
	for (const l of pageLines(page, span.start, span.end)) {
		if (firstPrinted(page.norm, l) < 0) {
			if (s >= 0) out.push({ start: s, end: e });
			s = -1;
			continue;
		}
		if (s < 0) s = Math.max(l.start, span.start);
		e = Math.min(l.end, span.end);
	}
	if (s >= 0) out.push({ start: s, end: e });
	return out;
}

/** `paragraphs(page.norm)` of each page, cut once (the Q&A finders each read them all). */
const PARAGRAPHS = new WeakMap<Page, Span[]>();

/**
 * The paragraphs of the whole page, as `paragraphs(page.norm)` cuts them: one array per
 * page, shared by every caller: never change it.
 */
export function allParagraphs(page: Page): Span[] {
	let found = PARAGRAPHS.get(page);
	if (!found) {
		found = paragraphs(page.norm);
		PARAGRAPHS.set(page, found);
	}
	return found;
}
