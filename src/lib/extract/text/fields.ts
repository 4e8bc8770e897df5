/**
 * Field finders shared by every parser: the text of a field, phones, e-mails, dates,
 * districts, organisations, contacts, office hours and addresses. All match on the
 * normalised text and return what the original printed, at the same offsets.
 */
import { DISTRICT_ALIASES, DISTRICTS } from '../../records/city';
import { ADDRESS_WORDS, HOURS_WORDS } from '../constants';
import {
	findDates,
	findDurations,
	type DateMatch,
	type DurationMatch,
	type YearMode
} from '../date';
import { PhoneIndex, type PhoneMatch } from '../phone';
import type { Page } from '../pipeline';
import type { Phone, SourceSpan } from '../../records/types';
import { anyOf, isCjkCode } from './patterns';
import { trimEdges, type Span } from './spans';

/** `source` of a record that covers text[start, end). */
export function sourceOf(page: Page, span: Span): SourceSpan {
	return { file: page.source, start: span.start, end: span.end };
}

/** Original text of a span with line breaks (and the spaces around them) removed, trimmed. */
export function joinedText(text: string, span: Span): string {
	return text
		.slice(span.start, span.end)
		.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '')
		.trim();
}

/** The record form of a phone match (no offsets, no internal flags). */
export function toPhone(m: PhoneMatch): Phone {
	const p: Phone = { number: m.number, raw: m.raw };
	if (m.label) p.label = m.label;
	return p;
}

/**
 * Phones of a span as a record carries them: one per number (first occurrence wins), in
 * text order, none that runs past the span's end, none of the newspaper's own lines.
 */
export function phonesIn(page: Page, span: Span): Phone[] {
	const seen = new Set<string>();
	const out: Phone[] = [];
	for (const m of pagePhones(page, span)) {
		if (m.end > span.end || m.newspaperLine || seen.has(m.number)) continue;
		seen.add(m.number);
		out.push(toPhone(m));
	}
	return out;
}

const EMAIL_RE =
	/[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,10}/g;

/** E-mail addresses of a span, lower-cased, unique, in text order. */
export function emailsIn(page: Page, span: Span): string[] {
	const out: string[] = [];
	const s = page.norm.slice(span.start, span.end);
	// Most spans have no @: the pattern would try its first character class all along them.
	if (!s.includes('@')) return out;
	EMAIL_RE.lastIndex = 0;
	for (let m = EMAIL_RE.exec(s); m; m = EMAIL_RE.exec(s)) {
		const e = m[0].toLowerCase();
		if (!out.includes(e)) out.push(e);
	}
	return out;
}

/** Known districts of the home city, longest first so 株洲经开区 wins over a shorter name. */
const DISTRICT_RE = anyOf([...DISTRICTS, ...Object.keys(DISTRICT_ALIASES)], 'g');
/**
 * A district or county of any city, right after the city's name (广州市越秀区, 长沙市望城区).
 * Words like 小区 / 园区 / 景区 / 风险地区 end in 区 too; the city prefix keeps most of them
 * out and NOT_DISTRICT the rest.
 */
const GENERIC_DISTRICT_RE = /[\u4e00-\u9fa5]{2}市([\u4e00-\u9fa5]{2,3}?[区县])/g;
const NOT_DISTRICT =
	/(?:^[小园城景社辖片全该市郊新校街矿灾山老本各两商厂营]区$)|地区$|风险区$|(?:住宅|生活|风景|工业|实验|试验|示范|开发|保护|功能|服务|城|中心|主城|核心)区$|^[本该全各邻外]县$/;

/**
 * The first district named in `span` of `norm`: a district of the home city (also by its
 * short name: 醴陵 → 醴陵市), else a generic XX区/XX县 after a city or province name.
 */
export function findDistrict(norm: string, span: Span): string | undefined {
	const s = norm.slice(span.start, span.end);
	DISTRICT_RE.lastIndex = 0;
	const known = DISTRICT_RE.exec(s);
	if (known) return DISTRICT_ALIASES[known[0]] ?? known[0];
	GENERIC_DISTRICT_RE.lastIndex = 0;
	for (let m = GENERIC_DISTRICT_RE.exec(s); m; m = GENERIC_DISTRICT_RE.exec(s)) {
		if (!NOT_DISTRICT.test(m[1])) return m[1];
	}
	return undefined;
}

const HOURS_RE = new RegExp(
	`(?:${[...HOURS_WORDS].join('|')})\\s?[:]?\\s?([^。;\\n)]{2,40})|(24小时|全天候|7\\s?[×x*]\\s?24小时)(?=[\\u4e00-\\u9fa5]{0,4}(?:热线|电话|值班|接听|在线|开通|服务))`
);
/** Office hours in norm[start, end): 工作时间:周一至周五8:30-17:30, or 24小时. */
export function findHours(page: Page, span: Span): string | undefined {
	const s = page.norm.slice(span.start, span.end);
	const m = HOURS_RE.exec(s);
	if (!m) return undefined;
	const g = m[1] !== undefined ? 1 : 2;
	const at = span.start + m.index + m[0].length - m[g].length;
	return page.text
		.slice(at, at + m[g].length)
		.replace(/[,,、\s]+$/, '')
		.trim();
}

const ADDRESS_RE = new RegExp(`(?:${[...ADDRESS_WORDS].join('|')})\\s?[:]\\s?([^。;,\\n)]{3,60})`);
/** An address after 地址: / 办理地点: in norm[start, end). */
export function findAddress(page: Page, span: Span): string | undefined {
	const s = page.norm.slice(span.start, span.end);
	const m = ADDRESS_RE.exec(s);
	if (!m) return undefined;
	const at = span.start + m.index + m[0].length - m[1].length;
	return page.text.slice(at, at + m[1].length).trim();
}

/**
 * The printed text of a span as a field value: edges trimmed of whitespace and punctuation
 * (decided on `norm`, so full-width signs count), line breaks joined — a newspaper column
 * breaks lines mid-word — and runs of blanks made one. `undefined` for an empty result.
 */
export function fieldValue(page: Page, span: Span): string | undefined {
	const { start: s, end: e } = trimEdges(page.norm, span);
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

/** True when the page prints `span` in traditional script (some ideograph was folded). */
export function isTraditional(page: Page, span: Span): boolean {
	// By character code: no one-character strings for every character of the span.
	for (let i = span.start; i < span.end; i++) {
		const folded = page.norm.charCodeAt(i);
		if (page.text.charCodeAt(i) !== folded && isCjkCode(folded)) return true;
	}
	return false;
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
		`(?<name>[\\u4e00-\\u9fa5]{1,3}(?:先生|女士|小姐|警官))\\s*(?:(?:电话|手机|联系电话)\\s*)?(?:[:：]\\s*)?\\d{4}`
	)
];

/** Verbs in front of a contact's polite name: 请联系陈小姐, 致电王先生. */
const CALL_VERB_RE = /^(?:请|可|敬请)?(?:联系|致电|联络|找)/;

/** Words that cannot be a contact's name even though they fit the pattern. */
const NOT_A_NAME =
	/我们|本人|家属|我站|我院|本站|本院|本单位|我单位|公司|工作人员|民警|相关|有关|当地|警方|派出所|电话/;

/**
 * The contact person of a notice: 联系人：张三 / 请与张三联系 / 王先生 13800000000.
 * @returns offsets of the name in the page.
 */
export function findContactName(page: Page, span: Span): Span | undefined {
	const { start, end } = span;
	const text = page.norm.slice(start, end);
	for (const re of CONTACT_RES) {
		const m = re.exec(text);
		let name = m?.groups?.name;
		if (!m || !name || NOT_A_NAME.test(name)) continue;
		let s = start + m.index + m[0].indexOf(name);
		// 请联系陈小姐1397…: the polite name is read from its left, so the verb came with it.
		const verb = CALL_VERB_RE.exec(name);
		if (verb && name.length - verb[0].length >= 3) {
			s += verb[0].length;
			name = name.slice(verb[0].length);
		}
		return { start: s, end: s + name.length };
	}
	return undefined;
}

/**
 * Phone matches (with offsets) starting in `span`, every occurrence, in text order; the
 * newspaper's own lines are left out. A match may run past the span's end.
 */
export function phoneMatchesIn(page: Page, span: Span): PhoneMatch[] {
	return pagePhones(page, span).filter((p) => !p.newspaperLine);
}

/** The phone index of each page, kept with the page object (see lineIndex.ts). */
const PHONES = new WeakMap<Page, PhoneIndex>();

/**
 * Every phone match starting in `span`, as `findPhones(page.norm, { start, end, original:
 * page.text, list, areaCode: page.areaCode })` finds them — the newspaper's own lines
 * included, a match may run past the span's end — from an index of the page built once:
 * parsers and refiners ask about the same numbers many times over.
 */
export function pagePhones(page: Page, span: Span, list = false): PhoneMatch[] {
	let index = PHONES.get(page);
	if (!index) {
		index = new PhoneIndex(page.norm, page.text, page.areaCode);
		PHONES.set(page, index);
	}
	return index.find(span.start, span.end, list);
}

/** Phone matches as a record carries them: one per number (first wins), number, raw, label. */
export function toPhones(hits: readonly PhoneMatch[]): Phone[] {
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

/** Dates starting in `span` of the page, relative to its publication date. */
export function datesIn(page: Page, span: Span, mode?: YearMode): DateMatch[] {
	const { start, end } = span;
	// No date starts inside an empty span.
	if (start >= end) return [];
	return findDates(
		upTo(page.norm, end),
		page.published,
		mode ? { start, end, mode } : { start, end }
	);
}

/**
 * The first date starting in `span` — `datesIn(page, span, mode)[0]` — without reading the
 * rest of the span: what a caller asking whether a span holds a date needs.
 */
export function firstDateIn(page: Page, span: Span, mode?: YearMode): DateMatch | undefined {
	const { start, end } = span;
	if (start >= end) return undefined;
	return findDates(
		upTo(page.norm, end),
		page.published,
		mode ? { start, end, mode, limit: 1 } : { start, end, limit: 1 }
	)[0];
}

/** Durations (60日, 三个月) starting in `span` of `norm`. */
export function durationsIn(norm: string, span: Span): DurationMatch[] {
	const { start, end } = span;
	if (start >= end) return [];
	return findDurations(upTo(norm, end), start, end);
}
