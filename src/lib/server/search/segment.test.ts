import { describe, expect, it } from 'vitest';
import { commonWords, cutWords } from './segment';

describe('cutWords', () => {
	it('keeps everyday words whole with the trimmed general dictionary', () => {
		// General words, not the domain's (lexicon.ts): they come from jieba's dictionary.
		expect(cutWords('小区停车场收费标准')).toEqual(['小区', '停车场', '收费', '标准']);
		expect(cutWords('孩子在幼儿园走失了')).toEqual(['孩子', '在', '幼儿园', '走失', '了']);
	});

	it("cuts at the domain's words", () => {
		expect(cutWords('石峰区人才办电话')).toEqual(['石峰区', '人才办', '电话']);
	});

	it('gives back every character', () => {
		const text = '我家孩子的电动自行车被偷了ABC123';
		expect(cutWords(text).join('')).toBe(text);
	});
});

describe('commonWords', () => {
	it('keeps the lines of words at least as frequent as the minimum', () => {
		const dict = Buffer.from('停车场 2000 n\n罕见词 3 n\n小区 50 n\n无频率\n孩子 120 n');
		expect(commonWords(dict, 50).toString()).toBe('停车场 2000 n\n小区 50 n\n孩子 120 n\n');
	});
});
