/**
 * A document's number: after a label (证号, 统一社会信用代码 …) when there is one, else the
 * longest letter-digit run that is not a date, an amount or a count; a vehicle plate last.
 */
import type { Page } from '../../pipeline';
import { isAlnum, isAlnumCode, isCjk } from '../../text/patterns';
import { NUMBER_LABEL_RE } from './labels';

/** The masked middle of a number: stars followed by a letter or digit. */
const MASK_RE = /^\*{2,14}(?=[A-Za-z0-9])/;

/**
 * A run of letters and digits starting at `i`, joined over line breaks: a column breaks a
 * 20-digit number after 19 digits. Hyphens inside the run are kept.
 * @returns the run as printed (line breaks removed) and where it ends in the page.
 */
function numberRun(
	norm: string,
	i: number,
	limit: number,
	spaced = false
): { value: string; end: number } {
	let value = '';
	let k = i;
	while (k < limit) {
		const c = norm[k];
		if (isAlnum(c) || (c === '-' && isAlnum(norm[k + 1]) && value.length > 0)) {
			value += c;
			k++;
			continue;
		}
		// After a label, a number printed in groups (4302 0319 9006 2314 29, 430204 008812)
		// is one number: a single blank between digit groups is joined.
		if (spaced && c === ' ' && /^\d{2,}$/.test(value) && /\d/.test(norm[k + 1] ?? '')) {
			const group = /^\d+/.exec(norm.slice(k + 1, limit))![0];
			if (group.length <= 8 && value.length + group.length <= 20) {
				k++;
				continue;
			}
		}
		// A number printed masked (430203********2816, 6228****3307): the stars stand for digits
		// the paper left out, between digits it printed.
		const mask = c === '*' && value.length >= 2 ? MASK_RE.exec(norm.slice(k, k + 16)) : null;
		if (mask) {
			value += mask[0];
			k += mask[0].length;
			continue;
		}
		// Join over a line break only inside a number (at least 4 characters so far).
		const br = /^[ \t]*\r?\n[ \t]*/.exec(norm.slice(k, limit));
		if (br && value.length >= 4 && isAlnum(norm[k + br[0].length])) {
			k += br[0].length;
			continue;
		}
		break;
	}
	// A check digit printed in brackets belongs to the number: G123456(7).
	const check = /^\([0-9A]\)/.exec(norm.slice(k, limit));
	if (check && value.length >= 4) {
		value += check[0];
		k += check[0].length;
	}
	return { value, end: k };
}

/**
 * A labelled value printed with characters (湘(2019)株洲市不动产权第0012345号), up to the
 * next separator; a line break between two letters or digits is joined like in `numberRun`.
 */
function printedValue(norm: string, i: number, limit: number): string {
	let value = '';
	let k = i;
	/** Brackets opened inside the value: (证号：…号)遗失 closes one opened before it. */
	let depth = 0;
	while (k < limit && value.length < 40) {
		const c = norm[k];
		if (/[,，;；。、]/.test(c)) break;
		if (c === '(') depth++;
		else if (c === ')' && depth-- === 0) break;
		if (/\s/.test(c)) {
			const br = /^[ \t]*\r?\n[ \t]*/.exec(norm.slice(k, limit));
			if (br && isAlnum(norm[k - 1]) && isAlnum(norm[k + br[0].length])) {
				k += br[0].length;
				continue;
			}
			break;
		}
		value += c;
		k++;
	}
	return value;
}

/** A Chinese vehicle plate: province character, letter, five or six letters and digits. */
const PLATE_RE =
	/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]\s?[·.]?\s?[A-Z0-9]{5,6}(?![A-Za-z0-9])/;

/** Digits in a run: a document number has at least four. */
function digitCount(s: string): number {
	return s.replace(/\D/g, '').length;
}

/**
 * The document number in `[start, end)`: after a label (证号, 统一社会信用代码, 号码 …) when
 * there is one — in the body (from `bodyFrom`) first: a label in front of the verb may name
 * the holder's vehicle or ID (车牌号湘B·…的货车遗失道路运输证，证号：…) — else the longest
 * letter-digit run that is not a date.
 */
export function findNumber(
	page: Page,
	start: number,
	end: number,
	bodyFrom = start
): string | undefined {
	const norm = page.norm;
	const labelled =
		findLabelledNumber(page, bodyFrom, end) ??
		(bodyFrom > start ? findLabelledNumber(page, start, end) : undefined);
	if (labelled) return labelled;
	const text = norm.slice(start, end);
	let best: string | undefined;
	for (let i = start; i < end; i++) {
		// Where a run of letters and digits starts, by character code (this reads every character).
		if (!isAlnumCode(norm.charCodeAt(i)) || isAlnumCode(norm.charCodeAt(i - 1))) continue;
		const run = numberRun(norm, i, end);
		// Dates (2024年), amounts (500元) and counts (3个) are not document numbers.
		if (/[年月日时元个岁天楼栋室]/.test(norm[run.end] ?? '')) {
			i = run.end;
			continue;
		}
		if (digitCount(run.value) >= 4 && run.value.length >= 5) {
			if (!best || run.value.length > best.length) best = run.value;
		}
		i = run.end;
	}
	// A vehicle plate (湘B·12345) is the number when no longer number is printed.
	const plate = PLATE_RE.exec(text);
	if (plate && (!best || best.length < 8)) return plate[0];
	return best;
}

/** The first number printed after a document-number label in `[start, end)`. */
export function findLabelledNumber(page: Page, start: number, end: number): string | undefined {
	const norm = page.norm;
	const text = norm.slice(start, end);
	NUMBER_LABEL_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = NUMBER_LABEL_RE.exec(text))) {
		// 电话号码 / 手机号码 label a phone, not a document.
		if (/(?:电话|手机|联系)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
		// An invoice is known by its 发票号码; its 发票代码 names the batch it was printed in.
		if (m[0].startsWith('发票代码') && text.includes('发票号码', m.index)) continue;
		const at = start + m.index + m[0].length;
		if (isAlnum(norm[at])) {
			const run = numberRun(norm, at, end, true);
			if (run.value.length >= 4 && digitCount(run.value) >= 3) return asPrinted(page, at, run);
		} else if (isCjk(norm[at]) || norm[at] === '(') {
			// 湘(2019)株洲市不动产权第0012345号, 湘B12345: printed with characters.
			const v = printedValue(norm, at, end);
			if (digitCount(v) >= 4 && !/年|月|日/.test(v)) return v;
		}
	}
	return undefined;
}

/**
 * A run as printed where the page's dash says more than the folded one: a range of invoice
 * numbers (00518201—00518203) keeps its dash. Digits stay folded (full-width ４３０ → 430).
 */
function asPrinted(page: Page, at: number, run: { value: string; end: number }): string {
	const range = /^(\d+)-(\d+)$/.exec(run.value);
	if (!range || range[1].length !== range[2].length) return run.value;
	const dash = page.norm.indexOf('-', at);
	return dash >= 0 && dash < run.end ? `${range[1]}${page.text[dash]}${range[2]}` : run.value;
}
