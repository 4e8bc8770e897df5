import { describe, expect, it } from 'vitest';
import { parseListQuery, parsePage, parseSearchQuery } from './listQuery';

describe('parsePage', () => {
	it('takes a positive whole number and nothing else (the first page then)', () => {
		expect(parsePage('3')).toBe(3);
		expect(parsePage(' 12 ')).toBe(12);
		for (const raw of [null, '', 'abc', '0', '-1', '1.5', '2e3', '1234567890', '３'])
			expect(parsePage(raw), String(raw)).toBeUndefined();
	});
});

describe('parseListQuery', () => {
	it('ignores a bad page silently, but names a bad filter', () => {
		const { query, dropped } = parseListQuery(
			new URLSearchParams('page=abc&from=2024-13-01&since=2024-11-05&open=1&district=天元区')
		);
		expect(query).toEqual({ since: '2024-11-05', open: '1', district: '天元区' });
		expect(dropped).toEqual(['from']);
	});
});

describe('parseSearchQuery', () => {
	it('keeps a good kind when the page is bad, and cuts an over-long query', () => {
		expect(parseSearchQuery(new URLSearchParams('q=医保&kind=hotline&page=abc'))).toEqual({
			q: '医保',
			kind: 'hotline',
			page: undefined
		});
		const long = parseSearchQuery(new URLSearchParams({ q: '证'.repeat(300), kind: 'nope' }));
		expect(long.q).toHaveLength(200);
		expect(long.kind).toBeUndefined();
	});
});
