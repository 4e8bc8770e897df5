import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { baseUrl, hydrated, signIn } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

const FAILED = '用户名或密码错误';
const THROTTLED = '尝试次数过多，请15分钟后再试';

test('the sign-in page sends CSP without inline scripts, nosniff, a referrer policy, no framing', async ({
	request
}) => {
	const response = await request.get('/mod/login');
	expect(response.status()).toBe(200);
	const headers = response.headers();
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
	expect(scriptSrc).not.toContain('unsafe-inline');
	expect(scriptSrc.trim()).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('the sign-in page has no serious accessibility problems', async ({ page }) => {
	await page.goto('/mod/login');
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	).toEqual([]);
});

test('a cross-site form post is refused by the origin check', async ({ request }) => {
	const response = await request.post('/mod/login?/login', {
		form: { username: E2E_ACCOUNTS.moderator.username, password: E2E_ACCOUNTS.moderator.password },
		headers: { origin: 'https://evil.example' }
	});
	expect(response.status()).toBe(403);
});

test('signing in leads back to the page asked for, with a safe session cookie', async ({
	page,
	context
}) => {
	await page.goto('/mod/records');
	await expect(page).toHaveURL('/mod/login?next=%2Fmod%2Frecords');
	await hydrated(page);
	await page.getByLabel('用户名').fill(E2E_ACCOUNTS.moderator2.username);
	await page.getByLabel('密码').fill(E2E_ACCOUNTS.moderator2.password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL('/mod/records');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('所有记录');
	await expect(page.getByRole('link', { name: '管理', exact: true })).toBeVisible();
	const cookie = (await context.cookies()).find((c) => c.name === 'session')!;
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
	expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
	// ~30 days
	expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(29 * 86_400_000);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a wrong password and an unknown user get the very same answer', async ({ page }) => {
		const answers: { status: number; alert: string }[] = [];
		for (const username of [E2E_ACCOUNTS.moderator2.username, 'no-such-user']) {
			await page.goto('/mod/login');
			await page.getByLabel('用户名').fill(username);
			await page.getByLabel('密码').fill('wrong-password-1');
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: '登录' }).click()
			]);
			await expect(page.getByRole('alert')).toBeVisible();
			answers.push({ status: response.status(), alert: await page.getByRole('alert').innerText() });
			// The name comes back in the form, the password never does.
			await expect(page.getByLabel('用户名')).toHaveValue(username);
			await expect(page.getByLabel('密码')).toHaveValue('');
		}
		expect(answers[0]).toEqual({ status: 400, alert: FAILED });
		expect(answers[1]).toEqual(answers[0]);
	});

	test('the 11th attempt within 15 minutes is refused, even with the right password', async ({
		page,
		request
	}) => {
		const account = E2E_ACCOUNTS.throttled;
		for (let i = 1; i <= 10; i++) {
			const response = await request.post('/mod/login?/login', {
				form: { username: account.username, password: `wrong-password-${i}` },
				headers: { origin: baseUrl(), accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), `attempt ${i}`).toBe(400);
			expect(await response.text()).toContain(FAILED);
		}
		await page.goto('/mod/login');
		await page.getByLabel('用户名').fill(account.username);
		await page.getByLabel('密码').fill(account.password);
		await page.getByRole('button', { name: '登录' }).click();
		await expect(page.getByRole('alert')).toHaveText(THROTTLED);
		await expect(page).toHaveURL(/\/mod\/login/);
		expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();
	});
});

test('logging out ends the session: the old cookie no longer opens /mod', async ({
	browser,
	page
}) => {
	await signIn(page, E2E_ACCOUNTS.logout);
	const cookies = await page.context().cookies();
	expect(cookies.find((c) => c.name === 'session')).toBeDefined();
	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL('/mod/login');
	await expect(page.getByRole('link', { name: '管理', exact: true })).toHaveCount(0);
	// Replay the cookie from before the logout in a fresh browser.
	const replay = await browser.newContext();
	await replay.addCookies(cookies);
	const old = await replay.newPage();
	await old.goto('/mod');
	await expect(old).toHaveURL('/mod/login?next=%2Fmod');
	await replay.close();
});
