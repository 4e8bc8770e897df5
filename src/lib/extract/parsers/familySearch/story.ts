/**
 * Unheaded notices: one paragraph that tells a finding or a loss and asks the reader, or a news
 * story that asks only in a later paragraph.
 */
import type { Page } from '../../pipeline';
import { phoneMatchesIn } from '../../text/fields';
import { isHeadlineLike, isNewspaperLine } from '../../text/passages';
import { lineEnd, paragraphAt } from '../../text/lineIndex';
import type { Span } from '../../text/spans';
import { PERIOD_RE } from './labels';

/** A request with a way to act on it: a notice period, a number, 请…联系. */
function reachable(page: Page, span: Span): boolean {
	const { start, end } = span;
	const text = page.norm.slice(start, end);
	if (PERIOD_RE.test(text) || /(?:请|望|恳请|敬请).{0,40}?(?:联系|认领|告知)/.test(text))
		return true;
	return phoneMatchesIn(page, span).some((p) => p.type !== 'emergency');
}

/** How many more paragraphs a news story may take to get to its request. */
const STORY_PARAGRAPHS = 3;

/**
 * A finding told as news (昨日凌晨…发现一名男婴) asks readers only in a later paragraph
 * (请男婴的亲生父母…联系): the block runs on through the story's paragraphs up to the one
 * that asks, never past a headline. Without such a paragraph it stays one paragraph.
 */
export function storyEnd(page: Page, span: Span): number {
	const { start, end } = span;
	const norm = page.norm;
	if (reachable(page, { start, end })) return end;
	let e = end;
	for (let k = 0; k < STORY_PARAGRAPHS; k++) {
		let n = e;
		while (n < norm.length && /\s/.test(norm[n])) n++;
		if (n >= norm.length) break;
		const first = norm.slice(n, lineEnd(page, n)).trim();
		if (isHeadlineLike(first) || isNewspaperLine(first)) break;
		e = paragraphAt(page, n).end;
		if (reachable(page, { start: start, end: e })) return e;
	}
	return end;
}
