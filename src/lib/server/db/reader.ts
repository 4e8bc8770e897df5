import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
	Kysely,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type CompiledQuery,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type QueryResult
} from 'kysely';
import type { DB } from './index';
import type { Database as Schema } from './schema';

/**
 * A read-only SQLite connection that runs in a worker thread, behind Kysely: where the search
 * runs its full-text statements (readerOf in index.ts), so they do not run on the thread that
 * renders pages.
 *
 * Why: at a million records the search mix spent about 1 ms of each request's 2.2–2.4 ms of
 * main-thread CPU inside SQLite, most of it in two statements run once per distinct query (the
 * full-text scan with facets, 1.6 ms; the titles of a 500-block, 1.7 ms). The server has one
 * thread for JavaScript, and that thread was the ceiling; the machine has a second core.
 *
 * Only those statements come here, and the listings' counts and facet values (listings.ts:
 * tenths of a second to seconds at a million records, memoised until the next write). Sending
 * every statement (rows and phones of each page, the memo's stamp) made each request wait on the
 * thread several times: the two threads then took turns instead of working side by side, and the
 * mix got slower (329–376 req/s against 406–423).
 *
 * The connection only reads (`readonly`: a write fails). Its statements see every commit of the
 * main connection made before they run: in WAL mode each statement reads the newest committed
 * snapshot. The memo's stamp is read on the main connection before (readCache.ts), so an answer
 * is never older than the stamp it is stored under.
 */

/** The worker's code: prepare (once per SQL text), run, answer. CommonJS, so it is a string. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -' + workerData.cacheKb);
// Prepared statements by SQL text, as statementCache.ts keeps them on the main connection (that
// module cannot be loaded in an eval'd worker); the oldest goes first.
const statements = new Map();
function prepare(sql) {
	let statement = statements.get(sql);
	if (statement && !statement.busy) return statement;
	statement = db.prepare(sql);
	if (statements.size >= 256) statements.delete(statements.keys().next().value);
	statements.set(sql, statement);
	return statement;
}
// Rows go back as columns: numbers in a Float64Array and text joined into one string (either
// crosses the thread as one block of memory), anything else as an array. Cloned as objects,
// the 1,000 rows of a search's scan cost the main thread 0.35 ms to receive, a third of what
// running the statement had cost it.
function columnOf(rows, c) {
	const n = rows.length;
	let numbers = n > 0, text = n > 0;
	for (let i = 0; i < n && (numbers || text); i++) {
		const value = rows[i][c];
		if (typeof value !== 'number') numbers = false;
		if (typeof value !== 'string' || value.includes('\u0000')) text = false;
	}
	if (numbers) {
		const column = new Float64Array(n);
		for (let i = 0; i < n; i++) column[i] = rows[i][c];
		return column;
	}
	if (text) {
		let joined = rows[0][c];
		for (let i = 1; i < n; i++) joined += '\u0000' + rows[i][c];
		return joined;
	}
	return rows.map((row) => row[c]);
}
function run({ id, sql, parameters }) {
	try {
		const statement = prepare(sql);
		if (!statement.reader) throw new Error('read-only connection: ' + sql.slice(0, 60));
		const names = statement.columns().map((column) => column.name);
		const rows = statement.raw(true).all(parameters);
		return { id, names, n: rows.length, columns: names.map((_, c) => columnOf(rows, c)) };
	} catch (error) {
		return { id, error: { message: String(error && error.message), code: error && error.code } };
	}
}
// Statements come in batches (each message costs both threads a wake-up, the main thread's share
// 50-70 µs); each answer goes back as soon as it is ready. Answering a batch at once made the
// first request of the batch wait for the last, and the mix slower.
parentPort.on('message', (batch) => {
	for (const statement of batch) {
		const reply = run(statement);
		const buffers = [];
		for (const column of reply.columns ?? []) if (column instanceof Float64Array) buffers.push(column.buffer);
		parentPort.postMessage(reply, buffers);
	}
});
`;

interface Reply {
	id: number;
	/** Column names, the number of rows, and each column (see the worker's columnOf). */
	names?: string[];
	n?: number;
	columns?: (Float64Array | string | unknown[])[];
	error?: { message: string; code?: string };
}

/** The rows of a reply, as objects (what better-sqlite3's all() returns). */
function rowsFromColumns({ names = [], n = 0, columns = [] }: Reply): Record<string, unknown>[] {
	const values = columns.map((column) =>
		typeof column === 'string' ? column.split('\u0000') : column
	);
	const rows = new Array<Record<string, unknown>>(n);
	for (let i = 0; i < n; i++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < names.length; c++) row[names[c]] = values[c][i];
		rows[i] = row;
	}
	return rows;
}

/** An error from the worker, shaped like better-sqlite3's (message and code). */
class ReaderError extends Error {
	readonly code: string | undefined;
	constructor(message: string, code?: string) {
		super(message);
		this.name = 'SqliteError';
		this.code = code;
	}
}

/** How long statements go to the fallback after the thread failed. */
const RESTART_AFTER_MS = 60_000;

export interface ReaderOptions {
	/** SQLite page cache of the worker's connection, in kB. */
	cacheKb?: number;
	/**
	 * Where a statement runs when the thread itself fails (it cannot start, runs out of memory,
	 * exits): the main connection, so a broken thread slows the search down instead of
	 * failing it. An SQL error is not a failure of the thread: it is thrown as it is.
	 */
	fallback?: DB;
}

/**
 * The worker and the statements waiting for its answers. A worker that dies (it should not)
 * fails what was waiting; the next statements fail at once for RESTART_AFTER_MS (they go to
 * the fallback), then a new worker is started.
 */
class ReaderThread {
	#worker: Worker | null = null;
	#next = 1;
	#failedAt = -Infinity;
	#queue: { id: number; sql: string; parameters: readonly unknown[] }[] = [];
	readonly #waiting = new Map<
		number,
		{ resolve: (rows: unknown[]) => void; reject: (error: Error) => void }
	>();

	constructor(
		private readonly path: string,
		private readonly options: ReaderOptions
	) {}

	#start(): Worker {
		const worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: {
				path: this.path,
				driver: createRequire(import.meta.url).resolve('better-sqlite3'),
				cacheKb: this.options.cacheKb ?? 2000
			},
			// The worker holds statements and one answer at a time: a small heap. Its own page
			// cache is small too: what it reads is mostly in the operating system's file cache.
			// 2 MB of cache and a 4 MB young generation (against 8 and 8) cost the server 13 MB
			// less peak memory with the same throughput.
			resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 }
		});
		worker.on('message', (reply: Reply) => {
			const waiting = this.#waiting.get(reply.id);
			if (!waiting) return;
			this.#waiting.delete(reply.id);
			if (this.#waiting.size === 0) worker.unref();
			if (reply.error) waiting.reject(new ReaderError(reply.error.message, reply.error.code));
			else waiting.resolve(rowsFromColumns(reply));
		});
		const fail = (error: Error) => {
			// Not after close(), which lets go of the worker first.
			if (this.#worker === worker) {
				this.#worker = null;
				this.#failedAt = performance.now();
			}
			for (const waiting of this.#waiting.values()) waiting.reject(error);
			this.#waiting.clear();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => fail(new Error(`SQLite reader thread exited (${code})`)));
		return worker;
	}

	all(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
		// A thread that failed is not started again for a while: a start costs tens of ms, and
		// one that cannot start would otherwise be started for every statement.
		if (!this.#worker && performance.now() - this.#failedAt < RESTART_AFTER_MS)
			return Promise.reject(new Error('SQLite reader thread failed a moment ago'));
		const worker = (this.#worker ??= this.#start());
		const id = this.#next++;
		// A reader with statements to answer keeps the process alive (a CLI awaiting one); an
		// idle one does not.
		if (this.#waiting.size === 0) worker.ref();
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			// Sent once the current run of microtasks ends, with the statements the other requests
			// asked for meanwhile: early enough that the thread works while this one renders.
			if (this.#queue.length === 0) queueMicrotask(() => this.#flush());
			this.#queue.push({ id, sql, parameters });
		});
	}

	#flush(): void {
		const batch = this.#queue;
		this.#queue = [];
		if (batch.length > 0) this.#worker?.postMessage(batch);
	}

	async close(): Promise<void> {
		const worker = this.#worker;
		this.#worker = null;
		if (worker) await worker.terminate();
	}
}

class ReaderConnection implements DatabaseConnection {
	#warned = false;
	constructor(
		private readonly thread: ReaderThread,
		private readonly fallback: DB | undefined
	) {}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		try {
			return { rows: (await this.thread.all(compiledQuery.sql, compiledQuery.parameters)) as R[] };
		} catch (error) {
			if (error instanceof ReaderError || !this.fallback) throw error;
			// Only what the thread would have run: it refuses statements that write.
			if (!/^\s*(select|with)\b/i.test(compiledQuery.sql))
				throw new Error(READ_ONLY, { cause: error });
			if (!this.#warned) {
				this.#warned = true;
				console.error(
					JSON.stringify({
						time: new Date().toISOString(),
						level: 'error',
						db: 'sqlite reader thread',
						event: 'thread failed: its statements run on the main connection',
						error: String(error)
					})
				);
			}
			return this.fallback.executeQuery<R>(compiledQuery);
		}
	}

	// eslint-disable-next-line require-yield -- never streams
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('the SQLite reader does not stream');
	}
}

const READ_ONLY = 'the SQLite reader only reads: write through the main connection';

/**
 * No mutex around the one connection (Kysely's own SQLite driver has none either): statements
 * queue in the worker, which keeps it busy while the main thread renders.
 */
class ReaderDriver implements Driver {
	readonly #connection: ReaderConnection;
	constructor(
		private readonly thread: ReaderThread,
		fallback: DB | undefined
	) {
		this.#connection = new ReaderConnection(thread, fallback);
	}
	async init(): Promise<void> {}
	async acquireConnection(): Promise<DatabaseConnection> {
		return this.#connection;
	}
	async beginTransaction(): Promise<void> {
		throw new Error(READ_ONLY);
	}
	async commitTransaction(): Promise<void> {
		throw new Error(READ_ONLY);
	}
	async rollbackTransaction(): Promise<void> {
		throw new Error(READ_ONLY);
	}
	async releaseConnection(): Promise<void> {}
	async destroy(): Promise<void> {
		await this.thread.close();
	}
}

class ReaderDialect implements Dialect {
	constructor(
		private readonly path: string,
		private readonly options: ReaderOptions
	) {}
	createDriver(): Driver {
		return new ReaderDriver(new ReaderThread(this.path, this.options), this.options.fallback);
	}
	createQueryCompiler() {
		return new SqliteQueryCompiler();
	}
	createAdapter() {
		return new SqliteAdapter();
	}
	createIntrospector(db: Kysely<unknown>) {
		return new SqliteIntrospector(db);
	}
}

/**
 * A read-only Kysely over the SQLite file at `path`, its statements run in a worker thread.
 * The file must exist and be in WAL mode (openSqlite sets it), so this connection's reads never
 * wait for the main connection's writes.
 */
export function openSqliteReader(path: string, options: ReaderOptions = {}): DB {
	return new Kysely<Schema>({ dialect: new ReaderDialect(path, options) });
}
