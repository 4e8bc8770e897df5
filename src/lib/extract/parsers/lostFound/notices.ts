/**
 * Where 寻物启事 (lost_item) and 招领启事 (found_item) notices are. Each format has its finder:
 * under their headline (headed.ts), told in one paragraph (paragraph.ts: 拾到…请失主认领 /
 * 遗失…有拾到者请联系 / 走失一只柯基犬…请联系), or told as news (foundNews.ts: the finding in one paragraph, the police
 * asking the owner in a later one). A finder leaves alone what an earlier one took.
 */
import type { Page } from '../../pipeline';
import { SpanSet, type Span } from '../../text/spans';
import { foundNews } from './foundNews';
import { headedNotices } from './headed';
import { foundParagraphs, lostParagraphs, petParagraphs } from './paragraph';

/** One lost or found notice: its passage and where its parts are. */
export interface ItemNotice extends Span {
	subtype: 'lost_item' | 'found_item';
	/** The headline (寻物启事), when the notice has one. */
	head?: Span;
	/** Where the words naming the thing start, when the usual verbs do not lead to it. */
	itemFrom?: number;
	/** Where the body starts under a news headline that is part of the paragraph. */
	bodyFrom?: number;
	/**
	 * For one line of a bulletin: the bulletin's own words after its last item (请失主…认领，
	 * 电话…), which give every line without a phone or claim place of its own those.
	 */
	shared?: Span;
}

/**
 * The passages taken so far, one set per way of finding them: each way finds its passages in
 * text order, which keeps adding to a set cheap.
 */
export class Taken {
	private readonly sets: SpanSet[] = [];

	/** A new set, for the passages one finder takes. */
	way(): SpanSet {
		const set = new SpanSet();
		this.sets.push(set);
		return set;
	}

	overlaps(span: Span): boolean {
		return this.sets.some((set) => set.overlaps(span));
	}
}

/**
 * Lost/found notices outside `listed` (the lists and tables already read, sorted by start):
 * a headed block stops where a list or table begins.
 */
export function findItemNotices(page: Page, listed: readonly Span[]): ItemNotice[] {
	const taken = new Taken();
	const lists = taken.way();
	for (const span of listed) lists.add(span);
	const out = [
		...headedNotices(page, listed, taken),
		...foundParagraphs(page, taken),
		...foundNews(page, taken),
		...lostParagraphs(page, taken),
		...petParagraphs(page, taken)
	];
	return out.sort((a, b) => a.start - b.start);
}
