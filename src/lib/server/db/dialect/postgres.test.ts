import { describe, expect, it } from 'vitest';
import { buildMatchQuery } from '../../search/tokenize';
import { openTestDatabase } from '../../../../../tests/helpers/database';
import { indexEntry, matchingIds } from '../../../../../tests/helpers/searchIndex';
import { toTsquery, tsvectorLiteral } from './postgres';

const EMPTY = { title: '', keys: '', body: '', phones: '', pinyin: '' };

describe('toTsquery', () => {
	it('turns phrases, prefixes, AND and OR into tsquery operators', () => {
		expect(toTsquery('"医保" + "保卡"')).toBe("'医保' <-> '保卡'");
		expect(toTsquery('"证"*')).toBe("'证':*");
		expect(toTsquery('("yibao") OR ("yibao"*)')).toBe("( 'yibao' ) | ( 'yibao':* )");
		expect(toTsquery('"医保" AND ("补办" OR "补领")')).toBe("'医保' & ( '补办' | '补领' )");
	});

	it('keeps quotes and backslashes inside a token as text', () => {
		expect(toTsquery('"a""b"')).toBe(`'a"b'`);
		expect(toTsquery(`"it's"`)).toBe(`'it''s'`);
		expect(toTsquery('"a\\b"')).toBe(`'a\\\\b'`);
	});

	it('refuses anything buildMatchQuery never writes', () => {
		expect(() => toTsquery('医保')).toThrow(/unexpected/);
		expect(() => toTsquery('"open')).toThrow(/unterminated/);
		expect(() => toTsquery('NOT "a"')).toThrow(/unexpected/);
	});

	it('translates what buildMatchQuery makes of typed text', () => {
		// A number of 7 or more digits is never a prefix (tokenize.ts); a shorter one is.
		expect(toTsquery(buildMatchQuery('医保卡 0731-2868 电话 0731')!)).toBe(
			"'医保' <-> '保卡' & '07312868' & '电话' & '0731':*"
		);
	});
});

describe('tsvectorLiteral', () => {
	it('numbers tokens in order, weights them by column, and leaves a gap between columns', () => {
		expect(tsvectorLiteral({ ...EMPTY, title: '医保 保卡 卡', body: '卡' })).toBe(
			"'医保':2A '保卡':3A '卡':4A,7D"
		);
		// title 2–3 (A); keys empty; body starts after two empty columns' gaps; phones B.
		expect(tsvectorLiteral({ ...EMPTY, title: 'a b', phones: '073128680000' })).toBe(
			"'a':2A 'b':3A '073128680000':7B"
		);
	});

	it('quotes lexemes and keeps at most 256 positions per lexeme', () => {
		expect(tsvectorLiteral({ ...EMPTY, title: "it's" })).toBe(`'it''s':2A`);
		const literal = tsvectorLiteral({ ...EMPTY, body: Array(300).fill('x').join(' ') });
		expect(literal.split(',')).toHaveLength(256);
	});
});

// On SQLite by default, on PostgreSQL under npm run test:pg: both must agree.
describe('the search index of either database', () => {
	it('matches phrases inside a column, never across two, like FTS5', async () => {
		const { db } = await openTestDatabase();
		try {
			await indexEntry(db, 1, { title: '医保', keys: '保卡' });
			await indexEntry(db, 2, { body: '医保 保卡 卡' });
			const phrase = buildMatchQuery('医保卡')!;
			expect(await matchingIds(db, phrase)).toEqual([2]);
			expect((await matchingIds(db, buildMatchQuery('保')!)).sort()).toEqual([1, 2]);
		} finally {
			await db.destroy();
		}
	});
});
