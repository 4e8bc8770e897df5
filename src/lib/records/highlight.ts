import { normalize, normalizedCode } from '../extract/normalize';
import { maskPersonalNumbers } from './privacy';

/** A piece of text, marked when it matched the query. Rendered as text, never as HTML. */
export interface Segment {
	text: string;
	mark: boolean;
}

function fold(text: string): string {
	// Same length as the input: normalize() keeps offsets, ASCII lower-casing too.
	return normalize(text).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The words of a query as they appear in folded text (split at spaces and punctuation). */
export function queryWords(query: string): string[] {
	return fold(query)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0)
		.slice(0, 12);
}

/** fold() of one code unit: fold(text).charCodeAt(i) is foldedCode(text.charCodeAt(i)). */
function foldedCode(code: number): number {
	const c = normalizedCode(code);
	return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/**
 * indexOf in fold(text), without building fold(text): `word` is folded already. Search snippets
 * ask this of 20 short texts per page; folding each text first was most of a snippet's time.
 */
function indexOfFolded(text: string, word: string, from: number): number {
	const first = word.charCodeAt(0);
	next: for (let at = from; at + word.length <= text.length; at++) {
		if (foldedCode(text.charCodeAt(at)) !== first) continue;
		for (let k = 1; k < word.length; k++)
			if (foldedCode(text.charCodeAt(at + k)) !== word.charCodeAt(k)) continue next;
		return at;
	}
	return -1;
}

/**
 * Ranges [start, end) where any query word occurs in the text, merged and sorted. The words are
 * folded (queryWords, or fold() of each); the text is compared folded.
 */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
	const ranges: [number, number][] = [];
	for (const word of words) {
		if (word.length === 0) continue;
		for (
			let at = indexOfFolded(text, word, 0);
			at !== -1 && ranges.length < 200;
			at = indexOfFolded(text, word, at + word.length)
		) {
			ranges.push([at, at + word.length]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const r of ranges) {
		const last = merged[merged.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else merged.push([r[0], r[1]]);
	}
	return merged;
}

/** Splits text into marked and unmarked segments (public callers pass masked text). */
export function highlight(text: string, ranges: readonly [number, number][]): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		if (start > at) segments.push({ text: text.slice(at, start), mark: false });
		segments.push({ text: text.slice(start, end), mark: true });
		at = end;
	}
	if (at < text.length) segments.push({ text: text.slice(at), mark: false });
	return segments;
}

/**
 * A short window of the text around the first match (or its start), highlighted.
 * `query` is what was typed, or the words to mark (search's understood words, synonyms
 * included). `length` is in characters. Personal numbers are masked in the WHOLE text before
 * the window is cut and before matching: a window cut inside a number (…203198502173310甲) is
 * too short to be recognised as one, and a query word marked inside a number would tell where
 * its digits stand.
 */
export function snippet(text: string, query: string | readonly string[], length = 90): Segment[] {
	return snippets(query, length)(text);
}

/** snippet() for many texts and one query (a page of search results): the words are folded once. */
export function snippets(
	query: string | readonly string[],
	length = 90
): (text: string) => Segment[] {
	const words = typeof query === 'string' ? queryWords(query) : query.map(fold).filter(Boolean);
	return (text) => {
		const flat = maskPersonalNumbers(collapseSpaces(text));
		const ranges = matchRanges(flat, words);
		const first = ranges[0]?.[0] ?? 0;
		const start = Math.max(0, Math.min(first - Math.floor(length / 3), flat.length - length));
		const end = Math.min(flat.length, start + length);
		const window = flat.slice(start, end);
		const local = ranges
			.filter(([s, e]) => e > start && s < end)
			.map(([s, e]) => [Math.max(0, s - start), Math.min(end, e) - start] as [number, number]);
		const segments = highlight(window, local);
		if (start > 0) segments.unshift({ text: '…', mark: false });
		if (end < flat.length) segments.push({ text: '…', mark: false });
		return segments;
	};
}

/** Runs of white space as one space, none at the ends; the text itself when it has none to fold. */
function collapseSpaces(text: string): string {
	return /[^\S ]|\s\s|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export function segmentsToText(segments: readonly Segment[]): string {
	return segments.map((s) => s.text).join('');
}
