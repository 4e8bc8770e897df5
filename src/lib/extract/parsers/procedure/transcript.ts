/**
 * Q&A told as a transcript with speaker labels, one turn per line: 在线访谈 pages
 * (【网友“…”】 asks, 【嘉宾 name】 answers, 【主持人】 links), radio 行风热线 shows (听众朱先生： asks,
 * 市交通运输局副局长 黄立新： answers), 12345 digests of 【典型案例】 (诉求： / 办理：) and
 * 读者来电 / 记者追踪 columns. One record per asking turn answered by the next turn. The
 * department comes from the page's 上线单位 / 访谈嘉宾 line, the answering official's title, or
 * the office the answer names first (市社保中心答复，… / 记者将情况转给XX局。).
 */
import type { Candidate, Page } from '../../pipeline';
import { emailsIn, joinedText, phonesIn, sourceOf } from '../../text/fields';
import { isOrganizationName, splitOrganization } from '../../text/organizations';
import { nonBlankLines, type Span, trimBlank } from '../../text/spans';
import type { ProcedureRecord } from '../../../records/types';

type Turn = { role: 'ask' | 'answer' | 'host' | 'head'; line: Span; text: Span; org?: string };

/** Asking turns: [网友"…"] / 听众朱先生: / 诉求: / 读者来电: */
const ASK_RE =
	/^(?:\[(?:网友|网民|听众|市民|读者)[^\]\n]{0,16}\]\s?:?|(?:来电)?听众[^\s:,。]{0,8}\s?:|(?:群众|市民)?诉求(?:内容)?\s?:|(?:读者|市民)来(?:电|信)\s?:)\s*/;
/** Answering turns: [嘉宾 贺志平] / 办理: / 记者追踪: (the official's title and name: OFFICIAL_RE). */
const ANSWER_RE =
	/^(?:\[(?:访谈)?嘉宾\s?[^\]\n]{0,20}\]\s?:?|(?:办理|办理情况|处理情况|答复)\s?:|记者(?:追踪|回访|调查|核实|跟进)\s?:)\s*/;
/** 市交通运输局副局长 黄立新: — an organisation's officer by title, then the name. */
const OFFICIAL_RE =
	/^([\u4e00-\u9fa5]{2,24}?副?(?:局长|主任|处长|科长|所长|站长|队长|院长|区长|县长|市长|镇长|经理|负责人|书记))\s?[\u4e00-\u9fa5]{2,3}\s?:\s*/;
const HOST_RE = /^(?:\[主持人\]|主持人\s?:)/;
/** 【典型案例一】 on a line of its own heads the case under it. */
const CASE_HEAD_RE = /^\[?(?:典型)?案例[一二三四五六七八九十\d]{0,3}\]?\s*$/;
/** The page names who is on air or in the studio: 本期上线单位：XX局 / 访谈嘉宾：XX中心副主任 YY */
const UNIT_LINE_RE = /(?:上线单位|访谈嘉宾|嘉宾单位|做客单位)\s?:\s?([^\s\n、,]{3,30})/;
/** The office an answer opens with, before its verb: 市社保中心答复， / XX街道组织… */
const LEAD_ORG_RE =
	/^([\u4e00-\u9fa5]{3,24}?)(?:回复|答复|表示|介绍|组织|经核实|已|将|派|当天|立即|及时|第一时间)/;
/** 记者将情况转给XX局。 — the office the reporter passed the call to. */
const PASSED_TO_RE = /^[^。\n]{0,12}?(?:转给|转交|联系了?|采访了?)([\u4e00-\u9fa5]{3,30})[。,]/;
/** 该局工作人员表示， / 市社保中心答复， — the words before what the office said. */
const SAID_RE = /^[^。\n]{0,30}?(?:表示|介绍|回复|答复|称)\s?[,:]/;
const COURTESY_RE = /^(?:感谢|谢谢)[^。!\n]{0,30}[。!]/;
/** Who called, before what they said: 家住XX的伍女士反映， */
const CALLER_LEAD_RE =
	/^[^。,\n]{0,30}?(?:先生|女士|市民|读者|居民)(?:来电)?(?:反映|咨询|称|说)[,:]/;
/** A line that carries a turn on ends like a sentence (headlines and notes do not). */
const SENTENCE_END_RE = /^[^([■●◆▲★].*[。!?;…"]$/;

export function transcriptRecords(page: Page): Candidate<ProcedureRecord>[] {
	const turns = findTurns(page);
	if (!turns.some((t) => t.role === 'ask')) return [];
	const unit = UNIT_LINE_RE.exec(page.norm);
	const pageOrg = unit
		? organizationOf(page.text.substr(unit.index + unit[0].length - unit[1].length, unit[1].length))
		: undefined;
	const out: Candidate<ProcedureRecord>[] = [];
	for (let i = 0; i + 1 < turns.length; i++) {
		const q = turns[i];
		const a = turns[i + 1];
		if (q.role !== 'ask' || a.role !== 'answer') continue;
		const head = turns[i - 1]?.role === 'head' ? turns[i - 1] : undefined;
		out.push(record(page, { start: (head ?? q).line.start, end: a.text.end }, q, a, pageOrg));
		i++;
	}
	return out;
}

function record(
	page: Page,
	span: Span,
	q: Turn,
	a: Turn,
	pageOrg: string | undefined
): Candidate<ProcedureRecord> {
	let question = q.text;
	const caller = CALLER_LEAD_RE.exec(page.norm.slice(question.start, question.end));
	if (caller) question = { ...question, start: question.start + caller[0].length };
	let answer = a.text;
	let org = a.org;
	const cut = (n: number) =>
		(answer = trimBlank(page.norm, { ...answer, start: answer.start + n }));
	const lead = () => page.norm.slice(answer.start, answer.start + 60);
	const passed = PASSED_TO_RE.exec(lead());
	if (passed && isOrganizationName(passed[1])) {
		org ??= page.text.substr(
			answer.start + passed[0].length - 1 - passed[1].length,
			passed[1].length
		);
		cut(passed[0].length);
	}
	const named = LEAD_ORG_RE.exec(lead());
	if (named && isOrganizationName(named[1])) {
		org ??= page.text.substr(answer.start, named[1].length);
		cut(named[1].length);
	} else if (named && /^(?:回复|答复|表示|介绍)/.test(named[0].slice(named[1].length))) {
		// 石峰区教育局基础教育股回复， — the bureau answers; its section is no department name.
		const { organization } = splitOrganization(named[1]);
		if (organization && named[1].startsWith(organization)) {
			org ??= page.text.substr(answer.start, organization.length);
			cut(named[1].length);
		}
	}
	const said = SAID_RE.exec(lead());
	if (said) cut(said[0].length);
	const courtesy = COURTESY_RE.exec(lead());
	if (courtesy && answer.end - answer.start > courtesy[0].length + 8) cut(courtesy[0].length);
	// The page's own name for the office wins over the title's shorter one (市交通运输局).
	if (pageOrg && (!org || pageOrg.endsWith(org))) org = pageOrg;
	const questionText = joinedText(page.text, question);
	const rec: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'qa',
		title: (/^.+?[?？。!！]/.exec(questionText)?.[0] ?? questionText).slice(0, 60),
		source: sourceOf(page, span),
		confidence: 0,
		phones: phonesIn(page, answer),
		emails: emailsIn(page, span),
		question: questionText,
		answer: joinedText(page.text, answer)
	};
	if (org) rec.department = org;
	return { record: rec, evidence: { rule: 'procedure.qa', facts: [org && 'department'] } };
}

/** Each labelled line opens a turn; unlabelled lines that read as sentences carry it on. */
function findTurns(page: Page): Turn[] {
	const out: Turn[] = [];
	let open: Turn | undefined;
	for (const line of nonBlankLines(page.norm)) {
		// nonBlankLines trims with trim()'s own white space: the line is its text, trimmed.
		const s = page.norm.slice(line.start, line.end);
		const at = line.start;
		let m: RegExpExecArray | null;
		// Every speaker label has a colon or a bracket: most lines of a page have neither, and
		// are not matched against the labels (the officer's, OFFICIAL_RE, reads up to 24
		// characters before failing).
		const labelled = s.includes(':') || s.includes('[');
		if (labelled && HOST_RE.test(s)) open = turnAt(page, line, at, 'host', s.length);
		else if (CASE_HEAD_RE.test(s)) open = turnAt(page, line, at, 'head', s.length);
		else if (labelled && (m = ASK_RE.exec(s))) open = turnAt(page, line, at, 'ask', m[0].length);
		else if (labelled && (m = ANSWER_RE.exec(s)))
			open = turnAt(page, line, at, 'answer', m[0].length);
		else if (labelled && (m = OFFICIAL_RE.exec(s)))
			open = turnAt(
				page,
				line,
				at,
				'answer',
				m[0].length,
				organizationOf(page.text.substr(at, m[1].length))
			);
		else if (open && (open.role === 'ask' || open.role === 'answer') && SENTENCE_END_RE.test(s)) {
			// A turn of several paragraphs: the answer goes on until the next speaker.
			open.text = { ...open.text, end: line.end };
			continue;
		} else {
			open = undefined;
			continue;
		}
		out.push(open);
	}
	return out;
}

/**
 * A turn of `line` whose text starts `label` characters after `at`. Not a closure made per
 * line: that cost more than the line (and tsx wraps every function it makes in __name).
 */
function turnAt(
	page: Page,
	line: Span,
	at: number,
	role: Turn['role'],
	label: number,
	org?: string
): Turn {
	return { role, line, text: trimBlank(page.norm, { start: at + label, end: line.end }), org };
}

/** 株洲市住房公积金管理中心副主任 → 株洲市住房公积金管理中心. */
function organizationOf(label: string): string | undefined {
	const { organization } = splitOrganization(label);
	return organization && organization !== label
		? organization
		: isOrganizationName(label)
			? label
			: organization;
}
