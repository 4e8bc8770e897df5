import type { Transaction } from 'kysely';
import type { Phone } from '../../records/types';
import { toColumns, type RecordFields } from '../../records/columns';
import type { DB } from '../db';
import { dialectOf } from '../db/dialect';
import type { Database } from '../db/schema';
import { writeSearchEntry } from './index';

/**
 * What the search index of a database was built with, kept in SQLite's `user_version` (no app
 * table needed; nothing else uses it) or PostgreSQL's search_index_version table. Bump when tokenize() turns the same text into different
 * tokens, so `npm start` rebuilds the index of an existing database once.
 * 1: numbers holding an ID are one token, however printed (issue 12); before, a number wrapped
 *    across lines was indexed in pieces, and a piece could be found by its first digits.
 */
export const SEARCH_INDEX_VERSION = 1;

const BATCH = 500;

export async function searchIndexVersion(db: DB): Promise<number> {
	return dialectOf(db).meta.searchIndexVersion(db);
}

/**
 * Writes the search entries of up to BATCH records with an id above `after`, in `db` (a
 * transaction, or the database: one statement each); returns the last id written, or undefined
 * when there were none.
 */
export async function indexRecordsAfter(
	db: DB | Transaction<Database>,
	after: number
): Promise<{ last: number; count: number } | undefined> {
	const rows = await db
		.selectFrom('records')
		.select(['id', 'kind', 'title', 'data'])
		.where('id', '>', after)
		.orderBy('id')
		.limit(BATCH)
		.execute();
	if (rows.length === 0) return undefined;
	const ids = rows.map((r) => r.id);
	const phones = await db
		.selectFrom('record_phones')
		.select(['record_id', 'number'])
		.where('record_id', 'in', ids)
		.execute();
	const phonesOf = new Map<number, Pick<Phone, 'number'>[]>();
	for (const p of phones) {
		const list = phonesOf.get(p.record_id) ?? [];
		list.push({ number: p.number });
		phonesOf.set(p.record_id, list);
	}
	for (const r of rows) {
		const c = toColumns(r.kind, JSON.parse(r.data) as RecordFields);
		await writeSearchEntry(db, {
			id: r.id,
			title: r.title,
			keys: c.keys,
			body: c.body,
			phones: phonesOf.get(r.id) ?? [],
			organization: c.organization
		});
	}
	return { last: ids[ids.length - 1], count: rows.length };
}

/** Records that the index now holds what SEARCH_INDEX_VERSION's tokenizer makes. */
export async function markSearchIndexCurrent(db: DB | Transaction<Database>): Promise<void> {
	await dialectOf(db).meta.setSearchIndexVersion(db, SEARCH_INDEX_VERSION);
}

/**
 * Rewrites every record's search entry with the current tokenizer, a batch per transaction
 * (readers go on meanwhile), then records SEARCH_INDEX_VERSION. Returns the records indexed.
 */
export async function reindexSearch(db: DB, onProgress?: (done: number) => void): Promise<number> {
	let last = 0;
	let done = 0;
	for (;;) {
		const batch = await db.transaction().execute((trx) => indexRecordsAfter(trx, last));
		if (!batch) break;
		done += batch.count;
		last = batch.last;
		onProgress?.(done);
	}
	await markSearchIndexCurrent(db);
	return done;
}

/** Rebuilds the index when it was built by an older tokenizer; true when it did. */
export async function ensureSearchIndexCurrent(db: DB): Promise<boolean> {
	if ((await searchIndexVersion(db)) >= SEARCH_INDEX_VERSION) return false;
	await reindexSearch(db);
	return true;
}
