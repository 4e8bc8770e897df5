import { expect, test } from '@playwright/test';

const CATEGORIES = ['便民电话', '办事指南/问答', '失物招领与遗失声明', '寻亲', '活动报名'];

for (const javaScriptEnabled of [true, false]) {
	test.describe(`home page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('shows the search form and the five categories with counts', async ({ page }) => {
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
			await expect(page.getByRole('searchbox', { name: /搜电话/ })).toBeVisible();
			const categories = page.getByRole('region', { name: '分类浏览' }).getByRole('link');
			await expect(categories).toHaveCount(5);
			for (const [i, label] of CATEGORIES.entries()) {
				await expect(categories.nth(i)).toContainText(label);
				await expect(categories.nth(i)).toContainText(/\d+ 条/);
			}
			await expect(page.getByRole('link', { name: '110 报警' })).toHaveAttribute('href', 'tel:110');
		});
	});
}

test('fits a 360-px-wide phone without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expect(page.getByRole('button', { name: '搜索' })).toBeInViewport();
});

test('search form submits as a plain GET', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('searchbox').fill('医保');
	await page.getByRole('button', { name: '搜索' }).click();
	await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E4%BF%9D/);
});
