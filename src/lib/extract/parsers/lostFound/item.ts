/**
 * The record of a lost or found thing: the thing (thing.ts), its place, day, contact, reward
 * (lost) or claim place (found); a found document also carries its owner and number.
 */
import { isEmergencyNumber } from '../../phone';
import type { Candidate, Page } from '../../pipeline';
import {
	datesIn,
	fieldValue,
	findContactName,
	findDistrict,
	phoneMatchesIn,
	toPhones
} from '../../text/fields';
import { clauses, type Span } from '../../text/spans';
import type { LostFoundRecord } from '../../../records/types';
import { isDocument } from './document';
import {
	CLAIM_RE,
	NAME_AFTER_PHONE_RE,
	PERSON_ITEM_RE,
	PLACE_LABEL_RE,
	PLACE_RE,
	REWARD_PROMISE_RE,
	REWARD_RE
} from './labels';
import type { ItemNotice } from './notices';
import { findLabelledNumber } from './number';
import { cleanItem, describedPet, findItem, FOUND_ITEM_VERB_RE, LOST_ITEM_VERB_RE } from './thing';

/**
 * The owner named on the documents inside a lost bag: 内有身份证、驾驶证（户名均为某某）. Only
 * the labels of a document's owner: 姓名 and 失主 in a bag's notice may name anyone.
 */
const CONTENTS_OWNER_RE =
	/(?:(?:户名|持证人|持卡人)(?:均)?(?:为|是)\s*[:：]?|(?<=证|卡)[(（]\s*姓名\s*[:：])\s*(?<name>[\u4e00-\u9fa5]{2,4})(?=$|[\s,，。;；、)）])/;

/** What ends a name read leftwards from a claim place named earlier in the notice. */
const NAME_STOP_RE = /[由交在到至送于将把的、,，。;；:：\s]/;

/** The longest name read leftwards. */
const MAX_NAME = 24;

/**
 * The claim place named in full: a notice that first names the finder or keeper in full
 * (某超市一楼服务台于…拾得, 现交由神农公园管理处保管) sends the owner to it by its short name
 * (到服务台认领, 到管理处认领). The full name is read leftwards from the first mention.
 */
function fullClaimPlace(norm: string, from: number, claim: Span): Span {
	const short = norm.slice(claim.start, claim.end);
	const first = norm.indexOf(short, from);
	if (first < 0 || first >= claim.start) return claim;
	let k = first;
	while (k > from && first - k < MAX_NAME && !NAME_STOP_RE.test(norm[k - 1])) k--;
	return first - k >= 2 ? { start: k, end: first + short.length } : claim;
}

/**
 * A thing moved in front of the verb that the place read on into (在火车站附近将一个文件袋遗失):
 * the place ends before 将/把 and a counted thing.
 */
const MOVED_AFTER_PLACE_RE =
	/(?:附近|处|一带)?(?:不慎)?[将把](?=[一两二三四五六七八九十\d]+[个只部台张本件串块条枚副份辆套袋包]|自己|我的|随身)/;

/** A clause that only says when: 10月30日, 11月2日上午. */
const DAY_CLAUSE_RE =
	/^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?|早上|凌晨|中午)?(?:\d{1,2}[时点](?:许|左右)?)?$/;
/** A bulletin line's place told before its verb without 在: …，T15路末班车上拾得；. */
const PLACE_BEFORE_VERB_RE =
	/(?:^|[,，])\s*(?<place>[^,，。;；:：\d][^,，。;；:：]{1,19}?)(?:上|内|里)?(?:拾得|拾获|捡到|拾到)(?:[;；。]?\s*$|(?=[^,，。;；:：\s]{2}))/;

/** Activities that 在…中 tells instead of a place: 民警在巡逻中拾获. */
const ACTIVITY_RE = /^(?:巡逻|执勤|工作|值班|清扫|打扫|保洁|营运|运营|巡查|作业)中?$/;

/** The owner named on a document: 姓名：卢某, 持卡人为高二(5)班罗某, 失主为某某. */
const OWNER_RE =
	/(?:姓名|持证人|持卡人|户名|失主)(?:均)?(?:为|是)?\s*[:：]?\s*(?:[^,，。;；\n]{0,12}?班)?(?<name>[\u4e00-\u9fa5]{2,4})(?=$|[\s,，。;；、(（]|身份证|证号)/;

export function buildItemRecord(page: Page, n: ItemNotice): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const bodyStart = n.head ? n.head.end : (n.bodyFrom ?? n.start);
	// A bulletin line may lead with its day (1.10月30日，黑色雨伞一把，…拾得): the thing follows.
	let first =
		n.itemFrom === undefined
			? undefined
			: clauses(norm, { start: n.itemFrom, end: n.end }).find(
					(c) => !DAY_CLAUSE_RE.test(norm.slice(c.start, c.end))
				);
	// …or with where it was found and the verb (①11月15日，二楼候车室拾到灰色双肩包一个): the
	// thing follows the verb.
	if (first) {
		const verbRe = n.subtype === 'lost_item' ? LOST_ITEM_VERB_RE : FOUND_ITEM_VERB_RE;
		const verb = verbRe.exec(norm.slice(first.start, first.end));
		const after = verb ? first.start + verb.index + verb[0].length : first.end;
		if (verb && verb.index >= 2 && first.end - after >= 2) first = { start: after, end: first.end };
	}
	const found = first
		? cleanItem(norm, first.start, first.end)
		: findItem(norm, bodyStart, n.end, n.subtype);
	const item = found && describedPet(norm, found, n.end);
	const itemText = item ? fieldValue(page, item) : undefined;
	if (item && PERSON_ITEM_RE.test(norm.slice(item.start, item.end))) return undefined;

	// A headline with nothing to identify the thing or reach anyone is no notice.
	if (!itemText && !phoneMatchesIn(page, { start: n.start, end: n.end }).length) return undefined;
	const head = n.head ? fieldValue(page, n.head) : undefined;
	// The title names the thing without its description or quantity: 寻物启事：黑色双肩包.
	const title = `${head ?? (n.subtype === 'lost_item' ? '寻物启事' : '失物招领')}${itemText ? `：${itemText}` : ''}`;

	// 110 in a lost/found notice is advice (可拨打110求助), never the way to the thing.
	const own = phoneMatchesIn(page, { start: n.start, end: n.end });
	const phones = toPhones(
		(own.length || !n.shared ? own : phoneMatchesIn(page, n.shared)).filter(
			(p) => !isEmergencyNumber(p.number)
		)
	);

	const record: LostFoundRecord = {
		kind: 'lost_found',
		subtype: n.subtype,
		title,
		source: { file: page.source, start: n.start, end: n.end },
		confidence: 0,
		phones,
		emails: []
	};
	if (itemText) record.item = itemText;
	// A found or lost document carries its owner and number: 拾到居民身份证一张，姓名：某某，
	// 身份证号码：…. Read only when the thing is a document, so a wallet's contents are not.
	if (item && isDocument(norm, item.start, item.end)) {
		record.documentType = itemText;
		const owner = OWNER_RE.exec(norm.slice(bodyStart, n.end));
		if (owner?.groups) {
			const os = bodyStart + owner.index + owner[0].length - owner.groups.name.length;
			record.holder = fieldValue(page, { start: os, end: os + owner.groups.name.length });
		}
		const number = findLabelledNumber(page, item.end, n.end);
		if (number) record.documentNumber = number;
	} else if (n.subtype === 'lost_item') {
		const owner = CONTENTS_OWNER_RE.exec(norm.slice(bodyStart, n.end));
		if (owner?.groups) {
			const os = bodyStart + owner.index + owner[0].length - owner.groups.name.length;
			record.holder = fieldValue(page, { start: os, end: os + owner.groups.name.length });
		}
	}

	const text = norm.slice(bodyStart, n.end);
	const placeLabel = PLACE_LABEL_RE.exec(text);
	const place =
		placeLabel ?? PLACE_RE.exec(text) ?? (n.itemFrom ? PLACE_BEFORE_VERB_RE.exec(text) : null);
	if (place?.groups?.place) {
		const ps = bodyStart + place.index + place[0].indexOf(place.groups.place);
		const moved = MOVED_AFTER_PLACE_RE.exec(place.groups.place);
		const pe = ps + (moved && moved.index >= 2 ? moved.index : place.groups.place.length);
		const value = fieldValue(page, { start: ps, end: pe });
		// 于10月3日 is a date, not a place.
		if (
			value &&
			!/^[\d一二三四五六七八九十]+月|^\d{4}年|^今|^昨|^近日/.test(norm.slice(ps, ps + 5)) &&
			!ACTIVITY_RE.test(value)
		)
			record.place = value;
	}
	const dates = datesIn(page, { start: bodyStart, end: n.end }, 'past');
	// The day is what a reader looks for; a time printed with it (下午4时许) is dropped.
	if (dates.length) record.date = dates[0].value.slice(0, 10);

	const contact = findContactName(page, { start: bodyStart, end: n.end });
	if (contact) record.contactName = fieldValue(page, { start: contact.start, end: contact.end });
	else {
		// 请致电13974190268（邝先生）: the name in brackets after the number.
		const after = NAME_AFTER_PHONE_RE.exec(text);
		if (after?.groups) {
			const cs = bodyStart + after.index + after[0].indexOf(after.groups.name);
			record.contactName = fieldValue(page, { start: cs, end: cs + after.groups.name.length });
		}
	}
	if (n.subtype === 'found_item') {
		let claimFrom = bodyStart;
		let claim = CLAIM_RE.exec(text);
		if (!claim && n.shared) {
			claimFrom = n.shared.start;
			claim = CLAIM_RE.exec(norm.slice(n.shared.start, n.shared.end));
		}
		const value = claim?.groups?.place ?? claim?.groups?.label;
		if (claim && value) {
			const cs = claimFrom + claim.index + claim[0].indexOf(value);
			const full = fullClaimPlace(norm, claimFrom, { start: cs, end: cs + value.length });
			record.claimPlace = fieldValue(page, full);
		}
	} else {
		const reward = REWARD_RE.exec(text);
		if (reward) {
			// With an amount the reward is what is paid (酬谢500元), not the promise (定当);
			// without one the promise is all there is (必有重谢).
			const promise = /\d|[一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]元/.test(reward[0])
				? (REWARD_PROMISE_RE.exec(reward[0])?.[0].length ?? 0)
				: 0;
			record.reward = fieldValue(page, {
				start: bodyStart + reward.index + promise,
				end: bodyStart + reward.index + reward[0].length
			});
		}
	}
	const district = findDistrict(page.norm, { start: n.start, end: n.end });
	if (district) record.district = district;

	const flags: string[] = [];
	if (!itemText) flags.push('未识别物品');
	const reachable = phones.length || record.claimPlace;
	if (!reachable) flags.push('没有联系方式');
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'lost_found.itemNotice',
			facts: [n.head && 'head', itemText && 'item', reachable && 'contact', record.place && 'place']
		}
	};
}
