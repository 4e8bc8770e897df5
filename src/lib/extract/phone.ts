/**
 * Finding phone numbers in normalised page text.
 *
 * Hand-written on purpose: the hard part is not the numbering plan (libphonenumber would
 * add little) but newspaper noise — 8-digit local numbers printed without their area code,
 * numbers broken across OCR line breaks, and long ID / certificate / bank numbers that
 * must never be mistaken for a phone. The rules are about digit-run shapes and boundaries:
 *
 * - digit runs are found first; neighbouring runs are combined only across the separators
 *   a phone is printed with (dash, one or two spaces, the bracket after an area code, a line
 *   break), and only into a known shape;
 * - a candidate must not touch a digit or letter on either side, nor be followed by a unit
 *   (元, 年, 号, %…), nor be the fragment of a longer number broken by a line break;
 * - 3- and 5-digit service numbers need a phone word next to them;
 * - fixed-line and mobile numbers must be valid in China's numbering plan (libphonenumber-js
 *   with full metadata): 011-12345678 or a 7-digit number in a city of 8-digit numbers is not a
 *   phone. Numbers printed without an area code get the paper's (`areaCode`, default 0731).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DEFAULT_AREA_CODE } from '../records/city';
import { EMERGENCY_NUMBERS, NEWSPAPER_LINE_WORDS, PHONE_WORDS, SERVICE_NUMBERS } from './constants';
import { anyOf } from './text/patterns';
import { isSpace } from './text/spans';

export type PhoneType = 'landline' | 'mobile' | 'service' | 'emergency' | 'toll_free';

/** A phone number found in a text, with offsets into that text. */
export interface PhoneMatch {
	/** Normalised: 0731-28681234, 13307330000, 12345, 400-820-8820. */
	number: string;
	/** As printed (line breaks removed). */
	raw: string;
	start: number;
	end: number;
	type: PhoneType;
	/** The words before the number that say what it is for, when obvious. */
	label?: string;
	/** Where the label's words are in the text (for a contact label: the name). */
	labelStart?: number;
	labelEnd?: number;
	/** True when a phone word (电话, 热线, 拨打 …) stands right before or after the number. */
	cued: boolean;
	/** True when the label is one of the newspaper's own lines (新闻热线, 广告热线 …). */
	newspaperLine: boolean;
}

export interface FindPhonesOptions {
	/** Only numbers starting inside [start, end) of the text. */
	start?: number;
	end?: number;
	/** The original (un-normalised) text with the same offsets, for `raw` and `label`. */
	original?: string;
	/**
	 * The text is a list of service numbers (便民电话一览): short numbers on a line of their
	 * own need no phone word, and 4+4 local numbers need no cue.
	 */
	list?: boolean;
	/** The paper's area code, given to local numbers printed without one (default 0731). */
	areaCode?: string;
}

const EMERGENCY = new Set<string>(EMERGENCY_NUMBERS);
const SERVICE = new Set<string>(SERVICE_NUMBERS);

/** Longest first so that 咨询电话 wins over 电话 in the alternation. */
const PHONE_WORD_RE = new RegExp(
	[...PHONE_WORDS].sort((a, b) => b.length - a.length).join('|') + '|联系人|专线|总机|号码',
	'g'
);
/** Words right after a short number that make it a phone: “12349”为老服务热线, 110报警. */
const SHORT_AFTER_RE =
	/^["')\]]?[ \t]?[\u4e00-\u9fa5]{0,6}?(热线|电话|专线|平台|报警|急救|火警|求助|服务台)/;
/** Words before an emergency number in lists and advice: 报警请拨, 火警, 医疗急救. */
const EMERGENCY_WORD_RE = /报警|火警|急救|救护|求助|匪警|消防|交通事故|交警|救援|拨打|电话|热线/;
/** Words that make the following digits a document or account number, not a phone. */
const DOCUMENT_WORD_RE =
	/身份证|证号|编号|卡号|账号|帐号|代码|注册号|文号|批准号|证书|执照|许可证|合同号|单号|车牌|QQ|qq|微信|邮编|邮政编码|密码|工号|学号|订单|批次/g;
/** Words that ask the reader to call: the number after them is a phone, not a document's. */
const CALL_WORD_RE = /联系|致电|拨打|来电/g;
/** A unit right after a number makes it an amount, a date, a count: 28000000元, 2020年. */
const UNIT_AFTER_RE =
	/^[ \t]?(元|万|亿|千|百|年|月|日|号|时|点|分|秒|%|‰|个|人|次|件|项|户|名|米|吨|斤|公里|公斤|公顷|平方|平米|亩|岁|天|倍|台|辆|套|间|栋|期|届|份|条|家|所|座|例|起|多|余|km|kg|m|g)/;
/** Sentence or clause ends: a label never reaches back across them (one string, no regex per character). */
const CLAUSE_END = '。;!?\n,、()[]|';
/** Any of the newspaper's own line words (新闻热线, 广告热线 …). */
const NEWSPAPER_LINE_RE = anyOf(NEWSPAPER_LINE_WORDS);

interface Group {
	start: number;
	end: number;
	digits: string;
}

type Sep = 'dash' | 'space' | 'paren' | 'newline';

/**
 * Find phone numbers in `norm` (the output of `normalize`). Results are in text order and
 * never overlap.
 */
export function findPhones(norm: string, options: FindPhonesOptions = {}): PhoneMatch[] {
	const from = options.start ?? 0;
	const to = options.end ?? norm.length;
	const original = options.original ?? norm;
	const areaCode = isAreaCode(options.areaCode ?? '') ? options.areaCode! : DEFAULT_AREA_CODE;
	const groups = digitGroups(norm, from, to);
	return scan(norm, original, groups, to, options.list === true, areaCode);
}

/** What a page's phone index remembers of one digit run: the phone that starts there, if any. */
interface Found {
	/** `null` when no phone starts at the run. */
	candidate: Candidate | null;
	/** The candidate finished, when it was. */
	match?: PhoneMatch;
}

/** A window of a page's digit runs, and what the page remembers of them (see PhoneIndex). */
interface Window {
	/** The page's runs; the window's groups are `runs[offset …]`, the first maybe clipped. */
	runs: Group[];
	offset: number;
	/** The window starts inside a run: its first group is the run's tail. */
	clipped: boolean;
	/**
	 * No run after the window can join its last one (there is none, or no separator between
	 * them): what matchAt reads ahead is the same in the window and in the page.
	 */
	complete: boolean;
	/** Per run of the page: the separator before it is a line break. */
	breakBefore: Uint8Array;
	memo: (Found | undefined)[];
}
/**
 * The phones of `groups` (the digit runs of a window of `norm`) that start before `to`.
 * With `page`, a run whose neighbours in the window are the page's own has the same phone
 * as in the whole page, and that answer is asked once per page.
 */
function scan(
	norm: string,
	original: string,
	groups: Group[],
	to: number,
	list: boolean,
	areaCode: string,
	page?: Window
): PhoneMatch[] {
	const out: PhoneMatch[] = [];
	let i = 0;
	while (i < groups.length && groups[i].start < to) {
		const prev = out[out.length - 1];
		const joined = prev && continuation(norm, groups, i, prev);
		let found: Candidate | undefined;
		let m: PhoneMatch | undefined;
		if (joined) {
			found = joined;
			m = finish(norm, original, found);
		} else if (page && sameAsPage(page, groups, i)) {
			// matchAt reads one run back (isFragment) and up to four ahead.
			const r = page.offset + i;
			let known = page.memo[r];
			if (!known) {
				known = { candidate: matchAt(norm, page.runs, r, list, areaCode) ?? null };
				page.memo[r] = known;
			}
			found = known.candidate ?? undefined;
			if (found) {
				known.match ??= finish(norm, original, found);
				// A copy: callers own what they are given.
				m = known.match && { ...known.match };
			}
		} else {
			found = matchAt(norm, groups, i, list, areaCode);
			if (found) m = finish(norm, original, found);
		}
		if (found) {
			if (m) out.push(m);
			i += found.count;
		} else {
			i++;
		}
	}
	return out;
}

/**
 * True when matchAt at groups[i] of a window reads what it reads at that run of the whole
 * page: the run itself (not clipped), the run before it (isFragment only asks whether a
 * line break joins them) and up to four runs ahead.
 */
function sameAsPage(page: Window, groups: Group[], i: number): boolean {
	const r = page.offset + i;
	if (i === 0) {
		if (page.clipped || (r > 0 && page.breakBefore[r])) return false;
	} else if (i === 1 && page.clipped && page.breakBefore[r]) return false;
	return i + 4 < groups.length || page.complete;
}

/**
 * The phones of one page, asked about many windows (passages, lines, notices): the page's
 * digit runs are found once, and the phone starting at each run is decided once per page
 * and per kind of reading (list or not). Every answer is what `findPhones` answers for the
 * same window.
 */
export class PhoneIndex {
	private readonly runs: Group[];
	private readonly starts: Int32Array;
	private readonly ends: Int32Array;
	/** Per run: the separator between it and the run before is a line break. */
	private readonly breakBefore: Uint8Array;
	/** Per run: a separator joins it to the run after it. */
	private readonly joinsNext: Uint8Array;
	private readonly areaCode: string;
	private readonly memo: [(Found | undefined)[], (Found | undefined)[]];

	constructor(
		private readonly norm: string,
		private readonly original: string,
		areaCode?: string
	) {
		this.runs = digitGroups(norm, 0, norm.length);
		const n = this.runs.length;
		// Filled by a loop: Int32Array.from with a map function goes through the iterator.
		this.starts = new Int32Array(n);
		this.ends = new Int32Array(n);
		for (let r = 0; r < n; r++) {
			this.starts[r] = this.runs[r].start;
			this.ends[r] = this.runs[r].end;
		}
		this.breakBefore = new Uint8Array(n);
		this.joinsNext = new Uint8Array(n);
		for (let r = 1; r < n; r++) {
			const sep = separator(norm, this.runs[r - 1], this.runs[r]);
			if (sep) this.joinsNext[r - 1] = 1;
			if (sep === 'newline') this.breakBefore[r] = 1;
		}
		this.areaCode = isAreaCode(areaCode ?? '') ? areaCode! : DEFAULT_AREA_CODE;
		this.memo = [new Array(this.runs.length), new Array(this.runs.length)];
	}

	/** `findPhones(norm, { start, end, original, list, areaCode })`, from the index. */
	find(start: number, end: number, list = false): PhoneMatch[] {
		const { norm, runs } = this;
		if (!(start >= 0 && start <= end && end <= norm.length)) {
			// Not a window of the page: answered as findPhones answers it.
			return findPhones(norm, {
				start,
				end,
				original: this.original,
				list,
				areaCode: this.areaCode
			});
		}
		// The runs digitGroups would find in norm[start, min(end + 32, length)): those that
		// end after `start` and start before that limit, the first cut at `start`.
		const limit = Math.min(norm.length, end + 32);
		const a = firstAbove(this.ends, start);
		const b = firstAbove(this.starts, limit - 1);
		if (a >= b) return [];
		const groups = runs.slice(a, b);
		const clipped = runs[a].start < start;
		if (clipped) {
			groups[0] = { start, end: runs[a].end, digits: norm.slice(start, runs[a].end) };
		}
		const window: Window = {
			runs,
			offset: a,
			clipped,
			complete: b === runs.length || !this.joinsNext[b - 1],
			breakBefore: this.breakBefore,
			memo: this.memo[list ? 1 : 0]
		};
		return scan(norm, this.original, groups, end, list, this.areaCode, window);
	}
}

/** The first index of ascending `a` whose value is above `x` (`a.length` when none is). */
function firstAbove(a: Int32Array, x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (a[mid] <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * A bare local number right after a number with an area code, joined by 、 / , / 或 / "/":
 * 0931-8274924、8273746 — the second shares the first one's area code (and must have as many
 * digits, so that 0731-28680000、2019年 does not read 2019 as a phone).
 */
function continuation(
	norm: string,
	groups: Group[],
	i: number,
	prev: PhoneMatch
): Candidate | undefined {
	const g = groups[i];
	const dash = prev.number.indexOf('-');
	// Bounded before slicing: a number far after the last phone is no continuation of it.
	if (prev.type !== 'landline' || dash < 0 || g.start - prev.end > 12) return undefined;
	const gap = norm.slice(prev.end, g.start);
	if (!/^\s?(?:\([^()\n]{1,6}\))?\s?[、,/或]\s?$/.test(gap)) return undefined;
	const area = prev.number.slice(0, dash);
	const local = prev.number.slice(dash + 1);
	if (g.digits.length !== local.length || !/^[1-9]/.test(g.digits)) return undefined;
	const number = `${area}-${g.digits}`;
	const cand: Candidate = {
		start: g.start,
		end: g.end,
		count: 1,
		number,
		type: 'landline',
		needsCue: false,
		known: false
	};
	if (!validNumber(number) || !boundaryOk(norm, cand)) return undefined;
	return cand;
}

/** Answers of the numbering-plan check, by number block (see blockOf). */
const validity = new Map<string, boolean>();

/**
 * The block a number's validity depends on: China's plan assigns fixed-line numbers by area
 * code, length and leading local digits, and mobile numbers by their first digits. Asking
 * libphonenumber once per block keeps a list of 150,000 numbers from costing 150,000 parses.
 */
function blockOf(digits: string): string {
	const dash = digits.indexOf('-');
	if (dash < 0) return `${digits.slice(0, 5)}/${digits.length}`;
	return `${digits.slice(0, dash + 4)}/${digits.length}`;
}

/**
 * True when `number` (0731-28680000, 13974120000) is a valid Chinese fixed-line or mobile
 * number. Service numbers (12345, 95598) and toll-free numbers are not checked here.
 */
export function validNumber(number: string): boolean {
	const block = blockOf(number);
	let ok = validity.get(block);
	if (ok === undefined) {
		ok = parsePhoneNumberFromString(number.replace(/-/g, ''), 'CN')?.isValid() ?? false;
		// Bounded: blocks are few, but a hostile page must not grow the cache without end.
		if (validity.size > 50_000) validity.clear();
		validity.set(block, ok);
	}
	return ok;
}

/** Maximal runs of ASCII digits in [from, to), plus a run that starts before `to` and ends after. */
function digitGroups(norm: string, from: number, to: number): Group[] {
	// Scan a bounded window: a regex search from `from` over a page without digits would
	// otherwise run to the end of the page on every call. Runs within 32 characters after
	// `to` are kept so that a number starting inside the range can be completed.
	const limit = Math.min(norm.length, to + 32);
	const window = norm.slice(from, limit);
	const groups: Group[] = [];
	const re = /[0-9]+/g;
	for (let m = re.exec(window); m; m = re.exec(window)) {
		const start = from + m.index;
		groups.push({ start, end: start + m[0].length, digits: m[0] });
	}
	// A run cut by the window's end is completed from the page.
	const last = groups[groups.length - 1];
	if (last && last.end === limit) {
		let e = limit;
		while (e < norm.length && norm.charCodeAt(e) >= 48 && norm.charCodeAt(e) <= 57) e++;
		last.end = e;
		last.digits = norm.slice(last.start, e);
	}
	return groups;
}

/** The separator between two digit runs, if it is one a phone number is printed with. */
function separator(norm: string, a: Group, b: Group): Sep | undefined {
	const gap = b.start - a.end;
	if (gap > 6) return undefined;
	// Every separator is blanks, dashes or a closing bracket: most gaps between digit runs
	// (年, 月, a word) are none, told by their first character without slicing them.
	const first = norm.charCodeAt(a.end);
	if (first !== 0x2d && first !== 0x29 && !isSpace(first)) return undefined;
	const s = norm.slice(a.end, b.start);
	if (/^\s*\r?\n(\s*\r?\n)?\s*$/.test(s) && !/^ {2}/.test(s)) return 'newline';
	if (/^ ?-{1,2} ?$/.test(s)) return 'dash';
	if (/^ {1,2}$/.test(s)) return 'space';
	if (/^\) ?$/.test(s)) return 'paren';
	return undefined;
}

interface Candidate {
	start: number;
	end: number;
	count: number;
	number: string;
	type: PhoneType;
	/** Short numbers and 4+4 locals need a phone word. */
	needsCue: boolean;
	/** Known service numbers may find their phone word a little further away. */
	known: boolean;
}

/** Try the longest combination of runs starting at groups[i] that forms a phone. */
function matchAt(
	norm: string,
	groups: Group[],
	i: number,
	list: boolean,
	areaCode: string
): Candidate | undefined {
	const seps: Sep[] = [];
	let k = i;
	while (k + 1 < groups.length && k - i < 3) {
		const s = separator(norm, groups[k], groups[k + 1]);
		if (!s) break;
		seps.push(s);
		k++;
	}
	// +86-731-2851 6600 / +86 139 7412 0000: the country code, then the number without its 0.
	const intl = groups[i].digits === '86' && norm[groups[i].start - 1] === '+';
	for (let n = k - i + 1; n >= 1; n--) {
		// One run is classify's first case; asked directly, no arrays are built for it.
		const shape = intl
			? n >= 2
				? international(
						groups.slice(i + 1, i + n).map((g) => g.digits),
						seps.slice(1, n - 1),
						areaCode
					)
				: undefined
			: n === 1
				? bareShape(groups[i].digits, areaCode)
				: classify(
						groups.slice(i, i + n).map((g) => g.digits),
						seps.slice(0, n - 1),
						areaCode
					);
		if (!shape) continue;
		const first = groups[i];
		const last = groups[i + n - 1];
		let start = first.start;
		if (seps[0] === 'paren' && norm[start - 1] === '(') start--;
		if (intl) start--;
		const cand: Candidate = { start, end: last.end, count: n, ...shape };
		if (!boundaryOk(norm, cand)) continue;
		if (isFragment(norm, groups, i, n)) return undefined;
		if (shape.needsCue && !hasCue(norm, cand, list)) continue;
		return cand;
	}
	return undefined;
}

interface Shape {
	number: string;
	type: PhoneType;
	needsCue: boolean;
	known: boolean;
}

/**
 * The shape of a sequence of digit runs, or undefined when it is no phone.
 * Runs joined by a line break count as one run (OCR broke the number).
 */
export function classify(
	parts: string[],
	seps: Sep[],
	areaCode: string = DEFAULT_AREA_CODE
): Shape | undefined {
	// Merge runs across line breaks: the printed separators decide the shape.
	const merged: string[] = [parts[0]];
	const kept: Sep[] = [];
	for (let k = 1; k < parts.length; k++) {
		if (seps[k - 1] === 'newline') merged[merged.length - 1] += parts[k];
		else {
			merged.push(parts[k]);
			kept.push(seps[k - 1]);
		}
	}
	const parenAt = kept.indexOf('paren');
	if (parenAt > 0) return undefined;

	if (merged.length === 1) return bareShape(merged[0], areaCode);

	// Area code + local number: (0731)28829999, 0731-2868 1662, 010 12345678.
	if (isAreaCode(merged[0])) {
		const local = merged.slice(1);
		const localSeps = kept.slice(1);
		if (localSeps.every((s) => s === 'dash' || s === 'space') && local.length <= 2) {
			const l = local.join('');
			const ll = local.map((p) => p.length).join(',');
			// The area code makes it a phone; the local part may start with any digit but 0.
			const number = `${merged[0]}-${l}`;
			if (/^[1-9]/.test(l) && ['8', '7', '4,4', '3,4', '4,3'].includes(ll)) {
				return validNumber(number)
					? { number, type: 'landline', needsCue: false, known: false }
					: undefined;
			}
			// A service number dialled from outside the city: 0838-12345.
			if (ll === '5' && (SERVICE.has(l) || /^(12|95|96)\d{3}$/.test(l))) {
				return { number, type: 'service', needsCue: false, known: SERVICE.has(l) };
			}
		}
		return undefined;
	}
	if (kept.includes('paren')) return undefined;
	// Joined only here: an area code and its number (the common case) never need them.
	const all = merged.join('');
	const lens = merged.map((p) => p.length).join(',');
	// Mobile printed in blocks: 133 0733 7876, 133-0733-7876, 133 07337876.
	if (/^1[3-9]/.test(all) && all.length === 11 && ['3,4,4', '3,8', '4,4,3'].includes(lens)) {
		return validNumber(all)
			? { number: all, type: 'mobile', needsCue: false, known: false }
			: undefined;
	}
	// Toll-free: 400-820-8820, 4008-208-820, 800 810 8888.
	if (
		/^[48]00/.test(all) &&
		all.length === 10 &&
		['3,3,4', '4,3,3', '3,4,3', '3,7'].includes(lens)
	) {
		return {
			number: `${all.slice(0, 3)}-${all.slice(3, 6)}-${all.slice(6)}`,
			type: 'toll_free',
			needsCue: false,
			known: false
		};
	}
	// Local number in two blocks: 2868 1662 — easily an amount range (2000-3000), so cue only.
	if (lens === '4,4' && /^[2-8]/.test(all) && !isDateDigits(all)) {
		if (!validNumber(`${areaCode}-${all}`)) return undefined;
		return {
			number: `${areaCode}-${all}`,
			type: 'landline',
			needsCue: true,
			known: false
		};
	}
	return undefined;
}

/** The number after +86: a mobile as it is, a landline's area code with its leading 0 back. */
function international(parts: string[], seps: Sep[], areaCode: string): Shape | undefined {
	if (!parts.length || parts[0].startsWith('0')) return undefined;
	if (parts[0].startsWith('1') && parts.join('').length === 11)
		return classify(parts, seps, areaCode);
	return classify(['0' + parts[0], ...parts.slice(1)], seps, areaCode);
}

/** A single run of digits (possibly joined across a line break). */
function bareShape(d: string, areaCode: string = DEFAULT_AREA_CODE): Shape | undefined {
	const n = d.length;
	if (n === 11 && /^1[3-9]/.test(d))
		return validNumber(d)
			? { number: d, type: 'mobile', needsCue: false, known: false }
			: undefined;
	if (n >= 10 && n <= 12 && d[0] === '0') {
		const areaLen = /^0[12]/.test(d) ? 3 : 4;
		const local = d.slice(areaLen);
		const number = `${d.slice(0, areaLen)}-${local}`;
		if ((local.length === 7 || local.length === 8) && /^[2-9]/.test(local) && validNumber(number)) {
			return {
				number,
				type: 'landline',
				needsCue: false,
				known: false
			};
		}
		return undefined;
	}
	if (n === 10 && /^[48]00/.test(d)) {
		return {
			number: `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
			type: 'toll_free',
			needsCue: false,
			known: false
		};
	}
	// A bare 8-digit number is a local number of the home city, unless it reads as a date.
	// (Only where the city's numbers have 8 digits: the numbering plan decides.)
	if (n === 8 && /^[2-8]/.test(d) && !isDateDigits(d)) {
		const number = `${areaCode}-${d}`;
		return validNumber(number)
			? { number, type: 'landline', needsCue: false, known: false }
			: undefined;
	}
	// A bare 7-digit number is a local number only in a city of 7-digit numbers, and only
	// next to a phone word (or in a list): 7 digits are as often a count or an amount.
	if (n === 7 && /^[2-8]/.test(d)) {
		const number = `${areaCode}-${d}`;
		return validNumber(number)
			? { number, type: 'landline', needsCue: true, known: false }
			: undefined;
	}
	if (n === 5 && (SERVICE.has(d) || /^(12|95|96)\d{3}$/.test(d))) {
		return { number: d, type: 'service', needsCue: true, known: SERVICE.has(d) };
	}
	if (n === 3 && EMERGENCY.has(d))
		return { number: d, type: 'emergency', needsCue: true, known: true };
	return undefined;
}

function isAreaCode(d: string): boolean {
	return /^0[12]\d$/.test(d) || /^0[3-9]\d{2}$/.test(d);
}

/** 20200417, 19590101: an 8-digit run that reads as YYYYMMDD is a date, not a phone. */
function isDateDigits(d: string): boolean {
	const m = /^(19[5-9]\d|20\d\d)(\d\d)(\d\d)$/.exec(d);
	if (!m) return false;
	const month = Number(m[2]);
	const day = Number(m[3]);
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const WORD_CHAR = /[0-9A-Za-z@_#¥$&]/;

/** No digit or letter directly around the number, no unit after it, no document word before. */
function boundaryOk(norm: string, c: Candidate): boolean {
	const before = norm[c.start - 1] ?? '';
	const after = norm[c.end] ?? '';
	if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) return false;
	// 4.28681234, No.28681234, 28681234.5, 28,681,234
	// A comma is a thousands separator only beside a group of exactly three digits; otherwise it
	// separates two numbers (0731-28456789,13875012345 — full-width ， folds to ',').
	if (before === '.' && /[0-9A-Za-z]/.test(norm[c.start - 2] ?? '')) return false;
	if (
		before === ',' &&
		/[0-9]/.test(norm[c.start - 2] ?? '') &&
		/^\d{3}(?!\d)/.test(norm.slice(c.start))
	)
		return false;
	if (after === '.' && /[0-9]/.test(norm[c.end + 1] ?? '')) return false;
	if (after === ',' && /^,\d{3}(?!\d)/.test(norm.slice(c.end, c.end + 5))) return false;
	// 20:30, 0731-28681234-8001 (an extension is fine, a longer number is not)
	if (after === ':' && /[0-9]/.test(norm[c.end + 1] ?? '')) return false;
	if (before === ':' && /[0-9]/.test(norm[c.start - 2] ?? '')) return false;
	if (before === '-' && /[0-9]/.test(norm[c.start - 2] ?? '')) return false;
	if (before === '第') return false;
	if (UNIT_AFTER_RE.test(norm.slice(c.end, c.end + 3))) return false;
	if (documentWordBefore(norm, c.start)) return false;
	return true;
}

/** A document word (身份证, 编号 …) closer before the number than any phone word. */
function documentWordBefore(norm: string, start: number): boolean {
	const lineStart = lineStartWithin(norm, start, 14);
	const before = norm.slice(lineStart, start);
	let lastDoc = -1;
	DOCUMENT_WORD_RE.lastIndex = 0;
	for (let m = DOCUMENT_WORD_RE.exec(before); m; m = DOCUMENT_WORD_RE.exec(before))
		lastDoc = m.index;
	if (lastDoc < 0) return false;
	let lastPhone = -1;
	PHONE_WORD_RE.lastIndex = 0;
	for (let m = PHONE_WORD_RE.exec(before); m; m = PHONE_WORD_RE.exec(before)) lastPhone = m.index;
	// 内有身份证件，有拾到者请联系1397…: asking to be called is a phone's cue too.
	CALL_WORD_RE.lastIndex = 0;
	for (let m = CALL_WORD_RE.exec(before); m; m = CALL_WORD_RE.exec(before))
		lastPhone = Math.max(lastPhone, m.index);
	return lastDoc > lastPhone;
}

/**
 * True when the candidate is a piece of a longer number broken by a line break: its
 * neighbour across the break is bare digits that are no phone on their own (the 19-digit
 * head of a 残疾证 number, or the "4" of its "4号" tail). Two phones on consecutive lines,
 * a numbered list ("3.") or a date line ("2020年…") after a number are not fragments.
 */
function isFragment(norm: string, groups: Group[], i: number, n: number): boolean {
	const prev = groups[i - 1];
	if (prev && separator(norm, prev, groups[i]) === 'newline' && !bareShape(prev.digits)) {
		if (prev.digits.length >= 4 && !UNIT_AFTER_RE.test(norm.slice(prev.end, prev.end + 3))) {
			return true;
		}
	}
	const next = groups[i + n];
	if (next && separator(norm, groups[i + n - 1], next) === 'newline' && !bareShape(next.digits)) {
		const after = norm.slice(next.end, next.end + 3);
		if (/^\s?号|^[A-Za-z]/.test(after)) return true;
		if (next.digits.length >= 4 && !UNIT_AFTER_RE.test(after) && !/^[.、)]/.test(after)) {
			return true;
		}
	}
	return false;
}

/**
 * The start of the line holding `pos`, looking back at most `max` characters (a page
 * without line breaks must not make every lookup scan to its beginning).
 */
function lineStartWithin(norm: string, pos: number, max: number): number {
	const floor = Math.max(0, pos - max);
	for (let i = pos - 1; i >= floor; i--) if (norm[i] === '\n') return i + 1;
	return floor;
}

/** A phone word close before the number or a service word right after it. */
function hasCue(norm: string, c: Candidate, list: boolean): boolean {
	const lineStart = lineStartWithin(norm, c.start, 16);
	const reach = c.known ? 16 : 8;
	const before = norm.slice(Math.max(lineStart, c.start - reach), c.start);
	const afterText = norm.slice(c.end, c.end + 10);
	PHONE_WORD_RE.lastIndex = 0;
	if (PHONE_WORD_RE.test(before)) return true;
	if (SHORT_AFTER_RE.test(afterText)) return true;
	if (
		c.type === 'emergency' &&
		(EMERGENCY_WORD_RE.test(before) || EMERGENCY_WORD_RE.test(afterText.slice(0, 4)))
	) {
		return true;
	}
	if (list) {
		// In a list, a short number that ends its line (or is followed by a separator) is an entry.
		const ahead = norm.slice(c.end, c.end + 40);
		const lineEnd = ahead.indexOf('\n');
		const rest = lineEnd < 0 ? ahead : ahead.slice(0, lineEnd);
		if (/^\s*([,;;。]|$|\s{2,}|\s*[/|])/.test(rest) || (c.type !== 'emergency' && c.known))
			return true;
		if (c.number.includes('-')) return true;
	}
	return false;
}

/** Fill raw and label from the original text. */
function finish(norm: string, original: string, c: Candidate): PhoneMatch | undefined {
	const raw = original.slice(c.start, c.end).replace(/\s*\r?\n\s*/g, '');
	const label = labelAfterSpan(norm, original, c.end) ?? labelBeforeSpan(norm, original, c.start);
	const window = label === undefined ? '' : norm.slice(Math.max(0, c.start - 30), c.start);
	const newspaperLine = label !== undefined && NEWSPAPER_LINE_RE.test(window);
	const lineStart = lineStartWithin(norm, c.start, 12);
	const before = norm.slice(lineStart, c.start);
	PHONE_WORD_RE.lastIndex = 0;
	const cued = PHONE_WORD_RE.test(before) || SHORT_AFTER_RE.test(norm.slice(c.end, c.end + 10));
	const m: PhoneMatch = {
		number: c.number,
		raw,
		start: c.start,
		end: c.end,
		type: c.type,
		cued,
		newspaperLine
	};
	if (label) {
		m.label = label.text;
		m.labelStart = label.start;
		m.labelEnd = label.end;
	}
	return m;
}

/** A label and where its words are (for a contact label: where the name is). */
interface LabelSpan {
	text: string;
	start: number;
	end: number;
}

/** Leading verbs and particles that are not part of what the line is for. */
const LABEL_LEAD =
	/^(如有疑问|若有疑问|若仍有疑问|如需帮助|如有需要|如有|若|请|可|也可|或|即可|敬请|欢迎)*(直接)?(拨打|致电|联系(?!电话|人|方式)|咨询(?!电话|热线)|来电|打|通过)?/;
/** Verbs of dialling; the label is what comes after the last of them. */
const DIAL_VERB_RE =
	/拨打|致电|请拨|可拨|拨通|来电|联系(?!电话|人|方式)|通过|咨询(?!电话|热线)|开通了?|公布了?|设立了?/g;
/** Generic labels that say nothing about the purpose. */
const GENERIC_LABEL =
	/^(电话|联系电话|联系方式|手机|手机号|手机号码|电话号码|号码|Tel|TEL|tel|热线)$/;

/**
 * The words before a number that say what it is for: the clause up to the number, without
 * its leading verb (可拨打失业保险咨询电话 → 失业保险咨询电话). For a bare 电话, the contact
 * named just before (与陈晓联系,电话: → 联系人 陈晓).
 */
export function labelBefore(norm: string, original: string, start: number): string | undefined {
	return labelBeforeSpan(norm, original, start)?.text;
}

function labelBeforeSpan(norm: string, original: string, start: number): LabelSpan | undefined {
	let s = start;
	// Step back over the opening bracket and the separator between label and number.
	while (s > 0 && ' \t:('.includes(norm[s - 1]) && start - s < 4) s--;
	let b = s;
	while (b > 0 && s - b < 24 && !CLAUSE_END.includes(norm[b - 1])) b--;
	let offset = b;
	let text = norm.slice(b, s);
	// "关注微信服务号或联系电话": the alternative after the last 或 is the phone's label.
	const alt = Math.max(text.lastIndexOf('或'), text.lastIndexOf('或者'));
	if (alt >= 0 && /电话|热线|手机/.test(text.slice(alt))) {
		offset += alt + 1;
		text = text.slice(alt + 1);
	}
	// "也可电话预约：门诊预约电话": a label after a colon names the number, not the words before.
	const colon = text.lastIndexOf(':');
	if (colon >= 0 && /(?:电话|热线|专线)$/.test(text.slice(colon + 1).trim())) {
		offset += colon + 1;
		text = text.slice(colon + 1);
	}
	// "市民可拨打市城管执法局投诉电话": what follows the last dialling verb is the label.
	let verb: RegExpExecArray | null = null;
	DIAL_VERB_RE.lastIndex = 0;
	for (let m = DIAL_VERB_RE.exec(text); m; m = DIAL_VERB_RE.exec(text)) verb = m;
	if (verb && verb.index + verb[0].length < text.length) {
		offset += verb.index + verb[0].length;
		text = text.slice(verb.index + verb[0].length);
	}
	const lead = LABEL_LEAD.exec(text);
	if (lead) {
		offset += lead[0].length;
		text = text.slice(lead[0].length);
	}
	const trail = /[\s:是为]+$/.exec(text);
	let end = offset + text.length - (trail ? trail[0].length : 0);
	while (offset < end && /\s/.test(norm[offset])) offset++;
	while (end > offset && /\s/.test(norm[end - 1])) end--;
	const normLabel = norm.slice(offset, end);
	const own: LabelSpan = { text: original.slice(offset, end), start: offset, end };
	if (!normLabel) return contactBefore(norm, original, b);
	PHONE_WORD_RE.lastIndex = 0;
	const hasWord = PHONE_WORD_RE.test(normLabel) || /热线|电话|专线|联系人/.test(normLabel);
	if (!hasWord)
		return contactBefore(norm, original, b) ?? (normLabel.length <= 12 ? own : undefined);
	if (GENERIC_LABEL.test(normLabel)) return contactBefore(norm, original, b) ?? own;
	return own;
}

/** A label printed after a short number: “12349”为老服务热线, 12345市民热线. */
function labelAfterSpan(norm: string, original: string, end: number): LabelSpan | undefined {
	const m = /^["')\]]?[ \t]?([\u4e00-\u9fa5]{0,8}?(?:热线|专线|服务台))/.exec(
		norm.slice(end, end + 14)
	);
	if (!m) return undefined;
	const at = end + m[0].length - m[1].length;
	return { text: original.slice(at, at + m[1].length), start: at, end: at + m[1].length };
}

/** 与陈晓联系 / 联系人:陈晓 in the clause before `at`. */
function contactBefore(norm: string, original: string, at: number): LabelSpan | undefined {
	const from = Math.max(0, at - 30);
	const window = norm.slice(from, at);
	const m =
		/(?:与|和|找)([\u4e00-\u9fa5]{2,3}?)(?:先生|女士|同志)?联系[\s,:]*$|联系人[\s:]*([\u4e00-\u9fa5]{2,3})(?:先生|女士)?[\s,:]*$/.exec(
			window
		);
	if (!m) return undefined;
	const name = m[1] ?? m[2];
	const idx = from + m.index + m[0].indexOf(name);
	return {
		text: `联系人 ${original.slice(idx, idx + name.length)}`,
		start: idx,
		end: idx + name.length
	};
}

/**
 * Normalise one printed number (a form field, a table cell): the first phone in it, or
 * undefined when it holds none. `(0731)28829999` → `0731-28829999`.
 */
export function normalizePhoneNumber(printed: string): string | undefined {
	return findPhones(printed, { list: true })[0]?.number;
}

/** True for 110 / 119 / 120 / 122. */
export function isEmergencyNumber(number: string): boolean {
	return EMERGENCY.has(number);
}
