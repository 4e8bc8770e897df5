import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { hydrated, postRecord, signIn, storageStateFor, uniqueTitle } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

let state: string;
test.beforeAll(async ({ browser }) => {
	state = await storageStateFor(browser, E2E_ACCOUNTS.admin);
});
// eslint-disable-next-line no-empty-pattern
test.use({ storageState: async ({}, use) => use(state) });

test('admins create, reset and disable moderators; each change ends that user’s sessions', async ({
	page,
	browser
}) => {
	const username = `e2e-new-${Date.now().toString(36)}`;
	await page.goto('/mod/users');
	await hydrated(page);
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('初始密码').fill('short');
	await page.getByLabel('再次输入密码').fill('short');
	await page.getByRole('button', { name: '创建账号' }).click();
	await expect(page.getByText('密码至少 10 个字符')).toBeVisible();
	await expect(page.getByLabel('用户名')).toHaveValue(username);
	await page.getByLabel('初始密码').fill('first-pass-123');
	await page.getByLabel('再次输入密码').fill('first-pass-123');
	await page.getByRole('button', { name: '创建账号' }).click();
	await expect(page.getByRole('status')).toHaveText(`${username}：已创建账号`);

	// A browser of its own, not signed in (test.use's storageState would apply otherwise).
	const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	const userPage = await userContext.newPage();
	await signIn(userPage, { username, password: 'first-pass-123', role: 'moderator' } as never);

	const row = page.getByRole('row').filter({ hasText: username });
	await row.getByLabel(`${username} 的新密码`).fill('second-pass-123');
	await row.getByRole('button', { name: '重置密码' }).click();
	await expect(page.getByRole('status')).toContainText(`${username}：已重置密码`);
	await userPage.goto('/mod');
	await expect(userPage).toHaveURL(/\/mod\/login/);
	await signIn(userPage, { username, password: 'second-pass-123', role: 'moderator' } as never);

	await page
		.getByRole('row')
		.filter({ hasText: username })
		.getByRole('button', { name: '停用' })
		.click();
	await expect(page.getByRole('status')).toContainText(`${username}：已停用账号`);
	await userPage.goto('/mod');
	await expect(userPage).toHaveURL(/\/mod\/login/);
	await hydrated(userPage);
	await userPage.getByLabel('用户名').fill(username);
	await userPage.getByLabel('密码').fill('second-pass-123');
	await userPage.getByRole('button', { name: '登录' }).click();
	await expect(userPage.getByRole('alert')).toHaveText('用户名或密码错误');
	await userContext.close();

	// The log has it all, filterable by action and by account.
	await page.goto('/mod/audit');
	await page.getByLabel('操作').selectOption({ label: '创建账号' });
	await page.getByLabel('账号').selectOption(E2E_ACCOUNTS.admin.username);
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page).toHaveURL(/action=user-create/);
	await expect(page.getByRole('row').filter({ hasText: username })).toHaveCount(1);
	await page.goto(`/mod/audit?user=${username}`);
	const actions = page.getByRole('row').locator('td:nth-child(3)');
	await expect(actions).toHaveText(['登录失败', '登录', '登录']);
	const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
	await page.goto(`/mod/audit?action=user-disable&from=${today}&to=${today}`);
	await expect(page.getByRole('row').filter({ hasText: username })).toHaveCount(1);
	await page.goto(`/mod/audit?action=user-disable&from=2000-01-01&to=2000-01-02`);
	await expect(page.getByText('共 0 条')).toBeVisible();
});

test('hard delete: admins only, after a confirmation, and logged', async ({ page }) => {
	const title = uniqueTitle('要永久删除的记录');
	const id = await postRecord(page, 'hotline', { title, name: '删除测试' });
	await page.goto(`/mod/records/${id}`);
	await page.getByRole('link', { name: '永久删除这条记录…' }).click();
	await expect(page).toHaveURL(`/mod/records/${id}/delete`);
	await hydrated(page);
	await page.getByRole('button', { name: '永久删除' }).click();
	await expect(page.getByText('请勾选确认框，确认永久删除')).toBeVisible();
	expect((await page.request.get(`/mod/records/${id}`)).status()).toBe(200);
	await page.getByLabel('我确认永久删除这条记录及其全部历史').check();
	await page.getByRole('button', { name: '永久删除' }).click();
	await expect(page).toHaveURL(`/mod/records?deleted=${id}`);
	await expect(page.getByRole('status')).toHaveText(`记录 #${id} 已永久删除。`);
	expect((await page.request.get(`/mod/records/${id}`)).status()).toBe(404);
	await page.goto('/mod/audit?action=hard-delete');
	await expect(page.getByRole('row').filter({ hasText: `记录 #${id}` })).toContainText(title);
});

test('moderator pages have no serious accessibility problems', async ({ page }) => {
	const id = await postRecord(page, 'event', {
		title: uniqueTitle('无障碍检查'),
		organizer: '市图书馆',
		phones: '0731-28684239 报名电话'
	});
	for (const path of ['/mod', `/mod/records/${id}`, `/mod/records/${id}/history`, '/mod/users']) {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter(
			(v) => v.impact === 'serious' || v.impact === 'critical'
		);
		expect(
			serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	}
});

test('admins change a user’s role, never their own', async ({ page }) => {
	await page.goto('/mod/users');
	await hydrated(page);
	const username = `role${Date.now() % 1_000_000}`;
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('初始密码').fill('first-pass-123');
	await page.getByLabel('再次输入密码').fill('first-pass-123');
	await page.getByRole('button', { name: '创建账号' }).click();
	await expect(page.getByRole('status')).toHaveText(`${username}：已创建账号`);
	const row = page.getByRole('row').filter({ hasText: username });
	await row.getByLabel(`${username} 的角色`).selectOption('admin');
	await row.getByRole('button', { name: `更改角色 ${username}` }).click();
	await expect(page.getByRole('status')).toHaveText(`${username}：已更改角色`);
	await expect(
		page.getByRole('row').filter({ hasText: username }).getByLabel(`${username} 的角色`)
	).toHaveValue('admin');
	// The admin's own row has no role control.
	const own = page.getByRole('row').filter({ hasText: '（本人）' });
	await expect(own.getByRole('combobox')).toHaveCount(0);
});
