import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_RECORDS, E2E_STATE_RECORDS } from './fixtures/records';

/**
 * Issue 14: the public pages right in every state, as residents use them — with JavaScript
 * off (the public pages ship none of the framework), on a phone, in 长辈模式.
 */
test.use({ javaScriptEnabled: false });

async function idOf(request: APIRequestContext, title: string): Promise<number> {
	const response = await request.get(`/api/search?q=${encodeURIComponent(title)}`);
	const body = (await response.json()) as { results: { id: number; title: string }[] };
	const hit = body.results.find((r) => r.title === title);
	expect(hit, `record "${title}" is searchable`).toBeDefined();
	return hit!.id;
}

async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Every link and button in `main` and the footer that is smaller than 44 × 44 px. */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const small: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(
			'main a, main button, main summary, footer a, header a, header button'
		)) {
			const box = el.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue; // hidden (copy buttons without JS)
			// Inline links inside running text are exempt (WCAG 2.5.8); everything else is a target.
			if (el.closest('p.hint, .passage, .qa, .freshness')) continue;
			if (box.height < 44 || box.width < 44)
				small.push(
					`${el.textContent?.trim().slice(0, 20)} ${Math.round(box.width)}×${Math.round(box.height)}`
				);
		}
		return small;
	});
}

test.describe('phone numbers where people look', () => {
	test('the hotline list reads like a phone book: name, unit and hours, a large tel: link', async ({
		page
	}) => {
		await page.goto('/hotlines');
		const row = page.getByRole('listitem').filter({ hasText: E2E_RECORDS.hotline.title });
		await expect(row).toContainText('测试市医疗保障局');
		await expect(row).toContainText('工作日 9:00-17:00');
		const call = row.getByRole('link', { name: /0731-28683507/ });
		await expect(call).toHaveAttribute('href', 'tel:073128683507');
		const box = (await call.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(44);
		expect(await smallTargets(page)).toEqual([]);
	});

	test('every other listing and the home page offer the main number too', async ({ page }) => {
		await page.goto('/events');
		const event = page.getByRole('listitem').filter({ hasText: E2E_RECORDS.eventUpcoming.title });
		await expect(event.getByRole('link', { name: /13307330000/ })).toHaveAttribute(
			'href',
			'tel:13307330000'
		);
		await page.goto('/');
		const newest = page.getByRole('region', { name: '最新信息' });
		await expect(newest.locator('a[href^="tel:"]').first()).toBeVisible();
		expect(await smallTargets(page)).toEqual([]);
	});
});

test.describe('长辈模式 at 320 px', () => {
	// axe runs inside the page, so this suite keeps JavaScript on (the pages ship only
	// static/enhance.js: its copy buttons make the layout wider, never narrower).
	test.use({ viewport: { width: 320, height: 640 }, javaScriptEnabled: true });

	test('is a real step up: 22 px text, looser lines, 44-px targets, no sideways scrolling', async ({
		page,
		context,
		baseURL
	}) => {
		const hotline = await idOf(page.request, E2E_RECORDS.hotline.title);
		const paths = ['/', '/hotlines', '/family-search', `/records/${hotline}`];
		const standard: number[] = [];
		for (const path of paths) {
			await page.goto(path);
			standard.push(
				await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
			);
		}
		await context.addCookies([{ name: 'large_text', value: '1', url: baseURL! }]);
		for (const [i, path] of paths.entries()) {
			await page.goto(path);
			const { size, lineHeight, overflow } = await page.evaluate(() => {
				const style = getComputedStyle(document.body);
				return {
					size: parseFloat(style.fontSize),
					lineHeight: parseFloat(style.lineHeight),
					overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
				};
			});
			expect(size, path).toBeGreaterThanOrEqual(22);
			expect(size, path).toBeGreaterThan(standard[i] * 1.2);
			expect(lineHeight / size, path).toBeGreaterThanOrEqual(1.75);
			expect(overflow, path).toBeLessThanOrEqual(0);
			expect(await smallTargets(page), path).toEqual([]);
			const button = await page.getByRole('button', { name: '标准字号' }).boundingBox();
			expect(button!.height, path).toBeGreaterThanOrEqual(52);
			expect(await seriousViolations(page), path).toEqual([]);
		}
	});
});

test.describe('states, in one vocabulary', () => {
	test('a 公告期 runs out by itself: 公告期已满 in the list and on the record; the list can hide it', async ({
		page
	}) => {
		const title = E2E_STATE_RECORDS.noticeOver.title;
		await page.goto('/family-search');
		const row = page.getByRole('listitem').filter({ hasText: title });
		await expect(row).toContainText('公告期已满');
		await page.getByText('筛选和排序').click();
		await page.getByLabel('只看公告期内的').check();
		await page.getByRole('button', { name: '筛选' }).click();
		await expect(page).toHaveURL(/open=1/);
		await expect(page.getByRole('link', { name: title })).toHaveCount(0);
		await page.goto(`/records/${await idOf(page.request, title)}`);
		await expect(page.locator('main')).toContainText('公告期已满');
		await expect(page.locator('main')).not.toContainText('公告期至');
	});

	test('a claimed item reads 已认领 in the list and on the record, and leaves the default list', async ({
		page
	}) => {
		const title = E2E_STATE_RECORDS.claimed.title;
		await page.goto('/lost-found');
		await expect(page.getByRole('link', { name: title })).toHaveCount(0);
		await page.goto('/lost-found?resolved=1');
		await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText('已认领');
		await page.getByRole('link', { name: title }).click();
		await expect(page.locator('main .status')).toContainText('已认领');
		await expect(page.locator('main')).not.toContainText('已解决');
	});

	test('the home page counts what each listing shows by default', async ({ page }) => {
		await page.goto('/');
		const links = page.getByRole('region', { name: '分类浏览' }).getByRole('link');
		const found: [string, string][] = [];
		for (let i = 0; i < 5; i++) {
			const href = (await links.nth(i).getAttribute('href'))!;
			const count = (await links.nth(i).locator('.count').textContent())!.match(/\d+/)![0];
			found.push([href, count]);
		}
		for (const [href, count] of found) {
			await page.goto(href);
			await expect(page.locator('main .hint').first(), href).toContainText(`共 ${count} 条`);
		}
	});
});

test.describe('search results', () => {
	test('show the date printed and the state, like the listings, in the page and the API', async ({
		page
	}) => {
		const title = E2E_STATE_RECORDS.noticeOver.title;
		await page.goto('/search?q=' + encodeURIComponent('查找女婴生父母公告'));
		const item = page.locator('.results > li').filter({ hasText: title });
		await expect(item).toContainText('公告期已满');
		await expect(item.locator('.issued')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 刊登$/);
		const response = await page.request.get(
			'/api/search?q=' + encodeURIComponent('查找女婴生父母公告')
		);
		const body = (await response.json()) as {
			results: { title: string; issuedOn: string; dateEnd: string; states: string[] }[];
		};
		const hit = body.results.find((r) => r.title === title)!;
		expect(hit.states).toEqual(['公告期已满']);
		expect(hit.dateEnd).toBe('2025-04-06');
		expect(hit.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	test('the browse counts are what each listing shows by default', async ({ page }) => {
		await page.goto('/search');
		const found: [string, string][] = [];
		for (const item of await page.locator('.browse li').all()) {
			const href = (await item.getByRole('link').getAttribute('href'))!;
			found.push([href, (await item.locator('.hint').textContent())!.match(/\d+/)![0]]);
		}
		expect(found).toHaveLength(5);
		for (const [href, count] of found) {
			await page.goto(href);
			await expect(page.locator('main .hint').first(), href).toContainText(`共 ${count} 条`);
		}
	});
});

test.describe('dates', () => {
	test('a record says when it was printed and that it may be out of date', async ({ page }) => {
		// Seed page 001 was printed on 2020-08-05 (seeds/manifest.json).
		const response = await page.request.get('/api/records?kind=procedure&since=2020-08-05');
		const body = (await response.json()) as { results: { id: number; issuedOn: string }[] };
		const old = body.results.find((r) => r.issuedOn === '2020-08-05');
		expect(old).toBeDefined();
		await page.goto(`/records/${old!.id}`);
		await expect(page.locator('.freshness')).toContainText(
			'信息来自 2020年8月5日的株洲日报（约 6 年前），可能已有变化，请以有关部门答复为准'
		);
	});

	test('lists show the date printed, newest first, and the date filter keeps 遗失声明', async ({
		page
	}) => {
		await page.goto('/procedures');
		const dates = await page.locator('.results .issued').allTextContents();
		expect(dates.length).toBeGreaterThan(3);
		const iso = dates.map((d) => {
			const [, y, m, day] = /(\d{4})年(\d+)月(\d+)日/.exec(d)!;
			return `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`;
		});
		expect(iso).toEqual([...iso].sort().reverse());
		// The seed 遗失声明 of 2024-11-05 carry no date of their own: the filter reads the page's.
		await page.goto('/lost-found?from=2024-11-05&to=2024-11-05');
		await expect(page.locator('.results > li')).not.toHaveCount(0);
		// Each is there by its own date or, lacking one, by the date printed (other suites may add
		// notices dated that day); the seed notices are there by the date printed.
		for (const item of await page.locator('.results > li').all())
			await expect(item).toContainText('2024年11月5日');
		await expect(
			page.locator('.results > li').filter({ hasText: '2024年11月5日 刊登' })
		).not.toHaveCount(0);
		await page.goto('/lost-found?since=2030-01-01');
		await expect(page.getByRole('heading', { name: '没有找到符合条件的信息' })).toBeVisible();
	});
});

for (const [list, record] of [
	['/hotlines', E2E_STATE_RECORDS.reprinted],
	['/lost-found', E2E_STATE_RECORDS.reprintedNotice]
] as const)
	test(`${list}: a notice printed twice is listed once, with 另有 1 处刊登 linking the other`, async ({
		page
	}) => {
		const title = record.title;
		await page.goto(list);
		await expect(page.getByRole('link', { name: title })).toHaveCount(1);
		await page
			.locator('.results > li')
			.filter({ hasText: title })
			.getByRole('link', { name: '另有 1 处刊登' })
			.click();
		await expect(page.getByRole('heading', { name: '另有 1 处刊登' })).toBeVisible();
		const other = page.getByRole('region', { name: '另有 1 处刊登' }).getByRole('link');
		await other.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	});

test.describe('bad input and small things', () => {
	test('bad page numbers give the first page, never an error', async ({ page }) => {
		for (const url of ['/hotlines?page=abc', '/hotlines?page=600', '/hotlines?page=-1']) {
			const response = await page.goto(url);
			expect(response?.status(), url).toBe(200);
			await expect(page.getByRole('alert'), url).toHaveCount(0);
			await expect(page.getByRole('link', { name: E2E_RECORDS.hotline.title }), url).toBeVisible();
		}
		for (const url of ['/search?q=医保&page=abc', '/search?q=医保&page=600']) {
			const response = await page.goto(url);
			expect(response?.status(), url).toBe(200);
			// Past the end is the last page that has results, never an empty page.
			await expect(page.getByRole('link', { name: E2E_RECORDS.hotline.title }), url).toBeVisible();
		}
		const api = await page.request.get('/api/search?q=' + encodeURIComponent('医保') + '&page=600');
		const body = (await api.json()) as { page: number; pages: number; results: unknown[] };
		expect(body.page).toBe(body.pages);
		expect(body.results.length).toBeGreaterThan(0);
		expect((await page.request.get('/api/records?page=x')).status()).toBe(200);
	});

	test('404 and error pages have a title', async ({ page }) => {
		for (const url of ['/records/99999999', '/no-such-page']) {
			const response = await page.goto(url);
			expect(response?.status()).toBe(404);
			await expect(page).toHaveTitle(/没有找到这个页面 · 便民/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		}
	});

	test('HTML is sent compressed when the client accepts it', async ({ request }) => {
		const plain = await request.get('/hotlines', { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers()['content-encoding']).toBeUndefined();
		const size = Number(plain.headers()['content-length'] ?? (await plain.body()).length);
		for (const encoding of ['br', 'gzip']) {
			const sent = await request.get('/hotlines', { headers: { 'accept-encoding': encoding } });
			expect(sent.headers()['content-encoding']).toBe(encoding);
			expect(sent.headers()['vary']).toContain('Accept-Encoding');
			expect(Number(sent.headers()['content-length'])).toBeLessThan(size / 3);
		}
	});

	test('a record with nothing for the 要点 box draws none', async ({ page }) => {
		await page.goto(`/records/${await idOf(page.request, E2E_RECORDS.voidNotice.title)}`);
		await expect(page.getByRole('region', { name: '要点' })).toHaveCount(0);
		await page.goto(`/records/${await idOf(page.request, E2E_RECORDS.hotline.title)}`);
		await expect(page.getByRole('region', { name: '要点' })).toHaveCount(1);
	});
});

test.describe('open to other sites', () => {
	test('robots.txt names the sitemap, which lists the records', async ({ request, baseURL }) => {
		const robots = await (await request.get('/robots.txt')).text();
		expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
		expect(robots).toContain('Disallow: /mod');
		const sitemap = await request.get('/sitemap.xml');
		expect(sitemap.headers()['content-type']).toContain('xml');
		const id = await idOf(request, E2E_RECORDS.hotline.title);
		expect(await sitemap.text()).toContain(`<loc>${baseURL}/records/${id}</loc>`);
	});

	test('record pages carry canonical, description, Open Graph and valid JSON-LD', async ({
		page,
		baseURL
	}) => {
		const id = await idOf(page.request, E2E_RECORDS.eventUpcoming.title);
		await page.goto(`/records/${id}`);
		await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
			'href',
			`${baseURL}/records/${id}`
		);
		await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /13307330000/);
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
			'content',
			E2E_RECORDS.eventUpcoming.title
		);
		const ld = JSON.parse(
			(await page.locator('script[type="application/ld+json"]').textContent())!
		);
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Event',
			startDate: '2099-05-01',
			location: { '@type': 'Place', name: '神奇广场' },
			organizer: { '@type': 'Organization', name: '测试体育局' }
		});
		// Private notices carry no JSON-LD, and the ID number stays masked in the page head too.
		await page.goto(`/records/${await idOf(page.request, E2E_RECORDS.voidNotice.title)}`);
		await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
		expect(await page.content()).not.toContain('199912120011');
	});

	test('the JSON API lists without a search term, with CORS, and says no to a wrong kind', async ({
		request
	}) => {
		const response = await request.get(
			'/api/records?kind=hotline&district=' + encodeURIComponent('高新区')
		);
		expect(response.headers()['access-control-allow-origin']).toBe('*');
		const body = (await response.json()) as {
			total: number;
			results: { title: string; phone: string | null; url: string }[];
		};
		expect(body.results).toContainEqual(
			expect.objectContaining({ title: E2E_RECORDS.hotline.title, phone: '0731-28683507' })
		);
		expect((await request.get('/api/records?kind=phonebook')).status()).toBe(400);
		expect((await request.get('/api/records?since=yesterday')).status()).toBe(400);
		const preflight = await request.fetch('/api/records', { method: 'OPTIONS' });
		expect(preflight.status()).toBe(204);
		expect(preflight.headers()['access-control-allow-origin']).toBe('*');
		const openapi = await (await request.get('/openapi.json')).json();
		expect(Object.keys(openapi.paths)).toEqual(
			expect.arrayContaining([
				'/api/records',
				'/api/records/{id}',
				'/api/search',
				'/api/export.ndjson'
			])
		);
	});

	test('the bulk export is one masked JSON record per line', async ({ request }) => {
		const response = await request.get('/api/export.ndjson');
		expect(response.headers()['content-type']).toContain('application/x-ndjson');
		const text = await response.text();
		const lines = text
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(lines.length).toBeGreaterThan(20);
		const notice = lines.find((r) => r.title === E2E_RECORDS.voidNotice.title);
		expect(notice.fields.documentNumber).toBe('430203********0011');
		expect(text).not.toContain('199912120011');
	});

	test('RSS per category and per search; an unknown kind is a 400', async ({ request }) => {
		expect((await request.get('/feed.xml?kind=nope')).status()).toBe(400);
		const search = await (await request.get('/feed.xml?q=' + encodeURIComponent('医保'))).text();
		expect(search).toContain(E2E_RECORDS.hotline.title);
		expect(search).not.toContain(E2E_RECORDS.eventUpcoming.title);
		const events = await (await request.get('/feed.xml?kind=event')).text();
		expect(events).toContain(E2E_RECORDS.eventUpcoming.title);
		expect(events).not.toContain(E2E_RECORDS.hotline.title);
	});
});

test.describe('accessibility (axe), standard mode', () => {
	test.use({ javaScriptEnabled: true });
	for (const path of [
		'/',
		'/hotlines',
		'/family-search',
		'/lost-found?resolved=1',
		'/events',
		'/no-such-page'
	]) {
		test(`${path} has no serious violations`, async ({ page }) => {
			await page.goto(path);
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
});
