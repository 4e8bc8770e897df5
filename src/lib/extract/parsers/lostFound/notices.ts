/**
 * Where 寻物启事 (lost_item) and 招领启事 (found_item) notices are: under their headline, told in
 * one paragraph (拾到…请失主认领 / 遗失…有拾到者请联系), or told as news (the finding in one
 * paragraph, the police asking the owner in a later one).
 */
import type { Page } from '../../pipeline';
import { phoneMatchesIn } from '../../text/fields';
import { isHeadlineLike, noticeBlockEnd } from '../../text/layout';
import { eachPageLine, paragraphAt } from '../../text/lineIndex';
import { Occurrences } from '../../text/patterns';
import { lowerBound, SpanSet, trimBlank } from '../../text/spans';
import {
	ANCHOR_RE,
	BULLET_START_RE,
	CLAIM_RE,
	CLOSING_PARAGRAPH_RE,
	FOUND_HEAD_RE,
	FOUND_VERB_RE,
	INLINE_HEAD_RE,
	LOST_HEAD_RE,
	MISSING_PERSON_RE,
	PERSON_RE,
	VOID_END_ONCE_RE,
	VOID_END_WORDS,
	VOID_HEAD_RE
} from './labels';

export interface ItemNotice {
	subtype: 'lost_item' | 'found_item';
	start: number;
	end: number;
	/** The headline (寻物启事), when the notice has one. */
	head?: [number, number];
	/** Where the words naming the thing start, when the usual verbs do not lead to it. */
	itemFrom?: number;
	/** Where the body starts under a news headline that is part of the paragraph. */
	bodyFrom?: number;
	/**
	 * For one line of a bulletin: the bulletin's own words after its last item (请失主…认领，
	 * 电话…), which give every line without a phone or claim place of its own those.
	 */
	shared?: [number, number];
}

/** Where a paragraph's body starts when its first line is a headline (的哥拾到手机 等失主来领). */
function bodyAfterHeadline(norm: string, s: number, e: number): number | undefined {
	const nl = norm.indexOf('\n', s);
	if (nl < 0 || nl >= e) return undefined;
	return isHeadlineLike(norm.slice(s, nl)) ? nl + 1 : undefined;
}

/** Where a finder is asked to bring a lost thing: 请送至神农公园东门保安室. */
const RETURN_PLACE_RE = /(?:送至|送到|交至|交到|送还至|送还到|送回)[^,，。;；\n]{2,30}/;

/** Words of a paragraph that tells a lost thing: someone who finds it … is asked to call. */
const FINDER_WORDS = ['拾到', '拾获', '捡到', '拾得', '捡拾', '发现', '见到', '抬到'];

const RETURN_WORDS = ['联系', '归还', '送还', '交还', '重谢', '酬谢', '感谢'];

/** Lost/found notices: those under a headline, then those told in one paragraph. */
/**
 * Lost/found notices outside `listed` (the lists and tables already read, sorted by start):
 * a headed block stops where a list or table begins.
 */
export function findItemNotices(page: Page, listed: ReadonlyArray<[number, number]>): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	// The notices found so far, one set per way of finding them: each way finds its
	// notices in text order, which keeps adding to a set cheap.
	const headed = new SpanSet();
	const foundParas = new SpanSet();
	const lostParas = new SpanSet();
	const lists = new SpanSet();
	for (const [a, b] of listed) lists.add({ start: a, end: b });
	const listStarts = listed.map(([a]) => a);
	const overlaps = (s: number, e: number) =>
		headed.overlaps({ start: s, end: e }) ||
		foundParas.overlaps({ start: s, end: e }) ||
		lostParas.overlaps({ start: s, end: e }) ||
		lists.overlaps({ start: s, end: e });

	// Headed notices: a headline line, or a paragraph that starts with the word and a colon.
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
		if (overlaps(line.start, line.end)) continue;
		let end = clipAtNextNotice(page, line.start, noticeBlockEnd(page, line.start));
		const nextList = listStarts[lowerBound(listStarts, line.end)];
		if (nextList !== undefined && nextList < end) end = nextList;
		const { start: s, end: e } = trimBlank(norm, { start: line.start, end: end });
		const hs = line.start + line.text.indexOf(t);
		headed.add({ start: s, end: e });
		out.push({
			subtype: lostHead ? 'lost_item' : 'found_item',
			start: s,
			end: e,
			head: inline ? [hs, hs + head.index + head[0].length] : [hs, hs + t.length]
		});
	}

	// A found thing told in a paragraph: 拾到…请失主…认领. A paragraph may hold many verbs:
	// what depends on the paragraph alone is read once for it.
	FOUND_VERB_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	let asks: { start: number; end: number; value: boolean } | undefined;
	while ((m = FOUND_VERB_RE.exec(norm))) {
		const { start: s, end: e } = paragraphAt(page, m.index);
		if (overlaps(s, e)) continue;
		if (asks?.start !== s || asks.end !== e) {
			const para = norm.slice(s, e);
			const value = /失主|认领|领回|领取/.test(para) && /请|望|欢迎/.test(para);
			asks = { start: s, end: e, value };
		}
		if (!asks.value) continue;
		if (PERSON_RE.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
		foundParas.add({ start: s, end: e });
		out.push({ subtype: 'found_item', start: s, end: e, bodyFrom: bodyAfterHeadline(norm, s, e) });
	}
	// A found thing told as news: the finding in one paragraph (…发现一个挎包), the police
	// asking the owner in a later one (希望失主…与…联系，电话…). The notice runs from the
	// finding to the asking.
	OWNER_ASKED_RE.lastIndex = 0;
	while ((m = OWNER_ASKED_RE.exec(norm))) {
		const { start: s, end: e } = paragraphAt(page, m.index);
		if (overlaps(s, e)) continue;
		OWNER_ASKED_RE.lastIndex = Math.max(OWNER_ASKED_RE.lastIndex, e);
		const para = norm.slice(s, e);
		if (!/认领|联系|领回|领取/.test(para) || !/希望|请|望/.test(para)) continue;
		if (!phoneMatchesIn(page, { start: s, end: e }).length && !CLAIM_RE.test(para)) continue;
		const finding = findingBefore(page, s);
		if (!finding || overlaps(finding.start, e)) continue;
		foundParas.add({ start: finding.start, end: e });
		out.push({ subtype: 'found_item', start: finding.start, end: e, itemFrom: finding.itemFrom });
	}
	// A lost thing told in a paragraph: 遗失…有拾到者请联系…(重谢). The words are looked for
	// between the verb and the paragraph's end: where they occur is found once for the page.
	let finders: Occurrences | undefined;
	let returns: Occurrences | undefined;
	let voidEnds: Occurrences | undefined;
	let phoned: { start: number; end: number; value: boolean } | undefined;
	ANCHOR_RE.lastIndex = 0;
	while ((m = ANCHOR_RE.exec(norm))) {
		const { start: s, end: e } = paragraphAt(page, m.index);
		if (overlaps(s, e)) continue;
		finders ??= new Occurrences(norm, FINDER_WORDS);
		if (!finders.within(m.index, e)) continue;
		returns ??= new Occurrences(norm, RETURN_WORDS);
		if (!returns.within(m.index, e)) continue;
		voidEnds ??= new Occurrences(norm, VOID_END_WORDS);
		if (voidEnds.within(m.index, e)) continue;
		if (
			MISSING_PERSON_RE.test(
				norm.slice(Math.max(s, m.index - 200), Math.min(e, m.index + m[0].length + 200))
			)
		)
			continue;
		if (phoned?.start !== s || phoned.end !== e)
			phoned = {
				start: s,
				end: e,
				// A phone, or a place to bring the thing to (请送至…保安室).
				value:
					phoneMatchesIn(page, { start: s, end: e }).length > 0 ||
					RETURN_PLACE_RE.test(norm.slice(s, e))
			};
		if (!phoned.value) continue;
		lostParas.add({ start: s, end: e });
		out.push({ subtype: 'lost_item', start: s, end: e, bodyFrom: bodyAfterHeadline(norm, s, e) });
	}
	return out.sort((a, b) => a.start - b.start);
}

/** The owner asked for in news of a found thing: 希望失主看到报道后…联系. */
const OWNER_ASKED_RE = /失主/g;

/** How news tells the finding of a thing: 拾到 / 捡到 / 发现 and the thing. */
const FINDING_RE = /(?:捡拾到|拾到|拾得|拾获|捡到|捡获|发现)(?:了)?/g;

/** How many paragraphs before the asking one the finding may be told. */
const FINDING_REACH = 3;

/**
 * The paragraph, at most FINDING_REACH before `asked`, that tells the finding of a thing
 * (not of a person), without crossing a headline: its start and where the thing is named.
 */
function findingBefore(page: Page, asked: number): { start: number; itemFrom: number } | undefined {
	const norm = page.norm;
	let pos = asked;
	let found: { start: number; itemFrom: number } | undefined;
	for (let n = 0; n < FINDING_REACH && pos > 0; n++) {
		let k = pos;
		while (k > 0 && /\s/.test(norm[k - 1])) k--;
		if (k === 0) break;
		const { start: s, end: e } = paragraphAt(page, k - 1);
		const para = norm.slice(s, e);
		if (isHeadlineLike(para)) break;
		FINDING_RE.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = FINDING_RE.exec(para))) {
			const from = s + m.index + m[0].length;
			if (PERSON_RE.test(norm.slice(from, from + 8))) continue;
			found = { start: s, itemFrom: from };
			break;
		}
		pos = s;
	}
	return found;
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
