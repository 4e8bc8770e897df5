/**
 * The search's reader thread (reader.ts): what it answers must be what the main connection
 * answers, it must see the main connection's commits at once, and it must not write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lostNotice } from '../../../../tests/helpers/processes';
import { insertRecord } from '../records';
import { searchRecords } from '../search/query';
import { getDatabase, openSqlite, readerOf, type DB } from './index';
import { openSqliteReader } from './reader';
import { cachedRead } from './readCache';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-reader-'));
const path = join(dir, 'reader.db');
let db: DB;
let reader: DB;

beforeAll(async () => {
	// getDatabase opens the server's connection and its reader, as the server does.
	process.env.DATABASE_PATH = path;
	process.env.DATABASE_URL = '';
	({ db } = await getDatabase());
	reader = readerOf(db);
	await sql`create table t (id integer primary key, n real, s text, b blob, x)`.execute(db);
	await sql`insert into t values
		(1, 1.5, '甲', x'00ff', 7),
		(2, null, 'a' || char(0) || 'b', null, 'text'),
		(3, -2, '', null, null)`.execute(db);
});
afterAll(async () => {
	await reader.destroy();
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite reader thread', () => {
	it('is what the server searches through on an SQLite file', () => {
		expect(reader).not.toBe(db);
	});

	it('answers exactly what the main connection answers, whatever the column types', async () => {
		const query = sql`select id, n, s, x, length(b) as bytes from t order by id`;
		const main = (await query.execute(db)).rows;
		expect(main).toHaveLength(3);
		expect((await query.execute(reader)).rows).toEqual(main);
		// Text holding the character the worker joins text columns with.
		expect((await sql`select s from t where id = 2`.execute(reader)).rows).toEqual([
			{ s: 'a\u0000b' }
		]);
		// One row, and none.
		expect((await sql`select s from t where id = 3`.execute(reader)).rows).toEqual([{ s: '' }]);
		expect((await sql`select s from t where id = 99`.execute(reader)).rows).toEqual([]);
	});

	it('sees a commit of the main connection in its next statement', async () => {
		await sql`insert into t (id, s) values (4, '新')`.execute(db);
		const { rows } = await sql<{ s: string }>`select s from t where id = 4`.execute(reader);
		expect(rows).toEqual([{ s: '新' }]);
	});

	it('answers many statements in flight, each with its own rows', async () => {
		const ids = Array.from({ length: 50 }, (_, i) => (i % 4) + 1);
		const answers = await Promise.all(
			ids.map((id) => sql<{ id: number }>`select id from t where id = ${id}`.execute(reader))
		);
		expect(answers.map((a) => a.rows[0].id)).toEqual(ids);
	});

	it('refuses to write, and a failed statement leaves it working', async () => {
		await expect(sql`insert into t (id) values (5)`.execute(reader)).rejects.toThrow(/read/);
		await expect(reader.transaction().execute(async () => {})).rejects.toThrow(/only reads/);
		await expect(sql`select nope from t`.execute(reader)).rejects.toThrow(/no such column/);
		expect((await sql`select count(*) as n from t`.execute(reader)).rows).toEqual([{ n: 4 }]);
		expect((await sql`select count(*) as n from t where id = 5`.execute(db)).rows).toEqual([
			{ n: 0 }
		]);
	});

	it('falls back to the main connection when the thread fails, for reads only', async () => {
		// A thread that cannot open its file fails at start.
		const broken = openSqliteReader(join(dir, 'missing.db'), { fallback: db });
		const lonely = openSqliteReader(join(dir, 'missing.db'));
		try {
			const query = sql`select s from t where id = 1`;
			expect((await query.execute(broken)).rows).toEqual([{ s: '甲' }]);
			// And the next statement (the thread is not started again for it).
			expect((await query.execute(broken)).rows).toEqual([{ s: '甲' }]);
			await expect(query.execute(lonely)).rejects.toThrow();
			// What the thread would refuse is not run on the main connection either.
			await expect(sql`insert into t (id) values (6)`.execute(broken)).rejects.toThrow(
				/only reads/
			);
			expect((await sql`select count(*) as n from t where id = 6`.execute(db)).rows).toEqual([
				{ n: 0 }
			]);
		} finally {
			await broken.destroy();
			await lonely.destroy();
		}
	});

	it('gives the search the answers of the main connection, and a new record at once', async () => {
		const add = (n: number) =>
			db.transaction().execute((trx) => insertRecord(trx, lostNotice(n), { status: 'published' }));
		for (let n = 1; n <= 30; n++) await add(n);
		// A second connection without a reader (as a CLI opens it) runs every statement itself.
		const plain = await openSqlite(path);
		try {
			expect(readerOf(plain.db)).toBe(plain.db);
			const viaReader = await searchRecords(db, { q: '身份证 遗失' });
			expect(viaReader.total).toBe(30);
			expect(viaReader).toEqual(await searchRecords(plain.db, { q: '身份证 遗失' }));
			// Saved on the main connection, found through the reader by the very next search
			// (the memo's stamp moved with the write).
			await add(31);
			const after = await searchRecords(db, { q: '身份证 遗失' });
			expect(after.total).toBe(31);
			expect(after.results[0].title).toBe('张三31遗失居民身份证');
		} finally {
			await plain.db.destroy();
		}
	});
});

describe('the read memo with the reader thread', () => {
	it('never keeps an answer read before a commit of the connection it is stamped from', async () => {
		await sql`create table memo_t (id integer primary key)`.execute(db);
		// Counted on the reader thread, memoised under the main connection's stamp: the search's
		// scan and counts are such reads.
		const count = () =>
			cachedRead(db, 'test:memo_t', async () => {
				const { rows } = await sql<{ n: number }>`select count(*) as n from memo_t`.execute(reader);
				return rows[0].n;
			});
		expect(await count()).toBe(0);
		let written!: () => void;
		let commit!: () => void;
		const insertDone = new Promise<void>((resolve) => (written = resolve));
		const mayCommit = new Promise<void>((resolve) => (commit = resolve));
		const transaction = db.transaction().execute(async (trx) => {
			await sql`insert into memo_t (id) values (1)`.execute(trx);
			written();
			await mayCommit;
		});
		await insertDone;
		// Asked while the row is written but not committed: the reader thread cannot see it yet,
		// so this answer must not be stored under a stamp that is still current after the commit.
		const during = count();
		// Given the time to answer before the commit (the thread would answer 0). Read the way
		// it must be, it waits for the transaction instead, and this times out.
		await Promise.race([during, new Promise((resolve) => setTimeout(resolve, 100))]);
		commit();
		await transaction;
		await during;
		expect(await count()).toBe(1);
	});
});
