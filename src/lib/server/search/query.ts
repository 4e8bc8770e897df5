import { sql } from 'kysely';
import type { Kind } from '../../extract/types';
import { queryWords, snippet, type Segment } from '../../records/highlight';
import { PUBLIC_STATUSES } from '../../records/kinds';
import { normalize } from '../../extract/normalize';
import type { DB } from '../db';
import type { RecordSummary } from '../listings';
import { cachedRead } from '../db/readCache';
import { buildMatchQuery } from './tokenize';

export const PAGE_SIZE = 20;
/** Counting stops here: "10000+" is as useful to a reader as the exact figure, and far cheaper. */
export const COUNT_CAP = 10_000;
/**
 * Up to this many matching records, results are ordered by bm25 over all of them. Above it,
 * see RANK_WINDOW. Why a limit at all: FTS5's bm25() first counts, for every phrase of the
 * query, ALL rows that contain it (its IDF), whatever LIMIT the query has. At a million records
 * a one-character query matches 300,000–450,000 of them and that count alone took 16–33 ms,
 * plus ~2 µs per row ranked; below this limit the whole ranking costs a few milliseconds.
 */
export const EXACT_RANK_LIMIT = 1000;
/**
 * Queries matching more records than EXACT_RANK_LIMIT are ranked in blocks of this many
 * matches, newest block first: within a block, records whose title (or organisation) holds
 * every word of the query come first, then the rest, newest first in both. Page n reads only
 * its own block, so every page costs the same and pages never overlap or skip a record.
 * For such queries recency is the best signal there is (a notice from this week over one
 * from 2016), and a title match is what bm25's field weights rewarded most.
 */
export const RANK_WINDOW = 1000;

export interface SearchParams {
	q: string;
	kind?: Kind;
	page?: number;
	/** Defaults to the statuses the public may see. */
	statuses?: readonly string[];
}

/** A result: the listing's summary of a record, with a highlighted snippet. */
export interface SearchHit extends Omit<RecordSummary, 'publishedAt'> {
	snippet: Segment[];
	url: string;
}

export interface SearchResult {
	total: number;
	/** True when total hit COUNT_CAP. */
	capped: boolean;
	counts: Partial<Record<Kind, number>>;
	page: number;
	pages: number;
	results: SearchHit[];
}

/** bm25 weights of the record_fts columns: title, key fields, body, phone numbers. */
const WEIGHTS = sql.raw('10.0, 5.0, 1.0, 8.0');

interface Row {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: string;
	district: string | null;
	date_start: string | null;
	deadline: string | null;
	body: string;
}

const ROW_COLUMNS = sql.raw(
	'r.id, r.kind, r.subtype, r.title, r.status, r.district, r.date_start, r.deadline, r.body'
);

/**
 * Ranked full-text search over records, with per-kind counts and highlighted snippets (see
 * EXACT_RANK_LIMIT and RANK_WINDOW for the order). Never throws on user input: the query is
 * built by buildMatchQuery, which quotes every token. Answers are memoised until the next
 * write to the database (cachedRead), so a popular search costs one look-up.
 */
export async function searchRecords(db: DB, params: SearchParams): Promise<SearchResult> {
	const page = Math.max(1, Math.min(params.page ?? 1, 500));
	const statuses = [...(params.statuses ?? PUBLIC_STATUSES)];
	const key = JSON.stringify(['search', params.q, params.kind ?? null, page, statuses]);
	return cachedRead(db, key, () => search(db, params.q, params.kind, page, statuses));
}

async function search(
	db: DB,
	q: string,
	kind: Kind | undefined,
	page: number,
	statuses: string[]
): Promise<SearchResult> {
	const empty: SearchResult = { total: 0, capped: false, counts: {}, page, pages: 0, results: [] };
	const match = buildMatchQuery(q);
	if (!match) return empty;

	// Counting reads record_facets (one small integer per record, see migration 0002), not the
	// wide records rows: 3 ms instead of 75 ms for 10,000 matches at a million records.
	// The counts depend on the query alone (statuses and kind are applied below), so every page
	// and every kind tab of one search shares them until the next write.
	const countRows = await cachedRead(db, JSON.stringify(['count', match]), async () => {
		const { rows } = await sql<{ kind: Kind; status: string; n: number }>`
			select c.kind as kind, c.status as status, g.n as n from (
				select f.facet as facet, count(*) as n from (
					select rowid from record_fts where record_fts match ${match} limit ${COUNT_CAP}
				) m join record_facets f on f.id = m.rowid
				group by f.facet
			) g join record_facet_counts c on c.code = g.facet`.execute(db);
		return rows;
	});
	const counts: Partial<Record<Kind, number>> = {};
	let all = 0;
	let matched = 0;
	for (const row of countRows) {
		matched += Number(row.n);
		if (!statuses.includes(row.status)) continue;
		counts[row.kind] = (counts[row.kind] ?? 0) + Number(row.n);
		all += Number(row.n);
	}
	const total = kind ? (counts[kind] ?? 0) : all;
	if (total === 0) return { ...empty, counts };

	const offset = (page - 1) * PAGE_SIZE;
	const rows =
		matched <= EXACT_RANK_LIMIT
			? await rankAll(db, match, kind, statuses, offset)
			: await rankWindow(db, match, q, kind, statuses, offset);

	return {
		total,
		capped: matched >= COUNT_CAP,
		counts,
		page,
		pages: Math.ceil(total / PAGE_SIZE),
		results: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			subtype: r.subtype,
			title: r.title,
			status: r.status,
			district: r.district,
			dateStart: r.date_start,
			deadline: r.deadline,
			snippet: snippet(r.body || r.title, q),
			url: `/records/${r.id}`
		}))
	};
}

/** bm25 with field weights over every match: the order for queries with few matches. */
async function rankAll(
	db: DB,
	match: string,
	kind: Kind | undefined,
	statuses: string[],
	offset: number
): Promise<Row[]> {
	const { rows } = await sql<Row>`
		select ${ROW_COLUMNS}
		from record_fts f join records r on r.id = f.rowid
		where record_fts match ${match}
			and r.status in (${sql.join(statuses)})
			${kind ? sql`and r.kind = ${kind}` : sql``}
		order by bm25(record_fts, ${WEIGHTS}), r.id desc
		limit ${PAGE_SIZE} offset ${offset}`.execute(db);
	return rows;
}

function fold(text: string): string {
	return normalize(text).toLowerCase();
}

/** Title matches first within each block of RANK_WINDOW matches, newest first (see there). */
async function rankWindow(
	db: DB,
	match: string,
	q: string,
	kind: Kind | undefined,
	statuses: string[],
	offset: number
): Promise<Row[]> {
	const block = Math.floor(offset / RANK_WINDOW);
	// One block's order serves its 50 pages: only the ids are kept (8 kB, not the titles).
	const key = JSON.stringify(['window', match, q, kind ?? null, statuses, block]);
	const ordered = await cachedRead(db, key, () => orderBlock(db, match, q, kind, statuses, block));
	const start = offset - block * RANK_WINDOW;
	const ids = ordered.slice(start, start + PAGE_SIZE);
	if (ids.length === 0) return [];
	const { rows } = await sql<Row>`
		select ${ROW_COLUMNS} from records r where r.id in (${sql.join(ids)})`.execute(db);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** The ids of one block of matches in display order (see RANK_WINDOW). */
async function orderBlock(
	db: DB,
	match: string,
	q: string,
	kind: Kind | undefined,
	statuses: string[],
	block: number
): Promise<number[]> {
	// FTS5 walks its doclist newest first and stops after the block: no bm25, no sort of all
	// matches. Status and kind are checked in record_facets (small, cached), so only the block's
	// own records are read from the wide records table, for their title and organisation —
	// with a kind filter, a common query otherwise read ~7,000 rows to keep 1,000 events.
	const { rows: candidates } = await sql<{
		id: number;
		title: string;
		organization: string | null;
	}>`
		select r.id, r.title, r.organization from (
			select f.rowid as id from record_fts f join record_facets x on x.id = f.rowid
			where record_fts match ${match}
				and x.facet in (
					select code from record_facet_counts where status in (${sql.join(statuses)})
					${kind ? sql`and kind = ${kind}` : sql``}
				)
			order by f.rowid desc
			limit ${RANK_WINDOW} offset ${block * RANK_WINDOW}
		) c join records r on r.id = c.id
		order by r.id desc`.execute(db);
	const words = queryWords(q);
	const titled = candidates.map((c) => {
		const text = fold(c.title + ' ' + (c.organization ?? ''));
		return words.every((w) => text.includes(w));
	});
	// A stable partition keeps the newest-first order inside both groups.
	return [
		...candidates.filter((_, i) => titled[i]),
		...candidates.filter((_, i) => !titled[i])
	].map((c) => c.id);
}
