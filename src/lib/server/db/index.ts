import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	CompiledQuery,
	Kysely,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type SqliteDialectConfig
} from 'kysely';
import { migrateToLatest } from './migrate';
import { withStatementCache } from './statementCache';
import type { Database as Schema } from './schema';

export type DB = Kysely<Schema>;

export interface OpenedDatabase {
	db: DB;
	sqlite: Database.Database;
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

/** The database path from the environment (read at call time, so CLIs and tests can set it). */
export function databasePath(): string {
	return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/**
 * Opens (creating if needed) an SQLite database with the pragmas every connection needs and
 * applies pending migrations. `:memory:` works for tests.
 */
export async function openDatabase(path = databasePath()): Promise<OpenedDatabase> {
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
	sqlite.pragma('cache_size = -32000'); // 32 MB page cache
	sqlite.pragma('temp_store = MEMORY');
	const db = new Kysely<Schema>({
		dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) })
	});
	await migrateToLatest(db);
	return { db, sqlite };
}

let shared: Promise<OpenedDatabase> | undefined;

/** The server's one connection, opened and migrated on first use. */
export function getDatabase(): Promise<OpenedDatabase> {
	shared ??= openDatabase().catch((error) => {
		shared = undefined;
		throw error;
	});
	return shared;
}
