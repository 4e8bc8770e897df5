/**
 * Import quality of a real-looking notice page that arrives as a PDF (text layer) or as a
 * picture (OCR): Chromium renders tests/fixtures/pages/notice-page.html both ways, and every
 * phone number and document number printed on it must come out of the import, each record
 * with a region of the page picture around its passage.
 *
 * Needs Chromium and (for the picture) Tesseract. Skipped only when they are missing AND `CI`
 * is not set; in CI (`npm test` installs both) a missing tool fails the test.
 */
import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageRegion } from '../../pages/layout';
import { type DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { claimNextJob, findPageJob, runPageJob, submitPage } from './jobs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const hasTesseract = (() => {
	try {
		execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();
const CI = !!process.env.CI;

const FIXTURE = pathToFileURL(resolve('tests/fixtures/pages/notice-page.html')).href;

/** What the fixture page prints, checked by reading the HTML by hand. */
const PHONES = ['13974156021', '0731-28835146'];
const DOCUMENT_NUMBERS = ['430211198504127734', '92430203MA4P8K2Q7X'];

async function importRendered(db: DB, bytes: Buffer, name: string) {
	const { jobId } = await submitPage(db, {
		bytes,
		name,
		paper: '株洲晚报',
		published: '2026-11-24',
		page: 'B07',
		userId: null
	});
	expect(await claimNextJob(db)).toBe(jobId);
	await runPageJob(db, jobId);
	const job = (await findPageJob(db, jobId))!;
	expect(job.error).toBeNull();
	expect(job.state).toBe('done');
	const records = await db
		.selectFrom('records as r')
		.innerJoin('provenance as p', 'p.record_id', 'r.id')
		.select(['r.id', 'r.kind', 'r.document_number', 'p.region'])
		.where('p.source_id', '=', job.sourceId)
		.execute();
	const phones = await db
		.selectFrom('record_phones')
		.select('number')
		.where(
			'record_id',
			'in',
			records.map((r) => r.id)
		)
		.execute();
	return { job, records, phones: phones.map((p) => p.number) };
}

describe.skipIf(!hasChromium && !CI)('a notice page rendered by Chromium imports right', () => {
	let browser: Browser;
	let db: DB;
	beforeAll(async () => {
		browser = await chromium.launch({ executablePath: CHROMIUM });
		({ db } = await openTestDatabase());
	});
	afterAll(async () => {
		await browser?.close();
		await db?.destroy();
	});

	async function render(kind: 'pdf' | 'png'): Promise<Buffer> {
		const page = await browser.newPage({ viewport: { width: 808, height: 800 } });
		await page.goto(FIXTURE);
		const bytes =
			kind === 'pdf'
				? await page.pdf({ width: '808px', height: '800px' })
				: await page.screenshot({ fullPage: true });
		await page.close();
		return bytes;
	}

	it('as a PDF (text layer): every phone and document number, each record with its region', async () => {
		const { records, phones, job } = await importRendered(db, await render('pdf'), 'B07.pdf');
		expect(job.records).toBeGreaterThanOrEqual(4);
		for (const n of PHONES) expect(phones).toContain(n);
		for (const n of DOCUMENT_NUMBERS) expect(records.map((r) => r.document_number)).toContain(n);
		const image = await db
			.selectFrom('page_images')
			.select(['width', 'height', 'media_type'])
			.where('file_id', '=', job.fileId)
			.executeTakeFirstOrThrow();
		expect(image.media_type).toBe('image/png');
		for (const r of records) {
			const region = JSON.parse(r.region ?? 'null') as PageRegion;
			expect(region.page).toBe(1);
			expect(region.w).toBeGreaterThan(0);
			expect(region.x + region.w).toBeLessThanOrEqual(image.width + 10);
			expect(region.y + region.h).toBeLessThanOrEqual(image.height + 10);
		}
	});

	it.skipIf(!hasTesseract && !CI)(
		'as a picture (OCR): every phone and document number',
		{ timeout: 120_000 },
		async () => {
			const { records, phones } = await importRendered(db, await render('png'), 'B07.png');
			for (const n of PHONES) expect(phones).toContain(n);
			for (const n of DOCUMENT_NUMBERS) expect(records.map((r) => r.document_number)).toContain(n);
			// The regions of two different notices are different places on the page.
			const tops = records.map((r) => (JSON.parse(r.region!) as PageRegion).y);
			expect(new Set(tops).size).toBe(tops.length);
		}
	);
});
