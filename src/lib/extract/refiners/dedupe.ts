/**
 * OCR and page layout print the same paragraph two or three times; each copy would yield
 * the same record. Keep the first (earliest offsets) of records that say the same thing.
 */
import type { Page, Refiner } from '../pipeline';
import type { ExtractedRecord } from '../types';

/** Text without whitespace and punctuation: copies differ in line breaks and stray marks. */
function squash(s: string): string {
	return s.replace(/[\s\p{P}\p{S}]/gu, '');
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

function isDuplicate(
	a: { r: ExtractedRecord; text: string },
	b: { r: ExtractedRecord; text: string }
): boolean {
	if (a.r.kind !== b.r.kind || a.r.subtype !== b.r.subtype) return false;
	const ia = identity(a.r);
	const ib = identity(b.r);
	// Two hotlines in one sentence share their text but not their name and number.
	if (ia !== undefined && ib !== undefined) return ia === ib;
	if (a.text === b.text) return true;
	if (a.r.title !== b.r.title) return false;
	// Notices that differ only in a number (two ID cards) are different records.
	if (a.text.replace(/\D/g, '') !== b.text.replace(/\D/g, '')) {
		const da = a.text.replace(/\D/g, '');
		const db = b.text.replace(/\D/g, '');
		if (!(da.startsWith(db) || db.startsWith(da))) return false;
	}
	if (a.text.includes(b.text) || b.text.includes(a.text)) return true;
	return similarity(a.text, b.text) >= NEAR;
}

/** Keeps the earliest of records that repeat the same passage. */
export const dedupeRefiner: Refiner = {
	name: 'dedupe',
	refine(records: ExtractedRecord[], page: Page): ExtractedRecord[] {
		const sorted = [...records].sort((a, b) => a.source.start - b.source.start);
		const kept: { r: ExtractedRecord; text: string }[] = [];
		for (const r of sorted) {
			const item = { r, text: squash(page.norm.slice(r.source.start, r.source.end)) };
			if (!kept.some((k) => isDuplicate(k, item))) kept.push(item);
		}
		return kept.map((k) => k.r);
	}
};
