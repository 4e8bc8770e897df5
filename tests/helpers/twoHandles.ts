import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/lib/server/db';
import { createScratchPostgres, testingPostgres } from './database';

/**
 * A fresh empty database: a temporary SQLite file, or — when DATABASE_URL names a PostgreSQL
 * server (`npm run test:pg`) — a new database on that server. `location` is what openDatabase
 * and a child process's DATABASE_PATH / DATABASE_URL take.
 */
export async function freshDatabaseLocation(): Promise<{
	location: string;
	env: Record<string, string>;
	drop: () => Promise<void>;
}> {
	if (testingPostgres()) {
		const scratch = await createScratchPostgres(process.env.DATABASE_URL!);
		return { location: scratch.url, env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
	}
	const dir = mkdtempSync(join(tmpdir(), 'bianmin-two-'));
	const path = join(dir, 'shared.db');
	return {
		location: path,
		// A child must not pick up the PostgreSQL server instead of this file.
		env: { DATABASE_PATH: path, DATABASE_URL: '' },
		drop: async () => rmSync(dir, { recursive: true, force: true })
	};
}

/**
 * Two independent handles on one fresh migrated database, as two app servers (or a server and
 * a CLI) have: nothing held in one process's memory is seen by the other, only the database.
 * SQLite by default; PostgreSQL under `npm run test:pg`.
 */
export async function openTwoHandles(): Promise<{
	a: DB;
	b: DB;
	/** What a child process needs in its environment to open the same database. */
	env: Record<string, string>;
	close: () => Promise<void>;
}> {
	const fresh = await freshDatabaseLocation();
	const { db: a } = await openDatabase(fresh.location);
	const { db: b } = await openDatabase(fresh.location);
	return {
		a,
		b,
		env: fresh.env,
		close: async () => {
			await a.destroy();
			await b.destroy();
			await fresh.drop();
		}
	};
}
