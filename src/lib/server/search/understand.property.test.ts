/**
 * Hostile input for query understanding: whatever a person types, the expression built from
 * the understood terms is null or valid FTS5 that SQLite runs, and understanding never throws.
 */
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db';
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
	'133 0733 7876',
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
let sqlite: Database.Database;

beforeAll(async () => {
	({ db, sqlite } = await openDatabase(':memory:'));
	const insert = sqlite.prepare(
		'insert into record_fts (rowid, title, keys, body, phones, pinyin) values (?, ?, ?, ?, ?, ?)'
	);
	const v = searchEntryValues({
		title: '医保政策咨询电话',
		keys: '株洲市医疗保障局',
		body: '遗失居民身份证 怎么办',
		phones: [{ number: '13307337876' }],
		organization: '株洲市医疗保障局'
	});
	insert.run(1, v.title, v.keys, v.body, v.phones, v.pinyin);
});
afterAll(() => db.destroy());

describe('understand on arbitrary strings', () => {
	it('never throws, and its expression (and its split terms) always runs', () => {
		const match = sqlite.prepare('select rowid from record_fts where record_fts match ?');
		const arbitrary = fc.oneof(
			fc.string({ maxLength: 60 }),
			fc.string({ unit: 'grapheme', maxLength: 30 }),
			fc.string({ unit: 'binary', maxLength: 30 }),
			fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 20 })
		);
		let ran = 0;
		fc.assert(
			fc.property(arbitrary, (q) => {
				const { terms } = understand(q);
				const expression = matchFor(terms);
				if (expression !== null) {
					match.all(expression);
					ran++;
				}
				for (const term of terms) {
					const pairs = splitTerm(term);
					const split = pairs && matchFor(pairs);
					if (split) match.all(split);
				}
			}),
			{ numRuns: 4000 }
		);
		expect(ran).toBeGreaterThan(1000);
	});
});
