/**
 * The pinyin of a record's title and organisation, for the `pinyin` column of record_fts
 * (migration 0003): residents without a Chinese keyboard type `yibao` or `yb` for 医保.
 *
 * Each word (cut by the segmenter) is indexed as its whole pinyin and its initials, and so is
 * each pair of neighbouring words: 医保报销 → yibao yb baoxiao bx yibaobaoxiao ybbx. A query
 * word in ASCII letters is searched as a prefix in every column (see understand.ts), so
 * `yib`, `yibao` and `ybbx` all find it. pinyin-pro chooses readings by context
 * (银行 → yinhang), which whole words need.
 */
import { pinyin } from 'pinyin-pro';
import { normalize } from '../../extract/normalize';
import { cutWords } from './segment';

const HAN = /\p{Script=Han}+/gu;
/** Longest text read per record: titles and organisation names are short. */
const MAX_CHARS = 120;

function wordsOf(text: string): { full: string; initials: string }[] {
	const words: { full: string; initials: string }[] = [];
	for (const [run] of text.matchAll(HAN)) {
		const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
		let at = 0;
		for (const word of cutWords(run)) {
			const parts = syllables.slice(at, at + word.length);
			at += word.length;
			if (parts.some((p) => !/^[a-z]+$/.test(p))) continue;
			words.push({ full: parts.join(''), initials: parts.map((p) => p[0]).join('') });
		}
	}
	return words;
}

/**
 * Titles and organisations repeat (every district's 医疗保障局, thousands of 查找弃婴生父母公告):
 * a bounded memo keeps a bulk load from converting the same text again (80 µs each).
 */
const memo = new Map<string, { full: string; initials: string }[]>();
const MEMO_SIZE = 5000;

function wordsOfCached(text: string): { full: string; initials: string }[] {
	let words = memo.get(text);
	if (!words) {
		words = wordsOf(normalize(text.slice(0, MAX_CHARS)));
		if (memo.size >= MEMO_SIZE) memo.clear();
		memo.set(text, words);
	}
	return words;
}

/** The pinyin column's text for a record (space-separated ASCII tokens, no duplicates). */
export function pinyinIndexText(...parts: (string | null | undefined)[]): string {
	const tokens = new Set<string>();
	for (const part of parts) {
		if (!part) continue;
		const words = wordsOfCached(part);
		for (let i = 0; i < words.length; i++) {
			tokens.add(words[i].full);
			tokens.add(words[i].initials);
			if (i + 1 < words.length) {
				tokens.add(words[i].full + words[i + 1].full);
				tokens.add(words[i].initials + words[i + 1].initials);
			}
		}
	}
	return [...tokens].join(' ');
}
