/**
 * Passages that announce several events: an events list (■ items or a numbered programme whose
 * items each have a date) and a story with one activity per paragraph.
 */
import type { Page, Passage } from '../../pipeline';
import { firstDateIn } from '../../text/fields';
import { pageLines, pageParagraphs, type PageLine } from '../../text/lineIndex';
import { BULLETS } from '../../text/patterns';
import { firstPrinted, trimBlank } from '../../text/spans';
import {
	BOOKING_RE,
	FIELD_LINE_RE,
	ITEM_HEAD_RE,
	METHOD_RE,
	NUMBERED_HEAD_RE,
	SIGNUP_RE
} from './labels';
import { findWhen } from './when';

/** A list item's bullet or number before its name. */
const ITEM_LEAD_RE = new RegExp(
	`^[${BULLETS}\\s]*(?:\\d{1,2}[.、]|[(（]\\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?\\s*`
);

/**
 * The name of one item of a list, as printed: its first line without the bullet or the
 * number, up to the first colon or comma (1．绘本故事会：11月1日… → 绘本故事会).
 */
export function itemName(page: Page, p: Passage): string | undefined {
	const norm = page.norm;
	const lead = ITEM_LEAD_RE.exec(norm.slice(p.start, p.end));
	const s = p.start + (lead ? lead[0].length : 0);
	const stop = /[:：,，。\n]/.exec(norm.slice(s, Math.min(p.end, s + 40)));
	const e = stop ? s + stop.index : Math.min(p.end, s + 40);
	// As printed, quotes kept (“冬日暖阳”亲子徒步).
	const name = page.text.slice(s, e).trim();
	return name.length >= 2 ? name : undefined;
}

/** Per UTF-16 code below 0x10000: 1 for the bullets ITEM_HEAD_RE opens with. */
const IS_BULLET = new Uint8Array(0x10000);
for (const b of BULLETS) IS_BULLET[b.charCodeAt(0)] = 1;
/** Likewise the characters NUMBERED_HEAD_RE can open with: a digit, a bracket, a numeral. */
const IS_NUMBER_LEAD = new Uint8Array(0x10000);
for (const c of '0123456789(（一二三四五六七八九十') IS_NUMBER_LEAD[c.charCodeAt(0)] = 1;

/**
 * The items of an events list (活动预告: ■ headline, 时间/地点/报名 lines, next ■ …), each
 * from its bullet line to the next; none unless at least two items each have a date or a
 * registration word. One item is one event.
 */
export function listItems(page: Page, p: Passage): Passage[] {
	const norm = page.norm;
	const lines = pageLines(page, p.start, p.end);
	// Both heads open with one of a few characters: a line whose first printed character is
	// none of them is not trimmed and tested (most lines of a passage are prose).
	const bulleted: PageLine[] = [];
	const numbered: PageLine[] = [];
	for (const l of lines) {
		const first = firstPrinted(norm, l);
		if (first < 0) continue;
		if (IS_BULLET[first] === 1 && ITEM_HEAD_RE.test(l.text.trim())) bulleted.push(l);
		if (IS_NUMBER_LEAD[first] === 1 && NUMBERED_HEAD_RE.test(l.text.trim())) numbered.push(l);
	}
	const heads = bulleted.length >= 2 ? bulleted : numbered;
	if (heads.length < 2) return [];
	const items = heads.map((l, k): Passage => {
		const s = l.start + l.text.indexOf(l.text.trim());
		const e = k + 1 < heads.length ? heads[k + 1].start : p.end;
		return { start: s, end: trimBlank(page.norm, { start: s, end: e }).end };
	});
	const eventful = items.filter(
		(it) => firstDateIn(page, it) !== undefined || SIGNUP_RE.test(page.norm.slice(it.start, it.end))
	);
	if (heads === numbered)
		return items.every((it) => firstDateIn(page, it) !== undefined) ? items : [];
	return eventful.length >= 2 ? items : [];
}

/**
 * A story that announces several activities, one paragraph each (10月24日…合唱展演…报名。
 * 此外，10月25日…书画活动…报名): two or more prose paragraphs that each say when their
 * activity happens, with a registration word and a way. Labelled lines (报名时间：…) are
 * one notice's fields, never separate activities.
 */
export function storyItems(page: Page, p: Passage): Passage[] {
	const norm = page.norm;
	const out: Passage[] = [];
	const starts = new Set<string>();
	for (const { start: s, end: e } of pageParagraphs(page, p)) {
		const t = norm.slice(s, e);
		if (FIELD_LINE_RE.test(t) || !(SIGNUP_RE.test(t) || BOOKING_RE.test(t)) || !METHOD_RE.test(t))
			continue;
		const when = findWhen(page, { start: s, end: e });
		if (!when.startsOn) continue;
		out.push({ start: s, end: e });
		starts.add(when.startsOn.slice(0, 10));
	}
	// Two paragraphs of one activity (its day said twice) are no two activities.
	return out.length >= 2 && starts.size === out.length ? out : [];
}
