import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index';
import { LATEST_MIGRATION, migrateToLatest } from './migrate';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
	it('applies every migration to an empty database, and re-running is a no-op', async () => {
		const { db, sqlite } = await openDatabase(join(dir, 'a.db'));
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
		const again = await openDatabase(join(dir, 'a.db'));
		expect(await migrateToLatest(again.db)).toEqual([]);
		await again.db.destroy();
	});

	it('sets WAL, foreign keys and a busy timeout on the connection', async () => {
		const { db, sqlite } = await openDatabase(join(dir, 'b.db'));
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

	it('rejects a record kind outside the five kinds', async () => {
		const { db } = await openDatabase(':memory:');
		await expect(
			db
				.insertInto('records')
				.values({ kind: 'weather' as never, title: 'x' } as never)
				.execute()
		).rejects.toThrow(/CHECK/);
		await db.destroy();
	});
});
