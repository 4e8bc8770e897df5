/**
 * Hostile input for query understanding: whatever a person types, the expression built from
 * the understood terms is null or an expression the database runs (FTS5 on SQLite, tsquery on
 * PostgreSQL when DATABASE_URL is set), and understanding never throws.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { indexEntry, matchingIds } from '../../../../tests/helpers/searchIndex';
import { searchEntryValues } from './index';
import { matchFor, splitTerm, understand } from './understand';

const PIECES = [
	'"',
	'*',
	'-',
	':',
	'(',
	')',
	'^',
	'+',
	'{',
	'}',
	'NEAR(',
	'AND',
	'OR',
	'NOT',
	'pinyin:',
	'title:',
	'+86',
	'0086',
	'86',
	'139 7415 8263',
	'医保',
	'电话',
	'怎么办',
	'丢了',
	'的',
	'身份证',
	'yibao',
	'gong ji',
	'醫',
	' ',
	'\u0000',
	'😀',
	'\ud800'
];

let db: DB;

beforeAll(async () => {
	({ db } = await openTestDatabase());
	const v = searchEntryValues({
		title: '医保政策咨询电话',
		keys: '株洲市医疗保障局',
		body: '遗失居民身份证 怎么办',
		phones: [{ number: '13974158263' }],
		organization: '株洲市医疗保障局'
	});
	await indexEntry(db, 1, v);
});
afterAll(() => db.destroy());

describe('understand on arbitrary strings', () => {
	it('never throws, and its expression (and its split terms) always runs', async () => {
		const arbitrary = fc.oneof(
			fc.string({ maxLength: 60 }),
			fc.string({ unit: 'grapheme', maxLength: 30 }),
			fc.string({ unit: 'binary', maxLength: 30 }),
			fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 20 })
		);
		let ran = 0;
		await fc.assert(
			fc.asyncProperty(arbitrary, async (q) => {
				const { terms } = understand(q);
				const expression = matchFor(terms);
				if (expression !== null) {
					await matchingIds(db, expression);
					ran++;
				}
				for (const term of terms) {
					const pairs = splitTerm(term);
					const split = pairs && matchFor(pairs);
					if (split) await matchingIds(db, split);
				}
			}),
			{ numRuns: 4000 }
		);
		expect(ran).toBeGreaterThan(1000);
	}, 120_000);
});
