import { normalize } from '../../extract/normalize';
import { findPersonalNumbers, idPart } from '../../records/privacy';

/**
 * THE tokenizer: the one function that turns text into search tokens, used both to build the
 * index and to build queries, so the two can never drift apart.
 *
 * Why character pairs: SQLite's unicode61 tokenizer sees a run of Chinese as one token (医保 is
 * never found inside 医保卡), and trigram cannot match queries shorter than three characters.
 * So a run of Chinese (or other non-ASCII letters) becomes overlapping pairs plus its last
 * character alone: 医保卡 → 医保 保卡 卡. A query is cut the same way and matched as a phrase,
 * which is exactly a substring match inside the run. Every character starts some token, so a
 * one-character query is a prefix query (证*) served by the index's 1-character prefix index.
 *
 * Digits separated by single spaces, hyphens or dashes are joined (0731 2821 1662 and
 * 0731-28213456 both become 073128213456), so numbers match however they are typed.
 * Text is first folded by the extractor's normalize(): full-width → half-width, traditional →
 * simplified, so a simplified query finds a record printed in traditional script.
 *
 * A number that holds an ID (records/privacy.ts decides which: 430203 19850217 3310, one
 * wrapped across lines, NO430203…) is ONE token of its digits, never pieces, and a longer one
 * (a 残疾证 number: ID + 2) also yields its ID part. With buildMatchQuery's rule that numbers of
 * 7 or more digits never match as a prefix, only the whole number (or its ID part) finds it:
 * typing the first digits of a masked number learns nothing about the rest.
 */

export interface Token {
	text: string;
	/** Non-ASCII letters (Chinese); otherwise an ASCII word or number. */
	cjk: boolean;
	/** The token is the last character of a Chinese run, indexed on its own. */
	single: boolean;
	/** Whitespace or punctuation stood between this token and the previous one. */
	gap: boolean;
}

const MAX_INPUT = 20_000;

function isAsciiWord(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
/** Letters and numbers outside ASCII (Chinese, kana, hangul, accented Latin). */
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const DIGIT_JOINERS = new Set([' ', '-', '—', '–', '(', ')']);

/** Splits text into tokens (see the module comment). Never throws; bounded work for any input. */
export function tokenize(input: string): Token[] {
	const text = normalize(
		input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input
	).toLowerCase();
	const tokens: Token[] = [];
	const personal = findPersonalNumbers(text);
	let next = 0;
	let gap = true;
	let i = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		while (next < personal.length && personal[next].start < i) next++; // never, kept safe
		const number = personal[next];
		if (number && i === number.start) {
			tokens.push({ text: number.digits, cjk: false, single: false, gap });
			const id = idPart(number.digits);
			if (id !== number.digits) tokens.push({ text: id, cjk: false, single: false, gap: false });
			gap = false;
			i = number.end;
			next++;
			continue;
		}
		// A word stops where a personal number starts (NO430203… is "no" and the number).
		const stop = number ? number.start : text.length;
		if (isAsciiWord(c)) {
			let word = '';
			let j = i;
			for (;;) {
				while (j < stop && isAsciiWord(text.charCodeAt(j))) word += text[j++];
				// Join digit groups split by one separator: "0731 2821" or "(0731)28213456".
				if (
					isDigit(text.charCodeAt(j - 1)) &&
					j + 1 < stop &&
					DIGIT_JOINERS.has(text[j]) &&
					isDigit(text.charCodeAt(j + 1))
				) {
					j++;
					continue;
				}
				break;
			}
			tokens.push({ text: word, cjk: false, single: false, gap });
			gap = false;
			i = j;
			continue;
		}
		const ch = String.fromCodePoint(text.codePointAt(i)!);
		if (c > 127 && NON_ASCII_WORD.test(ch)) {
			const run: string[] = [];
			let j = i;
			while (j < text.length) {
				const cp = text.codePointAt(j)!;
				const s = String.fromCodePoint(cp);
				if (cp <= 127 || !NON_ASCII_WORD.test(s)) break;
				run.push(s);
				j += s.length;
			}
			for (let k = 0; k + 1 < run.length; k++) {
				tokens.push({ text: run[k] + run[k + 1], cjk: true, single: false, gap: k === 0 && gap });
			}
			tokens.push({
				text: run[run.length - 1],
				cjk: true,
				single: true,
				gap: run.length === 1 && gap
			});
			gap = false;
			i = j;
			continue;
		}
		// "(" before digits belongs to the number: (0731)28213456.
		if (text[i] === '(' && isDigit(text.charCodeAt(i + 1))) {
			i++;
			continue;
		}
		gap = true;
		i += ch.length;
	}
	return tokens;
}

/** The text stored in an FTS column: tokens separated by spaces. */
export function indexText(...parts: (string | null | undefined)[]): string {
	const out: string[] = [];
	for (const part of parts) if (part) for (const t of tokenize(part)) out.push(t.text);
	return out.join(' ');
}

function digitCount(token: string): number {
	let n = 0;
	for (let k = 0; k < token.length; k++) if (isDigit(token.charCodeAt(k))) n++;
	return n;
}

function quote(token: string): string {
	return '"' + token.replaceAll('"', '""') + '"';
}

/**
 * Builds an FTS5 MATCH expression from what a person typed, or null when nothing searchable is
 * left (the caller then returns no results). Words separated by spaces or punctuation must all
 * occur (AND); inside a word the tokens form a phrase. The user's text never reaches FTS5
 * syntax: every token is quoted, operators and punctuation are dropped by the tokenizer.
 */
export function buildMatchQuery(query: string): string | null {
	const phrases: Token[][] = [];
	for (const token of tokenize(query)) {
		if (token.gap || phrases.length === 0) phrases.push([]);
		phrases[phrases.length - 1].push(token);
	}
	const parts: string[] = [];
	for (const phrase of phrases) {
		// A run's lone last character adds nothing at the end of a phrase when pairs cover it.
		const last = phrase[phrase.length - 1];
		const prev = phrase[phrase.length - 2];
		if (phrase.length > 1 && last.single && prev?.cjk && !prev.single) phrase.pop();
		const terms = phrase.map((t, index) => {
			// The final term is a prefix: a lone character must match the pairs it starts, and a
			// partial number or word still finds the whole one. Not a Chinese pair: no token is
			// longer than a pair, so "医保"* finds what "医保" finds — but as a prefix FTS5 first
			// copies the whole doclist into memory (2.3 → 5.5 ms for 医保 at a million records).
			// Never a number of 7 or more digits: a prefix of an ID would find it digit by digit
			// (q=4302031, 43020319, …) although the page shows it masked; phones are found whole.
			const prefix = index === phrase.length - 1 && !(t.cjk && !t.single) && digitCount(t.text) < 7;
			return prefix ? quote(t.text) + '*' : quote(t.text);
		});
		parts.push(terms.join(' + '));
	}
	if (parts.length === 0) return null;
	// Bound the work one query can ask for.
	return parts.slice(0, 12).join(' AND ');
}
