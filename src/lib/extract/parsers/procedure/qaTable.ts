/**
 * Q&A printed as a table copied from a site (| 序号 | 网友问题 | 答复内容 | 答复单位 |): one
 * record per row, the department from its column when there is one.
 */
import type { Candidate, Page } from '../../pipeline';
import { eachPageLine, type PageLine } from '../../text/lineIndex';
import { trimBlank, type Span } from '../../text/spans';
import type { ProcedureRecord } from '../../../records/types';
import { qaRecord } from './qa';

/** Cells between bars or tabs. */
const CELL_SPLIT_RE = /\s*[|｜\t]\s*/;
const QUESTION_COLUMN_RE = /问题|留言|诉求|来信|咨询|提问/;
const ANSWER_COLUMN_RE = /答复|回复|回应|办理结果|处理结果|办理情况/;
const DEPARTMENT_COLUMN_RE = /单位|部门/;

interface Header {
	count: number;
	question: number;
	answer: number;
	department: number;
}

/** A header row's columns, or undefined when the line is none. */
function headerOf(t: string): Header | undefined {
	if (t.length > 80 || !/[|｜\t]/.test(t)) return undefined;
	const cells = cellsOf(t);
	if (cells.length < 2 || cells.length > 6) return undefined;
	const department = cells.findIndex((c) => c.length <= 8 && DEPARTMENT_COLUMN_RE.test(c));
	const short = (re: RegExp) =>
		cells.findIndex((c, k) => k !== department && c.length <= 8 && re.test(c));
	const question = short(QUESTION_COLUMN_RE);
	const answer = short(ANSWER_COLUMN_RE);
	if (question < 0 || answer < 0 || question === answer) return undefined;
	return { count: cells.length, question, answer, department };
}

function cellsOf(t: string): string[] {
	return t
		.trim()
		.replace(/^[|｜]|[|｜]$/g, '')
		.split(CELL_SPLIT_RE)
		.map((c) => c.trim());
}

export function qaTableRecords(page: Page): Candidate<ProcedureRecord>[] {
	const out: Candidate<ProcedureRecord>[] = [];
	let header: Header | undefined;
	for (const line of eachPageLine(page, 0, page.norm.length)) {
		if (header) {
			const r = row(page, line, header);
			if (r) {
				out.push(r);
				continue;
			}
		}
		header = headerOf(line.text);
	}
	return out;
}

function row(page: Page, line: PageLine, header: Header): Candidate<ProcedureRecord> | undefined {
	const norm = page.norm;
	const cells = cellsOf(line.text);
	if (cells.length !== header.count) return undefined;
	const at: Span[] = [];
	let k = line.start;
	for (const c of cells) {
		const i = c ? norm.indexOf(c, k) : k;
		if (i < 0 || i > line.end) return undefined;
		at.push({ start: i, end: i + c.length });
		k = i + c.length;
	}
	const question = at[header.question];
	const answer = at[header.answer];
	if (question.end - question.start < 4 || answer.end - answer.start < 4) return undefined;
	const org = header.department >= 0 ? at[header.department] : undefined;
	const span = trimBlank(norm, line);
	return qaRecord(page, span, org && org.end > org.start ? org : undefined, question, answer);
}
