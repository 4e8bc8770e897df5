/**
 * Finding notices on a page: a headline (寻亲公告, 寻人启事, 查找…生父母公告) and the lines below
 * it (headed.ts), or without one a paragraph that tells a finding or a loss (story.ts); and what
 * kind of search the notice is.
 */
import type { Page } from '../../pipeline';
import { isHeadlineLike, noticeBlockEnd } from '../../text/passages';
import { eachPageLine, lineEnd, paragraphAt } from '../../text/lineIndex';
import { SpanSet, type Span } from '../../text/spans';
import type { FamilySearchSubtype } from '../../../records/kinds';
import { columnItems, nextHeadlineCut } from './headed';
import {
	ANIMAL_BODY_RE,
	ANIMAL_HEAD_RE,
	BIRTH_FAMILY_RE,
	COLUMN_TAG_RE,
	FOUND_CHILD_RE,
	HEAD_RE,
	INSTITUTION_RE,
	LOST_RE,
	SEEK_RELATIVE_HEAD_RE,
	SELF_SEEKER_RE,
	TAKEN_IN_RE,
	TRIGGER_RE
} from './labels';
import { storyEnd } from './story';
import { withTable } from './table';

export interface Block {
	start: number;
	end: number;
	head?: Span;
}

export function findBlocks(page: Page): Block[] {
	const norm = page.norm;
	const out: Block[] = [];
	// Blocks found so far, one set per way of finding them (each finds them in text order).
	const headed = new SpanSet();
	const paras = new SpanSet();
	const overlaps = (s: number, e: number) =>
		headed.overlaps({ start: s, end: e }) || paras.overlaps({ start: s, end: e });
	for (const line of eachPageLine(page, 0, norm.length)) {
		const t = line.text.trim();
		// OCR text layers space headlines out letter by letter (查 找 弃 婴 …).
		if (!t || !isHeadlineLike(t) || !HEAD_RE.test(t.replace(/[ \t]+/g, ''))) continue;
		if (overlaps(line.start, line.end)) continue;
		const end = withTable(
			page,
			nextHeadlineCut(page, { start: line.start, end: noticeBlockEnd(page, line.start) })
		);
		const hs = line.start + line.text.indexOf(t);
		headed.add({ start: hs, end });
		const items = columnItems(page, { start: line.end, end: end });
		if (items.length) out.push(...items);
		else out.push({ start: hs, end, head: { start: hs, end: hs + t.length } });
	}
	// Unheaded: one paragraph that tells a finding or a loss, or a news story of a few.
	const tagCache = new Map<number, Span[]>();
	for (const m of norm.matchAll(TRIGGER_RE)) {
		let { start: s, end: e0 } = paragraphAt(page, m.index);
		// A classified column prints one item per line, each opened by its tag ([认领公告]…,
		// [房屋出租]…): the item is the tagged line, not the neighbours' ads.
		const tagged = taggedLine(page, { start: s, end: e0 }, m.index, tagCache);
		if (tagged) ({ start: s, end: e0 } = tagged);
		if (e0 <= s || overlaps(s, e0)) continue;
		const e = storyEnd(page, { start: s, end: e0 });
		paras.add({ start: s, end: e });
		out.push({ start: s, end: e });
	}
	return out.sort((a, b) => a.start - b.start);
}

/**
 * The line of `at` when the paragraph is a column of tagged lines (two or more lines open
 * with a tag in brackets, the line of `at` among them). The paragraph's tagged lines are
 * read once (`cache`, by paragraph start): a long paragraph with many triggers stays linear.
 */
function taggedLine(
	page: Page,
	para: Span,
	at: number,
	cache: Map<number, Span[]>
): Span | undefined {
	let lines = cache.get(para.start);
	if (!lines) {
		lines = [];
		for (const line of eachPageLine(page, para.start, para.end)) {
			const t = line.text.trimStart();
			if (COLUMN_TAG_RE.test(t))
				lines.push({ start: line.start + line.text.indexOf(t), end: Math.min(line.end, para.end) });
		}
		if (lines.length < 2) lines = [];
		cache.set(para.start, lines);
	}
	let lo = 0;
	let hi = lines.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (lines[mid].end < at) lo = mid + 1;
		else if (lines[mid].start > at) hi = mid - 1;
		else return lines[mid];
	}
	return undefined;
}

export function classify(text: string, head = ''): FamilySearchSubtype | undefined {
	if (SELF_SEEKER_RE.test(text) && BIRTH_FAMILY_RE.test(text)) return 'person_seeking_family';
	if (FOUND_CHILD_RE.test(text)) return 'found_child';
	// A family's notice may name a hospital (从…医院离开后失联); only an institution that
	// took the person in (救助站, 福利院, 我站) makes it a search for the person's family.
	if (LOST_RE.test(text) && !INSTITUTION_RE.test(text)) return 'family_seeking';
	if (TAKEN_IN_RE.test(text) && /寻亲|亲属|家属|亲人|家人|认领|领回/.test(text))
		return 'person_seeking_family';
	if (LOST_RE.test(text)) return 'family_seeking';
	// 寻女启事: a family's notice for a relative, whatever the story (given away, lost touch).
	if (SEEK_RELATIVE_HEAD_RE.test(head)) return 'family_seeking';
	return undefined;
}

/** A lost pet's notice (寻狗启事, 品种, 毛色, 一只): a lost item, not a person. */
export function isAboutAnimal(page: Page, b: Block): boolean {
	// The headline, or a short first line (【寻狗启事】 over an unheaded paragraph); a long first
	// line is prose, where 狗 may be a child's pet name.
	const first = page.norm.slice(b.start, lineEnd(page, b.start));
	const head = b.head
		? page.norm.slice(b.head.start, b.head.end)
		: isHeadlineLike(first.trim())
			? first
			: '';
	return ANIMAL_HEAD_RE.test(head) || ANIMAL_BODY_RE.test(page.norm.slice(b.start, b.end));
}

// ---------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------
