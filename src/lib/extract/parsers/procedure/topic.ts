/** Whether an answer is about its question: the content words (bigrams) they share. */

/** Words that say nothing about the subject of a question. */
const STOP_BIGRAMS = new Set(
	(
		'何时 如何 什么 能否 是否 需要 请问 问题 相关 部门 解决 合理 进展 可以 怎么 为什么 哪里 ' +
		'多少 怎样 能不 不能 希望 建议 反映 咨询 提问 一下 这个 那个 我们 你们 他们 现在 目前 ' +
		'情况 有关 请求 协调 尽快 时候 具备 条件 办理 能够'
	).split(' ')
);

/**
 * Share of the question's content bigrams that the answer repeats. Answers restate what
 * they answer (the road, the school, the permit); an answer about another subject shares
 * none of it.
 */
export function topicOverlap(question: string, answer: string): number {
	const grams = new Set<string>();
	const runs = question.match(/[\u4e00-\u9fa5]{2,}|[A-Za-z]{2,}/g) ?? [];
	for (const run of runs) {
		if (/^[A-Za-z]+$/.test(run)) {
			grams.add(run.toLowerCase());
			continue;
		}
		for (let i = 0; i + 2 <= run.length; i++) {
			const g = run.slice(i, i + 2);
			if (!STOP_BIGRAMS.has(g)) grams.add(g);
		}
	}
	if (!grams.size) return 1;
	const a = answer.toLowerCase();
	let hit = 0;
	for (const g of grams) if (a.includes(g)) hit++;
	return hit / grams.size;
}
