import { describe, expect, it } from 'vitest';
import { baseTable, buildTable, normalize } from './normalize';
import { openccFolds } from './opencc';

describe('normalize', () => {
	it('keeps the length, so offsets are shared with the original', () => {
		const samples = [
			'',
			'報名電話：（０７３１）２８８２９９９９',
			'𠀀𠀁 surrogate pairs 😀 stay',
			'a\r\nb\u3000c',
			'一二三〇'.repeat(1000)
		];
		for (const s of samples) expect(normalize(s)).toHaveLength(s.length);
	});

	it('folds full-width ASCII, the ideographic space and CJK brackets', () => {
		expect(normalize('（０７３１）２８８２９９９９：ＡＢｃ')).toBe('(0731)28829999:ABc');
		expect(normalize('a\u3000b')).toBe('a b');
		expect(normalize('【公告】〔2020〕')).toBe('[公告][2020]');
		expect(normalize('“引号”「書名」')).toBe('"引号""书名"');
	});

	it('maps every dash to one hyphen', () => {
		for (const d of ['—', '－', '‐', '‑', '–', '―', '−']) {
			expect(normalize(`0731${d}28455555`)).toBe('0731-28455555');
		}
	});

	it('folds traditional to simplified character by character', () => {
		expect(normalize('辦事指南 便民電話 諮詢熱線 臺灣 裡面')).toBe(
			'办事指南 便民电话 咨询热线 台湾 里面'
		);
		// Simplified text is left as it is.
		expect(normalize('办事指南便民电话')).toBe('办事指南便民电话');
	});

	it('leaves surrogate pairs and ordinary text alone', () => {
		const s = '𠀀株洲😀';
		expect(normalize(s)).toBe(s);
	});

	it('folds a page as it folds each of its characters, lone surrogates kept', () => {
		// Pages go through Node's Buffer, short strings through a loop: both must agree, and a
		// lone surrogate (a broken text layer) must come out as it went in, not as U+FFFD.
		const unit = '電話：（０７３１）\ud800２８𠀀😀\udc00株洲【報名】\n';
		const page = unit.repeat(40);
		expect(page.length).toBeGreaterThan(256);
		const out = normalize(page);
		expect(out).toBe(normalize(unit).repeat(40));
		expect(out).toBe([...page].map((c) => normalize(c)).join(''));
		expect(out).toContain('\ud800');
		expect(out).toContain('\udc00');
		expect(out).not.toContain('\ufffd');
	});

	it('keeps the length of a large page in traditional script and full-width forms', () => {
		const big = '株洲日報訊（記者）電話：２８６８４２３９。\n'.repeat(50_000);
		const out = normalize(big);
		expect(out.length).toBe(big.length);
		const lines = out.split('\n');
		expect(lines[0]).toBe('株洲日报讯(记者)电话:28684239。');
		expect(lines.at(-2)).toBe(lines[0]);
	});

	it('folds as OpenCC does: foldTable.ts is what scripts/fold-table.ts makes of opencc-js', () => {
		// The table built from OpenCC at test time, as normalize built it in every process before.
		const expected = baseTable();
		for (const [from, to] of openccFolds(expected)) expected[from] = to;
		for (let i = 0xf900; i <= 0xfaff; i++) expected[i] = expected[expected[i]];
		const actual = buildTable();
		const differ: string[] = [];
		for (let i = 0; i < expected.length; i++) {
			if (actual[i] !== expected[i]) differ.push(String.fromCharCode(i));
		}
		expect(differ, 'run `npx tsx scripts/fold-table.ts`').toEqual([]);
		expect(actual[0x8aee]).toBe(0x54a8); // 諮 → 咨
	});
});
