import { randomBytes } from 'node:crypto';
import { isPostgresUrl, openDatabase, openPostgres, type OpenedDatabase } from '../db';

/**
 * A fresh, migrated, empty database for one test: SQLite in memory, or — when DATABASE_URL
 * names a PostgreSQL server (`npm run test:pg`) — a new schema of its own on that server, so
 * tests running side by side never see each other's rows. The server is thrown away after the
 * run (scripts/pg.sh), schemas and all.
 */
export async function openTestDatabase(): Promise<OpenedDatabase> {
	const url = process.env.DATABASE_URL;
	if (url && isPostgresUrl(url))
		return openPostgres(url, { schema: `test_${randomBytes(6).toString('hex')}` });
	return openDatabase(':memory:');
}

/** True when the tests run against PostgreSQL (DATABASE_URL set). */
export function testingPostgres(): boolean {
	return isPostgresUrl(process.env.DATABASE_URL ?? '');
}
