/**
 * Small text helpers shared by the notice parsers (lostFound, familySearch, event).
 * Everything here works on a `Page`: matching happens on `page.norm`, fields are cut from
 * `page.text` at the same offsets so records keep what was printed.
 */
import { NEWSPAPER_LINE_WORDS } from '../constants';
import {
	findDates,
	findDurations,
	type DateMatch,
	type DurationMatch,
	type YearMode
} from '../date';
import { toPhone } from '../fields';
import { isNoticeHeading } from '../passages';
import { findPhones, type PhoneMatch } from '../phone';
import type { Page } from '../pipeline';
import type { Phone } from '../types';

/** Characters that never belong at the edge of a field (whitespace, punctuation, bullets). */
const EDGE = /[\s,.;:!?、。，；：！？·•●○◎◆◇■□▲△▼▽★☆※→\-~'"()[\]<>《》〈〉]/;

/** Bullets and list marks that start an item in a column of short notices. */
export const BULLETS = '·•●○◎◆◇■□▲△▼▽★☆※►▶';

/** True when `c` is a CJK ideograph (BMP). */
export function isCjk(c: string | undefined): boolean {
	if (!c) return false;
	const code = c.charCodeAt(0);
	return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
}

/** True when the page prints `[start, end)` in traditional script (some ideograph was folded). */
export function isTraditional(page: Page, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		if (page.text[i] !== page.norm[i] && isCjk(page.norm[i])) return true;
	}
	return false;
}

/** True when `c` is an ASCII letter or digit. */
export function isAlnum(c: string | undefined): boolean {
	return !!c && /[0-9A-Za-z]/.test(c);
}

/**
 * The printed text of `[start, end)` as a field value: edges trimmed of whitespace and
 * punctuation (decided on `norm`, so full-width signs count), line breaks joined — a
 * newspaper column breaks lines mid-word. Returns `undefined` for an empty result.
 */
export function field(page: Page, start: number, end: number): string | undefined {
	const [s, e] = trimSpan(page.norm, start, end);
	if (e <= s) return undefined;
	const value = joinLines(page.text.slice(s, e)).replace(/[ \t\u3000]{2,}/g, ' ');
	return value || undefined;
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\u3000';

/**
 * `text` with each line break (`\n` or `\r\n`) and the blanks around it removed: every
 * match of `[ \t\u3000]*\r?\n[ \t\u3000]*` replaced by nothing, in one pass — the regex would
 * read a long run of blanks again from each of its characters.
 */
function joinLines(text: string): string {
	let out = '';
	// Everything before `from` is copied or dropped.
	let from = 0;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
		let s = i;
		if (s > from && text[s - 1] === '\r') s--;
		while (s > from && isBlank(text[s - 1])) s--;
		let e = i + 1;
		while (e < text.length && isBlank(text[e])) e++;
		out += text.slice(from, s);
		from = e;
	}
	return from === 0 ? text : out + text.slice(from);
}

/** `[start, end)` shrunk past edge whitespace and punctuation of `norm`. */
export function trimSpan(norm: string, start: number, end: number): [number, number] {
	let s = start;
	let e = end;
	while (s < e && EDGE.test(norm[s])) s++;
	while (e > s && EDGE.test(norm[e - 1])) e--;
	// A closing bracket at the end is kept when its opening bracket is inside the field.
	if (e < end && /[)\]》]/.test(norm[e])) {
		const open = norm[e] === ')' ? '(' : norm[e] === ']' ? '[' : '《';
		const inside = norm.slice(s, e);
		if (inside.lastIndexOf(open) > inside.lastIndexOf(norm[e])) e++;
	}
	return [s, e];
}

/** `[start, end)` shrunk past edge whitespace only. */
export function trimWhitespace(norm: string, start: number, end: number): [number, number] {
	let s = start;
	let e = end;
	while (s < e && /\s/.test(norm[s])) s++;
	while (e > s && /\s/.test(norm[e - 1])) e--;
	return [s, e];
}

// ---------------------------------------------------------------------------------------
// Line breaks, found once per page: a page can be one long paragraph with thousands of
// notices in it, and scanning back and forth from each of them to the nearest line break
// would take time quadratic in the paragraph's length.
// ---------------------------------------------------------------------------------------

interface BreakIndex {
	/** Offsets of every `\n` of `page.norm`, ascending. */
	breaks: Int32Array;
	/** Offsets `i` where a blank line starts (`\n\n` at `i`), ascending; built on demand. */
	pairs?: Int32Array;
}

/**
 * The index of each page, kept with the page object: a page's text cannot be the key, as
 * comparing a long string with itself may read it through.
 */
const BREAKS = new WeakMap<Page, BreakIndex>();

function breakIndex(page: Page): BreakIndex {
	let index = BREAKS.get(page);
	if (!index) {
		const norm = page.norm;
		const found: number[] = [];
		for (let i = norm.indexOf('\n'); i >= 0; i = norm.indexOf('\n', i + 1)) found.push(i);
		index = { breaks: Int32Array.from(found) };
		BREAKS.set(page, index);
	}
	return index;
}

function blankLineIndex(page: Page): Int32Array {
	const index = breakIndex(page);
	if (!index.pairs) {
		const { breaks } = index;
		const pairs: number[] = [];
		for (let k = 0; k + 1 < breaks.length; k++) {
			if (breaks[k + 1] === breaks[k] + 1) pairs.push(breaks[k]);
		}
		index.pairs = Int32Array.from(pairs);
	}
	return index.pairs;
}

/** The first index `k` of ascending `a` with `a[k] >= x` (`a.length` when there is none). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (a[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The last element of ascending `a` that is `<= x`, or -1 (as `lastIndexOf` answers). */
function lastAtOrBefore(a: Int32Array, x: number): number {
	const k = lowerBound(a, x + 1) - 1;
	return k >= 0 ? a[k] : -1;
}

/** The first element of ascending `a` that is `>= x`, or -1 (as `indexOf` answers). */
function firstAtOrAfter(a: Int32Array, x: number): number {
	const k = lowerBound(a, x);
	return k < a.length ? a[k] : -1;
}

/** Offset of the start of the line of `page.norm` that holds `pos`. */
export function lineStart(page: Page, pos: number): number {
	// norm.lastIndexOf('\n', pos - 1) + 1, the position clamped into the text as it does.
	const at = Math.min(Math.max(pos - 1, 0), page.norm.length - 1);
	return lastAtOrBefore(breakIndex(page).breaks, at) + 1;
}

/** Offset of the end (the `\n` or text end) of the line of `page.norm` that holds `pos`. */
export function lineEnd(page: Page, pos: number): number {
	// norm.indexOf('\n', pos), the position clamped into the text as it does.
	const i = firstAtOrAfter(breakIndex(page).breaks, Math.min(Math.max(pos, 0), page.norm.length));
	return i < 0 ? page.norm.length : i;
}

/**
 * The paragraph of `page.norm` around `pos`: between blank lines (two line breaks in a
 * row) or the page's ends, trimmed of whitespace.
 */
export function paragraphAt(page: Page, pos: number): [number, number] {
	const norm = page.norm;
	const pairs = blankLineIndex(page);
	// norm.lastIndexOf('\n\n', pos) and norm.indexOf('\n\n', pos), positions clamped.
	const before = lastAtOrBefore(pairs, Math.min(Math.max(pos, 0), norm.length - 2));
	const after = firstAtOrAfter(pairs, Math.min(Math.max(pos, 0), norm.length));
	return trimWhitespace(norm, before < 0 ? 0 : before, after < 0 ? norm.length : after);
}

/** A line of a page with its offsets (end excludes the line break). */
export interface Line {
	start: number;
	end: number;
	text: string;
}

/** The lines of `page.norm` that start in `[from, to)`, one by one. */
export function* eachLine(page: Page, from: number, to: number): Generator<Line> {
	const norm = page.norm;
	let s = lineStart(page, from);
	while (s < to && s <= norm.length) {
		const e = lineEnd(page, s);
		yield { start: s, end: e, text: norm.slice(s, e) };
		if (e >= norm.length) break;
		s = e + 1;
	}
}

/** The lines of `page.norm` that start in `[from, to)`. */
export function linesOf(page: Page, from: number, to: number): Line[] {
	return [...eachLine(page, from, to)];
}

const NEWSPAPER_LINE_RE = new RegExp(NEWSPAPER_LINE_WORDS.join('|'));

/** True when a line is the newspaper's own (advertising, tip-off, circulation) line. */
export function isNewspaperLine(line: string): boolean {
	return NEWSPAPER_LINE_RE.test(line);
}

/**
 * A newspaper's page masthead: 株洲晚报 2026年9月19日 星期六 第03版 城事, 社区周报 21.11.2026
 * 第4版. Short like a headline, but never a notice's or an article's title.
 */
const MASTHEAD_RE = /第\s*[A-Z]?\s*\d{1,3}\s*版|(?:报|報)\s+\d{4}\s*年|\s\d{1,2}\.\d{1,2}\.\d{4}\s/;

export function isMastheadLine(line: string): boolean {
	return line.length <= 60 && MASTHEAD_RE.test(line);
}

/**
 * True when a line looks like a headline: short, no sentence punctuation inside or at its
 * end. Signature lines (an organisation, a date) look the same; callers tell them apart.
 */
export function isHeadlineLike(line: string): boolean {
	const t = line.trim();
	if (!t || t.length > 32) return false;
	// Headlines may shout (招募啦！) but hold no sentence inside.
	const inner = t.replace(/[!！]+$/, '');
	return !/[。！？!?；;]/.test(inner) && !/[,，:：、]$/.test(inner);
}

/** True when a line heads a notice: 寻物启事, 遗失声明, 查找弃婴生父母公告 … */
export function isNoticeHead(line: string): boolean {
	const t = line.trim();
	return isHeadlineLike(t) && isNoticeHeading(t, { start: 0, end: t.length });
}

/** A date line at the foot of a notice: 2024年11月5日 / 2024.11.5 / 二〇二四年十一月五日. */
export const SIGNATURE_DATE_RE =
	/^\s*(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*[年.\-/]\s*[\d一二三四五六七八九十]{1,3}\s*[月.\-/]\s*[\d一二三四五六七八九十]{1,3}\s*日?\s*$/;

/** Endings of organisation names that sign notices. */
const ORG_END_RE =
	/(?:公司|集团|福利院|福利中心|救助管理站|救助站|民政局|公安局|派出所|分局|委员会|居委会|村委会|办事处|街道|社区|中心|医院|学校|协会|学会|联合会|基金会|馆|局|院|所|站|会|部|处|办|队|厂|店|社)$/;

/** True when `s` reads as an organisation name (ends with an organisation word). */
export function isOrganization(s: string): boolean {
	return s.length >= 3 && s.length <= 40 && ORG_END_RE.test(s.trim());
}

/** A notice's contact line (联系电话：…, 联系地址：…): short, but never the next headline. */
const CONTACT_LINE_RE = /^(?:联系|电话|地址|邮箱|咨询|办公)[\u4e00-\u9fa5]{0,4}\s*[:：]/;

/** How far a notice block may run at most, in characters. */
const MAX_BLOCK = 1600;

/**
 * The extent of a notice that starts at `start` (its headline or first sentence): the
 * following lines up to the next notice's headline, an article headline, the newspaper's
 * own footer line, or `limit`. Signature lines (organisation, date) stay in the block.
 * @returns the end offset (exclusive, trailing whitespace trimmed).
 */
export function noticeBlockEnd(page: Page, start: number, limit = page.norm.length): number {
	const norm = page.norm;
	const max = Math.min(limit, start + MAX_BLOCK);
	let end = start;
	let bodySeen = false;
	let closing = false;
	// Lines are read only as far as the block goes, not all the way to `max`.
	let index = -1;
	for (const line of eachLine(page, start, max)) {
		index++;
		const t = line.text.trim();
		const first = index === 0;
		if (!t) continue;
		if (!first && isNewspaperLine(t)) break;
		if (!first && bodySeen && isNoticeHead(t)) break;
		if (!first && isHeadlineLike(t)) {
			// A signature (organisation or date) closes the notice; anything else short after
			// the body is the next headline.
			if (SIGNATURE_DATE_RE.test(t)) {
				end = Math.min(line.end, max);
				closing = true;
				continue;
			}
			if (isOrganization(t) && bodySeen) {
				end = Math.min(line.end, max);
				continue;
			}
			if (closing) break;
			if (bodySeen && isNoticeHead(t)) break;
			// A short line after a finished paragraph that is followed by a blank line or
			// another paragraph is a new headline.
			let k = line.start;
			while (k > start && /\s/.test(norm[k - 1])) k--;
			if (
				bodySeen &&
				/[。！？!?]/.test(norm[k - 1] ?? '') &&
				norm[line.start - 2] === '\n' &&
				!CONTACT_LINE_RE.test(t)
			)
				break;
		}
		if (closing) break;
		end = Math.min(line.end, max);
		if (!first || !isHeadlineLike(t)) bodySeen = true;
	}
	return trimWhitespace(norm, start, end)[1];
}

/** A personal name or a polite form (王先生, 李女士, 张警官) for a contact. */
export const CONTACT_NAME =
	'[\\u4e00-\\u9fa5]{1,3}(?:先生|女士|小姐|老师|警官|阿姨|师傅)|[\\u4e00-\\u9fa5]{2,4}';

const CONTACT_RES: RegExp[] = [
	new RegExp(
		`联系人(?:员)?\\s*[:：]?\\s*(?<name>${CONTACT_NAME})(?=$|[\\s,，。;；:：(（、]|电话|手机|联系)`
	),
	new RegExp(`(?:请|可|敬请)?(?:与|和|联系)\\s*(?<name>${CONTACT_NAME})\\s*(?:联系|联络)`),
	// Each run of blanks read once (\s*(?:电话\s*)? rather than \s*(?:电话)?\s*): the other way,
	// a long run after 王先生 is split every way between the \s* before failing.
	new RegExp(
		`(?<name>[\\u4e00-\\u9fa5]{1,3}(?:先生|女士|小姐|警官))\\s*(?:(?:电话|手机|联系电话)\\s*)?(?:[:：]\\s*)?\\d`
	)
];

/** Words that cannot be a contact's name even though they fit the pattern. */
const NOT_A_NAME =
	/我们|本人|家属|我站|我院|本站|本院|本单位|我单位|公司|工作人员|民警|相关|有关|当地|警方|派出所|电话/;

/**
 * The contact person of a notice: 联系人：张三 / 请与张三联系 / 王先生 13800000000.
 * @returns offsets of the name in the page.
 */
export function findContactName(
	page: Page,
	start: number,
	end: number
): { start: number; end: number } | undefined {
	const text = page.norm.slice(start, end);
	for (const re of CONTACT_RES) {
		const m = re.exec(text);
		const name = m?.groups?.name;
		if (!m || !name || NOT_A_NAME.test(name)) continue;
		const s = start + m.index + m[0].indexOf(name);
		return { start: s, end: s + name.length };
	}
	return undefined;
}

/** The punctuation that ends a clause. */
const CLAUSE_END = /[,，;；。!！?？]/;

/** Where the first clause of `[start, end)` ends: its punctuation mark, or `end`. */
export function clauseEnd(norm: string, start: number, end: number): number {
	let i = start;
	while (i < end && !CLAUSE_END.test(norm[i])) i++;
	return i;
}

/** Clauses of `[start, end)`: cut at commas, semicolons, full stops and line-ending punctuation. */
export function clauses(norm: string, start: number, end: number): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let s = start;
	for (let i = start; i <= end; i++) {
		if (i === end || CLAUSE_END.test(norm[i])) {
			const [a, b] = trimSpan(norm, s, i);
			if (b > a) out.push([a, b]);
			s = i + 1;
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------
// Phones and dates: thin adapters over phone.ts and date.ts, so the three notice parsers
// call one small interface with page offsets.
// ---------------------------------------------------------------------------------------

/** Phones in `[start, end)` of the page; the newspaper's own lines are left out. */
export function phonesIn(page: Page, start: number, end: number): PhoneMatch[] {
	return findPhones(page.norm, { start, end, original: page.text, areaCode: page.areaCode }).filter(
		(p) => !p.newspaperLine
	);
}

/** Phones as a record carries them: number, raw, label. */
export function recordPhones(hits: readonly PhoneMatch[]): Phone[] {
	const out: Phone[] = [];
	const seen = new Set<string>();
	for (const p of hits) {
		if (seen.has(p.number)) continue;
		seen.add(p.number);
		out.push(toPhone(p));
	}
	return out;
}

/**
 * How far past the start of a date `findDates` / `findDurations` read: the date itself
 * (under 20 characters), a time and a range after it, and the sentence around it (60
 * characters each way) — with room to spare.
 */
const DATE_REACH = 256;

/**
 * The page's text cut a little after `end`. `findDates` looks for the next date from its
 * start and stops at the first one at or past its end: on a long page with no date after
 * the span, that search would run to the end of the page for every span asked about. Cut,
 * it stops soon after the span, and every date that starts inside the span reads the same.
 */
function upTo(norm: string, end: number): string {
	return end + DATE_REACH < norm.length ? norm.slice(0, Math.max(0, end) + DATE_REACH) : norm;
}

/** Dates in `[start, end)` of the page, relative to its publication date. */
export function datesIn(page: Page, start: number, end: number, mode?: YearMode): DateMatch[] {
	// No date starts inside an empty span.
	if (start >= end) return [];
	return findDates(
		upTo(page.norm, end),
		page.published,
		mode ? { start, end, mode } : { start, end }
	);
}

/** Durations (60日, 三个月) in `[start, end)` of `norm`. */
export function durationsIn(norm: string, start: number, end: number): DurationMatch[] {
	if (start >= end) return [];
	return findDurations(upTo(norm, end), start, end);
}

/**
 * Spans taken so far, asked whether a new span overlaps one of them. Spans are mostly
 * added in text order; the answer holds in any order.
 */
export class SpanSet {
	private starts: number[] = [];
	private ends: number[] = [];
	/** The largest end among the spans up to each position (spans sorted by start). */
	private maxEnds: number[] = [];

	add(start: number, end: number): void {
		const k = lowerBound(this.starts, start + 1);
		this.starts.splice(k, 0, start);
		this.ends.splice(k, 0, end);
		this.maxEnds.length = this.starts.length;
		for (let i = k; i < this.starts.length; i++)
			this.maxEnds[i] = Math.max(i > 0 ? this.maxEnds[i - 1] : -Infinity, this.ends[i]);
	}

	/** True when a span `[s, e)` of the set has `start < e` and `end > s`. */
	overlaps(start: number, end: number): boolean {
		const k = lowerBound(this.starts, end);
		return k > 0 && this.maxEnds[k - 1] > start;
	}
}

/**
 * Where any of some words occur in `[from, to)` of a text (overlapping occurrences
 * included), to ask whether a span inside it holds one whole — what
 * `/w1|w2/.test(text.slice(start, end))` answers — without reading the span again for
 * every question.
 */
export class Occurrences {
	private starts: number[] = [];
	/** The smallest end among the occurrences from each position on. */
	private minEnds: number[] = [];

	constructor(text: string, words: readonly string[], from = 0, to = text.length) {
		// Shortest first: at one position the shortest word ends first.
		const alt = [...words]
			.sort((a, b) => a.length - b.length)
			.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('|');
		for (const m of text.slice(from, to).matchAll(new RegExp(`(?=(${alt}))`, 'g'))) {
			this.starts.push(from + m.index);
			this.minEnds.push(from + m.index + m[1].length);
		}
		// Each occurrence's end, then the smallest from there on.
		for (let i = this.minEnds.length - 2; i >= 0; i--)
			this.minEnds[i] = Math.min(this.minEnds[i], this.minEnds[i + 1]);
	}

	/** True when some occurrence lies wholly inside `[start, end)`. */
	within(start: number, end: number): boolean {
		const k = lowerBound(this.starts, start);
		return k < this.starts.length && this.minEnds[k] <= end;
	}
}

/** A regex that matches any of `words`, longest first (so 救助管理站 wins over 救助站). */
export function anyOf(words: readonly string[], flags?: string): RegExp {
	const escaped = [...words]
		.sort((a, b) => b.length - a.length)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(escaped.join('|'), flags);
}

/** The alternation source of `words` (longest first), to embed in a larger pattern. */
export function alternation(words: readonly string[]): string {
	return anyOf(words).source;
}
