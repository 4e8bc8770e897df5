/**
 * The parts of an event passage: its headline, where the body starts, where the useful part
 * ends, and the trailing fields (主办单位：…) the passage cutter reads as a new passage.
 */
import type { Page, Passage } from '../../pipeline';
import { firstDateIn, phoneMatchesIn } from '../../text/fields';
import { isHeadlineLike, isMastheadLine, isNewspaperLineAt } from '../../text/passages';
import { eachPageLine, pageLines, pageParagraphs } from '../../text/lineIndex';
import type { Span } from '../../text/spans';
import {
	BOOKING_RE,
	BYLINE_RE,
	EVENT_FIELD_RE,
	FIELD_LINE_RE,
	METHOD_RE,
	SIGNUP_RE,
	TRAILING_LABEL_RE
} from './labels';

/**
 * The passage's headline among the short lines before its body: the one that invites
 * (报名, 招募 …), else the longest — a section label (文体·活动) is short. Bylines never.
 */
export function headlineOf(page: Page, p: Passage): Span | undefined {
	const candidates: Span[] = [];
	for (const line of eachPageLine(page, p.start, p.end)) {
		const t = line.text.trim();
		if (!t) continue;
		if ((BYLINE_RE.test(t) && t.length < 60) || isMastheadLine(t)) continue;
		if (!isHeadlineLike(t) || /[。]/.test(t) || FIELD_LINE_RE.test(t)) break;
		const s = line.start + line.text.indexOf(t);
		candidates.push({ start: s, end: s + t.length });
	}
	const text = (c: Span) => page.norm.slice(c.start, c.end);
	return (
		candidates.find((c) => SIGNUP_RE.test(text(c))) ??
		candidates.reduce<Span | undefined>(
			(best, c) => (!best || c.end - c.start > best.end - best.start ? c : best),
			undefined
		)
	);
}

/** Where the body starts: after the headline lines and bylines. */
export function bodyStartOf(page: Page, p: Passage): number {
	for (const line of eachPageLine(page, p.start, p.end)) {
		const t = line.text.trim();
		if (!t) continue;
		if (FIELD_LINE_RE.test(t)) return line.start;
		if (isHeadlineLike(t) && !/[。]/.test(t) && !SIGNUP_RE.test(t)) continue;
		if (BYLINE_RE.test(t) && t.length < 40) continue;
		return line.start;
	}
	return p.start;
}

/**
 * Where the record's passage ends: after its last paragraph that says something about the
 * event (a registration word, a way, a date, a number, a labelled field). A news story
 * goes on about other things (会议指出…), and the page's 新闻热线 line is no part of it.
 */
export function usefulEnd(page: Page, span: Span): number {
	const { start, end } = span;
	const norm = page.norm;
	let last = -1;
	for (const { start: s, end: e } of pageParagraphs(page, { start, end })) {
		const t = norm.slice(s, e);
		if (isNewspaperLineAt(page, { start: s, end: e }) || isMastheadLine(t)) continue;
		if (
			SIGNUP_RE.test(t) ||
			METHOD_RE.test(t) ||
			BOOKING_RE.test(t) ||
			EVENT_FIELD_RE.test(t) ||
			firstDateIn(page, { start: s, end: e }) !== undefined ||
			phoneMatchesIn(page, { start: s, end: e }).length > 0
		)
			last = e;
	}
	return last > start ? last : end;
}

/** True when a passage is only a notice's trailing fields or signature. */
export function isTrailingFields(page: Page, p: Passage): boolean {
	const lines = pageLines(page, p.start, p.end)
		.map((l) => l.text.trim())
		.filter(Boolean);
	if (!lines.length || lines.length > 4) return false;
	return lines.every((t) => TRAILING_LABEL_RE.test(t) && t.length <= 60);
}

/** A poster's 字段｜值 line (时间｜4月26日, 主办｜…): the bar after a short label at a line's start. */
// Only a field's label: 招募｜本周六一起去… is a headline with a column tag.
const BAR_LABEL_RE =
	/^([ \t]*[\u4e00-\u9fa5]{0,4}(?:时间|日期|地点|地址|场地|对象|费用|报名|主办|承办|协办|指导|咨询|电话|联系人?|名额|内容|要求|方式)[ \t]*)\|/gm;

/**
 * The page with each poster label's bar read as a colon (地点｜… → 地点：…), so the labelled
 * fields read alike; same length, so offsets stay. The page itself when it has none.
 */
export function labelledPage(page: Page): Page {
	// The pattern tries every line start of the page; a page without a bar (most) has none.
	if (!page.norm.includes('|')) return page;
	BAR_LABEL_RE.lastIndex = 0;
	if (!BAR_LABEL_RE.test(page.norm)) return page;
	return { ...page, norm: page.norm.replace(BAR_LABEL_RE, '$1:') };
}
