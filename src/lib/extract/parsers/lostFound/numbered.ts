/**
 * A bulletin of several things (公告如下：1.黑色皮夹…；2.儿童自行车…): one record per numbered
 * or bulleted line.
 */
import type { Page } from '../../pipeline';
import { eachPageLine } from '../../text/lineIndex';
import { BULLETS } from '../../text/patterns';
import { trimBlank, type Span } from '../../text/spans';
import { ITEM_ROW_RE } from './labels';
import type { ItemNotice } from './notices';

/** A numbered item's mark at the start of its line: 1. / 2、 / (3) / ④. */
const NUMBERED_RE = /^\s*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[①-⑳])\s*/;

/** A bulleted line: ·黑色钱包… */
const BULLET_MARK_RE = new RegExp(`^\\s*[${BULLETS}]\\s*`);

/** What a numbered line needs to be a thing of its own: when or where it was found or lost. */
const ITEM_LINE_RE = /拾|捡|遗失|丢失|遗落|月\s*\d{1,2}\s*日|[\d一二三四五六七八九十]+日/;

/**
 * A bulletin of several things (公告如下：1.黑色皮夹…；2.儿童自行车…) is one record per
 * numbered line, each with its own date, place and phone; the intro and the closing terms
 * belong to none. A notice with fewer than two such lines is kept whole.
 */
export function splitNumbered(page: Page, n: ItemNotice): ItemNotice[] {
	const parts: ItemNotice[] = [];
	for (const line of eachPageLine(page, n.start, n.end)) {
		// A numbered or bulleted line; or an unmarked short line naming a counted thing and a
		// day (黑色钱包一个（10月3日，人民路）).
		const mark =
			NUMBERED_RE.exec(line.text) ??
			BULLET_MARK_RE.exec(line.text) ??
			(line.text.length <= 40 && ITEM_ROW_RE.test(line.text) ? /^\s*/.exec(line.text) : null);
		if (!mark || !ITEM_LINE_RE.test(line.text)) continue;
		const { start: s, end: e } = trimBlank(page.norm, {
			start: line.start,
			end: Math.min(line.end, n.end)
		});
		parts.push({ subtype: n.subtype, start: s, end: e, itemFrom: line.start + mark[0].length });
	}
	if (parts.length < 2) parts.splice(0, parts.length, ...circledItems(page, n));
	if (parts.length < 2) return [n];
	const tail: Span = { start: parts[parts.length - 1].end, end: n.end };
	for (const p of parts) p.shared = tail;
	return parts;
}

/**
 * Things run together in one paragraph, each after a circled number (…以下物品：①11月15日，
 * 候车室拾到…；②…；③…。请失主…): each from its mark to the next, the last to its full stop.
 */
function circledItems(page: Page, n: ItemNotice): ItemNotice[] {
	const text = page.norm.slice(n.start, n.end);
	const marks = [...text.matchAll(/[①-⑳]/g)].map((m) => m.index);
	if (marks.length < 2) return [];
	const out: ItemNotice[] = [];
	for (let k = 0; k < marks.length; k++) {
		const from = marks[k];
		let to = k + 1 < marks.length ? marks[k + 1] : text.length;
		if (k + 1 === marks.length) {
			const stop = text.slice(from, to).indexOf('。');
			if (stop >= 0) to = from + stop + 1;
		}
		if (!ITEM_LINE_RE.test(text.slice(from, to))) return [];
		const { start, end } = trimBlank(page.norm, { start: n.start + from, end: n.start + to });
		out.push({ subtype: n.subtype, start, end, itemFrom: n.start + from + 1 });
	}
	return out;
}
