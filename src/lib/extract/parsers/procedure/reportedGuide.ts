/**
 * A guide told in a news report (办理…需携带…，到…办理; 先…再…最后…): a guide record with a
 * doubt, for a moderator to check before it is published.
 */
import { CARRY_VERBS } from '../../constants';
import { allParagraphs, eachPageLine } from '../../text/lineIndex';
import { anyOf } from '../../text/patterns';
import type { Candidate, Page, Passage } from '../../pipeline';
import { emailsIn, joinedText, phonesIn, sourceOf } from '../../text/fields';
import { isHeadlineLike } from '../../text/passages';
import { type Span, spanAt, trimBlank } from '../../text/spans';
import type { ProcedureRecord } from '../../../records/types';
import { isItemHeadline } from './answer';
import { guideTitle } from './guide';
import {
	PROSE_CUE_RE,
	PROSE_FEE_RE,
	PROSE_GUIDE_RE,
	PROSE_STEPS_RE,
	PROSE_TIME_RE,
	STEP_ORDER_RE
} from './labels';

/** Any of the carry verbs: one search of a paragraph instead of one per verb. */
const CARRY_RE = anyOf(CARRY_VERBS);

export function proseGuides(
	page: Page,
	passages: readonly Passage[],
	taken: readonly Candidate<ProcedureRecord>[]
): Candidate<ProcedureRecord>[] {
	const out: Candidate<ProcedureRecord>[] = [];
	const paras = allParagraphs(page);
	const busy = (at: number) =>
		taken.some(({ record: r }) => r.source.start <= at && at < r.source.end);
	for (let k = 0; k < paras.length; k++) {
		const para = paras[k];
		const text = page.norm.slice(para.start, para.end);
		if (!CARRY_RE.test(text)) continue;
		const m = PROSE_GUIDE_RE.exec(text);
		// A Q&A answer that tells what to bring is that answer, not a guide of its own.
		if (!m?.groups || busy(para.start + m.index)) continue;
		const passage = spanAt(passages, para.start);
		const start = passage?.headline ? passage.start : para.start;
		let end = para.end;
		let last = k;
		while (
			last + 1 < paras.length &&
			(!passage || paras[last + 1].start < passage.end) &&
			PROSE_CUE_RE.test(page.norm.slice(paras[last + 1].start, paras[last + 1].end))
		) {
			last++;
			end = paras[last].end;
		}
		const title = passage ? guideTitle(page, passage, passage.start, para.start) : undefined;
		const span = { start: title ? headlineStart(page, title.start) : start, end };
		const norm = page.norm.slice(span.start, span.end);
		const at = para.start + m.index;
		const what = at + m[0].indexOf(m.groups.what);
		const where = at + m[0].lastIndexOf(m.groups.where);
		const record: ProcedureRecord = {
			kind: 'procedure',
			subtype: 'guide',
			title: title?.text ?? '办事指南',
			source: sourceOf(page, span),
			confidence: 0,
			flags: ['办事指南取自新闻报道，请核对'],
			phones: phonesIn(page, span),
			emails: emailsIn(page, span),
			requirements: splitList(page, { start: what, end: what + m.groups.what.length }),
			location: joinedText(page.text, { start: where, end: where + m.groups.where.length })
		};
		if (title) record.question = title.text;
		const steps = PROSE_STEPS_RE.exec(norm);
		if (steps) {
			const from = span.start + steps.index + 1;
			record.steps = piecesAt(page, { start: from, end: from + steps[1].length }, STEP_ORDER_RE);
		}
		const fee = PROSE_FEE_RE.exec(norm);
		if (fee)
			record.fee = page.text.slice(span.start + fee.index, span.start + fee.index + fee[0].length);
		const time = PROSE_TIME_RE.exec(norm);
		if (time)
			record.timeLimit = page.text.slice(
				span.start + time.index,
				span.start + time.index + time[0].length
			);
		// A guide pieced together from a report: a moderator checks it before it is published.
		out.push({ record, evidence: { rule: 'procedure.reportedGuide' } });
		k = last;
	}
	return out;
}

/**
 * 补办社保卡，记住这几点 / 办理居住证须知: a headline naming a service, then numbered points
 * without section labels (1.带上… 2.到…申请 3.…个工作日… 4.…收取工本费20元).
 */
const POINTS_HEAD_RE =
	/(?:办理|补办|申领|申请|换领|领取|注销|变更|缴纳|提取)[\u4e00-\u9fa5]{1,12}[,，]?\s*(?:记住|牢记|注意|请看|看)?(?:这几点|这些事|须知|攻略|小贴士|要点)$/;
const POINT_RE = /^\s*\d{1,2}\s*[.、]\s*/;
const CARRY_POINT_RE = new RegExp(
	`^(?:请|需|须|要)?(?:${CARRY_VERBS.join('|')})(?<what>[^。;]{2,40}?)[;。]?$`
);
/** A point's line of contact under the points (咨询电话：…). */
const CONTACT_LINE_RE = /^\s*(?:咨询|联系|服务)(?:电话|热线)\s*:/;
/** At least this many points make the list a guide. */
const MIN_POINTS = 3;

export function pointGuides(
	page: Page,
	taken: readonly Candidate<ProcedureRecord>[]
): Candidate<ProcedureRecord>[] {
	const out: Candidate<ProcedureRecord>[] = [];
	let head: { start: number; text: string } | undefined;
	let points: Span[] = [];
	let contact: Span | undefined;
	const close = () => {
		if (head && points.length >= MIN_POINTS) {
			const record = pointRecord(page, head, points, contact);
			const busy = taken.some(
				({ record: r }) => r.source.start < record.source.end && record.source.start < r.source.end
			);
			if (record.requirements?.length && !busy)
				out.push({ record, evidence: { rule: 'procedure.reportedGuide' } });
		}
		head = undefined;
		points = [];
		contact = undefined;
	};
	for (const line of eachPageLine(page, 0, page.norm.length)) {
		const t = line.text.trim();
		if (head && !contact && POINT_RE.test(line.text)) {
			points.push(trimBlank(page.norm, line));
			continue;
		}
		if (head && points.length && !contact && CONTACT_LINE_RE.test(line.text)) {
			contact = trimBlank(page.norm, line);
			continue;
		}
		close();
		if (t && t.length <= 24 && isHeadlineLike(t) && POINTS_HEAD_RE.test(t))
			head = { start: line.start + line.text.indexOf(t), text: t };
	}
	close();
	return out;
}

function pointRecord(
	page: Page,
	head: { start: number; text: string },
	points: Span[],
	contact: Span | undefined
): ProcedureRecord {
	const span = { start: head.start, end: (contact ?? points[points.length - 1]).end };
	const requirements: string[] = [];
	const steps: string[] = [];
	let fee: string | undefined;
	let timeLimit: string | undefined;
	for (const p of points) {
		const lead = POINT_RE.exec(page.norm.slice(p.start, p.end))?.[0].length ?? 0;
		const body = { start: p.start + lead, end: p.end };
		const text = page.norm.slice(body.start, body.end);
		const carry = CARRY_POINT_RE.exec(text);
		const fees = PROSE_FEE_RE.exec(text) ?? /收取[^。;]{0,12}?元/.exec(text);
		const time = PROSE_TIME_RE.exec(text);
		if (carry?.groups) {
			const at = body.start + carry[0].indexOf(carry.groups.what);
			requirements.push(...splitList(page, { start: at, end: at + carry.groups.what.length }));
		} else if (fees) {
			fee = page.text.slice(body.start + fees.index, body.start + fees.index + fees[0].length);
		} else {
			if (time)
				timeLimit = page.text.slice(
					body.start + time.index,
					body.start + time.index + time[0].length
				);
			const step = joinedText(page.text, body).replace(/[;；。]$/, '');
			if (step) steps.push(step);
		}
	}
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'guide',
		title: page.text.slice(head.start, head.start + head.text.length),
		question: page.text.slice(head.start, head.start + head.text.length),
		source: sourceOf(page, span),
		confidence: 0,
		flags: ['办事指南取自新闻报道，请核对'],
		phones: phonesIn(page, span),
		emails: emailsIn(page, span),
		requirements
	};
	if (steps.length) record.steps = steps;
	if (fee) record.fee = fee;
	if (timeLimit) record.timeLimit = timeLimit;
	return record;
}

/** The first line of a headline block that ends with the line at `at` (main title above a subtitle). */
function headlineStart(page: Page, at: number): number {
	let start = at;
	for (let k = 0; k < 2 && start > 0; k++) {
		const prevEnd = start - 1;
		if (page.norm[prevEnd] !== '\n') break;
		const lineStart = page.norm.lastIndexOf('\n', prevEnd - 1) + 1;
		if (!isItemHeadline(page.norm.slice(lineStart, prevEnd))) break;
		start = lineStart;
	}
	return start;
}

/** The things of a "需携带A、B和C" list, from the original text. */
function splitList(page: Page, span: Span): string[] {
	return piecesAt(page, span, /、|和|及|以及|,/);
}

/** Cut `span` where `sep` matches (on norm) and return the non-empty pieces of the original. */
function piecesAt(page: Page, span: Span, sep: RegExp): string[] {
	const norm = page.norm.slice(span.start, span.end);
	const re = new RegExp(sep.source, 'g');
	const out: string[] = [];
	let from = 0;
	const push = (to: number) => {
		const piece = joinedText(
			page.text,
			trimBlank(page.norm, { start: span.start + from, end: span.start + to })
		);
		if (piece) out.push(piece.replace(/^[,，、]+|[,，、]+$/g, ''));
	};
	for (let m = re.exec(norm); m; m = re.exec(norm)) {
		if (m[0].length === 0) {
			re.lastIndex++;
			continue;
		}
		push(m.index);
		from = m.index + m[0].length;
	}
	push(norm.length);
	return out.filter((x) => x.length > 0);
}
