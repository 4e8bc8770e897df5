/**
 * Chinese dates in newspaper text → ISO, relative to the page's publication date.
 *
 * Small on purpose (chrono-node is not a dependency): absolute dates (2020年4月17日,
 * 二〇二〇年四月十七日, 2020.4.17, 2020-04-17, 2020/4/17), dates without a year (4月17日,
 * 十一月五日), relative days (今天, 昨日, 本月20日, 去年5月1日), a time of day after the date
 * (上午9时, 14:30, 下午3点半), ranges (4月17日至20日, 4月17日-5月1日) and durations (60日).
 * Functions take the normalised text (see normalize.ts) and return offsets into it.
 */

/** How to choose the year of a date printed without one. */
export type YearMode = 'nearest' | 'past' | 'future';

export interface DateMatch {
	start: number;
	end: number;
	/** YYYY-MM-DD, or YYYY-MM-DDTHH:mm when a time of day follows the date. */
	value: string;
	/** The end of a range (4月17日至20日), same format. */
	until?: string;
	/** The year was printed (or relative: 今年, 去年); otherwise it was inferred. */
	hasYear: boolean;
}

export interface FindDatesOptions {
	start?: number;
	end?: number;
	/**
	 * Year choice for dates without a year. Default: 'past' when the sentence reports a past
	 * event (遗失, 拾得, 走失 …), else 'nearest'.
	 */
	mode?: YearMode;
	/** Stop after this many dates (a caller that only asks whether there is one). */
	limit?: number;
}

/** Chinese numerals used in dates; 〇/○/O/零 are the zero of years written digit by digit. */
const CN_DIGITS: Record<string, number> = {
	〇: 0,
	'○': 0,
	O: 0,
	零: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};

const CN = '[〇○O零一二两三四五六七八九十]';
const NUM = `(?:\\d{1,2}|${CN}{1,3})`;
const YEAR = `(?:\\d{4}|[〇○O零一二三四五六七八九]{4})`;
/** Relative year words that can stand where a year is printed. */
const REL_YEAR = '(?:今年|去年|明年|前年|本年)';
const TIME =
	`(?:\\s?(?<period>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜间|晚)?\\s?` +
	`(?:(?<h1>\\d{1,2}):(?<m1>\\d{2})|(?<h2>\\d{1,2}|${CN}{1,3})\\s?[时点](?:\\s?(?<m2>\\d{1,2}|${CN}{1,3}|半)分?)?))`;

/** One regex for all shapes of a date; named groups tell which shape matched. */
const DATE_RE = new RegExp(
	[
		// 2020年4月17日, 二〇二〇年四月十七日, 去年5月1日
		`(?:(?<y>${YEAR})\\s?年|(?<ry>${REL_YEAR}))\\s?(?<mo>${NUM})\\s?月\\s?(?<d>${NUM})\\s?[日号]`,
		// 2020.4.17, 2020-04-17, 2020/4/17
		`(?<ny>(?:19|20)\\d{2})(?<sep>[./-])(?<nmo>\\d{1,2})\\k<sep>(?<nd>\\d{1,2})(?![\\d.])`,
		// 本月20日, 下月3日
		`(?<rm>本月|当月|下月|下个月|上月|上个月)\\s?(?<rd>${NUM})\\s?[日号]`,
		// 4月17日, 十一月五日
		`(?<mo2>${NUM})\\s?月\\s?(?<d2>${NUM})\\s?[日号]`,
		// 昨(18)日: a relative day with its day of the month in brackets
		`(?<rb>昨|今|明|前)\\s?\\(\\s?(?<rbd>\\d{1,2})\\s?\\)\\s?日`,
		// 今明两天: today and tomorrow, a range
		`(?<both>今明两天|今明两日|今明二日)`,
		// 本周六, 下周三, 这个星期天: a day of this or next week (a bare 周六 may mean every
		// Saturday, so a prefix is required)
		`(?<wk>本周|这周|下周|本星期|这星期|这个星期|下星期|下个星期)(?<wd>[一二三四五六日天])`,
		// 今天, 昨日 …
		`(?<rel>今天|今日|昨天|昨日|前天|明天|明日|后天)`
	].join('|'),
	'g'
);
/**
 * A character every date holds, at most DATE_ANCHOR_REACH characters after its start: the
 * 日/号 of a day, the separator of 2020.4.17, 天 of 今天, 周/期 of 下周三 / 下星期三.
 */
const DATE_ANCHOR_RE = /[日号天周期./-]/g;
const DATE_ANCHOR_REACH = 24;

/**
 * `DATE_RE.exec(norm)` from `from`, sooner: no date starts more than DATE_ANCHOR_REACH
 * before the next anchor character, so the search starts there. DATE_RE tries all its
 * alternatives at every digit and at common words (一, 上, 本 …) of running text; the anchor
 * is one character class.
 */
function nextDate(norm: string, from: number): RegExpExecArray | null {
	DATE_ANCHOR_RE.lastIndex = from;
	const anchor = DATE_ANCHOR_RE.exec(norm);
	if (!anchor) return null;
	DATE_RE.lastIndex = Math.max(from, anchor.index - DATE_ANCHOR_REACH);
	return DATE_RE.exec(norm);
}
const TIME_RE = new RegExp(`^${TIME}`);
/** A weekday in brackets between a date and its time: 11月29日(周日)上午9:30. */
const WEEKDAY_NOTE_RE = /^\s?\(\s?(?:周|星期|礼拜)[一二三四五六日天]\s?\)/;
const WEEKDAYS = '一二三四五六日';
/** A range connector and what may follow it: a full date, a month and day, or a day. */
const RANGE_RE = new RegExp(
	`^\\s?(?:至|到|-|~|—)\\s?(?:(?:(?<y>\\d{4})\\s?年\\s?)?(?:(?<mo>${NUM})\\s?月\\s?)?(?<d>${NUM})\\s?[日号]` +
		// 2026.11.20—2026.12.05: a dotted end
		`|(?<dy>(?:19|20)\\d{2})(?<dsep>[./-])(?<dmo>\\d{1,2})\\k<dsep>(?<dd>\\d{1,2})(?![\\d.]))`
);
/** Words of a sentence that reports something that already happened. */
const PAST_WORDS =
	/遗失|丢失|失落|拾得|捡到|拾到|走失|失踪|离家|出走|遗弃|被盗|发现|出生|已于|曾于|以来/;

/** 17, 十七, 二十, 三十一, 二〇二〇 → number; undefined when not a numeral. */
export function parseCnNumber(s: string): number | undefined {
	if (/^\d+$/.test(s)) return Number(s);
	if (!s) return undefined;
	if (s.includes('十')) {
		const [tens, ones] = s.split('十');
		const t = tens === '' ? 1 : CN_DIGITS[tens];
		const o = ones === '' ? 0 : CN_DIGITS[ones];
		if (t === undefined || o === undefined || tens.length > 1 || ones.length > 1) return undefined;
		return t * 10 + o;
	}
	let n = 0;
	for (const ch of s) {
		const d = CN_DIGITS[ch];
		if (d === undefined) return undefined;
		n = n * 10 + d;
	}
	return n;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYY-MM-DD when the day exists, else undefined. */
export function isoDate(y: number, m: number, d: number): string | undefined {
	if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)))
		return undefined;
	return `${y}-${pad(m)}-${pad(d)}`;
}

function parts(iso: string): [number, number, number] {
	return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Days between two ISO dates (b − a). */
function dayDiff(a: string, b: string): number {
	const [ay, am, ad] = parts(a);
	const [by, bm, bd] = parts(b);
	return (Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000;
}

/** The ISO date `n` days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
	const [y, m, d] = parts(iso);
	const t = new Date(Date.UTC(y, m - 1, d + n));
	return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The ISO date `n` months after `iso`, clamped to the month's last day. */
export function addMonths(iso: string, n: number): string {
	const [y, m, d] = parts(iso);
	const total = y * 12 + (m - 1) + n;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	return `${ny}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/**
 * The year for a month and day printed without one.
 * - nearest: the year that puts the date closest to publication (a December page's 1月10日
 *   is next January);
 * - past: the latest date not after publication (遗失 / 拾得 report past events);
 * - future: the earliest date not before publication (deadlines).
 */
export function resolveYear(
	month: number,
	day: number,
	published: string,
	mode: YearMode = 'nearest'
): string | undefined {
	const py = Number(published.slice(0, 4));
	const options = [py - 1, py, py + 1]
		.map((y) => isoDate(y, month, day))
		.filter((x): x is string => x !== undefined);
	if (!options.length) {
		// 2月29日 outside a leap year: try the nearest leap years around publication.
		for (const y of [py - 3, py - 2, py + 2, py + 3]) {
			const iso = isoDate(y, month, day);
			if (iso) options.push(iso);
		}
		if (!options.length) return undefined;
	}
	if (mode === 'past') {
		const past = options.filter((o) => dayDiff(o, published) >= 0);
		return past.length ? past[past.length - 1] : options[0];
	}
	if (mode === 'future') {
		const future = options.filter((o) => dayDiff(published, o) >= 0);
		return future.length ? future[0] : options[options.length - 1];
	}
	let best = options[0];
	for (const o of options)
		if (Math.abs(dayDiff(o, published)) < Math.abs(dayDiff(best, published))) best = o;
	return best;
}

/** The time of day right after a date: 上午9时 → 09:00, 下午3点半 → 15:30, 14:30 → 14:30. */
function parseTime(norm: string, at: number): { time: string; end: number } | undefined {
	const m = TIME_RE.exec(norm.slice(at, at + 16));
	if (!m?.groups) return undefined;
	const g = m.groups;
	let h = parseCnNumber(g.h1 ?? g.h2 ?? '');
	let min = g.m1 !== undefined ? Number(g.m1) : g.m2 === '半' ? 30 : g.m2 ? parseCnNumber(g.m2) : 0;
	if (h === undefined || min === undefined) return undefined;
	// A bare number + 点/时 without a period is a time only when it is plausible as one.
	if (h > 24 || min > 59) return undefined;
	const p = g.period;
	if (p && /下午|傍晚|晚/.test(p) && h < 12) h += 12;
	if (p === '中午' && h < 6) h += 12;
	if (h === 24) {
		h = 0;
		min = 0;
	}
	return { time: `${pad(h)}:${pad(min)}`, end: at + m[0].length };
}

/** 。 ! ? or a line break (what /[。!?!?\n]/ matches), by UTF-16 code. */
const isSentenceStop = (c: number) => c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x0a;

function sentenceAround(norm: string, start: number, end: number): string {
	// Read by character code: a regex test per character cost more than the date.
	let a = start;
	while (a > 0 && start - a < 60 && !isSentenceStop(norm.charCodeAt(a - 1))) a--;
	let b = end;
	while (b < norm.length && b - end < 60 && !isSentenceStop(norm.charCodeAt(b))) b++;
	return norm.slice(a, b);
}

/**
 * Every date in `norm` (the normalised text), in order, as ISO strings relative to
 * `published` (YYYY-MM-DD).
 */
export function findDates(
	norm: string,
	published: string,
	options: FindDatesOptions = {}
): DateMatch[] {
	const from = options.start ?? 0;
	const to = options.end ?? norm.length;
	const out: DateMatch[] = [];
	for (let m = nextDate(norm, from); m && m.index < to; m = nextDate(norm, DATE_RE.lastIndex)) {
		const g = m.groups ?? {};
		const start = m.index;
		let end = start + m[0].length;
		// A date glued to a longer number (120202年) or a word (2020.4.17.1) is no date.
		if (/[0-9]/.test(norm[start - 1] ?? '') && !g.rel) continue;
		const mode =
			options.mode ?? (PAST_WORDS.test(sentenceAround(norm, start, end)) ? 'past' : 'nearest');
		let value: string | undefined;
		let hasYear = true;
		let month: number | undefined;
		let year: number | undefined;
		let rangeEnd: string | undefined;
		if (g.y !== undefined || g.ry !== undefined) {
			year = g.ry !== undefined ? relativeYear(g.ry, published) : parseCnNumber(g.y);
			month = parseCnNumber(g.mo);
			const day = parseCnNumber(g.d);
			if (year !== undefined && month !== undefined && day !== undefined)
				value = isoDate(year, month, day);
		} else if (g.ny !== undefined) {
			year = Number(g.ny);
			month = Number(g.nmo);
			value = isoDate(year, month, Number(g.nd));
		} else if (g.rm !== undefined) {
			const day = parseCnNumber(g.rd);
			const shift = /下/.test(g.rm) ? 1 : /上/.test(g.rm) ? -1 : 0;
			const base = addMonths(`${published.slice(0, 7)}-01`, shift);
			[year, month] = parts(base);
			if (day !== undefined) value = isoDate(year, month, day);
		} else if (g.mo2 !== undefined) {
			month = parseCnNumber(g.mo2);
			const day = parseCnNumber(g.d2);
			hasYear = false;
			if (month !== undefined && day !== undefined)
				value = resolveYear(month, day, published, mode);
			if (value) year = Number(value.slice(0, 4));
		} else if (g.rel !== undefined) {
			const shift: Record<string, number> = {
				今天: 0,
				今日: 0,
				昨天: -1,
				昨日: -1,
				前天: -2,
				明天: 1,
				明日: 1,
				后天: 2
			};
			value = addDays(published, shift[g.rel] ?? 0);
		} else if (g.rb !== undefined) {
			const shift: Record<string, number> = { 昨: -1, 今: 0, 明: 1, 前: -2 };
			value = addDays(published, shift[g.rb] ?? 0);
			// The bracketed day is printed to be checked: a day that disagrees is no such date.
			if (Number(g.rbd) !== Number(value.slice(8, 10))) continue;
		} else if (g.both !== undefined) {
			value = published;
			rangeEnd = addDays(published, 1);
		} else if (g.wk !== undefined) {
			// Weeks start on Monday; 周日 / 周天 is the week's seventh day.
			const [py, pm, pd] = parts(published);
			const dow = (new Date(Date.UTC(py, pm - 1, pd)).getUTCDay() + 6) % 7;
			const want = g.wd === '天' ? 6 : WEEKDAYS.indexOf(g.wd);
			value = addDays(published, want - dow + (/下/.test(g.wk) ? 7 : 0));
		}
		if (!value) continue;
		// 11月29日(周日)上午9:30: the weekday note belongs to the date.
		const note = WEEKDAY_NOTE_RE.exec(norm.slice(end, end + 10));
		if (note) end += note[0].length;
		const time = parseTime(norm, end);
		if (time) {
			value = `${value}T${time.time}`;
			end = time.end;
		}
		const match: DateMatch = { start, end, value, hasYear };
		if (rangeEnd) match.until = rangeEnd;
		const range = RANGE_RE.exec(norm.slice(end, end + 20));
		if (range?.groups && year !== undefined && month !== undefined) {
			const g2 = range.groups;
			const ryText = g2.y ?? g2.dy;
			const rmoText = g2.mo ?? g2.dmo;
			const ry = ryText ? Number(ryText) : undefined;
			const rmo = rmoText ? parseCnNumber(rmoText) : month;
			const rd = parseCnNumber(g2.d ?? g2.dd ?? '');
			if (rmo !== undefined && rd !== undefined) {
				// 12月28日至1月3日: the end rolls into the next year.
				const y = ry ?? (rmo < month ? year + 1 : year);
				const until = isoDate(y, rmo, rd);
				if (until && until >= value.slice(0, 10)) {
					match.until = until;
					match.end = end + range[0].length;
					const t2 = parseTime(norm, match.end);
					if (t2 && /[0-9]/.test(norm.slice(match.end, t2.end))) {
						match.until = `${until}T${t2.time}`;
						match.end = t2.end;
					}
				}
			}
		}
		out.push(match);
		if (out.length === options.limit) break;
		DATE_RE.lastIndex = match.end;
	}
	return out;
}

function relativeYear(word: string, published: string): number | undefined {
	const py = Number(published.slice(0, 4));
	const shift: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 前年: -2, 明年: 1 };
	return word in shift ? py + shift[word] : undefined;
}

/** The first date in `norm`, or undefined. */
export function parseDate(norm: string, published: string, mode?: YearMode): string | undefined {
	return findDates(norm, published, { mode })[0]?.value;
}

export interface DurationMatch {
	start: number;
	end: number;
	amount: number;
	unit: 'day' | 'workday' | 'week' | 'month' | 'year';
}

const DURATION_RE = new RegExp(
	`(?<n>\\d{1,3}|${CN}{1,3})\\s?(?<u>个工作日|工作日|日|天|周|星期|个月|年)`,
	'g'
);

/**
 * Durations such as 60日, 六十天, 3个月, 15个工作日 in [start, end) of `norm`. A number that
 * is part of a date (4月17日) is skipped.
 */
export function findDurations(norm: string, start = 0, end = norm.length): DurationMatch[] {
	const out: DurationMatch[] = [];
	// Day numbers inside dates (4月17日至20日) are not durations; any reference date will do.
	const dates = findDates(norm, '2000-01-01', { start, end });
	DURATION_RE.lastIndex = start;
	for (let m = DURATION_RE.exec(norm); m && m.index < end; m = DURATION_RE.exec(norm)) {
		const g = m.groups ?? {};
		const before = norm[m.index - 1] ?? '';
		// 4月17日 (a date), 2020年 (a year), 第3天 (an ordinal)
		if (/[0-9月第.〇○零一二两三四五六七八九十]/.test(before)) continue;
		if (dates.some((d) => m.index < d.end && m.index + m[0].length > d.start)) continue;
		if (g.u === '年' && /^\d{4}$/.test(g.n)) continue;
		if (g.u === '日' && /月\s?$/.test(norm.slice(Math.max(0, m.index - 3), m.index))) continue;
		const amount = parseCnNumber(g.n);
		if (amount === undefined || amount === 0) continue;
		const unit =
			g.u === '个月'
				? 'month'
				: g.u === '年'
					? 'year'
					: g.u === '周' || g.u === '星期'
						? 'week'
						: g.u.includes('工作日')
							? 'workday'
							: 'day';
		out.push({ start: m.index, end: m.index + m[0].length, amount, unit });
	}
	return out;
}

/**
 * The date a duration ends when it starts on `from` (公告期 60日 from the notice date).
 * Working days are counted as calendar days × 7/5, rounded up — holidays are unknown.
 */
export function addDuration(from: string, d: Pick<DurationMatch, 'amount' | 'unit'>): string {
	switch (d.unit) {
		case 'day':
			return addDays(from, d.amount);
		case 'workday':
			return addDays(from, Math.ceil((d.amount * 7) / 5));
		case 'week':
			return addDays(from, d.amount * 7);
		case 'month':
			return addMonths(from, d.amount);
		case 'year':
			return addMonths(from, d.amount * 12);
	}
}

/**
 * The publication date printed near the top of a page (a dateline: 2020年4月17日 星期五,
 * 2020-04-17), as YYYY-MM-DD; undefined when there is none. Only complete dates count:
 * a month and day alone cannot date a page.
 */
export function publishedFromText(norm: string): string | undefined {
	const head = norm.slice(0, 800);
	let first: string | undefined;
	const re = new RegExp(
		`(${YEAR})\\s?年\\s?(${NUM})\\s?月\\s?(${NUM})\\s?日|((?:19|20)\\d{2})[./-](\\d{1,2})[./-](\\d{1,2})(?![\\d.])`,
		'g'
	);
	for (let m = re.exec(head); m; m = re.exec(head)) {
		const y = parseCnNumber(m[1] ?? m[4]);
		const mo = parseCnNumber(m[2] ?? m[5]);
		const d = parseCnNumber(m[3] ?? m[6]);
		if (y === undefined || mo === undefined || d === undefined) continue;
		const iso = isoDate(y, mo, d);
		if (!iso) continue;
		// A weekday, 出版, 第…期 or 农历 next to it marks the paper's own dateline.
		if (
			/^\s*[((]?(星期|周[一二三四五六日天]|农历|第\s?\d+\s?期|出版)/.test(
				head.slice(m.index + m[0].length, m.index + m[0].length + 8)
			)
		) {
			return iso;
		}
		first ??= m.index < 300 ? iso : undefined;
	}
	return first;
}
