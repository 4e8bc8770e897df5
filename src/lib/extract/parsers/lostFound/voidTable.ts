/**
 * Void notices set as one table under a heading (遗失声明汇总: 序号 / 声明人 / 遗失证件 /
 * 证件号码, then 以上证件自登报之日起声明作废): one void_notice per row, the ending shared.
 */
import type { Page } from '../../pipeline';
import { fieldValue } from '../../text/fields';
import { eachPageLine, type PageLine } from '../../text/lineIndex';
import { trimBlank } from '../../text/spans';
import type { LostFoundRecord } from '../../../records/types';
import type { Listed } from './ownerList';
import { CELL_SPLIT_RE, cellSpans, rowCells } from './tableCells';

const HOLDER_COLUMN_RE = /^(?:声明人|遗失人|遗失单位|单位名称|持证人|姓名|户名|名称|单位)$/;
const DOCUMENT_COLUMN_RE = /^(?:遗失证件|证件名称|证件|遗失物品|证照名称|遗失证照|票据名称)$/;
const NUMBER_COLUMN_RE = /^(?:证件号码|号码|编号|证号|证件编号|代码|统一社会信用代码)$/;
/** Words around the table that make it one of void notices. */
const VOID_CONTEXT_RE = /遗失|作废|挂失/;
/** How far before the header and after the rows those words are looked for. */
const CONTEXT_REACH = 120;

interface Header {
	cells: string[];
	holder: number;
	document: number;
	number: number;
	start: number;
}

/** Tables of void notices: a header naming holder, document and number columns, then rows. */
export function findVoidTables(page: Page): Listed {
	const norm = page.norm;
	const out: Listed = { records: [], spans: [] };
	let header: Header | undefined;
	let rows: LostFoundRecord[] = [];
	let rowsEnd = 0;
	const close = () => {
		const table = header && { start: header.start, end: rowsEnd };
		header = undefined;
		if (!table || rows.length < 2) return;
		const around = norm.slice(Math.max(0, table.start - CONTEXT_REACH), table.end + CONTEXT_REACH);
		if (!VOID_CONTEXT_RE.test(around)) return;
		for (const record of rows) {
			out.records.push({
				record,
				evidence: {
					rule: 'lost_found.voidNotice',
					facts: ['zone', 'holder', 'documentType', record.documentNumber && 'documentNumber']
				}
			});
		}
		out.spans.push(table);
	};
	for (const line of eachPageLine(page, 0, norm.length)) {
		const t = line.text.trim();
		if (header) {
			const row = tableRow(page, line, header);
			if (row) {
				rows.push(row);
				rowsEnd = line.end;
				continue;
			}
			close();
		}
		if (!t || t.length > 60) continue;
		const cells = t.split(CELL_SPLIT_RE);
		if (cells.length < 3 || cells.length > 6) continue;
		const holder = cells.findIndex((c) => HOLDER_COLUMN_RE.test(c));
		const document = cells.findIndex((c) => DOCUMENT_COLUMN_RE.test(c));
		if (holder < 0 || document < 0) continue;
		const number = cells.findIndex((c) => NUMBER_COLUMN_RE.test(c));
		header = { cells, holder, document, number, start: line.start };
		rows = [];
		rowsEnd = line.end;
	}
	close();
	return out;
}

/** A row with the header's cells, a holder and a document: one void notice. */
function tableRow(page: Page, line: PageLine, header: Header): LostFoundRecord | undefined {
	const norm = page.norm;
	const t = line.text.trim();
	if (!t) return undefined;
	const cells = rowCells(t, header.cells.length);
	if (!cells) return undefined;
	const { start: s, end: e } = trimBlank(norm, line);
	const at = cellSpans(norm, s, cells);
	const holder = fieldValue(page, at[header.holder]);
	const documentType = fieldValue(page, at[header.document]);
	if (!holder || !documentType || !/^[\u4e00-\u9fa5]/.test(documentType)) return undefined;
	const record: LostFoundRecord = {
		kind: 'lost_found',
		subtype: 'void_notice',
		title: `${holder}遗失${documentType}声明`,
		source: { file: page.source, start: s, end: e },
		confidence: 0,
		phones: [],
		emails: [],
		holder,
		documentType
	};
	const number = header.number >= 0 ? fieldValue(page, at[header.number]) : undefined;
	if (number && /\d{3}/.test(number)) record.documentNumber = number;
	return record;
}
