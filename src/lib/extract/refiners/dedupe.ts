/**
 * OCR and page layout print the same paragraph two or three times; each copy would yield
 * the same record. Keep the first (earliest offsets) of records that say the same thing.
 */
import type { Page, Refiner } from '../pipeline';
import type { ExtractedRecord } from '../../records/types';

/** One character (a code point) that squash drops. */
const DROPPED_RE = /^[\s\p{P}\p{S}]$/u;
/** Per UTF-16 unit outside the surrogates: 0 not asked yet, 1 kept, 2 dropped (asked once each). */
const dropped = new Uint8Array(0x10000);

/**
 * Text without whitespace and punctuation: copies differ in line breaks and stray marks.
 * `s.replace(/[\s\p{P}\p{S}]/gu, '')`, with each character's answer remembered: the
 * Unicode property classes made that replace the costliest step of this refiner.
 */
function squash(s: string): string {
	let out = '';
	// Everything before `from` is copied or dropped.
	let from = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		let width = 1;
		let drop: boolean;
		if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			// A pair is one code point (📌 is a symbol); a lone surrogate is neither class.
			width = 2;
			drop = DROPPED_RE.test(s.slice(i, i + 2));
		} else {
			let d = dropped[c];
			if (d === 0) dropped[c] = d = DROPPED_RE.test(s[i]) ? 2 : 1;
			drop = d === 2;
		}
		if (drop) {
			out += s.slice(from, i);
			from = i + width;
		}
		i += width - 1;
	}
	return from === 0 ? s : out + s.slice(from);
}

function bigrams(s: string): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
	return out;
}

/** Share of bigrams the two texts have in common (Jaccard). */
export function similarity(a: string, b: string): number {
	if (a === b) return 1;
	const x = bigrams(a);
	const y = bigrams(b);
	if (!x.size || !y.size) return 0;
	let common = 0;
	for (const g of x) if (y.has(g)) common++;
	return common / (x.size + y.size - common);
}

/** Near-copies share this much of their bigrams (a truncated copy, a changed mark). */
const NEAR = 0.85;

/** What identifies a record beyond its text: a hotline is its name and number. */
function identity(r: ExtractedRecord): string | undefined {
	if (r.kind === 'hotline') return `${squash(r.name)}|${r.phones.map((p) => p.number).join(',')}`;
	return undefined;
}

interface Item {
	r: ExtractedRecord;
	text: string;
	digits: string;
	/** bigrams(text), made when first compared: a record is compared with every other of its group. */
	grams?: Set<string>;
}

/** `similarity(a.text, b.text)`, each item's bigrams made once. */
function itemSimilarity(a: Item, b: Item): number {
	if (a.text === b.text) return 1;
	const x = (a.grams ??= bigrams(a.text));
	const y = (b.grams ??= bigrams(b.text));
	if (!x.size || !y.size) return 0;
	let common = 0;
	for (const g of x) if (y.has(g)) common++;
	return common / (x.size + y.size - common);
}

/** Two records of one kind, subtype and title (see dedupeRefiner): the same passage again? */
function isDuplicate(a: Item, b: Item): boolean {
	if (a.text === b.text) return true;
	// Notices that differ only in a number (two ID cards) are different records.
	if (a.digits !== b.digits && !(a.digits.startsWith(b.digits) || b.digits.startsWith(a.digits)))
		return false;
	if (a.text.includes(b.text) || b.text.includes(a.text)) return true;
	return itemSimilarity(a, b) >= NEAR;
}

/**
 * Keeps the earliest of records that repeat the same passage. Records are only compared
 * within their group — a hotline's identity (name and number) is looked up in a map, other
 * records are compared with those of the same kind, subtype and title (a copy has the same
 * title) — so a page of 100,000 list entries is not 10^10 comparisons.
 */
export const dedupeRefiner: Refiner = {
	name: 'dedupe',
	refine(records: ExtractedRecord[], page: Page): ExtractedRecord[] {
		const sorted = [...records].sort((a, b) => a.source.start - b.source.start);
		const identities = new Set<string>();
		const texts = new Set<string>();
		const groups = new Map<string, Item[]>();
		const kept: ExtractedRecord[] = [];
		for (const r of sorted) {
			const kind = `${r.kind}|${r.subtype ?? ''}`;
			const id = identity(r);
			// Two hotlines in one sentence share their text but not their name and number.
			if (id !== undefined) {
				// Each key built (and hashed) once.
				const key = `${kind}|${id}`;
				if (identities.has(key)) continue;
				identities.add(key);
				kept.push(r);
				continue;
			}
			const text = squash(page.norm.slice(r.source.start, r.source.end));
			const textKey = `${kind}|${text}`;
			if (texts.has(textKey)) continue;
			const item = { r, text, digits: text.replace(/\D/g, '') };
			const key = `${kind}|${r.title}`;
			const group = groups.get(key) ?? [];
			if (group.some((k) => isDuplicate(k, item))) continue;
			group.push(item);
			groups.set(key, group);
			texts.add(textKey);
			kept.push(r);
		}
		return kept;
	}
};
