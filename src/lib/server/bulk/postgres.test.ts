/**
 * The PostgreSQL bulk loader writes what the app's insert path writes: runs under
 * `npm run test:pg` (skipped on SQLite, whose loader search/scale.test.ts uses).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQueries } from '../../../../bench/queries';
import { corpus } from '../../../../bench/synthetic';
import { openTestDatabase, testingPostgres } from '../../../../tests/helpers/database';
import type { OpenedDatabase } from '../db';
import { insertRecord } from '../records';
import { dropCachedReads } from '../db/readCache';
import { searchRecords } from '../search/query';
import { bulkInsertRecordsPostgres } from './postgres';

const COUNT = 400;
const records = [...corpus(COUNT, 3)];
let bulk: OpenedDatabase;
let oneByOne: OpenedDatabase;

/** Every id a query finds, over all its pages. */
async function allIds(
	opened: OpenedDatabase,
	q: string
): Promise<{ total: number; ids: number[] }> {
	const ids: number[] = [];
	let total: number;
	for (let page = 1; ; page++) {
		dropCachedReads(opened.db);
		const result = await searchRecords(opened.db, { q, page });
		total = result.total;
		ids.push(...result.results.map((r) => r.id));
		if (page >= result.pages) break;
	}
	return { total, ids: ids.sort((a, b) => a - b) };
}

describe.skipIf(!testingPostgres())('bulkInsertRecordsPostgres', () => {
	beforeAll(async () => {
		[bulk, oneByOne] = await Promise.all([openTestDatabase(), openTestDatabase()]);
		// Small statements and transactions, so several of each run.
		const done: number[] = [];
		const result = await bulkInsertRecordsPostgres(bulk.db, records, {
			batchSize: 150,
			onProgress: (n) => done.push(n)
		});
		expect(result.records).toBe(COUNT);
		expect(done.at(-1)).toBe(COUNT);
		for (const r of records)
			await oneByOne.db
				.transaction()
				.execute((trx) => insertRecord(trx, r, { status: r.status, confidence: r.confidence }));
	}, 120_000);
	afterAll(async () => {
		await bulk?.db.destroy();
		await oneByOne?.db.destroy();
	});

	it('writes the records, phones, emails, revisions and search entries insertRecord writes', async () => {
		const content = (opened: OpenedDatabase) =>
			sql`select id, kind, subtype, title, status, district, organization, document_type,
				document_number, gender, place, date_start, date_end, deadline, body, data, confidence,
				main_phone, fingerprint from records order by id`.execute(opened.db);
		const phones = (opened: OpenedDatabase) =>
			sql`select record_id, number, digits, raw, label, position from record_phones
				order by record_id, position`.execute(opened.db);
		const emails = (opened: OpenedDatabase) =>
			sql`select record_id, email from record_emails order by record_id, email`.execute(opened.db);
		const revisions = (opened: OpenedDatabase) =>
			sql`select record_id, version, user_id, action, before, after from revisions
				order by record_id`.execute(opened.db);
		const search = (opened: OpenedDatabase) =>
			sql`select id, tsv::text as tsv from record_search order by id`.execute(opened.db);
		const facets = (opened: OpenedDatabase) =>
			sql`select f.id, c.kind, c.status from record_facets f
				join record_facet_counts c on c.code = f.facet order by f.id`.execute(opened.db);
		const counts = (opened: OpenedDatabase) =>
			sql`select kind, status, n from record_facet_counts order by code`.execute(opened.db);
		for (const read of [content, phones, emails, revisions, search, facets, counts]) {
			const [a, b] = await Promise.all([read(bulk), read(oneByOne)]);
			expect(a.rows.length).toBeGreaterThan(0);
			expect(a.rows).toEqual(b.rows);
		}
		const { rows } = await sql<{
			n: number;
		}>`select count(*) as n from record_phones`.execute(bulk.db);
		expect(rows[0].n).toBeGreaterThan(COUNT / 2);
	});

	it('finds the same records for the benchmark queries', async () => {
		const queries = benchQueries(COUNT, 3).map((x) => x.q);
		expect(queries.length).toBeGreaterThan(50);
		let found = 0;
		for (const q of queries) {
			const [a, b] = await Promise.all([allIds(bulk, q), allIds(oneByOne, q)]);
			expect({ q, ...a }).toEqual({ q, ...b });
			if (a.ids.length) found++;
		}
		// Most of the set finds something on 400 records: the comparison is not of empty lists.
		expect(found).toBeGreaterThan(queries.length / 2);
	});

	it('leaves the indexes, the id sequence and the triggers as the migrations made them', async () => {
		const indexes = (opened: OpenedDatabase) =>
			sql<{ def: string }>`select indexdef as def from pg_indexes
				where schemaname = current_schema() order by indexname`.execute(opened.db);
		const [a, b] = await Promise.all([indexes(bulk), indexes(oneByOne)]);
		const bare = (rows: { def: string }[]) => rows.map((r) => r.def.replace(/ ON \w+\./, ' ON '));
		expect(bare(a.rows)).toEqual(bare(b.rows));
		expect(bare(a.rows).some((d) => d.includes('USING gin'))).toBe(true);

		// A record added the ordinary way continues the ids, and its facet trigger counts it.
		const before = await sql<{
			n: number;
		}>`select sum(n) as n from record_facet_counts`.execute(bulk.db);
		const id = await bulk.db
			.transaction()
			.execute((trx) => insertRecord(trx, records[0], { status: 'published' }));
		expect(id).toBe(COUNT + 1);
		const after = await sql<{
			n: number;
		}>`select sum(n) as n from record_facet_counts`.execute(bulk.db);
		expect(after.rows[0].n).toBe(before.rows[0].n + 1);
		const { rows } = await sql<{ main_phone: string | null }>`
			select main_phone from records where id = ${id}`.execute(bulk.db);
		expect(rows[0].main_phone).toBe(records[0].phones[0]?.number ?? null);
	});
});
