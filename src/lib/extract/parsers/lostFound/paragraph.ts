/**
 * Lost and found things told in one paragraph without a headline of their own:
 * 拾到…请失主…认领 (found_item) and 遗失…有拾到者请联系…重谢 (lost_item). The paragraph is the
 * notice; a news headline on its first line is not part of the body.
 */
import type { Page } from '../../pipeline';
import { phoneMatchesIn } from '../../text/fields';
import { isHeadlineLike } from '../../text/passages';
import { paragraphAt } from '../../text/lineIndex';
import { Occurrences } from '../../text/patterns';
import type { Span } from '../../text/spans';
import {
	ANCHOR_RE,
	PET_STRAYED_RE,
	FOUND_PERSON_RE,
	FOUND_VERB_RE,
	MISSING_PERSON_RE,
	PERSON_RE,
	VOID_END_WORDS
} from './labels';
import type { ItemNotice, Taken } from './notices';

/** Where a paragraph's body starts when its first line is a headline (的哥拾到手机 等失主来领). */
function bodyAfterHeadline(norm: string, para: Span): number | undefined {
	const nl = norm.indexOf('\n', para.start);
	if (nl < 0 || nl >= para.end) return undefined;
	return isHeadlineLike(norm.slice(para.start, nl)) ? nl + 1 : undefined;
}

/** Where a finder is asked to bring a lost thing: 请送至神农公园东门保安室. */
const RETURN_PLACE_RE = /(?:送至|送到|交至|交到|送还至|送还到|送回)[^,，。;；\n]{2,30}/;

/** Words of a paragraph that tells a lost thing: someone who finds it … is asked to call. */
const FINDER_WORDS = ['拾到', '拾获', '捡到', '拾得', '捡拾', '发现', '见到', '抬到'];
const RETURN_WORDS = ['联系', '归还', '送还', '交还', '重谢', '酬谢', '感谢'];

/** A paragraph's answer to a question, read once for the paragraph however many verbs it holds. */
interface ParagraphFact extends Span {
	value: boolean;
}

/** A found thing told in a paragraph: 拾到…请失主…认领. */
export function foundParagraphs(page: Page, taken: Taken): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	const mine = taken.way();
	FOUND_VERB_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	let asks: ParagraphFact | undefined;
	while ((m = FOUND_VERB_RE.exec(norm))) {
		const para = paragraphAt(page, m.index);
		if (taken.overlaps(para)) continue;
		if (asks?.start !== para.start || asks.end !== para.end) {
			const text = norm.slice(para.start, para.end);
			asks = {
				...para,
				value:
					// 请主人…联系: a found pet's owner is its 主人, not a 失主.
					/失主|主人|认领|领回|领取/.test(text) &&
					/请|望|欢迎/.test(text) &&
					!FOUND_PERSON_RE.test(text)
			};
		}
		if (!asks.value) continue;
		if (PERSON_RE.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
		mine.add(para);
		out.push({ subtype: 'found_item', ...para, bodyFrom: bodyAfterHeadline(norm, para) });
	}
	return out;
}

/**
 * A lost thing told in a paragraph: 遗失…有拾到者请联系…(重谢). The words are looked for
 * between the verb and the paragraph's end: where they occur is found once for the page.
 */
export function lostParagraphs(page: Page, taken: Taken): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	const mine = taken.way();
	let finders: Occurrences | undefined;
	let returns: Occurrences | undefined;
	let voidEnds: Occurrences | undefined;
	let phoned: ParagraphFact | undefined;
	ANCHOR_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = ANCHOR_RE.exec(norm))) {
		const para = paragraphAt(page, m.index);
		const { start: s, end: e } = para;
		if (taken.overlaps(para)) continue;
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
				...para,
				// A phone, or a place to bring the thing to (请送至…保安室).
				value: phoneMatchesIn(page, para).length > 0 || RETURN_PLACE_RE.test(norm.slice(s, e))
			};
		if (!phoned.value) continue;
		mine.add(para);
		out.push({ subtype: 'lost_item', ...para, bodyFrom: bodyAfterHeadline(norm, para) });
	}
	return out;
}

/**
 * A pet that strayed, told in a paragraph without a headline (本人于…走失一只柯基犬…有知情者请联系…):
 * a pet is a lost thing, and its 走失 is no person's.
 */
export function petParagraphs(page: Page, taken: Taken): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	const mine = taken.way();
	PET_STRAYED_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = PET_STRAYED_RE.exec(norm))) {
		const para = paragraphAt(page, m.index);
		PET_STRAYED_RE.lastIndex = Math.max(PET_STRAYED_RE.lastIndex, para.end);
		if (taken.overlaps(para)) continue;
		const text = norm.slice(para.start, para.end);
		if (!/联系|致电|重谢|酬谢|送还|归还/.test(text)) continue;
		if (!phoneMatchesIn(page, para).length) continue;
		mine.add(para);
		out.push({ subtype: 'lost_item', ...para, bodyFrom: bodyAfterHeadline(norm, para) });
	}
	return out;
}
