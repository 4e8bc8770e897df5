import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	sql,
	type DatabaseConnection,
	type Driver,
	type SqliteDialectConfig
} from 'kysely';
import { directChangeStamp } from './dialect/sqlite';
import { migrateToLatest } from './migrate';
import { openSqliteReader } from './reader';
import { readStampDirectly } from './readCache';
import { withStatementCache } from './statementCache';
import type { Database as Schema } from './schema';

export type DB = Kysely<Schema>;

export interface OpenedDatabase {
	db: DB;
	/**
	 * The SQLite connection under `db`, for the few SQLite-only tools (bulk load, restore,
	 * integrity checks); null on PostgreSQL.
	 */
	sqlite: Database.Database | null;
}

/**
 * Transactions start with BEGIN IMMEDIATE (Kysely's SQLite driver says BEGIN, i.e. DEFERRED).
 * Every transaction here writes after reading. A deferred one only asks for the write lock at its
 * first write; if another process (the importer, a CLI) committed since its first read, SQLite
 * cannot wait for the lock — the snapshot is stale — and fails at once with "database is locked"
 * (SQLITE_BUSY_SNAPSHOT), busy_timeout or not: a moderator's save answered 500 under load. An
 * immediate transaction takes the write lock first, waiting up to busy_timeout for it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}
	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.#config);
	}
}

/** Where the app keeps its data unless DATABASE_PATH says otherwise. */
export const DEFAULT_DATABASE_PATH = 'data/bianmin.db';

/** The SQLite path from the environment (read at call time, so CLIs and tests can set it). */
export function databasePath(): string {
	return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/**
 * Where the app's data lives: DATABASE_URL (a `postgres://…` URL) when set, otherwise the SQLite
 * file DATABASE_PATH (default data/bianmin.db).
 */
export function databaseLocation(): string {
	return process.env.DATABASE_URL || databasePath();
}

/** True for a PostgreSQL connection URL (postgres:// or postgresql://). */
export function isPostgresUrl(location: string): boolean {
	return /^postgres(ql)?:\/\//i.test(location);
}

/** A location safe to print: a URL's password replaced by ***. */
export function describeLocation(location: string): string {
	if (!isPostgresUrl(location)) return location;
	try {
		const url = new URL(location);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return 'postgres://(unreadable URL)';
	}
}

/**
 * PostgreSQL hands bigint (counts, unix-ms columns) and numeric (sums) over as strings, to be
 * safe beyond 2^53; every such value here is far smaller, and SQLite gives numbers: so numbers.
 */
const pgTypes = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

/** Connections per process: requests wait for one rather than overload the server. */
const POOL_SIZE = 10;

export interface PostgresOptions {
	/** Tables live in this schema (created if missing): each test gets its own. */
	schema?: string;
}

/** Opens a PostgreSQL database through a connection pool and applies pending migrations. */
export async function openPostgres(
	url: string,
	options: PostgresOptions = {}
): Promise<OpenedDatabase> {
	if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema))
		throw new Error(`invalid schema name ${options.schema}`);
	if (options.schema) {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query(`create schema if not exists ${options.schema}`);
		} finally {
			await client.end();
		}
	}
	const pool = new pg.Pool({
		connectionString: url,
		max: POOL_SIZE,
		types: pgTypes,
		// UTC: the ISO timestamps the created_at defaults write are UTC, as on SQLite.
		options: `-c TimeZone=UTC${options.schema ? ` -c search_path=${options.schema}` : ''}`
	});
	// An idle connection the server ends (a restart, a failover, `drop database … with (force)`)
	// makes the pool emit 'error'; unheard, that event would crash the process. The pool has
	// already discarded the client and opens a new one on the next query, so a log line is all
	// that is needed.
	pool.on('error', (error) => {
		console.error(
			JSON.stringify({
				time: new Date().toISOString(),
				level: 'warn',
				db: 'postgres',
				event: 'idle connection closed by the server',
				error: error.message
			})
		);
	});
	const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	await migrateToLatest(db, rows[0].schema);
	return { db, sqlite: null };
}

/**
 * Opens the database at `location`: a `postgres://…` URL (PostgreSQL), or a path to an SQLite
 * file, created if needed, with the pragmas every connection needs. `:memory:` works for tests.
 * Pending migrations are applied either way.
 */
export async function openDatabase(location = databaseLocation()): Promise<OpenedDatabase> {
	return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}

/**
 * Opens (creating if needed) an SQLite database with the pragmas every connection needs and
 * applies pending migrations. For the SQLite-only tools that need the connection itself.
 */
export async function openSqlite(
	path: string
): Promise<OpenedDatabase & { sqlite: Database.Database }> {
	if (path !== ':memory:' && !path.startsWith('file:'))
		mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	// WAL: readers never block the writer. synchronous=FULL flushes the WAL on every commit, so a
	// save a moderator saw confirmed survives even a power cut (NORMAL survives kill -9 but may lose
	// the last commits on power loss). Writes are rare and page-sized here, so the fsync is cheap.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// An 8 MB page cache: pages beyond it come from the operating system's file cache for the price
	// of a read() call. At a million records (2.8 GB) a 32 MB cache cost the server 21 MB more peak
	// memory and saved no CPU: 2.75–2.78 ms per request in the search mix either way, and the same
	// import speed (0.52 MB/s).
	sqlite.pragma('cache_size = -8000');
	sqlite.pragma('temp_store = MEMORY');
	const db = new Kysely<Schema>({
		dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) })
	});
	await migrateToLatest(db);
	readStampDirectly(db, directChangeStamp(sqlite));
	return { db, sqlite };
}

let shared: Promise<OpenedDatabase> | undefined;

/** The server's one connection, opened and migrated on first use. */
export function getDatabase(): Promise<OpenedDatabase> {
	shared ??= openDatabase().then(
		(opened) => {
			if (opened.sqlite && !opened.sqlite.memory) {
				readers.set(opened.db, openSqliteReader(opened.sqlite.name, { fallback: opened.db }));
				// The server's page cache is smaller than a CLI's: its search statements run on the
				// reader, and what stays here — a page's 20 rows and their phones, by id — misses
				// a cache of any affordable size at a million records (the mix reads rows all over
				// 2.8 GB). 2 MB holds the b-trees' upper levels; 8 MB used the same CPU.
				opened.sqlite.pragma('cache_size = -2000');
			}
			return opened;
		},
		(error) => {
			shared = undefined;
			throw error;
		}
	);
	return shared;
}

const readers = new WeakMap<DB, DB>();

/**
 * Where `db`'s long reads run — the search's full-text statements, the listings' counts: for
 * the server's SQLite connection, a read-only connection in a worker thread (reader.ts), so
 * the main thread renders other requests meanwhile; otherwise (PostgreSQL, which runs queries
 * in its own processes; a CLI; a test) `db` itself.
 */
export function readerOf(db: DB): DB {
	return readers.get(db) ?? db;
}
