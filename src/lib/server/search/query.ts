import { sql } from 'kysely';
import type { Kind } from '../../extract/types';
import { snippet, type Segment } from '../../records/highlight';
import { looksLikeIdNumber } from '../../records/privacy';
import { PUBLIC_STATUSES } from '../../records/kinds';
import { normalize } from '../../extract/normalize';
import type { DB } from '../db';
import type { RecordSummary } from '../listings';
import { cachedRead } from '../db/readCache';
import { dialectOf } from '../db/dialect';
import {
	closeWord,
	highlightWords,
	matchFor,
	splitTerm,
	understand,
	type Term,
	type Understanding
} from './understand';

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

/** A phone number of a result, in the record's order (the first is its main number). */
export interface HitPhone {
	number: string;
	label?: string;
}

/** A result: the listing's summary of a record, with a highlighted snippet and its phones. */
export interface SearchHit extends Omit<RecordSummary, 'publishedAt'> {
	snippet: Segment[];
	url: string;
	phones: HitPhone[];
}

/** When all the words together found nothing: the words searched instead. */
export interface SearchFallback {
	/** Every word of the query that was searched for (as typed, folded). */
	wanted: string[];
	/** The words the results contain. */
	shown: string[];
}

export interface SearchResult {
	total: number;
	/** True when total hit COUNT_CAP. */
	capped: boolean;
	counts: Partial<Record<Kind, number>>;
	page: number;
	pages: number;
	results: SearchHit[];
	/** Set when fewer words than typed were searched (see SearchFallback). */
	fallback: SearchFallback | null;
	/** When nothing was found: the category closest to the query's words. */
	suggestion: Kind | null;
	/** The terms searched (after any fallback): what every result contains one spelling of. */
	terms: Term[];
}

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
 * EXACT_RANK_LIMIT and RANK_WINDOW for the order). The query is read by understand() (words,
 * intents, synonyms; see understand.ts) and matched by matchFor(), whose every token is quoted
 * by buildMatchQuery: never throws on user input. When all terms together find nothing, fewer
 * are searched (fewerTerms) and the result says so. Answers are memoised until the next write
 * to the database (cachedRead), so a popular search costs one look-up.
 */
export async function searchRecords(db: DB, params: SearchParams): Promise<SearchResult> {
	const page = Math.max(1, Math.min(params.page ?? 1, 500));
	const statuses = [...(params.statuses ?? PUBLIC_STATUSES)];
	const key = JSON.stringify(['search', params.q, params.kind ?? null, page, statuses]);
	return cachedRead(db, key, () => search(db, params.q, params.kind, page, statuses));
}

/** Match counts per (kind, status) of a MATCH expression, memoised until the next write. */
async function countMatches(
	db: DB,
	match: string
): Promise<{ kind: Kind; status: string; n: number }[]> {
	// Counting reads record_facets (one small integer per record, see migration 0002), not the
	// wide records rows: 3 ms instead of 75 ms for 10,000 matches at a million records.
	// The counts depend on the query alone (statuses and kind are applied below), so every page
	// and every kind tab of one search shares them until the next write.
	return cachedRead(db, JSON.stringify(['count', match]), async () => {
		const fts = dialectOf(db).search;
		const { rows } = await sql<{ kind: Kind; status: string; n: number }>`
			select c.kind as kind, c.status as status, g.n as n from (
				select f.facet as facet, count(*) as n from (
					select ${fts.id} as rowid from ${fts.source} f where ${fts.matches(match)}
					limit ${COUNT_CAP}
				) m join record_facets f on f.id = m.rowid
				group by f.facet
			) g join record_facet_counts c on c.code = g.facet`.execute(db);
		return rows;
	});
}

function visible(rows: { status: string; n: number }[], statuses: string[]): number {
	return rows.reduce((sum, r) => sum + (statuses.includes(r.status) ? Number(r.n) : 0), 0);
}

/**
 * When all terms together find nothing, search with fewer: a term found nowhere is replaced by
 * the known word it is a typo of (closeWord) or, failing that, by its pairs (splitTerm); then
 * terms are dropped one at a time
 * until something is found — first those found nowhere (a typo, a word no notice uses), then
 * weak ones (a lone character), then the least informative: the one most records contain.
 * Returns the terms kept and their expression, or null when no subset finds anything.
 */
async function fewerTerms(
	db: DB,
	typed: Term[],
	statuses: string[]
): Promise<{ terms: Term[]; match: string } | null> {
	const frequency = new Map<Term, number>();
	const frequencyOf = async (term: Term) => {
		let n = frequency.get(term);
		if (n === undefined) {
			const match = matchFor([term]);
			n = match ? visible(await countMatches(db, match), statuses) : 0;
			frequency.set(term, n);
		}
		return n;
	};
	let terms: Term[] = [];
	for (const term of typed) {
		if ((await frequencyOf(term)) > 0) {
			terms.push(term);
			continue;
		}
		// Found nowhere: a typo of a word we know, or a phrase to cut smaller.
		const corrected = closeWord(term);
		if (corrected && (await frequencyOf(corrected)) > 0) terms.push(corrected);
		else terms.push(...(splitTerm(term) ?? [term]));
	}
	terms = terms.slice(0, 8);
	if (terms.some((t, i) => t !== typed[i])) {
		const match = matchFor(terms);
		if (match && visible(await countMatches(db, match), statuses) > 0) return { terms, match };
	}
	for (const term of terms) await frequencyOf(term);
	const rank = (t: Term) => (frequency.get(t) === 0 ? 0 : t.weak ? 1 : 2);
	const order = [...terms].sort(
		(a, b) => rank(a) - rank(b) || frequency.get(b)! - frequency.get(a)!
	);
	let kept = terms;
	for (const drop of order) {
		if (kept.length <= 1) break;
		kept = kept.filter((t) => t !== drop);
		const match = matchFor(kept);
		if (match && visible(await countMatches(db, match), statuses) > 0)
			return { terms: kept, match };
	}
	return null;
}

/** What ranks first besides the words: see Understanding.wantsPhone and wantsProcedure. */
interface Preference {
	phone: boolean;
	procedure: boolean;
}

async function search(
	db: DB,
	q: string,
	kind: Kind | undefined,
	page: number,
	statuses: string[]
): Promise<SearchResult> {
	const understood: Understanding = understand(q);
	let terms = understood.terms;
	// Only particles typed (的, 吗): search for exactly what was typed.
	if (terms.length === 0) terms = [{ label: q.trim(), alternatives: [q] }];
	const empty: SearchResult = {
		total: 0,
		capped: false,
		counts: {},
		page,
		pages: 0,
		results: [],
		fallback: null,
		suggestion: understood.kindHint ?? 'hotline',
		terms
	};
	let match = matchFor(terms);
	if (!match) return empty;

	let countRows = await countMatches(db, match);
	let fallback: SearchFallback | null = null;
	// Note: a query holding an ID number is searched exactly as typed, never with fewer words:
	// only the owner, who types the whole number, may find the notice (issue 12).
	if (visible(countRows, statuses) === 0 && !looksLikeIdNumber(q)) {
		const fewer = await fewerTerms(db, terms, statuses);
		if (fewer) {
			fallback = { wanted: terms.map((t) => t.label), shown: fewer.terms.map((t) => t.label) };
			terms = fewer.terms;
			match = fewer.match;
			countRows = await countMatches(db, match);
		}
	}
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
	if (total === 0) return { ...empty, counts, fallback, terms };

	const prefer: Preference = {
		phone: understood.wantsPhone,
		procedure: understood.wantsProcedure
	};
	const offset = (page - 1) * PAGE_SIZE;
	const rows =
		matched <= EXACT_RANK_LIMIT
			? await rankAll(db, match, terms, kind, statuses, offset, prefer)
			: await rankWindow(db, match, terms, kind, statuses, offset, prefer);
	const phones = await phonesOf(
		db,
		rows.map((r) => r.id)
	);
	const marks = highlightWords(terms);

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
			snippet: snippet(r.body || r.title, marks),
			url: `/records/${r.id}`,
			phones: phones.get(r.id) ?? []
		})),
		fallback,
		suggestion: null,
		terms
	};
}

/** The phone numbers of a page of results, in each record's order. */
async function phonesOf(db: DB, ids: number[]): Promise<Map<number, HitPhone[]>> {
	const byId = new Map<number, HitPhone[]>();
	if (ids.length === 0) return byId;
	const { rows } = await sql<{ record_id: number; number: string; label: string | null }>`
		select record_id, number, label from record_phones
		where record_id in (${sql.join(ids)}) order by record_id, position`.execute(db);
	for (const row of rows) {
		const list = byId.get(row.record_id) ?? [];
		list.push(row.label ? { number: row.number, label: row.label } : { number: row.number });
		byId.set(row.record_id, list);
	}
	return byId;
}

/**
 * The factor bm25 is multiplied by (bm25 is negative: larger is better): 2 when the record is
 * what the query's intent asks for (has a phone number; is a guide or Q&A), 3 when both.
 */
function boost(prefer: Preference) {
	if (!prefer.phone && !prefer.procedure) return sql`1.0`;
	// Truth values cast to integers: SQLite's already are, PostgreSQL cannot add booleans.
	return sql`(1.0 ${
		prefer.phone
			? sql`+ cast((exists (select 1 from record_phones p where p.record_id = r.id)) as integer)`
			: sql``
	} ${prefer.procedure ? sql`+ cast((r.kind = 'procedure') as integer)` : sql``})`;
}

/**
 * A factor from 1 to 2: the share of the query's terms that the title (or organisation)
 * holds. bm25 adds up every synonym a record contains, so a guide that says 补办 and 补发 in
 * its body could outrank the one titled 身份证…补领; a title that holds every term the
 * resident asked for is the better answer.
 */
function titleCoverage(db: DB, terms: Term[]) {
	const { contains } = dialectOf(db).expr;
	const checks = terms.map(
		(t) =>
			sql`cast((${sql.join(
				t.alternatives
					.slice(0, 8)
					.map((a) => contains(sql`r.title || ' ' || coalesce(r.organization, '')`, a)),
				sql` or `
			)}) as integer)`
	);
	if (checks.length === 0) return sql`1.0`;
	return sql`(1.0 + (${sql.join(checks, sql` + `)}) * 1.0 / ${terms.length})`;
}

/** bm25 with field weights over every match: the order for queries with few matches. */
async function rankAll(
	db: DB,
	match: string,
	terms: Term[],
	kind: Kind | undefined,
	statuses: string[],
	offset: number,
	prefer: Preference
): Promise<Row[]> {
	const fts = dialectOf(db).search;
	const { rows } = await sql<Row>`
		select ${ROW_COLUMNS}
		from ${fts.source} f join records r on r.id = ${fts.id}
		where ${fts.matches(match)}
			and r.status in (${sql.join(statuses)})
			${kind ? sql`and r.kind = ${kind}` : sql``}
		order by ${fts.rank(match)} * ${boost(prefer)} * ${titleCoverage(db, terms)}, r.id desc
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
	terms: Term[],
	kind: Kind | undefined,
	statuses: string[],
	offset: number,
	prefer: Preference
): Promise<Row[]> {
	const block = Math.floor(offset / RANK_WINDOW);
	// One block's order serves its 50 pages: only the ids are kept (8 kB, not the titles).
	const key = JSON.stringify(['window', match, terms, prefer, kind ?? null, statuses, block]);
	const ordered = await cachedRead(db, key, () =>
		orderBlock(db, match, terms, kind, statuses, block, prefer)
	);
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
	terms: Term[],
	kind: Kind | undefined,
	statuses: string[],
	block: number,
	prefer: Preference
): Promise<number[]> {
	// FTS5 walks its doclist newest first and stops after the block: no bm25, no sort of all
	// matches. Status and kind are checked in record_facets (small, cached), so only the block's
	// own records are read from the wide records table, for their title and organisation —
	// with a kind filter, a common query otherwise read ~7,000 rows to keep 1,000 events.
	const fts = dialectOf(db).search;
	const { rows: candidates } = await sql<{
		id: number;
		title: string;
		organization: string | null;
		preferred: number;
	}>`
		select r.id, r.title, r.organization, ${boost(prefer)} as preferred from (
			select ${fts.id} as id from ${fts.source} f join record_facets x on x.id = ${fts.id}
			where ${fts.matches(match)}
				and x.facet in (
					select code from record_facet_counts where status in (${sql.join(statuses)})
					${kind ? sql`and kind = ${kind}` : sql``}
				)
			order by ${fts.id} desc
			limit ${RANK_WINDOW} offset ${block * RANK_WINDOW}
		) c join records r on r.id = c.id
		order by r.id desc`.execute(db);
	const alternatives = terms.map((t) => t.alternatives.map(fold));
	// Records whose title (or organisation) holds every term come first, then those the
	// query's intent prefers; newest first inside each group (the sort is stable).
	const score = candidates.map((c) => {
		const text = fold(c.title + ' ' + (c.organization ?? ''));
		const titled = alternatives.every((list) => list.some((w) => text.includes(w)));
		return (titled ? 10 : 0) + Number(c.preferred);
	});
	return candidates
		.map((c, i) => ({ id: c.id, score: score[i] }))
		.sort((a, b) => b.score - a.score)
		.map((c) => c.id);
}
