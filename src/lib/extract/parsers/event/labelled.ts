/**
 * Labelled fields (地点, 费用, 对象 …), the organiser and the activity's quoted name.
 */
import type { Page } from '../../pipeline';
import { fieldValue } from '../../text/fields';
import { isSignerLine } from '../../text/passages';
import type { Span } from '../../text/spans';
import {
	ORGANIZER_LABEL_RE,
	ORGANIZER_SUBJECT_RE,
	ORGANIZER_VERB_RE,
	RECRUITER_SUBJECT_RE
} from './labels';

export function findLabelled(
	page: Page,
	res: RegExp[],
	start: number,
	end: number
): string | undefined {
	const text = page.norm.slice(start, end);
	for (const re of res) {
		const m = re.exec(text);
		if (!m?.groups?.v) continue;
		const s = start + m.index + m[0].indexOf(m.groups.v);
		const v = fieldValue(page, { start: s, end: s + m.groups.v.length });
		if (v) return v;
	}
	return undefined;
}

/** A byline in brackets (（记者 简宁）): blanked out, never part of an organiser's name. */
const BYLINE_BRACKET_RE = /\((?:本报)?(?:记者|通讯员)[^()\n]{0,30}\)/g;

/** An institution's room (图书馆少儿阅览室, 文化馆二楼展厅): the institution's part. */
const ROOM_OF_RE =
	/^(?<org>[\u4e00-\u9fa5]{2,20}?(?:馆|中心|院|站|宫|学校))[\u4e00-\u9fa5\d]{1,10}(?:室|厅)$/;

export function findOrganizer(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const norm = page.norm;
	// Blanks of the same length keep the offsets.
	const text = norm.slice(start, end).replace(BYLINE_BRACKET_RE, (b) => ' '.repeat(b.length));
	// The first labelled organiser (主办单位：…; 指导单位 is no organiser).
	for (const m of text.matchAll(ORGANIZER_LABEL_RE)) {
		if (/指导/.test(m[0])) continue;
		const s = start + m.index + m[0].indexOf(m.groups!.v);
		const v = fieldValue(page, { start: s, end: s + m.groups!.v.length });
		if (v) return v;
	}
	for (const sentence of text.split(/(?<=[。!！?？])/)) {
		// …博览会将于12月18日开幕，XX协会现面向社会招募: the event opens, the association recruits.
		const subject = RECRUITER_SUBJECT_RE.exec(sentence) ?? ORGANIZER_SUBJECT_RE.exec(sentence);
		if (subject?.groups?.v && isSignerLine(subject.groups.v)) {
			const s =
				start + text.indexOf(sentence) + subject.index + subject[0].indexOf(subject.groups.v);
			return fieldValue(page, { start: s, end: s + subject.groups.v.length });
		}
		const m = ORGANIZER_VERB_RE.exec(sentence);
		if (!m?.groups?.v) continue;
		// 协会本周六上午9时将组织: the time is not part of the name, nor is the modal word
		// (市图书馆将举办).
		let v = m.groups.v
			.replace(/(?:(?:本|下|这|每|今|明)(?:周|星期|天|日|年|月)|[0-9]|上午|下午|晚上|凌晨).*$/, '')
			.replace(/(?:将|已|正|再次|也|还|于|特|拟|计划|共同|联合)+$/, '');
		// X联合Y: both organise.
		const parts = v.split(/联合|携手|与|和/);
		if (!parts.every((p) => p.length >= 3)) continue;
		if (!parts.some((p) => isSignerLine(p) || /网|协会|中心|工作室|馆|团|株洲/.test(p))) continue;
		// Leading time words: 近日,株洲文明网 → 株洲文明网.
		v = v.replace(/^(?:近日|日前|今年|目前|近期|为|由)/, '');
		// 株洲市图书馆少儿阅览室 (the room where it is held): the institution organises.
		v = ROOM_OF_RE.exec(v)?.groups?.org ?? v;
		const at = start + text.indexOf(sentence) + m.index + m[0].indexOf(m.groups.v);
		const s = at + m.groups.v.indexOf(v);
		return fieldValue(page, { start: s, end: s + v.length })?.replace(/联合|携手/g, '、');
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------

/** A quoted activity name when the passage has no headline: “…”活动 / …大赛. */
export function activityName(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const m =
		/"[^"]{2,30}"[\u4e00-\u9fa5]{0,12}?(?:活动|大赛|比赛|培训|讲座|征集|征文|夏令营|招募|展演|演出|展览|晚会|音乐会|分享会|故事会|沙龙|体验课|公开课|运动会|健步走|马拉松)/.exec(
			page.norm.slice(start, end)
		);
	if (!m) return undefined;
	return page.text.slice(start + m.index, start + m.index + m[0].length);
}
