import { createHash, type Hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { indexRecordsAfter, markSearchIndexCurrent } from '../search/reindex';
import { dialectOf } from './dialect';
import type { DB } from './index';
import type { Database } from './schema';

/**
 * Copies one Bianmin database into another — SQLite to PostgreSQL when a city outgrows one
 * file, or back — and proves the copy: every table's row count and a checksum of its rows must
 * match on both sides (`npm run db:copy`, scripts/db-copy.ts).
 *
 * The target is emptied and filled in ONE transaction: a copy that fails half-way leaves the
 * target as it was, and running the copy again gives the same result (nothing is appended
 * twice). Derived data is not copied but rebuilt by the target itself: the search index (each
 * dialect keeps its own, db/reindex) and the facets and issued_on/main_phone columns the
 * triggers maintain; the checksums then show the triggers agreed with the source.
 */

interface CopiedTable {
	name: keyof Database;
	/** The primary key, read in order in batches (keyset); none: ordered by every column. */
	key?: string;
	/** Rows per insert and per read; small for tables holding page files (up to 20 MB each). */
	batch?: number;
	/**
	 * Columns that point at rows of the same table, possibly later ones (a record marked the
	 * duplicate of a newer one): inserted empty, then set once every row exists, so PostgreSQL's
	 * immediate foreign-key checks hold.
	 */
	selfReferences?: string[];
}

/** Every table holding data, parents before children (the foreign keys point backwards). */
export const COPIED_TABLES: CopiedTable[] = [
	{ name: 'users', key: 'id' },
	{ name: 'sources', key: 'id' },
	{ name: 'page_files', key: 'id', batch: 8 },
	{ name: 'page_jobs', key: 'id' },
	{ name: 'page_images', key: 'id', batch: 8 },
	{ name: 'source_files', key: 'source_id' },
	{ name: 'sessions', key: 'id' },
	{ name: 'login_attempts', key: 'id' },
	{ name: 'records', key: 'id', selfReferences: ['duplicate_of'] },
	{ name: 'provenance', key: 'id' },
	{ name: 'record_phones', key: 'id' },
	{ name: 'record_emails', key: 'id' },
	{ name: 'suggestions', key: 'id' },
	{ name: 'revisions', key: 'id' },
	{ name: 'audit_log', key: 'id' },
	{ name: 'submissions', key: 'id' },
	{ name: 'reports', key: 'id' },
	{ name: 'participation_events', key: 'id' },
	{ name: 'blocked_addresses', key: 'address' },
	{ name: 'record_links' },
	{ name: 'app_secrets', key: 'name' },
	{ name: 'id_search_attempts' }
];

/**
 * Tables kept up by triggers from the copied rows (facets): not copied, but checked after the
 * copy like the others. Each side keeps its own locks, change counter, migrations' bookkeeping
 * and search index (the dialect's internalTables; rebuilt). Any other table is an error: a new
 * table must be listed above.
 */
export const DERIVED_TABLES: CopiedTable[] = [
	{ name: 'record_facets', key: 'id' },
	{ name: 'record_facet_counts', key: 'code' }
];
const OWN_TABLES = ['key_locks', 'data_version', 'kysely_migration', 'kysely_migration_lock'];

const DEFAULT_BATCH = 1000;
/** Bound parameters per insert: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_PARAMETERS = 30_000;

export interface TableReport {
	table: string;
	source: number;
	target: number;
	sourceChecksum: string;
	targetChecksum: string;
	ok: boolean;
}

export interface CopyReport {
	tables: TableReport[];
	/** Records written to the target's search index. */
	indexed: number;
	ok: boolean;
}

export interface CopyOptions {
	onProgress?: (table: string, rows: number) => void;
}

type Row = Record<string, unknown>;
type Executor = Kysely<Database> | Transaction<Database>;

/** Column names per table, as the database itself reports them (both dialects). */
async function columnsOf(db: DB): Promise<Map<string, string[]>> {
	const tables = await db.introspection.getTables();
	return new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

/**
 * One value as text the same on both dialects: PostgreSQL returns bigint as a string and bytea
 * as a Buffer, SQLite integers as numbers and blobs as Buffers.
 */
function canonical(value: unknown): string {
	if (value === null || value === undefined) return '\u0000null';
	if (value instanceof Uint8Array) return `\u0000x${Buffer.from(value).toString('hex')}`;
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (value instanceof Date) return value.toISOString();
	return String(value);
}

function hashRow(hash: Hash, columns: string[], row: Row): void {
	hash.update(JSON.stringify(columns.map((c) => canonical(row[c]))));
	hash.update('\n');
}

/** Reads a table in key order, a batch at a time (keyset paging: linear at a million rows). */
async function* readTable(
	db: Executor,
	table: CopiedTable,
	columns: string[]
): AsyncGenerator<Row[]> {
	const batch = table.batch ?? DEFAULT_BATCH;
	const any = db as unknown as Kysely<Record<string, Row>>;
	if (table.key) {
		let last: unknown = undefined;
		for (;;) {
			let q = any.selectFrom(table.name).select(columns).orderBy(table.key).limit(batch);
			if (last !== undefined) q = q.where(table.key, '>', last);
			const rows = (await q.execute()) as Row[];
			if (rows.length === 0) return;
			yield rows;
			last = rows[rows.length - 1][table.key];
		}
	}
	// Small tables without a single-column key: ordered by every column, paged by offset.
	for (let offset = 0; ; offset += batch) {
		let q = any.selectFrom(table.name).select(columns);
		for (const c of columns) q = q.orderBy(c);
		const rows = (await q.limit(batch).offset(offset).execute()) as Row[];
		if (rows.length === 0) return;
		yield rows;
	}
}

/** Row count and checksum of a table, its rows read in key order. */
async function summarise(
	db: Executor,
	table: CopiedTable,
	columns: string[]
): Promise<{ count: number; checksum: string }> {
	const hash = createHash('sha256');
	let count = 0;
	for await (const rows of readTable(db, table, columns)) {
		for (const row of rows) hashRow(hash, columns, row);
		count += rows.length;
	}
	return { count, checksum: hash.digest('hex') };
}

/**
 * Copies every table of `source` into `target` (both migrated to the same version), replacing
 * what the target held, rebuilds the target's search index, then compares counts and checksums.
 * Nothing else may write to either database meanwhile (stop the app servers).
 */
export async function copyDatabase(
	source: DB,
	target: DB,
	options: CopyOptions = {}
): Promise<CopyReport> {
	const sourceColumns = await columnsOf(source);
	const targetColumns = await columnsOf(target);
	const listed = new Set<string>([...COPIED_TABLES, ...DERIVED_TABLES].map((t) => t.name));
	const own = new Set([...OWN_TABLES, ...dialectOf(source).internalTables]);
	const unknown = [...sourceColumns.keys()].filter((t) => !listed.has(t) && !own.has(t));
	if (unknown.length)
		throw new Error(
			`db:copy does not know the table(s) ${unknown.join(', ')}: add them to copy.ts`
		);
	const missing = COPIED_TABLES.filter((t) => !targetColumns.has(t.name)).map((t) => t.name);
	if (missing.length)
		throw new Error(
			`the target has no table ${missing.join(', ')}: is it migrated to this version?`
		);
	// The columns both sides have: a dialect may keep an extra derived column of its own.
	const shared = (table: string) => {
		const theirs = new Set(targetColumns.get(table) ?? []);
		return (sourceColumns.get(table) ?? []).filter((c) => theirs.has(c)).sort();
	};

	const sourceSums = new Map<string, { count: number; checksum: string }>();
	const indexed = await target.transaction().execute(async (trx) => {
		await dialectOf(trx).meta.emptyTables(
			trx,
			COPIED_TABLES.map((t) => t.name)
		);
		for (const table of COPIED_TABLES) {
			const columns = shared(table.name);
			const perInsert = Math.max(
				1,
				Math.min(table.batch ?? DEFAULT_BATCH, Math.floor(MAX_PARAMETERS / columns.length))
			);
			const hash = createHash('sha256');
			const later: Row[] = [];
			let count = 0;
			for await (const rows of readTable(source, table, columns)) {
				const values = rows.map((row) => {
					hashRow(hash, columns, row);
					const copy = { ...row };
					for (const c of table.selfReferences ?? []) {
						if (copy[c] !== null && copy[c] !== undefined) later.push(row);
						copy[c] = null;
					}
					return copy;
				});
				for (let i = 0; i < values.length; i += perInsert) {
					await (trx as unknown as Kysely<Record<string, Row>>)
						.insertInto(table.name)
						.values(values.slice(i, i + perInsert))
						.execute();
				}
				count += rows.length;
				options.onProgress?.(table.name, count);
			}
			for (const row of later) {
				const set = Object.fromEntries((table.selfReferences ?? []).map((c) => [c, row[c]]));
				await (trx as unknown as Kysely<Record<string, Row>>)
					.updateTable(table.name)
					.set(set)
					.where(table.key!, '=', row[table.key!])
					.execute();
			}
			sourceSums.set(table.name, { count, checksum: hash.digest('hex') });
		}
		await dialectOf(trx).meta.resetIdSequences(
			trx,
			COPIED_TABLES.filter((t) => t.key === 'id').map((t) => t.name)
		);
		let done = 0;
		for (let last = 0; ;) {
			const batch = await indexRecordsAfter(trx, last);
			if (!batch) break;
			last = batch.last;
			done += batch.count;
			options.onProgress?.('search index', done);
		}
		await markSearchIndexCurrent(trx);
		return done;
	});

	const tables = await compareDatabases(source, target, sourceSums);
	return { tables, indexed, ok: tables.every((t) => t.ok) };
}

/**
 * Row count and checksum of every table both databases have, side by side. `known` holds the
 * source's figures already taken (while copying), so the source is not read twice.
 */
export async function compareDatabases(
	source: DB,
	target: DB,
	known = new Map<string, { count: number; checksum: string }>()
): Promise<TableReport[]> {
	const sourceColumns = await columnsOf(source);
	const targetColumns = await columnsOf(target);
	const tables: TableReport[] = [];
	for (const table of [...COPIED_TABLES, ...DERIVED_TABLES]) {
		if (!sourceColumns.has(table.name) || !targetColumns.has(table.name)) continue;
		const theirs = new Set(targetColumns.get(table.name));
		const columns = sourceColumns
			.get(table.name)!
			.filter((c) => theirs.has(c))
			.sort();
		const from = known.get(table.name) ?? (await summarise(source, table, columns));
		const to = await summarise(target, table, columns);
		tables.push({
			table: table.name,
			source: from.count,
			target: to.count,
			sourceChecksum: from.checksum,
			targetChecksum: to.checksum,
			ok: from.count === to.count && from.checksum === to.checksum
		});
	}
	return tables;
}
