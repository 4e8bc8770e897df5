/**
 * Examples and templates (a how-to guide's 示例, an agency's 模板, XX公司, ***, 张三 next to
 * 格式) are never records.
 */
import { SAMPLE_NAMES, TEMPLATE_WORDS } from '../../constants';
import type { Page } from '../../pipeline';
import { lineStart } from '../../text/lineIndex';
import { alternation, anyOf } from '../../text/patterns';
import type { LostFoundRecord } from '../../../records/types';

/**
 * What a template prints where a real notice has a name or a number: XX公司, xxx, ***,
 * 430xxxxxxxxxxxxxxx (the rest of the number left out), □□. A run between letters or digits
 * is no placeholder: X inside a code (…MA4L2RXX7B), or the middle of a masked ID number
 * (430203********1234) that police lists of found cards print.
 */
const PLACEHOLDER_RE = /(?<![A-Za-z0-9*])[xX*]{2,}|[xX*]{3,}(?![A-Za-z0-9*])|[○□]{2,}/;

/**
 * 某某 standing for a whole value (某某公司遗失…, 编号：某某某某) marks a template; after a
 * surname (王某某) it is a name made anonymous, as news and test pages print them.
 */
const ANONYMISED_RE = /(?:^|[:：]\s*)某某/;

const TEMPLATE_RE = anyOf(TEMPLATE_WORDS);

/** How far before a notice, on its line, an example's label may be printed. */
const LABEL_REACH = 24;

/** How much of the line introducing a notice (…请参照下面的写法：) is read. */
const INTRO_REACH = 60;

const SAMPLE_NAME_RE = new RegExp(`^(?:${alternation(SAMPLE_NAMES)})`);

/**
 * True when a notice is an example (a how-to guide's 示例, an agency's 模板, a note to
 * advertisers): it prints placeholders, its own line or the line that introduces it
 * (…写法如下：) names it an example, or its holder is a sample name (张三, 李四) with such
 * words close by. Such notices must never become records.
 */
export function isExample(page: Page, r: LostFoundRecord): boolean {
	const norm = page.norm;
	const { start, end } = r.source;
	const span = norm.slice(start, end);
	if (PLACEHOLDER_RE.test(span)) return true;
	if (r.subtype === 'void_notice' && ANONYMISED_RE.test(span)) return true;
	// The label in front of the notice on its line (示例一：, 【模板1】): a few characters, not
	// the whole of a long line.
	const ls = lineStart(page, start);
	// After the last sentence end: in a run-together column the words before belong to the
	// previous notice (…参考书店遗失…声明作废。).
	const label = norm
		.slice(Math.max(ls, start - LABEL_REACH), start)
		.split(/[。;；!！]/)
		.pop()!;
	if (TEMPLATE_RE.test(label)) return true;
	// The last non-blank line before the notice, when it introduces it (ends with a colon).
	let k = ls;
	while (k > 0 && /\s/.test(norm[k - 1])) k--;
	const prevStart = lineStart(page, Math.max(0, k - 1));
	const prev = norm.slice(Math.max(prevStart, k - INTRO_REACH), k);
	if (/[:：]$/.test(prev) && TEMPLATE_RE.test(prev)) return true;
	if (r.holder && SAMPLE_NAME_RE.test(r.holder)) {
		const around = norm.slice(Math.max(0, start - 200), Math.min(norm.length, end + 100));
		if (TEMPLATE_RE.test(around)) return true;
	}
	return false;
}
