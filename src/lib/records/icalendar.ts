/**
 * Events as iCalendar (RFC 5545) text, for 加入手机日历 and the /events.ics feed.
 *
 * Written here rather than with the `ics` package because that package wrote Beijing times as
 * UTC (09:30 → T093000Z, shown as 17:30 on a phone in China), mixed date-only ends with timed
 * starts and did not fold long lines. Times are local to Asia/Shanghai with a VTIMEZONE
 * (fixed +08:00, no daylight saving); all-day events use VALUE=DATE with an exclusive end.
 */
import { addDays, passedAt } from '../clock';

export interface CalendarEvent {
	uid: string;
	title: string;
	/** YYYY-MM-DD (all day) or YYYY-MM-DDTHH:mm, Beijing time. */
	start: string;
	/** Same forms; inclusive for dates (an event ending on the 5th lasts the 5th). */
	end?: string;
	description?: string;
	location?: string;
	url?: string;
}

/** The event's day(s) and times, as stored on an event record. */
export interface EventDates {
	startsOn?: string | null;
	endsOn?: string | null;
	deadline?: string | null;
}

/** When the record stops being useful in a calendar: its last date, or its deadline. */
export function eventLastMoment(d: EventDates): string | undefined {
	return d.endsOn ?? d.startsOn ?? d.deadline ?? undefined;
}

/** Offer 加入手机日历 only while the event (or the sign-up, for a deadline-only notice) is ahead. */
export function isCalendarOpen(d: EventDates, beijingNow: string): boolean {
	const last = eventLastMoment(d);
	return last !== undefined && !passedAt(last, beijingNow);
}

/**
 * The calendar entry of an event record: the event itself when it has a start date, otherwise
 * its registration deadline (titled 报名截止), so the reminder is still useful.
 */
export function calendarEventOf(
	record: { id: number; title: string } & EventDates,
	extra: { description?: string; location?: string; url?: string }
): CalendarEvent | undefined {
	if (record.startsOn) {
		return {
			uid: `record-${record.id}@bianmin`,
			title: record.title,
			start: record.startsOn,
			...(record.endsOn ? { end: record.endsOn } : {}),
			...extra
		};
	}
	if (record.deadline) {
		return {
			uid: `record-${record.id}-deadline@bianmin`,
			title: `报名截止：${record.title}`,
			start: record.deadline,
			...extra
		};
	}
	return undefined;
}

const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Asia/Shanghai',
	'BEGIN:STANDARD',
	'DTSTART:19700101T000000',
	'TZOFFSETFROM:+0800',
	'TZOFFSETTO:+0800',
	'TZNAME:CST',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
function text(value: string): string {
	return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

const isDate = (v: string) => v.length === 10;
const compact = (v: string) => v.replace(/-/g, '').replace(':', '');

function dateLine(name: string, value: string): string {
	return isDate(value)
		? `${name};VALUE=DATE:${compact(value)}`
		: `${name};TZID=Asia/Shanghai:${compact(value.slice(0, 16))}00`;
}

/** Two hours later, on the wall clock (events printed with a start time but no end). */
function twoHoursLater(start: string): string {
	const [date, time] = start.split('T');
	const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + 120;
	if (minutes >= 24 * 60) return `${date}T23:59`;
	const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
	const mm = String(minutes % 60).padStart(2, '0');
	return `${date}T${hh}:${mm}`;
}

/** DTSTART and DTEND of the same value type, as RFC 5545 requires. */
function timeLines(e: CalendarEvent): string[] {
	if (isDate(e.start)) {
		// All day: the end is exclusive, the day after the last day.
		const last = e.end ? e.end.slice(0, 10) : e.start;
		const end = addDays(last >= e.start ? last : e.start, 1);
		return [dateLine('DTSTART', e.start), dateLine('DTEND', end)];
	}
	let end = e.end ?? twoHoursLater(e.start);
	// A timed start with a date-only end lasts to the end of that day.
	if (isDate(end)) end = `${end}T23:59`;
	if (end <= e.start) end = twoHoursLater(e.start);
	return [dateLine('DTSTART', e.start), dateLine('DTEND', end)];
}

/**
 * Fold a content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space, and
 * a UTF-8 character is never split (Chinese takes 3 octets).
 */
export function fold(line: string): string {
	const encoder = new TextEncoder();
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const n = encoder.encode(ch).length;
		const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
		if (octets + n > limit) {
			out.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += n;
	}
	out.push(current);
	return out.join('\r\n ');
}

/** A VCALENDAR with the given events; `stamp` is the DTSTAMP (UTC, YYYYMMDDTHHMMSSZ). */
export function toICalendar(events: readonly CalendarEvent[], stamp: Date, name?: string): string {
	const dtstamp = stamp.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Bianmin//便民//ZH',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...(name ? [`X-WR-CALNAME:${text(name)}`] : []),
		'X-WR-TIMEZONE:Asia/Shanghai',
		...VTIMEZONE
	];
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}`,
			`DTSTAMP:${dtstamp}`,
			...timeLines(e),
			`SUMMARY:${text(e.title)}`,
			...(e.description ? [`DESCRIPTION:${text(e.description)}`] : []),
			...(e.location ? [`LOCATION:${text(e.location)}`] : []),
			...(e.url ? [`URL:${e.url}`] : []),
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
