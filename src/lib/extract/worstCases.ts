/**
 * Pages built to make a careless extractor hang: a regex that backtracks catastrophically, a
 * scan that goes quadratic, a spread of a huge array that overflows the stack. The unit tests
 * check that extract() survives each with a valid result; `npm run bench` times them (speed is
 * the benchmark's business, not a unit test's).
 */
const KB100 = 100_000;

const fill = (unit: string, length = KB100) =>
	unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** A directory page of `n` numbered hotline lines, each a record of its own. */
export function hotlineList(n: number): string {
	const names = ['社保咨询电话', '医保服务热线', '公积金查询电话', '供水抢修电话', '燃气报修热线'];
	const lines = ['株洲市便民服务电话'];
	for (let i = 0; i < n; i++)
		lines.push(`${names[i % names.length]}：0731-2${String(1_000_000 + i).slice(-7)}`);
	return lines.join('\n');
}

export const WORST_CASES: Record<string, string> = {
	'100 KB of digits': fill('1'),
	'100 KB of digit groups with spaces': fill('0731 '),
	'100 KB of phone numbers without breaks': fill('0731-28213456'),
	'repeated 声明作废': fill('声明作废'),
	'repeated 电话': fill('电话'),
	'repeated 电话：1': fill('电话：1'),
	'repeated 报名截止': fill('报名截止'),
	'100 KB of spaces': fill(' '),
	'100 KB of newlines': fill('\n'),
	'100 KB of CRLF and blank lines': fill('\r\n \r\n'),
	'100 KB of mixed whitespace': fill(' \n\t\r\u3000'),
	"50k '('": fill('(', 50_000),
	"50k '（'": fill('（', 50_000),
	"50k '(' then digits": fill('(', 50_000) + '0731',
	'100 KB of colons': fill('：'),
	'100 KB of dates': fill('2024年11月5日'),
	'100 KB of one Chinese line': fill('株洲日报讯'),
	'hotline lines': fill('服务热线：0731-28213456\n'),
	'ID numbers back to back': fill('430203199001011234'),
	'one huge word with a notice at the end': fill('a') + '张三遗失身份证，声明作废。',
	// Long paragraphs without line breaks, full of notice words: these once grew quadratically
	// with the paragraph's length (8.7 s for 100 KB of '遗失身份证声明作废。'), as the notice
	// parsers scanned back and forth to line and paragraph breaks from every candidate.
	'repeated 遗失身份证声明作废。': fill('遗失身份证声明作废。'),
	'repeated 遗失': fill('遗失'),
	'repeated 寻亲': fill('寻亲'),
	'repeated 网友提问:': fill('网友提问:'),
	'repeated 办理条件: lines': fill('办理条件:\n'),
	'repeated 回复:': fill('回复:'),
	// Lost-and-found lists and examples: every candidate once read its whole line (a 示例
	// label) or scanned the page back for 中华人民共和国, quadratic on one long paragraph.
	'repeated 失主分别为 lists': fill('失主分别为甲乙、丙丁'),
	'repeated example notices': fill('示例：赵一遗失中华人民共和国护照，号码E1234567，声明作废。'),
	// One paragraph of many Q&A items: reading back from each item to its paragraph's start
	// once made these quadratic (37 s for 100 KB of numbered question subheads).
	'repeated numbered question subheads': fill('一、哪些人可以申领?\n可以申领。\n'),
	'one paragraph of 网友反映，… XX局回复，…': fill('网友反映，路灯坏了。市城管局回复，已修好。'),
	'1 MB of traditional script and full-width forms': fill(
		'株洲日報訊（記者）電話：２８６８７９４７。\n',
		1_000_000
	)
};

/**
 * A list of this many distinct hotlines (3.3 MB) once overflowed the call stack (push(...)
 * of every record) and took minutes to deduplicate (every record against every other).
 */
export const HUGE_LIST_ENTRIES = 150_000;
