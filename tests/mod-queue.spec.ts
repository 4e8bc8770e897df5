import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, postRecord, storageStateFor, uniqueTitle } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

let state: string;
test.beforeAll(async ({ browser }) => {
	state = await storageStateFor(browser, E2E_ACCOUNTS.moderator);
});
// eslint-disable-next-line no-empty-pattern
test.use({ storageState: async ({}, use) => use(state) });

/** Opens the queue page that holds the item (the queue is paged, oldest first). */
async function queueItem(page: Page, id: number): Promise<Locator> {
	await page.goto('/mod');
	for (;;) {
		const item = page.locator(`#item-${id}`);
		if (await item.count()) {
			await hydrated(page);
			return item;
		}
		const next = page.getByRole('link', { name: '下一页' });
		expect(await next.count(), `record #${id} is in the queue`).toBe(1);
		await next.click();
	}
}

const draft = (page: Page, title: string) =>
	postRecord(page, 'hotline', { title, name: title, phones: '0731-28684239' }, 'draft');

test('approve from the queue with the keyboard', async ({ page }) => {
	const title = uniqueTitle('待审核电话');
	const id = await draft(page, title);
	const item = await queueItem(page, id);
	await expect(item.getByRole('heading', { level: 3 })).toHaveText(`#${id} ${title}`);
	await expect(item).toContainText('0731-28684239');
	await expect(item.getByRole('link', { name: '编辑后发布' })).toHaveAttribute(
		'href',
		`/mod/records/${id}`
	);
	await item.getByRole('button', { name: '发布', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText(`记录 #${id}：已发布`);
	await expect(page.locator(`#item-${id}`)).toHaveCount(0);
	// The message's undo link leads to a one-click undo of the publication.
	await page.getByRole('link', { name: '撤销发布…' }).click();
	await expect(page.getByText('状态：已发布')).toBeVisible();
	await page.getByRole('button', { name: '撤销', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('已撤销发布，退回待审核');
	await expect(page.getByText('状态：待审核')).toBeVisible();
	await expect(await queueItem(page, id)).toBeVisible();
});

test('reject keeps the record, marked as rejected', async ({ page }) => {
	const title = uniqueTitle('错误识别');
	const id = await draft(page, title);
	const item = await queueItem(page, id);
	// Two steps: open 驳回…, give a reason, confirm.
	await item.getByText('驳回…').click();
	await item.getByLabel('驳回原因（可不填）').fill('识别错误，非便民信息');
	await item.getByRole('button', { name: '确认驳回' }).click();
	await expect(page.getByRole('status')).toHaveText(`记录 #${id}：已驳回（记录保留）`);
	await page.goto(`/mod/records/${id}`);
	await expect(page.getByText('状态：已驳回')).toBeVisible();
	// Still publishable later.
	await expect(page.getByRole('button', { name: '预览并发布' })).toBeVisible();
	// The message's undo link leads to a one-click undo: back to the queue.
	await page.goto(`/mod?done=reject&id=${id}`);
	await page.getByRole('link', { name: '撤销驳回…' }).click();
	await page.getByRole('button', { name: '撤销', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('已撤销驳回，退回待审核');
	await expect(page.getByText('状态：待审核')).toBeVisible();
	await expect(await queueItem(page, id)).toBeVisible();
});

test('merge a duplicate into the record it repeats', async ({ page }) => {
	const title = uniqueTitle('重复的电话');
	const target = await postRecord(page, 'hotline', { title, name: title });
	const duplicate = await draft(page, title);
	const item = await queueItem(page, duplicate);
	await item.getByLabel('与哪条记录重复？（记录编号）').fill('999999999');
	await item.getByRole('button', { name: '合并为重复' }).click();
	await expect(page.locator(`#item-${duplicate}`).getByRole('alert')).toHaveText(
		'没有编号为 999999999 的记录'
	);
	const again = await queueItem(page, duplicate);
	await again.getByLabel('与哪条记录重复？（记录编号）').fill(String(target));
	await again.getByRole('button', { name: '合并为重复' }).click();
	await expect(page.getByRole('status')).toHaveText(`记录 #${duplicate}：已合并到原记录`);
	await page.goto(`/mod/records/${duplicate}`);
	await expect(page.getByText('状态：已归档')).toBeVisible();
	await expect(page.getByRole('link', { name: `可能重复的原记录 #${target}` })).toBeVisible();
	await page.goto(`/mod/records/${target}`);
	await expect(page.getByText('状态：已发布')).toBeVisible();
});

test('a stale queue item is refused, not applied', async ({ page, browser }) => {
	const id = await draft(page, uniqueTitle('两人同时审核'));
	const item = await queueItem(page, id);
	// Someone else publishes it meanwhile.
	const other = await browser.newContext({ storageState: state });
	const otherPage = await other.newPage();
	const otherItem = await queueItem(otherPage, id);
	await otherItem.getByText('驳回…').click();
	await otherItem.getByRole('button', { name: '确认驳回' }).click();
	await expect(otherPage.getByRole('status')).toContainText('已驳回');
	await other.close();
	await item.getByRole('button', { name: '发布', exact: true }).click();
	await expect(page.locator(`#item-${id}`).getByRole('alert')).toHaveText(
		'该记录已被其他管理员处理或修改，请刷新后再操作'
	);
});

test('filter the queue, then approve two drafts at once; Enter in the reason field does nothing', async ({
	page
}) => {
	const prefix = uniqueTitle('批量');
	const ids = [];
	for (const n of ['甲', '乙', '丙']) ids.push(await draft(page, `${prefix}${n}`));
	await page.goto('/mod');
	await hydrated(page);
	await page.getByLabel('标题含有').fill(prefix);
	await page.getByLabel('类别').selectOption('hotline');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByText('符合条件的草稿 3 条')).toBeVisible();
	await expect(page.locator('article.item')).toHaveCount(3);
	await hydrated(page);
	await page.getByLabel(`选择 #${ids[0]}`).check();
	await page.getByLabel(`选择 #${ids[1]}`).check();
	// A stray Enter in the bulk form's only text field submits nothing.
	await page.getByText('驳回所选…').click();
	await page.getByLabel('驳回原因（可不填）', { exact: true }).first().press('Enter');
	await expect(page.locator('article.item')).toHaveCount(3);
	await page.getByRole('button', { name: '发布所选' }).click();
	await expect(page.getByRole('status')).toHaveText('已发布 2 条记录');
	// The filter is kept: only the third draft is left.
	await expect(page.getByLabel('标题含有')).toHaveValue(prefix);
	await expect(page.locator('article.item')).toHaveCount(1);
	await expect(page.locator(`#item-${ids[2]}`)).toBeVisible();
	await page.goto(`/mod/records/${ids[0]}`);
	await expect(page.getByText('状态：已发布')).toBeVisible();
});

test('a bulk action offers 撤销, which puts every record it changed back in the queue', async ({
	page
}) => {
	const prefix = uniqueTitle('批量撤销');
	const ids = [];
	for (const n of ['甲', '乙']) ids.push(await draft(page, `${prefix}${n}`));
	const filtered = `/mod?q=${encodeURIComponent(prefix)}`;
	for (const action of ['publish', 'reject'] as const) {
		await page.goto(filtered);
		await hydrated(page);
		await expect(page.locator('article.item')).toHaveCount(2);
		for (const id of ids) await page.getByLabel(`选择 #${id}`).check();
		if (action === 'publish') await page.getByRole('button', { name: '发布所选' }).click();
		else {
			await page.getByText('驳回所选…').click();
			await page.getByRole('button', { name: '确认驳回所选' }).click();
		}
		await expect(page.getByRole('status')).toHaveText(
			action === 'publish' ? '已发布 2 条记录' : '已驳回 2 条记录'
		);
		await expect(page.locator('article.item')).toHaveCount(0);
		await page.getByRole('button', { name: '撤销', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText('已撤销，2 条记录退回待审核');
		// The filter is kept, and both drafts are back in it.
		await expect(page.locator('article.item')).toHaveCount(2);
	}
	await page.goto(`/mod/records/${ids[0]}`);
	await expect(page.getByText('状态：待审核')).toBeVisible();
	// The public page is gone again after the undo of the publication.
	const response = await page.request.get(`/records/${ids[0]}`);
	expect(response.status()).toBe(404);
});

test('on a new notice, Enter in a field saves a draft, never publishes', async ({ page }) => {
	await page.goto('/mod/records/new?kind=hotline');
	await hydrated(page);
	const title = uniqueTitle('回车不发布');
	await page.getByLabel('标题', { exact: true }).fill(title);
	await page.getByLabel('用途/名称', { exact: false }).fill(title);
	await page.getByLabel('用途/名称', { exact: false }).press('Enter');
	await expect(page).toHaveURL(/\/mod\/records\/\d+/);
	await expect(page.getByText('状态：待审核')).toBeVisible();
});

test('a long unbroken title wraps: no moderation page scrolls sideways on a phone', async ({
	page
}) => {
	const key = uniqueTitle('超长');
	const title = key + 'X'.repeat(90);
	const id = await draft(page, title);
	await page.setViewportSize({ width: 375, height: 800 });
	const q = encodeURIComponent(key);
	for (const path of [`/mod?q=${q}`, `/mod/records?q=${q}`, `/mod/records/${id}`]) {
		await page.goto(path);
		// The record page holds the title in its form fields; the lists show it as text.
		if (!path.startsWith('/mod/records/'))
			await expect(page.getByText(title).first()).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('keyboard: j moves to the next draft, r opens its reject form, a publishes; typing in a field triggers nothing', async ({
	page
}) => {
	const key = uniqueTitle('快捷键');
	const first = await draft(page, `${key}甲`);
	const second = await draft(page, `${key}乙`);
	await page.goto(`/mod?q=${encodeURIComponent(key)}`);
	await hydrated(page);
	// Letters typed into the filter field are just text.
	await page.getByLabel('标题含有').press('End');
	await page.getByLabel('标题含有').press('a');
	await expect(page.locator('article.item')).toHaveCount(2);
	await page.locator('h1').click();
	await page.keyboard.press('j');
	await expect(page.locator(`#item-${first}`)).toHaveClass(/current/);
	await page.keyboard.press('j');
	await expect(page.locator(`#item-${second}`)).toHaveClass(/current/);
	await page.keyboard.press('r');
	await expect(page.locator(`#item-${second}`).getByLabel('驳回原因（可不填）')).toBeFocused();
	// Enter in the reason field does not reject.
	await page.keyboard.press('Enter');
	await expect(page.locator('article.item')).toHaveCount(2);
	await page.locator('h1').click();
	await page.keyboard.press('k');
	await page.keyboard.press('a');
	await expect(page.getByRole('status')).toHaveText(`记录 #${first}：已发布`);
});
