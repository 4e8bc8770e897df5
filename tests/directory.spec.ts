import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function idOf(page: Page, title: string): Promise<string> {
	const response = await page.request.get(`/api/search?q=${encodeURIComponent(title)}`);
	const body = (await response.json()) as { results: { id: number; title: string }[] };
	const hit = body.results.find((r) => r.title === title);
	expect(hit, `record "${title}" is searchable`).toBeDefined();
	return String(hit!.id);
}

test.describe('listings', () => {
	test('each category lists its records, filters live in the URL', async ({ page }) => {
		await page.goto('/hotlines');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('便民电话');
		await expect(page.getByRole('link', { name: '【测试】医保报销咨询电话' })).toBeVisible();
		// The filters are folded away until asked for, and stay open once one is set.
		await expect(page.getByLabel('区县')).toBeHidden();
		await page.getByText('筛选和排序').click();
		await page.getByLabel('区县').selectOption('天元区');
		await page.getByRole('button', { name: '筛选' }).click();
		await expect(page).toHaveURL(/district=%E5%A4%A9%E5%85%83%E5%8C%BA/);
		await expect(page.getByLabel('区县')).toHaveValue('天元区');
		await expect(page.getByRole('link', { name: '【测试】医保报销咨询电话' })).toBeVisible();
		await page.goto('/hotlines?district=' + encodeURIComponent('不存在区'));
		await expect(page.getByRole('heading', { name: '没有找到符合条件的信息' })).toBeVisible();
		await expect(page.getByRole('link', { name: '清除筛选条件' })).toBeVisible();
	});

	test('events: upcoming by default, past ones show 活动已结束', async ({ page }) => {
		await page.goto('/events');
		await expect(page.getByRole('link', { name: '【测试】2099年全民健身跑报名' })).toBeVisible();
		await expect(page.getByRole('link', { name: '【测试】老年书法班报名' })).toHaveCount(0);
		await page.goto('/events?when=past');
		const past = page.getByRole('listitem').filter({ hasText: '【测试】老年书法班报名' });
		await expect(past).toContainText('活动已结束');
	});

	test('lost & found filters by document type and date range; bad dates are ignored with a message', async ({
		page
	}) => {
		await page.goto(
			'/lost-found?doctype=' + encodeURIComponent('身份证') + '&from=2024-10-01&to=2024-10-31'
		);
		await expect(page.getByRole('link', { name: '【测试】王小明遗失身份证声明' })).toBeVisible();
		await page.goto('/lost-found?from=2024-11-01');
		await expect(page.getByRole('link', { name: '【测试】王小明遗失身份证声明' })).toHaveCount(0);
		await page.goto('/lost-found?from=not-a-date');
		await expect(page.getByRole('alert')).toContainText('格式不对');
	});
});

test.describe('record page', () => {
	test('puts the number first as a tel: link with a copy button, and shows the source', async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const id = await idOf(page, '【测试】医保报销咨询电话');
		await page.goto(`/records/${id}`);
		// The page ships no framework code: static/enhance.js shows and runs the copy button.
		const tel = page.locator('a.tel').first();
		await expect(tel).toHaveAttribute('href', 'tel:073128683507');
		await expect(tel).toHaveText('0731-28683507');
		await page.getByRole('button', { name: '复制' }).click();
		await expect(page.getByRole('button', { name: '已复制' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('0731-28683507');
		await expect(page.getByRole('heading', { name: '来源' })).toBeVisible();
	});

	test('masks ID numbers, yet the full number finds the notice', async ({ page }) => {
		await page.goto('/search?q=430203199912120011');
		await expect(page.getByRole('link', { name: '【测试】王小明遗失身份证声明' })).toBeVisible();
		// The query itself is the person's own input; the results never show the full number.
		await expect(page.locator('ol.results')).toContainText('430203********0011');
		await expect(page.locator('ol.results')).not.toContainText('430203199912120011');
		await page.getByRole('link', { name: '【测试】王小明遗失身份证声明' }).click();
		await expect(page.locator('main')).toContainText('430203********0011');
		await expect(page.locator('main')).not.toContainText('199912120011');
		const api = await page.request.get(page.url().replace('/records/', '/api/records/'));
		expect(await api.text()).not.toContain('430203199912120011');
	});

	test('renders HTML in a record as text: no script runs', async ({ page }) => {
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		const id = await idOf(page, '【测试】<script>alert(1)</script>怎么办理？');
		await page.goto(`/records/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'【测试】<script>alert(1)</script>怎么办理？'
		);
		await expect(page.locator('main')).toContainText('<img src=x onerror=alert(2)>');
		await page.goto('/search?q=' + encodeURIComponent('<script>'));
		await expect(page.locator('main')).toContainText('<script>');
		expect(dialogs).toBe(0);
	});

	test('an unknown id is a friendly 404', async ({ page }) => {
		const response = await page.goto('/records/99999999');
		expect(response?.status()).toBe(404);
		await expect(page.locator('body')).toContainText('没有这条信息');
	});
});

test.describe('search', () => {
	const cases: [string, string][] = [
		['证', '【测试】王小明遗失身份证声明'],
		['医保', '【测试】医保报销咨询电话'],
		['寻亲', '【测试】救助站為受助人員尋親'],
		['28683507', '【测试】医保报销咨询电话'],
		['0731-28683507', '【测试】医保报销咨询电话'],
		['073128683507', '【测试】医保报销咨询电话'],
		['0731 2868 3507', '【测试】医保报销咨询电话'],
		['13307330000', '【测试】2099年全民健身跑报名'],
		['身份证 王小明', '【测试】王小明遗失身份证声明'],
		// Typed the way residents type (issue 13): intent words, pinyin, international numbers.
		['医保电话', '【测试】医保报销咨询电话'],
		['医疗保险怎么报销', '【测试】医保报销咨询电话'],
		['yibao', '【测试】医保报销咨询电话'],
		['+86 731 2868 3507', '【测试】医保报销咨询电话'],
		['+86 133 0733 0000', '【测试】2099年全民健身跑报名'],
		['王小明的身份证丢了', '【测试】王小明遗失身份证声明']
	];
	for (const [q, title] of cases) {
		test(`"${q}" finds ${title}`, async ({ page }) => {
			await page.goto('/search?q=' + encodeURIComponent(q));
			await expect(page.getByRole('link', { name: title })).toBeVisible();
		});
	}

	test('FTS5 syntax characters are searched as text, never an error', async ({ page }) => {
		for (const q of [
			'"',
			'*',
			'-',
			':',
			'(',
			')',
			'NEAR',
			'AND',
			'OR',
			'NOT',
			'"身份证" NEAR(',
			'a:b -c* (d)'
		]) {
			const response = await page.goto('/search?q=' + encodeURIComponent(q));
			expect(response?.status(), q).toBe(200);
			await expect(page.locator('main')).toContainText(/结果|没有找到/);
			const api = await page.request.get('/api/search?q=' + encodeURIComponent(q));
			expect(api.status(), q).toBe(200);
		}
	});

	test('kind filter and per-kind counts', async ({ page }) => {
		await page.goto('/search?q=' + encodeURIComponent('测试'));
		const kinds = page.getByRole('navigation', { name: '按分类筛选结果' });
		await expect(kinds.getByRole('link', { name: /活动报名 2/ })).toBeVisible();
		await kinds.getByRole('link', { name: /活动报名/ }).click();
		await expect(page).toHaveURL(/kind=event/);
		await expect(page.getByRole('link', { name: '【测试】医保报销咨询电话' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: '【测试】2099年全民健身跑报名' })).toBeVisible();
	});

	test('every result shows its main phone number as a tel: link', async ({ page }) => {
		await page.goto('/search?q=' + encodeURIComponent('医保电话'));
		const item = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: '【测试】医保报销咨询电话' }) });
		await expect(item.locator('a.tel')).toHaveAttribute('href', 'tel:073128683507');
	});

	test('says so when it searched fewer words than typed', async ({ page }) => {
		await page.goto('/search?q=' + encodeURIComponent('医保 魑魅'));
		await expect(page.locator('main')).toContainText(
			'没有同时包含“医保”“魑魅”的结果，以下是包含“医保”的结果'
		);
		await expect(page.getByRole('link', { name: '【测试】医保报销咨询电话' })).toBeVisible();
	});

	test('a search that finds nothing suggests a category and 12345', async ({ page }) => {
		await page.goto('/search?q=' + encodeURIComponent('火星殖民舱怎么办'));
		await expect(page.getByRole('heading', { name: '没有找到相关信息' })).toBeVisible();
		const empty = page.locator('.empty');
		await expect(empty.getByRole('link', { name: '办事指南/问答' })).toHaveAttribute(
			'href',
			'/procedures'
		);
		await expect(empty.locator('a[href="tel:12345"]')).toBeVisible();
	});

	test('an empty query shows the browse page', async ({ page }) => {
		await page.goto('/search?q=');
		await expect(page.getByRole('heading', { name: '分类浏览' })).toBeVisible();
	});

	test('JSON API returns total and results with urls', async ({ request }) => {
		const response = await request.get(
			'/api/search?q=' + encodeURIComponent('医保') + '&kind=hotline'
		);
		expect(response.ok()).toBe(true);
		const body = await response.json();
		expect(body.total).toBeGreaterThanOrEqual(1);
		const hit = body.results.find((r: { title: string }) => r.title === '【测试】医保报销咨询电话');
		expect(hit).toMatchObject({ kind: 'hotline', url: expect.stringMatching(/^\/records\/\d+$/) });
		expect(hit.phones[0]).toMatchObject({ number: '0731-28683507' });
		const record = await (await request.get(`/api/records/${hit.id}`)).json();
		expect(record.phones[0].number).toBe('0731-28683507');
		expect(Array.isArray(record.sources)).toBe(true);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('search, filters and records work as plain pages', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('searchbox').fill('医保');
		await page.getByRole('button', { name: '搜索' }).click();
		await page.getByRole('link', { name: '【测试】医保报销咨询电话' }).click();
		await expect(page.locator('a.tel').first()).toHaveAttribute('href', 'tel:073128683507');
		await expect(page.getByRole('button', { name: '复制' })).toHaveCount(0);
		await page.goto('/events');
		await page.getByText('筛选和排序').click();
		await page.getByLabel('时间').selectOption('past');
		await page.getByRole('button', { name: '筛选' }).click();
		await expect(page.getByText('活动已结束').first()).toBeVisible();
	});
});

test.describe('长辈模式', () => {
	for (const javaScriptEnabled of [true, false]) {
		test(`toggle persists and enlarges text (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
			browser
		}) => {
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			await page.goto('/hotlines');
			const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
			expect(await size()).toBeGreaterThanOrEqual(16);
			await page.getByRole('button', { name: '长辈模式' }).click();
			await expect(page).toHaveURL(/\/hotlines$/);
			await expect(page.locator('body')).toHaveClass(/large-text/);
			expect(await size()).toBeGreaterThanOrEqual(18);
			await page.goto('/');
			await expect(page.locator('body')).toHaveClass(/large-text/);
			const tap = await page.getByRole('button', { name: '搜索' }).boundingBox();
			expect(tap!.height).toBeGreaterThanOrEqual(44);
			await page.getByRole('button', { name: '标准字号' }).click();
			await expect(page.locator('body')).not.toHaveClass(/large-text/);
			await context.close();
		});
	}
});

test.describe('accessibility (axe)', () => {
	const pages = [
		['home', '/'],
		['listing', '/hotlines'],
		['search results', '/search?q=' + encodeURIComponent('医保')]
	];
	for (const [name, url] of pages) {
		test(`${name} has no serious or critical violations`, async ({ page }) => {
			await page.goto(url);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter(
				(v) => v.impact === 'serious' || v.impact === 'critical'
			);
			expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		});
	}

	test('record page has no serious or critical violations', async ({ page }) => {
		const id = await idOf(page, '【测试】2099年全民健身跑报名');
		await page.goto(`/records/${id}`);
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter(
			(v) => v.impact === 'serious' || v.impact === 'critical'
		);
		expect(serious.map((v) => v.id)).toEqual([]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	});
});

test.describe('calendar and feed', () => {
	test('an event can be added to a phone calendar (iCalendar)', async ({ page, request }) => {
		const id = await idOf(page, '【测试】2099年全民健身跑报名');
		await page.goto(`/records/${id}`);
		await expect(page.getByRole('link', { name: '加入手机日历' })).toHaveAttribute(
			'href',
			`/records/${id}/calendar.ics`
		);
		const response = await request.get(`/records/${id}/calendar.ics`);
		expect(response.headers()['content-type']).toContain('text/calendar');
		const ics = await response.text();
		expect(ics).toContain('BEGIN:VEVENT');
		expect(ics).toMatch(/DTSTART;VALUE=DATE:20990501/);
		expect(ics).toContain('【测试】2099年全民健身跑报名');
		const hotline = await idOf(page, '【测试】医保报销咨询电话');
		expect((await request.get(`/records/${hotline}/calendar.ics`)).status()).toBe(404);
	});

	test('the RSS feed lists new notices, per kind, with ID numbers masked', async ({ request }) => {
		const all = await (await request.get('/feed.xml')).text();
		expect(all).toContain('<rss');
		const lost = await (await request.get('/feed.xml?kind=lost_found')).text();
		expect(lost).toContain('【测试】王小明遗失身份证声明');
		expect(lost).not.toContain('【测试】医保报销咨询电话');
	});
});
