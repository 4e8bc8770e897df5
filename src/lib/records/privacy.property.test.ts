/**
 * Whatever way an ID number is printed — full-width or ASCII digits, split by spaces, hyphens or
 * line breaks, glued to letters or to other digits — its birth date never survives masking.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snippet, segmentsToText } from './highlight';
import { maskPersonalNumbers } from './privacy';
import {
	digitsOnly,
	printedId,
	surrounding,
	surroundingWithDigits
} from '../../../tests/helpers/privacyArbitraries';

describe('maskPersonalNumbers on randomly printed ID numbers', () => {
	it('hides characters 7–14 and keeps the first 6 and last 4, separators kept in place', () => {
		fc.assert(
			fc.property(surrounding, printedId, surrounding, (before, printed, after) => {
				const text = before + printed.text + after;
				const masked = maskPersonalNumbers(text);
				expect(masked).toHaveLength(text.length);
				printed.positions.forEach((p, k) => {
					const at = before.length + p;
					if (k >= 6 && k < 14) expect(masked[at]).toBe('*');
					else expect(masked[at]).toBe(text[at]);
				});
				expect(digitsOnly(masked)).not.toContain(printed.id.slice(6, 14));
			}),
			{ numRuns: 2000 }
		);
	});

	it('never shows the birth date when digits are glued to the number', () => {
		fc.assert(
			fc.property(surroundingWithDigits, printedId, surroundingWithDigits, (a, printed, b) => {
				const masked = maskPersonalNumbers(a + printed.text + b);
				printed.positions.forEach((p, k) => {
					if (k >= 6 && k < 14) expect(masked[a.length + p]).toBe('*');
				});
			}),
			{ numRuns: 2000 }
		);
	});

	it('snippets cut anywhere around the number show no part of its birth date', () => {
		fc.assert(
			fc.property(
				surrounding,
				printedId,
				surrounding,
				fc.integer({ min: 20, max: 60 }),
				fc.constantFrom('声明', '遗失', '作废', '号码', 'NO'),
				(before, printed, after, length, query) => {
					const text = '遗失声明' + before + printed.text + after + '声明作废';
					const shown = segmentsToText(snippet(text, query, length));
					// A window shows at most 6 + 4 digits of the number, never its middle eight.
					const digits = digitsOnly(shown);
					expect(digits.length).toBeLessThanOrEqual(10);
					expect(digits).not.toContain(printed.id.slice(6, 14));
				}
			),
			{ numRuns: 1000 }
		);
	});
});
