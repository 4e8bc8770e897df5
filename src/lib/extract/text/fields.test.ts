import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize';
import type { Page } from '../pipeline';
import { fieldValue, findContactName, phoneMatchesIn, phonesIn } from './fields';
import { pageParagraphs } from './lineIndex';
import { clauseEnd, clauses, SpanSet, trimBlank, trimEdges, type Span } from './spans';

function page(text: string): Page {
	return { text, norm: normalize(text), source: 'p.txt', published: '2024-11-05' };
}
const whole = (s: string): Span => ({ start: 0, end: s.length });
const cut = (p: Page, spans: Span[]) => spans.map((s) => p.text.slice(s.start, s.end));

describe('trimming a span', () => {
	it('trimBlank drops whitespace only, trimEdges punctuation and brackets too', () => {
		const p = page('\u3000（身份证），  ');
		expect(cut(p, [trimBlank(p.norm, whole(p.norm))])).toEqual(['（身份证），']);
		expect(cut(p, [trimEdges(p.norm, whole(p.norm))])).toEqual(['身份证']);
	});

	it('trimEdges keeps a closing bracket whose opening bracket is inside the field', () => {
		const p = page('营业执照（副本）。');
		expect(cut(p, [trimEdges(p.norm, whole(p.norm))])).toEqual(['营业执照（副本）']);
	});
});

describe('clauses', () => {
	it('cuts at commas, semicolons and full stops, full-width or not', () => {
		const p = page('王某，男，约5岁；身穿红衣。');
		expect(cut(p, clauses(p.norm, whole(p.norm)))).toEqual(['王某', '男', '约5岁', '身穿红衣']);
		expect(clauseEnd(p.norm, { start: 3, end: p.norm.length })).toBe(4);
	});
});

describe('page paragraphs', () => {
	it('gives runs of non-blank lines, clamped to the span, lines untrimmed', () => {
		const p = page('ab\ncd\n\n  ef\n');
		expect(cut(p, pageParagraphs(p, whole(p.norm)))).toEqual(['ab\ncd', '  ef']);
		expect(cut(p, pageParagraphs(p, { start: 1, end: 10 }))).toEqual(['b\ncd', '  e']);
	});
});

describe('SpanSet', () => {
	it('answers whether a span overlaps one taken before, in any order of adding', () => {
		const set = new SpanSet();
		set.add({ start: 10, end: 12 });
		set.add({ start: 0, end: 5 });
		expect(set.overlaps({ start: 4, end: 6 })).toBe(true);
		expect(set.overlaps({ start: 5, end: 10 })).toBe(false);
		expect(set.overlaps({ start: 11, end: 20 })).toBe(true);
		expect(set.overlaps({ start: 12, end: 20 })).toBe(false);
	});
});

describe('fields', () => {
	it('phonesIn gives each number once as a record carries it; phoneMatchesIn every match', () => {
		const p = page('咨询电话：0731-28680000，夜间也可拨打0731-28680000。');
		expect(phonesIn(p, whole(p.norm)).map((x) => x.number)).toEqual(['0731-28680000']);
		const matches = phoneMatchesIn(p, whole(p.norm));
		expect(matches.map((m) => m.number)).toEqual(['0731-28680000', '0731-28680000']);
		expect(p.text.slice(matches[1].start, matches[1].end)).toBe('0731-28680000');
	});

	it('fieldValue joins a line broken by the column and drops edge punctuation', () => {
		const p = page('失主：张三\n丰，');
		const from = p.text.indexOf('张');
		expect(fieldValue(p, { start: from, end: p.text.length })).toBe('张三丰');
		expect(fieldValue(p, { start: p.text.length - 1, end: p.text.length })).toBeUndefined();
	});

	it('findContactName returns the name as a span of the page', () => {
		const p = page('如有线索，请与李女士联系。');
		const name = findContactName(p, whole(p.norm));
		expect(name && p.text.slice(name.start, name.end)).toBe('李女士');
	});
});
