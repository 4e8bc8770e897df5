import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
	isPostgresUrl,
	openDatabase,
	openPostgres,
	type OpenedDatabase
} from '../../src/lib/server/db';

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

/**
 * A new empty database on the PostgreSQL server of `url` (a whole database, not a schema: an
 * app server started on it uses the default schema), for an e2e run. Returns its URL and a
 * function that drops it.
 */
export async function createScratchPostgres(
	url: string
): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `scratch_${randomBytes(6).toString('hex')}`;
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query(statement);
		} finally {
			await client.end();
		}
	};
	await admin(`create database ${name}`);
	const scratch = new URL(url);
	scratch.pathname = `/${name}`;
	return {
		url: scratch.toString(),
		drop: () => admin(`drop database if exists ${name} with (force)`)
	};
}
