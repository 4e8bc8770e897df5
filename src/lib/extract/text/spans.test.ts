import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize';
import type { Page } from '../pipeline';
import { cutPassages, isHeadline } from './passages';
import { isSpace, lines, nonBlankLines, paragraphs, sentences, spanAt } from './spans';

function page(text: string): Page {
	return { text, norm: normalize(text), source: 'p.txt', published: '2020-04-17' };
}

describe('lines and paragraphs', () => {
	it('gives lines with offsets, \\r\\n included', () => {
		const text = 'ab\r\ncd\n\nef';
		expect(lines(text).map((l) => text.slice(l.start, l.end))).toEqual(['ab', 'cd', '', 'ef']);
	});

	it('cuts paragraphs at blank lines, trimmed', () => {
		const text = '\n  第一段\n接着\n\n\u3000第二段  \n';
		expect(paragraphs(text).map((p) => text.slice(p.start, p.end))).toEqual([
			'第一段\n接着',
			'第二段'
		]);
		expect(nonBlankLines(text).map((p) => text.slice(p.start, p.end))).toEqual([
			'第一段',
			'接着',
			'第二段'
		]);
	});

	it('cuts sentences after 。!? and line breaks', () => {
		const text = '第一句。第二句!他说“引语。”第三句\n第四句';
		// sentences() reads the normalised text (“” → ") and reports offsets valid in both.
		expect(sentences(normalize(text)).map((s) => text.slice(s.start, s.end))).toEqual([
			'第一句。',
			'第二句!',
			'他说“引语。”',
			'第三句',
			'第四句'
		]);
	});
});

describe('headlines', () => {
	it('short lines without a sentence end are headlines', () => {
		const norm = '云龙将新建一座湖景公园! 预计明年底竣工';
		expect(isHeadline(norm, { start: 0, end: norm.length })).toBe(true);
		const notice = '遗失声明';
		expect(isHeadline(notice, { start: 0, end: notice.length })).toBe(true);
	});

	it('sentences, numbered items, label: value lines and bylines in brackets are not', () => {
		for (const s of [
			'这是一个完整的句子。',
			'一、办理条件',
			'1.申请人携带材料',
			'咨询电话:28221100',
			'(作者系市委书记)'
		]) {
			expect(isHeadline(s, { start: 0, end: s.length })).toBe(false);
		}
	});

	it('a short piece after a paragraph cut mid-sentence is a column break, not a headline', () => {
		const norm = `${'长'.repeat(60)}和株醴\n\n都市区发展`;
		const paras = paragraphs(norm);
		expect(isHeadline(norm, paras[1], paras[0])).toBe(false);
	});
});

describe('cutPassages', () => {
	it('groups headline, byline and body; a new headline after body starts a new passage', () => {
		const text =
			'便民电话一览\n\n本报记者 张三\n\n报警 110\n火警 119\n\n寻物启事\n\n本人遗失钱包一个,电话13307330000。\n';
		const ps = cutPassages(page(text));
		expect(ps).toHaveLength(2);
		expect(ps[0].headline).toBe('便民电话一览');
		expect(text.slice(ps[0].start, ps[0].end)).toContain('火警 119');
		expect(ps[1].headline).toBe('寻物启事');
		expect(text.slice(ps[1].start, ps[1].end)).toContain('13307330000');
		expect(spanAt(ps, text.indexOf('钱包'))).toBe(ps[1]);
		expect(spanAt(ps, text.length + 5)).toBeUndefined();
	});

	it('returns nothing for an empty page', () => {
		expect(cutPassages(page(''))).toEqual([]);
		expect(cutPassages(page('\n\n  \n'))).toEqual([]);
	});
});

describe('isSpace', () => {
	it('answers as /\\s/ does for every UTF-16 unit', () => {
		const differ: number[] = [];
		for (let c = 0; c < 0x10000; c++) {
			if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
		}
		expect(differ).toEqual([]);
		expect(isSpace(0x3000)).toBe(true);
		expect(isSpace('株'.charCodeAt(0))).toBe(false);
	});
});

describe('a paragraph long enough to be read from its end', () => {
	const long = '株洲市民'.repeat(20);
	const headline = (prevText: string) => {
		const norm = normalize(`${prevText}\n\n都市区发展`);
		const prev = { start: 0, end: prevText.length };
		return isHeadline(norm, { start: prevText.length + 2, end: norm.length }, prev);
	};
	it('reads a short line after a long unfinished paragraph as a column break', () => {
		expect(headline(long)).toBe(false);
	});
	it('reads it as a headline when the paragraph ends its sentence, closing quotes included', () => {
		expect(headline(`${long}。`)).toBe(true);
		expect(headline(`${long}。”）`)).toBe(true);
		expect(headline(`${long}。”株`)).toBe(false);
	});
});
