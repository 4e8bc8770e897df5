import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_VERSION_TTL_MS, directChangeStamp } from './sqlite';

describe('the memo stamp read from the connection itself (directChangeStamp)', () => {
	let dir: string;
	let server: Database.Database;
	let other: Database.Database;
	let clock: number;
	let stamp: () => string | undefined;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'bianmin-stamp-'));
		server = new Database(join(dir, 'shared.db'));
		server.pragma('journal_mode = WAL');
		server.exec('create table t (x integer)');
		// A second server, or the import CLI, on the same file.
		other = new Database(join(dir, 'shared.db'));
		clock = 1000;
		stamp = directChangeStamp(server, () => clock);
	});
	afterEach(() => {
		server.close();
		other.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('stays put while nothing is written', () => {
		const before = stamp();
		other.prepare('select count(*) from t').get();
		clock += 60_000;
		expect(stamp()).toBe(before);
	});

	it("moves at once with this connection's own write", () => {
		const before = stamp();
		server.prepare('insert into t values (1)').run();
		expect(stamp()).not.toBe(before);
	});

	it("sees another connection's commit within DATA_VERSION_TTL_MS, not later", () => {
		const before = stamp();
		other.prepare('insert into t values (1)').run();
		clock += DATA_VERSION_TTL_MS - 1;
		expect(stamp()).toBe(before);
		clock += 1;
		const after = stamp();
		expect(after).not.toBe(before);
		// The same as a stamp read in full through the statement the Kysely path runs.
		const full = server
			.prepare('select data_version as v, total_changes() as c from pragma_data_version')
			.get() as { v: number; c: number };
		expect(after).toBe(`${full.v}:${full.c}`);
	});

	it('answers nothing inside a transaction (the memo then waits for it to end)', () => {
		server.exec('begin');
		server.prepare('insert into t values (1)').run();
		expect(stamp()).toBeUndefined();
		server.exec('commit');
		expect(stamp()).toBeDefined();
	});
});
