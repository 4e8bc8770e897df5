import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/helpers/database';
import { exportBatch } from './exports';
import { toPublic } from './public';
import { importPage } from './pageImport';

describe('exportBatch', () => {
	it('exports public records in id order with their page, ID numbers masked', async () => {
		const { db } = await openTestDatabase();
		const text = '株洲日报\n周某遗失居民身份证（430211198801010019），声明作废。';
		await importPage(
			db,
			{ file: 'p.txt', text, paper: '株洲日报', published: '2025-03-04', page: 'B05' },
			[
				{
					kind: 'lost_found',
					subtype: 'void_notice',
					title: '周某遗失居民身份证声明',
					source: { file: 'p.txt', start: 5, end: text.length },
					confidence: 0.95,
					phones: [{ number: '13974100003', raw: '13974100003' }],
					emails: [],
					holder: '周某',
					documentType: '居民身份证',
					documentNumber: '430211198801010019'
				},
				{
					kind: 'lost_found',
					subtype: 'void_notice',
					title: '草稿',
					source: { file: 'p.txt', start: 0, end: 4 },
					confidence: 0.2,
					phones: [],
					emails: []
				}
			]
		);
		// The route sends each batch through the public boundary; so does this test.
		const batch = toPublic(await exportBatch(db, 0));
		expect(batch).toHaveLength(1);
		const [row] = batch;
		expect(row).toMatchObject({
			kind: 'lost_found',
			issuedOn: '2025-03-04',
			phones: [{ number: '13974100003' }],
			sources: [{ paper: '株洲日报', published: '2025-03-04', page: 'B05' }],
			url: `/records/${row.id}`
		});
		expect(row.fields.documentNumber).toBe('430211********0019');
		expect(JSON.stringify(batch)).not.toContain('198801010019');
		expect(await exportBatch(db, row.id)).toEqual([]);
	});
});
