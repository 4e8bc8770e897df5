/**
 * Moderators bring pages in from the browser (issue 16): pasted text, a PDF and a photo of a
 * notice page (rendered by Chromium from tests/fixtures/pages/notice-page.html), each read by
 * the background worker while the job page shows its state; the review screen shows the crop
 * of the page a record came from; bad files get a clear message and leave nothing behind.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hydrated, storageStateFor } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

const FIXTURE = pathToFileURL(resolve('tests/fixtures/pages/notice-page.html')).href;
const hasTesseract = (() => {
	try {
		execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

let moderatorState: string;
test.beforeAll(async ({ browser }) => {
	moderatorState = await storageStateFor(browser, E2E_ACCOUNTS.moderator);
});
// eslint-disable-next-line no-empty-pattern
test.use({ storageState: async ({}, use) => use(moderatorState) });

/** The fixture page as Chromium prints it (PDF with a text layer) or shows it (PNG). */
async function render(page: Page, kind: 'pdf' | 'png'): Promise<Buffer> {
	const other = await page.context().newPage();
	await other.setViewportSize({ width: 808, height: 800 });
	await other.goto(FIXTURE);
	const bytes =
		kind === 'pdf'
			? await other.pdf({ width: '808px', height: '800px' })
			: await other.screenshot({ fullPage: true });
	await other.close();
	return bytes;
}

async function jobCount(page: Page): Promise<number> {
	await page.goto('/mod/pages');
	return page
		.locator('tbody tr')
		.filter({ has: page.locator('a') })
		.count();
}

async function upload(
	page: Page,
	file: string | { name: string; mimeType: string; buffer: Buffer },
	fields: Record<string, string> = {}
) {
	await page.goto('/mod/pages/new');
	await hydrated(page);
	await page.getByLabel('版面文件').setInputFiles(file);
	for (const [label, value] of Object.entries(fields))
		await page.getByLabel(label, { exact: true }).fill(value);
	await page.getByRole('button', { name: '上传并导入' }).click();
}

test('pasted text is imported by a job whose page shows the result', async ({ page }) => {
	await page.goto('/mod/pages/new');
	await hydrated(page);
	await page
		.getByLabel('或者粘贴版面文字')
		.fill(
			'遗失声明\n谭志强遗失居民身份证，证号：430204197912056631，声明作废。\n\n寻物启事\n本人11月21日在荷塘区红旗广场遗失蓝色背包一个，请拾到者联系13974162280。'
		);
	await page.getByLabel('出版日期', { exact: true }).fill('2026-11-24');
	await page.getByLabel('版面', { exact: true }).fill('B06');
	await page.getByRole('button', { name: '上传并导入' }).click();
	await expect(page).toHaveURL(/\/mod\/pages\/\d+$/);
	await expect(page.getByRole('status')).toHaveText(/完成，共 2 条记录/, { timeout: 20_000 });
	await page.getByRole('link', { name: '查看这个版面提取的记录' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('B06');
	await expect(page.getByRole('list', { name: /从这个版面提取的记录/ })).toContainText('谭志强');
});

test('a PDF page: the job reads it, the record shows the crop of the page beside the passage; the same PDF again imports nothing', async ({
	page
}) => {
	const pdf = await render(page, 'pdf');
	await upload(
		page,
		{ name: '株洲晚报B07.pdf', mimeType: 'application/pdf', buffer: pdf },
		{
			出版日期: '2026-11-24',
			版面: 'B07'
		}
	);
	await expect(page).toHaveURL(/\/mod\/pages\/\d+$/);
	const jobUrl = page.url();
	await expect(page.getByRole('status')).toHaveText(/完成，共 \d+ 条记录/, { timeout: 30_000 });
	await page.getByRole('link', { name: '查看这个版面提取的记录' }).click();
	await page.getByRole('link', { name: /罗建华/ }).click();
	const crop = page.locator('figure.crop img');
	await expect(crop).toBeVisible();
	// The picture loaded (a guarded route, with the moderator's cookie) and has real pixels.
	await expect
		.poll(() => crop.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
		.toBeGreaterThan(500);
	await expect(page.locator('blockquote.passage').first()).toContainText('430211198504127734');

	// The same bytes under another name: the earlier job, nothing new.
	const before = await jobCount(page);
	await upload(page, { name: 'again.pdf', mimeType: 'application/pdf', buffer: pdf });
	await expect(page.getByText('这个文件以前已经上传过')).toBeVisible();
	expect(page.url().replace(/\?.*$/, '')).toBe(jobUrl);
	expect(await jobCount(page)).toBe(before);
});

test('a photo of the page is read by OCR, with every number right', async ({ page }) => {
	test.skip(!hasTesseract && !process.env.CI, 'tesseract-ocr is not installed');
	test.setTimeout(90_000);
	const png = await render(page, 'png');
	await upload(page, { name: 'photo.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByRole('status')).toHaveText(/完成，共 \d+ 条记录/, { timeout: 60_000 });
	await page.getByRole('link', { name: '查看这个版面提取的记录' }).click();
	const list = page.getByRole('list', { name: /从这个版面提取的记录/ });
	await expect(list).toContainText('罗建华');
	// OCR may misread a rare character of a name (鑫 → 奢); the numbers are checked in quality.test.ts.
	await expect(list).toContainText('五金经营部遗失营业执照');
});

test('a .txt in GB18030, a JPG and a WebP photo each end as a finished job', async ({ page }) => {
	test.skip(!hasTesseract && !process.env.CI, 'tesseract-ocr is not installed');
	test.setTimeout(150_000);
	// 遗失声明 in GB18030 (encoded by hand), then a line of ASCII.
	const gb = Buffer.from([
		0xd2,
		0xc5,
		0xca,
		0xa7,
		0xc9,
		0xf9,
		0xc3,
		0xf7,
		0x0a,
		...Buffer.from(`No. ${Date.now()} 0731-28812345\n`)
	]);
	const png = await render(page, 'png');
	const other = await page.context().newPage();
	const images = await other.evaluate(
		async (dataUrl) => {
			const img = new Image();
			img.src = dataUrl;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = img.width;
			canvas.height = img.height;
			canvas.getContext('2d')!.drawImage(img, 0, 0);
			return {
				jpeg: canvas.toDataURL('image/jpeg', 0.92).split(',')[1],
				webp: canvas.toDataURL('image/webp', 0.92).split(',')[1]
			};
		},
		`data:image/png;base64,${png.toString('base64')}`
	);
	await other.close();
	for (const file of [
		{ name: 'gb.txt', mimeType: 'text/plain', buffer: gb },
		{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(images.jpeg, 'base64') },
		{ name: 'photo.webp', mimeType: 'image/webp', buffer: Buffer.from(images.webp, 'base64') }
	]) {
		await upload(page, file);
		await expect(page).toHaveURL(/\/mod\/pages\/\d+$/);
		await expect(page.getByRole('status'), file.name).toHaveText(/完成，共 \d+ 条记录/, {
			timeout: 60_000
		});
	}
	// The photos' records show the crop of the page.
	await page.getByRole('link', { name: '查看这个版面提取的记录' }).click();
	await page.getByRole('link', { name: /罗建华/ }).click();
	await expect(page.locator('figure.crop img')).toBeVisible();
});

test.describe('bad files get a clear message and leave nothing behind', () => {
	const bad = [
		{
			what: 'a corrupt PDF',
			file: {
				name: 'page.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from('%PDF-1.7\nnot really')
			},
			message: 'PDF 文件已损坏'
		},
		{
			what: 'a PDF with no pages',
			file: {
				name: 'empty.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from(
					'%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
				)
			},
			message: 'PDF 文件没有任何页面'
		},
		{
			// A valid RIFF/WEBP header that names a 800×600 picture, then noise: only decoding
			// the picture finds that it is broken.
			what: 'a corrupt WebP',
			file: {
				name: 'photo.webp',
				mimeType: 'image/webp',
				buffer: Buffer.concat([
					Buffer.from('RIFF'),
					Buffer.from([0x10, 0x08, 0x00, 0x00]),
					Buffer.from('WEBPVP8X'),
					Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 0x1f, 0x03, 0x00, 0x57, 0x02, 0x00]),
					Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) & 255))
				])
			},
			message: '图片文件已损坏'
		},
		{
			what: 'a program renamed to .jpg',
			file: {
				name: 'photo.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2048)])
			},
			message: '不是可识别的版面文件'
		}
	];
	for (const { what, file, message } of bad) {
		test(what, async ({ page }) => {
			const before = await jobCount(page);
			await upload(page, file, { 报纸名称: '株洲日报', 版面: 'A01' });
			await expect(page.getByRole('alert')).toContainText(message);
			await expect(page.getByRole('alert')).toContainText('请重新选择文件');
			// The rest of the form is kept.
			await expect(page.getByLabel('版面', { exact: true })).toHaveValue('A01');
			expect(await jobCount(page)).toBe(before);
		});
	}

	test('a 50 MB image: refused before sending with JavaScript, 413 without', async ({
		page,
		browser
	}) => {
		const before = await jobCount(page);
		// Playwright passes buffers up to 50 MB only: a file on disk instead.
		const big = join(mkdtempSync(join(tmpdir(), 'bianmin-big-')), 'huge.png');
		writeFileSync(
			big,
			Buffer.concat([
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
				Buffer.alloc(50 * 1024 * 1024)
			])
		);
		await upload(page, big);
		await expect(page.getByRole('alert')).toContainText('文件太大');
		expect(await jobCount(page)).toBe(before);

		const context = await browser.newContext({
			storageState: moderatorState,
			javaScriptEnabled: false
		});
		const noJs = await context.newPage();
		await noJs.goto('/mod/pages/new');
		await noJs.getByLabel('版面文件').setInputFiles(big);
		await noJs.getByRole('button', { name: '上传并导入' }).click();
		await expect(noJs.locator('body')).toContainText('提交的内容太大');
		await context.close();
		expect(await jobCount(page)).toBe(before);
	});
});

test('without JavaScript: upload, then the job page refreshes itself until done', async ({
	browser
}) => {
	const context = await browser.newContext({
		storageState: moderatorState,
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await page.goto('/mod/pages/new');
	await page
		.getByLabel('或者粘贴版面文字')
		.fill('招领启事\n11月23日在芦淞区中心广场拾到手机一部，请失主联系0731-28830000认领。');
	await page.getByRole('button', { name: '上传并导入' }).click();
	await expect(page).toHaveURL(/\/mod\/pages\/\d+$/);
	await expect(page.getByRole('status')).toHaveText(/完成，共 1 条记录/, { timeout: 20_000 });
	await context.close();
});

test('page pictures and upload pages refuse anonymous requests', async ({ browser }) => {
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	for (const path of ['/mod/pages/images/1/1', '/mod/pages/1', '/mod/pages/new']) {
		const response = await context.request.get(path, { maxRedirects: 0 });
		expect([303, 401], path).toContain(response.status());
		if (response.status() === 303) expect(response.headers().location).toMatch(/^\/mod\/login/);
	}
	await context.close();
});
