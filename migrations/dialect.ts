import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * What the migrations write differently on PostgreSQL (issue 18). Not a migration itself (the
 * list in src/lib/server/db/migrate.ts names those). On SQLite every helper gives exactly what
 * the migrations wrote before PostgreSQL was supported, so existing databases see no change.
 */

export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An integer primary key the database numbers: SQLite's `integer primary key` (the rowid);
 * on PostgreSQL an identity column, which still accepts explicit ids (a copy, a restore).
 */

export function serialKey(db: Kysely<any>) {
	const pg = isPostgres(db);
	return (c: ColumnDefinitionBuilder) =>
		pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey();
}

/** The default of created_at / updated_at columns: UTC ISO text with milliseconds. */

export function nowIso(db: Kysely<any>) {
	return isPostgres(db)
		? sql`(to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
		: sql`(strftime('%Y-%m-%dT%H:%M:%fZ'))`;
}

/**
 * Column types SQLite accepts loosely: bytes (SQLite blob, PostgreSQL bytea), a double (SQLite's
 * real is 8 bytes, PostgreSQL's 4) and unix milliseconds (SQLite integers are 8 bytes,
 * PostgreSQL's integer 4: ms since 1970 need bigint).
 */

export function types(db: Kysely<any>) {
	const pg = isPostgres(db);
	return {
		bytes: pg ? 'bytea' : 'blob',
		double: pg ? 'double precision' : 'real',
		unixMs: pg ? 'bigint' : 'integer'
	} as const;
}
