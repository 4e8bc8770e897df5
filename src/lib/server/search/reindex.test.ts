import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { indexEntry } from '../../../../tests/helpers/searchIndex';
import { insertRecord } from '../records';
import { searchRecords } from './query';
import {
	ensureSearchIndexCurrent,
	reindexSearch,
	SEARCH_INDEX_VERSION,
	searchIndexVersion
} from './reindex';

describe('reindexSearch', () => {
	it('rebuilds an index made by the old tokenizer, once', async () => {
		const { db } = await openTestDatabase();
		let id = 0;
		await db.transaction().execute(async (trx) => {
			id = await insertRecord(
				trx,
				{
					kind: 'lost_found',
					subtype: 'void_notice',
					title: '陈某遗失残疾证声明',
					district: null,
					fields: { holder: '陈某', documentNumber: '4302031985\n0217331044' },
					phones: [{ number: '0731-28683507', raw: '28683507' }],
					emails: []
				},
				{ status: 'published' }
			);
		});
		// What the old tokenizer wrote: the number in two pieces, the first findable by prefix.
		await indexEntry(db, id, {
			title: '陈某 某遗 遗失',
			keys: '4302031985 0217331044',
			body: '4302031985 0217331044',
			phones: '073128683507 28683507'
		});
		const total = async (q: string) => (await searchRecords(db, { q })).total;
		expect(await searchIndexVersion(db)).toBe(0);
		expect(await total('021733')).toBe(1);

		expect(await ensureSearchIndexCurrent(db)).toBe(true);
		expect(await searchIndexVersion(db)).toBe(SEARCH_INDEX_VERSION);
		expect(await total('021733')).toBe(0);
		expect(await total('4302031985')).toBe(0);
		expect(await total('430203198502173310')).toBe(1);
		expect(await total('4302031985021733104')).toBe(0);
		expect(await total('28683507')).toBe(1);
		expect(await total('遗失')).toBe(1);
		expect(await ensureSearchIndexCurrent(db)).toBe(false);
		expect(await reindexSearch(db)).toBe(1);
		await db.destroy();
	});

	it('keeps the organisation in the pinyin it rewrites', async () => {
		const { db } = await openTestDatabase();
		await db.transaction().execute((trx) =>
			insertRecord(
				trx,
				{
					kind: 'hotline',
					subtype: 'service',
					title: '参保咨询热线',
					district: null,
					fields: { name: '参保咨询热线', organization: '医疗保障局' },
					phones: [{ number: '0731-28680000', raw: '28680000' }],
					emails: []
				},
				{ status: 'published' }
			)
		);
		const total = async (q: string) => (await searchRecords(db, { q })).total;
		expect(await total('yiliao')).toBe(1);
		expect(await reindexSearch(db)).toBe(1);
		expect(await total('yiliao')).toBe(1);
		await db.destroy();
	});
});
