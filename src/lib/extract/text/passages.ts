/**
 * The page's layout: which lines are headlines, notice heads, mastheads or the newspaper's
 * own lines, where a notice block ends, and the passages (a headline and its body) that
 * every parser receives in its context.
 */
import { NEWSPAPER_LINE_WORDS } from '../constants';
import type { Page, Passage } from '../pipeline';
import { allParagraphs, eachPageLine } from './lineIndex';
import { anyOf, Occurrences } from './patterns';
import { trimBlank, type Span } from './spans';

/** Characters that end a sentence; a line ending with one is body text, not a headline. */
const SENTENCE_END = /[。.!?!?;;:…]["')\]》]*$/;
/** Notice headings that open a passage even when they sit inside a column of notices. */
const NOTICE_HEADING =
	/^(?:[[【(]?)(?:遗失声明|挂失声明|作废声明|声明作废|寻物启事|招领启事|失物招领|认领启事|寻人启事|寻亲启事|寻亲公告|认领公告|查找.{0,12}公告|.{0,16}(?:公告|启事|声明|声明作废|作废声明|通告|通知|告示|须知))(?:[\])】]?)$/;
/** Longest line that can still be a headline. */
const HEADLINE_MAX = 50;

/** A notice heading span of `norm`: 遗失声明, 寻物启事, 关于…的公告. */
export function isNoticeHeading(norm: string, span: Span): boolean {
	return (
		span.end - span.start <= 30 && NOTICE_HEADING.test(norm.slice(span.start, span.end).trim())
	);
}

/**
 * `SENTENCE_END.test(norm.slice(span.start, span.end))`, read from the span's end: the regex
 * would try every character of a long paragraph.
 */
function endsSentence(norm: string, span: Span): boolean {
	let i = span.end - 1;
	while (i >= span.start && CLOSERS.includes(norm[i])) i--;
	return i >= span.start && SENTENCE_ENDS.includes(norm[i]);
}
/** SENTENCE_END's two character classes. */
const SENTENCE_ENDS = '。.!?!?;;:…';
const CLOSERS = '"\')]》';

/**
 * True when a one-line paragraph reads as a passage headline: short, no sentence end, not a
 * continuation of a sentence cut by the column (the previous paragraph ends mid-sentence
 * and this one is short).
 */
export function isHeadline(norm: string, para: Span, prev?: Span): boolean {
	const s = norm.slice(para.start, para.end);
	if (s.includes('\n')) return false;
	if (isNoticeHeading(norm, para)) return true;
	if (s.length > HEADLINE_MAX || SENTENCE_END.test(s)) return false;
	if (/。/.test(s)) return false;
	// Numbered items (一、 / 1. / (二)) and "label: value" lines are body text of the passage
	// they sit in: guide sections, list entries, numbered points of an article.
	if (
		/^\s*(?:[一二三四五六七八九十]{1,2}[、.]|\(?[一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳])/.test(
			s
		)
	) {
		return false;
	}
	if (/^[^:]{1,16}:\s?\S/.test(s) && !/^[^:]*(?:指南|公告|启事|声明)/.test(s)) return false;
	// (作者系…) / (图片由…提供): the closing line of the article above.
	if (/^\(.*\)$/.test(s.trim())) return false;
	if (prev && prev.end - prev.start > HEADLINE_MAX && !endsSentence(norm, prev)) {
		// "…主动融入长株潭一体化和株醴" / "都市区发展" — a column break, not a headline.
		return /^[\s\d一二三四五六七八九十]+[、.]/.test(s);
	}
	return true;
}

/**
 * Cut a page into passages: a run of headline lines (title, subtitle, byline) and the body
 * paragraphs that follow, up to the next headline that follows body text.
 */
export function cutPassages(page: Page): Passage[] {
	const { text, norm } = page;
	// The page's paragraphs, cut once: the Q&A finders read the same array (allParagraphs).
	const paras = allParagraphs(page);
	const out: Passage[] = [];
	let cur: (Passage & { hasBody: boolean }) | undefined;
	let prev: Span | undefined;
	for (const p of paras) {
		const head = isHeadline(norm, p, prev);
		if (head && (!cur || cur.hasBody)) {
			if (cur) out.push(strip(cur));
			cur = { start: p.start, end: p.end, headline: text.slice(p.start, p.end), hasBody: false };
		} else if (!cur) {
			cur = { start: p.start, end: p.end, hasBody: !head };
		} else {
			cur.end = p.end;
			if (!head) cur.hasBody = true;
		}
		prev = p;
	}
	if (cur) out.push(strip(cur));
	return out;
}

function strip(p: Passage & { hasBody?: boolean }): Passage {
	const out: Passage = { start: p.start, end: p.end };
	if (p.headline !== undefined) out.headline = p.headline;
	return out;
}

const NEWSPAPER_LINE_RE = anyOf(NEWSPAPER_LINE_WORDS);

/** True when a line is the newspaper's own (advertising, tip-off, circulation) line. */
export function isNewspaperLine(line: string): boolean {
	return NEWSPAPER_LINE_RE.test(line);
}

/** Where each page names the newspaper's own lines, found once per page. */
const NEWSPAPER_WORDS = new WeakMap<Page, Occurrences>();

/**
 * `isNewspaperLine` of `span` of the page (the words hold no blank, so a trimmed line
 * answers the same), from an index of the page: notice blocks and event passages read the
 * same lines again for every notice or passage that starts above them.
 */
export function isNewspaperLineAt(page: Page, line: Span): boolean {
	let words = NEWSPAPER_WORDS.get(page);
	if (!words) {
		words = new Occurrences(page.norm, NEWSPAPER_LINE_WORDS);
		NEWSPAPER_WORDS.set(page, words);
	}
	return words.within(line.start, line.end);
}

/**
 * A newspaper's page masthead: 株洲晚报 2026年9月19日 星期六 第03版 城事, 社区周报 21.11.2026
 * 第4版. Short like a headline, but never a notice's or an article's title.
 */
const MASTHEAD_RE = /第\s*[A-Z]?\s*\d{1,3}\s*版|(?:报|報)\s+\d{4}\s*年|\s\d{1,2}\.\d{1,2}\.\d{4}\s/;

export function isMastheadLine(line: string): boolean {
	return line.length <= 60 && MASTHEAD_RE.test(line);
}

/** A line ending in one of these leads on to more: no headline. */
const CLAUSE_OPEN = ',，:：、';

/**
 * True when a line looks like a headline: short, no sentence punctuation inside or at its
 * end. Signature lines (an organisation, a date) look the same; callers tell them apart.
 */
export function isHeadlineLike(line: string): boolean {
	const t = line.trim();
	if (!t || t.length > 32) return false;
	// Headlines may shout (招募啦！, 扩散寻人！请帮帮忙) but hold no sentence inside. (What
	// t.replace(/[!！]+$/, '') and /[,，:：、]$/ would tell, read from the end without a regex:
	// this runs on every line.)
	let end = t.length;
	while (end > 0 && (t.charCodeAt(end - 1) === 0x21 || t.charCodeAt(end - 1) === 0xff01)) end--;
	let inner = end === t.length ? t : t.slice(0, end);
	// A short line may shout inside too.
	if (t.length <= 20 && end > 0) inner = inner.replace(/[!！]+/g, ' ');
	inner = inner.trim();
	return (
		!/[。！？!?；;]/.test(inner) &&
		!(inner.length > 0 && CLAUSE_OPEN.includes(inner[inner.length - 1]))
	);
}

/** True when a line (a string) heads a notice: 寻物启事, 遗失声明, 查找弃婴生父母公告 … */
export function isNoticeHeadLine(line: string): boolean {
	const t = line.trim();
	return isHeadlineLike(t) && isNoticeHeading(t, { start: 0, end: t.length });
}

/** A date line at the foot of a notice: 2024年11月5日 / 2024.11.5 / 二〇二四年十一月五日. */
export const SIGNATURE_DATE_RE =
	/^\s*(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*[年.\-/]\s*[\d一二三四五六七八九十]{1,3}\s*[月.\-/]\s*[\d一二三四五六七八九十]{1,3}\s*日?\s*$/;

/** Endings of organisation names that sign notices. */
const SIGNER_END_RE =
	/(?:公司|集团|福利院|福利中心|救助管理站|救助站|民政局|公安局|派出所|分局|委员会|居委会|村委会|办事处|街道|社区|中心|医院|学校|协会|学会|联合会|基金会|馆|局|院|所|站|会|部|处|办|队|厂|店|社)$/;

/**
 * True when a line reads as the organisation that signs a notice (ends with an organisation
 * word). Looser than `isOrganizationName` (text/organizations.ts), which splits hotline labels.
 */
export function isSignerLine(s: string): boolean {
	return s.length >= 3 && s.length <= 40 && SIGNER_END_RE.test(s.trim());
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
	for (const line of eachPageLine(page, start, max)) {
		index++;
		const t = line.text.trim();
		const first = index === 0;
		if (!t) continue;
		if (!first && isNewspaperLineAt(page, line)) break;
		if (!first && bodySeen && isNoticeHeadLine(t)) break;
		if (!first && isHeadlineLike(t)) {
			// A signature (organisation or date) closes the notice; anything else short after
			// the body is the next headline.
			if (SIGNATURE_DATE_RE.test(t)) {
				end = Math.min(line.end, max);
				closing = true;
				continue;
			}
			if (isSignerLine(t) && bodySeen) {
				end = Math.min(line.end, max);
				continue;
			}
			if (closing) break;
			if (bodySeen && isNoticeHeadLine(t)) break;
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
	return trimBlank(norm, { start, end }).end;
}
