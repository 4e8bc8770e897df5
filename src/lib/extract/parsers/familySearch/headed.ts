/**
 * Headed notices: where a notice under its headline ends in a column of classifieds, and the
 * 寻亲栏 that prints several short appeals under one headline, each opened by a tag.
 */
import type { Page } from '../../pipeline';
import { isHeadlineLike, isSignerLine, SIGNATURE_DATE_RE } from '../../text/passages';
import { eachPageLine, pageParagraphs } from '../../text/lineIndex';
import { cells, type Span } from '../../text/spans';
import type { Block } from './blocks';
import { COLUMN_TAG_RE, FEATURE_LABEL_LINE_RE } from './labels';

/**
 * A 寻亲栏 prints several short appeals under one headline, each a paragraph opened by a
 * tag in brackets. Two or more such paragraphs are separate notices, each headed by its tag.
 */
export function columnItems(page: Page, span: Span): Block[] {
	const { start, end } = span;
	const out: Block[] = [];
	for (const { start: s, end: e } of pageParagraphs(page, { start, end })) {
		const tag = COLUMN_TAG_RE.exec(page.norm.slice(s, e));
		if (tag) out.push({ start: s, end: e, head: { start: s, end: s + tag[0].length } });
	}
	return out.length >= 2 ? out : [];
}

/**
 * A headed notice in a column of classifieds ends where the next item's headline starts
 * (房屋出租 after the contacts of a 寻人启事): a short line without digits or a colon,
 * after a blank line, followed by text. Signatures (an organisation, a date) stay.
 */
export function nextHeadlineCut(page: Page, span: Span): number {
	const { start, end } = span;
	let last = -1;
	let blank = false;
	let cut = -1;
	for (const line of eachPageLine(page, start, end)) {
		const t = line.text.trim();
		if (!t) {
			blank = true;
			continue;
		}
		if (cut >= 0) return last;
		if (
			last >= 0 &&
			blank &&
			isHeadlineLike(t) &&
			!/[\d:：]/.test(t) &&
			!isSignerLine(t) &&
			!SIGNATURE_DATE_RE.test(t) &&
			!FEATURE_LABEL_LINE_RE.test(t) &&
			// A table's header row (序号 姓名 性别 …) is no headline.
			cells(t, { start: 0, end: t.length }).length < 3
		)
			cut = line.start;
		else last = Math.min(line.end, end);
		blank = false;
	}
	return end;
}
