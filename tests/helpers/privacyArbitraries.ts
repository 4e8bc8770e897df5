/**
 * fast-check generators for the privacy property tests: ID numbers as a newspaper might print
 * them (any width, split by spaces, hyphens or line breaks), inside random text. Test-only.
 */
import fc from 'fast-check';

/** A plausible 18-character ID: region, birth date (1930–2010), sequence, check digit or X. */
export const idNumber = fc
	.record({
		region: fc.integer({ min: 110000, max: 659999 }),
		born: fc.date({
			min: new Date('1930-01-01T00:00:00Z'),
			max: new Date('2010-12-31T00:00:00Z'),
			noInvalidDate: true
		}),
		sequence: fc.integer({ min: 0, max: 999 }),
		check: fc.constantFrom(...'0123456789X')
	})
	.map(
		({ region, born, sequence, check }) =>
			String(region) +
			born.toISOString().slice(0, 10).replaceAll('-', '') +
			String(sequence).padStart(3, '0') +
			check
	);

const SEPARATORS = [' ', '-', '\n', '\r\n', '\u3000', '–', '  ', ' \n'];
const FULL_WIDTH: Record<string, string> = { X: 'Ｘ', x: 'ｘ' };

/** One way of printing an ID: each character ASCII or full-width, separators between some. */
export interface PrintedId {
	id: string;
	text: string;
	/** Index in `text` of each of the 18 characters. */
	positions: number[];
}

export const printedId: fc.Arbitrary<PrintedId> = idNumber.chain((id) =>
	fc
		.tuple(
			fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
			fc.array(fc.option(fc.constantFrom(...SEPARATORS), { freq: 4 }), {
				minLength: 17,
				maxLength: 17
			}),
			fc.boolean()
		)
		.map(([wide, gaps, lowerX]) => {
			let text = '';
			const positions: number[] = [];
			for (let k = 0; k < 18; k++) {
				let c = id[k];
				if (c === 'X' && lowerX) c = 'x';
				if (wide[k]) c = FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0);
				positions.push(text.length);
				text += c;
				if (k < 17 && gaps[k]) text += gaps[k];
			}
			return { id, text, positions };
		})
);

/** Text around a number: Chinese, letters, punctuation, spaces and line breaks — no digits. */
export const surrounding = fc.string({
	unit: fc.constantFrom(...'遗失声明作废身份证号码残疾证陈王 NOXxab，。：:()\n\t-—·'),
	maxLength: 12
});

/** The same, digits allowed: a number glued to other numbers. */
export const surroundingWithDigits = fc.string({
	unit: fc.constantFrom(...'遗失声明号 NO，。\n-0123456789'),
	maxLength: 8
});

/** Digits as ASCII, separators and spaces removed: what a reader could type back. */
export function digitsOnly(text: string): string {
	return text
		.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/[^0-9]/g, '');
}
