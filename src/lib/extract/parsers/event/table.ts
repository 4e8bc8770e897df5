/**
 * Timetables of courses or activities (课程 开课日期 时间 地点 名额, one row per line): one event
 * per row, dated and placed by its cells; the lines around the table (以上课程均免费…请于3月8日前
 * …报名, 咨询电话) are what every row shares.
 */
import type { Candidate, Page, Passage } from '../../pipeline';
import { firstDateIn, fieldValue } from '../../text/fields';
import { pageLines } from '../../text/lineIndex';
import { cells, type Span } from '../../text/spans';
import type { EventRecord } from '../../../records/types';

type Column = 'name' | 'date' | 'time' | 'place';

/** Header words of the columns a row's event takes; others (序号, 名额, 对象) are skipped. */
const COLUMNS: ReadonlyArray<[RegExp, Column]> = [
	[/^(?:课程|课程名称|项目|活动|活动名称|活动内容|内容|名称|讲座|主题)$/, 'name'],
	[/^(?:开课|上课|活动|开班|举办)?日期$/, 'date'],
	[/^(?:开课|上课|活动)?时间$/, 'time'],
	[/^(?:上课|活动|开课|举办)?(?:地点|场地|地址)$/, 'place']
];

export interface Timetable {
	columns: Array<Column | undefined>;
	rows: Span[][];
}

/** The first space or tab of `text` at or after `from`, or -1. */
function blankAfter(text: string, from: number): number {
	const space = text.indexOf(' ', from);
	const tab = text.indexOf('\t', from);
	return space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
}

/**
 * A timetable in the passage: a header line of at least three cells with a place column and a
 * date or time column, then the lines right below with as many cells (at least two rows).
 */
export function timetableOf(page: Page, p: Passage): Timetable | undefined {
	const norm = page.norm;
	const lines = pageLines(page, p.start, p.end);
	for (let k = 0; k < lines.length; k++) {
		// Three cells need two blanks between them: most lines of a page have none.
		const blank = blankAfter(lines[k].text, 0);
		if (blank < 0 || blankAfter(lines[k].text, blank + 1) < 0) continue;
		const head = cells(norm, lines[k]);
		if (head.length < 3) continue;
		const columns = head.map(
			(c) => COLUMNS.find(([re]) => re.test(norm.slice(c.start, c.end)))?.[1]
		);
		if (!columns.includes('place') || !columns.some((c) => c === 'date' || c === 'time')) continue;
		const rows: Span[][] = [];
		for (const line of lines.slice(k + 1)) {
			const row = cells(norm, line);
			if (row.length !== head.length) break;
			rows.push(row);
		}
		if (rows.length >= 2) return { columns, rows };
	}
	return undefined;
}

/** 周二14:30 / 下午2:30: the clock time of a time cell (24-hour). */
const CLOCK_RE = /(?<pm>下午|晚上)?\s*(?<h>\d{1,2})[:：](?<m>\d{2})/;

/** When a row's event starts: its date cell (or a time cell with a date), with the clock time. */
function rowStart(page: Page, date?: Span, time?: Span): string | undefined {
	const day =
		(date && firstDateIn(page, date, 'nearest')?.value) ??
		(time && firstDateIn(page, time, 'nearest')?.value);
	if (!day) return undefined;
	if (day.includes('T') || !time) return day;
	const m = CLOCK_RE.exec(page.norm.slice(time.start, time.end));
	if (!m?.groups) return day;
	let h = Number(m.groups.h);
	if (m.groups.pm && h < 12) h += 12;
	return `${day.slice(0, 10)}T${String(h).padStart(2, '0')}:${m.groups.m}`;
}

/**
 * One row as an event: the passage's record (its way to register, deadline, phones, fee)
 * with the row as its passage, its name, start and place.
 */
export function rowRecord(
	page: Page,
	notice: Candidate<EventRecord>,
	table: Timetable,
	row: Span[]
): Candidate<EventRecord> {
	const cell = (col: Column) => {
		const k = table.columns.indexOf(col);
		return k >= 0 ? row[k] : undefined;
	};
	const record: EventRecord = {
		...notice.record,
		source: { ...notice.record.source, start: row[0].start, end: row[row.length - 1].end }
	};
	const nameCell = cell('name') ?? row[0];
	record.title = fieldValue(page, nameCell) ?? record.title;
	const startsOn = rowStart(page, cell('date'), cell('time'));
	if (startsOn) record.startsOn = startsOn;
	else delete record.startsOn;
	delete record.endsOn;
	const place = cell('place');
	const location = place && fieldValue(page, place);
	if (location) record.location = location;
	const flags = (record.flags ?? []).filter((f) => !(startsOn && f === '没有活动或报名时间'));
	if (flags.length) record.flags = flags;
	else delete record.flags;
	return { record, evidence: notice.evidence };
}
