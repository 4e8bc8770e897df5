/**
 * Search benchmark: latency of the app's own searchRecords over the fixed query set, the same
 * queries as a naive LIKE scan (the baseline), and recall@20 of ours against that scan.
 */
import { sql, type RawBuilder } from 'kysely';
import { normalize } from '../src/lib/extract/normalize';
import { queryWords } from '../src/lib/records/highlight';
import { PUBLIC_STATUSES } from '../src/lib/records/kinds';
import type { DB } from '../src/lib/server/db';
import { dialectOf } from '../src/lib/server/db/dialect';
import { dropCachedReads } from '../src/lib/server/db/readCache';
import { pinyinIndexText } from '../src/lib/server/search/pinyin';
import { searchRecords, PAGE_SIZE } from '../src/lib/server/search/query';
import type { Term } from '../src/lib/server/search/understand';
import type { BenchQuery } from './queries';
import { percentile } from './stats';

export interface QueryOutcome {
	q: string;
	group: string;
	ms: number;
	likeMs: number;
	/** Records the app returned on page 1 (≤ 20). */
	ours: number;
	/** Records the LIKE scan matched (all of them). */
	like: number;
	/** recall@20 of this query, or null when the LIKE scan matched nothing. */
	recall: number | null;
}

export interface SearchBench {
	queries: number;
	/** Share of one- and two-character queries. */
	shortShare: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
	/** The same queries filtered by a kind, and on page 5. */
	kindP95Ms: number;
	deepPageP95Ms: number;
	likeP50Ms: number;
	likeP95Ms: number;
	/** likeP95Ms / p95Ms. */
	speedup: number;
	recallAt20: number;
	/** Queries whose recall was below 1, for diagnosis. */
	misses: { q: string; recall: number; ours: number; like: number }[];
	outcomes: QueryOutcome[];
}

function fold(text: string): string {
	return normalize(text).toLowerCase();
}

/**
 * What the scan spells differently per database: SQLite's LIKE ignores the case of ASCII
 * letters, PostgreSQL's ILIKE does that (its LIKE would not); the list of a record's numbers.
 */
const SCAN = {
	sqlite: { like: sql`like`, numbers: sql`group_concat(number || ' ' || digits, ' ')` },
	postgres: { like: sql`ilike`, numbers: sql`string_agg(number || ' ' || digits, ' ')` }
};

/**
 * The baseline: what a search box without an index would do with the same understood query
 * (src/lib/server/search/understand.ts: the terms searched, after synonyms and any fallback).
 * Every term must occur in the record's title, body or organisation, or in one of its phone
 * numbers (as printed-normalised or digits only), as any of its spellings — a spelling of
 * several words needs each of them — as a plain LIKE '%word%' over every public record.
 */
function likeQuery(db: DB, terms: readonly Term[]): RawBuilder<{ id: number }> {
	const { like } = SCAN[dialectOf(db).name];
	const statuses = sql.join(PUBLIC_STATUSES.map((s) => sql.lit(s)));
	const clauses = terms.map((term) => {
		const spellings = term.alternatives.map((alternative) => {
			const words = queryWords(alternative).map((word) => {
				const p = likePattern(word);
				return sql`(r.title ${like} ${p} escape '\\' or r.body ${like} ${p} escape '\\'
				  or r.organization ${like} ${p} escape '\\'
				  or r.id in (select record_id from record_phones
				    where number ${like} ${p} escape '\\' or digits ${like} ${p} escape '\\'))`;
			});
			return words.length ? sql`(${sql.join(words, sql` and `)})` : sql`(1 = 0)`;
		});
		return sql`(${sql.join(spellings, sql` or `)})`;
	});
	return sql<{ id: number }>`select r.id from records r
		where r.status in (${statuses}) and ${sql.join(clauses, sql` and `)}`;
}

function likePattern(word: string): string {
	return '%' + word.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** Whether folded text holds a term: one of its spellings (every word of it), or its pinyin. */
function holds(folded: string, pinyin: string[], term: Term): boolean {
	return term.alternatives.some((alternative) => {
		const words = queryWords(alternative);
		if (words.length && words.every((w) => folded.includes(w))) return true;
		return /^[a-z]+$/.test(alternative) && pinyin.some((p) => p.startsWith(alternative));
	});
}

/**
 * Recall@20, precisely. For a query q searched as terms T (SearchResult.terms):
 *   L(q) = the ids the LIKE scan of T returns (see likeQuery);
 *   R(q) = the ids searchRecords returns on page 1 (at most 20);
 *   V(q) = the ids in R(q) but not in L(q) whose folded text (normalize + lower case: the
 *          spelling the search works on) still holds every term — records printed in
 *          traditional script or full-width forms, which a byte-wise LIKE cannot see — or
 *          whose title or organisation holds it as pinyin (yibao, yb);
 *   T(q) = L(q) ∪ V(q), the true matches among everything either side returned;
 *   recall@20(q) = |R(q) ∩ T(q)| / min(20, |T(q)|), for queries with |L(q)| > 0.
 * So a query scores 1 only when every result we show is a real match AND, when the scan
 * finds 20 or fewer records, we show all of them. Ranking may differ freely. The figure is
 * the mean over queries with LIKE matches. Whether the understanding itself is right is
 * measured by `npm run eval:search`, not here.
 */
async function recallOf(
	db: DB,
	terms: readonly Term[],
	ours: number[],
	like: Set<number>
): Promise<number | null> {
	if (like.size === 0) return null;
	const extra = ours.filter((id) => !like.has(id));
	let verified = 0;
	if (extra.length) {
		const { numbers } = SCAN[dialectOf(db).name];
		for (const id of extra) {
			const { rows } = await sql<{ t: string; title: string; organization: string | null }>`
				select r.title || ' ' || r.body || ' ' || coalesce(r.organization, '') || ' ' ||
				coalesce((select ${numbers} from record_phones where record_id = r.id), '') as t,
				r.title as title, r.organization as organization
				from records r where r.id = ${id}`.execute(db);
			const row = rows[0];
			const folded = fold(row?.t ?? '');
			const pinyin = row ? pinyinIndexText(row.title, row.organization).split(' ') : [];
			if (terms.every((term) => holds(folded, pinyin, term))) verified++;
		}
	}
	const truth = like.size + verified;
	const hits = ours.filter((id) => like.has(id)).length + verified;
	return hits / Math.min(PAGE_SIZE, truth);
}

/**
 * Runs the query set: one warm-up pass, then `rounds` timed passes through searchRecords
 * (page 1, no kind), one pass with a kind filter and one on page 5, and one LIKE scan per
 * query. `onProgress` is called per query of the LIKE pass (the slow part).
 */
export async function benchSearch(
	db: DB,
	queries: readonly BenchQuery[],
	options: { rounds?: number; onProgress?: (done: number, total: number) => void } = {}
): Promise<SearchBench> {
	const rounds = options.rounds ?? 3;
	for (const { q } of queries) {
		dropCachedReads(db);
		await searchRecords(db, { q });
	}

	const times: number[] = [];
	const best = new Map<string, number>();
	const results = new Map<string, number[]>();
	const searched = new Map<string, Term[]>();
	for (let round = 0; round < rounds; round++) {
		for (const { q } of queries) {
			// Time the search, not the memo: every timed call starts with an empty cache.
			dropCachedReads(db);
			const started = performance.now();
			const result = await searchRecords(db, { q });
			const ms = performance.now() - started;
			times.push(ms);
			best.set(q, Math.min(best.get(q) ?? Infinity, ms));
			results.set(
				q,
				result.results.map((r) => r.id)
			);
			searched.set(q, result.terms);
		}
	}
	const kindTimes: number[] = [];
	const deepTimes: number[] = [];
	for (const [i, { q }] of queries.entries()) {
		const kind = (['hotline', 'procedure', 'lost_found', 'family_search', 'event'] as const)[i % 5];
		dropCachedReads(db);
		let started = performance.now();
		await searchRecords(db, { q, kind });
		kindTimes.push(performance.now() - started);
		dropCachedReads(db);
		started = performance.now();
		await searchRecords(db, { q, page: 5 });
		deepTimes.push(performance.now() - started);
	}

	const outcomes: QueryOutcome[] = [];
	for (const [i, { q, group }] of queries.entries()) {
		const terms = searched.get(q) ?? [];
		let likeIds = new Set<number>();
		let likeMs = 0;
		if (terms.length) {
			const query = likeQuery(db, terms);
			const started = performance.now();
			const { rows } = await query.execute(db);
			likeMs = performance.now() - started;
			likeIds = new Set(rows.map((r) => r.id));
		}
		const ours = results.get(q) ?? [];
		outcomes.push({
			q,
			group,
			ms: best.get(q) ?? 0,
			likeMs,
			ours: ours.length,
			like: likeIds.size,
			recall: await recallOf(db, terms, ours, likeIds)
		});
		options.onProgress?.(i + 1, queries.length);
	}

	const recalls = outcomes.filter((o) => o.recall !== null).map((o) => o.recall!);
	const likeTimes = outcomes.map((o) => o.likeMs);
	const p95 = percentile(times, 95);
	const likeP95 = percentile(likeTimes, 95);
	return {
		queries: queries.length,
		shortShare: queries.filter((x) => x.group === 'short').length / queries.length,
		p50Ms: percentile(times, 50),
		p95Ms: p95,
		p99Ms: percentile(times, 99),
		maxMs: Math.max(...times),
		kindP95Ms: percentile(kindTimes, 95),
		deepPageP95Ms: percentile(deepTimes, 95),
		likeP50Ms: percentile(likeTimes, 50),
		likeP95Ms: likeP95,
		speedup: likeP95 / Math.max(p95, 1e-3),
		recallAt20: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : 1,
		misses: outcomes
			.filter((o) => o.recall !== null && o.recall < 1)
			.map((o) => ({ q: o.q, recall: o.recall!, ours: o.ours, like: o.like })),
		outcomes
	};
}
