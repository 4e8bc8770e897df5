/**
 * Online backup of the live database: SQLite's backup API reads a consistent snapshot while the
 * server keeps serving and writing (WAL: the backup's read transaction blocks no writer).
 */
import Database from 'better-sqlite3';
import {
	closeSync,
	existsSync,
	fsyncSync,
	linkSync,
	openSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** better-sqlite3's largest step size: "copy everything in this step". */
const ALL_PAGES = 0x7fffffff;

export interface BackupOptions {
	/** Replace FILE when it exists already. Without it an existing file is never touched. */
	force?: boolean;
}

export interface BackupResult {
	/** The backup file, as an absolute path. */
	file: string;
	bytes: number;
	ms: number;
}

/** A backup that was refused before anything was written (the message is shown as is). */
export class BackupError extends Error {}

/** Flushes a file (or a directory entry list) to disk; a rename is durable only after the latter. */
export function fsyncPath(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Deletes a file we created ourselves, with its SQLite side files; never throws. */
export function removeOwnFile(path: string): void {
	for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`])
		rmSync(p, { force: true });
}

/**
 * Copies the database at `source` into `target` with the SQLite online backup API.
 *
 * The copy is written to a temporary file beside the target, switched to rollback-journal mode (so
 * the backup is ONE self-contained file, with no -wal beside it), checked with
 * `PRAGMA integrity_check`, flushed to disk and only then given its name: a backup interrupted
 * half-way never looks like a finished one, and an existing file is replaced only with `force`.
 */
export async function backupDatabase(
	source: string,
	target: string,
	options: BackupOptions = {}
): Promise<BackupResult> {
	const started = performance.now();
	const file = resolve(target);
	if (resolve(source) === file)
		throw new BackupError('FILE is the database itself / 不能备份到数据库本身');
	if (!existsSync(source))
		throw new BackupError(`database not found: ${source} / 找不到数据库 ${source}`);
	if (existsSync(file) && !options.force)
		throw new BackupError(
			`${target} exists already; use --force to replace it / 文件已存在，如需覆盖请加 --force`
		);
	if (!existsSync(dirname(file)))
		throw new BackupError(`folder does not exist: ${dirname(file)} / 目录不存在`);

	const temp = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
	removeOwnFile(temp);
	// fileMustExist: a wrong DATABASE_PATH must fail, not back up a new empty database.
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// One step for the whole database: a step that is interrupted by another connection's write
		// starts the copy over, so many small steps under a steady stream of writes might never end.
		await db.backup(temp, { progress: () => ALL_PAGES });
	} catch (error) {
		removeOwnFile(temp);
		throw error;
	} finally {
		db.close();
	}

	try {
		const copy = new Database(temp, { fileMustExist: true });
		try {
			copy.pragma('journal_mode = DELETE');
			const check = copy.pragma('integrity_check', { simple: true });
			if (check !== 'ok') throw new BackupError(`the copy failed integrity_check: ${check}`);
		} finally {
			copy.close();
		}
		fsyncPath(temp);
		if (options.force) renameSync(temp, file);
		else {
			// link() fails when the name exists: no window in which a file appearing meanwhile is
			// overwritten without --force.
			linkSync(temp, file);
			rmSync(temp);
		}
		fsyncPath(dirname(file));
	} catch (error) {
		removeOwnFile(temp);
		if ((error as NodeJS.ErrnoException).code === 'EEXIST')
			throw new BackupError(`${target} exists already; use --force to replace it`);
		throw error;
	}
	return { file, bytes: statSync(file).size, ms: performance.now() - started };
}

/** 1536 → "1.5 KB": sizes for people. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(1)} ${units[unit]}`;
}
