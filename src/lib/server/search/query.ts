import { sql } from 'kysely';
import { type Kind, PUBLIC_STATUSES } from '../../records/kinds';
import { snippets, type Segment } from '../../records/highlight';
import { looksLikeIdNumber } from '../../records/privacy';
import { normalize } from '../../extract/normalize';
import { readerOf, type DB } from '../db';
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
/** The deepest page served (the search page clamps ?page= to it). */
export const MAX_PAGE = 500;
/**
 * Counting is exact up to this many matches; above it the counts are estimated from the
 * newest COUNT_CAP matches (see estimateFactor) and shown as 约 1.2 万. Why not count them
 * all: at a million records a one-character query matches 300,000–450,000 records, and even
 * the 10,000 counted before (each looked up in record_facets for its kind and status) cost
 * 5–20 ms of a search page's time. "About 12,000" tells a reader as much as the exact figure.
 * Equal to EXACT_RANK_LIMIT: a query is ranked by bm25 exactly when its count is exact.
 */
export const COUNT_CAP = 1000;
/**
 * Up to this many matching records, results are ordered by bm25 over all of them. Above it,
 * see RANK_WINDOW. Why a limit at all: FTS5's bm25() first counts, for every phrase of the
 * query, ALL rows that contain it (its IDF), whatever LIMIT the query has. At a million records
 * a one-character query matches 300,000–450,000 of them and that count alone took 16–33 ms,
 * plus ~2 µs per row ranked; below this limit the whole ranking costs a few milliseconds.
 */
export const EXACT_RANK_LIMIT = COUNT_CAP;
/**
 * Queries matching more records than EXACT_RANK_LIMIT are ranked in blocks of this many
 * matches, newest block first: within a block, records whose title (or organisation) holds
 * every term of the query come first, then the rest, newest first in both (the query's intent
 * and place reorder each group a little, see orderBlock). Page n reads only its own block, so every page
 * costs the same and pages never overlap or skip a record. For such queries recency is the
 * best signal there is (a notice from this week over one from 2016), and a title match is
 * what bm25's field weights rewarded most.
 */
export const RANK_WINDOW = 500;

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
	/** Event end / 寻亲 end of 公告期, for the record's state (records/states.ts). */
	dateEnd: string | null;
	/** The date the information was printed (newest source page) or posted, as lists show it. */
	issuedOn: string | null;
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
	/**
	 * True when more than COUNT_CAP records matched: total and counts are then estimates
	 * (rounded, see approximateCount), to be shown as 约 N 条.
	 */
	countIsEstimate: boolean;
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
	date_end: string | null;
	deadline: string | null;
	issued_on: string | null;
	body: string;
}

const ROW_COLUMNS = sql.raw(
	'r.id, r.kind, r.subtype, r.title, r.status, r.district, r.date_start, r.date_end, r.deadline, r.issued_on, r.body'
);

/**
 * Ranked full-text search over records, with per-kind counts and highlighted snippets (see
 * EXACT_RANK_LIMIT and RANK_WINDOW for the order). The query is read by understand() (words,
 * intents, synonyms; see understand.ts) and matched by matchFor(), whose every token is quoted
 * by buildMatchQuery: never throws on user input. When all terms together find nothing, fewer
 * are searched (fewerTerms) and the result says so. Answers are memoised until the next write
 * to the database (cachedRead), so a popular search costs one look-up from its second request.
 */
export async function searchRecords(db: DB, params: SearchParams): Promise<SearchResult> {
	// A page past the end is answered with the last page (see search()); the key only needs a
	// bound so a typed page=999999999 is one memo entry like page=501.
	const page = Math.max(1, Math.min(params.page ?? 1, MAX_PAGE + 1));
	const statuses = [...(params.statuses ?? PUBLIC_STATUSES)];
	const key = JSON.stringify(['search', params.q, params.kind ?? null, page, statuses]);
	// Kept only when asked for again soon (see CachedReadOptions.keep): its scan, counts and
	// ranked block are kept by their own reads below, and serve the other pages of the query.
	return cachedRead(db, key, () => search(db, params.q, params.kind, page, statuses), {
		keep: 'repeated'
	});
}

/** The newest matches of a MATCH expression (see scanMatches). */
interface Scan {
	/** Record ids, newest first: all matches, or the newest COUNT_CAP of them. */
	ids: Int32Array;
	/** record_facets.facet of each id (its kind and status). */
	facets: Uint8Array;
	/** Whether ids holds every match. */
	complete: boolean;
}

/**
 * The newest matches (up to COUNT_CAP) with their facets, memoised until the next write: the
 * one pass over the full-text index that a search's counts, its kind tabs and its first block
 * of results (orderBlock) all read. The facet of a match is read from record_facets (one
 * small integer per record, see migration 0002), not from the wide records rows.
 *
 * This and the search's other full-text statements (and the block's titles) run on
 * readerOf(db): on the server's SQLite, a thread beside the one that renders. A page's own rows
 * and phones stay on `db`: waiting on the thread for every page made the mix slower.
 */
async function scanMatches(db: DB, match: string): Promise<Scan> {
	return cachedRead(db, JSON.stringify(['scan', match]), async () => {
		const fts = dialectOf(db).search;
		const { rows } = await sql<{ id: number; facet: number }>`
			select ${fts.id} as id, x.facet as facet
			from ${fts.source} f join record_facets x on x.id = ${fts.id}
			where ${fts.matches(match)}
			order by ${fts.id} desc
			limit ${COUNT_CAP + 1}`.execute(readerOf(db));
		const n = Math.min(rows.length, COUNT_CAP);
		const ids = new Int32Array(n);
		const facets = new Uint8Array(n);
		for (let i = 0; i < n; i++) {
			ids[i] = rows[i].id;
			facets[i] = rows[i].facet;
		}
		return { ids, facets, complete: rows.length <= COUNT_CAP };
	});
}

interface Facets {
	/** code → kind, status and the number of records of that facet. */
	byCode: Map<number, { kind: Kind; status: string; n: number }>;
	/** The highest record id. */
	maxId: number;
}

function facetTable(db: DB): Promise<Facets> {
	return cachedRead(db, 'facets', async () => {
		const { rows } = await sql<{ code: number; kind: Kind; status: string; n: number }>`
			select code, kind, status, n from record_facet_counts`.execute(db);
		const { rows: max } = await sql<{ id: number | null }>`
			select max(id) as id from record_facets`.execute(db);
		return {
			byCode: new Map(rows.map((r) => [r.code, { kind: r.kind, status: r.status, n: r.n }])),
			maxId: max[0]?.id ?? 0
		};
	});
}

/** Codes of record_facets for these statuses (and this kind). */
function facetCodes(facets: Facets, statuses: readonly string[], kind?: Kind): Set<number> {
	const codes = new Set<number>();
	for (const [code, f] of facets.byCode)
		if (statuses.includes(f.status) && (!kind || f.kind === kind)) codes.add(code);
	return codes;
}

interface Counts {
	rows: { kind: Kind; status: string; n: number }[];
	estimate: boolean;
}

/**
 * Match counts per (kind, status): exact when the scan holds every match; otherwise estimated
 * (estimateCounts).
 */
async function countMatches(db: DB, match: string): Promise<Counts> {
	const [scan, facets] = await Promise.all([scanMatches(db, match), facetTable(db)]);
	// Matches per facet code (a byte, see Scan.facets), counted for every page of the query from
	// its memoised scan: an array indexed by code, not a Map updated 1,000 times.
	const sample = new Uint32Array(256);
	for (let i = 0; i < scan.facets.length; i++) sample[scan.facets[i]]++;
	const rows: Counts['rows'] = [];
	const factor = scan.complete ? 1 : estimateFactor(scan.ids, facets.maxId);
	for (let code = 0; code < sample.length; code++) {
		const n = sample[code];
		const f = n > 0 ? facets.byCode.get(code) : undefined;
		if (!f) continue;
		rows.push({
			kind: f.kind,
			status: f.status,
			n: scan.complete ? n : approximateCount(Math.min(f.n, Math.max(n, n * factor)))
		});
	}
	return { rows, estimate: !scan.complete };
}

/**
 * How many times the newest COUNT_CAP matches stand for all of them: matches are spread over
 * ids about evenly (records are numbered as they are imported, and a word is as common in this
 * year's pages as in last year's), so the share of ids the sample spans — from its oldest id
 * to the newest record — is the share of matches it holds. Each facet's estimate is then
 * capped by the number of records of that facet, which record_facet_counts knows exactly.
 */
export function estimateFactor(newestFirst: ArrayLike<number>, maxId: number): number {
	const oldest = newestFirst[newestFirst.length - 1];
	if (oldest === undefined || maxId <= 0) return 1;
	return Math.max(1, maxId / Math.max(1, maxId - oldest + 1));
}

/** An estimate rounded to what it can claim: two significant digits (12,345 → 12,000). */
export function approximateCount(n: number): number {
	const rounded = Math.round(n);
	if (rounded < 100) return rounded;
	const unit = 10 ** (Math.floor(Math.log10(rounded)) - 1);
	return Math.round(rounded / unit) * unit;
}

function visible(counts: Counts, statuses: string[]): number {
	return counts.rows.reduce((sum, r) => sum + (statuses.includes(r.status) ? Number(r.n) : 0), 0);
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
	// Each frequency is a count on the reader thread: asked for all at once, they cost one round
	// trip, not one per term (under load each trip waits its turn on both threads, and a
	// fallback search was the slowest of the mix).
	await Promise.all(typed.map(frequencyOf));
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
	await Promise.all(terms.map(frequencyOf));
	const rank = (t: Term) => (frequency.get(t) === 0 ? 0 : t.weak ? 1 : 2);
	const order = [...terms].sort(
		(a, b) => rank(a) - rank(b) || frequency.get(b)! - frequency.get(a)!
	);
	// The sets of terms left after each drop, all counted at once (one round trip); the first
	// that finds something wins, as if they had been tried one after another.
	const candidates: { terms: Term[]; match: string }[] = [];
	let kept = terms;
	for (const drop of order) {
		if (kept.length <= 1) break;
		kept = kept.filter((t) => t !== drop);
		const match = matchFor(kept);
		if (match) candidates.push({ terms: kept, match });
	}
	const found = await Promise.all(
		candidates.map(async ({ match }) => visible(await countMatches(db, match), statuses) > 0)
	);
	return candidates[found.indexOf(true)] ?? null;
}

/** What ranks first besides the words: see Understanding.wantsPhone, wantsProcedure, namesPlace. */
interface Preference {
	phone: boolean;
	procedure: boolean;
	/** Records for the whole city (no district) before a district's or county's own. */
	cityWide: boolean;
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
		countIsEstimate: false,
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

	let affordable = affordability(db, match);
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
			affordable = affordability(db, match);
			countRows = await countMatches(db, match);
		}
	}
	const counts: Partial<Record<Kind, number>> = {};
	let all = 0;
	for (const row of countRows.rows) {
		if (!statuses.includes(row.status)) continue;
		counts[row.kind] = (counts[row.kind] ?? 0) + Number(row.n);
		all += Number(row.n);
	}
	const estimate = countRows.estimate;
	if (estimate)
		for (const k of Object.keys(counts) as Kind[]) counts[k] = approximateCount(counts[k]!);
	const total = kind ? (counts[kind] ?? 0) : estimate ? approximateCount(all) : all;
	if (total === 0) return { ...empty, counts, fallback, terms };
	// A page past the end (a stale link, a typed page=600) shows the last page that has
	// results, never an empty page while results exist.
	let pages = Math.min(Math.ceil(total / PAGE_SIZE), MAX_PAGE);
	let shown = Math.min(page, pages);

	const prefer: Preference = {
		phone: understood.wantsPhone,
		procedure: understood.wantsProcedure,
		cityWide: !understood.namesPlace
	};
	const scan = await scanMatches(db, match);
	const pageRows = async (n: number) => {
		const offset = (n - 1) * PAGE_SIZE;
		const ordered =
			scan.complete && scan.ids.length <= EXACT_RANK_LIMIT && (await affordable)
				? await rankAll(db, match, terms, kind, statuses, prefer)
				: await rankWindow(db, match, terms, scan, kind, statuses, offset, prefer);
		return rowsOf(
			db,
			ordered.ids.slice(offset - ordered.start, offset - ordered.start + PAGE_SIZE)
		);
	};
	let rows = await pageRows(shown);
	// An estimated count can overshoot, so the page it calls last may be past the real end.
	// Only then (a typed or stale page number) are the matches counted exactly, once, and the
	// real last page shown.
	if (rows.length === 0 && shown > 1 && estimate) {
		const exact = await countVisibleMatches(db, match, kind, statuses);
		pages = Math.min(Math.ceil(exact / PAGE_SIZE), MAX_PAGE);
		shown = Math.max(1, pages);
		rows = pages > 0 ? await pageRows(shown) : [];
	}
	const phones = await phonesOf(
		db,
		rows.map((r) => r.id)
	);
	const snippetOf = snippets(highlightWords(terms));

	return {
		total,
		countIsEstimate: estimate,
		counts,
		page: shown,
		pages,
		results: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			subtype: r.subtype,
			title: r.title,
			status: r.status,
			district: r.district,
			dateStart: r.date_start,
			dateEnd: r.date_end,
			deadline: r.deadline,
			issuedOn: r.issued_on,
			snippet: snippetOf(r.body || r.title),
			url: `/records/${r.id}`,
			phones: phones.get(r.id) ?? []
		})),
		fallback,
		suggestion: null,
		terms
	};
}

/** The exact number of visible matches: a full walk of the match list, so only for the rare page past an estimate's end. */
async function countVisibleMatches(
	db: DB,
	match: string,
	kind: Kind | undefined,
	statuses: string[]
): Promise<number> {
	const wanted = facetCodes(await facetTable(db), statuses, kind);
	if (wanted.size === 0) return 0;
	const fts = dialectOf(db).search;
	const { rows } = await sql<{ n: number }>`
		select count(*) as n
		from ${fts.source} f join record_facets x on x.id = ${fts.id}
		where ${fts.matches(match)} and x.facet in (${sql.join([...wanted])})`.execute(readerOf(db));
	return Number(rows[0]?.n ?? 0);
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
 * what the query's intent asks for (has a phone number; is a guide or Q&A), 3 when both; for
 * 电话, half as much again when the record is a hotline itself, not a notice that prints one.
 * Times scope().
 */
function boost(prefer: Preference) {
	if (!prefer.phone && !prefer.procedure) return scope(prefer);
	// Truth values cast to integers: SQLite's already are, PostgreSQL cannot add booleans.
	return sql`(1.0 ${
		prefer.phone
			? sql`+ cast((exists (select 1 from record_phones p where p.record_id = r.id)) as integer)
				+ 0.5 * cast((r.kind = 'hotline') as integer)`
			: sql``
	} ${prefer.procedure ? sql`+ cast((r.kind = 'procedure') as integer)` : sql``}) * ${scope(prefer)}`;
}

/**
 * A factor of 1.2 for a number or a guide of the whole city when the query names no place:
 * between two answers the words fit alike, the city's before a county's (市医疗保障局 before
 * 醴陵市医保局), but not above a record the words fit clearly better. Only hotlines and guides
 * serve an area; a notice's district is where something happened, not whom it serves.
 */
function scope(prefer: Preference) {
	return prefer.cityWide
		? sql`(1.0 + 0.2 * cast((r.district is null and r.kind in (${sql.join([...SERVICE_KINDS])})) as integer))`
		: sql`1.0`;
}

/** The kinds that serve an area (a notice's district is where something happened). */
const SERVICE_KINDS: ReadonlySet<Kind | undefined> = new Set<Kind>(['hotline', 'procedure']);

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

function fold(text: string): string {
	return normalize(text).toLowerCase();
}

/**
 * A lone character's phrase at most this common keeps bm25 affordable: its IDF makes FTS5 walk
 * every record holding the character, whatever the query's other words. At a million records
 * 路 alone is in 320,000 of them, and K8路 (≤ 1,000 matches) took 20–50 ms to rank by bm25.
 */
export const BM25_PHRASE_LIMIT = 20_000;

/**
 * Whether bm25 may rank a query with few matches: no lone character of it (a prefix phrase
 * such as "路"*, see buildMatchQuery) occurs in more than BM25_PHRASE_LIMIT records. Such
 * queries are ranked by blocks instead (orderBlock: title matches first, newest first).
 * Each character is counted once per write (memoised), up to the limit: ≤ 1 ms.
 */
async function bm25Affordable(db: DB, match: string): Promise<boolean> {
	// Counted at once (one round trip to the reader thread for all of them).
	const phrases = [...match.matchAll(/"[^"\p{ASCII}]"\*/gu)].map(([phrase]) => phrase);
	const counts = await Promise.all(
		phrases.map((phrase) =>
			cachedRead(db, JSON.stringify(['phrase', phrase]), async () => {
				const fts = dialectOf(db).search;
				const { rows } = await sql<{ n: number }>`
					select count(*) as n from (
						select ${fts.id} as id from ${fts.source} f where ${fts.matches(phrase)}
						limit ${BM25_PHRASE_LIMIT + 1}
					) m`.execute(readerOf(db));
				return Number(rows[0]?.n ?? 0);
			})
		)
	);
	return counts.every((n) => n <= BM25_PHRASE_LIMIT);
}

/**
 * bm25Affordable, started beside the search's count rather than after it: when the count has
 * scanned every match, the ranking asks for it next, and it is then ready (one round trip to
 * the reader thread less). Only queries with a lone character count anything (see there).
 */
function affordability(db: DB, match: string): Promise<boolean> {
	const affordable = bm25Affordable(db, match);
	// Not awaited when the query has too many matches for bm25, or none: an error then is
	// no one's (and would otherwise be an unhandled rejection). Awaited, it is thrown there.
	affordable.catch(() => {});
	return affordable;
}

/** A run of results in display order: ids[0] is result number `start` (0-based). */
interface Ordered {
	start: number;
	ids: number[];
}

/** The rows of these records, in this order. */
async function rowsOf(db: DB, ids: number[]): Promise<Row[]> {
	if (ids.length === 0) return [];
	const { rows } = await sql<Row>`
		select ${ROW_COLUMNS} from records r where r.id in (${sql.join(ids)})`.execute(db);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/**
 * bm25 with field weights over every match: the order for queries with few matches. All of
 * them are ranked once and the order memoised (ids only), so the next pages and a reader
 * paging back cost a slice, not the ranking again.
 */
async function rankAll(
	db: DB,
	match: string,
	terms: Term[],
	kind: Kind | undefined,
	statuses: string[],
	prefer: Preference
): Promise<Ordered> {
	const key = JSON.stringify(['ranked', match, terms, prefer, kind ?? null, statuses]);
	const ids = await cachedRead(db, key, async () => {
		const fts = dialectOf(db).search;
		const { rows } = await sql<{ id: number }>`
			select r.id as id
			from ${fts.source} f join records r on r.id = ${fts.id}
			where ${fts.matches(match)}
				and r.status in (${sql.join(statuses)})
				${kind ? sql`and r.kind = ${kind}` : sql``}
			order by ${fts.rank(match)} * ${boost(prefer)} * ${titleCoverage(db, terms)}, r.id desc
			limit ${EXACT_RANK_LIMIT}`.execute(readerOf(db));
		return rows.map((r) => r.id);
	});
	return { start: 0, ids };
}

/** Title matches first within each block of RANK_WINDOW matches, newest first (see there). */
async function rankWindow(
	db: DB,
	match: string,
	terms: Term[],
	scan: Scan,
	kind: Kind | undefined,
	statuses: string[],
	offset: number,
	prefer: Preference
): Promise<Ordered> {
	const block = Math.floor(offset / RANK_WINDOW);
	// One block's order serves its 25 pages: only the ids are kept (4 kB, not the titles).
	const key = JSON.stringify(['window', match, terms, prefer, kind ?? null, statuses, block]);
	const ids = await cachedRead(db, key, () =>
		orderBlock(db, match, terms, scan, kind, statuses, block, prefer)
	);
	return { start: block * RANK_WINDOW, ids };
}

/** The ids of one block of matches in display order (see RANK_WINDOW). */
async function orderBlock(
	db: DB,
	match: string,
	terms: Term[],
	scan: Scan,
	kind: Kind | undefined,
	statuses: string[],
	block: number,
	prefer: Preference
): Promise<number[]> {
	const facets = await facetTable(db);
	const wanted = facetCodes(facets, statuses, kind);
	const fts = dialectOf(db).search;
	const from = block * RANK_WINDOW;
	// The block's matches, newest first: from the scan when it reaches that far (always for the
	// first pages), else from the index — FTS5 walks its doclist newest first and stops after
	// the block; status and kind are checked in record_facets.
	const inScan: { id: number; facet: number }[] = [];
	for (let i = 0; i < scan.ids.length && inScan.length < from + RANK_WINDOW; i++)
		if (wanted.has(scan.facets[i])) inScan.push({ id: scan.ids[i], facet: scan.facets[i] });
	const candidates =
		scan.complete || inScan.length >= from + RANK_WINDOW
			? inScan.slice(from, from + RANK_WINDOW)
			: (
					await sql<{ id: number; facet: number }>`
						select ${fts.id} as id, x.facet as facet
						from ${fts.source} f join record_facets x on x.id = ${fts.id}
						where ${fts.matches(match)}
							and x.facet in (${wanted.size ? sql.join([...wanted]) : sql`null`})
						order by ${fts.id} desc
						limit ${RANK_WINDOW} offset ${from}`.execute(readerOf(db))
				).rows;
	if (candidates.length === 0) return [];
	// Title and organisation of the block's records, from the narrow index of migration 0007:
	// the records rows themselves are wide, one page each (12 ms for 1,000 under load); FTS5
	// with a column filter and a rowid range took 40–140 ms. Title and organisation come as one
	// string (one allocation per row, not three).
	const { rows: texts } = await sql<{
		id: number;
		text: string;
		phone: number;
		city_wide: number | boolean;
	}>`
		select id, title || ' ' || coalesce(organization, '') as text,
			main_phone is not null as phone, district is null as city_wide
		from records ${dialectOf(db).expr.indexedBy('records_search_titles')}
		where id in (${sql.join(candidates.map((c) => c.id))})`.execute(readerOf(db));
	const alternatives = terms.map((t) => t.alternatives.map(fold));
	const titled = new Set<number>();
	const withPhone = new Set<number>();
	const cityWide = new Set<number>();
	for (const t of texts) {
		const text = fold(t.text);
		if (alternatives.every((list) => list.some((w) => text.includes(w)))) titled.add(t.id);
		if (prefer.phone && t.phone) withPhone.add(t.id);
		if (prefer.cityWide && t.city_wide) cityWide.add(t.id);
	}
	const isProcedure = (facet: number) =>
		prefer.procedure && facets.byCode.get(facet)?.kind === 'procedure';
	const isHotline = (facet: number) => prefer.phone && facets.byCode.get(facet)?.kind === 'hotline';
	const serves = (facet: number) => SERVICE_KINDS.has(facets.byCode.get(facet)?.kind);
	// Records whose title holds every term come first, then those the query's intent
	// prefers (电话: a number, the directory's own entries first), then the whole city's
	// hotlines and guides before a county's (scope()); newest first inside each group (the
	// sort is stable).
	const score = ({ id, facet }: { id: number; facet: number }) =>
		(titled.has(id) ? 10 : 0) +
		(withPhone.has(id) ? 1 : 0) +
		(isHotline(facet) ? 1 : 0) +
		(isProcedure(facet) ? 1 : 0) +
		(cityWide.has(id) && serves(facet) ? 0.5 : 0);
	return candidates
		.map((c) => ({ id: c.id, score: score(c) }))
		.sort((a, b) => b.score - a.score)
		.map((c) => c.id);
}
