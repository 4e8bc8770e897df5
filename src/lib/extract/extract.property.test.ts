/**
 * Hostile input for the extractor: arbitrary strings must never make it throw, every record's
 * offsets must stay inside the text, and pathological pages must not make it hang (a regex that
 * backtracks catastrophically, or a scan that goes quadratic, would stall an import).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from './index';
import { KINDS, type ExtractedRecord } from './types';

const OPTIONS = { source: 'hostile.txt', published: '2024-11-05' };

function splitsPair(text: string, at: number): boolean {
	const high = text.charCodeAt(at - 1);
	const low = text.charCodeAt(at);
	return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** The contract every result must keep, whatever the text. */
function checkRecords(text: string, records: ExtractedRecord[]): void {
	for (const r of records) {
		const { start, end } = r.source;
		expect(Number.isInteger(start) && Number.isInteger(end), 'integer offsets').toBe(true);
		expect(start).toBeGreaterThanOrEqual(0);
		expect(start).toBeLessThan(end);
		expect(end).toBeLessThanOrEqual(text.length);
		// A span never cuts an emoji or a rare character (surrogate pair) in two.
		expect(splitsPair(text, start) || splitsPair(text, end), 'span splits a pair').toBe(false);
		expect(r.source.file).toBe(OPTIONS.source);
		expect(KINDS).toContain(r.kind);
		expect(typeof r.title === 'string' && r.title.length > 0, 'a title').toBe(true);
		expect(r.confidence >= 0 && r.confidence <= 1, `confidence ${r.confidence}`).toBe(true);
	}
}

/** Pieces of real notices, to reach deep into the parsers rather than bounce off at the start. */
const NOTICE_PIECES = [
	'遗失',
	'不慎遗失',
	'声明作废',
	'声明',
	'作废',
	'居民身份证',
	'身份证',
	'证号',
	'430203199001011234',
	'43020319900101123X',
	'营业执照正本',
	'统一社会信用代码',
	'91430200MA4L123456',
	'电话',
	'联系电话：',
	'服务热线',
	'0731-28681662',
	'(0731)2868 1662',
	'13307330000',
	'12345',
	'寻亲',
	'寻亲启事',
	'走失',
	'救助站',
	'报名',
	'报名截止',
	'截止',
	'2024年11月5日',
	'11月5日',
	'2024-11-05',
	'上午9时',
	'地点：',
	'张三',
	'荷塘区',
	'拾到',
	'失物招领',
	'男',
	'约70岁',
	'，',
	'。',
	'：',
	':',
	'、',
	'（',
	'）',
	'(',
	')',
	'①',
	'1.',
	'\n',
	'\r\n',
	'\n\n',
	' ',
	'　',
	'\t',
	'0',
	'9',
	'年',
	'月',
	'日',
	'號',
	'電話',
	'聲明作廢',
	'\u0000',
	'\u200b',
	'😀',
	'\ud800',
	'𠀀',
	'👨‍👩‍👧'
];

const noticeLike = fc.string({ unit: fc.constantFrom(...NOTICE_PIECES), maxLength: 80 });

/** Runs the contract over `numRuns` generated texts; returns how many records they produced. */
function property(arbitrary: fc.Arbitrary<string>, numRuns: number): number {
	let runs = 0;
	let records = 0;
	fc.assert(
		fc.property(arbitrary, (text) => {
			const found = extract(text, OPTIONS);
			checkRecords(text, found);
			runs++;
			records += found.length;
		}),
		{ numRuns }
	);
	// Every generated text went through (and random text mostly yields no record at all).
	expect(runs).toBe(numRuns);
	return records;
}

beforeAll(() => {
	// The first call loads the traditional→simplified dictionaries: not part of any timing.
	extract('预热', OPTIONS);
});

describe('extract() on arbitrary strings', () => {
	it('never throws and keeps offsets in bounds: ASCII-ish strings', () => {
		property(fc.string({ maxLength: 200 }), 1000);
	});

	it('… any Unicode graphemes', () => {
		property(fc.string({ unit: 'grapheme', maxLength: 200 }), 1000);
	});

	it('… any code points, lone surrogates included', () => {
		property(fc.string({ unit: 'binary', maxLength: 200 }), 1000);
	});

	it('… strings made of notice keywords, numbers, punctuation and line breaks', () => {
		// The generator reaches the parsers: a good share of these texts yield records to check.
		expect(property(noticeLike, 3000)).toBeGreaterThan(100);
	});

	it('… whole notices with hostile noise spliced in', () => {
		const notice =
			'张三不慎遗失居民身份证，证号430203199001011234，声明作废。\n联系电话：13307330000\n';
		const records = property(
			fc
				.tuple(
					fc.nat({ max: notice.length }),
					noticeLike,
					fc.string({ unit: 'binary', maxLength: 20 })
				)
				.map(([at, a, b]) => notice.slice(0, at) + a + b + notice.slice(at)),
			1000
		);
		expect(records).toBeGreaterThan(500);
	});
});

/** Seconds are a safety net against runaway regexes and quadratic scans, not a benchmark. */
const BOUND_MS = 2000;
const KB100 = 100_000;
const fill = (unit: string, length = KB100) =>
	unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const PATHOLOGICAL: Record<string, string> = {
	'100 KB of digits': fill('1'),
	'100 KB of digit groups with spaces': fill('0731 '),
	'100 KB of phone numbers without breaks': fill('0731-28681662'),
	'repeated 声明作废': fill('声明作废'),
	'repeated 电话': fill('电话'),
	'repeated 电话：1': fill('电话：1'),
	'repeated 报名截止': fill('报名截止'),
	'100 KB of spaces': fill(' '),
	'100 KB of newlines': fill('\n'),
	'100 KB of CRLF and blank lines': fill('\r\n \r\n'),
	'100 KB of mixed whitespace': fill(' \n\t\r\u3000'),
	"50k '('": fill('(', 50_000),
	"50k '（'": fill('（', 50_000),
	"50k '(' then digits": fill('(', 50_000) + '0731',
	'100 KB of colons': fill('：'),
	'100 KB of dates': fill('2024年11月5日'),
	'100 KB of one Chinese line': fill('株洲日报讯'),
	'hotline lines': fill('服务热线：0731-28681662\n'),
	'ID numbers back to back': fill('430203199001011234'),
	'one huge word with a notice at the end': fill('a') + '张三遗失身份证，声明作废。'
};

/**
 * Long paragraphs without line breaks, full of notice words: these once grew quadratically
 * with the paragraph's length (8.7 s for 100 KB of '遗失身份证声明作废。'), as the notice
 * parsers scanned back and forth to line and paragraph breaks from every candidate.
 */
const LONG_PARAGRAPHS: Record<string, string> = {
	'repeated 遗失身份证声明作废。': fill('遗失身份证声明作废。'),
	'repeated 遗失': fill('遗失'),
	'repeated 寻亲': fill('寻亲')
};

describe('extract() on pathological pages finishes quickly', () => {
	for (const [name, text] of Object.entries(PATHOLOGICAL)) {
		it(`${name} (${text.length} chars) under ${BOUND_MS} ms`, () => {
			const started = performance.now();
			const records = extract(text, OPTIONS);
			const ms = performance.now() - started;
			checkRecords(text, records);
			expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
		});
	}
	for (const [name, text] of Object.entries(LONG_PARAGRAPHS)) {
		it(`${name} (${text.length} chars) under ${BOUND_MS} ms`, () => {
			const started = performance.now();
			checkRecords(text, extract(text, OPTIONS));
			expect(performance.now() - started).toBeLessThan(BOUND_MS);
		});
	}
});
