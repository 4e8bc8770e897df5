import { describe, expect, it } from 'vitest';
import { publicationDate } from './published';

const DATELINE = '株洲日报  2024年11月5日  星期二\n遗失声明……';

describe('publicationDate', () => {
	it('takes the manifest first, then the given date, then the dateline, then today', () => {
		const now = new Date('2026-11-30T17:00:00Z'); // 01:00 on 12-01 in Beijing
		expect(
			publicationDate({ manifest: '2024-01-02', given: '2024-03-04', text: DATELINE }, now)
		).toEqual({
			date: '2024-01-02',
			from: 'manifest'
		});
		expect(publicationDate({ given: '2024-03-04', text: DATELINE }, now)).toEqual({
			date: '2024-03-04',
			from: 'given'
		});
		expect(publicationDate({ text: DATELINE }, now)).toEqual({
			date: '2024-11-05',
			from: 'dateline'
		});
		expect(publicationDate({ text: '没有日期的一页' }, now)).toEqual({
			date: '2026-12-01',
			from: 'today'
		});
	});
});
