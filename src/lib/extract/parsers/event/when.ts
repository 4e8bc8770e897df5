/**
 * When the event happens and when registration closes, from the words around each date.
 */
import type { DateMatch } from '../../date';
import type { Page } from '../../pipeline';
import { datesIn } from '../../text/fields';
import { lineStart } from '../../text/lineIndex';
import type { Span } from '../../text/spans';
import {
	DEADLINE_AFTER_RE,
	DEADLINE_BEFORE_RE,
	EXTENDED_BEFORE_RE,
	START_AFTER_RE,
	START_BEFORE_RE,
	START_CLAUSE_RE,
	START_SENTENCE_RE
} from './labels';

interface When {
	startsOn?: string;
	endsOn?: string;
	deadline?: string;
}

/**
 * When the event happens and when registration closes. `item`: the span is one item of a
 * programme (1．绘本故事会：11月1日上午10:00，…), whose first date that is no deadline is
 * the event's own.
 */
/**
 * A run of days with the clock time of each (7月20日至7月24日，每日上午9:00—11:30; 每周六上午
 * 10:00举办): the first day at that time. A date with its own time, or none said, as it is.
 */
const DAILY_TIME_RE =
	/^[^。;；\n]{0,30}?每(?:日|天|晚|周[一二三四五六日天]|个?星期[一二三四五六日天])[^。;；\n]{0,6}?(?<pm>下午|晚上)?\s*(?<h>\d{1,2})[:：](?<m>\d{2})/;

function withDailyTime(norm: string, d: DateMatch, end: number): string {
	if (d.value.includes('T')) return d.value;
	const m = DAILY_TIME_RE.exec(norm.slice(d.end, Math.min(end, d.end + 60)));
	if (!m?.groups) return d.value;
	let h = Number(m.groups.h);
	if (m.groups.pm && h < 12) h += 12;
	return `${d.value.slice(0, 10)}T${String(h).padStart(2, '0')}:${m.groups.m}`;
}

export function findWhen(page: Page, span: Span, item = false): When {
	const { start, end } = span;
	const norm = page.norm;
	const out: When = {};
	let other: DateMatch | undefined;
	for (const d of datesIn(page, span, 'nearest')) {
		const ls = lineStart(page, d.start);
		let before = norm.slice(Math.max(ls, d.start - 16), d.start);
		// A date at the start of a line under a heading line (二、活动时间): the heading is
		// its label.
		if (!before.trim()) before = headingAbove(page, ls, start);
		const after = norm.slice(d.end, d.end + 8);
		if (EXTENDED_BEFORE_RE.test(before)) {
			out.deadline = (d.until ?? d.value).slice(0, 10);
			continue;
		}
		if (!out.deadline && (DEADLINE_BEFORE_RE.test(before) || DEADLINE_AFTER_RE.test(after))) {
			// 报名时间：5月1日至5月15日 → the deadline is the range's end.
			out.deadline = (d.until ?? d.value).slice(0, 10);
			continue;
		}
		const rest = norm.slice(d.end, d.end + 40);
		// 此外，10月25日下午，…: a linking word does not stop the date opening its sentence.
		const opensSentence =
			/^\s*$/.test(norm.slice(ls, d.start)) ||
			/(?:[。!！?？]|^\s*(?:此外|另外|同时|其中|另悉)[,，]?)\s*$/.test(before);
		if (
			!out.startsOn &&
			(START_BEFORE_RE.test(before) ||
				START_AFTER_RE.test(after) ||
				START_CLAUSE_RE.test(rest) ||
				(opensSentence && START_SENTENCE_RE.test(rest)))
		) {
			out.startsOn = withDailyTime(norm, d, end);
			if (d.until) out.endsOn = d.until;
		}
		other ??= d;
	}
	if (item && !out.startsOn && other) {
		out.startsOn = other.value;
		if (other.until) out.endsOn = other.until;
	}
	return out;
}

/** The short line right above `ls` (a section heading), numbering removed, with a colon. */
function headingAbove(page: Page, ls: number, floor: number): string {
	const norm = page.norm;
	let e = ls - 1;
	while (e > floor && /\s/.test(norm[e - 1])) e--;
	const s = lineStart(page, e);
	if (s < floor) return '';
	const t = norm
		.slice(s, e)
		.trim()
		.replace(
			/^(?:[一二三四五六七八九十]+[、.]|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,2}[)）])\s*/,
			''
		)
		// [活动时间] (【活动时间】): the brackets are no part of the label.
		.replace(/^\[(.*)\]$/, '$1');
	return t.length <= 12 && !/[:：]/.test(t) ? `${t}:` : '';
}
