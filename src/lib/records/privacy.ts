/**
 * What is personal in a notice, decided in ONE place. Pure functions, safe on client and server.
 *
 * Policy:
 * - ID-card numbers (居民身份证, 18 characters: 17 digits and a digit or X) are personal wherever
 *   they stand: alone, inside a longer number (a 残疾证 number is the holder's ID plus two
 *   digits), after letters (NO430203…), in full-width digits, or split by spaces, hyphens or line
 *   breaks (430203 19850217 3310, a number wrapped across two lines of a column). They are shown
 *   as the first 6 and the last 4 characters of the ID part; every other character of the number
 *   becomes `*`. The owner recognises their notice; nobody learns the birth date.
 * - Mobile and landline numbers are NOT masked: a notice prints them so that the finder of a lost
 *   card, or a family, can call; hiding them would defeat the notice. (The extractor only keeps
 *   numbers the page printed as contact numbers.)
 *
 * Masking keeps the text's length (one `*` per masked character, separators kept), so offsets
 * computed on the original — highlights, snippet windows — stay valid on the masked text.
 * Work is linear in the text: each character is looked at a bounded number of times.
 */

/** Characters that may stand between the digits of one number (at most MAX_GAP in a row). */
const SEPARATORS = new Set([
	' ',
	'\t',
	'\n',
	'\r',
	'\u00a0',
	'\u3000',
	'-',
	'\u2010',
	'\u2011',
	'\u2012',
	'\u2013',
	'\u2014',
	'\u2015',
	'\uff0d'
]);
const SEPARATOR_CODES = new Set([...SEPARATORS].map((c) => c.charCodeAt(0)));
/** A line break and a paragraph indent fit; more than this and two numbers are two numbers. */
const MAX_GAP = 6;
const ID_LENGTH = 18;

function digitValue(code: number): number {
	if (code >= 0x30 && code <= 0x39) return code - 0x30;
	if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
	return -1;
}

function isCheckX(code: number): boolean {
	return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;
}

/** One number as printed: where its characters stand and how separators cut it into groups. */
interface NumberRun {
	/** Index in the text of each digit (and a final X). */
	positions: number[];
	/** The digits as ASCII ('x' for a check character X). */
	digits: string;
	/** Number of digits in each group between separators. */
	groups: number[];
	/** Index just after the run's last character. */
	end: number;
}

/**
 * Where the stretch of digits, check characters (X) and runs of at most MAX_GAP separators that
 * starts at `start` ends, when it holds fewer than `min` digits and check characters; -1 when it
 * holds `min` or more. The stretch admits everything readRun admits (and more), so every run
 * read from inside it ends inside it: a short stretch holds no run of `min` digits, and the
 * callers step over it without building its runs. Most numbers in a page are dates, prices and
 * phone numbers; building each as a run was most of what masking a search page allocated.
 */
function shortStretchEnd(text: string, start: number, min: number): number {
	let count = 0;
	let gap = 0;
	let i = start;
	for (; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (digitValue(code) >= 0 || isCheckX(code)) {
			if (++count >= min) return -1;
			gap = 0;
		} else if (gap < MAX_GAP && SEPARATOR_CODES.has(code)) gap++;
		else break;
	}
	return i;
}

/** Reads the number starting at `start` (a digit): digits joined by short runs of separators. */
function readRun(text: string, start: number): NumberRun {
	const positions: number[] = [];
	const groups: number[] = [];
	let digits = '';
	let group = 0;
	let i = start;
	for (;;) {
		positions.push(i);
		digits += String(digitValue(text.charCodeAt(i)));
		group++;
		let j = i + 1;
		if (j < text.length && digitValue(text.charCodeAt(j)) >= 0) {
			i = j;
			continue;
		}
		if (j < text.length && isCheckX(text.charCodeAt(j))) {
			positions.push(j);
			digits += 'x';
			group++;
			i = j;
			break;
		}
		while (j < text.length && j - i - 1 < MAX_GAP && SEPARATORS.has(text[j])) j++;
		// A check character set apart: 43020319850217331 X (only where it can end an ID).
		if (j > i + 1 && digits.length >= ID_LENGTH - 1 && isCheckX(text.charCodeAt(j))) {
			groups.push(group);
			group = 1;
			positions.push(j);
			digits += 'x';
			i = j;
			break;
		}
		if (j > i + 1 && j < text.length && digitValue(text.charCodeAt(j)) >= 0) {
			groups.push(group);
			group = 0;
			i = j;
			continue;
		}
		break;
	}
	groups.push(group);
	return { positions, digits, groups, end: i + 1 };
}

/** Digits 6..13 of an ID are the birth date: 18xx–20xx, month 01–12, day 01–31. */
function birthDateAt(digits: string, start: number): boolean {
	const century = digits.slice(start + 6, start + 8);
	if (century !== '18' && century !== '19' && century !== '20') return false;
	const month = Number(digits.slice(start + 10, start + 12));
	const day = Number(digits.slice(start + 12, start + 14));
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** A group that is a whole phone number or area code on its own (0731, 28680000, 13974120000). */
const PHONE_GROUP =
	/^(?:1[3-9]\d{9}|0\d{2,3}|0\d{9,11}|[2-9]\d{6,7}|1\d{2}|[19]\d{4}|[48]00\d{7})$/;

/** Whether every group of the run is a phone number or area code on its own. */
function allPhoneGroups(run: NumberRun): boolean {
	if (run.groups.length < 2) return false;
	let at = 0;
	for (const g of run.groups) {
		if (!PHONE_GROUP.test(run.digits.slice(at, at + g))) return false;
		at += g;
	}
	return true;
}

/**
 * Where the ID part of a run starts, or -1 when the run holds no ID. A run of 18 or more
 * characters is an ID: at its first birth date (digits 7–14 of an ID), else where a final X
 * puts it, else at its start. Except a list of phone numbers printed side by side (every group
 * a phone number on its own, 0731-28681800 0731-28680000): that is an ID only when a birth
 * date stands where an ID made of whole groups would have one (a chance date inside a list of
 * phones, as in this example, is none).
 */
function idStart(run: NumberRun): number {
	const n = run.digits.length;
	if (n < ID_LENGTH) return -1;
	if (allPhoneGroups(run)) {
		const ends = new Set<number>();
		let at = 0;
		for (const g of run.groups) ends.add((at += g));
		at = 0;
		for (const g of run.groups) {
			if (ends.has(at + ID_LENGTH) && birthDateAt(run.digits, at)) return at;
			at += g;
		}
		return -1;
	}
	// An X is only ever the run's last character, so every window is a possible ID.
	for (let s = 0; s + ID_LENGTH <= n; s++) if (birthDateAt(run.digits, s)) return s;
	if (run.digits.endsWith('x')) return n - ID_LENGTH;
	return 0;
}

/**
 * Which characters of a run to hide: all but the first 6 and last 4 of the ID part; and, when
 * digits glued to the number leave doubt about where the ID stands, the birth date of every
 * place an ID could stand (so no choice of ID part ever shows a birth date).
 */
function hiddenCharacters(run: NumberRun, start: number): Uint8Array {
	const n = run.digits.length;
	const hidden = new Uint8Array(n).fill(1);
	for (let k = 0; k < 6; k++) hidden[start + k] = 0;
	for (let k = 14; k < ID_LENGTH; k++) hidden[start + k] = 0;
	if (n > ID_LENGTH) {
		for (let s = 0; s + ID_LENGTH <= n; s++) {
			if (birthDateAt(run.digits, s)) hidden.fill(1, s + 6, s + 14);
		}
	}
	return hidden;
}

/** The 18 characters of the ID inside a personal number's digits (findPersonalNumbers). */
export function idPart(digits: string): string {
	const start = idStart({ positions: [], digits, groups: [digits.length], end: 0 });
	return start < 0 ? digits : digits.slice(start, start + ID_LENGTH);
}

/** A personal number found in a text: its span and its characters (ASCII digits, 'x'). */
export interface PersonalNumber {
	start: number;
	end: number;
	digits: string;
}

/**
 * Calls `visit` with each number of the text that may hold `min` or more digits, in order, and
 * where it starts; stops early when `visit` returns true. Shorter numbers are stepped over
 * without being built (shortStretchEnd).
 */
function eachLongRun(
	text: string,
	min: number,
	visit: (run: NumberRun, start: number) => boolean | void
): void {
	let i = 0;
	while (i < text.length) {
		if (digitValue(text.charCodeAt(i)) < 0) {
			i++;
			continue;
		}
		const short = shortStretchEnd(text, i, min);
		if (short >= 0) {
			i = short;
			continue;
		}
		const run = readRun(text, i);
		if (visit(run, i)) return;
		i = run.end;
	}
}

/** Every personal (ID-bearing) number in the text, in order. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
	const found: PersonalNumber[] = [];
	eachLongRun(text, ID_LENGTH, (run, start) => {
		if (idStart(run) >= 0) found.push({ start, end: run.end, digits: run.digits });
	});
	return found;
}

/**
 * THE masking function: every ID-bearing number in the text shown as the first 6 and last 4
 * characters of its ID part, everything else of the number as `*` (see the module comment).
 * Same length as the input; idempotent.
 */
export function maskPersonalNumbers(text: string): string {
	// Too short to hold an ID: most of what a page sends (a kind, a date, a label).
	if (text.length < ID_LENGTH) return text;
	let out = '';
	let copied = 0;
	eachLongRun(text, ID_LENGTH, (run) => {
		const start = idStart(run);
		if (start < 0) return;
		const hidden = hiddenCharacters(run, start);
		run.positions.forEach((p, k) => {
			if (!hidden[k]) return;
			out += text.slice(copied, p) + '*';
			copied = p + 1;
		});
	});
	return copied === 0 ? text : out + text.slice(copied);
}

/**
 * True when a search query holds what looks like (most of) an ID number: a number of 15 or more
 * digits that is not a list of phone numbers. Such searches are rate-limited per address.
 */
export function looksLikeIdNumber(text: string): boolean {
	let found = false;
	eachLongRun(text, 15, (run) => {
		const n = run.digits.length;
		found = n >= ID_LENGTH ? idStart(run) >= 0 : n >= 15;
		return found;
	});
	return found;
}
