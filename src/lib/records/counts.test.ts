import { describe, expect, it } from 'vitest';
import { approximately } from './counts';

describe('approximately', () => {
	it('reads counts below 10,000 as digits', () => {
		expect(approximately(860)).toBe('约 860');
		expect(approximately(2300)).toBe('约 2300');
	});

	it('reads larger counts in 万, with one decimal below 10 万', () => {
		expect(approximately(10_000)).toBe('约 1 万');
		expect(approximately(12_000)).toBe('约 1.2 万');
		expect(approximately(96_000)).toBe('约 9.6 万');
		expect(approximately(450_000)).toBe('约 45 万');
	});
});
