import { sql } from 'kysely';
import type { Kind } from '../../extract/types';
import { maskIdNumbers } from '../../records/display';
import { snippet, type Segment } from '../../records/highlight';
import { PUBLIC_STATUSES } from '../../records/kinds';
import type { DB } from '../db';
import { buildMatchQuery } from './tokenize';

export const PAGE_SIZE = 20;
/** Counting stops here: "10000+" is as useful to a reader as the exact figure, and far cheaper. */
export const COUNT_CAP = 10_000;

export interface SearchParams {
	q: string;
	kind?: Kind;
	page?: number;
	/** Defaults to the statuses the public may see. */
	statuses?: readonly string[];
}

export interface SearchHit {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: string;
	district: string | null;
	dateStart: string | null;
	deadline: string | null;
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

/**
 * Ranked full-text search over records (bm25 with field weights), with per-kind counts and
 * highlighted snippets. Never throws on user input: the query is built by buildMatchQuery, which
 * quotes every token.
 */
export async function searchRecords(db: DB, params: SearchParams): Promise<SearchResult> {
	const page = Math.max(1, Math.min(params.page ?? 1, 500));
	const empty: SearchResult = { total: 0, capped: false, counts: {}, page, pages: 0, results: [] };
	const match = buildMatchQuery(params.q);
	if (!match) return empty;
	const statuses = [...(params.statuses ?? PUBLIC_STATUSES)];

	const countRows = await sql<{ kind: Kind; n: number }>`
		select r.kind as kind, count(*) as n from (
			select rowid from record_fts where record_fts match ${match} limit ${COUNT_CAP}
		) m join records r on r.id = m.rowid
		where r.status in (${sql.join(statuses)})
		group by r.kind`.execute(db);
	const counts: Partial<Record<Kind, number>> = {};
	let all = 0;
	for (const row of countRows.rows) {
		counts[row.kind] = Number(row.n);
		all += Number(row.n);
	}
	const total = params.kind ? (counts[params.kind] ?? 0) : all;
	if (total === 0) return { ...empty, counts };

	const rows = await sql<{
		id: number;
		kind: Kind;
		subtype: string | null;
		title: string;
		status: string;
		district: string | null;
		date_start: string | null;
		deadline: string | null;
		body: string;
	}>`
		select r.id, r.kind, r.subtype, r.title, r.status, r.district, r.date_start, r.deadline, r.body
		from record_fts f join records r on r.id = f.rowid
		where record_fts match ${match}
			and r.status in (${sql.join(statuses)})
			${params.kind ? sql`and r.kind = ${params.kind}` : sql``}
		order by bm25(record_fts, ${WEIGHTS}), r.id desc
		limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`.execute(db);

	return {
		total,
		capped: all >= COUNT_CAP,
		counts,
		page,
		pages: Math.ceil(total / PAGE_SIZE),
		results: rows.rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			subtype: r.subtype,
			title: maskIdNumbers(r.title),
			status: r.status,
			district: r.district,
			dateStart: r.date_start,
			deadline: r.deadline,
			snippet: snippet(r.body || r.title, params.q),
			url: `/records/${r.id}`
		}))
	};
}
