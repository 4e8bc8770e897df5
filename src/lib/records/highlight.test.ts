import { describe, expect, it } from 'vitest';
import { matchRanges, snippet, snippets } from './highlight';

describe('matchRanges', () => {
	it('finds folded words in printed text, with offsets into what was printed', () => {
		// Full-width letters, upper case and traditional script match their folded words.
		expect(matchRanges('办理ＩＤ卡与身份證', ['id', '身份证'])).toEqual([
			[2, 4],
			[6, 9]
		]);
	});

	it('merges overlapping matches and ignores empty words', () => {
		expect(matchRanges('医疗保险', ['医疗', '疗保'])).toEqual([[0, 3]]);
		expect(matchRanges('abc', ['', 'b'])).toEqual([[1, 2]]);
	});
});

describe('snippet', () => {
	it('folds runs of white space into one space before it cuts and marks', () => {
		expect(snippet('  遗失\n\n  声明 ', '声明')).toEqual([
			{ text: '遗失 ', mark: false },
			{ text: '声明', mark: true }
		]);
	});

	it('never marks digits hidden inside an ID number', () => {
		expect(snippet('证号430203198502173310作废', '19850217')).toEqual([
			{ text: '证号430203********3310作废', mark: false }
		]);
	});

	it('cuts a window around the first match', () => {
		const text = '甲'.repeat(50) + '寻物启事' + '乙'.repeat(50);
		expect(snippet(text, ['寻物'], 12)).toEqual([
			{ text: '…', mark: false },
			{ text: '甲'.repeat(4), mark: false },
			{ text: '寻物', mark: true },
			{ text: '启事' + '乙'.repeat(4), mark: false },
			{ text: '…', mark: false }
		]);
	});

	it('gives what snippets() gives for each text of a page', () => {
		const texts = ['市医疗保障局咨询电话', '医保卡遗失补办', '无关的通知'];
		const ofPage = snippets(['医保', '医疗保障']);
		for (const text of texts) expect(ofPage(text)).toEqual(snippet(text, ['医保', '医疗保障']));
	});
});
