/**
 * Newspaper pages (sources) as moderators see and correct them: paper, publication date and
 * page label. The text never changes (records' offsets point into it); a re-import of the same
 * page finds it by its hash and leaves these corrections alone.
 */
import { sql } from 'kysely';
import type { SourceForm } from '../records/schemas';
import { logAudit } from './audit';
import type { Actor } from './moderation';
import type { DB } from './db';

export const SOURCES_PAGE_SIZE = 50;

export interface SourceRow {
	id: number;
	paper: string;
	published: string;
	page: string | null;
	file: string;
	records: number;
}

/** Newest pages first, with how many records each gave. */
export async function listSources(
	db: DB,
	page: number
): Promise<{ rows: SourceRow[]; total: number }> {
	const { n } = await db
		.selectFrom('sources')
		.select(db.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const rows = await db
		.selectFrom('sources as s')
		.select([
			's.id',
			's.paper',
			's.published',
			's.page',
			's.file',
			sql<number>`(select count(distinct record_id) from provenance p where p.source_id = s.id)`.as(
				'records'
			)
		])
		.orderBy('s.published', 'desc')
		.orderBy('s.id', 'desc')
		.limit(SOURCES_PAGE_SIZE)
		.offset((page - 1) * SOURCES_PAGE_SIZE)
		.execute();
	return { rows, total: Number(n) };
}

export interface SourceDetail extends SourceRow {
	/** The start of the page text, to recognise the page. */
	opening: string;
	recordList: { id: number; title: string; kind: string; status: string }[];
}

export async function findSource(db: DB, id: number): Promise<SourceDetail | undefined> {
	const row = await db
		.selectFrom('sources')
		.select([
			'id',
			'paper',
			'published',
			'page',
			'file',
			sql<string>`substr(text, 1, 300)`.as('opening')
		])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const recordList = await db
		.selectFrom('records as r')
		.select(['r.id', 'r.title', 'r.kind', 'r.status'])
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('provenance as p')
					.select('p.id')
					.whereRef('p.record_id', '=', 'r.id')
					.where('p.source_id', '=', id)
			)
		)
		.orderBy('r.id')
		.execute();
	return { ...row, records: recordList.length, recordList };
}

/** Saves corrected details, with a line in the moderation log; false when nothing changed. */
export async function updateSource(
	db: DB,
	id: number,
	input: SourceForm,
	actor: Actor
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('sources')
			.select(['paper', 'published', 'page'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!before) return false;
		const after = { paper: input.paper, published: input.published, page: input.page || null };
		if (
			before.paper === after.paper &&
			before.published === after.published &&
			before.page === after.page
		)
			return false;
		await trx.updateTable('sources').set(after).where('id', '=', id).execute();
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'source-edit',
			targetType: 'source',
			targetId: id,
			detail: { before, after }
		});
		return true;
	});
}
