import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './index';
import { LATEST_MIGRATION, migrateToLatest } from './migrate';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
	it('applies every migration to an empty database, and re-running is a no-op', async () => {
		const { db, sqlite } = await openSqlite(join(dir, 'a.db'));
		const applied = await db
			.selectFrom('kysely_migration' as never)
			.select(sql<string>`name`.as('name'))
			.execute();
		expect(applied.map((r) => r.name)).toContain(LATEST_MIGRATION);
		const tables = sqlite
			.prepare("select name from sqlite_master where type = 'table' order by name")
			.pluck()
			.all();
		expect(tables).toEqual(
			expect.arrayContaining([
				'sources',
				'records',
				'provenance',
				'record_phones',
				'users',
				'record_fts'
			])
		);
		const schemaBefore = sqlite
			.prepare('select sql from sqlite_master order by name')
			.pluck()
			.all();
		expect(await migrateToLatest(db)).toEqual([]);
		expect(sqlite.prepare('select sql from sqlite_master order by name').pluck().all()).toEqual(
			schemaBefore
		);
		await db.destroy();
		// Opening the same file again migrates nothing and keeps the data.
		const again = await openSqlite(join(dir, 'a.db'));
		expect(await migrateToLatest(again.db)).toEqual([]);
		await again.db.destroy();
	});

	it('sets WAL, foreign keys and a busy timeout on the connection', async () => {
		const { db, sqlite } = await openSqlite(join(dir, 'b.db'));
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
		// foreign_keys is really enforced: a provenance row needs its record and source.
		expect(() =>
			sqlite
				.prepare(
					'insert into provenance (record_id, source_id, start, "end") values (999, 999, 0, 1)'
				)
				.run()
		).toThrow(/FOREIGN KEY/);
		await db.destroy();
	});

	it('takes the write lock when a transaction begins, so a read-then-write never fails', async () => {
		const path = join(dir, 'c.db');
		const { db } = await openSqlite(path);
		// Another process (the importer) writing to the same file, without waiting for locks.
		const other = new Database(path, { timeout: 0 });
		const write = other.prepare(
			"insert into users (username, password_hash, role) values (?, 'x', 'moderator')"
		);
		let otherBlocked = false;
		await db.transaction().execute(async (trx) => {
			await trx.selectFrom('users').select('id').execute();
			try {
				write.run('importer');
			} catch (e) {
				otherBlocked = /locked|busy/i.test(String(e));
			}
			// With a deferred BEGIN the other write commits above and this one fails with
			// "database is locked" (SQLITE_BUSY_SNAPSHOT): a moderator's save lost to an import.
			await trx
				.insertInto('users')
				.values({ username: 'mod', password_hash: 'x', role: 'moderator' })
				.execute();
		});
		expect(otherBlocked).toBe(true);
		write.run('importer'); // once the transaction has committed, the other writer goes ahead
		expect(other.prepare('select username from users order by id').pluck().all()).toEqual([
			'mod',
			'importer'
		]);
		other.close();
		await db.destroy();
	});

	it('rejects a record kind outside the five kinds', async () => {
		const { db } = await openSqlite(':memory:');
		await expect(
			db
				.insertInto('records')
				.values({ kind: 'weather' as never, title: 'x' } as never)
				.execute()
		).rejects.toThrow(/CHECK/);
		await db.destroy();
	});
});
