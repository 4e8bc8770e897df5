/**
 * Restoring a backup: check it first, keep the current database aside, swap atomically.
 *
 * Order of work, and why:
 * 1. FILE is opened read-only and must pass `PRAGMA integrity_check` and be a Bianmin database at
 *    a schema version this build knows. A refusal happens before anything is written.
 * 2. FILE is copied (SQLite backup API: a consistent snapshot even with a -wal beside it) to a
 *    temporary file in the database's folder and migrated to the latest schema THERE, so a failing
 *    migration leaves the current database untouched.
 * 3. The current database must not be open elsewhere (stop the server first); its WAL is folded in
 *    and a byte copy is kept as `<db>.before-restore-<time>`. Nothing is ever deleted.
 * 4. rename(temp → db): at every moment the database path holds either the old or the new file.
 * 5. The result is opened like the server opens it. If that fails, the old database is put back.
 */
import Database from 'better-sqlite3';
import {
	constants,
	copyFileSync,
	existsSync,
	mkdirSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsyncPath, removeOwnFile } from './backup';
import { databasePath, openSqlite } from './index';
import { LATEST_MIGRATION } from './migrate';

/** better-sqlite3's largest step size: "copy everything in this step". */
const ALL_PAGES = 0x7fffffff;

/** Tables every Bianmin database has since the first migration. */
const BIANMIN_TABLES = ['kysely_migration', 'sources', 'records', 'provenance'];

/** A restore refused or undone; the message says why, in words an operator can act on. */
export class RestoreError extends Error {}

export interface BackupInfo {
	file: string;
	bytes: number;
	/** The newest migration applied to the file. */
	migration: string;
	records: number;
	sources: number;
}

let known: Promise<string[]> | undefined;

/**
 * The migration names this build knows. migrate.ts keeps its list private, so ask the migrator
 * itself: migrate an empty in-memory database and read what it recorded.
 */
function knownMigrations(): Promise<string[]> {
	known ??= (async () => {
		const { db, sqlite } = await openSqlite(':memory:');
		try {
			return sqlite
				.prepare('select name from kysely_migration order by name')
				.pluck()
				.all() as string[];
		} finally {
			await db.destroy();
		}
	})();
	return known;
}

/**
 * Opens FILE read-only for `use`. A read-only connection cannot remove the -wal/-shm files SQLite
 * creates beside a WAL-mode file, so when we made them and the -wal stayed empty (nothing to lose:
 * the -shm is only an index into the -wal) they are removed: checking leaves no trace next to FILE.
 */
async function withReadOnly<T>(file: string, use: (db: Database.Database) => Promise<T> | T) {
	const wal = `${file}-wal`;
	const shm = `${file}-shm`;
	const ours = !existsSync(wal) && !existsSync(shm);
	let db: Database.Database;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
	} catch (error) {
		throw new RestoreError(`cannot open ${file}: ${(error as Error).message} / 无法打开该文件`);
	}
	try {
		return await use(db);
	} finally {
		db.close();
		if (ours && (!existsSync(wal) || statSync(wal).size === 0)) {
			rmSync(wal, { force: true });
			rmSync(shm, { force: true });
		}
	}
}

function sqliteCode(error: unknown): string | undefined {
	return (error as { code?: string })?.code;
}

/**
 * Checks that FILE is an intact Bianmin database this build can use, without changing it.
 * Throws RestoreError saying what is wrong: missing, damaged, not a Bianmin database, or made by
 * a newer version.
 */
export async function inspectBackup(file: string): Promise<BackupInfo> {
	if (!existsSync(file)) throw new RestoreError(`${file}: not found / 文件不存在`);
	if (!statSync(file).isFile()) throw new RestoreError(`${file}: not a file / 不是文件`);
	const knownNames = await knownMigrations();
	return withReadOnly(file, (db) => {
		let lines: string[];
		try {
			const rows = db.pragma('integrity_check') as { integrity_check: string }[];
			lines = rows.map((r) => r.integrity_check);
		} catch (error) {
			const code = sqliteCode(error);
			if (code === 'SQLITE_NOTADB')
				throw new RestoreError(`${file} is not an SQLite database / 不是数据库文件，已拒绝恢复`);
			throw new RestoreError(
				`${file} is damaged (${(error as Error).message}) / 文件已损坏，已拒绝恢复`
			);
		}
		if (lines.length !== 1 || lines[0] !== 'ok') {
			throw new RestoreError(
				`${file} is damaged: integrity_check reports ${lines.slice(0, 3).join('; ')}` +
					`${lines.length > 3 ? ` (and ${lines.length - 3} more)` : ''} / 文件已损坏，已拒绝恢复`
			);
		}
		const tables = new Set(
			db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]
		);
		const foreign = `${file} is not a Bianmin database / 不是便民的数据库，已拒绝恢复`;
		if (!BIANMIN_TABLES.every((t) => tables.has(t))) throw new RestoreError(foreign);
		const names = db
			.prepare('select name from kysely_migration order by name')
			.pluck()
			.all() as string[];
		if (!names.includes(knownNames[0])) throw new RestoreError(foreign);
		const newest = names.at(-1)!;
		const unknown = names.filter((n) => !knownNames.includes(n));
		if (unknown.some((n) => n > LATEST_MIGRATION)) {
			throw new RestoreError(
				`${file} was made by a newer version of Bianmin (schema ${newest}; this version knows up ` +
					`to ${LATEST_MIGRATION}): update the app first / 备份来自更新的版本，请先升级程序`
			);
		}
		if (unknown.length) {
			throw new RestoreError(
				`${file} has schema changes this version does not know (${unknown.join(', ')}) / ` +
					'数据库结构版本未知，已拒绝恢复'
			);
		}
		const count = (table: string) =>
			db.prepare(`select count(*) from ${table}`).pluck().get() as number;
		return {
			file,
			bytes: statSync(file).size,
			migration: newest,
			records: count('records'),
			sources: count('sources')
		};
	});
}

/**
 * Makes sure no other connection has the database open, and folds its WAL into the main file.
 * Leaving WAL mode needs the only connection, so SQLITE_BUSY here means the server (or another
 * tool) is still running. A database too damaged to open is not refused: it is kept aside as is.
 */
function takeOver(path: string): void {
	let db: Database.Database | undefined;
	try {
		db = new Database(path, { fileMustExist: true });
		db.pragma('busy_timeout = 2000');
		const mode = db.pragma('journal_mode = DELETE', { simple: true });
		if (mode !== 'delete')
			throw Object.assign(new Error(`journal_mode ${mode}`), { code: 'SQLITE_BUSY' });
	} catch (error) {
		const code = sqliteCode(error);
		if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
			throw new RestoreError(
				`${path} is in use (is the server running?): stop it, then restore / 数据库正在使用，请先停止服务再恢复`
			);
		}
	} finally {
		db?.close();
	}
}

/** A name that does not exist yet: `base`, else `base-2`, `base-3` … */
function freeName(base: string): string {
	let name = base;
	for (let n = 2; existsSync(name) || existsSync(`${name}-wal`); n++) name = `${base}-${n}`;
	return name;
}

/** Moves a database file together with its -wal/-shm, so the three never get mixed up. */
function moveWithSidecars(from: string, to: string): void {
	for (const ext of ['-wal', '-shm']) if (existsSync(from + ext)) renameSync(from + ext, to + ext);
	if (existsSync(from)) renameSync(from, to);
}

/** Byte copy to `to` (which must not exist), flushed to disk. */
function copyDurably(from: string, to: string): void {
	copyFileSync(from, to, constants.COPYFILE_EXCL);
	fsyncPath(to);
}

export type RestoreStep = 'checked' | 'prepared' | 'aside' | 'swapped' | 'verified';

export interface RestoreOptions {
	/**
	 * Called after each step; the CLI prints progress with it. An exception thrown here aborts the
	 * restore exactly like a failure of the next step would (tests use that).
	 */
	onStep?: (step: RestoreStep, detail: string) => void;
	/** For names of kept files; defaults to now. */
	now?: Date;
}

export interface RestoreResult {
	database: string;
	backup: BackupInfo;
	/** The previous database, kept; null when there was none. */
	aside: string | null;
	/** Newest migration after the restore (the backup's own, or newer when it was migrated). */
	migration: string;
	records: number;
	ms: number;
}

/**
 * Replaces the database at `dbPath` with the backup FILE (see the module comment for the steps).
 * Throws RestoreError when FILE is refused (nothing changed) or when the restore failed (the
 * previous database is back in place, and the message says so).
 */
export async function restoreDatabase(
	file: string,
	dbPath: string = databasePath(),
	options: RestoreOptions = {}
): Promise<RestoreResult> {
	const started = performance.now();
	const step = options.onStep ?? (() => {});
	const target = resolve(dbPath);
	if (resolve(file) === target)
		throw new RestoreError('FILE is the database itself / 不能用数据库本身来恢复');
	const backup = await inspectBackup(file);
	step('checked', `${backup.migration}, ${backup.records} records, ${backup.sources} pages`);

	const dir = dirname(target);
	mkdirSync(dir, { recursive: true });
	const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
	const temp = join(dir, `.${basename(target)}.restore-${process.pid}.tmp`);
	removeOwnFile(temp);
	let aside: string | null = null;
	let swapped = false;
	try {
		await withReadOnly(file, (db) => db.backup(temp, { progress: () => ALL_PAGES }));
		const opened = await openSqlite(temp); // migrates the copy, not the live database
		try {
			const check = opened.sqlite.pragma('integrity_check', { simple: true });
			if (check !== 'ok') throw new RestoreError(`the copy failed integrity_check: ${check}`);
			// One self-contained file to rename: no -wal beside it that could be left behind.
			opened.sqlite.pragma('journal_mode = DELETE');
		} finally {
			await opened.db.destroy();
		}
		fsyncPath(temp);
		step('prepared', temp);

		if (existsSync(target)) {
			takeOver(target);
			aside = freeName(`${target}.before-restore-${stamp}`);
			copyDurably(target, aside);
			// Whatever -wal/-shm is still there belongs to the old file, never to the new one.
			for (const ext of ['-wal', '-shm'])
				if (existsSync(target + ext)) renameSync(target + ext, aside + ext);
			step('aside', aside);
		}

		renameSync(temp, target);
		swapped = true;
		fsyncPath(dir);
		step('swapped', target);

		const { db, sqlite } = await openSqlite(target);
		try {
			const check = sqlite.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new Error(`quick_check after restore: ${check}`);
			const migration = sqlite
				.prepare('select max(name) from kysely_migration')
				.pluck()
				.get() as string;
			const records = sqlite.prepare('select count(*) from records').pluck().get() as number;
			step('verified', `${migration}, ${records} records`);
			return {
				database: target,
				backup,
				aside,
				migration,
				records,
				ms: performance.now() - started
			};
		} finally {
			await db.destroy();
		}
	} catch (error) {
		removeOwnFile(temp);
		if (!swapped) throw error;
		// Keep the failed result for inspection, and put the previous database back.
		const failed = freeName(`${target}.failed-restore-${stamp}`);
		moveWithSidecars(target, failed);
		if (aside) {
			copyDurably(aside, temp);
			renameSync(temp, target);
			fsyncPath(dir);
		}
		throw new RestoreError(
			`restore failed (${(error as Error).message}); ` +
				(aside
					? `the previous database is back in place / 恢复失败，原数据库已复原`
					: 'there was no previous database / 恢复失败') +
				`; the failed result is kept as ${failed}`,
			{ cause: error }
		);
	}
}
