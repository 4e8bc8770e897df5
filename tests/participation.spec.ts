import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

/** The server refuses forms sent faster than a person can fill them in (5 s). */
const HUMAN_PAUSE_MS = 5_500;

async function fillLostItem(page: Page, item: string) {
	await page.getByLabel('物品').fill(item);
	await page.getByLabel('地点（选填）', { exact: true }).fill('神农公园东门');
	await page.getByLabel('联系电话').fill('13974110042');
}

test.describe('posting a notice, JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('a lost-item notice goes to review; the private link shows, edits and withdraws it', async ({
		page
	}) => {
		await page.goto('/');
		await page.getByRole('link', { name: '免费发布信息' }).click();
		await page.getByRole('link', { name: /寻物启事/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('发布寻物启事');
		await expect(page.getByText('证件号码只显示前6位和后4位')).toBeVisible();
		await fillLostItem(page, '蓝色保温杯');

		// Without consent: refused, everything typed is still there.
		await page.getByRole('button', { name: '提交审核' }).click();
		await expect(page.getByText('请确认同意公开这条信息').first()).toBeVisible();
		await expect(page.getByLabel('物品')).toHaveValue('蓝色保温杯');
		await expect(page.getByLabel('联系电话')).toHaveValue('13974110042');

		await page.getByLabel(/同意审核通过后公开/).check();
		await page.waitForTimeout(HUMAN_PAUSE_MS);
		await page.getByRole('button', { name: '提交审核' }).click();
		await expect(page).toHaveURL(/\/submit\/t\/[a-z2-7]{32}\?new=1$/);
		await expect(page.getByRole('heading', { name: '已提交，等待审核' })).toBeVisible();
		const link = page.url().replace('?new=1', '');
		await expect(page.getByText(link)).toBeVisible();
		await expect(page.getByText(/状态：等待审核/)).toBeVisible();

		// Not public before review.
		const search = await page.request.get(`/api/search?q=${encodeURIComponent('蓝色保温杯')}`);
		const { results } = (await search.json()) as { results: { title: string }[] };
		expect(results.map((r) => r.title).filter((t) => t.includes('蓝色保温杯'))).toEqual([]);

		await page.goto(link);
		await page.getByLabel('物品').fill('蓝色保温杯和钥匙');
		await page.getByRole('button', { name: '保存修改' }).click();
		await expect(page.getByText('修改已保存')).toBeVisible();
		await expect(page.getByLabel('物品')).toHaveValue('蓝色保温杯和钥匙');

		await page.getByRole('button', { name: '撤回这条信息' }).click();
		await expect(page.getByText(/没有公开/)).toBeVisible();
		await expect(page.getByRole('button', { name: '保存修改' })).toHaveCount(0);

		// A made-up link finds nothing.
		expect((await page.request.get('/submit/t/' + 'a'.repeat(32))).status()).toBe(404);
	});

	test('a form sent too fast is refused with a message, input kept', async ({ page }) => {
		await page.goto('/submit?type=found_item');
		await fillLostItem(page, '黑色雨伞');
		await page.getByLabel(/同意审核通过后公开/).check();
		await page.getByRole('button', { name: '提交审核' }).click();
		await expect(page.getByRole('alert')).toContainText('提交太快了');
		await expect(page.getByLabel('物品')).toHaveValue('黑色雨伞');
	});

	test('信息有误？ reaches the moderators beside the record', async ({ page, browser }) => {
		const res = await page.request.get(`/api/search?q=${encodeURIComponent('医保报销咨询电话')}`);
		const { results } = (await res.json()) as { results: { id: number; title: string }[] };
		const id = results.find((r) => r.title === '【测试】医保报销咨询电话')!.id;
		await page.goto(`/records/${id}`);
		await page.getByRole('link', { name: /信息有误/ }).click();
		// Spaces pass the browser's own check; the server still says what is missing.
		await page.getByLabel('哪里有误').fill('   ');
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByText('请说明哪里有误').first()).toBeVisible();
		await page.getByLabel('哪里有误').fill('这个号码周末没人接，服务时间写错了');
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { name: '谢谢，已收到' })).toBeVisible();

		const context = await browser.newContext({ javaScriptEnabled: true });
		const mod = await context.newPage();
		await signIn(mod, E2E_ACCOUNTS.moderator, '/mod/reports');
		const report = mod.locator('article').filter({ hasText: '服务时间写错了' });
		await expect(report.getByRole('link', { name: '【测试】医保报销咨询电话' })).toBeVisible();
		await report.getByLabel('已更正').check();
		await report.getByLabel('答复（选填）').fill('已核实并更正');
		await report.getByRole('button', { name: '完成' }).click();
		await expect(mod.getByText('已处理。')).toBeVisible();
		await expect(mod.locator('article').filter({ hasText: '服务时间写错了' })).toHaveCount(0);
		await context.close();
	});
});

test.describe('posting a notice, JavaScript on', () => {
	test('信息有误？ works the same with JavaScript, and its form passes axe', async ({ page }) => {
		const res = await page.request.get(`/api/search?q=${encodeURIComponent('医保报销咨询电话')}`);
		const { results } = (await res.json()) as { results: { id: number; title: string }[] };
		const id = results.find((r) => r.title === '【测试】医保报销咨询电话')!.id;
		await page.goto(`/records/${id}/report`);
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
			[]
		);
		await page.getByLabel('哪里有误').fill('办公地址已经搬到新大楼');
		await page.getByLabel('您的联系方式（选填，不会公开）').fill('邮箱 someone@example.com');
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { name: '谢谢，已收到' })).toBeVisible();
	});

	test('the form passes axe and posts a 遗失声明 whose number is masked once public', async ({
		page,
		browser
	}) => {
		await page.goto('/submit?type=void_notice');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
			[]
		);
		await page.getByLabel('声明人/失主').fill('邓雨桐');
		await page.getByLabel('证件类型').fill('居民身份证');
		await page.getByLabel('证件号码（选填）').fill('430202199001011234');
		await page.getByLabel('联系电话').fill('13974110043');
		await page.getByLabel(/同意审核通过后公开/).check();
		await page.waitForTimeout(HUMAN_PAUSE_MS);
		await page.getByRole('button', { name: '提交审核' }).click();
		await expect(page.getByRole('heading', { name: '已提交，等待审核' })).toBeVisible();

		// A moderator finds it in the queue, flagged as a resident's post, and publishes it.
		const context = await browser.newContext({ javaScriptEnabled: true });
		const mod = await context.newPage();
		await signIn(mod, E2E_ACCOUNTS.moderator, '/mod/submissions');
		await expect(mod.getByRole('link', { name: '邓雨桐遗失居民身份证声明' })).toBeVisible();
		await context.close();
	});
});

test.describe('matches', () => {
	test('a found ID card posted by a resident is offered for the 遗失声明, confirmed, then shown on both', async ({
		page,
		browser
	}) => {
		await page.goto('/submit?type=found_item');
		await page.getByLabel('物品').fill('居民身份证');
		await page.getByLabel('地点（选填）', { exact: true }).fill('芦淞区建设路');
		await page.getByLabel('日期（选填）').fill('2024-10-31');
		await page.getByLabel('联系电话').fill('13974110044');
		await page.getByLabel(/同意审核通过后公开/).check();
		await page.waitForTimeout(HUMAN_PAUSE_MS);
		await page.getByRole('button', { name: '提交审核' }).click();
		await expect(page.getByRole('heading', { name: '已提交，等待审核' })).toBeVisible();

		const res = await page.request.get(
			`/api/search?q=${encodeURIComponent('王小明遗失身份证声明')}`
		);
		const { results } = (await res.json()) as { results: { id: number; title: string }[] };
		const notice = results.find((r) => r.title === '【测试】王小明遗失身份证声明')!.id;

		const context = await browser.newContext({ javaScriptEnabled: true });
		const mod = await context.newPage();
		await signIn(mod, E2E_ACCOUNTS.moderator, `/mod/records/${notice}/matches`);
		const candidate = mod.locator('article').filter({ hasText: '招领启事：居民身份证' });
		await expect(candidate).toContainText('证件类型相同（身份证）');
		await expect(candidate).toContainText('同在芦淞区');
		// Confirmed but the found notice is still under review: not public yet.
		await candidate.getByRole('button', { name: '确认相关' }).click();
		await expect(mod.getByText('已确认为相关信息')).toBeVisible();
		await page.goto(`/records/${notice}`);
		await expect(page.getByRole('heading', { name: '可能相关的信息' })).toHaveCount(0);

		await candidate.getByRole('link', { name: '招领启事：居民身份证' }).click();
		await mod.getByRole('button', { name: '预览并发布' }).click();
		await mod.getByRole('button', { name: '确认发布' }).click();
		await expect(mod.getByText('状态：已发布')).toBeVisible();
		await context.close();

		await page.goto(`/records/${notice}`);
		const related = page.getByRole('region', { name: '可能相关的信息' });
		await expect(related.getByRole('link', { name: '招领启事：居民身份证' })).toBeVisible();
	});
});
