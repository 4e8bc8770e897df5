import { sql } from 'kysely';
import { today as clockToday } from '../clock';
import type { CardEntry } from '../records/hotlineCard';
import type { Kind } from '../extract/types';
import type { DB } from './db';

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

/** The newest published records of all kinds. */
export async function newestRecords(db: DB, limit = 8, kind?: Kind): Promise<RecordSummary[]> {
	let q = db.selectFrom('records').where('status', '=', 'published');
	if (kind) q = q.where('kind', '=', kind);
	return q
		.select([
			'id',
			'kind',
			'subtype',
			'title',
			'status',
			'district',
			'date_start as dateStart',
			'deadline',
			'published_at as publishedAt'
		])
		.orderBy('published_at', 'desc')
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
	from?: string;
	to?: string;
	/** Events: upcoming (default) or past. */
	when?: 'upcoming' | 'past';
	/** Lost & found / 寻亲: include notices marked resolved (已找到 / 已认领). */
	resolved?: boolean;
	sort?: 'new' | 'date' | 'title';
	page?: number;
}

export interface ListResult {
	total: number;
	page: number;
	pages: number;
	records: (RecordSummary & {
		organization: string | null;
		place: string | null;
		dateEnd: string | null;
	})[];
}

/** Escapes LIKE wildcards so user text is matched literally. */
function likeContains(value: string): string {
	return '%' + value.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** A page of one kind's public records, filtered and sorted; `today` decides upcoming/past. */
export async function listRecords(
	db: DB,
	kind: Kind,
	filters: ListFilters,
	today = clockToday()
): Promise<ListResult> {
	let q = db.selectFrom('records').where('kind', '=', kind);
	q = filters.resolved
		? q.where('status', 'in', ['published', 'resolved'])
		: q.where('status', '=', 'published');
	if (filters.subtype) q = q.where('subtype', '=', filters.subtype);
	if (filters.organization) q = q.where('organization', '=', filters.organization);
	if (filters.district) q = q.where('district', '=', filters.district);
	if (filters.documentType) q = q.where('document_type', '=', filters.documentType);
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
	if (filters.from) q = q.where('date_start', '>=', filters.from);
	if (filters.to) q = q.where('date_start', '<=', filters.to + 'T99');
	if (kind === 'event') {
		const last = sql<string>`coalesce(date_end, date_start, deadline)`;
		q =
			filters.when === 'past'
				? q.where(last, '<', today)
				: q.where((eb) => eb.or([eb(last, '>=', today), eb(last, 'is', null)]));
	}
	const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const total = Number(n);
	const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
	const page = Math.min(Math.max(1, filters.page ?? 1), pages);
	let ordered = q.select([
		'id',
		'kind',
		'subtype',
		'title',
		'status',
		'district',
		'organization',
		'place',
		'date_start as dateStart',
		'date_end as dateEnd',
		'deadline',
		'published_at as publishedAt'
	]);
	const sort = filters.sort ?? (kind === 'event' ? 'date' : kind === 'hotline' ? 'title' : 'new');
	if (sort === 'title') ordered = ordered.orderBy('title');
	else if (sort === 'date')
		ordered =
			kind === 'event' && filters.when !== 'past'
				? ordered
						.orderBy(sql`coalesce(date_start, deadline) is null`)
						.orderBy(sql`coalesce(date_start, deadline)`)
				: ordered.orderBy(sql`date_start is null`).orderBy('date_start', 'desc');
	else ordered = ordered.orderBy('published_at', 'desc');
	const records = await ordered
		.orderBy('id', 'desc')
		.limit(LIST_PAGE_SIZE)
		.offset((page - 1) * LIST_PAGE_SIZE)
		.execute();
	return { total, page, pages, records };
}

export type FacetColumn = 'organization' | 'district' | 'document_type' | 'gender' | 'subtype';

/** The values a filter can take in one kind's public records, most common first. */
export async function facetValues(
	db: DB,
	kind: Kind,
	column: FacetColumn,
	limit = 40
): Promise<{ value: string; n: number }[]> {
	const rows = await db
		.selectFrom('records')
		.select([sql<string>`${sql.ref(column)}`.as('value'), (eb) => eb.fn.countAll<number>().as('n')])
		.where('kind', '=', kind)
		.where('status', '=', 'published')
		.where(sql.ref(column), 'is not', null)
		.groupBy(sql.ref(column))
		.orderBy('n', 'desc')
		.orderBy('value')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ value: r.value, n: Number(r.n) }));
}
