import type { Kind } from '../extract/types';
import type { DB } from './db';

/** Listings show published records; resolved/expired ones stay reachable by link and search. */
export async function countPublishedByKind(db: DB): Promise<Record<Kind, number>> {
	const rows = await db
		.selectFrom('records')
		.select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', '=', 'published')
		.groupBy('kind')
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
export async function newestRecords(db: DB, limit = 8): Promise<RecordSummary[]> {
	return db
		.selectFrom('records')
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
		.where('status', '=', 'published')
		.orderBy('published_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}
