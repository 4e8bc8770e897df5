/**
 * Hostile input to every form: the sign-in, the record editor, the new-record form of each kind
 * and the new-account form get oversize fields, control characters, `<script>` in every text
 * field, impossible dates and phone numbers. The answer is never a 5xx: the form comes back with
 * a Chinese message at the field, the rest of what was typed still in it, and nothing stored
 * (table counts before and after). A record holding HTML renders as text in the editor, its
 * history and the public page. Request bodies over the limit get 413 and the server carries on.
 * The request log (stdout) is one JSON line per request and never holds a session token, a
 * password or a full ID number.
 *
 * Runs its own copy of the built server (tests/fixtures/server.ts) so it can read the database
 * and the server's stdout.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { KINDS, type Kind } from '../src/lib/records/kinds';
import {
	LIST_ITEM_MAX,
	LIST_ITEMS_MAX,
	LONG_MAX,
	PHONES_MAX,
	TITLE_MAX
} from '../src/lib/records/schemas';
import { hydrated } from './fixtures/mod';
import { E2E_RECORDS } from './fixtures/records';
import { E2E_ACCOUNTS } from './fixtures/seed';
import {
	getWithSession,
	postForm,
	prepareDatabase,
	readDatabase,
	recordIdByTitle,
	removeDir,
	signInHttp,
	startServer,
	versionOf,
	type HttpSession,
	type Server
} from './fixtures/server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 13;
const URL = `http://localhost:${PORT}`;
test.use({ baseURL: URL });

/** ASCII, so that two such fields stay under the 1M body limit once form-encoded. */
const BIG = 'a'.repeat(100_000);
const CONTROL = '控制\u0000字符\u0007反转\u202e结束';
const SCRIPT = '<script>alert(1)</script>';
const PHONES_10K = Array.from(
	{ length: 10_000 },
	(_, i) => `0731-2${String(i).padStart(7, '0')} 电话${i}`
).join('\n');
const BAD_PHONES = ['12', 'abc', '999999999999999'];
const BAD_DATES = ['2024-13-45', '二〇二四年十三月'];
const DATE_MESSAGE = '日期格式应为 2024-11-05';
const PHONE_MESSAGE = '第 2 行：电话号码格式不对';

/** A valid new record of each kind, the field whose value must survive a refusal, and more. */
const CREATE: Record<
	Kind,
	{ fields: Record<string, string>; kept: string; long: string; date?: string; text: string[] }
> = {
	hotline: {
		fields: { title: '医保咨询', name: '医保咨询', organization: '保留的单位' },
		kept: 'organization',
		long: 'address',
		text: ['title', 'district', 'name', 'organization', 'address', 'hours']
	},
	procedure: {
		fields: {
			title: '怎么办居住证',
			subtype: 'guide',
			department: '保留的部门',
			answer: '带身份证'
		},
		kept: 'department',
		long: 'answer',
		text: ['title', 'district', 'question', 'department', 'answer', 'steps', 'location']
	},
	lost_found: {
		fields: {
			title: '遗失声明',
			subtype: 'void_notice',
			holder: '保留的声明人',
			date: '2024-11-05'
		},
		kept: 'holder',
		long: 'item',
		date: 'date',
		text: ['title', 'district', 'holder', 'documentType', 'item', 'place', 'contactName']
	},
	family_search: {
		fields: {
			title: '寻亲',
			subtype: 'family_seeking',
			personName: '保留的姓名',
			lostAt: '2024-10-01'
		},
		kept: 'personName',
		long: 'features',
		date: 'lostAt',
		text: ['title', 'district', 'personName', 'age', 'place', 'features', 'contactName']
	},
	event: {
		fields: { title: '健身跑报名', organizer: '保留的主办单位', startsOn: '2099-05-01' },
		kept: 'organizer',
		long: 'location',
		date: 'deadline',
		text: ['title', 'district', 'organizer', 'location', 'howToRegister', 'fee', 'audience']
	}
};

let server: Server;
let dir: string;
let dbPath: string;
let mod: HttpSession;
let admin: HttpSession;
let parserContext: BrowserContext;
let parser: Page;

test.beforeAll(async ({ browser }) => {
	test.setTimeout(60_000);
	({ dir, path: dbPath } = await prepareDatabase('hostile'));
	server = await startServer({ port: PORT, databasePath: dbPath });
	mod = await signInHttp(URL, E2E_ACCOUNTS.moderator);
	admin = await signInHttp(URL, E2E_ACCOUNTS.admin);
	// Answers are read with Chromium's own HTML parser, in a page that runs no script.
	parserContext = await browser.newContext({ javaScriptEnabled: false });
	parser = await parserContext.newPage();
});

test.afterAll(async () => {
	await parserContext?.close();
	await server?.stop();
	if (dir) removeDir(dir);
});

/** Rows in every table a refused form might have written to. */
function counts(): Record<string, number> {
	const db = readDatabase(dbPath);
	try {
		const tables = ['records', 'revisions', 'record_phones', 'record_emails', 'record_fts']
			.concat(['users', 'sessions', 'audit_log', 'provenance'])
			.map((t) => [t, db.prepare(`select count(*) from ${t}`).pluck().get() as number]);
		return Object.fromEntries(tables);
	} finally {
		db.close();
	}
}

/** The answer to a refused form, parsed: field messages and the values the form holds again. */
async function refused(response: Response): Promise<{
	message: (selector: string) => Promise<string>;
	value: (name: string, scope?: string) => Promise<string>;
	text: () => Promise<string>;
}> {
	expect(response.status, 'a refused form answers 400').toBe(400);
	await parser.setContent(await response.text(), { waitUntil: 'domcontentloaded' });
	return {
		message: (selector) => parser.locator(selector).first().innerText(),
		value: (name, scope = 'main') =>
			parser.locator(`${scope} [name="${name}"]`).first().inputValue(),
		text: () => parser.locator('main').innerText()
	};
}

test.describe('the sign-in form', () => {
	const cases = [
		{ what: 'oversize', username: BIG, password: BIG, message: '用户名或密码错误' },
		{
			what: 'control characters',
			username: CONTROL,
			password: CONTROL,
			message: '用户名或密码错误'
		},
		{ what: '<script>', username: SCRIPT, password: SCRIPT, message: '用户名或密码错误' },
		{ what: 'empty', username: '', password: 'x', message: '请填写用户名' }
	];
	for (const c of cases) {
		test(`${c.what} fields: a message, the username kept, no session`, async () => {
			const before = counts();
			const anonymous = { url: URL, cookie: '', token: '' };
			const response = await postForm(anonymous, '/mod/login?/login', {
				username: c.username,
				password: c.password,
				next: '/mod'
			});
			expect(response.headers.getSetCookie().join()).not.toContain('session=');
			const form = await refused(response);
			expect(await form.text()).toContain(c.message);
			if (c.what !== 'control characters') expect(await form.value('username')).toBe(c.username);
			const after = counts();
			expect(after.sessions).toBe(before.sessions);
			expect(after.users).toBe(before.users);
		});
	}

	for (const js of [true, false]) {
		test(`with JavaScript ${js ? 'on' : 'off'}: <script> as username shows a message`, async ({
			browser
		}) => {
			const { context, page, dialogs } = await open(browser, { js, signedIn: false });
			await page.goto('/mod/login');
			if (js) await hydrated(page);
			await page.getByLabel('用户名').fill(SCRIPT);
			await page.getByLabel('密码').fill('wrong-password-123');
			await page.getByRole('button', { name: '登录' }).click();
			await expect(page.getByText('用户名或密码错误')).toBeVisible();
			await expect(page.getByLabel('用户名')).toHaveValue(SCRIPT);
			await expect(page).toHaveURL(/\/mod\/login/);
			expect(dialogs).toEqual([]);
			await context.close();
		});
	}
});

test.describe('the new-record form', () => {
	for (const kind of KINDS) {
		test(`${kind}: hostile input is refused with a message and nothing is stored`, async () => {
			const c = CREATE[kind];
			const cases: {
				what: string;
				fields: Record<string, string>;
				errors: Record<string, string>;
			}[] = [
				{
					what: 'oversize title and text',
					fields: { title: BIG, [c.long]: BIG },
					errors: { title: '标题不能超过 200 个字', [c.long]: '不能超过' }
				},
				{
					what: '10,000 phone lines',
					fields: { phones: PHONES_10K },
					errors: { phones: '最多 20 个电话' }
				},
				...BAD_PHONES.map((p) => ({
					what: `phone ${p}`,
					fields: { phones: `0731-28683507 咨询电话\n${p}` },
					errors: { phones: PHONE_MESSAGE }
				})),
				...BAD_DATES.filter(() => c.date).map((d) => ({
					what: `date ${d}`,
					fields: { [c.date!]: d },
					errors: { [c.date!]: DATE_MESSAGE }
				})),
				{
					what: '<script> in every text field, and a bad phone',
					fields: {
						...Object.fromEntries(c.text.map((name) => [name, SCRIPT])),
						phones: `0731-28683507\nabc`
					},
					errors: { phones: PHONE_MESSAGE }
				}
			];
			for (const k of cases) {
				await test.step(k.what, async () => {
					const before = counts();
					const posted: Record<string, string> = {
						kind,
						intent: 'publish',
						...c.fields,
						...k.fields
					};
					const form = await refused(await postForm(mod, '/mod/records/new', posted));
					for (const [name, message] of Object.entries(k.errors))
						expect(await form.message(`#f-${name}-error`)).toContain(message);
					await expect(parser.locator('.error-summary')).toContainText('请修改以下问题');
					// Everything typed is back in the form, hostile text included.
					for (const name of [c.kept, 'title', ...Object.keys(k.fields)])
						expect(await form.value(name), name).toBe(posted[name]);
					expect(counts()).toEqual(before);
				});
			}
		});
	}

	test('a posted kind that is no kind is refused with a message', async () => {
		for (const kind of ['weather', 'constructor', '__proto__', SCRIPT]) {
			const before = counts();
			const form = await refused(
				await postForm(mod, '/mod/records/new', { kind, title: '标题', intent: 'publish' })
			);
			expect(await form.text()).toContain('请选择类别');
			expect(counts()).toEqual(before);
		}
	});

	test('control characters are dropped, <script> is stored as text', async () => {
		const title = `控制字符${Date.now()}`;
		const response = await postForm(mod, '/mod/records/new', {
			kind: 'hotline',
			intent: 'publish',
			title: `${title}\u0000\u0007\u202e${SCRIPT}`,
			name: `名称\u0000${SCRIPT}`,
			organization: '单位\u202e1662-1370'
		});
		expect(response.status).toBe(303);
		const id = Number(/\/mod\/records\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);
		const db = readDatabase(dbPath);
		const row = db.prepare('select title, data from records where id = ?').get(id) as {
			title: string;
			data: string;
		};
		db.close();
		expect(row.title).toBe(`${title}${SCRIPT}`);
		const data = JSON.parse(row.data) as Record<string, unknown>;
		expect(data).toMatchObject({ name: `名称${SCRIPT}`, organization: '单位1662-1370' });
		for (const control of ['\u0000', '\u0007', '\u202e'])
			expect(JSON.stringify(data) + row.title).not.toContain(control);
	});

	for (const js of [true, false]) {
		test(`with JavaScript ${js ? 'on' : 'off'}: messages at the fields, input kept`, async ({
			browser
		}) => {
			const { context, page, dialogs } = await open(browser, { js, signedIn: true });
			await page.goto('/mod/records/new?kind=lost_found');
			if (js) await hydrated(page);
			await page.locator('#f-title').fill(BIG);
			await page.locator('#f-subtype').selectOption('void_notice');
			await page.locator('#f-holder').fill(SCRIPT);
			await page.locator('#f-place').fill('神农公园');
			await page.locator('#f-date').fill('二〇二四年十三月');
			await page.locator('#f-phones').fill('0731-28683507 王先生\n999999999999999');
			const before = counts();
			await page.getByRole('button', { name: '预览后发布' }).click();
			const summary = page.locator('.error-summary');
			await expect(summary).toContainText('标题：标题不能超过 200 个字');
			await expect(summary).toContainText(`日期：${DATE_MESSAGE}`);
			await expect(summary).toContainText(`电话：${PHONE_MESSAGE}`);
			await expect(page.locator('#f-date-error')).toHaveText(DATE_MESSAGE);
			await expect(page.locator('#f-title')).toHaveValue(BIG);
			await expect(page.locator('#f-subtype')).toHaveValue('void_notice');
			await expect(page.locator('#f-holder')).toHaveValue(SCRIPT);
			await expect(page.locator('#f-place')).toHaveValue('神农公园');
			await expect(page.locator('#f-date')).toHaveValue('二〇二四年十三月');
			await expect(page.locator('#f-phones')).toHaveValue('0731-28683507 王先生\n999999999999999');
			expect(counts()).toEqual(before);
			expect(dialogs).toEqual([]);
			await context.close();
		});
	}
});

test.describe('the record editor', () => {
	test('hostile input is refused with a message; the record is unchanged', async () => {
		const hotline = E2E_RECORDS.hotline;
		const id = recordIdByTitle(dbPath, hotline.title);
		const notice = recordIdByTitle(dbPath, E2E_RECORDS.voidNotice.title);
		const base = {
			kind: 'hotline',
			title: hotline.title,
			name: hotline.fields.name,
			organization: hotline.fields.organization,
			hours: hotline.fields.hours,
			phones: '0731-28683507 咨询电话',
			intent: 'save'
		};
		const noticeBase = {
			kind: 'lost_found',
			subtype: 'void_notice',
			title: E2E_RECORDS.voidNotice.title,
			holder: '王小明',
			intent: 'save'
		};
		const cases: {
			what: string;
			id: number;
			fields: Record<string, string>;
			errors: Record<string, string>;
		}[] = [
			{
				what: 'oversize title and name',
				id,
				fields: { ...base, title: BIG, name: BIG },
				errors: { title: '标题不能超过 200 个字', name: '不能超过 200 个字' }
			},
			{
				what: '10,000 phone lines',
				id,
				fields: { ...base, phones: PHONES_10K },
				errors: { phones: '最多 20 个电话' }
			},
			...BAD_PHONES.map((p) => ({
				what: `phone ${p}`,
				id,
				fields: { ...base, phones: `0731-28683507 咨询电话\n${p}` },
				errors: { phones: PHONE_MESSAGE }
			})),
			{
				what: '<script> everywhere and a bad phone',
				id,
				fields: {
					...base,
					title: SCRIPT,
					name: SCRIPT,
					hours: SCRIPT,
					address: SCRIPT,
					phones: '0731-28683507\n12'
				},
				errors: { phones: PHONE_MESSAGE }
			},
			...BAD_DATES.map((d) => ({
				what: `date ${d}`,
				id: notice,
				fields: { ...noticeBase, date: d },
				errors: { date: DATE_MESSAGE }
			}))
		];
		for (const k of cases) {
			await test.step(k.what, async () => {
				const before = counts();
				const page = await getWithSession(mod, `/mod/records/${k.id}`);
				const version = versionOf(await page.text());
				const fields = { ...k.fields, version: String(version) };
				const form = await refused(await postForm(mod, `/mod/records/${k.id}?/save`, fields));
				for (const [name, message] of Object.entries(k.errors))
					expect(await form.message(`#f-${name}-error`)).toContain(message);
				for (const name of ['title', 'phones'].filter((n) => n in k.fields))
					expect(await form.value(name), name).toBe(fields[name as keyof typeof fields]);
				// The form still carries the version it was loaded with, so a corrected save works.
				expect(await form.value('version')).toBe(String(version));
				expect(counts()).toEqual(before);
			});
		}
	});

	test('with JavaScript on: messages at the fields, input kept', async ({ browser }) => {
		const { context, page, dialogs } = await open(browser, { js: true, signedIn: true });
		const id = recordIdByTitle(dbPath, E2E_RECORDS.hotline.title);
		await page.goto(`/mod/records/${id}`);
		await hydrated(page);
		await page.locator('#f-title').fill(BIG);
		await page.locator('#f-hours').fill(SCRIPT);
		await page.locator('#f-phones').fill('0731-28683507\nabc');
		const before = counts();
		// A live record's edit goes through 预览 first: refused there, as a save would be.
		await page.getByRole('button', { name: '预览修改' }).click();
		await expect(page.locator('#f-title-error')).toHaveText('标题不能超过 200 个字');
		await expect(page.locator('#f-phones-error')).toHaveText(PHONE_MESSAGE);
		await expect(page.locator('#f-title')).toHaveValue(BIG);
		await expect(page.locator('#f-hours')).toHaveValue(SCRIPT);
		await expect(page.locator('#f-phones')).toHaveValue('0731-28683507\nabc');
		expect(counts()).toEqual(before);
		expect(dialogs).toEqual([]);
		await context.close();
	});
});

test.describe('the new-account form', () => {
	const cases = [
		{
			what: 'oversize username',
			username: BIG,
			password: 'good-pass-1234',
			message: '用户名只能用'
		},
		{ what: 'oversize password', username: 'newuser1', password: BIG, message: '密码不能超过' },
		{ what: 'control characters', username: CONTROL, password: CONTROL, message: '用户名只能用' },
		{ what: '<script>', username: SCRIPT, password: SCRIPT, message: '用户名只能用' }
	];
	for (const c of cases) {
		test(`${c.what}: a message, the username kept, no account`, async () => {
			const before = counts();
			const response = await postForm(admin, '/mod/users?/create', {
				username: c.username,
				role: 'moderator',
				password: c.password,
				confirm: c.password
			});
			const form = await refused(response);
			const create = 'form[action="?/create"]';
			expect(await form.message(`${create} .error-message`)).toContain(c.message);
			if (c.what !== 'control characters')
				expect(await form.value('username', create)).toBe(c.username);
			expect(await form.value('role', create)).toBe('moderator');
			expect(counts()).toEqual(before);
		});
	}
});

test('HTML in a saved record renders as text in the editor, its history and the public page', async ({
	browser
}) => {
	const title = `【测试】渲染<script>alert(1)</script><img src=x onerror=alert(2)>`;
	const created = await postForm(mod, '/mod/records/new', {
		kind: 'procedure',
		intent: 'publish',
		title,
		subtype: 'qa',
		question: '<img src=x onerror=alert(3)>怎么办？',
		answer: '<script>alert(4)</script>请带身份证'
	});
	expect(created.status).toBe(303);
	const id = Number(/\/mod\/records\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);

	const { context, page, dialogs } = await open(browser, { js: true, signedIn: true });
	await page.goto(`/mod/records/${id}`);
	await hydrated(page);
	const edited = `${title}<svg onload=alert(5)>`;
	await page.locator('#f-title').fill(edited);
	await page.locator('#f-answer').fill('<iframe src="javascript:alert(6)"></iframe>');
	await page.getByRole('button', { name: '预览修改' }).click();
	// The preview renders the markup as text, as the public page does.
	await expect(page.getByRole('region', { name: /预览/ })).toContainText(
		'<iframe src="javascript:alert(6)"></iframe>'
	);
	await page.getByRole('button', { name: '确认保存' }).click();
	await expect(page.locator('.done')).toHaveText('已保存');
	await expect(page.locator('#f-title')).toHaveValue(edited);
	await expect(page.locator('#f-question')).toHaveValue('<img src=x onerror=alert(3)>怎么办？');

	await page.goto(`/mod/records/${id}/history`);
	await expect(page.locator('main')).toContainText(edited);
	await expect(page.locator('main')).toContainText('<script>alert(4)</script>请带身份证');
	await expect(page.locator('main')).toContainText('<iframe src="javascript:alert(6)"></iframe>');

	await page.goto(`/records/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(edited);
	await expect(page.locator('main')).toContainText('<img src=x onerror=alert(3)>怎么办？');

	for (const path of [`/mod/records/${id}`, `/mod/records/${id}/history`, `/records/${id}`]) {
		await page.goto(path);
		const injected = await page.evaluate(
			() =>
				document.querySelectorAll('main img[onerror], main svg[onload], main iframe, main script')
					.length
		);
		expect(injected, `no element made from the record's text on ${path}`).toBe(0);
	}
	expect(dialogs).toEqual([]);
	await context.close();
});

test('the RSS feed stays well-formed XML whatever a title holds', async ({ page }) => {
	const title = `【测试】订阅]]>一]]><script>alert(7)</script><link>http://evil.example/</link>`;
	const created = await postForm(mod, '/mod/records/new', {
		kind: 'hotline',
		intent: 'publish',
		title,
		name: '订阅测试',
		district: '区]]>县]]><b>粗</b>'
	});
	expect(created.status).toBe(303);
	const xml = await (await fetch(`${URL}/feed.xml`)).text();
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent),
			descriptions: [...doc.querySelectorAll('item > description')].map((t) => t.textContent),
			injected: doc.querySelectorAll('script, b, item > link:not(:first-of-type)').length,
			// Readers render <description> as HTML: what they would show, and whether it has markup.
			rendered: [...doc.querySelectorAll('item > description')].map((t) => {
				const html = new DOMParser().parseFromString(t.textContent ?? '', 'text/html');
				return { text: html.body.textContent, elements: html.body.querySelectorAll('*').length };
			})
		};
	}, xml);
	expect(parsed.error).toBeNull();
	expect(parsed.injected).toBe(0);
	expect(parsed.titles).toContain(title.replaceAll(']]>', ']] >'));
	// Escaped HTML, ending with the date the notice was printed (here: posted today).
	const description =
		/^便民电话 · 区\]\]&gt;县\]\]&gt;&lt;b&gt;粗&lt;\/b&gt; · \d{4}年\d+月\d+日刊登$/;
	expect(parsed.descriptions).toContainEqual(expect.stringMatching(description));
	expect(parsed.rendered).toContainEqual({
		text: expect.stringMatching(/^便民电话 · 区\]\]>县\]\]><b>粗<\/b> · \d{4}年\d+月\d+日刊登$/),
		elements: 0
	});
	expect(parsed.rendered.every((r) => r.elements === 0)).toBe(true);
});

test.describe('request body limit', () => {
	for (const target of ['this server', 'the e2e server']) {
		test(`${target}: a body over 1M is refused with 413 and the server keeps serving`, async () => {
			const url =
				target === 'this server' ? URL : `http://localhost:${process.env.E2E_PORT ?? 4173}`;
			const body = 'kind=hotline&title=' + 'a'.repeat(1_100_000);
			// Signed in: a signed-out post to a moderator page is refused (401) before its body is read.
			const session =
				target === 'this server' ? mod : await signInHttp(url, E2E_ACCOUNTS.moderator);
			const headers = {
				cookie: session.cookie,
				origin: url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			};
			for (const path of ['/mod/login?/login', '/mod/records/new']) {
				const response = await fetch(url + path, {
					method: 'POST',
					headers,
					body,
					redirect: 'manual'
				});
				expect(response.status, path).toBe(413);
				expect(await response.text()).toContain('提交的内容太大');
			}
			// Streamed without a length: counted as it arrives.
			const stream = new ReadableStream({
				start(controller) {
					for (let i = 0; i < 12; i++)
						controller.enqueue(new TextEncoder().encode('a'.repeat(100_000)));
					controller.close();
				}
			});
			const chunked = await fetch(`${url}/mod/login?/login`, {
				method: 'POST',
				headers,
				body: stream,
				redirect: 'manual',
				duplex: 'half'
			} as RequestInit);
			expect(chunked.status).toBe(413);
			expect((await fetch(`${url}/healthz`)).status).toBe(200);
			expect((await fetch(`${url}/search?q=${encodeURIComponent('医保')}`)).status).toBe(200);
		});
	}
	test('the largest record the form allows still fits under the limit', async () => {
		const before = counts();
		const list = (ch: string) =>
			Array.from({ length: LIST_ITEMS_MAX }, () => ch.repeat(LIST_ITEM_MAX)).join('\n');
		// About 540 kB form-encoded (a Chinese character is 9 bytes as %XX%XX%XX).
		const response = await postForm(mod, '/mod/records/new', {
			kind: 'procedure',
			intent: 'draft',
			subtype: 'guide',
			title: '办'.repeat(TITLE_MAX),
			question: '问'.repeat(LONG_MAX),
			answer: '答'.repeat(LONG_MAX),
			steps: list('步'),
			requirements: list('材'),
			phones: Array.from({ length: PHONES_MAX }, (_, i) => `0731-2868${1000 + i} 电话`).join('\n')
		});
		expect(response.status).toBe(303);
		expect(counts().records).toBe(before.records + 1);
	});
});

test('the request log: one JSON line per request, no token, password or ID number', async () => {
	const session = await signInHttp(URL, E2E_ACCOUNTS.moderator2);
	const idNumber = E2E_RECORDS.voidNotice.fields.documentNumber;
	const searched = [
		`/search?q=${idNumber}`,
		`/api/search?q=${idNumber}`,
		`/search?q=${encodeURIComponent('王小明 ' + idNumber)}`
	];
	for (const path of searched) expect((await fetch(URL + path)).status).toBe(200);
	// An ID number in the path itself is masked by the logger.
	expect((await fetch(`${URL}/records/${idNumber}`)).status).toBe(404);
	await getWithSession(session, '/mod');
	await postForm({ url: URL, cookie: '', token: '' }, '/mod/login?/login', {
		username: E2E_ACCOUNTS.moderator2.username,
		password: 'a-wrong-password-9876'
	});
	await expect.poll(() => server.lines.some((l) => l.includes('"/records/430203'))).toBe(true);

	const secrets = [
		mod.token,
		admin.token,
		session.token,
		idNumber,
		'a-wrong-password-9876',
		...Object.values(E2E_ACCOUNTS).map((a) => a.password)
	];
	// adapter-node's own start-up line, then nothing but request lines.
	const lines = server.lines.filter((l) => !/^Listening on /.test(l));
	expect(lines.length).toBeGreaterThan(5);
	for (const line of lines) {
		const entry = JSON.parse(line) as Record<string, unknown>;
		expect(typeof entry.id, line).toBe('string');
		expect(entry.id, line).toMatch(/^[0-9a-f-]{36}$/);
		expect(['GET', 'POST', 'HEAD'], line).toContain(entry.method);
		expect(typeof entry.path, line).toBe('string');
		expect(entry.path as string, line).toMatch(/^\/[^?]*$/);
		expect(Number.isInteger(entry.status), line).toBe(true);
		expect(typeof entry.ms, line).toBe('number');
		for (const secret of secrets) expect(line, 'a secret in the log').not.toContain(secret);
	}
	const paths = lines.map((l) => JSON.parse(l) as { path: string; status: number });
	expect(paths).toContainEqual(expect.objectContaining({ path: '/search', status: 200 }));
	expect(paths).toContainEqual(expect.objectContaining({ path: '/records/430203********0011' }));
	for (const secret of secrets) expect(server.stderr()).not.toContain(secret);
	expect(server.stderr(), 'no server error was logged during the hostile forms').toBe('');
});

/** A fresh browser context on this file's server, signed in as the moderator or not. */
async function open(
	browser: Browser,
	{ js, signedIn }: { js: boolean; signedIn: boolean }
): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
	const context = await browser.newContext({
		baseURL: URL,
		javaScriptEnabled: js,
		locale: 'zh-CN'
	});
	if (signedIn) await context.addCookies([{ name: 'session', value: mod.token, url: URL }]);
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return { context, page, dialogs };
}
