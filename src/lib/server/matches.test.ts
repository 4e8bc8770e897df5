import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from './db';
import { openModeratorDatabase } from '../../../tests/helpers/moderatorDb';
import { confirmLink, findCandidates, findRelatedPublic, removeLink } from './matches';
import type { Actor } from './moderation';
import { insertRecord, setRecordStatus, type RecordInput } from './records';

let db: DB;
let actor: Actor;

const input = (subtype: string, title: string, fields: Record<string, unknown>): RecordInput => ({
	kind: 'family_search',
	subtype,
	title,
	district: null,
	fields,
	phones: [],
	emails: []
});

async function add(r: RecordInput, status: 'published' | 'draft' = 'published') {
	return db.transaction().execute((trx) => insertRecord(trx, r, { status }));
}

beforeEach(async () => {
	({ db, actor } = await openModeratorDatabase());
});
afterEach(async () => {
	await db.destroy();
});

describe('matches', () => {
	it('suggests the other side with reasons; the public sees only confirmed links between public records', async () => {
		const family = await add(
			input('family_seeking', '寻找走失女儿', {
				gender: '女',
				age: '约4岁',
				lostAt: '2023-08-02',
				place: '醴陵市'
			})
		);
		const found = await add(
			input('found_child', '醴陵发现一名女童', {
				gender: '女',
				age: '4岁左右',
				foundAt: '2023-08-03',
				place: '醴陵市来龙门'
			}),
			'draft'
		);
		await add(
			input('found_child', '荷塘区发现男童', {
				gender: '男',
				age: '4岁',
				foundAt: '2023-08-03',
				place: '荷塘区'
			})
		);
		await add(
			input('family_seeking', '另一家人寻女', {
				gender: '女',
				age: '约4岁',
				lostAt: '2023-08-01',
				place: '醴陵市'
			})
		);

		const candidates = await findCandidates(db, family);
		expect(candidates.map((c) => c.id)).toEqual([found]);
		expect(candidates[0].reasons).toContain('同在醴陵市');
		expect(candidates[0].linked).toBe(false);

		await confirmLink(db, family, found, actor);
		expect((await findCandidates(db, family))[0].linked).toBe(true);
		// The found child's notice is still a draft: nothing public yet, either way.
		expect(await findRelatedPublic(db, family)).toEqual([]);
		await db
			.transaction()
			.execute((trx) =>
				setRecordStatus(trx, found, 'published', { userId: null, action: 'publish' })
			);
		expect((await findRelatedPublic(db, family)).map((r) => r.id)).toEqual([found]);
		expect((await findRelatedPublic(db, found)).map((r) => r.id)).toEqual([family]);

		// Confirming twice is harmless; removing takes it away on both sides.
		await confirmLink(db, found, family, actor);
		await removeLink(db, found, family, actor);
		expect(await findRelatedPublic(db, family)).toEqual([]);
		const log = await db.selectFrom('audit_log').select('action').execute();
		expect(log.map((l) => l.action)).toEqual(['link-confirm', 'link-confirm', 'link-remove']);
	});

	it('hotlines and events have no candidates', async () => {
		const id = await db.transaction().execute((trx) =>
			insertRecord(
				trx,
				{
					kind: 'hotline',
					subtype: null,
					title: '医保',
					district: null,
					fields: { name: '医保' },
					phones: [],
					emails: []
				},
				{ status: 'published' }
			)
		);
		expect(await findCandidates(db, id)).toEqual([]);
	});
});
