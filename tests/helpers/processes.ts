/**
 * Test helpers for reliability tests: databases with a moderator and records, child processes
 * that can be killed with SIGKILL, and file fingerprints.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/lib/server/db/index';
import { insertRecord, type RecordInput } from '../../src/lib/server/records';

/** The project root (tests run from it; children are started from it too). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A lost-and-found record a moderator might edit. */
export function lostNotice(n: number): RecordInput {
	return {
		kind: 'lost_found',
		subtype: 'void_notice',
		title: `张三${n}遗失居民身份证`,
		district: '荷塘区',
		fields: { documentType: '居民身份证', holder: `张三${n}` },
		phones: [{ number: '0731-28213456', raw: '0731-28213456' }],
		emails: []
	};
}

/** Creates a migrated database at `path` with one moderator and `count` published records. */
export async function seedModeratorDatabase(
	path: string,
	count: number
): Promise<{ userId: number; ids: number[] }> {
	const { db } = await openDatabase(path);
	try {
		const { id: userId } = await db
			.insertInto('users')
			.values({ username: 'mod', password_hash: 'x', role: 'moderator' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const ids = await db.transaction().execute(async (trx) => {
			const out: number[] = [];
			for (let n = 0; n < count; n++)
				out.push(await insertRecord(trx, lostNotice(n), { status: 'published' }));
			return out;
		});
		return { userId, ids };
	} finally {
		await db.destroy();
	}
}

/** A child process whose stdout is collected line by line. */
export interface Child {
	process: ChildProcessWithoutNullStreams;
	/** Complete stdout lines so far. */
	lines: string[];
	stderr: () => string;
	/** Resolves with the exit code (null when killed by a signal). */
	exited: Promise<number | null>;
}

/**
 * Starts `node --import tsx <script> ...args` from the project root with extra environment
 * variables. Not `node_modules/.bin/tsx`: that CLI runs the script in a second process, which a
 * SIGKILL of the first would leave running — the kill must hit the process doing the writes.
 */
export function startChild(script: string, args: string[], env: Record<string, string>): Child {
	const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
		cwd: ROOT,
		// DATABASE_URL cleared unless given: these children work on the SQLite file the test names
		// in DATABASE_PATH, also when the suite runs against PostgreSQL (npm run test:pg).
		env: { ...process.env, DATABASE_URL: '', ...env, LOG_REQUESTS: '0' },
		stdio: ['pipe', 'pipe', 'pipe']
	});
	const lines: string[] = [];
	let partial = '';
	let err = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		const parts = (partial + chunk).split('\n');
		partial = parts.pop()!;
		lines.push(...parts);
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	return { process: child, lines, stderr: () => err, exited };
}

/** Polls `condition` every few milliseconds until it holds; throws after `timeoutMs`. */
export async function waitFor(
	condition: () => boolean,
	timeoutMs: number,
	what: string
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 5));
	}
}

/** sha256 of a file's bytes: "untouched" means exactly the same bytes. */
export function fileHash(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}
