/**
 * Query understanding: what a resident typed → the terms to search, and what they want.
 * The one place both the search page and the API get it from (through searchRecords).
 *
 * 1. Text is folded (full-width → half-width, traditional → simplified) and phone numbers
 *    lose their country code: +86 139 7410 0000, 0086…, 86 13974100000 → 13974100000,
 *    +86 731 2868 1662 → 0731 2868 1662.
 * 2. THE tokenizer (tokenize.ts) splits the text into runs; runs of Chinese are cut into
 *    words by the segmenter (segment.ts) with our own dictionary.
 * 3. Each word is classified with the lexicon (lexicon.ts): particles and question words
 *    are dropped; 电话/热线/号码… and 怎么办/流程/材料… are dropped as terms but remembered
 *    as intents (records with phones, or guides and Q&A, come first); every other word is a
 *    term, searched as any of its synonyms. A term is matched by substring, as before.
 * 4. matchFor() builds the FTS5 expression: every term's alternatives go through
 *    buildMatchQuery (the tokenizer, every token quoted), so no user text ever reaches FTS5
 *    syntax; terms are ANDed, alternatives ORed.
 *
 * ASCII words also match the pinyin column (titles and organisations as pinyin and
 * initials, see pinyin.ts): `yibao` and `yb` find 医保 without anything special here.
 */
import { DISTRICT_ALIASES, DISTRICTS } from '../../records/city';
import { LruMap } from '../lru';
import type { Kind } from '../../records/kinds';
import { normalize } from '../../extract/normalize';
import {
	DOMAIN_WORDS,
	KIND_WORDS,
	LOSS_WORDS,
	PHONE_WORDS,
	PROCEDURE_WORDS,
	REPLACE_WORDS,
	STOP_WORDS,
	SYNONYMS
} from './lexicon';
import { pinyin } from 'pinyin-pro';
import { cutWords } from './segment';
import { buildMatchQuery, tokenize } from './tokenize';

/** One thing the records must contain: any of `alternatives`. */
export interface Term {
	/** The word as typed (folded), for messages such as 没有同时包含…的结果. */
	label: string;
	alternatives: string[];
	/**
	 * A lone character the segmenter could not place (学 in 小孩学游泳): it says little, so
	 * it is the first term dropped when all together find nothing.
	 */
	weak?: boolean;
}

export interface Understanding {
	terms: Term[];
	/** 电话, 热线, 号码…: records with phone numbers first. */
	wantsPhone: boolean;
	/** 怎么办, 流程, 材料… (or 丢了): 办事指南 and Q&A first. */
	wantsProcedure: boolean;
	/** The category the words point to, suggested when nothing is found. */
	kindHint: Kind | null;
	/**
	 * A district or county of the city is named (天元区, 醴陵…). When none is, records for the
	 * whole city rank above a county's own: 医保电话 is the city's 医保 number first.
	 */
	namesPlace: boolean;
}

/** Bounds on the work one query can ask for. */
const MAX_INPUT = 200;
const MAX_TERMS = 8;
const MAX_ALTERNATIVES = 8;

/** Pinyin words that ask for a phone number (typed without a Chinese keyboard). */
const PINYIN_PHONE_WORDS = new Set(['dianhua', 'dh', 'rexian', 'haoma', 'lianxifangshi']);
/** A pinyin syllable, roughly: lets `gong ji jin` be searched as `gongjijin`. */
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouv]{1,3})(?:ng|n|r)?$/;
const HAN = /^\p{Script=Han}+$/u;

/**
 * How a query names a place: the districts as printed and without their suffix (天元, 醴陵;
 * 攸县 keeps it, 攸 alone is no name). In a query, unlike a news text, 天元 means the district.
 */
const PLACE_NAMES = [
	...new Set([
		...DISTRICTS,
		...DISTRICTS.map((d) => (d.length > 2 ? d.replace(/[区市县]$/, '') : d)),
		...Object.keys(DISTRICT_ALIASES)
	])
];

let byPinyin: Map<string, string[]> | undefined;

/**
 * The words of the lexicon by their whole pinyin (shebao → 社保, canlian → 残联), built once:
 * a word typed in pinyin is then searched as those words and their synonyms too, not only in
 * the pinyin of titles (a title that says 残疾人联合会 has no `canlian` in it).
 */
function lexiconByPinyin(): Map<string, string[]> {
	if (!byPinyin) {
		byPinyin = new Map();
		for (const word of new Set([...SYNONYMS.keys(), ...DOMAIN_WORDS.map((w) => normalize(w))])) {
			if (word.length < 2 || !HAN.test(word)) continue;
			const key = pinyin(word, { toneType: 'none', type: 'array', v: true }).join('');
			if (!/^[a-z]+$/.test(key)) continue;
			byPinyin.set(key, [...(byPinyin.get(key) ?? []), word]);
		}
	}
	return byPinyin;
}

/** What a word is searched as: its synonyms, or for pinyin also the lexicon's words. */
function alternativesOf(word: string): string[] {
	const own = SYNONYMS.get(word) ?? [word];
	if (word.length < 4 || !/^[a-z]+$/.test(word)) return own;
	const chinese = (lexiconByPinyin().get(word) ?? []).flatMap((w) => SYNONYMS.get(w) ?? [w]);
	return [...new Set([...own, ...chinese])];
}

/**
 * Drops the country code from phone numbers: +86, 0086 and (before a mobile number) a bare
 * 86. A fixed line loses the trunk 0 in international form (+86 731 …): it is put back.
 */
export function stripCountryCode(text: string): string {
	return text
		.replace(/(?:\+|(?<!\d)00)\s*86[\s-]*(1[3-9]|\d)/g, (_, next: string) =>
			// A mobile number as it is; a fixed line with its 0 (kept if it was typed).
			next.length === 2 || next === '0' ? ' ' + next : ' 0' + next
		)
		.replace(/(?<!\d)86[\s-]?(?=1[3-9]\d(?:[\s-]?\d){8}(?!\d))/g, ' ');
}

interface Unit {
	text: string;
	han: boolean;
	ascii: boolean;
}

/** Runs of the text as THE tokenizer sees them: a Chinese run, an ASCII word or number. */
function unitsOf(text: string): Unit[] {
	const units: Unit[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length === 0) return;
		const joined = run.join('');
		units.push({ text: joined, han: HAN.test(joined), ascii: false });
		run = [];
	};
	for (const token of tokenize(text)) {
		if (!token.cjk) {
			flush();
			units.push({ text: token.text, han: false, ascii: true });
			continue;
		}
		if (token.gap) flush();
		// A run is its pairs (each adds its first character) and then its last character.
		run.push(token.single ? token.text : [...token.text][0]);
		if (token.single) flush();
	}
	flush();
	// `gong ji jin`: pinyin typed syllable by syllable is one word.
	const merged: Unit[] = [];
	let syllables = false;
	for (const unit of units) {
		const prev = merged[merged.length - 1];
		const syllable = unit.ascii && SYLLABLE.test(unit.text);
		if (syllable && syllables && prev) prev.text += unit.text;
		else merged.push({ ...unit });
		syllables = syllable;
	}
	return merged;
}

function known(word: string): boolean {
	return (
		STOP_WORDS.has(word) || PHONE_WORDS.has(word) || PROCEDURE_WORDS.has(word) || SYNONYMS.has(word)
	);
}

/**
 * The words of the query: Chinese runs cut by the segmenter. A character it left alone and
 * that the lexicon does not know is most often part of a name or of a phrase the dictionary
 * does not hold (周子|墨, 书法|班, 彭|振华, 路|灯不亮): it is joined to a neighbouring word
 * the lexicon does not know either (the one before it first), so the two are searched as one
 * phrase, in their order.
 */
function wordsOf(units: Unit[]): string[] {
	const words: string[] = [];
	for (const unit of units) {
		if (!unit.han) {
			words.push(unit.text);
			continue;
		}
		const cut = cutWords(unit.text);
		const loose = (w: string | undefined) => w !== undefined && !known(w);
		const run: string[] = [];
		for (let i = 0; i < cut.length; i++) {
			const word = cut[i];
			if (word.length === 1 && loose(word)) {
				if (run.length && loose(run[run.length - 1])) {
					run[run.length - 1] += word;
					continue;
				}
				if (i + 1 < cut.length && loose(cut[i + 1])) {
					cut[i + 1] = word + cut[i + 1];
					continue;
				}
			}
			run.push(word);
		}
		words.push(...run);
	}
	return words;
}

/** Queries read lately: a reader paging through results asks for the same query five times. */
const UNDERSTOOD = new LruMap<string, Understanding>(256);

/**
 * Reads a query (see the module comment). Never throws; bounded work for any input. The answer
 * is shared by every caller with the same query (it is a pure function of it, and reading one
 * costs ~25 µs, word segmentation included): treat it as read-only.
 */
export function understand(query: string): Understanding {
	// Only the first MAX_INPUT characters are read: they are the key too (a bounded one).
	const read = query.slice(0, MAX_INPUT);
	let understood = UNDERSTOOD.get(read);
	if (!understood) UNDERSTOOD.set(read, (understood = readQuery(read)));
	return understood;
}

function readQuery(query: string): Understanding {
	const text = stripCountryCode(normalize(query).toLowerCase());
	const words = wordsOf(unitsOf(text));
	let wantsPhone = false;
	let wantsProcedure = false;
	const terms: Term[] = [];
	const intentWords: string[] = [];
	for (const word of words) {
		if (STOP_WORDS.has(word)) continue;
		if (PHONE_WORDS.has(word) || PINYIN_PHONE_WORDS.has(word)) {
			wantsPhone = true;
			intentWords.push(word);
			continue;
		}
		if (PROCEDURE_WORDS.has(word)) {
			wantsProcedure = true;
			intentWords.push(word);
			continue;
		}
		if (LOSS_WORDS.has(word) || REPLACE_WORDS.has(word)) wantsProcedure = true;
		if (terms.some((t) => t.label === word)) continue;
		terms.push({ label: word, alternatives: alternativesOf(word) });
	}
	let kept = terms.map((t) =>
		t.label.length === 1 && HAN.test(t.label) && !SYNONYMS.has(t.label) ? { ...t, weak: true } : t
	);
	// Nothing but intent words (电话, 怎么办): search for those words themselves.
	if (kept.length === 0)
		kept = intentWords.map((w) => ({ label: w, alternatives: SYNONYMS.get(w) ?? [w] }));
	return {
		terms: kept.slice(0, MAX_TERMS),
		wantsPhone,
		wantsProcedure,
		kindHint: kindHint(words, wantsPhone, wantsProcedure),
		namesPlace: PLACE_NAMES.some((place) => text.includes(place))
	};
}

function kindHint(words: string[], wantsPhone: boolean, wantsProcedure: boolean): Kind | null {
	for (const [kind, list] of KIND_WORDS) if (words.some((w) => list.has(w))) return kind;
	if (wantsPhone) return 'hotline';
	if (wantsProcedure) return 'procedure';
	return null;
}

/**
 * The FTS5 MATCH expression for terms (all of them; any alternative of each), or null when
 * nothing searchable is left. Each alternative is built by buildMatchQuery, which quotes every
 * token: the expression's only syntax is the parentheses, AND and OR written here.
 */
export function matchFor(terms: readonly Term[]): string | null {
	const parts: string[] = [];
	for (const term of terms.slice(0, MAX_TERMS)) {
		const alternatives: string[] = [];
		for (const alternative of [...new Set(term.alternatives)].slice(0, MAX_ALTERNATIVES)) {
			const expression = buildMatchQuery(alternative);
			if (!expression) continue;
			// A word in letters is also searched whole, so the exact pinyin word (yibao = 医保)
			// counts twice and ranks above longer words it begins (yibaoka = 医保卡).
			if (/^"[a-z]{2,}"\*$/.test(expression)) alternatives.push(`(${expression.slice(0, -1)})`);
			alternatives.push(`(${expression})`);
		}
		if (alternatives.length === 1) parts.push(alternatives[0]);
		else if (alternatives.length > 1) parts.push(`(${alternatives.join(' OR ')})`);
	}
	return parts.length ? parts.join(' AND ') : null;
}

/**
 * A term that can be cut smaller when it finds nothing: three or more Chinese characters with
 * no synonyms (the segmenter's 灯不亮 or 打预防针, or a name run together) becomes its
 * overlapping pairs, so 路灯不亮 can still find 路灯 and 孩子打预防针 find 预防.
 */
export function splitTerm(term: Term): Term[] | null {
	const chars = [...term.label];
	if (chars.length < 3 || !HAN.test(term.label)) return null;
	if (term.alternatives.length !== 1 || term.alternatives[0] !== term.label) return null;
	const pairs: Term[] = [];
	for (let i = 0; i + 1 < chars.length; i++) {
		const pair = chars[i] + chars[i + 1];
		pairs.push({ label: pair, alternatives: SYNONYMS.get(pair) ?? [pair] });
	}
	return pairs;
}

let lexiconWords: Map<number, string[]> | undefined;

/**
 * A typo's correction: the lexicon words (three characters or more) that differ from a term
 * found nowhere by exactly one character (公机金 → 公积金, 残疾正 → 残疾证), as one term with
 * their synonyms, or null. Only tried for terms that find nothing, so a rare real word is
 * never replaced.
 */
export function closeWord(term: Term): Term | null {
	const chars = [...term.label];
	if (chars.length < 3 || !HAN.test(term.label)) return null;
	if (!lexiconWords) {
		lexiconWords = new Map();
		for (const word of new Set([...SYNONYMS.keys(), ...DOMAIN_WORDS.map((w) => normalize(w))])) {
			const length = [...word].length;
			if (length >= 3 && HAN.test(word))
				lexiconWords.set(length, [...(lexiconWords.get(length) ?? []), word]);
		}
	}
	const close = (lexiconWords.get(chars.length) ?? []).filter((word) => {
		const other = [...word];
		let differences = 0;
		for (let i = 0; i < chars.length && differences < 2; i++)
			if (chars[i] !== other[i]) differences++;
		return differences === 1;
	});
	if (close.length === 0) return null;
	const alternatives = [...new Set(close.flatMap((w) => SYNONYMS.get(w) ?? [w]))];
	return { label: close[0], alternatives: alternatives.slice(0, MAX_ALTERNATIVES) };
}

/** The words to highlight in snippets: every alternative of every term. */
export function highlightWords(terms: readonly Term[]): string[] {
	return [...new Set(terms.flatMap((t) => [t.label, ...t.alternatives]))];
}
