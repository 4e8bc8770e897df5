import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize';
import type { Page } from '../pipeline';
import type { ExtractedRecord, HotlineRecord, ProcedureRecord } from '../../records/types';
import { cleanupRefiner } from './cleanup';
import { confidenceRefiner, scoreOf } from './confidence';
import { dedupeRefiner, similarity } from './dedupe';
import { districtRefiner } from './district';

function page(text: string): Page {
	return { text, norm: normalize(text), source: 'p.txt', published: '2020-05-08' };
}

function qa(start: number, end: number, title = '森林路何时能开通?'): ProcedureRecord {
	return {
		kind: 'procedure',
		subtype: 'qa',
		title,
		source: { file: 'p.txt', start, end },
		confidence: 0.85,
		phones: [],
		emails: [],
		question: title,
		answer: '计划5月底开放。'
	};
}

describe('dedupe', () => {
	const para = '网友咨询:森林路何时能开通?\n\n天元区政府回复:计划5月底开放。';

	it('keeps the first of a paragraph printed two or three times', () => {
		const text = [para, para, para].join('\n\n');
		const p = page(text);
		const rs = [
			qa(para.length * 2 + 4, para.length * 3 + 4),
			qa(0, para.length),
			qa(para.length + 2, para.length * 2 + 2)
		];
		const out = dedupeRefiner.refine(rs, p);
		expect(out).toHaveLength(1);
		expect(out[0].source.start).toBe(0);
	});

	it('keeps a truncated copy out, and keeps different records', () => {
		const cut = para.slice(0, para.length - 4);
		const text = `${para}\n\n${cut}`;
		const rs = [qa(0, para.length), qa(para.length + 2, text.length)];
		expect(dedupeRefiner.refine(rs, page(text))).toHaveLength(1);
		const other = '网友咨询:中南菜市场何时搬迁?\n\n市商务局回复:正在建设新市场。';
		const t2 = `${para}\n\n${other}`;
		const rs2 = [qa(0, para.length), qa(para.length + 2, t2.length, '中南菜市场何时搬迁?')];
		expect(dedupeRefiner.refine(rs2, page(t2))).toHaveLength(2);
	});

	it('keeps two hotlines printed in one sentence', () => {
		const text = '可拨打市城管局投诉电话28612345,也可通过12345政务服务便民热线反映。';
		const h = (name: string, number: string): HotlineRecord => ({
			kind: 'hotline',
			title: name,
			name,
			source: { file: 'p.txt', start: 0, end: text.length },
			confidence: 0.85,
			phones: [{ number, raw: number }],
			emails: []
		});
		const rs = [h('市城管局投诉电话', '0731-28612345'), h('政务服务便民热线', '12345')];
		expect(dedupeRefiner.refine(rs, page(text))).toHaveLength(2);
	});

	it('measures similarity', () => {
		expect(similarity('abcdef', 'abcdef')).toBe(1);
		expect(similarity('abcdef', 'uvwxyz')).toBe(0);
	});
});

describe('district, confidence, cleanup', () => {
	it('fills the district named in the passage', () => {
		const text = '网友提问:石峰区人才补贴何时发放?';
		const [r] = districtRefiner.refine([qa(0, text.length)], page(text));
		expect(r.district).toBe('石峰区');
		const other = '家住广州市越秀区的市民反映';
		const [g] = districtRefiner.refine([qa(0, other.length)], page(other));
		expect(g.district).toBe('越秀区');
		const none = '小区园区景区都不是行政区';
		const [n] = districtRefiner.refine([qa(0, none.length)], page(none));
		expect(n.district).toBeUndefined();
	});

	it('lowers confidence for missing key fields, with a flag, and clamps', () => {
		const noAnswer = { ...qa(0, 5), answer: undefined, confidence: 0.8 };
		const [r] = confidenceRefiner.refine([noAnswer as ExtractedRecord], page('xxxxx'));
		expect(r.confidence).toBeCloseTo(0.65);
		expect(r.flags).toContain('缺少回复内容');
		const [c] = confidenceRefiner.refine([{ ...qa(0, 5), confidence: 3 }], page('xxxxx'));
		expect(c.confidence).toBe(1);
	});

	it('scores evidence: base plus each fact seen, capped by max and by doubts', () => {
		// 0.6 + 0.15 (closing formula) + 0.1 + 0.1 + 0.05 = 1.0, held to the rule's 0.95.
		expect(
			scoreOf({
				rule: 'lost_found.voidNotice',
				facts: ['terminated', 'holder', 'documentType', 'documentNumber']
			})
		).toBe(0.95);
		// Falsy entries are facts not seen: 0.6 + 0.1 (holder) only.
		expect(
			scoreOf({ rule: 'lost_found.voidNotice', facts: [false, 'holder', '', undefined] })
		).toBe(0.7);
		// A Q&A with its department (0.85) whose answer looks cut off is held to 0.65; one that
		// shares no word with its question to 0.45, whatever else it has.
		expect(scoreOf({ rule: 'procedure.qa', facts: ['department'] })).toBe(0.85);
		expect(scoreOf({ rule: 'procedure.qa', facts: ['department', 'truncated'] })).toBe(0.65);
		expect(scoreOf({ rule: 'procedure.qa', facts: ['department', 'offTopic', 'truncated'] })).toBe(
			0.45
		);
		expect(scoreOf({ rule: 'hotline.directory' })).toBe(0.75);
	});

	it('removes empty fields but keeps phones and emails', () => {
		const r = {
			...qa(0, 5),
			department: '',
			steps: [],
			answer: undefined
		} as unknown as ExtractedRecord;
		const [out] = cleanupRefiner.refine([r], page('xxxxx'));
		expect(Object.keys(out)).not.toContain('department');
		expect(Object.keys(out)).not.toContain('steps');
		expect(Object.keys(out)).not.toContain('answer');
		expect(out.phones).toEqual([]);
		expect(out.emails).toEqual([]);
	});
});
