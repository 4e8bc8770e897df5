import { describe, expect, it } from 'vitest';
import { appendOcrTsv, joinWords, PageTextBuilder, regionFor, type PageLine } from './layout';

const header =
	'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (b: number, p: number, l: number, n: number, box: number[], text: string) =>
	`5\t1\t${b}\t${p}\t${l}\t${n}\t${box.join('\t')}\t91.5\t${text}`;

describe('joinWords', () => {
	it('joins Chinese characters without spaces and keeps spaces between Latin words', () => {
		expect(joinWords(['遗失', '声明'])).toBe('遗失声明');
		expect(joinWords(['电话', '13974100001', '（', '李'])).toBe('电话13974100001（李');
		expect(joinWords(['No.', '0731'])).toBe('No. 0731');
	});
});

describe('appendOcrTsv', () => {
	it('builds lines, paragraphs and boxes whose offsets index the text', () => {
		const tsv = [
			header,
			'1\t1\t0\t0\t0\t0\t0\t0\t800\t900\t-1\t',
			word(1, 1, 1, 1, [28, 35, 53, 26], '遗失'),
			word(1, 1, 1, 2, [92, 35, 42, 27], '声明'),
			word(1, 1, 2, 1, [29, 94, 185, 18], '王小明'),
			word(1, 1, 2, 2, [220, 90, 60, 22], '遗失'),
			word(2, 1, 1, 1, [30, 146, 24, 25], '寻'),
			word(2, 1, 1, 2, [64, 145, 17, 27], '物')
		].join('\n');
		const b = new PageTextBuilder();
		appendOcrTsv(b, tsv, 1);
		expect(b.text).toBe('遗失声明\n王小明遗失\n\n寻物');
		expect(b.lines.map((l) => b.text.slice(l.start, l.end))).toEqual([
			'遗失声明',
			'王小明遗失',
			'寻物'
		]);
		// Union of the words' boxes: from x 28 to 134, y 35 to 62.
		expect(b.lines[0]).toMatchObject({ page: 1, x: 28, y: 35, w: 106, h: 27 });
		expect(b.lines[1]).toMatchObject({ x: 29, y: 90, w: 251, h: 22 });
	});
});

describe('regionFor', () => {
	const lines: PageLine[] = [
		{ start: 0, end: 4, page: 1, x: 100, y: 100, w: 200, h: 20 },
		{ start: 5, end: 30, page: 1, x: 100, y: 130, w: 400, h: 20 },
		{ start: 32, end: 40, page: 1, x: 600, y: 100, w: 200, h: 20 },
		{ start: 42, end: 60, page: 2, x: 10, y: 10, w: 300, h: 20 }
	];
	it('unites the lines a passage touches, padded', () => {
		expect(regionFor(lines, 0, 30, 5)).toEqual({ page: 1, x: 95, y: 95, w: 410, h: 60 });
	});
	it('stays on the page that holds most of the passage', () => {
		expect(regionFor(lines, 35, 60, 0)).toEqual({ page: 2, x: 10, y: 10, w: 300, h: 20 });
	});
	it('never pads past the top left corner, and is null where no line is', () => {
		expect(regionFor(lines, 42, 43, 20)).toEqual({ page: 2, x: 0, y: 0, w: 330, h: 50 });
		expect(regionFor(lines, 30, 32)).toBeNull();
	});
});
