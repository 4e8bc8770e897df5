/**
 * Scoring the extractor against hand-written truth (the development corpus under
 * `fixtures/corpus/`). Pure: text, truth and predictions in, counts out.
 *
 * A truth record names its kind, the passage it comes from by two anchors (`from`: the first
 * characters of the passage, `to`: its last characters, both copied from source.txt) and the
 * fields a careful reader would fill in. Only the fields written in the truth are scored, so
 * a fixture says what matters about a notice without pinning titles or confidences.
 */
import type { ExtractedRecord } from '../records/types';
import { type Kind, KINDS } from '../records/kinds';

/** One record as a person reading the page would file it. */
export interface TruthRecord {
	kind: Kind;
	subtype?: string;
	/** The passage starts at the first occurrence of `from` after the previous record's start. */
	from: string;
	/** …and ends after the first occurrence of `to` at or after its start. */
	to: string;
	/** Phone numbers, normalised (0731-28680000, 13307330000, 12345); compared as a set. */
	phones?: string[];
	/** Any other field of the record contract, as the extractor should write it. */
	[field: string]: unknown;
}

export interface Span {
	start: number;
	end: number;
}

/** Keys of a truth record that are not fields of the record. */
const NOT_FIELDS = new Set(['kind', 'from', 'to', 'note']);
/** Free-text fields: compared by character-pair overlap, not to the letter. */
const PROSE_FIELDS = new Set(['answer', 'question', 'title']);
/** A predicted record and a truth record are the same notice when they share this much. */
const MATCH_OVERLAP = 0.5;
/** The passage is right when the spans agree this much (intersection over union). */
const PROVENANCE_IOU = 0.7;
const PROSE_SIMILARITY = 0.8;

/**
 * Turn each truth record's anchors into a span of `text`. Throws with the record's index
 * when an anchor is missing, so a fixture with a typo fails loudly instead of scoring zero.
 */
export function resolveTruth(text: string, truth: readonly TruthRecord[]): Span[] {
	const spans: Span[] = [];
	let cursor = 0;
	truth.forEach((t, i) => {
		if (!t.from || !t.to) throw new Error(`record ${i}: "from" and "to" are required`);
		const start = text.indexOf(t.from, cursor);
		if (start < 0) throw new Error(`record ${i}: "from" ${JSON.stringify(t.from)} not found`);
		const toAt = text.indexOf(t.to, start);
		if (toAt < 0) throw new Error(`record ${i}: "to" ${JSON.stringify(t.to)} not found`);
		spans.push({ start, end: toAt + t.to.length });
		cursor = start;
	});
	return spans;
}

function overlap(a: Span, b: Span): number {
	return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function iou(a: Span, b: Span): number {
	const inter = overlap(a, b);
	return inter / (a.end - a.start + (b.end - b.start) - inter);
}

function pairs(s: string): Map<string, number> {
	const m = new Map<string, number>();
	const t = s.replace(/\s+/g, '');
	for (let i = 0; i + 1 < t.length; i++) {
		const p = t.slice(i, i + 2);
		m.set(p, (m.get(p) ?? 0) + 1);
	}
	return m;
}

/** Dice coefficient over character pairs: 1 for equal texts, ~0 for unrelated ones. */
export function similarity(a: string, b: string): number {
	const pa = pairs(a);
	const pb = pairs(b);
	let shared = 0;
	let total = 0;
	for (const [p, n] of pa) {
		shared += Math.min(n, pb.get(p) ?? 0);
		total += n;
	}
	for (const n of pb.values()) total += n;
	if (total === 0) return a.replace(/\s+/g, '') === b.replace(/\s+/g, '') ? 1 : 0;
	return (2 * shared) / total;
}

/** Whether one field of a predicted record says what the truth says. */
export function fieldMatches(field: string, want: unknown, got: unknown): boolean {
	if (got === undefined) return false;
	if (field === 'phones') {
		const have = new Set(((got as { number: string }[]) ?? []).map((p) => p.number));
		const need = want as string[];
		return need.length === have.size && need.every((n) => have.has(n));
	}
	if (Array.isArray(want)) {
		// Every item the truth lists is said by some predicted item (items may be cut differently).
		const items = Array.isArray(got) ? got.map(String) : [String(got)];
		return want.every((w) => items.some((g) => g.includes(String(w))));
	}
	if (typeof want === 'string' && PROSE_FIELDS.has(field)) {
		return typeof got === 'string' && similarity(want, got) >= PROSE_SIMILARITY;
	}
	return typeof got === typeof want && String(got).trim() === String(want).trim();
}

export interface KindCounts {
	tp: number;
	fp: number;
	fn: number;
	/** Truth fields checked on matched records, and how many were right. */
	fields: number;
	fieldsRight: number;
	/** Matched records whose passage agrees with the truth's (IoU ≥ 0.7). */
	provenanceRight: number;
}

export type Counts = Record<Kind, KindCounts>;

export function emptyCounts(): Counts {
	const c = {} as Counts;
	for (const k of KINDS)
		c[k] = { tp: 0, fp: 0, fn: 0, fields: 0, fieldsRight: 0, provenanceRight: 0 };
	return c;
}

/** What went wrong on one fixture, for `npm run eval -- --verbose`. */
export interface Miss {
	what: 'missed' | 'extra' | 'field';
	kind: Kind;
	/** The passage (or field) concerned, shortened. */
	detail: string;
}

/**
 * Score one page: match predictions to truth (same kind, sharing at least half of the
 * shorter span, largest overlap first), then count fields and provenance of the matches.
 */
export function scoreFixture(
	text: string,
	truth: readonly TruthRecord[],
	predicted: readonly ExtractedRecord[],
	counts: Counts = emptyCounts()
): { counts: Counts; misses: Miss[] } {
	const spans = resolveTruth(text, truth);
	const candidates: { t: number; p: number; shared: number }[] = [];
	truth.forEach((t, ti) => {
		predicted.forEach((p, pi) => {
			if (p.kind !== t.kind) return;
			const shared = overlap(spans[ti], p.source);
			const shorter = Math.min(spans[ti].end - spans[ti].start, p.source.end - p.source.start);
			if (shorter > 0 && shared / shorter >= MATCH_OVERLAP)
				candidates.push({ t: ti, p: pi, shared });
		});
	});
	candidates.sort((a, b) => b.shared - a.shared);
	const truthTaken = new Map<number, number>();
	const predTaken = new Set<number>();
	for (const c of candidates) {
		if (truthTaken.has(c.t) || predTaken.has(c.p)) continue;
		truthTaken.set(c.t, c.p);
		predTaken.add(c.p);
	}

	const misses: Miss[] = [];
	const cut = (s: Span) => text.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 40);
	truth.forEach((t, ti) => {
		const c = counts[t.kind];
		const pi = truthTaken.get(ti);
		if (pi === undefined) {
			c.fn++;
			misses.push({ what: 'missed', kind: t.kind, detail: cut(spans[ti]) });
			return;
		}
		c.tp++;
		const p = predicted[pi] as unknown as Record<string, unknown>;
		if (iou(spans[ti], predicted[pi].source) >= PROVENANCE_IOU) c.provenanceRight++;
		for (const [field, want] of Object.entries(t)) {
			if (NOT_FIELDS.has(field)) continue;
			c.fields++;
			if (fieldMatches(field, want, p[field])) c.fieldsRight++;
			else {
				const got = field === 'phones' ? predicted[pi].phones.map((x) => x.number) : p[field];
				misses.push({
					what: 'field',
					kind: t.kind,
					detail: `${cut(spans[ti]).slice(0, 16)}… ${field}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`
				});
			}
		}
	});
	predicted.forEach((p, pi) => {
		if (predTaken.has(pi)) return;
		counts[p.kind].fp++;
		misses.push({ what: 'extra', kind: p.kind, detail: `${p.title} · ${cut(p.source)}` });
	});
	return { counts, misses };
}

export interface KindScore {
	precision: number;
	recall: number;
	f1: number;
	fieldAccuracy: number;
	provenanceAccuracy: number;
	truth: number;
	predicted: number;
}

function ratio(a: number, b: number, empty: number): number {
	return b === 0 ? empty : a / b;
}

/** Precision, recall and F1 from counts; a kind with nothing to find and nothing found scores 1. */
export function summarize(c: KindCounts): KindScore {
	const precision = ratio(c.tp, c.tp + c.fp, 1);
	const recall = ratio(c.tp, c.tp + c.fn, 1);
	return {
		precision,
		recall,
		f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
		fieldAccuracy: ratio(c.fieldsRight, c.fields, 1),
		provenanceAccuracy: ratio(c.provenanceRight, c.tp, 1),
		truth: c.tp + c.fn,
		predicted: c.tp + c.fp
	};
}

/** All kinds together (micro-averaged). */
export function total(counts: Counts): KindCounts {
	const t: KindCounts = { tp: 0, fp: 0, fn: 0, fields: 0, fieldsRight: 0, provenanceRight: 0 };
	for (const k of KINDS) {
		for (const key of Object.keys(t) as (keyof KindCounts)[]) t[key] += counts[k][key];
	}
	return t;
}
