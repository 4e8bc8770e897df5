/**
 * Tables of persons (序号 姓名 性别 出生日期 捡拾日期 捡拾地点, one row per line): one record per
 * row, the columns give the fields.
 */
import type { Candidate, Page } from '../../pipeline';
import { firstDateIn, fieldValue } from '../../text/fields';
import { noticeBlockEnd } from '../../text/passages';
import { lineEnd, pageLines } from '../../text/lineIndex';
import { cells, type Span } from '../../text/spans';
import type { FamilySearchRecord } from '../../../records/types';
import type { FamilySearchSubtype } from '../../../records/kinds';
import type { Block } from './blocks';
import { NO_NAME_RE } from './labels';
import type { Shared } from './notice';
import { buildRecord, titleOf } from './record';

type Column = 'name' | 'gender' | 'age' | 'found' | 'place';

/** Header words of the columns a record takes; other columns (序号, 出生日期) are skipped. */
const TABLE_COLUMNS: Array<[RegExp, Column]> = [
	// 姓名（自报）: the name the person gave.
	[/^姓名(?:[(（][\u4e00-\u9fa5]{1,4}[)）])?$/, 'name'],
	[/^性别$/, 'gender'],
	[/^(?:年龄|约龄|估龄|大约年龄)$/, 'age'],
	[/^(?:捡拾|拾获|拾得|发现|入站|救助)(?:日期|时间)$/, 'found'],
	[/^(?:捡拾|拾获|拾得|发现)(?:地点|地址)$/, 'place']
];

interface Row {
	start: number;
	end: number;
	cells: Span[];
}

/**
 * A table of persons: a header line of at least three cells, two of them a found date and
 * a place or a sex, then the lines right below with as many cells. Undefined when none.
 */
export function tableOf(
	page: Page,
	start: number,
	end: number
): { columns: Array<Column | undefined>; rows: Row[] } | undefined {
	const norm = page.norm;
	const lines = pageLines(page, start, end);
	for (let k = 0; k < lines.length; k++) {
		const head = cells(norm, lines[k]);
		if (head.length < 3) continue;
		const columns = head.map(
			(cell) => TABLE_COLUMNS.find(([re]) => re.test(norm.slice(cell.start, cell.end)))?.[1]
		);
		if (columns.filter(Boolean).length < 2 || !columns.some((c) => c === 'found' || c === 'place'))
			continue;
		const rows: Row[] = [];
		for (const line of lines.slice(k + 1)) {
			const found = cells(norm, line);
			if (found.length !== head.length) break;
			rows.push({ start: found[0].start, end: found[found.length - 1].end, cells: found });
		}
		if (rows.length) return { columns, rows };
	}
	return undefined;
}

/**
 * A notice's table of persons starts after a blank line with a short header row, which
 * reads as the next headline: when the block stops right before one, it runs on through it.
 */
export function withTable(page: Page, end: number): number {
	const norm = page.norm;
	let n = end;
	while (n < norm.length && /\s/.test(norm[n])) n++;
	if (n >= norm.length) return end;
	const le = lineEnd(page, n);
	if (!tableOf(page, n, Math.min(norm.length, le + 1 + 400))) return end;
	return Math.max(end, noticeBlockEnd(page, n));
}

/** One row of a table as a record: the row is the passage, the columns give the fields. */
export function tableRecord(
	page: Page,
	b: Block,
	subtype: FamilySearchSubtype,
	row: Row,
	columns: Array<Column | undefined>,
	index: number,
	shared: Shared
): Candidate<FamilySearchRecord> {
	const c = buildRecord(page, b, subtype, { start: row.start, end: row.end, index }, shared);
	const r = c.record;
	row.cells.forEach((cell, k) => {
		const v = fieldValue(page, cell);
		if (!v) return;
		const norm = page.norm.slice(cell.start, cell.end);
		switch (columns[k]) {
			case 'name':
				if (!NO_NAME_RE.test(norm)) r.personName = v;
				break;
			case 'gender':
				if (norm === '男' || norm === '女') r.gender = norm;
				break;
			case 'age':
				r.age = v;
				break;
			case 'found': {
				const d = firstDateIn(page, cell, 'past')?.value;
				if (d) r.foundAt = d;
				break;
			}
			case 'place':
				r.place = v;
				break;
		}
	});
	r.title = titleOf(
		page,
		b,
		subtype,
		r,
		{ start: row.start, end: row.end, index },
		shared.traditional
	);
	return c;
}
