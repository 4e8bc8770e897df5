import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('share and print (JavaScript off)', () => {
	test.use({ javaScriptEnabled: false });

	test('a record page carries a QR code of its own address, drawn on the server', async ({
		page
	}) => {
		const search = await page.request.get(
			`/api/search?q=${encodeURIComponent('医保报销咨询电话')}`
		);
		const { results } = (await search.json()) as { results: { id: number; title: string }[] };
		const id = results.find((r) => r.title === '【测试】医保报销咨询电话')!.id;
		await page.goto(`/records/${id}`);
		const qr = page.getByRole('img', { name: '本页二维码' });
		await expect(qr).toBeVisible();
		await expect(page.getByText(new RegExp(`/records/${id}$`))).toBeVisible();
		// The print button needs JavaScript; without it the browser's own print menu is the way.
		await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
		// Printed, the page drops navigation and buttons but keeps the number and the code.
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: '长辈模式' })).toBeHidden();
		await expect(page.getByRole('link', { name: '0731-28683507' }).first()).toBeVisible();
		await expect(qr).toBeVisible();
	});

	test('/hotlines/print is one A4 page with emergency numbers, 12345 and hotlines by purpose', async ({
		page
	}) => {
		await page.goto('/hotlines');
		await page.getByRole('link', { name: /打印便民电话卡/ }).click();
		await expect(page).toHaveURL(/\/hotlines\/print$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('株洲便民电话卡');
		const urgent = page.getByRole('region', { name: '紧急与政务' });
		for (const n of ['110', '119', '120', '122', '12345']) {
			await expect(urgent.getByRole('link', { name: n, exact: true })).toHaveAttribute(
				'href',
				`tel:${n}`
			);
		}
		const social = page.getByRole('region', { name: '社保 医保 就业' });
		await expect(social.getByRole('link', { name: '0731-28683507' })).toBeVisible();
		// Rendered for paper, the card fits on one A4 sheet.
		const pdf = await page.pdf({ format: 'A4', printBackground: false });
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
		expect(pages.length).toBe(1);
	});
});

test.describe('share and print (JavaScript on)', () => {
	test('the print button shows, and the card passes axe', async ({ page }) => {
		await page.goto('/hotlines/print');
		await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
			[]
		);
	});
});
