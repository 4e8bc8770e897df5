import { describe, expect, it } from 'vitest';
import { addDays, fromBeijing, hasPassed, nowInBeijing, today } from './clock';

describe('clock (Beijing time)', () => {
	it('today turns over at midnight Beijing, which is 16:00 UTC the day before', () => {
		expect(today(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
		expect(today(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
		// Midnight UTC is already 08:00 in Beijing: no turn-over there.
		expect(today(new Date('2026-11-30T23:59:59Z'))).toBe('2026-12-01');
		expect(today(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
	});

	it('reads the wall clock to the minute', () => {
		expect(nowInBeijing(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01T00:05');
	});

	it('a date-only deadline lasts its whole Beijing day', () => {
		// 2026-11-30 23:30 Beijing: the 30th is still open.
		expect(hasPassed('2026-11-30', new Date('2026-11-30T15:30:00Z'))).toBe(false);
		// 00:30 Beijing on 12-01 (still 11-30 in UTC): closed.
		expect(hasPassed('2026-11-30', new Date('2026-11-30T16:30:00Z'))).toBe(true);
	});

	it('a deadline with a time passes at that minute', () => {
		expect(hasPassed('2026-11-30T09:30', new Date('2026-11-30T01:29:00Z'))).toBe(false);
		expect(hasPassed('2026-11-30T09:30', new Date('2026-11-30T01:30:00Z'))).toBe(true);
	});

	it('adds calendar days across months and leap days', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
		expect(addDays('2025-01-10', 60)).toBe('2025-03-11');
	});

	it('converts Beijing wall-clock readings to instants', () => {
		expect(fromBeijing('2024-11-05T09:30').toISOString()).toBe('2024-11-05T01:30:00.000Z');
		expect(fromBeijing('2024-11-05').toISOString()).toBe('2024-11-04T16:00:00.000Z');
	});
});
