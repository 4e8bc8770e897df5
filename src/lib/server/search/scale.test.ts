/**
 * What keeps search fast at a million records, checked at a size a unit test affords: the
 * windowed ranking of queries with many matches, the facet counts kept by triggers, and the
 * memo of answers (which must never outlive a write, from this connection or another).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db';
import { bulkInsertRecords, type BulkRecord } from '../bulk';
import { countPublishedByKind } from '../listings';
import { hardDeleteRecord, insertRecord, setRecordStatus, type RecordInput } from '../records';
import {
	approximateCount,
	COUNT_CAP,
	estimateFactor,
	EXACT_RANK_LIMIT,
	PAGE_SIZE,
	RANK_WINDOW,
	searchRecords
} from './query';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-scale-'));
const path = join(dir, 'scale.db');
let opened: Awaited<ReturnType<typeof openSqlite>>;

/** 1,300 public hotlines about 医保: every 7th has it in the title, the rest only in the body. */
const COUNT = 1300;
function hotline(i: number): BulkRecord {
	const titled = i % 7 === 0;
	const name = titled ? `医保咨询电话${i}` : `公交服务热线${i}`;
	return {
		kind: 'hotline',
		subtype: null,
		title: name,
		district: null,
		fields: { name, organization: titled ? '市医疗保障局' : '市公交集团', hours: '医保窗口旁' },
		phones: [{ number: `0731-2${String(1_000_000 + i)}`, raw: `0731-2${1_000_000 + i}` }],
		emails: [],
		status: i % 50 === 49 ? 'draft' : 'published'
	};
}

beforeAll(async () => {
	opened = await openSqlite(path);
	bulkInsertRecords(
		opened.sqlite,
		Array.from({ length: COUNT }, (_, i) => hotline(i))
	);
});
afterAll(async () => {
	await opened.db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('searchRecords with more matches than EXACT_RANK_LIMIT', () => {
	const visible = COUNT - Math.floor(COUNT / 50);

	it('estimates the count above COUNT_CAP, and pages through each match exactly once', async () => {
		expect(visible).toBeGreaterThan(EXACT_RANK_LIMIT);
		expect(visible).toBeGreaterThan(COUNT_CAP);
		const first = await searchRecords(opened.db, { q: '医保' });
		// The newest 1,000 matches span ids 301–1,300 of 1,300: 1.3 times them, 1,274 public,
		// shown to two digits.
		expect(first.countIsEstimate).toBe(true);
		expect(first.total).toBe(1300);
		expect(first.counts).toEqual({ hotline: 1300 });
		const seen: number[] = [];
		for (let page = 1; page <= first.pages; page++) {
			const result = await searchRecords(opened.db, { q: '医保', page });
			// The estimate (1,300) names a 65th page; the 1,274 matches end on page 64, so page
			// 65 answers with page 64 again (next test) and the walk stops there.
			if (result.page < page) break;
			seen.push(...result.results.map((r) => r.id));
		}
		expect(seen.length).toBe(visible);
		expect(new Set(seen).size).toBe(visible);
	});

	it('answers a page past the end with the last page that has results', async () => {
		const first = await searchRecords(opened.db, { q: '医保' });
		// 1,274 public matches: 63 full pages and 14 on page 64. The estimated count (1,300)
		// names a page 65, which is past the real end too.
		const realLast = Math.ceil(visible / PAGE_SIZE);
		expect(realLast).toBe(64);
		const last = await searchRecords(opened.db, { q: '医保', page: realLast });
		expect(last.results.length).toBe(14);
		for (const page of [first.pages, first.pages + 1, 600, 999_999_999]) {
			const past = await searchRecords(opened.db, { q: '医保', page });
			expect(past.page, `page=${page}`).toBe(realLast);
			expect(past.results.map((r) => r.id)).toEqual(last.results.map((r) => r.id));
		}
	});

	it('counts exactly up to COUNT_CAP', async () => {
		// Every 7th hotline (i = 0, 7, …, 1295: 186) belongs to 市医疗保障局; 4 of them are
		// drafts (i = 49, 399, 749, 1099: i % 50 = 49), so 182 are public.
		const result = await searchRecords(opened.db, { q: '医疗保障局' });
		expect(result.countIsEstimate).toBe(false);
		expect(result.total).toBe(182);
	});

	it('puts title matches first within each block of RANK_WINDOW, newest first', async () => {
		const ids: number[] = [];
		const titles: string[] = [];
		for (let page = 1; page <= RANK_WINDOW / PAGE_SIZE; page++) {
			const { results } = await searchRecords(opened.db, { q: '医保', page });
			ids.push(...results.map((r) => r.id));
			titles.push(...results.map((r) => r.title));
		}
		const titled = titles.map((t) => t.includes('医保'));
		const boundary = titled.indexOf(false);
		expect(boundary).toBeGreaterThan(0);
		expect(titled.slice(boundary).some(Boolean)).toBe(false);
		const newestFirst = (list: number[]) => list.every((id, i) => i === 0 || list[i - 1] > id);
		expect(newestFirst(ids.slice(0, boundary))).toBe(true);
		expect(newestFirst(ids.slice(boundary))).toBe(true);
	});

	it('filters by kind inside the window', async () => {
		const result = await searchRecords(opened.db, { q: '医保', kind: 'event' });
		expect(result.total).toBe(0);
		expect(result.results).toEqual([]);
	});
});

describe('estimated counts', () => {
	it('scale the newest matches by the share of ids they span', () => {
		// 1,000 matches among the newest 10,000 of 1,000,000 ids: about 100,000 in all.
		expect(estimateFactor([1_000_000, 995_000, 990_001], 1_000_000)).toBe(100);
		expect(estimateFactor([50, 1], 50)).toBe(1);
		expect(estimateFactor([], 50)).toBe(1);
	});

	it('are rounded to two significant digits', () => {
		expect(approximateCount(87.4)).toBe(87);
		expect(approximateCount(1274)).toBe(1300);
		expect(approximateCount(12_345)).toBe(12_000);
		expect(approximateCount(456_789)).toBe(460_000);
	});
});

describe('record_facets and record_facet_counts (triggers of migration 0002)', () => {
	it('stay equal to the records table through inserts, status changes and deletes', async () => {
		const { db, sqlite } = opened;
		const input: RecordInput = {
			kind: 'event',
			subtype: null,
			title: '书法公益班开始报名',
			district: null,
			fields: { organizer: '市图书馆' },
			phones: [],
			emails: []
		};
		const id = await db
			.transaction()
			.execute((trx) => insertRecord(trx, input, { status: 'draft' }));
		await db
			.transaction()
			.execute((trx) => setRecordStatus(trx, id, 'published', { userId: null, action: 'publish' }));
		const other = await db
			.transaction()
			.execute((trx) => insertRecord(trx, input, { status: 'published' }));
		await db.transaction().execute((trx) => hardDeleteRecord(trx, other));

		const truth = sqlite
			.prepare('select kind, status, count(*) as n from records group by 1, 2 order by 1, 2')
			.all();
		const kept = sqlite
			.prepare('select kind, status, n from record_facet_counts where n > 0 order by 1, 2')
			.all();
		expect(kept).toEqual(truth);
		const facets = sqlite
			.prepare(
				`select count(*) from records r join record_facets f on f.id = r.id
				 join record_facet_counts c on c.code = f.facet
				 where c.kind = r.kind and c.status = r.status`
			)
			.pluck()
			.get();
		expect(facets).toBe(sqlite.prepare('select count(*) from records').pluck().get());
		expect((await countPublishedByKind(db)).event).toBe(1);
	});
});

describe('the memo of search answers', () => {
	it('is dropped by a write on this connection and by a commit of another', async () => {
		const { db } = opened;
		const q = '备忘测试';
		expect((await searchRecords(db, { q })).total).toBe(0);
		const input: RecordInput = {
			kind: 'hotline',
			subtype: null,
			title: `${q}热线`,
			district: null,
			fields: { name: `${q}热线` },
			phones: [],
			emails: []
		};
		await db.transaction().execute((trx) => insertRecord(trx, input, { status: 'published' }));
		expect((await searchRecords(db, { q })).total).toBe(1);

		const other = await openSqlite(path);
		try {
			await other.db
				.transaction()
				.execute((trx) => insertRecord(trx, input, { status: 'published' }));
		} finally {
			await other.db.destroy();
		}
		expect((await searchRecords(db, { q })).total).toBe(2);
	});
});

describe('a block of matches, when the query names no place', () => {
	it("puts the whole city's title matches before a county's, newest first in each", async () => {
		const { db } = opened;
		const county: number[] = [];
		for (let i = 0; i < 3; i++)
			county.push(
				await db.transaction().execute((trx) =>
					insertRecord(
						trx,
						{
							kind: 'hotline',
							subtype: null,
							title: `攸县医保咨询电话${i}`,
							district: '攸县',
							fields: { name: `攸县医保咨询电话${i}`, organization: '攸县医疗保障局' },
							phones: [{ number: `0731-2499010${i}`, raw: `2499010${i}` }],
							emails: []
						},
						{ status: 'published' }
					)
				)
			);
		const first = await searchRecords(opened.db, { q: '医保电话' });
		expect(first.countIsEstimate).toBe(true);
		const ids: number[] = [];
		for (let page = 1; page <= RANK_WINDOW / PAGE_SIZE; page++)
			ids.push(
				...(await searchRecords(opened.db, { q: '医保电话', page })).results.map((r) => r.id)
			);
		const titled = ids.filter((id) => id % 7 === 1 || county.includes(id));
		// The county's three are the newest matches, and still come after every city title match.
		const at = county.map((id) => ids.indexOf(id));
		expect(at.every((i) => i >= 0)).toBe(true);
		expect(Math.min(...at)).toBe(titled.length - county.length);
	});
});
