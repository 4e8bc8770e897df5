import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { insertRecord, type RecordInput } from '../records';
import { searchRecords } from './query';

let db: DB;
const ids: Record<string, number> = {};

const hotline = (title: string, number: string, organization: string): RecordInput => ({
	kind: 'hotline',
	subtype: null,
	title,
	district: null,
	fields: { name: title, organization },
	phones: [{ number, raw: number }],
	emails: []
});

beforeAll(async () => {
	({ db } = await openTestDatabase());
	await db.transaction().execute(async (trx) => {
		ids.insurance = await insertRecord(
			trx,
			hotline('医保报销咨询电话', '0731-28683507', '市医疗保障局'),
			{ status: 'published' }
		);
		ids.bus = await insertRecord(
			trx,
			{
				kind: 'procedure',
				subtype: 'qa',
				title: 'CZ1路公交什么时候恢复？',
				district: '天元区',
				fields: {
					question: 'CZ1路公交什么时候恢复？',
					answer: '市公交集团回复：下周一起恢复，可在KTV站换乘。',
					department: '市公交集团'
				},
				phones: [],
				emails: []
			},
			{ status: 'published' }
		);
		ids.void = await insertRecord(
			trx,
			{
				kind: 'lost_found',
				subtype: 'void_notice',
				title: '李四遗失身份证声明',
				district: null,
				fields: { holder: '李四', documentType: '身份证', documentNumber: '430202199001011234' },
				phones: [],
				emails: []
			},
			{ status: 'published' }
		);
		ids.traditional = await insertRecord(
			trx,
			{
				kind: 'family_search',
				subtype: 'person_seeking_family',
				title: '救助站為受助人員尋親',
				district: null,
				fields: { place: '火車站', features: ['身穿藍色外套'] },
				phones: [],
				emails: []
			},
			{ status: 'published' }
		);
		ids.draft = await insertRecord(trx, hotline('草稿中的医保电话', '0731-22222222', '草稿单位'), {
			status: 'draft'
		});
	});
});

const found = async (q: string, kind?: 'hotline') =>
	(await searchRecords(db, { q, kind })).results.map((r) => r.id);

describe('searchRecords', () => {
	it('finds one- and two-character queries and longer phrases', async () => {
		expect(await found('证')).toEqual([ids.void]);
		expect(await found('医保')).toEqual([ids.insurance]);
		expect(await found('寻亲')).toEqual([ids.traditional]);
		expect(await found('医保报销咨询')).toEqual([ids.insurance]);
	});

	it('finds a phone number however it is typed', async () => {
		for (const q of [
			'28683507',
			'0731-28683507',
			'073128683507',
			'0731 2868 3507',
			'（0731）28683507'
		]) {
			expect({ q, ids: await found(q) }).toEqual({ q, ids: [ids.insurance] });
		}
	});

	it('finds document numbers and mixed Chinese/ASCII', async () => {
		expect(await found('430202199001011234')).toEqual([ids.void]);
		expect(await found('CZ1路')).toEqual([ids.bus]);
		expect(await found('ktv')).toEqual([ids.bus]);
	});

	it('finds traditional-script records from a simplified query and vice versa', async () => {
		expect(await found('受助人员')).toEqual([ids.traditional]);
		expect(await found('醫保')).toEqual([ids.insurance]);
	});

	it('treats FTS5 syntax as text and never fails', async () => {
		for (const q of [
			'"',
			'*',
			'-',
			':',
			'(',
			')',
			'NEAR',
			'AND',
			'OR',
			'NOT',
			'医保"*',
			'NEAR(医保',
			'-医保',
			'title:医保',
			'"医保" OR NOT'
		]) {
			const result = await searchRecords(db, { q });
			expect(Array.isArray(result.results)).toBe(true);
		}
		expect(await found('医保"*')).toEqual([ids.insurance]);
		// "title" is searched as a word, not a column: no record holds it, so the results are
		// those of 医保 alone, and the page is told so.
		const column = await searchRecords(db, { q: 'title:医保' });
		expect(column.results.map((r) => r.id)).toEqual([ids.insurance]);
		expect(column.fallback).toEqual({ wanted: ['title', '医保'], shown: ['医保'] });
	});

	it('drops terms in order when all of them together find nothing', async () => {
		// Three terms, each in one record, found together nowhere; every term is as common as
		// the others, so they are dropped in the order typed. Both smaller sets of the first
		// query find the bus record: the first (one term dropped) is the one shown.
		const first = await searchRecords(db, { q: '医保 公交 恢复' });
		expect(first.results.map((r) => r.id)).toEqual([ids.bus]);
		expect(first.fallback).toEqual({ wanted: ['医保', '公交', '恢复'], shown: ['公交', '恢复'] });
		// Here the first smaller set (公交 李四) finds nothing, the next (李四) does.
		const next = await searchRecords(db, { q: '医保 公交 李四' });
		expect(next.results.map((r) => r.id)).toEqual([ids.void]);
		expect(next.fallback).toEqual({ wanted: ['医保', '公交', '李四'], shown: ['李四'] });
	});

	it('hides drafts from the public, counts per kind, filters by kind, masks ID numbers', async () => {
		const all = await searchRecords(db, { q: '电话' });
		expect(all.results.map((r) => r.id)).toEqual([ids.insurance]);
		expect(all.counts).toEqual({ hotline: 1 });
		expect(await found('医保', 'hotline')).toEqual([ids.insurance]);
		const voided = await searchRecords(db, { q: '430202199001011234' });
		const text = voided.results[0].snippet.map((s) => s.text).join('');
		expect(text).toContain('430202********1234');
		expect(text).not.toContain('199001011234');
	});

	it('gives each result the date it was printed (posted, here) and its end date', async () => {
		const [hit] = (await searchRecords(db, { q: '医保报销' })).results;
		expect(hit.id).toBe(ids.insurance);
		// Records without a source page are dated the day they were posted, in Beijing.
		expect(hit.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(hit).toHaveProperty('dateEnd', null);
	});

	it("gives each result its phone numbers in the record's order, with their labels", async () => {
		const id = await db.transaction().execute((trx) =>
			insertRecord(
				trx,
				{
					...hotline('荷塘区供水抢修', '0731-22551234', '荷塘区水务站'),
					phones: [
						{ number: '0731-22551234', raw: '22551234', label: '白天' },
						{ number: '13807331234', raw: '13807331234' },
						{ number: '0731-22559999', raw: '22559999', label: '夜间' }
					]
				},
				{ status: 'published' }
			)
		);
		const result = await searchRecords(db, { q: '供水抢修' });
		expect(result.results.map((r) => r.id)).toEqual([id]);
		expect(result.results[0].phones).toEqual([
			{ number: '0731-22551234', label: '白天' },
			{ number: '13807331234' },
			{ number: '0731-22559999', label: '夜间' }
		]);
		// The order is the record's (position), not the order the rows were written in.
		await db
			.updateTable('record_phones')
			.set({ position: sql<number>`2 - position` })
			.where('record_id', '=', id)
			.execute();
		expect((await searchRecords(db, { q: '供水抢修' })).results[0].phones).toEqual([
			{ number: '0731-22559999', label: '夜间' },
			{ number: '13807331234' },
			{ number: '0731-22551234', label: '白天' }
		]);
		// A record without phones has an empty list, not a missing one.
		const bus = (await searchRecords(db, { q: '公交恢复' })).results.find((r) => r.id === ids.bus);
		expect(bus?.phones).toEqual([]);
	});

	it('returns nothing for an empty query', async () => {
		expect(await searchRecords(db, { q: '   ' })).toMatchObject({ total: 0, results: [] });
	});

	it('ranks a title match above a body match', async () => {
		const id = await db.transaction().execute((trx) =>
			insertRecord(trx, hotline('公交线路咨询', '0731-33333333', '医保大厅隔壁'), {
				status: 'published'
			})
		);
		const result = await found('医保');
		expect(result[0]).toBe(ids.insurance);
		expect(result).toContain(id);
	});
});

describe('searchRecords, where the query names no place', () => {
	it("ranks the whole city's number or guide above a county's, and leaves notices by date", async () => {
		const { db } = await openTestDatabase();
		const published = { status: 'published' } as const;
		const at = (input: RecordInput, district: string | null): RecordInput => ({
			...input,
			district
		});
		const notice = (district: string | null): RecordInput => ({
			kind: 'lost_found',
			subtype: 'void_notice',
			title: '李某遗失医保卡声明',
			district,
			fields: { holder: '李某', documentType: '医保卡' },
			phones: [],
			emails: []
		});
		const city = await db.transaction().execute(async (trx) => {
			const id = await insertRecord(
				trx,
				at(hotline('公积金咨询电话', '0731-28990301', '市公积金管理中心'), null),
				published
			);
			await insertRecord(trx, notice(null), published);
			return id;
		});
		// Added later, so newer: without the preference they would come first on a tie.
		const county = await db
			.transaction()
			.execute((trx) =>
				insertRecord(
					trx,
					at(hotline('公积金咨询电话', '0731-24990301', '攸县公积金管理部'), '攸县'),
					published
				)
			);
		const countyNotice = await db
			.transaction()
			.execute((trx) => insertRecord(trx, notice('攸县'), published));
		const ids = async (q: string) => (await searchRecords(db, { q })).results.map((r) => r.id);
		expect(await ids('公积金电话')).toEqual([city, county]);
		expect(await ids('公积金咨询')).toEqual([city, county]);
		expect((await ids('医保卡遗失'))[0]).toBe(countyNotice);
		await db.destroy();
	});
});

describe('searchRecords, asked for a phone number', () => {
	it("ranks the directory's entry above a notice that prints a number", async () => {
		const { db } = await openTestDatabase();
		const published = { status: 'published' } as const;
		const entry = await db.transaction().execute((trx) =>
			insertRecord(
				trx,
				{
					...hotline('公积金政策咨询热线', '0731-28990301', '天元区公积金管理部'),
					district: '天元区'
				},
				published
			)
		);
		// Its title is the words alone, so they fit it better: first without 电话. Both are
		// the district's own, so scope() plays no part.
		const notice = await db.transaction().execute((trx) =>
			insertRecord(
				trx,
				{
					kind: 'event',
					subtype: null,
					title: '公积金政策',
					district: '天元区',
					fields: {
						title: '公积金政策',
						organizer: '天元区公积金管理部',
						location: '公积金政策咨询室',
						audience: '想问公积金政策的市民'
					},
					phones: [{ number: '0731-28990399', raw: '28990399' }],
					emails: []
				},
				published
			)
		);
		const ids = async (q: string) => (await searchRecords(db, { q })).results.map((r) => r.id);
		expect(await ids('公积金政策电话')).toEqual([entry, notice]);
		expect(await ids('公积金政策')).toEqual([notice, entry]);
		await db.destroy();
	});
});
