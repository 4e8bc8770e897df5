import { describe, expect, it } from 'vitest';
import { lineSeparator } from './read';

describe('lineSeparator', () => {
	// [x0, y0, x1, y1] in PDF points: a 20 pt line at y 100.
	const line = [20, 100, 400, 120] as [number, number, number, number];
	it('joins a wrapped line just below in the same column with a newline', () => {
		expect(lineSeparator(line, [20, 128, 300, 148])).toBe('\n');
	});
	it('separates a line after a gap, in another column or back up the page by a blank line', () => {
		expect(lineSeparator(line, [20, 150, 300, 170])).toBe('\n\n');
		expect(lineSeparator(line, [420, 128, 700, 148])).toBe('\n\n');
		expect(lineSeparator(line, [20, 40, 300, 60])).toBe('\n\n');
	});
});
