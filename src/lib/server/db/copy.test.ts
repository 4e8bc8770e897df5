import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitTypeBySlug } from '../../records/submission';
import { recordLoginFailure, allowIdSearch } from '../auth/rateLimit';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { createUser } from '../auth/users';
import { importFiles } from '../importer';
import { mergeRecords, saveRecord, type Actor } from '../moderation';
import { importPageFileNow } from '../pages/jobs';
import { reportRecord, signFormTime, submitNotice } from '../participation';
import { findRecordInput, insertRecord } from '../records';
import { searchRecords } from '../search/query';
import { lostNotice } from '../../../../tests/helpers/processes';
import { freshDatabaseLocation } from '../../../../tests/helpers/twoHandles';
import { compareDatabases, COPIED_TABLES, copyDatabase } from './copy';
import { openDatabase, type DB } from './index';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-copy-'));
let source: DB;
let target: DB;
let dropTarget: () => Promise<void>;
let token: string;
const NOW = Date.now();

/** A source database with a row in every table, written the way the app writes them. */
async function fillSource(db: DB): Promise<void> {
	const userId = await createUser(db, {
		username: 'mod',
		password: 'correct horse 9',
		role: 'moderator'
	});
	const actor: Actor = {
		user: { id: userId, username: 'mod', role: 'moderator' },
		ip: '127.0.0.1'
	};
	token = generateSessionToken();
	await createSession(db, token, userId, NOW);
	await recordLoginFailure(db, { username: 'someone', ip: '203.0.113.5' }, NOW);
	await allowIdSearch(db, '203.0.113.5', NOW);
	await importFiles(db, ['seeds']);
	await importPageFileNow(db, {
		bytes: Buffer.from(
			'株洲晚报 2026年11月24日 B07\n\n遗失声明\n罗某某遗失居民身份证，声明作废。\n'
		),
		name: 'B07.txt',
		paper: '株洲晚报',
		published: '2026-11-24',
		page: 'B07',
		userId
	});
	// A record marked the duplicate of a NEWER one: its foreign key points forward.
	const older = await db
		.transaction()
		.execute((trx) => insertRecord(trx, lostNotice(1), { status: 'published' }));
	const newer = await db
		.transaction()
		.execute((trx) => insertRecord(trx, lostNotice(2), { status: 'published' }));
	await mergeRecords(db, { duplicateId: older, targetId: newer }, actor);
	const input = (await findRecordInput(db, newer))!;
	const { version } = await db
		.selectFrom('records')
		.select('version')
		.where('id', '=', newer)
		.executeTakeFirstOrThrow();
	await saveRecord(
		db,
		{
			id: newer,
			content: { ...input, title: '张三遗失居民身份证（已核实）' },
			expectedVersion: version,
			publish: false
		},
		actor
	);
	await db
		.insertInto('record_links')
		.values({ record_a: older, record_b: newer, score: 0.8, confirmed_by: userId })
		.execute();
	const form_time = await signFormTime(db, NOW - 60_000);
	await submitNotice(
		db,
		{
			type: submitTypeBySlug('lost_item')!,
			values: {
				form_time,
				item: '蓝色雨伞',
				place: '神农公园',
				date: '2026-11-28',
				phones: '13974100001'
			},
			address: '203.0.113.6'
		},
		NOW
	);
	await reportRecord(
		db,
		{ recordId: newer, values: { message: '电话号码少了一位' }, address: '203.0.113.7' },
		NOW
	);
	// What a re-import with a changed extraction and a page photo leave behind.
	const recordId = (await db.selectFrom('records').select('id').executeTakeFirstOrThrow()).id;
	const sourceId = (await db.selectFrom('sources').select('id').executeTakeFirstOrThrow()).id;
	await db
		.insertInto('suggestions')
		.values({ record_id: recordId, source_id: sourceId, data: '{"title":"新标题"}' })
		.execute();
	const fileId = (await db.selectFrom('page_files').select('id').executeTakeFirstOrThrow()).id;
	await db
		.insertInto('page_images')
		.values({
			file_id: fileId,
			page_no: 1,
			media_type: 'image/png',
			width: 2,
			height: 3,
			bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]),
			lines: '[]'
		})
		.execute();
	await db
		.insertInto('blocked_addresses')
		.values({ address: '192.0.2.1', reason: '广告', blocked_by: userId })
		.execute();
}

beforeAll(async () => {
	({ db: source } = await openDatabase(join(dir, 'source.db')));
	// The target: PostgreSQL under `npm run test:pg`, else another SQLite file.
	const fresh = await freshDatabaseLocation();
	dropTarget = fresh.drop;
	({ db: target } = await openDatabase(fresh.location));
	await fillSource(source);
}, 60_000);
afterAll(async () => {
	await source?.destroy();
	await target?.destroy();
	await dropTarget?.();
	rmSync(dir, { recursive: true, force: true });
});

describe('db:copy', () => {
	it('copies every table, rebuilds the search index and proves it by counts and checksums', async () => {
		const report = await copyDatabase(source, target);
		expect(report.tables.filter((t) => !t.ok)).toEqual([]);
		expect(report.ok).toBe(true);
		// Every copied table held rows (an empty table would match trivially).
		const empty = report.tables.filter((t) => t.source === 0).map((t) => t.table);
		expect(empty).toEqual([]);
		expect(report.tables.map((t) => t.table)).toEqual(
			expect.arrayContaining(COPIED_TABLES.map((t) => t.name))
		);
		const records = report.tables.find((t) => t.table === 'records')!;
		expect(report.indexed).toBe(records.target);
	}, 60_000);

	it('the copy answers as the original: the same records found, a signed-in session', async () => {
		for (const q of ['医保', '身份证', '0731', '张三', '雨伞']) {
			const [a, b] = await Promise.all([
				searchRecords(source, { q, statuses: ['published', 'draft'] }),
				searchRecords(target, { q, statuses: ['published', 'draft'] })
			]);
			// The same records; their order is each dialect's ranking (bm25 or ts_rank).
			const ids = (r: typeof a) => r.results.map((hit) => hit.id).sort((x, y) => x - y);
			expect(ids(b), q).toEqual(ids(a));
			expect(b.total, q).toBe(a.total);
		}
		expect((await validateSessionToken(target, token, NOW)).user?.username).toBe('mod');
	});

	it('a changed row on either side shows as a difference in that table only', async () => {
		await target
			.updateTable('records')
			.set({ title: '被改过的标题' })
			.where('id', '=', 1)
			.execute();
		const tables = await compareDatabases(source, target);
		expect(tables.filter((t) => !t.ok).map((t) => t.table)).toEqual(['records']);
	});

	it('running it again replaces what the target held: the same rows, nothing twice', async () => {
		const again = await copyDatabase(source, target);
		expect(again.ok).toBe(true);
		const first = await compareDatabases(source, target);
		expect(first.every((t) => t.ok)).toBe(true);
		const n = await target
			.selectFrom('records')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n.n)).toBe(again.tables.find((t) => t.table === 'records')!.source);
	}, 60_000);

	it('new rows on the copy get ids after the copied ones', async () => {
		const max = await target
			.selectFrom('records')
			.select((eb) => eb.fn.max('id').as('id'))
			.executeTakeFirstOrThrow();
		const id = await target
			.transaction()
			.execute((trx) => insertRecord(trx, lostNotice(9), { status: 'draft' }));
		expect(id).toBe(Number(max.id) + 1);
		const user = await createUser(target, {
			username: 'mod2',
			password: 'another horse 7',
			role: 'admin'
		});
		expect(user).toBe(2);
	});

	it('copies back the other way: the round trip equals the original', async () => {
		const { db: back } = await openDatabase(join(dir, 'back.db'));
		try {
			await copyDatabase(source, target);
			const report = await copyDatabase(target, back);
			expect(report.ok).toBe(true);
			const tables = await compareDatabases(source, back);
			expect(tables.filter((t) => !t.ok)).toEqual([]);
		} finally {
			await back.destroy();
		}
	}, 60_000);
});
