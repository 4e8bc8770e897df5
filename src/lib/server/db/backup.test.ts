import Database from 'better-sqlite3';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	fileHash,
	seedModeratorDatabase,
	startChild,
	waitFor,
	type Child
} from '../../../../tests/helpers/processes';
import { BackupError, backupDatabase } from './backup';
import { openDatabase } from './index';
import { LATEST_MIGRATION } from './migrate';
import { RestoreError, inspectBackup, restoreDatabase } from './restore';

const root = mkdtempSync(join(tmpdir(), 'bianmin-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let dbPath: string;
let n = 0;
beforeEach(() => {
	dir = join(root, String(n++));
	dbPath = join(dir, 'bianmin.db');
});

/**
 * Reads a few facts from a closed database file. Not read-only on purpose: a read-only connection
 * leaves -wal/-shm files behind, which would muddle the "no files added" checks.
 */
function facts(path: string) {
	const db = new Database(path, { fileMustExist: true });
	try {
		return {
			integrity: db.pragma('integrity_check', { simple: true }),
			titles: db.prepare('select title from records order by id').pluck().all() as string[],
			versions: db.prepare('select id, version from records order by id').all() as {
				id: number;
				version: number;
			}[],
			revisions: db
				.prepare('select record_id as id, count(*) as n from revisions group by record_id')
				.all() as { id: number; n: number }[]
		};
	} finally {
		db.close();
	}
}

/**
 * Every row of every ordinary table, for "the same database" after a restore step that rewrote the
 * file's header (leaving WAL mode bumps the change counter, so bytes differ while content does not).
 */
function contents(path: string): string {
	const db = new Database(path, { fileMustExist: true });
	try {
		const tables = db
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'record_fts%' order by name"
			)
			.pluck()
			.all() as string[];
		return JSON.stringify(tables.map((t) => [t, db.prepare(`select * from "${t}"`).all()]));
	} finally {
		db.close();
	}
}

async function retitle(path: string, id: number, title: string): Promise<void> {
	const { db } = await openDatabase(path);
	await db.updateTable('records').set({ title }).where('id', '=', id).execute();
	await db.destroy();
}

/** Files in the database folder: a refusal must leave no aside copy and no temporary file. */
const listing = () => readdirSync(dir).sort();

describe('backupDatabase', () => {
	let child: Child | undefined;
	afterEach(async () => {
		child?.process.kill('SIGKILL');
		await child?.exited;
		child = undefined;
	});

	it('takes consistent backups while another process keeps saving edits', async () => {
		const { userId, ids } = await seedModeratorDatabase(dbPath, 5);
		child = startChild('tests/helpers/moderatorChild.ts', [], {
			DATABASE_PATH: dbPath,
			RECORD_IDS: ids.join(','),
			USER_ID: String(userId)
		});
		await waitFor(() => child!.lines.length >= 5, 15_000, 'the first saves');
		const backups: { confirmed: number; writes: number }[] = [];
		for (let i = 0; i < 5; i++) {
			// Everything confirmed before the backup started must be in it.
			const confirmed = child.lines.length;
			const file = join(dir, `backup-${i}.db`);
			const result = await backupDatabase(dbPath, file);
			expect(result.bytes).toBeGreaterThan(0);
			const f = facts(file);
			expect(f.integrity).toBe('ok');
			// Transactional snapshot: each save bumps the version and adds a revision together.
			for (const { id, version } of f.versions)
				expect(f.revisions.find((r) => r.id === id)?.n).toBe(version);
			const writes = f.versions.reduce((sum, r) => sum + r.version - 1, 0);
			expect(writes).toBeGreaterThanOrEqual(confirmed);
			backups.push({ confirmed, writes });
			await new Promise((r) => setTimeout(r, 30));
		}
		// The writer really was writing during the backups.
		expect(backups.at(-1)!.writes).toBeGreaterThan(backups[0].writes);
		// The backup is one self-contained file in rollback-journal mode.
		expect(existsSync(join(dir, 'backup-0.db-wal'))).toBe(false);
		expect(readFileSync(join(dir, 'backup-0.db'))[18]).toBe(1);
	});

	it('refuses to overwrite an existing file unless forced', async () => {
		await seedModeratorDatabase(dbPath, 1);
		const file = join(dir, 'existing.db');
		writeFileSync(file, 'precious');
		await expect(backupDatabase(dbPath, file)).rejects.toThrow(/exists already/);
		expect(readFileSync(file, 'utf8')).toBe('precious');
		await backupDatabase(dbPath, file, { force: true });
		expect(facts(file).titles).toEqual(['张三0遗失居民身份证']);
		expect(listing().filter((f) => f.includes('partial'))).toEqual([]);
	});

	it('refuses a missing database instead of backing up a new empty one', async () => {
		await expect(backupDatabase(join(root, 'missing.db'), join(root, 'b.db'))).rejects.toThrow(
			BackupError
		);
		expect(existsSync(join(root, 'missing.db'))).toBe(false);
		expect(existsSync(join(root, 'b.db'))).toBe(false);
	});
});

describe('restoreDatabase', () => {
	/** A database with two records, its backup, then a change made after the backup. */
	async function backedUpThenChanged() {
		const { ids } = await seedModeratorDatabase(dbPath, 2);
		const backup = join(root, `backup-${n}.db`);
		await backupDatabase(dbPath, backup);
		await retitle(dbPath, ids[0], '备份之后的修改');
		return { backup, ids };
	}

	it('round trip: the backup comes back, the previous database is kept aside', async () => {
		const { backup } = await backedUpThenChanged();
		const before = contents(dbPath);
		const steps: string[] = [];
		const result = await restoreDatabase(backup, dbPath, { onStep: (s) => steps.push(s) });
		expect(steps).toEqual(['checked', 'prepared', 'aside', 'swapped', 'verified']);
		expect(facts(dbPath)).toMatchObject({
			integrity: 'ok',
			titles: ['张三0遗失居民身份证', '张三1遗失居民身份证']
		});
		expect(result.migration).toBe(LATEST_MIGRATION);
		expect(result.records).toBe(2);
		expect(result.aside).toMatch(/bianmin\.db\.before-restore-\d{4}-\d\d-\d\dT[\d-]+Z$/);
		// The aside copy is the previous database, complete and usable.
		expect(contents(result.aside!)).toBe(before);
		expect(facts(result.aside!).titles[0]).toBe('备份之后的修改');
		expect(listing().filter((f) => f.includes('.tmp'))).toEqual([]);
		// The server opens the restored database normally.
		const { db } = await openDatabase(dbPath);
		expect(await db.selectFrom('records').select('title').execute()).toHaveLength(2);
		await db.destroy();
	});

	it('takes a copied live database whole, its -wal included, and leaves no files beside it', async () => {
		await backedUpThenChanged();
		// A live database whose last change is still only in its -wal, copied file by file.
		const livePath = join(root, `live-${n}.db`);
		const { ids } = await seedModeratorDatabase(livePath, 1);
		const live = await openDatabase(livePath);
		await live.db
			.updateTable('records')
			.set({ title: '只在 WAL 里' })
			.where('id', '=', ids[0])
			.execute();
		const copy = join(root, `live-copy-${n}.db`);
		for (const ext of ['', '-wal', '-shm']) copyFileSync(livePath + ext, copy + ext);
		await live.db.destroy();
		expect(readFileSync(`${copy}-wal`).length).toBeGreaterThan(0);
		await restoreDatabase(copy, dbPath);
		expect(facts(dbPath).titles).toEqual(['只在 WAL 里']);

		// A cleanly closed WAL-mode file: checking it read-only leaves no -wal/-shm behind.
		const closed = join(root, `closed-${n}.db`);
		await seedModeratorDatabase(closed, 1);
		expect(readFileSync(closed)[18]).toBe(2); // WAL mode in the header
		await inspectBackup(closed);
		expect(existsSync(`${closed}-wal`) || existsSync(`${closed}-shm`)).toBe(false);
	});

	it('restores into an empty folder (no previous database)', async () => {
		const { backup } = await backedUpThenChanged();
		const fresh = join(root, `fresh-${n}`, 'bianmin.db');
		const result = await restoreDatabase(backup, fresh);
		expect(result.aside).toBeNull();
		expect(facts(fresh).titles).toHaveLength(2);
	});

	/** Restoring `bad` is refused with `message`, and the current database is not touched. */
	async function expectRefused(bad: string, message: RegExp) {
		const before = fileHash(dbPath);
		const files = listing();
		const error = await restoreDatabase(bad, dbPath).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RestoreError);
		expect((error as Error).message).toMatch(message);
		expect(fileHash(dbPath)).toBe(before);
		expect(listing()).toEqual(files);
		expect(facts(dbPath).titles[0]).toBe('备份之后的修改');
	}

	it('refuses garbage, damaged and truncated files', async () => {
		const { backup } = await backedUpThenChanged();
		const garbage = join(root, `garbage-${n}.db`);
		writeFileSync(garbage, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)));
		await expectRefused(garbage, /not an SQLite database/);

		// A valid header with its pages overwritten in the middle.
		const damaged = join(root, `damaged-${n}.db`);
		copyFileSync(backup, damaged);
		const bytes = readFileSync(damaged);
		for (let i = 4096 * 2; i < bytes.length - 4096; i++) bytes[i] = (i * 31) % 256;
		writeFileSync(damaged, bytes);
		await expectRefused(damaged, /damaged/);

		const truncated = join(root, `truncated-${n}.db`);
		copyFileSync(backup, truncated);
		truncateSync(truncated, Math.floor(readFileSync(backup).length / 2));
		await expectRefused(truncated, /damaged/);

		// None of this left files beside the refused backups either.
		expect(existsSync(`${damaged}-wal`)).toBe(false);
		expect(existsSync(`${truncated}-shm`)).toBe(false);
	});

	it('refuses other SQLite databases, empty files and missing files', async () => {
		await backedUpThenChanged();
		const foreign = join(root, `foreign-${n}.db`);
		const other = new Database(foreign);
		other.exec('create table notes (id integer primary key, text text)');
		other.close();
		await expectRefused(foreign, /not a Bianmin database/);

		const empty = join(root, `empty-${n}.db`);
		writeFileSync(empty, '');
		await expectRefused(empty, /not a Bianmin database/);

		await expectRefused(join(root, 'no-such-file.db'), /not found/);
		await expectRefused(dbPath, /database itself/);
	});

	it('refuses a backup from a newer or unknown schema version', async () => {
		const { backup } = await backedUpThenChanged();
		const newer = join(root, `newer-${n}.db`);
		copyFileSync(backup, newer);
		const db = new Database(newer);
		db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(
			'9999_future',
			new Date().toISOString()
		);
		db.close();
		await expectRefused(newer, /newer version of Bianmin.*9999_future/);
		await expect(inspectBackup(newer)).rejects.toThrow(RestoreError);
	});

	it('refuses while the database is open elsewhere (server running)', async () => {
		const { backup } = await backedUpThenChanged();
		const server = await openDatabase(dbPath);
		try {
			const error = await restoreDatabase(backup, dbPath).catch((e: unknown) => e);
			expect((error as Error).message).toMatch(/in use/);
			expect(listing().filter((f) => f.includes('before-restore') || f.includes('.tmp'))).toEqual(
				[]
			);
		} finally {
			await server.db.destroy();
		}
		expect(facts(dbPath).titles[0]).toBe('备份之后的修改');
	});

	it('puts the previous database back when the restored one fails its final check', async () => {
		const { backup } = await backedUpThenChanged();
		const before = contents(dbPath);
		const error = await restoreDatabase(backup, dbPath, {
			onStep: (step) => {
				if (step === 'swapped') throw new Error('simulated failure after the swap');
			}
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RestoreError);
		expect((error as Error).message).toMatch(/back in place.*failed-restore/);
		expect(contents(dbPath)).toBe(before);
		expect(facts(dbPath).titles[0]).toBe('备份之后的修改');
		// Nothing deleted: the aside copy and the failed result are both kept.
		expect(listing().some((f) => f.includes('before-restore'))).toBe(true);
		expect(listing().some((f) => f.includes('failed-restore'))).toBe(true);
	});

	it('leaves the current database in place when a step before the swap fails', async () => {
		const { backup } = await backedUpThenChanged();
		const before = contents(dbPath);
		await expect(
			restoreDatabase(backup, dbPath, {
				onStep: (step) => {
					if (step === 'aside') throw new Error('disk full');
				}
			})
		).rejects.toThrow('disk full');
		expect(contents(dbPath)).toBe(before);
		expect(listing().filter((f) => f.includes('.tmp'))).toEqual([]);
	});

	it('describes an acceptable backup without changing it', async () => {
		const { backup } = await backedUpThenChanged();
		const before = fileHash(backup);
		expect(await inspectBackup(backup)).toMatchObject({
			migration: LATEST_MIGRATION,
			records: 2,
			sources: 0
		});
		expect(fileHash(backup)).toBe(before);
		expect(existsSync(`${backup}-wal`)).toBe(false);
	});
});
