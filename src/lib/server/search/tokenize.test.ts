import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../extract/normalize';
import { buildMatchQuery, indexText, tokenize } from './tokenize';

describe('tokenize', () => {
	it('cuts Chinese into overlapping pairs plus the last character', () => {
		expect(tokenize('医保卡').map((t) => t.text)).toEqual(['医保', '保卡', '卡']);
		expect(tokenize('证').map((t) => t.text)).toEqual(['证']);
	});

	it('keeps ASCII words and numbers whole and lower-cased', () => {
		expect(tokenize('KTV包厢 CZ1路').map((t) => t.text)).toEqual([
			'ktv',
			'包厢',
			'厢',
			'cz1',
			'路'
		]);
	});

	it('joins digit groups however a phone number is typed', () => {
		for (const typed of ['0731 2868 3507', '0731-28683507', '(0731)28683507', '073128683507']) {
			expect(tokenize(typed).map((t) => t.text)).toEqual(['073128683507']);
		}
	});

	it('folds full-width and traditional script to the same tokens', () => {
		expect(indexText('尋親啟事')).toBe(indexText('寻亲启事'));
		expect(indexText('ＫＴＶ（０７３１）')).toBe(indexText('KTV(0731)'));
	});
});

describe('buildMatchQuery', () => {
	it('returns null when nothing searchable is left', () => {
		expect(buildMatchQuery('')).toBeNull();
		expect(buildMatchQuery('  "*()-:  ')).toBeNull();
	});

	it('quotes every token so FTS5 operators are searched as text', () => {
		expect(buildMatchQuery('NEAR(a b)')).toBe('"near"* AND "a"* AND "b"*');
		// A final Chinese pair is no prefix (no token is longer than a pair), a final word is.
		expect(buildMatchQuery('"医保" OR NOT')).toBe('"医保" AND "or"* AND "not"*');
	});

	// The real proof: the same function builds index and query, and SQLite agrees with a substring
	// scan on what matches.
	it('finds exactly the rows a substring scan finds, for short and long queries', () => {
		const db = new Database(':memory:');
		db.exec(
			"create virtual table f using fts5(body, tokenize='unicode61 remove_diacritics 0', prefix='1')"
		);
		const rows = [
			'市医保局回复：医保卡丢失可到服务大厅补办',
			'寻亲启事：寻找失散多年的亲人',
			'张某遗失残疾证，声明作废',
			'乘坐CZ1路公交到KTV门口',
			'咨询电话：0731-28683507',
			'保险咨询 报销比例',
			'尋親啟事：受助人員身份不明'
		];
		const insert = db.prepare('insert into f(rowid, body) values (?, ?)');
		rows.forEach((body, i) => insert.run(i + 1, indexText(body)));
		const search = (q: string) =>
			db
				.prepare('select rowid from f where f match ? order by rowid')
				.pluck()
				.all(buildMatchQuery(q)) as number[];
		// Substring scan over the same folded text (traditional → simplified).
		const scan = (q: string) =>
			rows.flatMap((body, i) => (normalize(body).includes(normalize(q)) ? [i + 1] : []));

		for (const q of ['证', '医保', '医保卡', '保', '寻亲', '声明作废', '咨询', '启事', '人员']) {
			expect({ q, ids: search(q) }).toEqual({ q, ids: scan(q) });
		}
		expect(search('证')).toEqual([3]);
		expect(search('医保')).toEqual([1]);
		expect(search('寻亲')).toEqual([2, 7]); // traditional row found by the simplified query
		expect(search('CZ1路')).toEqual([4]);
		expect(search('ktv')).toEqual([4]);
		expect(search('0731 2868 3507')).toEqual([5]);
		expect(search('28683507')).toEqual([]); // local part alone: the phones column adds it
		expect(search('报销 保险')).toEqual([6]);
		expect(search('保卡')).toEqual([1]);
		expect(search('医报')).toEqual([]);
	});
});
