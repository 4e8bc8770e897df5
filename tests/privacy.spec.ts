/**
 * Issue 12: personal numbers never leave the server in full — record page, search page, home,
 * listings, feed, calendar and API — and the other findings of the same review.
 * Records holding invented ID numbers, printed in awkward ways, are posted through the
 * moderator form; the seed page's 残疾证 notice (陈发胜, a 20-digit number wrapped across two
 * lines) is checked as imported.
 */
import { expect, test } from '@playwright/test';
import { postRecord, storageStateFor, uniqueTitle } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';
import { prepareDatabase, removeDir, startServer, type Server } from './fixtures/server';

/** Invented: region 430211, born 1988-07-15, sequence 003, check 6. */
const ID = '430211198807150036';
const BIRTH = '19880715';
/** The seed notice's holder (seeds/003), born 1959-06-05 by his printed number. */
const SEED_BIRTH = '19590605';

/**
 * The digits a reader could copy out of a response: markup dropped, full-width folded, and the
 * spaces, hyphens and line breaks that may split a number removed.
 */
function readable(body: string): string {
	return body
		.replace(/<[^>]*>/g, '')
		.replace(/\\[nrt]/g, '')
		.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/[\s\-–—\u3000]+/g, '');
}

function expectMasked(body: string, where: string) {
	const text = readable(body);
	expect(text, where).not.toContain(BIRTH);
	expect(text, where).not.toContain(SEED_BIRTH);
}

let title: string;
let ids: { notice: number; event: number };

test.beforeAll(async ({ browser }) => {
	const state = await storageStateFor(browser, E2E_ACCOUNTS.moderator);
	const context = await browser.newContext({ storageState: state });
	const page = await context.newPage();
	title = uniqueTitle('【测试】赵某遗失证件');
	const notice = await postRecord(page, 'lost_found', {
		subtype: 'void_notice',
		title: `${title} ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`,
		district: `芦淞区${ID}`,
		holder: '赵某',
		documentType: '居民身份证',
		documentNumber: '４３０２１１１９８８０７１５００３６',
		place: `NO${ID}号窗口`,
		date: '2024-11-01'
	});
	const event = await postRecord(page, 'event', {
		title: `${uniqueTitle('【测试】报名')} 证号${ID}`,
		organizer: `社区${ID.slice(0, 10)}\n${ID.slice(10)}`,
		startsOn: '2099-05-01',
		location: `活动室 ${ID}`
	});
	ids = { notice, event };
	await context.close();
});

test.describe('personal numbers', () => {
	test('the record page, its <title> and meta tags show the ID masked', async ({
		page,
		request
	}) => {
		const html = await (await request.get(`/records/${ids.notice}`)).text();
		expectMasked(html, 'record page HTML');
		expect(html).toContain('430211 ******** 0036');
		await page.goto(`/records/${ids.notice}`);
		await expect(page.locator('h1')).toContainText('430211 ******** 0036');
		await expect(page.locator('main')).toContainText('４３０２１１********００３６');
		await expect(page.locator('main')).toContainText('NO430211********0036号窗口');
		expect(readable(await page.title())).not.toContain(BIRTH);
	});

	test('the seed 残疾证 notice: number and passage masked, though a line break splits it', async ({
		page,
		request
	}) => {
		const found = await (await request.get('/api/search?q=' + encodeURIComponent('陈发胜'))).json();
		const hit = found.results.find((r: { title: string }) => r.title.includes('陈发胜'));
		expect(hit).toBeTruthy();
		expectMasked(JSON.stringify(found), '/api/search?q=陈发胜');
		const record = await (await request.get(`/api/records/${hit.id}`)).json();
		expect(record.fields.documentNumber).toBe('430202********6016**');
		expect(record.sources[0].passage).toContain('430202********6016*');
		expectMasked(JSON.stringify(record), '/api/records (seed)');
		await page.goto(hit.url);
		expectMasked(await page.content(), 'seed record page');
		await expect(page.locator('.passage')).toContainText('430202********6016*');
	});

	test('search page and API snippets, listings, filters, home, feed and calendar', async ({
		request
	}) => {
		for (const path of [
			'/search?q=' + encodeURIComponent('赵某'),
			'/search?q=' + encodeURIComponent('陈发胜'),
			'/search?q=' + encodeURIComponent('居民身份证'),
			'/api/search?q=' + encodeURIComponent('赵某'),
			'/api/search?q=' + encodeURIComponent('报名'),
			`/api/records/${ids.notice}`,
			`/api/records/${ids.event}`,
			'/',
			'/lost-found',
			'/lost-found?subtype=void_notice',
			'/events',
			'/feed.xml',
			'/feed.xml?kind=lost_found',
			`/records/${ids.event}`,
			`/records/${ids.event}/calendar.ics`
		]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expectMasked(await response.text(), path);
		}
		// The newest list and the feed do carry the new notice (masked), so the check above saw it.
		expect(await (await request.get('/')).text()).toContain('430211 ******** 0036');
		expect(await (await request.get('/feed.xml')).text()).toContain('430211 ******** 0036');
		expect(await (await request.get('/lost-found')).text()).toContain('芦淞区430211********0036');
	});

	test('the API shows a source as paper, date and page, never a server path', async ({
		request
	}) => {
		const found = await (await request.get('/api/search?q=' + encodeURIComponent('陈发胜'))).json();
		const hit = found.results.find((r: { title: string }) => r.title.includes('陈发胜'));
		const record = await (await request.get(`/api/records/${hit.id}`)).json();
		expect(record.sources[0]).not.toHaveProperty('file');
		expect(record.sources[0].label).toMatch(/^株洲日报 · 2024年11月5日/);
		expect(JSON.stringify(record)).not.toMatch(/seeds\/|\.txt/);
	});

	test('searching finds the notice by the whole number only; a prefix learns nothing', async ({
		request
	}) => {
		const total = async (q: string) =>
			(await (await request.get('/api/search?q=' + encodeURIComponent(q))).json()).total as number;
		expect(await total('430211 19880715 0036')).toBeGreaterThanOrEqual(1);
		for (const q of ['4302111', '43021119880715', '43021119880715003', 'NO4302111988']) {
			expect({ q, total: await total(q) }).toEqual({ q, total: 0 });
		}
	});
});

test('moderators still see the number in full, to check it against the page', async ({
	browser
}) => {
	const context = await browser.newContext({
		storageState: await storageStateFor(browser, E2E_ACCOUNTS.moderator)
	});
	const page = await context.newPage();
	await page.goto(`/mod/records/${ids.notice}`);
	await expect(page.getByRole('textbox', { name: '证件号码（选填）' })).toHaveValue(
		'４３０２１１１９８８０７１５００３６'
	);
	await context.close();
});

test.describe('other findings of the review', () => {
	test('record URLs are digits only', async ({ request }) => {
		for (const id of ['0x10', '1e1', '%201', '1.0', '01', '+1']) {
			for (const path of [`/records/${id}`, `/api/records/${id}`, `/records/${id}/calendar.ics`]) {
				expect({ path, status: (await request.get(path)).status() }).toEqual({ path, status: 404 });
			}
		}
		expect((await request.get(`/records/${ids.notice}`)).status()).toBe(200);
	});

	test('static files and pages carry nosniff and frame protection; HTML says UTF-8', async ({
		request
	}) => {
		const home = await request.get('/');
		expect(home.headers()['content-type']).toBe('text/html; charset=utf-8');
		const asset = /\/_app\/immutable\/[^"]+\.(?:css|js)/.exec(await home.text())?.[0];
		expect(asset).toBeTruthy();
		for (const path of ['/', '/enhance.js', '/favicon.svg', '/robots.txt', asset!, '/nowhere']) {
			const headers = (await request.get(path)).headers();
			expect({ path, nosniff: headers['x-content-type-options'] }).toEqual({
				path,
				nosniff: 'nosniff'
			});
			expect({ path, frame: headers['x-frame-options'] }).toEqual({ path, frame: 'DENY' });
		}
		expect((await request.get('/nowhere')).headers()['content-type']).toBe(
			'text/html; charset=utf-8'
		);
	});

	test('the audit log answers an impossible date with its message, not a 500', async ({
		browser
	}) => {
		const context = await browser.newContext({
			storageState: await storageStateFor(browser, E2E_ACCOUNTS.admin)
		});
		const page = await context.newPage();
		for (const from of ['2024-13-45', '2024-02-30']) {
			const response = await page.goto(`/mod/audit?from=${from}`);
			expect(response?.status()).toBe(200);
			await expect(page.getByText('筛选条件无效，已显示全部日志。')).toBeVisible();
		}
		await context.close();
	});

	test('a moderator sees their sign-ins and ends another one', async ({ browser }) => {
		const first = await browser.newContext({
			storageState: await storageStateFor(browser, E2E_ACCOUNTS.moderator2)
		});
		const second = await browser.newContext({
			storageState: await storageStateFor(browser, E2E_ACCOUNTS.moderator2)
		});
		const page = await first.newPage();
		await page.goto('/mod/sessions');
		const rows = page.locator('tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(2);
		await expect(rows.filter({ hasText: '（当前）' })).toHaveCount(1);
		// End the newest sign-in that is not this one: the second context's.
		await rows
			.filter({ hasNotText: '（当前）' })
			.first()
			.getByRole('button', { name: '结束' })
			.click();
		await expect(page.getByRole('status')).toHaveText('该登录已退出。');
		const other = await second.newPage();
		await other.goto('/mod');
		await expect(other).toHaveURL(/\/mod\/login/);
		await first.close();
		await second.close();
	});
});

test.describe('ID-number searches are rate-limited per address', () => {
	// A server of its own (E2E_PORT+14) that reads the client address from X-Forwarded-For, so
	// this test can be several addresses and never throttles the shared server's suites.
	const port = Number(process.env.E2E_PORT ?? 4173) + 14;
	const url = `http://localhost:${port}`;
	let server: Server;
	let dir: string;
	test.beforeAll(async () => {
		test.setTimeout(60_000);
		let path: string;
		({ dir, path } = await prepareDatabase('privacy'));
		server = await startServer({
			port,
			databasePath: path,
			env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
		});
	});
	test.afterAll(async () => {
		await server?.stop();
		if (dir) removeDir(dir);
	});

	test('the 11th within an hour gets 429 and a Chinese message; other addresses and searches do not', async () => {
		const get = (path: string, address: string) =>
			fetch(url + path, { headers: { 'x-forwarded-for': address } });
		for (let i = 0; i < 10; i++) {
			const q = `4302111988071500${String(10 + i)}`;
			expect((await get(`/api/search?q=${q}`, '198.51.100.7')).status).toBe(200);
		}
		const api = await get(`/api/search?q=${ID}`, '198.51.100.7');
		expect(api.status).toBe(429);
		expect((await api.json()).message).toBe('查询证件号码的次数过多，请1小时后再试');
		const page = await get(`/search?q=${ID}`, '198.51.100.7');
		expect(page.status).toBe(429);
		expect(await page.text()).toContain('查询证件号码的次数过多，请1小时后再试');
		expect((await get('/api/search?q=' + encodeURIComponent('医保'), '198.51.100.7')).status).toBe(
			200
		);
		expect((await get('/api/search?q=0731-28681662', '198.51.100.7')).status).toBe(200);
		expect((await get(`/api/search?q=${ID}`, '198.51.100.8')).status).toBe(200);
	});
});
