/**
 * Q&A boards and letters (网络问政, 留言/回复, 问/答). A Q&A is a question marker followed by an
 * answer marker, each opening a paragraph, a line or a sentence. Questions: 网友提问: /
 * 醴陵网友"小吴"留言: / 市民来电反映，/ 一、网友咨询，/ 留言板: / 来信: / 【反映】 / 问: / Q1: /
 * a username line (网友 abc 2026-05-12) / numbered question subheads (一、哪些人可以申领？, two
 * or more in an article). Answers: 市教育局回复: / 11月18日，XX局回复， / XX局：已… / 官方回复:
 * / 【部门回复】XX局：/ 答: / A1: / a reply that opens with a greeting (网友您好：) / the text
 * under a 回复单位 line. The department comes from the answer marker, a 回复单位/回复机构 line
 * before the answer or a [经办单位:…] line after it, 'XX表示，' at the answer's start, or the
 * lead of a column of bare 问/答 pairs (以下解答由XX提供, 记者从XX获悉). An item starts at the
 * one or two headline lines printed above its question, which then give its title.
 *
 * A question without an answer is not a record (news leads quote readers' questions); an
 * answer that shares no content word with its question is kept with a doubt and a flag,
 * because OCR columns often pair a question with the answer printed for another one.
 */
import { allParagraphs } from '../../text/lineIndex';
import type { Candidate, Page } from '../../pipeline';
import { emailsIn, joinedText, phonesIn, sourceOf } from '../../text/fields';
import { isOrganizationName } from '../../text/organizations';
import { nonBlankLines, paragraphs, type Span, trimBlank } from '../../text/spans';
import type { ProcedureRecord } from '../../../records/types';
import {
	answerEnd,
	headlineText,
	implicitAnswer,
	isSignature,
	itemStart,
	lineAnswer,
	signedAnswer,
	withoutMeta,
	withoutRule
} from './answer';
import {
	ANSWER_ORG_LEAD_RE,
	ASKER_LEAD_RE,
	POINT_RE,
	TRAILING_ASKER_RE,
	TRAILING_ORG_RE
} from './labels';
import { contextDepartment, findMarkers, type Marker } from './markers';
import { topicOverlap } from './topic';

export function qaRecords(page: Page): Candidate<ProcedureRecord>[] {
	const markers = findMarkers(page);
	const paras = allParagraphs(page);
	const paraIndex = new Map(paras.map((p, k) => [p.start, k]));
	const indexOf = (m: Marker) => paraIndex.get(m.para.start) ?? -1;
	/** Each marker sits in the paragraph of the one before, opens the next, or follows a signature. */
	const follows = (prev: Marker, m: Marker) => {
		const a = indexOf(prev);
		const b = indexOf(m);
		if (b === a) return true;
		if (m.start !== m.para.start) return false;
		return b === a + 1 || (b === a + 2 && isSignature(page, paras[a + 1]));
	};
	// Questions printed as numbered subheads are answered by the paragraph under them, but
	// only in an article of several of them (one "1.…？" line is just a rhetorical question).
	const numberedQuestions = markers.filter((m) => m.numbered).length;
	const out: Candidate<ProcedureRecord>[] = [];
	/** Records that took a headline, with the title and start they had without it. */
	const headlined = new Map<ProcedureRecord, { title: string; start: number }>();
	let floor = 0;
	for (let i = 0; i < markers.length; i++) {
		const q = markers[i];
		if (q.kind !== 'q') continue;
		// q, then an optional 回复单位 line, then the answer (or the text after the 回复单位 line).
		let j = i + 1;
		const d = markers[j]?.kind === 'd' && !markers[j].closing ? markers[j] : undefined;
		if (d) j++;
		let a: Marker | undefined = markers[j]?.kind === 'a' ? markers[j] : undefined;
		if (!a && d) a = implicitAnswer(page, paras, d, markers[j]);
		else if (!a && q.numbered && numberedQuestions >= 2) a = lineAnswer(page, paras, q, markers[j]);
		else if (a) j++;
		if (!a) continue;
		const chain = d ? [q, d, a] : [q, a];
		if (!chain.every((m, k) => k === 0 || follows(chain[k - 1], m))) continue;
		// [经办单位:…] printed under the answer names who answered it.
		const closing =
			markers[j]?.kind === 'd' && markers[j].closing && follows(a, markers[j])
				? markers[j]
				: undefined;
		const next = markers[closing ? j + 1 : j];
		const stopAt = closing ? closing.start : next ? next.start : page.norm.length;
		let question = trimBlank(page.norm, { start: q.textStart, end: (d ?? a).start });
		const signed = /\n\s*-{1,2}/.exec(page.norm.slice(question.start, question.end));
		if (signed)
			question = trimBlank(page.norm, { ...question, end: question.start + signed.index });
		question = withoutMeta(page, withoutRule(page, question));
		// （网友“小蔡”，11月14日20:05） after the question says who asked, not what.
		const asker = TRAILING_ASKER_RE.exec(page.norm.slice(question.start, question.end));
		if (asker && asker.index > 4)
			question = trimBlank(page.norm, { ...question, end: question.start + asker.index });
		const lead = ASKER_LEAD_RE.exec(page.norm.slice(question.start, question.start + 40));
		if (lead && question.end - question.start > lead[0].length + 2)
			question = trimBlank(page.norm, { ...question, start: question.start + lead[0].length });
		let answer = trimBlank(page.norm, {
			start: a.textStart,
			end: answerEnd(page, paras, indexOf(a), stopAt)
		});
		// The item runs over the reply's signature; the answer text does not.
		const answerEndWithSignature = answer.end;
		const signature = signedAnswer(page, answer);
		answer = signature.span;
		// …as does the office printed in brackets after it: …办理迁出手续。（市公安局户政支队）
		const bracketed = TRAILING_ORG_RE.exec(page.norm.slice(answer.start, answer.end));
		let trailing: Span | undefined;
		if (bracketed && isOrganizationName(bracketed[1])) {
			const at = answer.start + bracketed.index + bracketed[0].indexOf(bracketed[1]);
			trailing = { start: at, end: at + bracketed[1].length };
			answer = trimBlank(page.norm, { ...answer, end: answer.start + bracketed.index });
		}
		// The office that signs the reply (醴陵市城市管理和综合执法局 / 2026年1月7日) answered it.
		let org = a.org ?? d?.org ?? closing?.org ?? signature.signer ?? trailing;
		if (!org) {
			const lead = ANSWER_ORG_LEAD_RE.exec(page.norm.slice(answer.start, answer.start + 40));
			if (lead) {
				org = { start: answer.start, end: answer.start + lead[1].length };
				answer = trimBlank(page.norm, { ...answer, start: answer.start + lead[0].length });
			} else {
				org = contextDepartment(page, q.start);
			}
		}
		if (question.end <= question.start || answer.end - answer.start < 4) continue;
		// Question subheads without any marker are a department's Q&A only when the article
		// names the department that answers; a columnist's rhetorical questions are not.
		if (q.numbered && !a.org && a.start === a.textStart && !org) continue;
		// An earlier unanswered marker of the same block (留言标题 above 留言内容) starts the item.
		let first = q;
		for (let k = 0; k < 3 && i > 0; k++) {
			const prev = markers[i - 1];
			if (prev.kind !== 'q' || prev.numbered || prev.para.start !== q.para.start) break;
			if (prev.start < floor) break;
			first = markers[--i];
		}
		// 留言标题 is the item's own title: a line above it belongs to the column. Column heads
		// (■留言办理·回音) are no item's headline either.
		const start = /^(?:留言标题|留言主题|标题)/.test(page.norm.slice(first.start, first.textStart))
			? first.start
			: itemStart(page, paras, indexOf(first), first, floor);
		const end = closing?.lineEnd ?? answerEndWithSignature;
		const headline = start < first.start ? { start, end: first.start } : undefined;
		const candidate = qaRecord(page, { start, end }, org, question, withoutMeta(page, answer));
		const record = candidate.record;
		if (headline) {
			headlined.set(record, { title: record.title, start: first.start });
			record.title = headlineText(page, headline);
		} else if (
			first !== q &&
			/^(?:留言标题|留言主题|标题)/.test(page.norm.slice(first.start, first.textStart))
		) {
			// 标题：芦淞区董家塅高科园员工通勤班车太少 — the board's own title for the message.
			const lineEnd = page.norm.indexOf('\n', first.textStart);
			const title = trimBlank(page.norm, {
				start: first.textStart,
				end: lineEnd < 0 ? page.norm.length : lineEnd
			});
			if (title.end > title.start) record.title = page.text.slice(title.start, title.end);
		}
		out.push(candidate);
		floor = end;
		i = j - 1;
	}
	// Items of a column each print their headline; when the next item has none, the headline
	// above the first one is the article's (寒假托管怎么报名？学生资助怎么申请？), not the item's.
	for (let k = 0; k + 1 < out.length; k++) {
		const cur = out[k].record;
		const own = headlined.get(cur);
		const next = out[k + 1].record;
		if (!own || headlined.has(next) || next.source.start - cur.source.end > 400) continue;
		cur.title = own.title;
		cur.source = sourceOf(page, { start: own.start, end: cur.source.end });
	}
	return out;
}

export function qaRecord(
	page: Page,
	span: Span,
	org: Span | undefined,
	question: Span,
	answer: Span
): Candidate<ProcedureRecord> {
	const questionText = joinedText(page.text, question);
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'qa',
		title: questionTitle(questionText),
		source: sourceOf(page, span),
		confidence: 0,
		phones: phonesIn(page, answer),
		emails: emailsIn(page, span),
		question: questionText,
		answer: answerText(page.text, answer)
	};
	if (org) record.department = page.text.slice(org.start, org.end);
	const flags: string[] = [];
	const overlap = topicOverlap(
		page.norm.slice(question.start, question.end),
		page.norm.slice(answer.start, answer.end)
	);
	// No content word of the question in the answer at all: a long question shares few of
	// its words with a right answer, but an answer printed for another one shares none.
	if (overlap === 0) {
		flags.push('回复内容疑似与问题不符');
	}
	if (!/[。!?;)"'…]$/.test(page.norm.slice(answer.start, answer.end))) {
		flags.push('回复内容疑似不完整(排版截断)');
	}
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'procedure.qa',
			facts: [
				org && 'department',
				flags.includes('回复内容疑似与问题不符') && 'offTopic',
				flags.includes('回复内容疑似不完整(排版截断)') && 'truncated'
			]
		}
	};
}

/** The question as a title: its first sentence, at most 60 characters. */
function questionTitle(question: string): string {
	const first = (/^.+?[?？。!！]/.exec(question)?.[0] ?? question).replace(/[。.]$/, '');
	return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/**
 * Answer text: paragraphs kept apart by a line break, broken lines joined — except before a
 * line that opens a numbered point (一、… / 二、…), which starts a line of its own.
 */
function answerText(text: string, span: Span): string {
	return paragraphs(text, span.start, span.end)
		.map((p) => {
			const out: string[] = [];
			for (const line of nonBlankLines(text, p.start, p.end)) {
				const t = joinedText(text, line);
				if (out.length && POINT_RE.test(t)) out.push('\n' + t);
				else out.push(t);
			}
			return out.join('');
		})
		.join('\n');
}
