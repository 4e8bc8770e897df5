import { sql, type RawBuilder } from 'kysely';
import { today as clockToday } from '../clock';
import type { CardEntry } from '../records/hotlineCard';
import { FOLDED_BY_KEY } from '../records/reprints';
import { DISTRICT_ALIASES } from '../records/city';
import { normalize } from '../extract/normalize';
import { KINDS, type Kind, type RecordStatus } from '../records/kinds';
import { readerOf, type DB } from './db';
import { cachedRead } from './db/readCache';
import { dialectOf } from './db/dialect';

/**
 * Listings show published records; resolved/expired ones stay reachable by link and search.
 * Read from the counts the triggers of migration 0002 keep, not counted per request (a scan
 * of every record: 80 ms at 100k records).
 */
export async function countPublishedByKind(db: DB): Promise<Record<Kind, number>> {
	const rows = await db
		.selectFrom('record_facet_counts')
		.select(['kind', 'n'])
		.where('status', '=', 'published')
		.execute();
	const counts: Record<Kind, number> = {
		hotline: 0,
		procedure: 0,
		lost_found: 0,
		family_search: 0,
		event: 0
	};
	for (const row of rows) counts[row.kind] = Number(row.n);
	return counts;
}

export interface RecordSummary {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: string;
	district: string | null;
	dateStart: string | null;
	deadline: string | null;
	publishedAt: string | null;
}

/**
 * The published printings of the same notice as `records` (records/reprints.ts says when two
 * printings are one notice), for a kind known to be folded by `byKey` or not:
 * - hotlines, procedures and events of the same kind, title and main number (a hotline
 *   reprinted every week): one index seek on records_twins (kind, title, main_phone, …);
 * - lost & found and 寻亲 of the same kind and fingerprint (title, main number and what tells
 *   one notice from another, hashed when written): one seek on records_reprints (kind,
 *   fingerprint, …). A record without a fingerprint is never folded.
 */
function twinsOf(byKey: boolean) {
	return byKey
		? sql`records twin where twin.kind = records.kind and twin.fingerprint = records.fingerprint
			and twin.status = 'published'`
		: sql`records twin where twin.kind = records.kind and twin.title = records.title
			and twin.main_phone is not distinct from records.main_phone and twin.status = 'published'`;
}

/**
 * A query over records of `kind` (or of every kind) under either rule: with one kind, the
 * rule that kind uses; with none, a CASE that picks it per row (each branch keeps its seek).
 */
function perRule<T>(kind: Kind | undefined, build: (byKey: boolean) => RawBuilder<T>) {
	if (kind) return build(FOLDED_BY_KEY.includes(kind));
	return sql<T>`(case when records.kind in (${sql.join(FOLDED_BY_KEY)}) then ${build(true)}
		else ${build(false)} end)`;
}

/**
 * A newer printing of the same notice is published: lists show a notice once, its newest
 * printing, with 另有 N 处刊登. (issued_on is never null: triggers of migration 0005.)
 */
const hasNewerTwin = (kind?: Kind) =>
	perRule<boolean>(
		kind,
		(byKey) => sql<boolean>`exists (select 1 from ${twinsOf(byKey)}
			and (twin.issued_on, twin.id) > (records.issued_on, records.id))`
	);

/** How many other printings of the same notice are published. */
const otherTwins = (kind?: Kind) =>
	perRule<number>(
		kind,
		(byKey) => sql<number>`(select count(*) from ${twinsOf(byKey)} and twin.id <> records.id)`
	);

/** A record's first phone number (the one its notice leads with), for tap-to-call in lists. */
const MAIN_PHONE = sql<string | null>`main_phone`;

/** The columns of a ListedSummary, as every list (home, category, API) selects them. */
const LISTED_COLUMNS = [
	'id',
	'kind',
	'subtype',
	'title',
	'status',
	'district',
	'date_start as dateStart',
	'date_end as dateEnd',
	'deadline',
	'published_at as publishedAt',
	'issued_on as issuedOn',
	MAIN_PHONE.as('phone')
] as const;

/** A record as lists show it: the summary plus the date it was printed and its main number. */
export interface ListedSummary extends RecordSummary {
	/** The date the information was printed (newest source page) or posted (Beijing). */
	issuedOn: string | null;
	/** Event end / 寻亲 end of 公告期, for the record's state. */
	dateEnd: string | null;
	phone: string | null;
}

/**
 * The newest published records of all kinds: newest printed first (records.issued_on), so a
 * 2020 Q&A imported today does not lead the home page.
 */
export async function newestRecords(db: DB, limit = 8, kind?: Kind): Promise<ListedSummary[]> {
	let q = db
		.selectFrom('records')
		.where('status', '=', 'published')
		.where(sql<boolean>`not ${hasNewerTwin(kind)}`);
	if (kind) q = q.where('kind', '=', kind);
	return q
		.select(LISTED_COLUMNS)
		.orderBy('issued_on', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

/** An event as the calendar feed needs it: its dates and where it takes place. */
export interface CalendarRow {
	id: number;
	title: string;
	startsOn: string | null;
	endsOn: string | null;
	deadline: string | null;
	location: string | null;
}

/**
 * Published events that have not ended by `today` (Beijing), soonest first, for /events.ics.
 * Same upcoming rule as the events listing: the last of end, start and deadline is today or later.
 */
export async function upcomingEvents(db: DB, today: string, limit = 500): Promise<CalendarRow[]> {
	const last = sql<string>`coalesce(date_end, date_start, deadline)`;
	return db
		.selectFrom('records')
		.where('kind', '=', 'event')
		.where('status', '=', 'published')
		.where(last, '>=', today)
		.select([
			'id',
			'title',
			'date_start as startsOn',
			'date_end as endsOn',
			'deadline',
			'place as location'
		])
		.orderBy(sql`coalesce(date_start, deadline)`)
		.orderBy('id')
		.limit(limit)
		.execute();
}

/**
 * Every published hotline's main number with its name and how many published records print
 * that number, for the 便民电话卡 (/hotlines/print).
 */
export async function hotlineNumbers(db: DB, limit = 2000): Promise<CardEntry[]> {
	const rows = await db
		.selectFrom('records as r')
		.innerJoin('record_phones as p', 'p.record_id', 'r.id')
		.where('r.kind', '=', 'hotline')
		.where('r.status', '=', 'published')
		.where('p.position', '=', 0)
		.select(['r.title as name', 'p.number as number'])
		.orderBy('r.published_at', 'desc')
		.limit(limit)
		.execute();
	const printed = new Map<string, number>();
	for (const r of rows) printed.set(r.number, (printed.get(r.number) ?? 0) + 1);
	return rows.map((r) => ({ name: r.name, number: r.number, printed: printed.get(r.number)! }));
}

export const LIST_PAGE_SIZE = 20;

/** Filters a listing understands; each kind uses the ones that fit it (see routes/[category]). */
export interface ListFilters {
	subtype?: string;
	organization?: string;
	district?: string;
	topic?: string;
	documentType?: string;
	gender?: string;
	place?: string;
	/** Lost & found / 寻亲: the notice's own date, else the date it was printed. */
	from?: string;
	to?: string;
	/** Printed (issued_on) on or after this date, every kind. */
	since?: string;
	/** Events: upcoming (default) or past. */
	when?: 'upcoming' | 'past';
	/** Events: sign-up still open; 寻亲: 公告期 not yet over. Default: both shown, with their state. */
	open?: boolean;
	/** Lost & found / 寻亲: include notices marked resolved (已认领 / 已找到). */
	resolved?: boolean;
	sort?: 'new' | 'date' | 'title';
	page?: number;
}

export interface ListResult {
	total: number;
	page: number;
	pages: number;
	records: (ListedSummary & {
		organization: string | null;
		place: string | null;
		/** Other published printings of the same notice (another day, another page). */
		twins: number;
		/** Hotlines: what the number is for, and when it answers (phone-book lines). */
		name: string | null;
		hours: string | null;
	})[];
}

/** Escapes LIKE wildcards so user text is matched literally. */
function likeContains(value: string): string {
	return '%' + value.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/**
 * A notice's own date, else the date it was printed: 遗失声明 have no date of their own. An index
 * repeats this expression (migration 0013), so that sorting by it reads in order: change both.
 */
const NOTICE_DATE = sql<string>`coalesce(date_start, issued_on)`;

/** Facet filters as the stored spellings they stand for (facetVariants). */
interface FacetFilters {
	organization?: string[];
	district?: string[];
	documentType?: string[];
}

async function expandFacets(db: DB, kind: Kind, filters: ListFilters): Promise<FacetFilters> {
	return {
		organization: filters.organization
			? await facetVariants(db, kind, 'organization', filters.organization)
			: undefined,
		district: filters.district
			? await facetVariants(db, kind, 'district', filters.district)
			: undefined,
		documentType: filters.documentType
			? await facetVariants(db, kind, 'document_type', filters.documentType)
			: undefined
	};
}

/**
 * One kind's public records as filtered — the one query behind a listing's rows and a filtered
 * listing's total, so they can never disagree. countPrintedOnce counts the unfiltered listings
 * (and the home page's counts) another way; its test compares the two.
 */
function listingQuery(
	db: DB,
	kind: Kind,
	filters: ListFilters,
	facets: FacetFilters,
	today: string,
	statuses = listedStatuses(filters)
) {
	let q = db.selectFrom('records').where('kind', '=', kind).where('status', 'in', statuses);
	if (filters.subtype) q = q.where('subtype', '=', filters.subtype);
	if (facets.organization) q = q.where('organization', 'in', facets.organization);
	if (facets.district) q = q.where('district', 'in', facets.district);
	if (facets.documentType) q = q.where('document_type', 'in', facets.documentType);
	if (filters.gender) q = q.where('gender', '=', filters.gender);
	if (filters.place)
		q = q.where(sql<boolean>`place like ${likeContains(filters.place)} escape '\\'`);
	if (filters.topic) {
		const like = likeContains(filters.topic);
		q = q.where((eb) =>
			eb.or([
				eb(sql`title`, 'like', like),
				eb(sql`coalesce(organization, '')`, 'like', like),
				eb(sql`body`, 'like', like)
			])
		);
	}
	if (filters.from) q = q.where(NOTICE_DATE, '>=', filters.from);
	if (filters.to) q = q.where(NOTICE_DATE, '<=', filters.to + 'T99');
	if (filters.since) q = q.where('issued_on', '>=', filters.since);
	if (kind === 'event') {
		const last = sql<string>`coalesce(date_end, date_start, deadline)`;
		// Past events are spelled another way, to the same value: SQLite (no statistics) would
		// otherwise read them through the index of this expression (migration 0012) and sort
		// them all for each page, 1 s at a million records. Most events are past: reading the
		// kind in the listing's order until a page is full (migration 0013) takes milliseconds.
		const lastSpelledApart = sql<string>`coalesce(date_end, coalesce(date_start, deadline))`;
		q =
			filters.when === 'past'
				? q.where(lastSpelledApart, '<', today)
				: q.where((eb) => eb.or([eb(last, '>=', today), eb(last, 'is', null)]));
		// A deadline with a time (2026-05-01T17:00) is still open on its day until that minute;
		// listings decide by the day, the record page by the minute.
		if (filters.open)
			q = q.where((eb) => eb.or([eb('deadline', 'is', null), eb('deadline', '>=', today)]));
	}
	if (kind === 'family_search' && filters.open)
		q = q.where((eb) => eb.or([eb('date_end', 'is', null), eb('date_end', '>=', today)]));
	return q.where(sql<boolean>`not ${hasNewerTwin(kind)}`);
}

/**
 * How many records a listing shows with these filters (what its 共 N 条 says).
 *
 * Counted on readerOf(db), the search's thread on the server: a count reads every matching
 * record, and at a million records that is tenths of a second (seconds with a `topic` filter),
 * which on the thread that renders pages every other request would wait for.
 */
export async function countListed(
	db: DB,
	kind: Kind,
	filters: ListFilters,
	today = clockToday()
): Promise<number> {
	if (
		kind !== 'event' &&
		Object.entries(filters).every(([k, v]) => v === undefined || k in UNCOUNTED)
	)
		return countPrintedOnce(db, kind);
	const facets = await expandFacets(db, kind, filters);
	const { n } = await listingQuery(readerOf(db), kind, filters, facets, today)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** The statuses a listing shows: published, and with 包括已认领 resolved too. */
function listedStatuses(filters: ListFilters): RecordStatus[] {
	return filters.resolved ? ['published', 'resolved'] : ['published'];
}

/** Filters that change how a listing is shown, not what it counts. */
const UNCOUNTED: Partial<Record<keyof ListFilters, true>> = { page: true, sort: true };

/**
 * The number of published notices of a kind, each printing of the same notice counted once: what
 * the listing shows unfiltered (events aside, whose listing also depends on the day).
 *
 * That is the number of distinct printing keys (twinsOf): each set of printings lists exactly
 * one, its newest. Counted by walking the key's covering index, in order, instead of looking up
 * every record's newer printing (listingQuery): at a million records 0.13 s for the four kinds
 * against 0.54 s. A record without a fingerprint is a notice of its own (twinsOf never folds it).
 */
async function countPrintedOnce(db: DB, kind: Exclude<Kind, 'event'>): Promise<number> {
	const reader = readerOf(db);
	const { rows } = FOLDED_BY_KEY.includes(kind)
		? await sql<{ n: number }>`select
				(select count(*) from (select distinct fingerprint from records
					where kind = ${kind} and fingerprint is not null and status = 'published') keyed)
				+ (select count(*) from records
					where kind = ${kind} and fingerprint is null and status = 'published') as n`.execute(reader)
		: await sql<{ n: number }>`select count(*) as n from (select distinct title, main_phone
				from records where kind = ${kind} and status = 'published') keyed`.execute(reader);
	return Number(rows[0].n);
}

/**
 * The home page's count per category: what each listing shows by default (events: upcoming;
 * a notice printed many times: once), counted as the listing counts (countListed) and memoised
 * until the next write or the next Beijing day. At a million records 0.2 s on the search's
 * thread, where it took 0.8–1.2 s on the thread that renders pages.
 */
export async function countListedByKind(
	db: DB,
	today = clockToday()
): Promise<Record<Kind, number>> {
	return cachedRead(db, `home-counts:${today}`, async () => {
		const counts = {} as Record<Kind, number>;
		for (const kind of KINDS) counts[kind] = await countListed(db, kind, {}, today);
		return counts;
	});
}

/** A page of one kind's public records, filtered and sorted; `today` decides upcoming/past. */
export async function listRecords(
	db: DB,
	kind: Kind,
	filters: ListFilters,
	today = clockToday()
): Promise<ListResult> {
	const { jsonText } = dialectOf(db).expr;
	const facets = await expandFacets(db, kind, filters);
	// The total reads every matching row (countListed): memoised per filter set until the next
	// write, so paging a listing counts once.
	const { page: _page, ...counted } = filters;
	const total = await cachedRead(db, JSON.stringify(['list-count', kind, counted, today]), () =>
		countListed(db, kind, counted, today)
	);
	const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
	// A page past the end shows the first page (a stale link, a typed URL), never an empty one.
	const requested = filters.page ?? 1;
	const page = requested >= 1 && requested <= pages ? requested : 1;
	const offset = (page - 1) * LIST_PAGE_SIZE;
	const sort = filters.sort ?? (kind === 'event' ? 'date' : kind === 'hotline' ? 'title' : 'new');
	const rows = (statuses: RecordStatus[]) => {
		let ordered = listingQuery(db, kind, filters, facets, today, statuses).select([
			...LISTED_COLUMNS,
			'organization',
			'place',
			otherTwins(kind).as('twins'),
			sql<string | null>`case when kind = 'hotline' then ${jsonText(sql`data`, 'name')} end`.as(
				'name'
			),
			sql<string | null>`case when kind = 'hotline' then ${jsonText(sql`data`, 'hours')} end`.as(
				'hours'
			),
			NOTICE_DATE.as('noticeDate')
		]);
		// Resolved notices alone are a few per cent of a kind: reading the kind's title index in
		// order (records_duplicate_check) for them walked every notice of it, 3 s at a million
		// records for page 50; `title || ''` (the same order) makes SQLite read them by status
		// and sort them instead.
		if (sort === 'title')
			ordered = ordered.orderBy(statuses.includes('published') ? sql`title` : sql`title || ''`);
		else if (sort === 'date')
			ordered =
				kind === 'event' && filters.when !== 'past'
					? ordered
							.orderBy(sql`coalesce(date_start, deadline) is null`)
							.orderBy(sql`coalesce(date_start, deadline)`)
					: ordered.orderBy(NOTICE_DATE, 'desc');
		// Older information ranks below newer: by the date it was printed, not the day it was imported.
		return ordered.orderBy('issued_on', 'desc').orderBy('id', 'desc');
	};
	const statuses = listedStatuses(filters);
	let found;
	// (Events are never resolved: their listing reads the one query, whatever the filter says.)
	if (statuses.length === 1 || kind === 'event') {
		found = await rows(statuses).limit(LIST_PAGE_SIZE).offset(offset).execute();
	} else {
		// Published and resolved notices together (包括已认领): read each status in the listing's
		// order from its index (kind, status, …), as far as this page reaches, and merge the two.
		// One query over both statuses could not read any index in order: at a million records
		// it sorted every lost & found notice for each page, 3 s on the thread that renders.
		const [first, ...rest] = statuses.map((status) =>
			db
				.selectFrom(
					rows([status])
						.limit(offset + LIST_PAGE_SIZE)
						.as('part')
				)
				.selectAll()
		);
		let merged = rest.reduce((all, part) => all.unionAll(part), first);
		if (sort === 'title') merged = merged.orderBy('title');
		else if (sort === 'date') merged = merged.orderBy('noticeDate', 'desc');
		found = await merged
			.orderBy('issuedOn', 'desc')
			.orderBy('id', 'desc')
			.limit(LIST_PAGE_SIZE)
			.offset(offset)
			.execute();
	}
	const records = found.map(({ noticeDate: _noticeDate, ...record }) => record);
	return { total, page, pages, records };
}

export type FacetColumn = 'organization' | 'district' | 'document_type' | 'gender' | 'subtype';

/**
 * District names as residents use them: 株洲高新区 is 天元区 (one administration), 高新区 is
 * its short form, 株洲县 became 渌口区 in 2018; short forms like 醴陵 name the county-level city.
 */
const DISTRICT_CANON: Record<string, string> = {
	...DISTRICT_ALIASES,
	高新区: '天元区',
	株洲高新区: '天元区',
	株洲县: '渌口区'
};

/**
 * One spelling per facet value: traditional → simplified and full-width → half-width (the
 * extractor's normaliser), spaces dropped, district aliases resolved. 出生醫學證明 and
 * 出生医学证明 are one filter value, and so are 高新区 and 株洲高新区.
 */
export function facetKey(column: FacetColumn, value: string): string {
	const folded = normalize(value).replace(/\s+/g, '');
	return column === 'district' ? (DISTRICT_CANON[folded] ?? folded) : folded;
}

/** Raw values of a column in one kind's public records (memoised until the next write). */
async function rawFacetValues(
	db: DB,
	kind: Kind | undefined,
	column: FacetColumn
): Promise<{ value: string; n: number }[]> {
	return cachedRead(db, `facet-raw:${kind ?? '*'}:${column}`, async () => {
		// On the search's thread, as the listings' counts (countListed): it reads every listed
		// record of the kind, seconds at a million records.
		let q = readerOf(db)
			.selectFrom('records')
			.select([
				sql<string>`${sql.ref(column)}`.as('value'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where('status', '=', 'published')
			.where(sql.ref(column), 'is not', null)
			.where(sql<boolean>`not ${hasNewerTwin(kind)}`);
		if (kind) q = q.where('kind', '=', kind);
		const rows = await q.groupBy(sql.ref(column)).orderBy('n', 'desc').limit(2000).execute();
		return rows.map((r) => ({ value: r.value, n: Number(r.n) }));
	});
}

/**
 * The stored spellings a filter value stands for (高新区, 株洲高新区 and 天元区 for 天元区), so
 * a filter finds every record its facet counted. The value itself when nothing matches.
 */
export async function facetVariants(
	db: DB,
	kind: Kind | undefined,
	column: FacetColumn,
	value: string
): Promise<string[]> {
	const key = facetKey(column, value);
	const variants = (await rawFacetValues(db, kind, column))
		.map((r) => r.value)
		.filter((raw) => facetKey(column, raw) === key);
	return variants.length ? [...new Set([value, ...variants])] : [value];
}

/** The values a filter can take in one kind's public records, most common first, one spelling each. */
export async function facetValues(
	db: DB,
	kind: Kind,
	column: FacetColumn,
	limit = 40
): Promise<{ value: string; n: number }[]> {
	const merged = new Map<string, number>();
	for (const { value, n } of await rawFacetValues(db, kind, column)) {
		const key = column === 'subtype' ? value : facetKey(column, value);
		merged.set(key, (merged.get(key) ?? 0) + n);
	}
	return [...merged]
		.map(([value, n]) => ({ value, n }))
		.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
		.slice(0, limit);
}

export const API_PAGE_SIZE = 50;

/** Filters of the public JSON list (GET /api/records): no search term needed. */
export interface ApiListFilters {
	kind?: Kind;
	district?: string;
	/** Printed on or after this date (YYYY-MM-DD). */
	since?: string;
	page?: number;
}

/**
 * Published records of any kind, newest printed first, a page at a time: what other sites and
 * services read without a search term. Callers mask the rows (toPublic) before they leave.
 */
export async function listApiRecords(
	db: DB,
	filters: ApiListFilters
): Promise<{ total: number; page: number; pages: number; records: ListedSummary[] }> {
	let q = db.selectFrom('records').where('status', '=', 'published');
	if (filters.kind) q = q.where('kind', '=', filters.kind);
	if (filters.district)
		q = q.where(
			'district',
			'in',
			await facetVariants(db, filters.kind, 'district', filters.district)
		);
	if (filters.since) q = q.where('issued_on', '>=', filters.since);
	const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const total = Number(n);
	const pages = Math.max(1, Math.ceil(total / API_PAGE_SIZE));
	const requested = filters.page ?? 1;
	const page = requested >= 1 && requested <= pages ? requested : 1;
	const records = await q
		.select(LISTED_COLUMNS)
		.orderBy('issued_on', 'desc')
		.orderBy('id', 'desc')
		.limit(API_PAGE_SIZE)
		.offset((page - 1) * API_PAGE_SIZE)
		.execute();
	return { total, page, pages, records };
}

/** Another printing of a record's notice, for the record page's 另有 N 处刊登 list. */
export interface Twin {
	id: number;
	issuedOn: string | null;
	status: string;
}

/**
 * The other published printings of a record's notice (same kind, title and main number),
 * newest first — the same rule lists use to show the notice once.
 */
export async function findTwins(db: DB, id: number, limit = 50): Promise<Twin[]> {
	const record = await db
		.selectFrom('records')
		.select('kind')
		.where('id', '=', id)
		.executeTakeFirst();
	if (!record) return [];
	const { rows } = await sql<Twin>`
		select twin.id as id, twin.issued_on as "issuedOn", twin.status as status
		from records, ${twinsOf(FOLDED_BY_KEY.includes(record.kind))} and twin.id <> records.id
		and records.id = ${id}
		order by twin.issued_on desc, twin.id desc
		limit ${limit}`.execute(db);
	return rows;
}
