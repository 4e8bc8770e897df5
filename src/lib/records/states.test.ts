import { describe, expect, it } from 'vitest';
import { nowInBeijing } from '../clock';
import { recordStates } from './states';

const labels = (...args: Parameters<typeof recordStates>) =>
	recordStates(...args).map((s) => s.label);

describe('recordStates', () => {
	const base = { status: 'published', deadline: null, dateStart: null, dateEnd: null };

	it('names a resolved notice the same way for its kind everywhere', () => {
		expect(labels({ ...base, kind: 'lost_found', status: 'resolved' }, '2026-01-01T00:00')).toEqual(
			['已认领']
		);
		expect(
			labels({ ...base, kind: 'family_search', status: 'resolved' }, '2026-01-01T00:00')
		).toEqual(['已找到']);
	});

	it('lets a 公告期 run out by itself on Beijing time', () => {
		const notice = { ...base, kind: 'family_search' as const, dateEnd: '2025-04-06' };
		// 2025-04-06 23:59 Beijing (15:59 UTC): the last day is still running.
		expect(labels(notice, nowInBeijing(new Date('2025-04-06T15:59:00Z')))).toEqual([
			'公告期至 2025年4月6日'
		]);
		// 2025-04-07 00:00 Beijing is still 2025-04-06 in UTC: the 公告期 is over all the same.
		expect(labels(notice, nowInBeijing(new Date('2025-04-06T16:00:00Z')))).toEqual(['公告期已满']);
		expect(labels(notice, '2026-11-30T10:00')).toEqual(['公告期已满']);
	});

	it('closes an event sign-up after its deadline and the event after its last day', () => {
		const event = {
			...base,
			kind: 'event' as const,
			deadline: '2026-05-01T17:00',
			dateStart: '2026-05-10'
		};
		expect(labels(event, '2026-05-01T16:59')).toEqual(['报名截止 2026年5月1日 17:00']);
		expect(labels(event, '2026-05-01T17:00')).toEqual(['报名已截止']);
		expect(labels(event, '2026-05-10T23:59')).toEqual(['报名已截止']);
		expect(labels(event, '2026-05-11T00:00')).toEqual(['活动已结束']);
		expect(labels({ ...event, dateEnd: '2026-05-12' }, '2026-05-11T00:00')).toEqual(['报名已截止']);
	});

	it('has nothing to say about a plain published hotline', () => {
		expect(labels({ ...base, kind: 'hotline' }, '2026-01-01T00:00')).toEqual([]);
	});
});
