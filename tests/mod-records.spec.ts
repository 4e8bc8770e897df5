import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { hydrated, postRecord, storageStateFor, uniqueTitle } from './fixtures/mod';
import { E2E_ACCOUNTS } from './fixtures/seed';

let moderatorState: string;
let moderator2State: string;
test.beforeAll(async ({ browser }) => {
	moderatorState = await storageStateFor(browser, E2E_ACCOUNTS.moderator);
	moderator2State = await storageStateFor(browser, E2E_ACCOUNTS.moderator2);
});
// eslint-disable-next-line no-empty-pattern
test.use({ storageState: async ({}, use) => use(moderatorState) });

interface CreateCase {
	kind: string;
	label: string;
	subtype?: string;
	inputs: Record<string, string>;
	selects?: Record<string, string>;
	phones?: string;
	/** What the public page shows afterwards (normalised numbers and dates). */
	shows: string[];
}

const CASES: CreateCase[] = [
	{
		kind: 'hotline',
		label: '便民电话',
		inputs: { '#f-name': '医保咨询', '#f-organization': '市医保局' },
		phones: '(0731)28829999 咨询电话',
		shows: ['0731-28829999', '市医保局']
	},
	{
		kind: 'procedure',
		label: '办事指南',
		subtype: '办事指南',
		inputs: { '#f-department': '市民政局', '#f-steps': '第一步 提交申请\n第二步 领取证件' },
		shows: ['第一步 提交申请', '第二步 领取证件', '市民政局']
	},
	{
		kind: 'lost_found',
		label: '寻物启事',
		subtype: '寻物启事',
		inputs: { '#f-item': '黑色钱包', '#f-place': '神农公园', '#f-date': '2024年11月5日' },
		phones: '139 7415 8263 王先生',
		shows: ['13974158263', '黑色钱包', '2024年11月5日']
	},
	{
		kind: 'family_search',
		label: '寻亲',
		subtype: '寻找亲人',
		inputs: { '#f-personName': '李小明', '#f-lostAt': '2024-10-01', '#f-features': '穿红色外套' },
		selects: { '#f-gender': '男' },
		shows: ['穿红色外套', '2024年10月1日']
	},
	{
		kind: 'event',
		label: '活动报名',
		inputs: {
			'#f-organizer': '天元区文旅局',
			'#f-startsOn': '2099-05-01 9:30',
			'#f-deadline': '2099年4月25日',
			'#f-howToRegister': '电话报名'
		},
		phones: '0731-28684239 报名电话',
		shows: ['2099年4月25日', '天元区文旅局', '0731-28684239']
	}
];

for (const c of CASES) {
	test(`a moderator posts a new ${c.label} directly`, async ({ page }) => {
		const title = uniqueTitle(`新${c.label}`);
		await page.goto(`/mod/records/new?kind=${c.kind}`);
		await hydrated(page);
		await page.locator('#f-title').fill(title);
		if (c.subtype) await page.locator('#f-subtype').selectOption({ label: c.subtype });
		for (const [selector, value] of Object.entries(c.inputs))
			await page.locator(selector).fill(value);
		for (const [selector, value] of Object.entries(c.selects ?? {}))
			await page.locator(selector).selectOption(value);
		if (c.phones) await page.locator('#f-phones').fill(c.phones);
		// Publishing shows the public page's view first; nothing is saved until 确认发布.
		await page.getByRole('button', { name: '预览后发布' }).click();
		const preview = page.getByRole('region', { name: /预览/ });
		await expect(preview.getByRole('heading', { name: title })).toBeVisible();
		for (const text of c.shows) await expect(preview).toContainText(text);
		await page.getByRole('button', { name: '确认发布' }).click();
		await expect(page).toHaveURL(/\/mod\/records\/\d+\?done=created$/);
		await expect(page.getByRole('status')).toHaveText('已创建');
		await expect(page.getByText('状态：已发布')).toBeVisible();
		const id = /\/mod\/records\/(\d+)/.exec(page.url())![1];
		await page.goto(`/records/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		for (const text of c.shows) await expect(page.locator('main')).toContainText(text);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a refused form keeps what was typed and says what is wrong, per field', async ({
		page
	}) => {
		await page.goto('/mod/records/new?kind=event');
		await page.locator('#f-title').fill('社区义诊报名');
		await page.locator('#f-startsOn').fill('下个月');
		await page.locator('#f-phones').fill('12 报名电话');
		await page.getByRole('button', { name: '预览后发布' }).click();
		const summary = page.getByRole('alert').filter({ hasText: '请修改以下问题' });
		await expect(summary).toContainText('开始时间：日期格式应为 2024-11-05');
		await expect(summary).toContainText('电话：第 1 行：电话号码格式不对');
		await expect(page.locator('#f-title')).toHaveValue('社区义诊报名');
		await expect(page.locator('#f-startsOn')).toHaveValue('下个月');
		await expect(page.locator('#f-startsOn')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#f-phones')).toHaveValue('12 报名电话');
		// Fixed, it saves as a draft.
		await page.locator('#f-startsOn').fill('2099-06-01');
		await page.locator('#f-phones').fill('12345 报名电话');
		await page.getByRole('button', { name: '存为草稿，稍后审核' }).click();
		await expect(page).toHaveURL(/\/mod\/records\/\d+\?done=created$/);
		await expect(page.getByText('状态：待审核')).toBeVisible();
	});

	test('a refused save during a change of kind keeps the new kind’s form and the input', async ({
		page
	}) => {
		const title = uniqueTitle('拾到钱包');
		const id = await postRecord(page, 'hotline', { title, name: '失物咨询', phones: '12345' });
		await page.goto(`/mod/records/${id}?kind=lost_found`);
		await page.locator('#f-item').fill('黑色钱包');
		await page.getByRole('button', { name: '预览修改' }).click();
		// 失物招领 needs its 类型 (寻物/招领/遗失声明): refused, still the lost-and-found form.
		await expect(page.getByRole('alert').filter({ hasText: '请修改以下问题' })).toContainText(
			'类型'
		);
		await expect(page.locator('#f-item')).toHaveValue('黑色钱包');
		await expect(page.locator('#f-title')).toHaveValue(title);
		await page.locator('#f-subtype').selectOption({ label: '招领启事' });
		await page.getByRole('button', { name: '预览修改' }).click();
		await page.getByRole('button', { name: '确认保存' }).click();
		await expect(page).toHaveURL(`/mod/records/${id}?done=save`);
		await expect(page.locator('#f-item')).toHaveValue('黑色钱包');
	});
});

test.describe('预览 before anything goes public, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a new notice: the public view with the ID masked; 返回修改 keeps every field; nothing saved until 确认发布', async ({
		page
	}) => {
		const title = uniqueTitle('王小明遗失居民身份证');
		// An invented ID number of the right shape (birth date 1990-01-01).
		const id = '430203199001013310';
		await page.goto('/mod/records/new?kind=lost_found');
		await page.locator('#f-title').fill(title);
		await page.locator('#f-subtype').selectOption({ label: '遗失声明' });
		await page.locator('#f-holder').fill('王小明');
		await page.locator('#f-documentType').fill('居民身份证');
		await page.locator('#f-documentNumber').fill(id);
		await page.locator('#f-phones').fill('13974100123 王先生');
		await page.getByRole('button', { name: '预览后发布' }).click();

		const preview = page.getByRole('region', { name: /预览/ });
		await expect(preview.getByRole('heading', { name: title })).toBeVisible();
		// Through toPublic, as the public page: the ID's middle is hidden, the phone is not.
		await expect(preview).toContainText('430203********3310');
		await expect(preview).not.toContainText(id);
		await expect(preview).toContainText('13974100123');
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		// Nothing saved yet.
		const search = await page.request.get(`/api/search?q=${encodeURIComponent(title)}`);
		const { results } = (await search.json()) as { results: { title: string }[] };
		expect(results.filter((r) => r.title === title)).toEqual([]);

		await page.getByRole('button', { name: '返回修改' }).click();
		await expect(page.locator('#f-title')).toHaveValue(title);
		await expect(page.locator('#f-subtype')).toHaveValue('void_notice');
		await expect(page.locator('#f-documentNumber')).toHaveValue(id);
		await expect(page.locator('#f-phones')).toHaveValue('13974100123 王先生');

		await page.getByRole('button', { name: '预览后发布' }).click();
		await page.getByRole('button', { name: '确认发布' }).click();
		await expect(page).toHaveURL(/\/mod\/records\/\d+\?done=created$/);
		await expect(page.getByText('状态：已发布')).toBeVisible();
		const recordId = /\/mod\/records\/(\d+)/.exec(page.url())![1];
		await page.goto(`/records/${recordId}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.locator('main')).toContainText('430203********3310');
	});

	test('an edit of a live record is previewed; the public page changes only on 确认保存', async ({
		page
	}) => {
		const title = uniqueTitle('社区义诊报名');
		const id = await postRecord(page, 'event', {
			title,
			organizer: '某某社区卫生服务中心',
			phones: '0731-28684239 报名电话'
		});
		await page.goto(`/mod/records/${id}`);
		await expect(page.getByRole('button', { name: '保存修改' })).toHaveCount(0);
		await page.locator('#f-title').fill(`${title}（改期）`);
		await page.getByRole('button', { name: '预览修改' }).click();
		const preview = page.getByRole('region', { name: /预览/ });
		await expect(preview.getByRole('heading', { name: `${title}（改期）` })).toBeVisible();
		await expect(preview).toContainText('0731-28684239');
		await page.goto(`/records/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

		await page.goto(`/mod/records/${id}`);
		await page.locator('#f-title').fill(`${title}（改期）`);
		await page.getByRole('button', { name: '预览修改' }).click();
		await page.getByRole('button', { name: '返回修改' }).click();
		await expect(page.locator('#f-title')).toHaveValue(`${title}（改期）`);
		await page.getByRole('button', { name: '预览修改' }).click();
		await page.getByRole('button', { name: '确认保存' }).click();
		await expect(page).toHaveURL(`/mod/records/${id}?done=save`);
		await page.goto(`/records/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title}（改期）`);
	});
});

test('with JavaScript, 预览 shows in place and has no serious accessibility problems', async ({
	page
}) => {
	const title = uniqueTitle('社区义诊报名');
	await page.goto('/mod/records/new?kind=event');
	await hydrated(page);
	await page.locator('#f-title').fill(title);
	await page.locator('#f-organizer').fill('某某社区卫生服务中心');
	await page.locator('#f-phones').fill('0731-28684239 报名电话');
	await page.getByRole('button', { name: '预览后发布' }).click();
	const preview = page.getByRole('region', { name: /预览/ });
	await expect(preview.getByRole('heading', { name: title })).toBeVisible();
	await expect(page).toHaveURL(/\/mod\/records\/new\?kind=event$/);
	const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
	await page.getByRole('button', { name: '返回修改' }).click();
	await expect(page.locator('#f-organizer')).toHaveValue('某某社区卫生服务中心');
});

/** Saves an edit of a published record: 预览修改, then 确认保存 on the preview. */
async function save(page: Page) {
	await page.getByRole('button', { name: '预览修改' }).click();
	await page.getByRole('button', { name: '确认保存' }).click();
}

test('edit → history → field-by-field diff → restore an old revision', async ({ page }) => {
	const title = uniqueTitle('张三遗失居民身份证');
	const id = await postRecord(page, 'lost_found', {
		title,
		subtype: 'void_notice',
		holder: '张三',
		documentType: '居民身份证',
		phones: '0731-28684239'
	});
	await page.goto(`/mod/records/${id}`);
	await hydrated(page);
	await page.locator('#f-title').fill(`${title}（已核对）`);
	await page.locator('#f-phones').fill('28687948 联系电话');
	await save(page);
	await expect(page.getByRole('status')).toHaveText('已保存');
	await expect(page.locator('#f-title')).toHaveValue(`${title}（已核对）`);

	await page.getByRole('link', { name: '修改历史与恢复' }).click();
	await expect(page).toHaveURL(`/mod/records/${id}/history`);
	const v2 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /第 2 版 · 编辑/ }) });
	await expect(v2).toContainText(E2E_ACCOUNTS.moderator.username);
	await expect(v2.getByRole('row', { name: /^标题/ })).toContainText(title);
	await expect(v2.getByRole('row', { name: /^标题/ }).locator('ins')).toContainText(
		`${title}（已核对）`
	);
	// The typed number was normalised on save, as the extractor would.
	await expect(v2.getByRole('row', { name: /^电话/ }).locator('ins')).toContainText(
		'28687948 联系电话（0731-28687948）'
	);
	const v1 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /第 1 版 · 新建/ }) });
	await v1.getByText('恢复为第 1 版的内容…').click();
	await v1.getByRole('button', { name: '确认恢复为第 1 版' }).click();
	await expect(page.getByRole('status')).toHaveText('已恢复该版本的内容，生成了第 3 版。');
	await expect(page.getByRole('heading', { name: /第 3 版 · 恢复/ })).toContainText('当前版本');

	await page.goto(`/mod/records/${id}`);
	await expect(page.locator('#f-title')).toHaveValue(title);
	await expect(page.locator('#f-phones')).toHaveValue('0731-28684239');
	await expect(page.getByText('第 3 版')).toBeVisible();
});

test('a misread kind is corrected: the record moves category, what the new form lacks is shown first, history keeps it', async ({
	page
}) => {
	const title = uniqueTitle('社保卡补办');
	const id = await postRecord(page, 'hotline', {
		title,
		name: '社保卡补办咨询',
		hours: '工作日 9:00-17:00',
		phones: '0731-28683507'
	});
	await page.goto(`/mod/records/${id}`);
	await page.getByLabel('类别', { exact: true }).selectOption('procedure');
	await page.getByRole('button', { name: '换用此类别的表单' }).click();
	await expect(page).toHaveURL(`/mod/records/${id}?kind=procedure`);
	const notice = page.locator('.kind-change');
	await expect(notice).toContainText('类别将从“便民电话”改为“办事指南/问答”');
	// The hotline's own fields have no place in a procedure: shown before anything is saved.
	await expect(notice).toContainText('用途/名称');
	await expect(notice).toContainText('社保卡补办咨询');
	await expect(notice).toContainText('工作日 9:00-17:00');
	await expect(page.locator('#f-title')).toHaveValue(title);
	await expect(page.locator('#f-phones')).toHaveValue('0731-28683507');
	await hydrated(page);
	await page.locator('#f-department').fill('市人社局');
	await save(page);
	await expect(page.getByRole('status')).toHaveText('已保存');
	await expect(page).toHaveURL(`/mod/records/${id}?done=save`);
	await expect(page.locator('#f-department')).toHaveValue('市人社局');

	await page.goto(`/records/${id}`);
	await expect(page.getByRole('link', { name: '办事指南/问答' })).toBeVisible();
	await page.goto(`/mod/records/${id}/history`);
	const v2 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /第 2 版 · 编辑/ }) });
	await expect(v2.getByRole('row', { name: /^类别/ })).toContainText('便民电话');
	await expect(v2.getByRole('row', { name: /^类别/ }).locator('ins')).toContainText(
		'办事指南/问答'
	);
	await expect(v2.getByRole('row', { name: /^服务时间/ })).toContainText('工作日 9:00-17:00');
});

test('two moderators edit at once: the second save is refused and its input kept', async ({
	page,
	browser
}) => {
	const title = uniqueTitle('并发编辑测试');
	const id = await postRecord(page, 'hotline', { title, name: '并发测试' });
	const otherContext = await browser.newContext({ storageState: moderator2State });
	const other = await otherContext.newPage();
	await Promise.all([page.goto(`/mod/records/${id}`), other.goto(`/mod/records/${id}`)]);
	await Promise.all([hydrated(page), hydrated(other)]);

	await page.locator('#f-title').fill(`${title}-第一位`);
	await save(page);
	await expect(page.getByRole('status')).toHaveText('已保存');

	await other.locator('#f-title').fill(`${title}-第二位`);
	await other.locator('#f-organization').fill('第二位填写的单位');
	await save(other);
	await expect(other.getByRole('alert')).toHaveText(
		'该记录已被其他管理员修改，请刷新后再编辑（您的修改仍保留在下方）'
	);
	await expect(other.locator('#f-title')).toHaveValue(`${title}-第二位`);
	await expect(other.locator('#f-organization')).toHaveValue('第二位填写的单位');

	// Never a silent overwrite: the first save stands.
	await other.reload();
	await expect(other.locator('#f-title')).toHaveValue(`${title}-第一位`);
	await otherContext.close();
});

test('lifecycle: resolve (已认领) leaves the listing, delete archives, restore brings it back', async ({
	page
}) => {
	const title = uniqueTitle('招领：蓝色雨伞');
	const id = await postRecord(page, 'lost_found', {
		title,
		subtype: 'found_item',
		item: '蓝色雨伞'
	});
	await page.goto(`/mod/records/${id}`);
	await hydrated(page);
	await page.getByRole('button', { name: '标记为已认领' }).click();
	await expect(page.getByRole('status')).toHaveText('已标记为已解决');
	await expect(page.getByText('状态：已解决')).toBeVisible();
	await page.goto(`/records/${id}`);
	await expect(page.locator('main')).toContainText('已认领');

	await page.goto(`/mod/records/${id}`);
	await page.getByText('删除…', { exact: true }).click();
	await page.getByRole('button', { name: '确认删除', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('已删除（移入归档）');
	expect((await page.request.get(`/records/${id}`)).status()).toBe(404);

	await page.getByText('从归档恢复…').click();
	await page.getByRole('button', { name: '确认从归档恢复' }).click();
	await expect(page.getByRole('status')).toHaveText('已恢复');
	await expect(page.getByText('状态：已解决')).toBeVisible();
	// Moderators never see the admin-only hard delete.
	await expect(page.getByRole('link', { name: /永久删除/ })).toHaveCount(0);
});
