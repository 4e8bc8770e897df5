/**
 * The thing a lost or found notice is about, as a reader would file it: 黑色双肩包, not
 * 黑色双肩包一个，内有笔记本电脑 — read after the verb, after an 物品： label, or in front of the
 * verb (将…遗落, 一只橘猫走失); a pet named only as a pet (爱犬) by its description.
 */
import { clauses, type Span, trimEdges } from '../../text/spans';
import { LEAD_QUANTITY_RE, TRAIL_QUANTITY_RE } from './labels';

/** A thing put in front of the verb: 将一个棕色公文包遗落在车上, 把钥匙丢了. */
const MOVED_ITEM_RE =
	/[将把](?<item>[^,，。;；\n]{2,30}?)(?:不慎)?(?:遗落|遗失|丢失|遗忘|落|丢)(?:在|于|了)?/;

/** A pet that strayed, named before its verb: 一只橘色狸花猫从小区走失. */
const STRAYED_RE =
	/[一两]?(?:只|条|头)(?<item>[\u4e00-\u9fa5]{2,10}?)(?:[从在于][^,，。;；]{0,20})?(?:走失|走丢|跑丢|丢失)/;

/** A thing handed in: 收到群众送交的金色手镯一只. */
const HANDED_IN_RE = /(?:送交|上交|交来|送来|移交)的/;

export const LOST_ITEM_VERB_RE = /(?:不慎)?(?:遗失|丢失|遗落|被盗|走失|丢)(?:了)?/;

export const FOUND_ITEM_VERB_RE = /(?:捡拾到|捡拾|拾到|拾得|拾获|捡到|捡获|抬到|抬得|抬获)(?:了)?/;

/** A found thing seen rather than picked up: 发现一辆无主电动车. */
const DISCOVERED_RE = /发现(?:了)?(?=[一两二三四五六七八九十\d]|无主)/;

/** Where the name of the thing ends inside its clause: its description or a second thing. */
const ITEM_CUT_RE = /[(（]|以及|及|和|、/;

/**
 * The thing itself, as a reader would file it: 黑色双肩包, not 黑色双肩包一个，内有笔记本
 * 电脑 — the first clause after the verb (or after an 物品： label, or the thing moved in front
 * of the verb with 将/把), cut before a description in brackets or a second thing, without
 * its quantity.
 */
export function findItem(
	norm: string,
	start: number,
	end: number,
	subtype: 'lost_item' | 'found_item'
): Span | undefined {
	const text = norm.slice(start, end);
	let from: number | undefined;
	const label = /(?:遗失|丢失|拾得|拾获)?(?:物品|失物|物件)(?:名称)?\s*[:：]\s*/.exec(text);
	const moved = subtype === 'lost_item' && !label ? MOVED_ITEM_RE.exec(text) : null;
	const strayed = subtype === 'lost_item' && !label && !moved ? STRAYED_RE.exec(text) : null;
	if (label) from = start + label.index + label[0].length;
	else if (moved?.groups) {
		const s = start + moved.index + 1;
		return cleanItem(norm, s, s + moved.groups.item.length);
	} else if (strayed?.groups) {
		const s = start + strayed.index + strayed[0].indexOf(strayed.groups.item);
		return cleanItem(norm, s, s + strayed.groups.item.length);
	} else {
		const handed = subtype === 'found_item' ? HANDED_IN_RE.exec(text) : null;
		// 发现 names a found thing only when no finding verb does (在辖区内发现一辆无主电动车).
		const verb =
			handed ??
			(subtype === 'lost_item' ? LOST_ITEM_VERB_RE : FOUND_ITEM_VERB_RE).exec(text) ??
			(subtype === 'found_item' ? DISCOVERED_RE.exec(text) : null);
		if (verb) from = start + verb.index + verb[0].length;
	}
	if (from === undefined) return undefined;
	const first = clauses(norm, { start: from, end: end })[0];
	return first ? cleanItem(norm, first.start, first.end) : undefined;
}

/** `[s, e)` of a clause naming a thing, cut to the thing's name (see findItem). */
export function cleanItem(norm: string, s: number, e: number): Span | undefined {
	// A form's next label ends the value: 遗失物品：黑色钱包一个 / 遗失时间：….
	const label = /\n\s*[\u4e00-\u9fa5]{2,6}\s*[:：]/.exec(norm.slice(s, e));
	if (label) e = s + label.index;
	// 拾到乘客遗失的蓝色雨伞: whose it was is not the thing.
	const whose = /^[\u4e00-\u9fa5]{0,4}(?:遗失|丢失|遗落|遗忘|遗留|丢下)的/.exec(norm.slice(s, e));
	if (whose && whose[0].length < e - s) s += whose[0].length;
	const cut = ITEM_CUT_RE.exec(norm.slice(s, e));
	if (cut && cut.index > 0) e = s + cut.index;
	const lead = LEAD_QUANTITY_RE.exec(norm.slice(s, e));
	if (lead && lead[0].length < e - s) s += lead[0].length;
	// 无主 says why it is announced, not what it is.
	if (norm.startsWith('无主', s) && e - s > 3) s += 2;
	const trail = TRAIL_QUANTITY_RE.exec(norm.slice(s, e));
	if (trail && trail.index > 0) e = s + trail.index;
	if (e - s > 40) e = s + 40;
	const span = trimEdges(norm, { start: s, end: e });
	return span.end > span.start ? span : undefined;
}

/** A pet named only as a pet (走失爱犬一只，白色比熊，…): its description says which. */
const BARE_PET_RE = /^(?:爱犬|爱猫|宠物|宠物狗|宠物猫|小狗|小猫|狗狗|猫咪)$/;

/** A short description of a pet: colour and breed, no verb. */
const PET_DESCRIPTION_RE = /^[\u4e00-\u9fa5]{2,8}$/;

/** The pet's description when the item is a bare pet word and the next clause describes it. */
export function describedPet(norm: string, item: Span, end: number): Span {
	if (!BARE_PET_RE.test(norm.slice(item.start, item.end))) return item;
	// The clause after the one the pet word stands in (…走失爱犬一只，白色比熊，…).
	const next = clauses(norm, { start: item.end, end }).find((c) =>
		/[,，]/.test(norm.slice(item.end, c.start))
	);
	if (!next || !PET_DESCRIPTION_RE.test(norm.slice(next.start, next.end))) return item;
	return /[犬狗猫熊泰迪金毛哈士奇柯基柴]$/.test(norm.slice(next.start, next.end)) ? next : item;
}
