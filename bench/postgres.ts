/**
 * The benchmark's databases on a PostgreSQL server (`npm run bench -- --database postgres://…`):
 * each run measures a database of its own, created on that server and dropped afterwards; a
 * build kept for later runs (`--db NAME`) is a database NAME on the same server, marked with
 * what it holds in its comment, and copied for each run (CREATE DATABASE … TEMPLATE), as the
 * SQLite file is, because the import phase writes to the database it measures.
 */
import pg from 'pg';

/** Database names the bench creates or reuses: plain identifiers, no quoting games. */
export function checkDatabaseName(name: string): string {
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
		throw new Error(`${name}: a PostgreSQL database name here is lower-case letters, digits and _`);
	return name;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${checkDatabaseName(name)}`;
	return url.toString();
}

/** One statement on the server's maintenance connection (the database of `serverUrl`). */
async function admin<T extends pg.QueryResultRow>(
	serverUrl: string,
	text: string,
	values: unknown[] = []
): Promise<T[]> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return (await client.query<T>(text, values)).rows;
	} finally {
		await client.end();
	}
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
	const rows = await admin(serverUrl, 'select 1 from pg_database where datname = $1', [name]);
	return rows.length > 0;
}

export async function createDatabase(
	serverUrl: string,
	name: string,
	template?: string
): Promise<void> {
	// FILE_COPY copies the template's files as they are, instead of writing every page of a
	// multi-gigabyte build to the WAL (WAL_LOG, the default since PostgreSQL 15, suits small
	// templates); it needs a checkpoint, which the server makes itself.
	await admin(
		serverUrl,
		template
			? `create database ${checkDatabaseName(name)} template ${checkDatabaseName(template)}` +
					` strategy file_copy`
			: `create database ${checkDatabaseName(name)}`
	);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
	await admin(serverUrl, `drop database if exists ${checkDatabaseName(name)} with (force)`);
}

/** What a kept build holds, as written by markBuild (null: not a finished build). */
export async function readBuildMark<T>(serverUrl: string, name: string): Promise<T | null> {
	const rows = await admin<{ mark: string | null }>(
		serverUrl,
		`select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1`,
		[name]
	);
	const mark = rows[0]?.mark;
	if (!mark) return null;
	try {
		return JSON.parse(mark) as T;
	} catch {
		return null;
	}
}

/**
 * Marks database `name` as a finished build of `about` (the database's comment: no table in the
 * app's schema, and a build cut off before this has none, so it is never taken for a whole one).
 */
export async function markBuild(serverUrl: string, name: string, about: unknown): Promise<void> {
	const text = JSON.stringify(about).replaceAll("'", "''");
	await admin(serverUrl, `comment on database ${checkDatabaseName(name)} is '${text}'`);
}

/** The database's size on disk, in MB. */
export async function databaseSizeMb(serverUrl: string, name: string): Promise<number> {
	const rows = await admin<{ bytes: string }>(serverUrl, 'select pg_database_size($1) as bytes', [
		name
	]);
	return Number(rows[0].bytes) / 1e6;
}
