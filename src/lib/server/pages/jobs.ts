/**
 * Pages uploaded by moderators become jobs: the request stores the file and a queued job (fast),
 * and the worker (worker.ts) reads, OCRs, extracts and imports it outside any request.
 *
 * Crash safety: everything a job writes besides its own progress happens in ONE transaction at
 * the end (pictures, page, records, job done). A crash before it leaves nothing imported; the
 * job is then `running` in the database with a heartbeat that stops; a worker (of this server
 * after a restart, or of another server on the same database) puts it back in the queue once the
 * heartbeat is stale (OCR is repeatable) until MAX_ATTEMPTS, after which it is marked failed with
 * a reason. A job whose heartbeat is fresh belongs to a live process and is left alone.
 */
import { createHash } from 'node:crypto';
import { extract } from '../../extract/index';
import { regionFor } from '../../pages/layout';
import { publicationDate } from '../../pages/published';
import { FORMAT_HINT, sniffPageType, type PageMediaType } from '../../pages/sniff';
import type { DB } from '../db';
import { dialectOf } from '../db/dialect';
import type { PageJobState } from '../db/schema';
import { importPageIn, type PageImportResult } from '../pageImport';
import { checkPageFile, PageFileError, readPageFile } from './read';

/** A job interrupted this many times (server crash, restart) is given up, not retried forever. */
export const MAX_ATTEMPTS = 3;
/** How often the process running a job says it is still alive. */
export const HEARTBEAT_MS = 15_000;
/**
 * A running job without a heartbeat for this long was interrupted. Several beats, so a process
 * busy for a while (mupdf reading a large PDF holds the event loop) is not taken for dead.
 */
export const STALE_AFTER_MS = 120_000;

export interface SubmitPage {
	bytes: Uint8Array;
	/**
	 * Store the job as already running in this process (the import CLI runs it at once), so no
	 * server's worker can claim it in between.
	 */
	claim?: boolean;
	/** The name it was uploaded under (shown in the sources list; never trusted for the type). */
	name: string;
	paper: string;
	/** YYYY-MM-DD from the form; null: the rule in pages/published.ts decides. */
	published: string | null;
	page: string | null;
	userId: number | null;
}

export interface Submitted {
	jobId: number;
	/** The same bytes were uploaded before: nothing new was stored, this is the earlier job. */
	duplicate: boolean;
	mediaType: PageMediaType;
}

/**
 * Checks a page file by its bytes and queues it. Throws PageFileError (nothing stored) for a
 * file that is not a page format, is corrupt, empty or too large.
 */
export async function submitPage(db: DB, input: SubmitPage, now = Date.now()): Promise<Submitted> {
	const mediaType = sniffPageType(input.bytes);
	if (mediaType === 'binary') throw new PageFileError(`不是可识别的版面文件：${FORMAT_HINT}`);
	await checkPageFile(input.bytes, mediaType);
	const sha256 = createHash('sha256').update(input.bytes).digest('hex');
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('page_files')
			.innerJoin('page_jobs', 'page_jobs.file_id', 'page_files.id')
			.select('page_jobs.id')
			.where('page_files.sha256', '=', sha256)
			.executeTakeFirst();
		if (existing) return { jobId: existing.id, duplicate: true, mediaType };
		const file = await trx
			.insertInto('page_files')
			.values({
				sha256,
				media_type: mediaType,
				name: input.name,
				size: input.bytes.length,
				bytes: Buffer.from(input.bytes),
				created_by: input.userId
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const job = await trx
			.insertInto('page_jobs')
			.values({
				file_id: file.id,
				paper: input.paper,
				published: input.published,
				page: input.page,
				created_by: input.userId,
				...(input.claim
					? { state: 'running' as const, step: 'reading', attempts: 1, heartbeat_at: now }
					: {})
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return { jobId: job.id, duplicate: false, mediaType };
	});
}

export interface PageJob {
	id: number;
	fileId: number;
	name: string;
	mediaType: PageMediaType;
	size: number;
	paper: string;
	published: string | null;
	page: string | null;
	state: PageJobState;
	step: string;
	stepDone: number;
	stepTotal: number;
	attempts: number;
	records: number | null;
	sourceId: number | null;
	error: string | null;
	createdAt: string;
	updatedAt: string;
}

function jobQuery(db: DB) {
	return db
		.selectFrom('page_jobs as j')
		.innerJoin('page_files as f', 'f.id', 'j.file_id')
		.select([
			'j.id',
			'j.file_id as fileId',
			'f.name',
			'f.media_type as mediaType',
			'f.size',
			'j.paper',
			'j.published',
			'j.page',
			'j.state',
			'j.step',
			'j.step_done as stepDone',
			'j.step_total as stepTotal',
			'j.attempts',
			'j.records',
			'j.source_id as sourceId',
			'j.error',
			'j.created_at as createdAt',
			'j.updated_at as updatedAt'
		]);
}

export async function findPageJob(db: DB, id: number): Promise<PageJob | undefined> {
	return jobQuery(db).where('j.id', '=', id).executeTakeFirst();
}

export async function listPageJobs(db: DB, limit = 50): Promise<PageJob[]> {
	return jobQuery(db).orderBy('j.id', 'desc').limit(limit).execute();
}

/** The progress line a moderator reads (queued, OCR page 3 of 8, extracting, done with N records). */
export function describeJob(
	job: Pick<PageJob, 'state' | 'step' | 'stepDone' | 'stepTotal' | 'records' | 'error'>
): string {
	if (job.state === 'done') return `完成，共 ${job.records ?? 0} 条记录`;
	if (job.state === 'failed') return `失败：${job.error ?? '原因不明'}`;
	if (job.state === 'queued') return '排队中';
	const of = job.stepTotal > 1 ? `第 ${job.stepDone + 1} 页，共 ${job.stepTotal} 页` : '';
	switch (job.step) {
		case 'reading':
			return `读取文件${of ? `（${of}）` : ''}`;
		case 'ocr':
			return `文字识别${of ? `（${of}）` : ''}`;
		case 'extracting':
			return '提取信息';
		case 'importing':
			return '写入数据库';
		default:
			return '处理中';
	}
}

async function setStep(db: DB, id: number, step: string, done = 0, total = 0): Promise<void> {
	await db
		.updateTable('page_jobs')
		.set({
			step,
			step_done: done,
			step_total: total,
			updated_at: dialectOf(db).expr.nowIso()
		})
		.where('id', '=', id)
		.execute();
}

async function failJob(db: DB, id: number, message: string): Promise<void> {
	await db
		.updateTable('page_jobs')
		.set({
			state: 'failed',
			error: message,
			heartbeat_at: null,
			updated_at: dialectOf(db).expr.nowIso()
		})
		.where('id', '=', id)
		.execute();
}

/**
 * Takes the oldest queued job (marking it running) or returns undefined. Safe against a second
 * worker: the update only succeeds for a job still queued.
 */
export async function claimNextJob(db: DB, now = Date.now()): Promise<number | undefined> {
	const row = await db
		.updateTable('page_jobs')
		.set((eb) => ({
			state: 'running',
			step: 'reading',
			attempts: eb('attempts', '+', 1),
			heartbeat_at: now,
			updated_at: dialectOf(db).expr.nowIso()
		}))
		.where(
			'id',
			'=',
			db.selectFrom('page_jobs').select('id').where('state', '=', 'queued').orderBy('id').limit(1)
		)
		.where('state', '=', 'queued')
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

/**
 * Jobs left running by a process that died (no heartbeat for STALE_AFTER_MS) were interrupted.
 * Nothing of theirs was imported (one transaction), so they are queued again, or failed once
 * they have been tried MAX_ATTEMPTS times. Jobs with a fresh heartbeat run in a live process
 * (this server's, another server's, an import CLI's) and are left alone.
 */
export async function recoverInterruptedJobs(
	db: DB,
	now = Date.now()
): Promise<{ requeued: number; failed: number }> {
	const stale = now - STALE_AFTER_MS;
	const failed = await db
		.updateTable('page_jobs')
		.set({
			state: 'failed',
			heartbeat_at: null,
			error: `处理中断了 ${MAX_ATTEMPTS} 次，已停止；请重新上传或联系管理员`
		})
		.where('state', '=', 'running')
		.where('attempts', '>=', MAX_ATTEMPTS)
		.where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', stale)]))
		.executeTakeFirst();
	const requeued = await db
		.updateTable('page_jobs')
		.set({ state: 'queued', step: 'queued', step_done: 0, step_total: 0, heartbeat_at: null })
		.where('state', '=', 'running')
		.where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', stale)]))
		.executeTakeFirst();
	return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
}

/**
 * Puts a failed job back in the queue (after OCR was installed, or a bug fixed). Its attempts
 * start again. Returns false when the job is not failed.
 */
export async function retryPageJob(db: DB, id: number): Promise<boolean> {
	const result = await db
		.updateTable('page_jobs')
		.set({
			state: 'queued',
			step: 'queued',
			step_done: 0,
			step_total: 0,
			attempts: 0,
			error: null,
			updated_at: dialectOf(db).expr.nowIso()
		})
		.where('id', '=', id)
		.where('state', '=', 'failed')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Reads, extracts and imports one claimed job. Never throws: a failure is the job's state.
 * Returns what the import did, or undefined when the job failed.
 */
export async function runPageJob(db: DB, id: number): Promise<PageImportResult | undefined> {
	// Tells other processes this job is alive; it never keeps the process alive by itself.
	const beat = setInterval(() => {
		db.updateTable('page_jobs')
			.set({ heartbeat_at: Date.now() })
			.where('id', '=', id)
			.where('state', '=', 'running')
			.execute()
			.catch(() => {});
	}, HEARTBEAT_MS);
	beat.unref();
	try {
		const job = await db
			.selectFrom('page_jobs as j')
			.innerJoin('page_files as f', 'f.id', 'j.file_id')
			.select([
				'j.file_id',
				'j.paper',
				'j.published',
				'j.page',
				'f.name',
				'f.media_type',
				'f.bytes'
			])
			.where('j.id', '=', id)
			.executeTakeFirstOrThrow();
		const read = await readPageFile(job.bytes, job.media_type, (step, done, total) =>
			setStep(db, id, step, done, total)
		);
		await setStep(db, id, 'extracting');
		const { date: published } = publicationDate({
			given: job.published ?? undefined,
			text: read.text
		});
		const records = extract(read.text, { source: job.name, published });
		await setStep(db, id, 'importing');
		return await db.transaction().execute(async (trx) => {
			await trx.deleteFrom('page_images').where('file_id', '=', job.file_id).execute();
			for (const image of read.images) {
				await trx
					.insertInto('page_images')
					.values({
						file_id: job.file_id,
						page_no: image.page,
						media_type: image.mediaType,
						width: image.width,
						height: image.height,
						bytes: image.bytes,
						lines: JSON.stringify(read.lines.filter((l) => l.page === image.page))
					})
					.execute();
			}
			const result = await importPageIn(
				trx,
				{
					file: job.name,
					text: read.text,
					paper: job.paper,
					published,
					page: job.page,
					regionOf: read.lines.length ? (s, e) => regionFor(read.lines, s, e) : undefined
				},
				records
			);
			await trx
				.insertInto('source_files')
				.values({ source_id: result.sourceId, file_id: job.file_id })
				.onConflict((oc) => oc.column('source_id').doNothing())
				.execute();
			await trx
				.updateTable('page_jobs')
				.set({
					state: 'done',
					step: 'done',
					records: records.length,
					source_id: result.sourceId,
					error: null,
					heartbeat_at: null,
					updated_at: dialectOf(db).expr.nowIso()
				})
				.where('id', '=', id)
				.execute();
			return result;
		});
	} catch (error) {
		const message =
			error instanceof PageFileError
				? error.message
				: `处理失败：${(error as Error).message ?? String(error)}`;
		await failJob(db, id, message).catch(() => {});
		return undefined;
	} finally {
		clearInterval(beat);
	}
}

/**
 * Submits and runs a page file at once, in the caller's process (`npm run import`): the same
 * checks, storage and one-transaction import as an upload. A file imported before is not read
 * again (`duplicate`).
 */
export async function importPageFileNow(
	db: DB,
	input: SubmitPage
): Promise<{ job: PageJob; duplicate: boolean; result?: PageImportResult }> {
	// Stored as running: a server's worker polling the same database never sees it queued.
	const submitted = await submitPage(db, { ...input, claim: true });
	let result: PageImportResult | undefined;
	if (!submitted.duplicate) result = await runPageJob(db, submitted.jobId);
	const job = (await findPageJob(db, submitted.jobId))!;
	return { job, duplicate: submitted.duplicate, result };
}
