/**
 * 寻物启事 / 招领启事 under their own headline: a headline line (寻物启事, 【失物招领】), or a
 * paragraph that starts with the word and a colon (寻物启事：本人…). The notice runs to the end
 * of its block, and stops before the next notice, a list or table, or the page's own tip.
 */
import type { Page } from '../../pipeline';
import { isHeadlineLike, noticeBlockEnd } from '../../text/layout';
import { eachPageLine } from '../../text/lineIndex';
import { lowerBound, trimBlank, type Span } from '../../text/spans';
import {
	BULLET_START_RE,
	CLOSING_PARAGRAPH_RE,
	FOUND_HEAD_RE,
	INLINE_HEAD_RE,
	LOST_HEAD_RE,
	VOID_END_ONCE_RE,
	VOID_HEAD_RE
} from './labels';
import type { ItemNotice, Taken } from './notices';

/** Headed notices of the page, outside what `taken` holds and stopping before `listed`. */
export function headedNotices(page: Page, listed: readonly Span[], taken: Taken): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	const mine = taken.way();
	const listStarts = listed.map((l) => l.start);
	for (const line of eachPageLine(page, 0, norm.length)) {
		const t = line.text.trim();
		if (!t) continue;
		const lostHead = LOST_HEAD_RE.exec(t);
		const foundHead = FOUND_HEAD_RE.exec(t);
		const head = lostHead ?? foundHead;
		if (!head) continue;
		const inline = INLINE_HEAD_RE.test(t);
		if (!inline && !isHeadlineLike(t)) continue;
		// The notice's own headline starts or ends with the word (【失物招领】, 寻物启事);
		// a news headline only mentions it (失物招领处搬新家了).
		if (!inline) {
			const bare = t.replace(/^[[【(（\s]+|[\]】)）!！\s]+$/g, '');
			if (
				!(bare.startsWith(head[0]) && /(?:启[事示]|公告|招领)$/.test(bare)) &&
				!bare.endsWith(head[0])
			)
				continue;
		}
		if (taken.overlaps(line)) continue;
		let end = clipAtNextNotice(page, line.start, noticeBlockEnd(page, line.start));
		const nextList = listStarts[lowerBound(listStarts, line.end)];
		if (nextList !== undefined && nextList < end) end = nextList;
		const span = trimBlank(norm, { start: line.start, end });
		const hs = line.start + line.text.indexOf(t);
		mine.add(span);
		out.push({
			subtype: lostHead ? 'lost_item' : 'found_item',
			...span,
			head: { start: hs, end: inline ? hs + head.index + head[0].length : hs + t.length }
		});
	}
	return out;
}

/**
 * A headed lost/found block stops before what follows it: a void notice, the next
 * notice (its headline or an inline 寻物启事：…), or the page's own tip or terms.
 */
function clipAtNextNotice(page: Page, start: number, end: number): number {
	for (const line of eachPageLine(page, start, end)) {
		if (line.start <= start) continue;
		const t = line.text.trim();
		if (BULLET_START_RE.test(t) || (VOID_HEAD_RE.test(t) && isHeadlineLike(t))) return line.start;
		if (/遗失|丢失/.test(t) && VOID_END_ONCE_RE.test(t)) return line.start;
		if (INLINE_HEAD_RE.test(t) || CLOSING_PARAGRAPH_RE.test(t)) return line.start;
		if (isHeadlineLike(t) && (LOST_HEAD_RE.test(t) || FOUND_HEAD_RE.test(t))) return line.start;
	}
	return end;
}
