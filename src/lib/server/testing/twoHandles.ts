import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DB } from '../db';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
let created = 0;

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
	const server = process.env.DATABASE_URL;
	if (server && POSTGRES_URL.test(server)) {
		const name = `bianmin_t${process.pid}_${++created}`;
		const admin = new pg.Client({ connectionString: server });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		const url = new URL(server);
		url.pathname = `/${name}`;
		return {
			location: url.toString(),
			env: { DATABASE_URL: url.toString() },
			drop: async () => {
				const client = new pg.Client({ connectionString: server });
				await client.connect();
				await client.query(`drop database if exists ${name} with (force)`);
				await client.end();
			}
		};
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
