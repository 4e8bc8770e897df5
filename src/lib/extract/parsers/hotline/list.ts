/**
 * Lists of numbers (便民电话一览, a table of name + number per line): every entry line is a
 * record, named by the text before its number on the line.
 */
import { EMERGENCY_NAMES } from '../../constants';
import { isEmergencyNumber, type PhoneMatch } from '../../phone';
import type { Candidate, Page, Passage } from '../../pipeline';
import { findAddress, findHours, pagePhones, toPhone } from '../../text/fields';
import { splitOrganization } from '../../text/organizations';
import { nonBlankLines, type Span } from '../../text/spans';
import type { HotlineRecord } from '../../../records/types';
import {
	BRACKET_LABEL_RE,
	BULLET_RE,
	GENERIC_RE,
	LIST_HEAD_RE,
	NEWSPAPER_RE,
	NON_SERVICE_RE,
	PRIVATE_CONTACT_RE
} from './labels';
import { makeRecord } from './naming';
import { officeAbove } from './organization';

/** Lines of a list: at least this many name + number lines make a passage a list. */
const LIST_MIN_LINES = 3;

/**
 * The phones that lie in none of the lines. Both lists are in page order and the lines do not
 * overlap, so one walk does it (a list of 100,000 entries is not 10^10 comparisons).
 */
export function outside(phones: PhoneMatch[], lines: readonly { start: number; end: number }[]) {
	const out: PhoneMatch[] = [];
	let i = 0;
	for (const p of phones) {
		while (i < lines.length && lines[i].end < p.end) i++;
		const line = lines[i];
		if (!line || line.start > p.start) out.push(p);
	}
	return out;
}

/** The phones of a passage read as a list (short numbers and 7-digit locals need no cue). */
export function listPhones(page: Page, passage: Passage): PhoneMatch[] {
	return pagePhones(page, passage, true).filter((p) => p.end <= passage.end);
}

/**
 * A list passage: a list headline, or several numbers on lines that are names and numbers
 * only (three lines of one number each, or a strip 报警110 火警119 急救120).
 */
export function isList(page: Page, passage: Passage, phones: PhoneMatch[]): boolean {
	// The passage's headline, or its first line when the list is printed without a blank line.
	const first = nonBlankLines(
		page.norm,
		passage.start,
		Math.min(passage.end, passage.start + 60)
	)[0];
	const head = first ? page.norm.slice(first.start, first.end) : '';
	if (LIST_HEAD_RE.test(head) && !NEWSPAPER_RE.test(head)) return true;
	let entries = 0;
	let k = 0;
	// Phones and lines are both in text order: walk them together.
	for (const line of nonBlankLines(page.norm, passage.start, passage.end)) {
		while (k < phones.length && phones[k].start < line.start) k++;
		const inLine: PhoneMatch[] = [];
		for (let j = k; j < phones.length && phones[j].start < line.end; j++) {
			inLine.push(phones[j]); // (a number may run past the line end: broken by OCR)
		}
		if (inLine.length && isEntryLine(page.norm, line, inLine)) entries += inLine.length;
		if (entries >= LIST_MIN_LINES) return true;
	}
	return false;
}

/** An entry line is at most this long. */
const ENTRY_MAX = 80;

/**
 * False when `isList` could only say no whatever phones it is given past its headline: no
 * line of the passage is short, free of 。!? and holds a digit, as an entry line with a
 * number must be. Asked before the passage's phones are read again as a list's.
 */
export function mayHoldEntryLines(page: Page, passage: Passage): boolean {
	for (const line of nonBlankLines(page.norm, passage.start, passage.end)) {
		if (line.end - line.start > ENTRY_MAX) continue;
		const s = page.norm.slice(line.start, line.end);
		if (!/[。!?]/.test(s) && /[0-9]/.test(s)) return true;
	}
	return false;
}

/** A short line made of names and numbers only (no sentence around them). */
function isEntryLine(norm: string, line: Span, phones: PhoneMatch[]): boolean {
	const s = norm.slice(line.start, line.end);
	if (s.length > ENTRY_MAX || /[。!?]/.test(s)) return false;
	let rest = s;
	for (const p of [...phones].reverse()) {
		rest = rest.slice(0, p.start - line.start) + rest.slice(p.end - line.start);
	}
	return rest.replace(/[\s:|,;、/]/g, '').length <= 30;
}

/** Every entry of a list passage: each number with the name printed before it on its line. */
export function listRecords(
	page: Page,
	passage: Passage
): { records: Candidate<HotlineRecord>[]; entryLines: Span[] } {
	const out: Candidate<HotlineRecord>[] = [];
	const entryLines: Span[] = [];
	const headLen = passage.headline?.length ?? 0;
	/** The table's header row (网格  网格员  联系电话), when the list is printed as a table. */
	let header: string[] | undefined;
	for (const line of nonBlankLines(page.norm, passage.start + headLen, passage.end)) {
		const cells = cellsOf(page.norm.slice(line.start, line.end));
		if (cells.length >= 2 && !/\d{3}/.test(page.norm.slice(line.start, line.end))) header = cells;
		const phones = pagePhones(page, line, true).filter(
			(p) =>
				p.end <= passage.end && (p.end <= line.end || /\n/.test(page.norm.slice(line.end, p.end)))
		);
		if (!phones.length || !isEntryLine(page.norm, line, phones)) continue;
		// A number broken at the line's end (OCR) takes the entry to the next line.
		entryLines.push({ start: line.start, end: Math.max(line.end, phones[phones.length - 1].end) });
		let from = line.start;
		/** The records this line made so far start here in `out`. */
		const lineFirst = out.length;
		for (let k = 0; k < phones.length; k++) {
			const p = phones[k];
			// 市12345热线……12345: the first 12345 is part of the name printed before the number.
			const after = phones[k + 1];
			if (after && after.number === p.number && !/\d/.test(page.norm.slice(p.end, after.start)))
				continue;
			const nameSpan = tableCell(
				page.norm,
				trimName(page.norm, { start: from, end: p.start }),
				k === 0 ? header : undefined
			);
			// 12345（政务服务便民热线）: a label in brackets after the number, in a box of entries
			// (a note like （白天） is no label: that number shares the name before it).
			const bracket = /^\s?\(([^()\n\d]{2,12})\)/.exec(page.norm.slice(p.end, p.end + 16));
			const bracketName = bracket && BRACKET_LABEL_RE.test(bracket[1]) ? bracket : undefined;
			// Two numbers for one name (28681234 / 28681235) share the name before them, and so
			// do a line's labelled numbers (XX司法所 座机：… 手机：…): 手机 names no other line.
			const generic =
				out.length > lineFirst &&
				GENERIC_RE.test(page.norm.slice(nameSpan.start, nameSpan.end).trim());
			if ((nameSpan.end <= nameSpan.start || generic) && out.length && k > 0 && !bracketName) {
				const prev = out[out.length - 1].record;
				prev.phones.push(toPhone(p));
				prev.source.end = p.end;
				from = p.end + (bracket?.[0].length ?? 0);
				continue;
			}
			from = p.end + (bracket?.[0].length ?? 0);
			let name = page.text.slice(nameSpan.start, nameSpan.end).trim();
			if (!name && bracketName) {
				nameSpan.start = p.end + bracketName[0].indexOf(bracketName[1]);
				nameSpan.end = nameSpan.start + bracketName[1].length;
				name = page.text.slice(nameSpan.start, nameSpan.end);
			}
			if (p.newspaperLine || NEWSPAPER_RE.test(page.norm.slice(nameSpan.start, nameSpan.end)))
				continue;
			// 电话：… under the office's own line (name, 地址, 电话): the office is the name.
			const office =
				k === 0 && GENERIC_RE.test(page.norm.slice(nameSpan.start, nameSpan.end))
					? officeAbove(page, passage, line)
					: undefined;
			if (office) {
				name = page.text.slice(office.start, office.end);
				nameSpan.start = office.start;
			}
			// 28670000 市不动产登记中心: a list printed number first names the line after it.
			let numberFirst = false;
			if (!name && !bracketName && k === 0 && phones.length === 1) {
				const after = trimName(page.norm, { start: p.end, end: line.end });
				if (/^[\u4e00-\u9fa5][^\d]{1,29}$/.test(page.norm.slice(after.start, after.end))) {
					nameSpan.start = after.start;
					nameSpan.end = after.end;
					name = page.text.slice(after.start, after.end).trim();
					from = after.end;
					numberFirst = true;
				}
			}
			if (!name && !isEmergencyNumber(p.number)) continue;
			// 王女士 13974160001 under 联系人：李先生 …: a private contact, not a public line.
			if (PRIVATE_CONTACT_RE.test(page.norm.slice(nameSpan.start, nameSpan.end).trim())) continue;
			// 售楼热线, 订购热线, 报名电话: a seller's or organiser's line, not a public service.
			if (NON_SERVICE_RE.test(page.norm.slice(nameSpan.start, nameSpan.end))) continue;
			const next = phones[k + 1];
			const tail = { start: numberFirst ? from : p.end, end: next ? next.start : line.end };
			const candidate = makeRecord(
				page,
				{
					start: nameSpan.start < p.start ? nameSpan.start : p.start,
					end: Math.max(p.end, nameSpan.start > p.start ? from : 0)
				},
				p,
				name || EMERGENCY_NAMES[p.number],
				'hotline.listEntry'
			);
			const record = candidate.record;
			const nameNorm = page.norm.slice(nameSpan.start, nameSpan.end);
			const { organization } = splitOrganization(nameNorm);
			if (organization) {
				const at = nameSpan.start + nameNorm.indexOf(organization);
				record.organization = page.text.slice(at, at + organization.length);
			}
			const address =
				findAddress(page, tail) ??
				addressTail(page, tail) ??
				(office ? findAddress(page, { start: office.end, end: line.start }) : undefined);
			if (address) record.address = address;
			const hours = findHours(page, tail);
			if (hours) record.hours = hours;
			out.push(candidate);
		}
	}
	return { records: out, entryLines };
}

/** The name before a number on a list line, without bullets, colons and a trailing 电话. */
function trimName(norm: string, span: Span): Span {
	let { start, end } = span;
	const bullet = BULLET_RE.exec(norm.slice(start, end));
	if (bullet) start += bullet[0].length;
	while (end > start && /[\s:|,;、/\-(.…·]/.test(norm[end - 1])) end--;
	while (start < end && /[\s:|,;、/\-)]/.test(norm[start])) start++;
	// "市长热线 电话 12345": the generic word after the name adds nothing.
	const s = norm.slice(start, end);
	const generic = /\s(电话|号码|电话号码)$/.exec(s);
	if (generic && generic.index > 1) end -= generic[0].length;
	return { start, end };
}

/** Columns of a table row: cells set apart by two or more spaces (or a tab). */
const CELL_GAP_RE = /\s{2,}|\t/;
function cellsOf(s: string): string[] {
	return s
		.trim()
		.split(CELL_GAP_RE)
		.filter((c) => c.length > 0);
}

/** Header words of a column that holds a person, not what the line is for (网格员, 联系人). */
const PERSON_COLUMN_RE = /网格员|联系人|负责人|姓名|值班人员|责任人|民警|辅警|管理员|专干/;

/**
 * In a table row the name is one cell, not the whole row before the number: the cell right
 * before the number (…  荷塘供电所  0731-…), or the row's first cell when that one is the
 * person column of the header (第一网格（响石岭小区）  曾小燕  139…).
 */
function tableCell(norm: string, span: Span, header: string[] | undefined): Span {
	const s = norm.slice(span.start, span.end);
	let gaps = [...s.matchAll(/\s{2,}|\t/g)];
	// A cell padded with one space only (阳丽 is short) still is a cell under a header.
	if (header && gaps.length + 2 < header.length) gaps = [...s.matchAll(/\s+/g)];
	if (!gaps.length) return span;
	const cells: Span[] = [];
	let from = 0;
	for (const g of gaps) {
		cells.push({ start: span.start + from, end: span.start + (g.index ?? 0) });
		from = (g.index ?? 0) + g[0].length;
	}
	cells.push({ start: span.start + from, end: span.end });
	const last = cells.length - 1;
	const column = header && header.length > cells.length ? header[last] : undefined;
	return column && PERSON_COLUMN_RE.test(column) ? cells[0] : cells[last];
}

/** Text after the number on a list line that reads as an address (…路…号, …楼). */
function addressTail(page: Page, tail: Span): string | undefined {
	const s = page.norm.slice(tail.start, tail.end);
	const m =
		/[\u4e00-\u9fa5][\u4e00-\u9fa5\d\-()]{2,40}?(?:路|街|道|巷|号|楼|室|大厦|广场|中心)(?:\d{1,4}[号楼室])?/.exec(
			s
		);
	if (!m) return undefined;
	const at = tail.start + m.index;
	return page.text.slice(at, at + m[0].length);
}
