/**
 * Whose line a number is: the organisation named before it in its sentence, in brackets after
 * it, or on the line above it (an office's name over its 电话 line). Shared with the
 * directory refiner, which files the public numbers other records print.
 */
import type { PhoneMatch } from '../../phone';
import type { Page, Passage } from '../../pipeline';
import { isOrganizationName, splitOrganization } from '../../text/organizations';
import type { Span } from '../../text/spans';
import { isClauseSplit, LABEL_ONLY_RE, LEAD_RE, ORG_REACH, SENTENCE_END } from './labels';

export interface Department {
	name: string;
	start: number;
	/** 0 when named in the number's own clause (市救助管理站电话：), 1 in the clause before, … */
	clauses: number;
	/** Named after the service a guide's 咨询电话 answers for (居住证怎么办), not an office. */
	service?: boolean;
}

/**
 * The nearest organisation named before the number within its sentence: the number's own
 * clause first (请拨打交警支队咨询电话…), then the clauses before it (可向市交通运输综合执法支队
 * 投诉，投诉电话：…; 株洲市水务集团春节期间…，可拨打服务热线…).
 */
export function organizationBefore(page: Page, p: PhoneMatch): Department | undefined {
	let from = p.start;
	while (from > 0 && p.start - from < ORG_REACH && !SENTENCE_END.test(page.norm[from - 1])) from--;
	const found = organizationIn(page, from, p.start, 0);
	if (found) return found;
	// 值班电话：… as a sentence of its own: the office is named in the sentence before.
	if (
		from > 1 &&
		page.norm[from - 1] === '。' &&
		LABEL_ONLY_RE.test(page.norm.slice(from, p.start))
	) {
		let prev = from - 1;
		while (prev > 0 && from - 1 - prev < ORG_REACH && !SENTENCE_END.test(page.norm[prev - 1]))
			prev--;
		return organizationIn(page, prev, from - 1, 1);
	}
	return undefined;
}

/** The organisation nearest to `to` in norm[from, to), clause by clause backwards. */
function organizationIn(
	page: Page,
	from: number,
	to: number,
	skipped: number
): Department | undefined {
	const text = page.norm.slice(from, to);
	const ends: number[] = [];
	for (let i = 0; i < text.length; i++) if (isClauseSplit(text.charCodeAt(i))) ends.push(i);
	// Clauses from the nearest back; the label's own clause (投诉电话：) is not counted.
	let end = text.length;
	let clauses = skipped;
	for (let k = ends.length; k >= 0; k--) {
		const start = k === 0 ? 0 : ends[k - 1] + 1;
		const clause = text.slice(start, end);
		end = start - 1;
		if (!clause.trim()) continue;
		const lead = LEAD_RE.exec(clause)?.[0].length ?? 0;
		const body = clause.slice(lead).trim();
		let offset = from + start + clause.length - clause.slice(lead).trimStart().length;
		let org = isOrganizationName(body) ? body : splitOrganization(body).organization;
		// 失主携带证件到荷塘派出所: the organisation starts after the last verb of motion.
		// 家长看到后请速与派出所联系: …after 与 too.
		const verb = org && /^.*(?:到|向|在|从|与|携带|前往|联系|咨询|致电|拨打)/.exec(org);
		if (org && verb && org.length - verb[0].length >= 3) {
			offset += verb[0].length;
			org = org.slice(verb[0].length);
		}
		// 本公司 / 该局 point back at a name; 营业大厅 is a place, not who answers.
		if (org && /^[本该我贵其此]|大厅$/.test(org)) org = undefined;
		if (org && body.includes(org) && org.length <= 24) {
			return { name: page.text.slice(offset, offset + org.length), start: offset, clauses };
		}
		// The number's own clause (投诉电话：) and three before it.
		clauses++;
		if (clauses >= 4 + skipped) break;
	}
	return undefined;
}

/**
 * The office line above an entry's 电话 line, within the same block (no blank line between):
 * 天元区医疗保障服务中心 / 地址：… / 电话：…. Only a line that is an organisation's name.
 */
export function officeAbove(page: Page, passage: Passage, line: Span): Span | undefined {
	let end = line.start - 1;
	for (let n = 0; n < 3 && end > passage.start; n++) {
		let start = end;
		while (start > passage.start && page.norm[start - 1] !== '\n') start--;
		const text = page.norm.slice(start, end).trim();
		if (!text) return undefined;
		if (isOrganizationName(text)) {
			const at = start + page.norm.slice(start, end).indexOf(text);
			return { start: at, end: at + text.length };
		}
		end = start - 1;
	}
	return undefined;
}

/** An organisation in brackets right after the number: …0731-28658110（市自然资源和规划局）. */
export function organizationAfter(
	page: Page,
	p: PhoneMatch
): (Span & { text: string }) | undefined {
	const m = /^\s?\(([^()\n]{3,24})\)/.exec(page.norm.slice(p.end, p.end + 30));
	if (!m || !isOrganizationName(m[1])) return undefined;
	const start = p.end + m[0].indexOf(m[1]);
	return { start, end: start + m[1].length, text: m[1] };
}
