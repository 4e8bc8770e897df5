import { describe, expect, it } from 'vitest';
import type { ExtractedRecord } from '../records/types';
import { type DB } from './db';
import { openTestDatabase } from '../../../tests/helpers/database';
import {
	countListed,
	countListedByKind,
	facetKey,
	facetValues,
	findTwins,
	listRecords,
	newestRecords
} from './listings';
import { insertRecord, type RecordInput } from './records';
import { fillReprintFingerprints, importPage } from './pageImport';

/** A void notice as the extractor returns it: no date of its own, only the page's. */
function voidNotice(holder: string, start: number): ExtractedRecord {
	return {
		kind: 'lost_found',
		subtype: 'void_notice',
		title: `${holder}遗失居民身份证声明`,
		source: { file: 'p.txt', start, end: start + 10 },
		confidence: 0.95,
		phones: [],
		emails: [],
		holder,
		documentType: '居民身份证'
	};
}

async function importNotice(db: DB, published: string, holder: string) {
	const text = `株洲日报 ${published}\n${holder}不慎遗失居民身份证，声明作废。`;
	return importPage(
		db,
		{ file: `${published}.txt`, text, paper: '株洲日报', published, page: null },
		[voidNotice(holder, 14)]
	);
}

async function post(db: DB, input: RecordInput) {
	return db
		.transaction()
		.execute((trx) => insertRecord(trx, input, { status: 'published', confidence: 1 }));
}

const event = (title: string, fields: Record<string, string>): RecordInput => ({
	kind: 'event',
	subtype: null,
	title,
	district: null,
	fields,
	phones: [{ number: '13974100001', raw: '13974100001' }],
	emails: []
});

describe('issued_on (the date information was printed)', () => {
	it('comes from the newest page, follows a corrected page date, and ranks newer first', async () => {
		const { db } = await openTestDatabase();
		await importNotice(db, '2020-04-17', '李一');
		await importNotice(db, '2024-11-05', '赵二');
		const newest = await newestRecords(db, 8);
		expect(newest.map((r) => [r.title, r.issuedOn])).toEqual([
			['赵二遗失居民身份证声明', '2024-11-05'],
			['李一遗失居民身份证声明', '2020-04-17']
		]);
		// A moderator fixes the 2020 page's date: its record moves with it.
		await db
			.updateTable('sources')
			.set({ published: '2025-01-02' })
			.where('published', '=', '2020-04-17')
			.execute();
		const after = await newestRecords(db, 8);
		expect(after.map((r) => r.issuedOn)).toEqual(['2025-01-02', '2024-11-05']);
	});

	it('is the Beijing day a moderator posted a record that has no page', async () => {
		const { db } = await openTestDatabase();
		const id = await post(db, event('社区义诊报名', { startsOn: '2099-01-01' }));
		const row = await db
			.selectFrom('records')
			.select(['issued_on', 'created_at'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const beijing = new Date(Date.parse(row.created_at) + 8 * 3_600_000).toISOString();
		expect(row.issued_on).toBe(beijing.slice(0, 10));
	});
});

describe('listRecords', () => {
	it('filters 遗失声明 by the date they were printed (they have no date of their own)', async () => {
		const { db } = await openTestDatabase();
		await importNotice(db, '2020-04-17', '李一');
		await importNotice(db, '2024-11-05', '赵二');
		const titles = async (filters: Parameters<typeof listRecords>[2]) =>
			(await listRecords(db, 'lost_found', filters)).records.map((r) => r.title);
		expect(await titles({ from: '2024-11-01', to: '2024-11-30' })).toEqual([
			'赵二遗失居民身份证声明'
		]);
		expect(await titles({ since: '2021-01-01' })).toEqual(['赵二遗失居民身份证声明']);
		expect(await titles({ to: '2020-12-31' })).toEqual(['李一遗失居民身份证声明']);
	});

	it('shows the first page for a page past the end', async () => {
		const { db } = await openTestDatabase();
		await importNotice(db, '2024-11-05', '赵二');
		const list = await listRecords(db, 'lost_found', { page: 600 });
		expect(list.page).toBe(1);
		expect(list.records).toHaveLength(1);
	});

	it('gives each row its main phone number', async () => {
		const { db } = await openTestDatabase();
		await post(db, {
			...event('书法班报名', { startsOn: '2099-03-01' }),
			phones: [
				{ number: '0731-28000001', raw: '28000001' },
				{ number: '13974100002', raw: '13974100002' }
			]
		});
		const [row] = (await listRecords(db, 'event', {}, '2026-11-30')).records;
		expect(row.phone).toBe('0731-28000001');
		// The triggers keep it when the numbers change (a moderator drops the first one).
		await db.deleteFrom('record_phones').where('number', '=', '0731-28000001').execute();
		const [after] = (await listRecords(db, 'event', {}, '2026-11-30')).records;
		expect(after.phone).toBe('13974100002');
		await db.deleteFrom('record_phones').execute();
		expect((await listRecords(db, 'event', {}, '2026-11-30')).records[0].phone).toBeNull();
	});

	it('hides closed sign-ups and 公告期 only when asked', async () => {
		const { db } = await openTestDatabase();
		await post(db, event('截止了的报名', { startsOn: '2026-12-20', deadline: '2026-11-29' }));
		await post(db, event('还能报名', { startsOn: '2026-12-20', deadline: '2026-11-30T17:00' }));
		const today = '2026-11-30';
		expect((await listRecords(db, 'event', {}, today)).total).toBe(2);
		const open = await listRecords(db, 'event', { open: true }, today);
		expect(open.records.map((r) => r.title)).toEqual(['还能报名']);
		await post(db, {
			kind: 'family_search',
			subtype: 'found_child',
			title: '查找弃婴生父母公告',
			district: null,
			fields: { foundAt: '2025-03-01', noticeDeadline: '2025-04-06' },
			phones: [],
			emails: []
		});
		expect((await listRecords(db, 'family_search', {}, today)).total).toBe(1);
		expect((await listRecords(db, 'family_search', { open: true }, today)).total).toBe(0);
		expect((await listRecords(db, 'family_search', { open: true }, '2025-04-06')).total).toBe(1);
	});
});

describe('a listing with resolved notices (包括已认领)', () => {
	it("shows published and resolved notices in the listing's order, page by page, drafts never", async () => {
		const { db } = await openTestDatabase();
		type Row = { id: number; title: string; status: string; issuedOn: string; date: string };
		const written: Row[] = [];
		for (let i = 1; i <= 50; i++) {
			const status = i % 7 === 0 ? 'draft' : i % 3 === 0 ? 'resolved' : 'published';
			const title = `寻物启事${String((i * 17) % 50).padStart(2, '0')}`;
			const id = await post(db, {
				kind: 'lost_found',
				subtype: 'lost_item',
				title,
				district: null,
				fields: { item: `钥匙${i}` },
				phones: [{ number: `1397410${String(i).padStart(4, '0')}`, raw: '' }],
				emails: []
			});
			// Printed on one of four days; every other notice has a date of its own.
			const issuedOn = `2026-0${1 + (i % 4)}-10`;
			const dateStart = i % 2 === 0 ? `2025-12-${String((i % 28) + 1).padStart(2, '0')}` : null;
			await db
				.updateTable('records')
				.set({ status, issued_on: issuedOn, date_start: dateStart })
				.where('id', '=', id)
				.execute();
			written.push({ id, title, status, issuedOn, date: dateStart ?? issuedOn });
		}
		const listed = written.filter((r) => r.status !== 'draft');
		const newer = (a: Row, b: Row) => b.issuedOn.localeCompare(a.issuedOn) || b.id - a.id;
		const expected = {
			new: [...listed].sort(newer),
			date: [...listed].sort((a, b) => b.date.localeCompare(a.date) || newer(a, b)),
			title: [...listed].sort((a, b) =>
				a.title < b.title ? -1 : a.title > b.title ? 1 : newer(a, b)
			)
		};
		expect([listed.length, listed.filter((r) => r.status === 'resolved').length]).toEqual([43, 14]);
		for (const sort of ['new', 'date', 'title'] as const) {
			for (const page of [1, 2, 3]) {
				const list = await listRecords(db, 'lost_found', { resolved: true, sort, page });
				expect(list.total, sort).toBe(listed.length);
				expect(list.pages).toBe(3);
				expect(
					list.records.map((r) => r.id),
					`${sort}, page ${page}`
				).toEqual(expected[sort].slice((page - 1) * 20, page * 20).map((r) => r.id));
			}
		}
		// Without the filter: the published ones only, in the same order.
		const published = await listRecords(db, 'lost_found', { sort: 'new' });
		expect(published.records.map((r) => r.id)).toEqual(
			expected.new
				.filter((r) => r.status === 'published')
				.slice(0, 20)
				.map((r) => r.id)
		);
		expect(published.records[0]).not.toHaveProperty('noticeDate');
	});
});

describe('countListedByKind', () => {
	it('equals what each listing shows by default', async () => {
		const { db } = await openTestDatabase();
		await importNotice(db, '2024-11-05', '赵二');
		await post(db, event('去年的活动', { startsOn: '2025-05-01' }));
		await post(db, event('明年的活动', { startsOn: '2027-05-01' }));
		await post(db, event('没有日期的活动', { organizer: '某社区' }));
		// Just after midnight in Beijing (still the previous day in UTC): 2026-11-30.
		const today = '2026-11-30';
		await post(db, event('今天的活动', { startsOn: today }));
		const counts = await countListedByKind(db, today);
		for (const kind of ['hotline', 'procedure', 'lost_found', 'family_search', 'event'] as const)
			expect(counts[kind], kind).toBe((await listRecords(db, kind, {}, today)).total);
		expect(counts.event).toBe(3);
		expect(await countListed(db, 'event', { when: 'past' }, today)).toBe(1);
	});
});

describe('printings of the same notice', () => {
	const hotline = (title: string, number: string, district: string | null = null): RecordInput => ({
		kind: 'hotline',
		subtype: null,
		title,
		district,
		fields: { name: title },
		phones: [{ number, raw: number }],
		emails: []
	});

	it('are listed once (the newest) with the count of the others, and counted once', async () => {
		const { db } = await openTestDatabase();
		const ids = [];
		for (let i = 0; i < 3; i++)
			ids.push(await post(db, hotline('不动产登记咨询电话', '0731-28000002')));
		// Same title, another number: another notice.
		const other = await post(db, hotline('不动产登记咨询电话', '0731-28000003'));
		const list = await listRecords(db, 'hotline', {}, '2026-11-30');
		expect(list.total).toBe(2);
		// Equal titles: the newer (higher id, same day) first.
		expect(list.records.map((r) => [r.id, r.twins])).toEqual([
			[other, 0],
			[ids[2], 2]
		]);
		expect((await countListedByKind(db, '2026-11-30')).hotline).toBe(2);
		expect((await newestRecords(db, 8)).map((r) => r.id)).toEqual([other, ids[2]]);
		expect((await findTwins(db, ids[2])).map((t) => t.id)).toEqual([ids[1], ids[0]]);
		expect(await findTwins(db, other)).toEqual([]);
	});
});

describe('the count of an unfiltered listing', () => {
	it('counts each set of printings once, as the listing shows them', async () => {
		const { db } = await openTestDatabase();
		const write = (input: RecordInput, status: 'published' | 'draft' = 'published') =>
			db.transaction().execute((trx) => insertRecord(trx, input, { status, confidence: 1 }));
		const hotline = (title: string, number?: string): RecordInput => ({
			kind: 'hotline',
			subtype: null,
			title,
			district: null,
			fields: { name: title },
			phones: number ? [{ number, raw: number }] : [],
			emails: []
		});
		const lost = (item: string): RecordInput => ({
			kind: 'lost_found',
			subtype: 'lost_item',
			title: `寻${item}启事`,
			district: null,
			fields: { item },
			phones: [{ number: '13974100009', raw: '13974100009' }],
			emails: []
		});
		// Hotlines fold by title and main number: 3 notices, a number-less one printed twice.
		for (let i = 0; i < 3; i++) await write(hotline('燃气抢修电话', '0731-28000001'));
		await write(hotline('燃气抢修电话', '0731-28000002'));
		await write(hotline('燃气抢修电话'));
		await write(hotline('燃气抢修电话'));
		// Not published: a printing that does not count, and a notice that does not either.
		await write(hotline('燃气抢修电话', '0731-28000003'), 'draft');
		await write(hotline('停水通知电话', '0731-28000004'), 'draft');
		// Lost & found fold by fingerprint: a wallet printed twice, a bag …
		await write(lost('黑色钱包'));
		await write(lost('黑色钱包'));
		await write(lost('蓝色书包'));
		// … and two printings written before fingerprints (migration 0007): never folded.
		const before = [await write(lost('红色雨伞')), await write(lost('红色雨伞'))];
		await db.updateTable('records').set({ fingerprint: null }).where('id', 'in', before).execute();

		const counts = await countListedByKind(db, '2026-11-30');
		for (const kind of ['hotline', 'lost_found'] as const) {
			const shown = (await listRecords(db, kind, {}, '2026-11-30')).records.length;
			// The listing's own query, which a filter that keeps every record makes it take.
			const filtered = await countListed(db, kind, { since: '2000-01-01' }, '2026-11-30');
			expect([counts[kind], filtered], kind).toEqual([shown, shown]);
		}
		expect(counts.hotline).toBe(3);
		expect(counts.lost_found).toBe(4);
	});
});

describe('facets', () => {
	it('fold traditional script and district aliases into one value that filters them all', async () => {
		const { db } = await openTestDatabase();
		const notice = (documentType: string, district: string): RecordInput => ({
			kind: 'lost_found',
			subtype: 'void_notice',
			title: `${documentType}遗失声明${district}`,
			district,
			fields: { documentType },
			phones: [],
			emails: []
		});
		await post(db, notice('出生醫學證明', '高新区'));
		await post(db, notice('出生医学证明', '株洲高新区'));
		await post(db, notice('出生医学证明', '天元区'));
		await post(db, notice('居民身份证', '醴陵'));
		expect(await facetValues(db, 'lost_found', 'document_type')).toEqual([
			{ value: '出生医学证明', n: 3 },
			{ value: '居民身份证', n: 1 }
		]);
		expect(await facetValues(db, 'lost_found', 'district')).toEqual([
			{ value: '天元区', n: 3 },
			{ value: '醴陵市', n: 1 }
		]);
		expect((await listRecords(db, 'lost_found', { district: '天元区' })).total).toBe(3);
		expect((await listRecords(db, 'lost_found', { district: '高新区' })).total).toBe(3);
		expect((await listRecords(db, 'lost_found', { documentType: '出生医学证明' })).total).toBe(3);
		expect(facetKey('district', '株洲县')).toBe('渌口区');
	});
});

describe('reprints of lost & found and 寻亲 notices', () => {
	it('fold the same child printed twice, and keep apart children under one title and number', async () => {
		const { db } = await openTestDatabase();
		const child = (foundAt: string, title = '查找弃婴生父母公告'): RecordInput => ({
			kind: 'family_search',
			subtype: 'found_child',
			title,
			district: null,
			fields: { foundAt, gender: '女' },
			phones: [{ number: '0731-22000007', raw: '22000007' }],
			emails: []
		});
		const other = await post(db, child('2026-01-02'));
		const first = await post(db, child('2026-02-03'));
		// The same notice again, in traditional script with a space: the same reprint.
		const again = await post(db, child('2026-02-03', '查找棄嬰生父母 公告'));
		const list = await listRecords(db, 'family_search', {}, '2026-11-30');
		// A 福利院 prints many children under one title and number: each stays listed.
		expect(list.total).toBe(2);
		expect(list.records.map((r) => [r.id, r.twins])).toEqual([
			[again, 1],
			[other, 0]
		]);
		expect((await findTwins(db, again)).map((t) => t.id)).toEqual([first]);
		expect((await findTwins(db, first)).map((t) => t.id)).toEqual([again]);
		expect(await findTwins(db, other)).toEqual([]);
		expect((await countListedByKind(db, '2026-11-30')).family_search).toBe(2);
	});

	it('fold a 遗失声明 only with the same document number', async () => {
		const { db } = await openTestDatabase();
		const notice = (documentNumber: string): RecordInput => ({
			kind: 'lost_found',
			subtype: 'void_notice',
			title: '张三遗失居民身份证声明',
			district: null,
			fields: { holder: '张三', documentType: '居民身份证', documentNumber },
			phones: [],
			emails: []
		});
		const a = await post(db, notice('430203199001013310'));
		const b = await post(db, notice('430203199001013310'));
		const c = await post(db, notice('430211198502024417'));
		const list = await listRecords(db, 'lost_found', {});
		expect(list.records.map((r) => [r.id, r.twins])).toEqual([
			[c, 0],
			[b, 1]
		]);
		expect((await findTwins(db, b)).map((t) => t.id)).toEqual([a]);
		// The home page's newest list folds them too.
		expect((await newestRecords(db, 8)).map((r) => r.id)).toEqual([c, b]);
	});

	it('fills the fingerprints of records written before migration 0007', async () => {
		const { db } = await openTestDatabase();
		const notice: RecordInput = {
			kind: 'lost_found',
			subtype: 'lost_item',
			title: '寻找黑色钱包',
			district: null,
			fields: { item: '黑色钱包' },
			phones: [{ number: '13974100009', raw: '13974100009' }],
			emails: []
		};
		const a = await post(db, notice);
		const b = await post(db, notice);
		await db.updateTable('records').set({ fingerprint: null }).execute();
		// Without a fingerprint nothing is folded …
		expect((await listRecords(db, 'lost_found', {})).total).toBe(2);
		expect(await fillReprintFingerprints(db)).toBe(2);
		expect(await fillReprintFingerprints(db)).toBe(0);
		// … with it, the two printings are one notice.
		expect((await listRecords(db, 'lost_found', {})).records.map((r) => r.id)).toEqual([b]);
		expect((await findTwins(db, b)).map((t) => t.id)).toEqual([a]);
	});
});
