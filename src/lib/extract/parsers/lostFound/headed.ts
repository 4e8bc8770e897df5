/**
 * 寻物启事 / 招领启事 under their own headline: a headline line (寻物启事, 【失物招领】), or a
 * paragraph that starts with the word and a colon (寻物启事：本人…). The notice runs to the end
 * of its block, and stops before the next notice, a list or table, or the page's own tip.
 */
import type { Page } from '../../pipeline';
import { isHeadlineLike, noticeBlockEnd } from '../../text/passages';
import { eachPageLine } from '../../text/lineIndex';
import { phoneMatchesIn } from '../../text/fields';
import { lowerBound, paragraphs, trimBlank, type Span } from '../../text/spans';
import {
	ANCHOR_RE,
	BULLET_START_RE,
	CLAIM_RE,
	CLOSING_PARAGRAPH_RE,
	FOUND_HEAD_RE,
	FOUND_VERB_RE,
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
		const notice: ItemNotice = {
			subtype: lostHead ? 'lost_item' : 'found_item',
			...span,
			head: { start: hs, end: inline ? hs + head.index + head[0].length : hs + t.length }
		};
		for (const part of splitParagraphs(page, notice)) out.push(part);
	}
	return out;
}

/** What makes a paragraph a notice of its own: the verb of its kind. */
// Copies without the global flag, made once: `test` then keeps no position between calls.
const VERB_OF = {
	lost_item: new RegExp(ANCHOR_RE.source),
	found_item: new RegExp(FOUND_VERB_RE.source)
} as const;

/**
 * A column under one headline (失物招领) often holds several notices, one paragraph each, every
 * one with its own thing and its own phone or claim place: then each paragraph is a record (the
 * first keeps the headline). A notice told in several paragraphs, not all with a verb and a
 * contact, is kept whole.
 */
function splitParagraphs(page: Page, n: ItemNotice): ItemNotice[] {
	const norm = page.norm;
	const body = n.head!.end;
	const paras = paragraphs(norm, body, n.end);
	if (paras.length < 2) return [n];
	const verb = VERB_OF[n.subtype];
	const own = (p: Span) =>
		verb.test(norm.slice(p.start, p.end)) &&
		(phoneMatchesIn(page, p).length > 0 || CLAIM_RE.test(norm.slice(p.start, p.end)));
	if (!paras.every(own)) return [n];
	return paras.map((p, i) =>
		i === 0
			? { ...n, end: p.end }
			: { subtype: n.subtype, start: p.start, end: p.end, bodyFrom: p.start }
	);
}

/** A classified ad of another kind under the notice: 【转让】…, 【房屋出租】…. */
const OTHER_AD_RE = /^[【[][^】\]]{1,8}[】\]]/;
/** A rule the page prints between its columns and its own footer: ——————, ======. */
const RULE_LINE_RE = /^[-—─━=_~～*·…]{4,}$/;

/**
 * A headed lost/found block stops before what follows it: a void notice, the next
 * notice (its headline or an inline 寻物启事：…), another classified ad, a rule, or the
 * page's own tip or terms.
 */
function clipAtNextNotice(page: Page, start: number, end: number): number {
	for (const line of eachPageLine(page, start, end)) {
		if (line.start <= start) continue;
		const t = line.text.trim();
		if (BULLET_START_RE.test(t) || (VOID_HEAD_RE.test(t) && isHeadlineLike(t))) return line.start;
		if (/遗失|丢失/.test(t) && VOID_END_ONCE_RE.test(t)) return line.start;
		if (INLINE_HEAD_RE.test(t) || CLOSING_PARAGRAPH_RE.test(t)) return line.start;
		if (isHeadlineLike(t) && (LOST_HEAD_RE.test(t) || FOUND_HEAD_RE.test(t))) return line.start;
		if (OTHER_AD_RE.test(t) || RULE_LINE_RE.test(t)) return line.start;
	}
	return end;
}
