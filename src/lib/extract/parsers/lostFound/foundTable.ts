/**
 * Tables of found things (a metro's 失物招领公告: 序号 / 拾获日期 / 拾获地点 / 物品名称): one
 * record per row.
 */
import type { Candidate, Page } from '../../pipeline';
import { datesIn, fieldValue, phoneMatchesIn, toPhones } from '../../text/fields';
import { eachPageLine, type PageLine } from '../../text/lineIndex';
import { trimBlank, type Span } from '../../text/spans';
import type { LostFoundRecord } from '../../types';
import type { Listed } from './ownerList';

/** A table's cells: split at blanks (NFKC folds the ideographic space) and bars. */
const CELL_SPLIT_RE = /\s*[|｜]\s*|\s+/;

const ITEM_COLUMN_RE = /物品|失物|名称|物件/;

const DATE_COLUMN_RE = /日期|时间/;

const PLACE_COLUMN_RE = /地点|位置|车站|站点|线路|车次/;

/** Words that make a table one of found things. */
const FOUND_TABLE_RE = /拾获|拾得|拾到|捡拾|捡到|招领|认领|失物/;

/**
 * Tables of found things (a metro's 失物招领公告): a header row naming the item column and a
 * date or place column, then one row per thing with as many cells. One record per row.
 */
export function findFoundTables(page: Page): Listed {
	const norm = page.norm;
	const out: Listed = { records: [], spans: [] };
	const lines = eachPageLine(page, 0, norm.length);
	let header: { cells: string[]; start: number } | undefined;
	let rowsEnd = 0;
	for (const line of lines) {
		const t = line.text.trim();
		// Only a header or a row under one is split into cells.
		if (!header && (t.length > 60 || !ITEM_COLUMN_RE.test(t))) continue;
		const cells = t ? t.split(CELL_SPLIT_RE) : [];
		if (header) {
			if (cells.length === header.cells.length && !ITEM_COLUMN_RE.test(t)) {
				const r = tableRow(page, line, header.cells, cells);
				if (r) {
					out.records.push(r);
					rowsEnd = line.end;
					continue;
				}
			}
			if (rowsEnd > header.start) out.spans.push({ start: header.start, end: rowsEnd });
			header = undefined;
		}
		if (cells.length < 3 || cells.length > 8 || t.length > 60) continue;
		const item = cells.findIndex((c) => ITEM_COLUMN_RE.test(c) && c.length <= 6);
		if (item < 0) continue;
		if (!cells.some((c) => DATE_COLUMN_RE.test(c) || PLACE_COLUMN_RE.test(c))) continue;
		const context = norm.slice(Math.max(0, line.start - 300), line.end);
		if (!FOUND_TABLE_RE.test(context)) continue;
		header = { cells, start: line.start };
		rowsEnd = line.start;
	}
	if (header && rowsEnd > header.start) out.spans.push({ start: header.start, end: rowsEnd });
	return out;
}

function tableRow(
	page: Page,
	line: PageLine,
	head: string[],
	cells: string[]
): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const { start: s, end: e } = trimBlank(norm, { start: line.start, end: line.end });
	// Each cell's offsets in the page, found in order.
	const at: Span[] = [];
	let k = s;
	for (const c of cells) {
		const i = norm.indexOf(c, k);
		at.push({ start: i, end: i + c.length });
		k = i + c.length;
	}
	const col = (re: RegExp) => head.findIndex((h) => re.test(h));
	const itemCol = col(ITEM_COLUMN_RE);
	const item = fieldValue(page, at[itemCol]);
	if (!item || /^\d+$/.test(item)) return undefined;
	const r: LostFoundRecord = {
		kind: 'lost_found',
		subtype: 'found_item',
		title: `失物招领：${item}`,
		source: { file: page.source, start: s, end: e },
		confidence: 0,
		phones: toPhones(phoneMatchesIn(page, { start: s, end: e })),
		emails: [],
		item
	};
	const dateCol = col(DATE_COLUMN_RE);
	if (dateCol >= 0) {
		const dates = datesIn(page, at[dateCol], 'past');
		if (dates.length) r.date = dates[0].value.slice(0, 10);
	}
	const placeCol = col(PLACE_COLUMN_RE);
	if (placeCol >= 0) {
		const place = fieldValue(page, at[placeCol]);
		if (place) r.place = place;
	}
	return { record: r, evidence: { rule: 'lost_found.tableRow' } };
}
