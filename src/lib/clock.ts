/**
 * The one clock: every "today", deadline, 公告期 and "upcoming" in Bianmin is decided here, in
 * Beijing time (Asia/Shanghai). China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact and needs no time-zone database. Functions take `now` so tests pin it.
 */

export const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;

/** The wall-clock reading in Beijing as YYYY-MM-DDTHH:mm:ss. */
function beijing(now: Date): string {
	return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 19);
}

/** Today's date in Beijing (YYYY-MM-DD). From 00:00 to 08:00 Beijing this is a day ahead of UTC. */
export function today(now: Date = new Date()): string {
	return beijing(now).slice(0, 10);
}

/** The Beijing wall-clock time to the minute (YYYY-MM-DDTHH:mm), the form records store. */
export function nowInBeijing(now: Date = new Date()): string {
	return beijing(now).slice(0, 16);
}

/**
 * YYYY-MM-DD plus `days` (negative to go back), in calendar days. Pure date arithmetic, not a
 * reading of the clock: the date is held at UTC midnight only so that no zone shifts it.
 */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.slice(0, 10).split('-').map(Number);
	const day = new Date(Date.UTC(y, m - 1, d + days));
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/**
 * Whether a deadline, 公告期 end or event end has passed. A date without a time lasts the whole
 * day (报名截止 11月5日 is still open at 23:59 that day); a date with a time passes at that minute.
 */
export function hasPassed(when: string, now: Date = new Date()): boolean {
	return passedAt(when, nowInBeijing(now));
}

/** `hasPassed` against a Beijing reading already taken (pages read the clock once per request). */
export function passedAt(when: string, beijingNow: string): boolean {
	if (when.length <= 10) return when < beijingNow.slice(0, 10);
	return when.slice(0, 16) <= beijingNow.slice(0, 16);
}

/** The instant (UTC) of a Beijing wall-clock reading: 2024-11-05T09:30 → 2024-11-05T01:30Z. */
export function fromBeijing(local: string): Date {
	const withTime = local.length <= 10 ? `${local}T00:00` : local.slice(0, 16);
	return new Date(`${withTime}:00+08:00`);
}
