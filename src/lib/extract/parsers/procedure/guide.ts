/**
 * 办事指南 in sections. A guide is a passage with section headings (办理条件: / 申请材料: /
 * 办理流程: / 办理时限: / 收费标准: / 办理地点: …, also 【所需材料】, ■办理流程,
 * 申请人需提交以下材料：) at line starts; one heading alone is not a guide. A box of several
 * services is cut where a heading repeats, at the service name printed above the next set
 * (居住证怎么办, 事项名称：…).
 */
import type { Candidate, Page, Passage } from '../../pipeline';
import { emailsIn, joinedText, phonesIn, sourceOf } from '../../text/fields';
import { nonBlankLines, trimBlank } from '../../text/spans';
import type { ProcedureRecord } from '../../../records/types';
import { GUIDE_TAG_RE, GUIDE_TITLE_RE, NAME_LABEL_RE, OTHER_LABEL_RE } from './labels';
import {
	CORE_KINDS,
	findSections,
	firstSentence,
	isServiceName,
	items,
	lastSectionEnd,
	type Section,
	sectionValue
} from './sections';

/** The guides of each passage: one per set of section headings. */
export function guideRecords(
	page: Page,
	passages: readonly Passage[]
): Candidate<ProcedureRecord>[] {
	const out: Candidate<ProcedureRecord>[] = [];
	for (const passage of passages) {
		const sections = findSections(page, passage);
		if (!sections.length) continue;
		const titled = GUIDE_TITLE_RE.test(
			page.norm.slice(passage.start, Math.min(passage.end, passage.start + 80))
		);
		// Split where a heading repeats: a page of guides prints one set of sections per service.
		const groups: Section[][] = [];
		for (const s of sections) {
			const cur = groups[groups.length - 1];
			if (cur && !cur.some((x) => x.word === s.word)) cur.push(s);
			else groups.push([s]);
		}
		// The next service's name printed above its first heading ends the section before it.
		const titleAt = new Map<Section[], number>();
		for (let k = 1; k < groups.length; k++) {
			const prev = groups[k - 1][groups[k - 1].length - 1];
			const ls = nonBlankLines(page.norm, prev.bodyStart, groups[k][0].start);
			const last = ls[ls.length - 1];
			if (ls.length >= 2 && isServiceName(page.norm.slice(last.start, last.end))) {
				prev.end = last.start;
				titleAt.set(groups[k], last.start);
			}
		}
		let from = passage.start;
		for (const group of groups) {
			from = titleAt.get(group) ?? from;
			const core = new Set(group.filter((s) => CORE_KINDS.includes(s.kind)).map((s) => s.kind));
			const enough = core.size >= 2 || (titled && core.size >= 1 && group.length >= 2);
			if (!enough || !(core.has('requirements') || core.has('steps') || core.size >= 3)) {
				from = group[group.length - 1].end;
				continue;
			}
			out.push(guideRecord(page, passage, from, group, core.size));
			from = group[group.length - 1].end;
		}
	}
	return out;
}

function guideRecord(
	page: Page,
	passage: Passage,
	from: number,
	group: Section[],
	coreCount: number
): Candidate<ProcedureRecord> {
	const first = group[0];
	const last = group[group.length - 1];
	const title = guideTitle(page, passage, from, first.start);
	last.end = lastSectionEnd(page, last);
	const span = trimBlank(page.text, { start: title?.start ?? from, end: last.end });
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'guide',
		title: title?.text ?? '办事指南',
		source: sourceOf(page, span),
		confidence: 0,
		phones: phonesIn(page, span),
		emails: emailsIn(page, span)
	};
	if (title) record.question = title.text;
	else record.flags = ['未找到办事指南的名称'];
	const requirements: string[] = [];
	const steps: string[] = [];
	for (const s of group) {
		const body = trimBlank(page.norm, { start: s.bodyStart, end: s.end });
		if (body.end <= body.start) continue;
		const value = sectionValue(page, body);
		switch (s.kind) {
			case 'requirements':
				for (const item of items(page, body)) requirements.push(item);
				break;
			case 'steps':
				for (const item of items(page, body)) steps.push(item);
				break;
			case 'timeLimit':
				record.timeLimit ??= firstSentence(value);
				break;
			case 'fee':
				record.fee ??= firstSentence(value);
				break;
			case 'location':
				record.location ??= firstSentence(value);
				break;
			case 'department':
				record.department ??= firstSentence(value);
				break;
			default:
				break;
		}
	}
	if (requirements.length) record.requirements = requirements;
	if (steps.length) record.steps = steps;
	return {
		record,
		evidence: {
			rule: 'procedure.guide',
			facts: title ? ['title', coreCount >= 3 && 'coreSections'] : []
		}
	};
}

/**
 * The guide's name: a line before the first section that is not just "办事指南"
 * (【办事指南】新生儿如何办理落户 → 新生儿如何办理落户), else the passage headline.
 */
export function guideTitle(
	page: Page,
	passage: Passage,
	from: number,
	firstSection: number
): { text: string; start: number } | undefined {
	const lines = nonBlankLines(page.norm, from, firstSection).filter((l) => {
		const t = page.norm.slice(l.start, l.end);
		return (
			NAME_LABEL_RE.test(t) || (t.length <= 40 && !/[。;]$/.test(t) && !OTHER_LABEL_RE.test(t))
		);
	});
	const candidates = lines.length
		? lines
		: passage.headline
			? [{ start: passage.start, end: passage.start + passage.headline.length }]
			: [];
	for (const l of [...candidates].reverse()) {
		let text = page.norm.slice(l.start, l.end);
		let start = l.start;
		// Strip a leading tag: 【办事指南】, 办事指南:, 办事指南|
		// 【便民】机动车驾驶证到期换证怎么办？: a column tag before the name.
		const tag =
			NAME_LABEL_RE.exec(text) ??
			/^\[[\u4e00-\u9fa5]{1,6}\]\s?(?=\S{2})/.exec(text) ??
			GUIDE_TAG_RE.exec(text);
		if (tag) {
			start += tag[0].length;
			text = text.slice(tag[0].length);
		}
		if (text.trim().length >= 2) {
			const span = trimBlank(page.norm, { start, end: l.end });
			return { text: joinedText(page.text, span), start: l.start };
		}
	}
	return undefined;
}
