/**
 * A found thing told as news: the finding in one paragraph (…民警在路边发现一个挎包), the police
 * asking the owner in a later one (希望失主看到报道后与…联系，电话…). The notice runs from the
 * finding to the asking.
 */
import type { Page } from '../../pipeline';
import { phoneMatchesIn } from '../../text/fields';
import { isHeadlineLike } from '../../text/passages';
import { paragraphAt } from '../../text/lineIndex';
import { CLAIM_RE, PERSON_RE } from './labels';
import type { ItemNotice, Taken } from './notices';

/** The owner asked for in news of a found thing: 希望失主看到报道后…联系. */
const OWNER_ASKED_RE = /失主/g;
/** How news tells the finding of a thing: 拾到 / 捡到 / 发现 and the thing. */
const FINDING_RE = /(?:捡拾到|拾到|拾得|拾获|捡到|捡获|发现)(?:了)?/g;
/** How many paragraphs before the asking one the finding may be told. */
const FINDING_REACH = 3;

/** Found things told as news, outside what `taken` holds. */
export function foundNews(page: Page, taken: Taken): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	const mine = taken.way();
	OWNER_ASKED_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = OWNER_ASKED_RE.exec(norm))) {
		const para = paragraphAt(page, m.index);
		if (taken.overlaps(para)) continue;
		OWNER_ASKED_RE.lastIndex = Math.max(OWNER_ASKED_RE.lastIndex, para.end);
		const text = norm.slice(para.start, para.end);
		if (!/认领|联系|领回|领取/.test(text) || !/希望|请|望/.test(text)) continue;
		if (!phoneMatchesIn(page, para).length && !CLAIM_RE.test(text)) continue;
		const finding = findingBefore(page, para.start);
		if (!finding) continue;
		const span = { start: finding.start, end: para.end };
		if (taken.overlaps(span)) continue;
		mine.add(span);
		out.push({ subtype: 'found_item', ...span, itemFrom: finding.itemFrom });
	}
	return out;
}

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
