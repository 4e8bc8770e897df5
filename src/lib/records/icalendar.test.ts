import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarEventOf, fold, isCalendarOpen, toICalendar } from './icalendar';

const STAMP = new Date('2026-11-30T02:00:00Z');

/** Parse with Mozilla's ical.js (what Thunderbird uses) and return the events as it reads them. */
function parse(ics: string) {
	const cal = new ICAL.Component(ICAL.parse(ics));
	for (const tz of cal.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	}
	return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar', () => {
	it('writes a Beijing 09:30 start as 09:30 Asia/Shanghai, i.e. 01:30 UTC', () => {
		const ics = toICalendar(
			[{ uid: 'a@b', title: '社区义诊', start: '2026-12-05T09:30', end: '2026-12-05T11:00' }],
			STAMP
		);
		expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261205T093000');
		const [e] = parse(ics);
		expect(e.startDate.toJSDate().toISOString()).toBe('2026-12-05T01:30:00.000Z');
		expect(e.endDate.toJSDate().toISOString()).toBe('2026-12-05T03:00:00.000Z');
		expect(e.summary).toBe('社区义诊');
	});

	it('all-day events are dates on both ends, the end exclusive', () => {
		const ics = toICalendar(
			[{ uid: 'x', title: '书展', start: '2026-12-05', end: '2026-12-07' }],
			STAMP
		);
		expect(ics).toContain('DTSTART;VALUE=DATE:20261205');
		expect(ics).toContain('DTEND;VALUE=DATE:20261208');
		expect(ics).not.toContain('DURATION');
		const [e] = parse(ics);
		expect(e.startDate.isDate).toBe(true);
		expect(e.endDate.isDate).toBe(true);
		expect(e.endDate.toString()).toBe('2026-12-08');
	});

	it('a timed start with a date-only end ends that day, never a mixed pair', () => {
		const ics = toICalendar(
			[{ uid: 'x', title: 't', start: '2026-12-05T14:00', end: '2026-12-06' }],
			STAMP
		);
		expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20261206T235900');
	});

	it('folds lines at 75 octets without splitting a character, and unfolds to the same text', () => {
		const title =
			'株洲市第十二届全民健身运动会暨社区广场舞大赛报名通知（荷塘区、芦淞区、石峰区、天元区）';
		const ics = toICalendar([{ uid: 'x', title, start: '2026-12-05', location: 'a;b,c' }], STAMP);
		for (const line of ics.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
		const [e] = parse(ics);
		expect(e.summary).toBe(title);
		expect(e.location).toBe('a;b,c');
	});

	it('fold keeps short lines as they are', () => {
		expect(fold('SUMMARY:abc')).toBe('SUMMARY:abc');
	});

	it('a notice with only a deadline becomes a 报名截止 reminder; none without dates', () => {
		expect(calendarEventOf({ id: 3, title: '征文', deadline: '2026-12-10' }, {})?.title).toBe(
			'报名截止：征文'
		);
		expect(calendarEventOf({ id: 3, title: '征文' }, {})).toBeUndefined();
	});

	it('is offered only until the event has ended (Beijing time)', () => {
		const d = { startsOn: '2026-12-05', endsOn: '2026-12-06' };
		expect(isCalendarOpen(d, '2026-12-06T23:59')).toBe(true);
		expect(isCalendarOpen(d, '2026-12-07T00:00')).toBe(false);
		expect(isCalendarOpen({ deadline: '2026-12-01T17:00' }, '2026-12-01T17:00')).toBe(false);
		expect(isCalendarOpen({}, '2026-12-01T00:00')).toBe(false);
	});
});
