/**
 * A list of unclaimed documents by owner name (以下身份证请失主认领：甲、乙…): one record per
 * name, its span the name — each owner looks for their own name.
 */
import { isEmergencyNumber } from '../../phone';
import type { Candidate, Page } from '../../pipeline';
import { datesIn, fieldValue, phoneMatchesIn, toPhones } from '../../text/fields';
import { isHeadlineLike } from '../../text/passages';
import { lineStart, paragraphAt } from '../../text/lineIndex';
import { isCjk } from '../../text/patterns';
import type { Span } from '../../text/spans';
import type { LostFoundRecord } from '../../../records/types';
import { firstDocumentWord } from './document';
import { CLAIM_RE, INLINE_HEAD_RE, PLACE_RE } from './labels';

/**
 * A list of unclaimed documents by owner name: 以下身份证请失主认领：甲、乙… or
 * …保存着8张身份证，失主分别为甲、乙…. Each name is one record (a reader looks up their own
 * name), its span the name; the list's claiming instructions give each its phones.
 */
const OWNER_LIST_RE =
	/(?:以下|下列)(?<doc>[\u4e00-\u9fa5]{1,10}?)(?:请|望)?(?:失主|机主|证件主人)?(?:尽快|及时|速)?(?:前来|来)?(?:认领|领取)[^:：\n。]{0,8}[:：]|(?:失主|持证人|持卡人|机主)(?:姓名)?分别(?:为|是)[:：]?/g;

/** One owner's name in a list, and what may separate two of them. */
const OWNER_NAME_RE = /^[\u4e00-\u9fa5]{2,4}$/;

const OWNER_SEPARATOR_RE = /[、，,;；\s]+/;

/** How far after a list its claiming instructions may be printed. */
const LIST_REACH = 400;

/** The longest run of names read as one list. */
const MAX_LIST = 400;

export interface Listed {
	records: Candidate<LostFoundRecord>[];
	/** The paragraphs the lists take, kept from the other finders. */
	spans: Span[];
}

export function findOwnerLists(page: Page): Listed {
	const norm = page.norm;
	const out: Listed = { records: [], spans: [] };
	OWNER_LIST_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = OWNER_LIST_RE.exec(norm))) {
		const listStart = m.index + m[0].length;
		// The names run to the end of the sentence (or the line).
		const listLimit = Math.min(norm.length, listStart + MAX_LIST);
		// The names run to the end of the sentence, or, when the heading line ends with its
		// colon, over the lines below it to a blank line (甲 乙 丙 / 丁 戊, set apart by ideographic spaces).
		const ahead = norm.slice(listStart, listLimit);
		const onLine = /^[ \t]*\r?\n/.test(ahead);
		const stop = onLine ? ahead.search(/\n[ \t]*\r?\n|。/) : ahead.search(/[。\n]/);
		const listEnd = stop < 0 ? listLimit : listStart + stop;
		const docWord = m.groups?.doc
			? firstDocumentWord(norm, m.index, listStart)
			: firstDocumentWord(norm, Math.max(lineStart(page, m.index), m.index - 30), m.index);
		if (!docWord) continue;
		const names: Span[] = [];
		let k = listStart;
		const parts = norm.slice(listStart, listEnd).split(OWNER_SEPARATOR_RE);
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i];
			if (!part) continue;
			const at = norm.indexOf(part, k);
			k = at + part.length;
			// A two-character name is padded to the column's width: 周 敏 with an ideographic space.
			if (part.length === 1 && parts[i + 1]?.length === 1 && isCjk(part) && isCjk(parts[i + 1])) {
				const end = norm.indexOf(parts[i + 1], k) + 1;
				if (end - at <= 3) {
					names.push({ start: at, end });
					k = end;
					i++;
					continue;
				}
			}
			const name = part.replace(/等$/, '');
			if (!OWNER_NAME_RE.test(name)) break;
			names.push({ start: at, end: at + name.length });
		}
		if (names.length < 2) continue;
		// The instructions: this paragraph and the next, within reach. Each is read only near
		// the list, so that many lists in one long paragraph do not read it again and again.
		const { start: p0, end: p1 } = paragraphAt(page, m.index);
		const ps = Math.max(p0, m.index - LIST_REACH);
		const pe = Math.min(p1, listEnd + LIST_REACH);
		let ie = pe;
		const next =
			pe === p1 && pe + 2 < norm.length
				? paragraphAt(page, Math.min(norm.length - 1, pe + 2))
				: undefined;
		// …unless the next paragraph is a notice of its own (【寻物启事】…).
		const nextText = next && next.end - pe < LIST_REACH ? norm.slice(next.start, next.end) : '';
		const nextHead = nextText.split('\n')[0];
		if (
			next &&
			next.start > pe &&
			next.end - pe < LIST_REACH &&
			/认领|领取|联系/.test(nextText) &&
			!isHeadlineLike(nextHead) &&
			!INLINE_HEAD_RE.test(nextHead)
		)
			ie = next.end;
		const phones = toPhones(
			phoneMatchesIn(page, { start: ps, end: ie }).filter((p) => !isEmergencyNumber(p.number))
		);
		const claim = CLAIM_RE.exec(norm.slice(ps, ie));
		const claimValue = claim?.groups?.place ?? claim?.groups?.label;
		const documentType = fieldValue(page, docWord);
		// When and where the documents were found, told before the list.
		const dates = datesIn(page, { start: ps, end: m.index }, 'past');
		const place = PLACE_RE.exec(norm.slice(ps, m.index));
		const placeValue = place?.groups?.place
			? fieldValue(page, {
					start: ps + place.index + place[0].indexOf(place.groups.place),
					end: ps + place.index + place[0].indexOf(place.groups.place) + place.groups.place.length
				})
			: undefined;
		for (const name of names) {
			const holder = fieldValue(page, name)!.replace(/[\s\u3000]+/g, '');
			const r: LostFoundRecord = {
				kind: 'lost_found',
				subtype: 'found_item',
				title: `失物招领：${holder}的${documentType}`,
				source: { file: page.source, start: name.start, end: name.end },
				confidence: 0,
				phones,
				emails: [],
				holder,
				item: documentType,
				documentType
			};
			if (claim && claimValue) {
				const cs = ps + claim.index + claim[0].indexOf(claimValue);
				r.claimPlace = fieldValue(page, { start: cs, end: cs + claimValue.length });
			}
			if (dates.length) r.date = dates[0].value.slice(0, 10);
			if (placeValue) r.place = placeValue;
			out.records.push({
				record: r,
				evidence: {
					rule: 'lost_found.holderList',
					facts: [(phones.length || claimValue) && 'contact']
				}
			});
		}
		out.spans.push({ start: ps, end: ie });
		OWNER_LIST_RE.lastIndex = Math.max(OWNER_LIST_RE.lastIndex, listEnd);
	}
	return out;
}
