import { describe, expect, it } from 'vitest';
import * as m0003 from '../../../../migrations/0003_search_pinyin';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { insertRecord } from '../records';
import { pinyinIndexText } from './pinyin';
import { searchRecords } from './query';

describe('pinyinIndexText', () => {
	it('indexes each word and each pair of words as pinyin and as initials', () => {
		const tokens = pinyinIndexText('医保报销', '株洲市医疗保障局').split(' ');
		expect(tokens).toEqual(
			expect.arrayContaining(['yibao', 'yb', 'baoxiao', 'bx', 'yibaobaoxiao', 'ybbx'])
		);
		expect(tokens).toEqual(expect.arrayContaining(['zhuzhoushi', 'zzs']));
		expect(new Set(tokens).size).toBe(tokens.length);
	});

	it('reads traditional script, skips what is not Chinese, and accepts nothing', () => {
		expect(pinyinIndexText('醫保').split(' ')).toEqual(expect.arrayContaining(['yibao', 'yb']));
		expect(pinyinIndexText('CZ1 路 12345')).toBe('lu l');
		expect(pinyinIndexText(null, undefined, '')).toBe('');
	});
});

describe('migration 0003', () => {
	it('rebuilds the search index from the records, pinyin included', async () => {
		const { db } = await openTestDatabase();
		const id = await db.transaction().execute((trx) =>
			insertRecord(
				trx,
				{
					kind: 'hotline',
					subtype: null,
					title: '公积金服务热线',
					district: null,
					fields: { name: '公积金服务热线', organization: '住房公积金管理中心' },
					phones: [{ number: '0731-28990301', raw: '28990301' }],
					emails: []
				},
				{ status: 'published' }
			)
		);
		// Back to 0002's index, then 0003 again outside a transaction, as the migrator runs it
		// (0003 makes its own per batch). Later migrations stay applied, so it runs on its own.
		await m0003.down(db);
		await m0003.up(db);
		for (const q of ['gjj', 'gongjijin', '公积金', '28990301', '住房'])
			expect(
				(await searchRecords(db, { q })).results.map((r) => r.id),
				q
			).toEqual([id]);
		await db.destroy();
	});
});
