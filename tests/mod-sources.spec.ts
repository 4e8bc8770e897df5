import { expect, test } from '@playwright/test';
import { hydrated, storageStateFor } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

let moderatorState: string;
test.beforeAll(async ({ browser }) => {
	moderatorState = await storageStateFor(browser, E2E_ACCOUNTS.moderator);
});
// eslint-disable-next-line no-empty-pattern
test.use({ storageState: async ({}, use) => use(moderatorState) });

test('a moderator corrects a page’s details; a bad date is refused with the input kept; the public source line follows', async ({
	page
}) => {
	await page.goto('/mod/sources');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('报纸版面');
	// seeds/003 (株洲日报, 2024-11-05): its page label is not printed in the text.
	const row = page.getByRole('row').filter({ hasText: '003_' });
	await expect(row).toContainText('未填写');
	await row.getByRole('link').click();
	await hydrated(page);
	await page.getByLabel('版面', { exact: true }).fill('第5版');
	await page.getByLabel('出版日期', { exact: true }).fill('11月31日');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('出版日期格式应为 2024-11-05')).toBeVisible();
	await expect(page.getByLabel('出版日期', { exact: true })).toHaveValue('11月31日');
	await expect(page.getByLabel('版面', { exact: true })).toHaveValue('第5版');

	await page.getByLabel('出版日期', { exact: true }).fill('2024年11月5日');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('第5版');
	await expect(page.getByLabel('出版日期', { exact: true })).toHaveValue('2024-11-05');

	const recordLink = page
		.getByRole('list', { name: /从这个版面提取的记录/ })
		.getByRole('link')
		.first();
	const href = await recordLink.getAttribute('href');
	const id = Number(/\/mod\/records\/(\d+)/.exec(href ?? '')?.[1]);
	expect(id).toBeGreaterThan(0);
	await page.goto(`/records/${id}`);
	await expect(page.locator('main')).toContainText('第5版');
});
