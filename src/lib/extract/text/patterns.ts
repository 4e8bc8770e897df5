/**
 * Building patterns from word lists once (chrono's `matchAnyPattern`), and character tests
 * the parsers share.
 */
import { lowerBound } from './spans';

/** Bullets and list marks that start an item in a column of short notices. */
export const BULLETS = '·•●○◎◆◇■□▲△▼▽★☆※►▶';

/** A regex that matches any of `words`, longest first (so 救助管理站 wins over 救助站). */
export function anyOf(words: readonly string[], flags?: string): RegExp {
	const escaped = [...words]
		.sort((a, b) => b.length - a.length)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(escaped.join('|'), flags);
}

/** The alternation source of `words` (longest first), to embed in a larger pattern. */
export function alternation(words: readonly string[]): string {
	return anyOf(words).source;
}

/** True when `c` is a CJK ideograph (BMP). */
export function isCjk(c: string | undefined): boolean {
	if (!c) return false;
	return isCjkCode(c.charCodeAt(0));
}

/** True when the UTF-16 unit `code` is a CJK ideograph (BMP). */
export function isCjkCode(code: number): boolean {
	return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
}

/** True when `c` holds an ASCII letter or digit (callers pass one character). */
export function isAlnum(c: string | undefined): boolean {
	if (!c) return false;
	return c.length === 1 ? isAlnumCode(c.charCodeAt(0)) : /[0-9A-Za-z]/.test(c);
}

/** True when the UTF-16 unit `code` is an ASCII letter or digit (NaN is not). */
export function isAlnumCode(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The pattern of each word list (Occurrences), built once: lists are module constants. */
const WORDS_PATTERNS = new WeakMap<readonly string[], RegExp>();

function wordsPattern(words: readonly string[]): RegExp {
	let re = WORDS_PATTERNS.get(words);
	if (!re) {
		// Shortest first: at one position the shortest word ends first.
		const alt = [...words]
			.sort((a, b) => a.length - b.length)
			.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('|');
		re = new RegExp(alt, 'g');
		WORDS_PATTERNS.set(words, re);
	}
	return re;
}

/**
 * Where any of some words occur in `[from, to)` of a text (overlapping occurrences
 * included), to ask whether a span inside it holds one whole — what
 * `/w1|w2/.test(text.slice(start, end))` answers — without reading the span again for
 * every question.
 */
export class Occurrences {
	private starts: number[] = [];
	/** The smallest end among the occurrences from each position on. */
	private minEnds: number[] = [];

	constructor(text: string, words: readonly string[], from = 0, to = text.length) {
		// Every position where a word starts: after each match the search goes on from the
		// next character, so overlapping occurrences are found. (A zero-width lookahead
		// around the alternation finds the same, three times slower: V8 then cannot skip
		// to the words' first characters.)
		const window = text.slice(from, to);
		const re = wordsPattern(words);
		re.lastIndex = 0;
		for (let m = re.exec(window); m; m = re.exec(window)) {
			this.starts.push(from + m.index);
			this.minEnds.push(from + m.index + m[0].length);
			re.lastIndex = m.index + 1;
		}
		// Each occurrence's end, then the smallest from there on.
		for (let i = this.minEnds.length - 2; i >= 0; i--)
			this.minEnds[i] = Math.min(this.minEnds[i], this.minEnds[i + 1]);
	}

	/** True when some occurrence lies wholly inside `[start, end)`. */
	within(start: number, end: number): boolean {
		const k = lowerBound(this.starts, start);
		return k < this.starts.length && this.minEnds[k] <= end;
	}
}
