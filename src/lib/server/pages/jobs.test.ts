import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import {
	claimNextJob,
	describeJob,
	HEARTBEAT_MS,
	findPageJob,
	recoverInterruptedJobs,
	retryPageJob,
	runPageJob,
	STALE_AFTER_MS,
	submitPage
} from './jobs';
import { PageFileError } from './read';

const PAGE = [
	'株洲晚报 2026年11月24日 B07',
	'',
	'遗失声明',
	'罗建华不慎遗失居民身份证，证号：430211198504127734，声明作废。',
	'',
	'寻物启事',
	'本人于11月20日在天元区黄河北路遗失灰色手提包一个，有拾到者请联系13974156021，必有酬谢。'
].join('\n');

/** A PDF whose page tree is empty: valid syntax, nothing to read. */
const ZERO_PAGE_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
);

const base = { paper: '株洲晚报', published: '2026-11-24', page: 'B07', userId: null };

async function counts(db: DB) {
	const n = async (table: 'page_files' | 'page_jobs' | 'sources' | 'records') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		files: await n('page_files'),
		jobs: await n('page_jobs'),
		sources: await n('sources'),
		records: await n('records')
	};
}

describe('page jobs', () => {
	let db: DB;
	beforeAll(async () => {
		({ db } = await openTestDatabase());
	});
	afterAll(() => db.destroy());

	it('queues a text page, runs it to done and imports its notices with the given date', async () => {
		const { jobId, duplicate } = await submitPage(db, {
			...base,
			name: 'B07.txt',
			bytes: Buffer.from(PAGE)
		});
		expect(duplicate).toBe(false);
		expect((await findPageJob(db, jobId))?.state).toBe('queued');
		expect(await claimNextJob(db)).toBe(jobId);
		expect(await claimNextJob(db)).toBeUndefined();
		await runPageJob(db, jobId);
		const job = (await findPageJob(db, jobId))!;
		expect(job.state).toBe('done');
		expect(job.records).toBe(2);
		expect(describeJob(job)).toBe('完成，共 2 条记录');
		const source = await db
			.selectFrom('sources')
			.select(['paper', 'published', 'page', 'file'])
			.where('id', '=', job.sourceId)
			.executeTakeFirstOrThrow();
		expect(source).toEqual({
			paper: '株洲晚报',
			published: '2026-11-24',
			page: 'B07',
			file: 'B07.txt'
		});
		const numbers = await db.selectFrom('records').select('document_number').execute();
		expect(numbers.map((r) => r.document_number)).toContain('430211198504127734');
	});

	it('the same file uploaded again is the earlier job and stores nothing', async () => {
		const before = await counts(db);
		const again = await submitPage(db, { ...base, name: 'copy.txt', bytes: Buffer.from(PAGE) });
		expect(again.duplicate).toBe(true);
		expect(await counts(db)).toEqual(before);
	});

	it('reads GB18030 text', async () => {
		const gb = Buffer.from(
			// 遗失声明 in GB18030, then ASCII digits: encoded by hand to avoid an encoder dependency.
			[0xd2, 0xc5, 0xca, 0xa7, 0xc9, 0xf9, 0xc3, 0xf7, 0x0a, ...Buffer.from('0731-28812345\n')]
		);
		const { jobId, mediaType } = await submitPage(db, { ...base, name: 'gb.txt', bytes: gb });
		expect(mediaType).toBe('text/plain');
		await claimNextJob(db);
		await runPageJob(db, jobId);
		const job = (await findPageJob(db, jobId))!;
		expect(job.state).toBe('done');
		const text = await db
			.selectFrom('sources')
			.select('text')
			.where('id', '=', job.sourceId)
			.executeTakeFirstOrThrow();
		expect(text.text.startsWith('遗失声明\n')).toBe(true);
	});

	it.each([
		[
			'a renamed program',
			Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]),
			'不是可识别的版面文件'
		],
		['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), '不是可识别的版面文件'],
		['a corrupt PDF', Buffer.from('%PDF-1.7\n garbage, no objects'), 'PDF 文件已损坏'],
		['a PDF with no pages', ZERO_PAGE_PDF, 'PDF 文件没有任何页面'],
		[
			'a PNG that is only a signature',
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
			'图片文件已损坏'
		],
		['an empty text', Buffer.from('   \n'), '无法读取文本'],
		['a file over 20 MB', Buffer.alloc(21 * 1024 * 1024, 0x41), '文件太大']
	])('%s is refused with a reason and leaves nothing behind', async (_, bytes, message) => {
		const before = await counts(db);
		const attempt = submitPage(db, { ...base, name: 'page.pdf', bytes });
		await expect(attempt).rejects.toThrow(PageFileError);
		await expect(attempt).rejects.toThrow(message);
		expect(await counts(db)).toEqual(before);
	});

	it('a job interrupted mid-way is queued again, and failed after three interruptions', async () => {
		const { jobId } = await submitPage(db, {
			...base,
			name: 'B08.txt',
			bytes: Buffer.from(PAGE.replace('B07', 'B08'))
		});
		let now = Date.UTC(2026, 10, 30, 2);
		for (let attempt = 1; attempt <= 3; attempt++) {
			expect(await claimNextJob(db, now)).toBe(jobId);
			// The server dies here: the job stays running, its heartbeat stops.
			expect(await recoverInterruptedJobs(db, now + STALE_AFTER_MS - 1)).toEqual({
				requeued: 0,
				failed: 0
			});
			now += STALE_AFTER_MS + 1;
			const recovered = await recoverInterruptedJobs(db, now);
			expect(recovered).toEqual(
				attempt < 3 ? { requeued: 1, failed: 0 } : { requeued: 0, failed: 1 }
			);
		}
		const job = (await findPageJob(db, jobId))!;
		expect(job.state).toBe('failed');
		expect(describeJob(job)).toContain('处理中断了 3 次');
		expect(job.sourceId).toBeNull();
	});

	it('a job another live server is running keeps running when a second server starts', async () => {
		const { jobId } = await submitPage(db, {
			...base,
			name: 'B09.txt',
			bytes: Buffer.from(PAGE.replace('B07', 'B09'))
		});
		const now = Date.UTC(2026, 10, 30, 3);
		expect(await claimNextJob(db, now)).toBe(jobId);
		// The first server's heartbeat, a little later.
		await db
			.updateTable('page_jobs')
			.set({ heartbeat_at: now + HEARTBEAT_MS })
			.where('id', '=', jobId)
			.execute();
		expect(await recoverInterruptedJobs(db, now + HEARTBEAT_MS + 1000)).toEqual({
			requeued: 0,
			failed: 0
		});
		expect((await findPageJob(db, jobId))!.state).toBe('running');
		expect(await claimNextJob(db, now + HEARTBEAT_MS + 1000)).toBeUndefined();
	});

	it('a page the import CLI runs is never queued, so no server worker can take it', async () => {
		const { jobId } = await submitPage(db, {
			...base,
			name: 'B10.txt',
			bytes: Buffer.from(PAGE.replace('B07', 'B10')),
			claim: true
		});
		expect(await claimNextJob(db)).toBeUndefined();
		expect((await findPageJob(db, jobId))!).toMatchObject({ state: 'running', attempts: 1 });
		expect(await runPageJob(db, jobId)).toBeDefined();
		expect((await findPageJob(db, jobId))!.state).toBe('done');
	});
});

describe('retryPageJob', () => {
	it('puts a failed job back in the queue, and nothing else', async () => {
		const { db } = await openTestDatabase();
		try {
			const { jobId } = await submitPage(db, { ...base, name: 'r.txt', bytes: Buffer.from(PAGE) });
			expect(await retryPageJob(db, jobId)).toBe(false);
			await db.updateTable('page_jobs').set({ state: 'failed', error: 'x', attempts: 3 }).execute();
			expect(await retryPageJob(db, jobId)).toBe(true);
			const job = (await findPageJob(db, jobId))!;
			expect(job).toMatchObject({ state: 'queued', error: null, attempts: 0 });
			expect(await claimNextJob(db)).toBe(jobId);
		} finally {
			await db.destroy();
		}
	});
});
