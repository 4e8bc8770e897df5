/**
 * Where a Q&A item starts and its answer ends: signatures and dates under the answer, the
 * headline lines above the question, meta lines (回复时间：…) and rules under the text.
 */
import type { Page } from '../../pipeline';
import { isOrganizationName } from '../../text/organizations';
import { nonBlankLines, type Span, spanAt, trimBlank } from '../../text/spans';
import { BULLET_RE, CONTINUATION_RE, FURNITURE_RE, META_LINE_RE, SIGNED_DATE_RE } from './labels';
import type { Marker } from './markers';

/** The longest answer we read: beyond it, the text is something else. */
const ANSWER_MAX = 3000;

/** Where an answer that starts in `para` ends: it runs on over continuation paragraphs. */
export function answerEnd(page: Page, paras: Span[], index: number, stopAt: number): number {
	let end = Math.min(paras[index].end, stopAt);
	for (let k = index + 1; k < paras.length; k++) {
		const p = paras[k];
		if (p.start >= stopAt || p.end - paras[index].start > ANSWER_MAX) break;
		const prevText = page.norm.slice(paras[k - 1].start, paras[k - 1].end);
		const text = page.norm.slice(p.start, p.end);
		if (FURNITURE_RE.test(text)) break;
		// A signed reply ends with its date; a one-line question after it is the next headline.
		if (SIGNED_DATE_RE.test(prevText) || (!text.includes('\n') && /\?$/.test(text))) break;
		// Meta lines close a reply; a bulleted heading opens the next block.
		if (META_LINE_RE.test(prevText) || BULLET_RE.test(text)) break;
		const midSentence = !/[。!?;:"')\]]$/.test(prevText);
		if (midSentence || CONTINUATION_RE.test(text)) end = Math.min(p.end, stopAt);
		else break;
	}
	return end;
}

/** A paragraph that only signs the text above it: ——天元区读者 周先生. */
export function isSignature(page: Page, para: Span): boolean {
	const t = page.norm.slice(para.start, para.end);
	return t.length <= 30 && !t.includes('\n') && /^-{1,2}/.test(t);
}

/**
 * A line that can be an item's own headline (路边唱歌扰民，公安局：已进行劝阻): short, no full
 * stop, not a label line (本期关注：…), not a byline or page furniture.
 */
export function isItemHeadline(line: string): boolean {
	const t = line.trim();
	return (
		t.length >= 7 &&
		t.length <= 40 &&
		!/[。;:,]$/.test(t) &&
		!t.includes('。') &&
		!/^[^:]{1,6}:/.test(t) &&
		!/\s{3,}/.test(t) &&
		!/^[([■□]/.test(t) &&
		!t.includes('·') &&
		!/记者|通讯员|整理|编辑|摄|来源|选登|本期|本栏|以下/.test(t) &&
		!FURNITURE_RE.test(t)
	);
}

/**
 * Where an item starts: at its question marker, or at the one or two headline lines printed
 * right above it (in the same paragraph, or as the paragraph before), when nothing of the
 * previous item is there.
 */
export function itemStart(
	page: Page,
	paras: Span[],
	paraIndex: number,
	q: Marker,
	floor: number
): number {
	const { norm } = page;
	if (q.start > q.para.start) {
		// Only the two lines above the marker are read: a paragraph can be a whole page.
		if (q.para.start < floor || q.start - q.para.start > 100) return q.start;
		const before = norm.slice(q.para.start, q.start);
		if (!/\n\s*$/.test(before)) return q.start;
		const heads = before.split('\n').filter((l) => l.trim());
		return heads.length <= 2 && heads.every(isItemHeadline) ? q.para.start : q.start;
	}
	const prev = paras[paraIndex - 1];
	if (!prev || prev.start < floor) return q.start;
	const text = norm.slice(prev.start, prev.end);
	const heads = text.split('\n');
	return heads.length <= 2 && heads.every(isItemHeadline) ? prev.start : q.start;
}

/** A question or answer without the meta lines printed under it (回复时间：…, 满意度：…). */
export function withoutMeta(page: Page, span: Span): Span {
	const m = META_LINE_RE.exec(page.norm.slice(span.start, span.end));
	return m ? trimBlank(page.norm, { start: span.start, end: span.start + m.index }) : span;
}

/** A span without the column rules (|, ｜) an OCR layer leaves at its end. */
export function withoutRule(page: Page, span: Span): Span {
	let { end } = span;
	while (end > span.start && /[\s|]/.test(page.norm[end - 1])) end--;
	return { start: span.start, end };
}

/** An item's headline lines as one title: 清晨广场舞音响太吵 民警上门劝导降音量. */
export function headlineText(page: Page, span: Span): string {
	return nonBlankLines(page.norm, span.start, span.end)
		.map((l) => page.text.slice(l.start, l.end).trim())
		.join(' ');
}

/** The answer without the signature lines under it (株洲市住房公积金管理中心 / 2026年2月10日). */
export function signedAnswer(page: Page, answer: Span): { span: Span; signer?: Span } {
	let span = answer;
	let signer: Span | undefined;
	for (let k = 0; k < 2; k++) {
		const text = page.norm.slice(span.start, span.end);
		const cut = text.lastIndexOf('\n');
		if (cut < 0) break;
		const last = trimBlank(page.norm, { start: span.start + cut + 1, end: span.end });
		const line = page.norm.slice(last.start, last.end);
		if (isOrganizationName(line)) signer = last;
		else if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) break;
		span = trimBlank(page.norm, { start: span.start, end: span.start + cut });
	}
	return { span, signer };
}

/** The answer printed under a question subhead (一、哪些人可以申领？), up to the next marker. */
export function lineAnswer(
	page: Page,
	paras: Span[],
	q: Marker,
	next: Marker | undefined
): Marker | undefined {
	const lineEnd = page.norm.indexOf('\n', q.textStart);
	if (lineEnd < 0) return undefined;
	const at = trimBlank(page.norm, { start: lineEnd, end: page.norm.length }).start;
	if (at >= page.norm.length || (next && next.start <= at)) return undefined;
	const para = spanAt(paras, at);
	return para ? { kind: 'a', start: at, textStart: at, para } : undefined;
}

/** The reply printed under a 回复单位 line without a marker of its own. */
export function implicitAnswer(
	page: Page,
	paras: Span[],
	d: Marker,
	next: Marker | undefined
): Marker | undefined {
	const at = trimBlank(page.norm, { start: d.textStart, end: page.norm.length }).start;
	if (at >= page.norm.length || (next && next.start <= at)) return undefined;
	const para = spanAt(paras, at);
	if (!para) return undefined;
	return { kind: 'a', start: at, textStart: at, para, org: d.org };
}
