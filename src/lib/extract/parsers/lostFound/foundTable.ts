/**
 * Tables of found things: a metro's or a museum's 失物招领公告 (拾获日期 / 拾获地点 / 物品名称),
 * a police station's 招领公告 of recovered bicycles (序号 / 品牌颜色 / 车架号 / 查获地点 / 日期).
 * One record per row. What the table's preamble and footer say (where to claim, the phone) is
 * every row's, unless a row prints its own.
 */
import { isEmergencyNumber } from '../../phone';
import type { Candidate, Page } from '../../pipeline';
import { datesIn, fieldValue, phoneMatchesIn, toPhones } from '../../text/fields';
import { isHeadlineLike } from '../../text/passages';
import { eachPageLine, lineStart, paragraphAt, type PageLine } from '../../text/lineIndex';
import { trimBlank, type Span } from '../../text/spans';
import type { LostFoundRecord } from '../../../records/types';
import { CLAIM_RE } from './labels';
import type { Listed } from './ownerList';
import { CELL_SPLIT_RE, cellSpans, rowCells } from './tableCells';

const ITEM_COLUMN_RE = /物品|失物|名称|物件|证件/;
/** A column naming whose a found document is (姓名 / 失主 / 持证人). */
const HOLDER_COLUMN_RE = /^(?:姓名|失主|失主姓名|持证人|户名)$/;
/**
 * A column that describes a thing the headline names (品牌颜色 under 电动自行车招领公告): the
 * item is the description and that thing.
 */
const DESCRIBED_COLUMN_RE = /品牌|颜色|型号|车型|款式/;
const DATE_COLUMN_RE = /日期|时间/;
const PLACE_COLUMN_RE = /地点|位置|车站|站点|线路|车次/;
const NUMBER_COLUMN_RE = /车架号|车牌|编号|号码|证号|卡号|串号/;

/** Words that make a table one of found things. */
const FOUND_TABLE_RE = /拾获|拾得|拾到|捡拾|捡到|招领|认领|失物/;
/** A headline that names what was found: 电动自行车招领公告. */
const THING_HEADLINE_RE = /(?<thing>[\u4e00-\u9fa5]{2,8}?)(?:招领|认领)(?:公告|启[事示])?$/;
/** A footer line under a table: the contact or the claiming terms (请失主…认领). */
const FOOTER_RE = /^(?:联系|咨询|电话|认领|领取|地址|值班|请失主|失主)/;
/** How far before the header its preamble and headline are read. */
const PREAMBLE_REACH = 300;

interface Header {
	cells: string[];
	start: number;
	/** The thing the headline names, for a described column. */
	thing?: string;
}

/**
 * Tables of found things: a header row naming the item column (or one that describes a
 * thing) and a date or place column, then one row per thing with as many cells.
 */
export function findFoundTables(page: Page): Listed {
	const norm = page.norm;
	const out: Listed = { records: [], spans: [] };
	let header: Header | undefined;
	let rows: Candidate<LostFoundRecord>[] = [];
	let rowsEnd = 0;
	const close = () => {
		if (!header || rowsEnd <= header.start) return;
		const table = { start: header.start, end: rowsEnd };
		shareContact(page, table, rows);
		for (const r of rows) out.records.push(r);
		out.spans.push(table);
	};
	for (const line of eachPageLine(page, 0, norm.length)) {
		const t = line.text.trim();
		// Only a header or a row under one is split into cells.
		if (!header && (t.length > 60 || !isHeaderWord(t))) continue;
		if (header) {
			const cells = rowCells(t, header.cells.length);
			if (cells && !ITEM_COLUMN_RE.test(t)) {
				const r = tableRow(page, line, header, cells);
				if (r) {
					rows.push(r);
					rowsEnd = line.end;
					continue;
				}
			}
			close();
			header = undefined;
		}
		const cells = t ? t.split(CELL_SPLIT_RE) : [];
		if (cells.length < 3 || cells.length > 8 || t.length > 60) continue;
		const item = cells.findIndex((c) => isHeaderWord(c) && c.length <= 6);
		if (item < 0) continue;
		if (!cells.some((c) => DATE_COLUMN_RE.test(c) || PLACE_COLUMN_RE.test(c))) continue;
		const context = norm.slice(Math.max(0, line.start - PREAMBLE_REACH), line.end);
		if (!FOUND_TABLE_RE.test(context)) continue;
		const thing = cells.some((c) => ITEM_COLUMN_RE.test(c)) ? undefined : headlineThing(page, line);
		if (!cells.some((c) => ITEM_COLUMN_RE.test(c)) && !thing) continue;
		header = { cells, start: line.start, thing };
		rows = [];
		rowsEnd = line.start;
	}
	close();
	return out;
}

function isHeaderWord(s: string): boolean {
	return ITEM_COLUMN_RE.test(s) || DESCRIBED_COLUMN_RE.test(s);
}

/** The thing named by the headline over a table (电动自行车招领公告 → 电动自行车). */
function headlineThing(page: Page, header: PageLine): string | undefined {
	const from = Math.max(0, header.start - PREAMBLE_REACH);
	let found: string | undefined;
	for (const line of eachPageLine(page, lineStart(page, from), header.start)) {
		const t = line.text.trim();
		const m = isHeadlineLike(t) ? THING_HEADLINE_RE.exec(t) : null;
		if (m?.groups) found = m.groups.thing;
	}
	return found;
}

function tableRow(
	page: Page,
	line: PageLine,
	header: Header,
	cells: string[]
): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const head = header.cells;
	const { start: s, end: e } = trimBlank(norm, line);
	const at = cellSpans(norm, s, cells);
	const col = (re: RegExp) => head.findIndex((h) => re.test(h));
	const itemCol = col(ITEM_COLUMN_RE) >= 0 ? col(ITEM_COLUMN_RE) : col(DESCRIBED_COLUMN_RE);
	let item = fieldValue(page, at[itemCol]);
	if (!item || /^\d+$/.test(item)) return undefined;
	// 雅迪 白色 under 电动自行车招领公告: 雅迪白色电动自行车.
	if (header.thing && col(ITEM_COLUMN_RE) < 0) {
		item = item.replace(/\s+/g, '');
		if (!item.endsWith(header.thing)) item += header.thing;
	}
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
	const holderCol = head.findIndex((h) => HOLDER_COLUMN_RE.test(h));
	if (holderCol >= 0 && holderCol !== itemCol) {
		const holder = fieldValue(page, at[holderCol]);
		if (holder) {
			r.holder = holder;
			r.title = `失物招领：${holder}的${item}`;
		}
	}
	const placeCol = col(PLACE_COLUMN_RE);
	if (placeCol >= 0) {
		const place = fieldValue(page, at[placeCol]);
		if (place) r.place = place;
	}
	const numberCol = col(NUMBER_COLUMN_RE);
	if (numberCol >= 0 && numberCol !== itemCol) {
		const number = fieldValue(page, at[numberCol])?.replace(/\s+/g, '');
		if (number && /\d{3}/.test(number)) r.documentNumber = number;
	}
	return { record: r, evidence: { rule: 'lost_found.tableRow' } };
}

/**
 * The table's own words around it: the paragraph in front of the header (请失主…到某处认领)
 * and a contact line under the rows (联系电话：…). Rows without a phone or a claim place of
 * their own take those.
 */
function shareContact(page: Page, table: Span, rows: Candidate<LostFoundRecord>[]): void {
	const norm = page.norm;
	const around: Span[] = [];
	let k = table.start;
	while (k > 0 && /\s/.test(norm[k - 1])) k--;
	if (k > 0 && table.start - k < 4) {
		const para = paragraphAt(page, k - 1);
		around.push({ start: Math.max(para.start, table.start - PREAMBLE_REACH), end: k });
	}
	k = table.end;
	while (k < norm.length && /\s/.test(norm[k])) k++;
	if (k < norm.length && k - table.end < 4) {
		const para = paragraphAt(page, k);
		if (FOOTER_RE.test(norm.slice(k, k + 4)) && para.end - k <= 160)
			around.push({ start: k, end: para.end });
	}
	if (!around.length) return;
	const phones = toPhones(
		around.flatMap((a) => phoneMatchesIn(page, a)).filter((p) => !isEmergencyNumber(p.number))
	);
	let claimPlace: string | undefined;
	for (const a of around) {
		const claim = CLAIM_RE.exec(norm.slice(a.start, a.end));
		const value = claim?.groups?.place ?? claim?.groups?.label;
		if (!claim || !value) continue;
		const cs = a.start + claim.index + claim[0].indexOf(value);
		claimPlace = fieldValue(page, { start: cs, end: cs + value.length });
		break;
	}
	for (const { record } of rows) {
		if (!record.phones.length && phones.length) record.phones = phones;
		if (!record.claimPlace && claimPlace) record.claimPlace = claimPlace;
	}
}
