/**
 * Builds the benchmark database: a migrated app database filled with the synthetic corpus by
 * the bulk loader (the same rows the app writes, see src/lib/server/bulk.ts).
 */
import { statSync } from 'node:fs';
import { openSqlite } from '../src/lib/server/db/index';
import { bulkInsertRecords } from '../src/lib/server/bulk';
import { corpus } from './synthetic';

export interface BuildFigures {
	records: number;
	/** Whole build: migrations, rows, indexes, search-index merge. */
	buildSeconds: number;
	insertSeconds: number;
	/** Secondary indexes and the full-text merge, after the rows. */
	indexSeconds: number;
	dbSizeMb: number;
}

/**
 * Creates `path` (which must not exist) with `records` corpus records for `seed`.
 * Uses a large page cache while loading only; the app's own settings apply afterwards.
 */
export async function buildDatabase(
	path: string,
	records: number,
	seed: number,
	onProgress?: (done: number) => void
): Promise<BuildFigures> {
	const started = performance.now();
	const { db, sqlite } = await openSqlite(path);
	try {
		sqlite.pragma('cache_size = -262144'); // 256 MB while loading: fewer spills mid-transaction
		const result = bulkInsertRecords(sqlite, corpus(records, seed), { onProgress });
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
		return {
			records: result.records,
			buildSeconds: (performance.now() - started) / 1000,
			insertSeconds: result.insertSeconds,
			indexSeconds: result.indexSeconds,
			dbSizeMb: statSync(path).size / 1e6
		};
	} finally {
		await db.destroy();
	}
}
