import { describe, expect, it } from 'vitest';
import { insertRecord } from '../records';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { LATEST_MIGRATION, migrateToLatest } from './migrate';
import type { RecordStatus } from '../../records/kinds';

// SQLite by default; PostgreSQL under npm run test:pg (each test in a schema of its own).
describe('migrations on either database', () => {
	it('build every table, and a second run applies nothing', async () => {
		const { db } = await openTestDatabase();
		try {
			const applied = await db
				.selectFrom('kysely_migration' as never)
				.select('name' as never)
				.execute();
			expect(applied.map((r) => (r as { name: string }).name)).toContain(LATEST_MIGRATION);
			const tables = (await db.introspection.getTables()).map((t) => t.name);
			expect(tables).toEqual(
				expect.arrayContaining(['records', 'provenance', 'record_facets', 'submissions'])
			);
			expect(await migrateToLatest(db)).toEqual([]);
		} finally {
			await db.destroy();
		}
	});

	it('keep facet counts, the main phone and the issue date with their triggers', async () => {
		const { db } = await openTestDatabase();
		try {
			const id = await db.transaction().execute((trx) =>
				insertRecord(
					trx,
					{
						kind: 'hotline',
						subtype: null,
						title: '医保咨询电话',
						district: null,
						fields: { name: '医保咨询' },
						phones: [
							{ number: '0731-28680001', raw: '28680001' },
							{ number: '12345', raw: '12345' }
						],
						emails: []
					},
					{ status: 'published' }
				)
			);
			const record = await db
				.selectFrom('records')
				.select(['main_phone', 'issued_on', 'created_at'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(record.main_phone).toBe('0731-28680001');
			// Posted by hand (no page): the Beijing date of its creation.
			const beijing = new Date(Date.parse(record.created_at) + 8 * 3600_000);
			expect(record.issued_on).toBe(beijing.toISOString().slice(0, 10));
			expect(record.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
			const count = async (status: RecordStatus) =>
				Number(
					(
						await db
							.selectFrom('record_facet_counts')
							.select('n')
							.where('kind', '=', 'hotline')
							.where('status', '=', status)
							.executeTakeFirstOrThrow()
					).n
				);
			expect(await count('published')).toBe(1);
			await db.updateTable('records').set({ status: 'archived' }).where('id', '=', id).execute();
			expect([await count('published'), await count('archived')]).toEqual([0, 1]);
			await db
				.deleteFrom('record_phones')
				.where('record_id', '=', id)
				.where('position', '=', 0)
				.execute();
			const after = await db
				.selectFrom('records')
				.select('main_phone')
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(after.main_phone).toBe('12345');
		} finally {
			await db.destroy();
		}
	});
});
