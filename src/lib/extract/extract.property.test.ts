/**
 * Hostile input for the extractor: arbitrary strings must never make it throw, every record's
 * offsets must stay inside the text, and pathological pages (worstCases.ts) must yield a valid
 * result. How fast they go is measured by `npm run bench`, not here.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from './index';
import { type ExtractedRecord } from '../records/types';
import { KINDS } from '../records/kinds';
import { HUGE_LIST_ENTRIES, WORST_CASES, hotlineList } from './worstCases';

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
	'0731-28683507',
	'(0731)2868 3507',
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
		// The generator reaches the parsers: a good share of these texts yield records to check
		// (98–121 records over six random seeds; 50 leaves room for chance, not for a parser
		// that stopped reading these pieces).
		expect(property(noticeLike, 3000)).toBeGreaterThan(50);
	});

	it('… and the texts these properties once failed on', () => {
		// A label printed after its number (…28683507声明服务热线12345…) gave a passage that
		// ended where it started.
		for (const text of ['0731-28683507声明服务热线12345(0731)2868 3507居民身份证(0731)2868 3507'])
			checkRecords(text, extract(text, OPTIONS));
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

describe('extract() survives pages built to make it hang (see worstCases.ts)', () => {
	for (const [name, text] of Object.entries(WORST_CASES)) {
		it(`${name} (${text.length} chars)`, () => {
			let records: ExtractedRecord[] = [];
			expect(() => (records = extract(text, OPTIONS))).not.toThrow();
			checkRecords(text, records);
		});
	}

	it(`a list of ${HUGE_LIST_ENTRIES.toLocaleString('en')} hotlines yields every one of them`, () => {
		const text = hotlineList(HUGE_LIST_ENTRIES);
		const records = extract(text, OPTIONS);
		expect(records).toHaveLength(HUGE_LIST_ENTRIES);
		expect(new Set(records.map((r) => r.phones[0]?.number)).size).toBe(HUGE_LIST_ENTRIES);
		const last = records.at(-1)!;
		expect(text.slice(last.source.start, last.source.end)).toBe(text.split('\n').at(-1));
	});
});
