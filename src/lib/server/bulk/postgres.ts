/**
 * Bulk loading into PostgreSQL (the benchmark's 1,000,000 records on `--database postgres://…`):
 * the rows bulkRowsOf builds — exactly those insertRecord writes, the tsvector included — sent
 * as one `insert … select * from unnest($1::type[], …)` per table and batch, in large
 * transactions, with the secondary indexes (GIN included) built once at the end.
 *
 * Only for a database nobody else is using meanwhile: the tables' own triggers (facets, main
 * phone, issued date, data version) are turned off while it runs, and what they would have
 * written is written here instead, once, set-wise.
 */
import { sql, type Kysely } from 'kysely';
import { postgresDialect, tsvectorLiteral } from '../db/dialect/postgres';
import {
	BULK_TABLES,
	bulkRowsOf,
	type BulkOptions,
	type BulkRecord,
	type BulkResult
} from './rows';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema, as the migrations
type AnyDb = Kysely<any>;

/** Tables written here, whose user triggers are off during the load. */
const WRITTEN = [...BULK_TABLES, 'record_search', 'record_facets', 'record_facet_counts'];
/** Tables whose secondary indexes are dropped and rebuilt (record_search: its GIN index). */
const INDEXED = [...BULK_TABLES, 'record_search', 'record_facets'];

const RECORD_COLUMNS = [
	'id',
	'kind',
	'subtype',
	'title',
	'status',
	'district',
	'organization',
	'document_type',
	'document_number',
	'gender',
	'place',
	'date_start',
	'date_end',
	'deadline',
	'body',
	'data',
	'confidence',
	'created_at',
	'updated_at',
	'published_at',
	'issued_on',
	'main_phone',
	'fingerprint'
] as const;

/**
 * An insert of many rows as one statement: each column is one array parameter, cast to its
 * column's type (read from the catalogue, so it follows the migrations), unnested into rows.
 */
async function insertColumns(
	db: AnyDb,
	types: Map<string, string>,
	table: string,
	columns: Record<string, unknown[]>
): Promise<void> {
	const names = Object.keys(columns);
	if (!columns[names[0]].length) return;
	const arrays = names.map((name) => {
		const type = types.get(`${table}.${name}`);
		if (!type) throw new Error(`no column ${table}.${name}`);
		return sql`${columns[name]}::${sql.raw(type)}[]`;
	});
	await sql`insert into ${sql.id(table)} (${sql.join(names.map((n) => sql.id(n)))})
		select * from unnest(${sql.join(arrays)})`.execute(db);
}

async function writeBatch(
	db: AnyDb,
	types: Map<string, string>,
	batch: BulkRecord[],
	firstId: number,
	withRevisions: boolean
): Promise<void> {
	const records: Record<string, unknown[]> = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, []]));
	const phones = {
		record_id: [],
		number: [],
		digits: [],
		raw: [],
		label: [],
		position: []
	} as Record<string, unknown[]>;
	const emails = { record_id: [], email: [] } as Record<string, unknown[]>;
	const search = { id: [], tsv: [] } as Record<string, unknown[]>;
	const revisions = { record_id: [], version: [], action: [], after: [], created_at: [] } as Record<
		string,
		unknown[]
	>;
	batch.forEach((one, i) => {
		const id = firstId + i;
		const rows = bulkRowsOf(one, withRevisions);
		const values: Record<string, unknown> = {
			...rows.record,
			id,
			updated_at: rows.record.created_at
		};
		for (const column of RECORD_COLUMNS) records[column].push(values[column]);
		for (const p of rows.phones) {
			phones.record_id.push(id);
			phones.number.push(p.number);
			phones.digits.push(p.digits);
			phones.raw.push(p.raw);
			phones.label.push(p.label);
			phones.position.push(p.position);
		}
		for (const email of rows.emails) {
			emails.record_id.push(id);
			emails.email.push(email);
		}
		search.id.push(id);
		// What postgresDialect.search.write stores for the entry.
		search.tsv.push(tsvectorLiteral(rows.search));
		if (rows.revision !== null) {
			revisions.record_id.push(id);
			revisions.version.push(1);
			revisions.action.push('import');
			revisions.after.push(rows.revision);
			revisions.created_at.push(rows.record.created_at);
		}
	});
	await insertColumns(db, types, 'records', records);
	await insertColumns(db, types, 'record_phones', phones);
	await insertColumns(db, types, 'record_emails', emails);
	await insertColumns(db, types, 'record_search', search);
	await insertColumns(db, types, 'revisions', revisions);
}

/**
 * Inserts `records` (any iterable: a generator keeps memory flat) after the existing ones and
 * returns timings. Secondary indexes are dropped first and recreated from their definitions in
 * pg_indexes (so they always match the migrations); the facets, main phones and issued dates the
 * triggers keep are written set-wise; the data version moves once; `vacuum analyze` at the end
 * gives the planner its statistics and index-only scans their visibility map.
 */
export async function bulkInsertRecordsPostgres(
	db: AnyDb,
	records: Iterable<BulkRecord>,
	options: BulkOptions = {}
): Promise<BulkResult> {
	const batchSize = options.batchSize ?? 20_000;
	/** Rows per statement: large enough to amortise the round trip, small enough to parse fast. */
	const statementSize = 2_000;
	const withRevisions = options.revisions ?? true;
	// One connection throughout: `set`, the transactions and the search_path (a test's schema)
	// must all hold on the same session.
	return db.connection().execute(async (conn) => {
		const { rows: columnRows } = await sql<{ name: string; type: string }>`
			select c.relname || '.' || a.attname as name, format_type(a.atttypid, a.atttypmod) as type
			from pg_attribute a join pg_class c on c.oid = a.attrelid
			where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relname = any(${WRITTEN})
				and a.attnum > 0 and not a.attisdropped`.execute(conn);
		const types = new Map(columnRows.map((r) => [r.name, r.type]));
		const { rows: indexes } = await sql<{ name: string; definition: string }>`
			select i.indexname as name, i.indexdef as definition from pg_indexes i
			where i.schemaname = current_schema() and i.tablename = any(${INDEXED})
				and not exists (select 1 from pg_constraint c
					where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`.execute(conn);
		const { rows: maxRows } = await sql<{
			max: number | null;
		}>`select max(id) as max from records`.execute(conn);
		const start = Number(maxRows[0].max ?? 0);

		await sql`set synchronous_commit = off`.execute(conn);
		await sql`begin`.execute(conn);
		for (const table of WRITTEN)
			await sql`alter table ${sql.id(table)} disable trigger user`.execute(conn);
		for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(conn);
		await sql`commit`.execute(conn);

		const started = performance.now();
		let done = 0;
		try {
			let batch: BulkRecord[] = [];
			let inTransaction = 0;
			const flush = async () => {
				if (!inTransaction) await sql`begin`.execute(conn);
				await writeBatch(conn, types, batch, start + done + 1, withRevisions);
				done += batch.length;
				inTransaction += batch.length;
				batch = [];
				if (inTransaction >= batchSize) {
					await sql`commit`.execute(conn);
					inTransaction = 0;
				}
				options.onProgress?.(done);
			};
			for (const record of records) {
				batch.push(record);
				if (batch.length === statementSize) await flush();
			}
			if (batch.length) await flush();
			if (inTransaction) await sql`commit`.execute(conn);
		} catch (error) {
			await sql`rollback`.execute(conn).catch(() => undefined);
			throw error;
		} finally {
			// Whatever happened, the tables get their triggers and indexes back.
			await sql`begin`.execute(conn);
			// What the facet triggers (migration 0002) would have written for the new records.
			await sql`insert into record_facets (id, facet)
				select r.id, c.code from records r
				join record_facet_counts c on c.kind = r.kind and c.status = r.status
				where r.id > ${start}`.execute(conn);
			await sql`update record_facet_counts set n =
				(select count(*) from record_facets f where f.facet = record_facet_counts.code)`.execute(conn);
			for (const table of WRITTEN)
				await sql`alter table ${sql.id(table)} enable trigger user`.execute(conn);
			// New rows continue after the explicit ids; other processes' read memos see a change.
			await postgresDialect.meta.resetIdSequences(conn, ['records']);
			await sql`update data_version set version = version + 1 where id = 1`.execute(conn);
			await sql`commit`.execute(conn);
		}
		const inserted = performance.now();

		// GIN builds are much faster with room to sort in; this session only.
		await sql`set maintenance_work_mem = '1GB'`.execute(conn);
		for (const index of indexes) await sql.raw(index.definition).execute(conn);
		await sql`vacuum analyze ${sql.join(WRITTEN.map((t) => sql.id(t)))}`.execute(conn);
		await sql`reset maintenance_work_mem`.execute(conn);
		await sql`reset synchronous_commit`.execute(conn);
		const indexed = performance.now();
		return {
			records: done,
			insertSeconds: (inserted - started) / 1000,
			indexSeconds: (indexed - inserted) / 1000
		};
	});
}
