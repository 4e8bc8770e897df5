/**
 * Builds the benchmark database: a migrated app database filled with the synthetic corpus by
 * the bulk loader of its kind (the same rows the app writes, see src/lib/server/bulk/).
 */
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { isPostgresUrl, openPostgres, openSqlite } from '../src/lib/server/db/index';
import {
	bulkInsertRecords,
	bulkInsertRecordsPostgres,
	type BulkResult
} from '../src/lib/server/bulk';
import { corpus } from './synthetic';

export interface BuildFigures {
	records: number;
	/** Whole build: migrations, rows, indexes, search-index merge. */
	buildSeconds: number;
	insertSeconds: number;
	/** Secondary indexes and the full-text merge (SQLite) or vacuum analyze (PostgreSQL). */
	indexSeconds: number;
	dbSizeMb: number;
}

/**
 * Fills `location` — an SQLite path (which must not exist) or the URL of an empty PostgreSQL
 * database — with `records` corpus records for `seed`. On SQLite a large page cache is used
 * while loading only; the app's own settings apply afterwards.
 */
export async function buildDatabase(
	location: string,
	records: number,
	seed: number,
	onProgress?: (done: number) => void
): Promise<BuildFigures> {
	const started = performance.now();
	let result: BulkResult;
	let dbSizeMb: number;
	if (isPostgresUrl(location)) {
		const { db } = await openPostgres(location);
		try {
			result = await bulkInsertRecordsPostgres(db, corpus(records, seed), { onProgress });
			const { rows } = await sql<{
				bytes: number;
			}>`select pg_database_size(current_database()) as bytes`.execute(db);
			dbSizeMb = Number(rows[0].bytes) / 1e6;
		} finally {
			await db.destroy();
		}
	} else {
		const { db, sqlite } = await openSqlite(location);
		try {
			sqlite.pragma('cache_size = -262144'); // 256 MB while loading: fewer spills mid-transaction
			result = bulkInsertRecords(sqlite, corpus(records, seed), { onProgress });
			sqlite.pragma('wal_checkpoint(TRUNCATE)');
			dbSizeMb = statSync(location).size / 1e6;
		} finally {
			await db.destroy();
		}
	}
	return {
		records: result.records,
		buildSeconds: (performance.now() - started) / 1000,
		insertSeconds: result.insertSeconds,
		indexSeconds: result.indexSeconds,
		dbSizeMb
	};
}
