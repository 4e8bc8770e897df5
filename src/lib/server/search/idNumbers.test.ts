/**
 * Search and ID numbers (issue 12): a page shows 430203********3310, so typing the first digits
 * of the number one at a time (q=4302031, 43020319, …) must not tell whether the notice matches.
 * Only the whole number — what its owner would type — finds it.
 */
import { describe, expect, it } from 'vitest';
import { type DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { insertRecord } from '../records';
import { searchRecords } from './query';
import { buildMatchQuery, tokenize } from './tokenize';

/** A database holding one published void notice whose number is printed as `printed`. */
async function databaseWith(printed: string): Promise<DB> {
	const { db } = await openTestDatabase();
	await db.transaction().execute(async (trx) => {
		await insertRecord(
			trx,
			{
				kind: 'lost_found',
				subtype: 'void_notice',
				title: `陈某遗失残疾证声明 ${printed}`,
				district: '芦淞区',
				fields: { holder: '陈某', documentType: '残疾证', documentNumber: printed },
				phones: [{ number: '0731-28683507', raw: '28683507' }],
				emails: []
			},
			{ status: 'published' }
		);
	});
	return db;
}

/** What a search tells an outsider: how many records, of which kinds, which ones. */
async function observe(db: DB, q: string) {
	const r = await searchRecords(db, { q });
	return { total: r.total, counts: r.counts, ids: r.results.map((h) => h.id) };
}

const NUMBER = '430203198502173310';
// The same public first 6 digits, every other digit different.
const OTHER = '430203200711264427';

describe('prefix enumeration of an ID number', () => {
	it('learns nothing: for every prefix length, results are the same whether or not the number starts with it', async () => {
		for (const printed of [
			(n: string) => n,
			(n: string) => `${n.slice(0, 6)} ${n.slice(6, 14)} ${n.slice(14)}`,
			(n: string) => `${n.slice(0, 10)}\n${n.slice(10)}44`, // a 残疾证 number across a line break
			(n: string) => `NO${n}`
		]) {
			const mine = await databaseWith(printed(NUMBER));
			const other = await databaseWith(printed(OTHER));
			for (let length = 1; length < NUMBER.length; length++) {
				const prefix = NUMBER.slice(0, length);
				for (const q of [prefix, `陈某 ${prefix}`, `NO${prefix}`]) {
					expect({ q, seen: await observe(mine, q) }).toEqual({ q, seen: await observe(other, q) });
				}
			}
			await mine.destroy();
			await other.destroy();
		}
	});

	it('still finds the notice by the whole number, however it was printed or is typed', async () => {
		for (const printed of [
			NUMBER,
			'430203 19850217 3310',
			'４３０２０３１９８５０２１７３３１０',
			'4302031985\n02173310',
			`NO${NUMBER}`,
			`${NUMBER}44`
		]) {
			const db = await databaseWith(printed);
			for (const q of [NUMBER, '430203-19850217-3310', '４３０２０３１９８５０２１７３３１０']) {
				expect({ printed, q, total: (await observe(db, q)).total }).toEqual({
					printed,
					q,
					total: 1
				});
			}
			// A part of it finds nothing, even the first 10 digits of a wrapped number.
			expect((await observe(db, '4302031985')).total).toBe(0);
			expect((await observe(db, '1985021733')).total).toBe(0);
			await db.destroy();
		}
	});

	it('keeps phone search: a number is found whole, however typed', async () => {
		const db = await databaseWith(NUMBER);
		for (const q of ['0731-28683507', '28683507', '073128683507', '0731 2868 3507', '2868']) {
			expect({ q, total: (await observe(db, q)).total }).toEqual({ q, total: 1 });
		}
		await db.destroy();
	});
});

describe('tokenize and buildMatchQuery on ID numbers', () => {
	it('index an ID-bearing number as one token (and its ID part), never as pieces', () => {
		expect(tokenize('证号4302031985\n02173310作废').map((t) => t.text)).toEqual([
			'证号',
			'号',
			'430203198502173310',
			'作废',
			'废'
		]);
		expect(tokenize('NO43020219820722601644').map((t) => t.text)).toEqual([
			'no',
			'43020219820722601644',
			'430202198207226016'
		]);
	});

	it('never makes a number of 7 or more digits a prefix', () => {
		expect(buildMatchQuery('4302031')).toBe('"4302031"');
		expect(buildMatchQuery('430203')).toBe('"430203"*');
		expect(buildMatchQuery('28683507')).toBe('"28683507"');
		expect(buildMatchQuery('no4302031')).toBe('"no4302031"');
	});
});
