/**
 * The 便民电话卡: one A4 page of the numbers a household needs, in large type, to stick on a
 * fridge. Emergency numbers and 12345 always head it; then the published hotlines, grouped by
 * what they are for, the numbers printed most often first (a number several notices print is
 * one many people use).
 */

export interface CardEntry {
	name: string;
	number: string;
	/** How many published records print this number. */
	printed: number;
}

export interface CardGroup {
	label: string;
	entries: CardEntry[];
}

/** Always on the card, whatever the papers printed. */
export const FIXED_NUMBERS: readonly CardEntry[] = [
	{ name: '报警', number: '110', printed: 0 },
	{ name: '火警', number: '119', printed: 0 },
	{ name: '急救', number: '120', printed: 0 },
	{ name: '交通事故', number: '122', printed: 0 },
	{ name: '政务服务便民热线', number: '12345', printed: 0 }
];

/** What a hotline is for, by words in its name; the first group that matches wins. */
const GROUPS: readonly { label: string; words: readonly string[] }[] = [
	{
		label: '社保 医保 就业',
		words: ['社保', '医保', '医疗保险', '养老', '失业', '就业', '人社', '人才', '公积金']
	},
	{
		label: '水 电 气',
		words: ['供水', '自来水', '水务', '停水', '供电', '电力', '95598', '燃气', '天然气', '供暖']
	},
	{ label: '医疗 卫生', words: ['医院', '卫健', '卫生', '疾控', '急救', '心理', '药'] },
	{ label: '交通 出行', words: ['公交', '出租', '交通', '交警', '客运', '铁路', '高速', '地铁'] },
	{
		label: '老人 儿童 救助',
		words: ['为老', '老年', '养老服务', '儿童', '妇女', '救助', '民政', '残联', '寻亲']
	},
	{ label: '投诉 举报', words: ['投诉', '举报', '监督', '消费', '市场监管', '价格', '12315'] },
	{ label: '教育', words: ['教育', '学校', '招生', '考试'] }
];
const OTHER = '其他常用';

function groupOf(name: string): string {
	return GROUPS.find((g) => g.words.some((w) => name.includes(w)))?.label ?? OTHER;
}

/**
 * Groups in a fixed order, each with at most `perGroup` entries, numbers printed most often
 * first; a number already among the fixed ones, or in an earlier entry, is not repeated.
 */
export function buildCard(
	hotlines: readonly CardEntry[],
	perGroup = 4,
	/** What one A4 sheet holds in large type, beside the fixed numbers. */
	maxEntries = 24
): CardGroup[] {
	const seen = new Set(FIXED_NUMBERS.map((e) => e.number));
	const byGroup = new Map<string, CardEntry[]>();
	const sorted = [...hotlines].sort(
		(a, b) => b.printed - a.printed || a.name.localeCompare(b.name, 'zh')
	);
	let taken = 0;
	for (const entry of sorted) {
		if (taken >= maxEntries) break;
		if (seen.has(entry.number)) continue;
		seen.add(entry.number);
		const label = groupOf(entry.name);
		const list = byGroup.get(label) ?? [];
		if (list.length < perGroup) {
			list.push(entry);
			taken++;
		}
		byGroup.set(label, list);
	}
	return [...GROUPS.map((g) => g.label), OTHER]
		.filter((label) => byGroup.get(label)?.length)
		.map((label) => ({ label, entries: byGroup.get(label)! }));
}
