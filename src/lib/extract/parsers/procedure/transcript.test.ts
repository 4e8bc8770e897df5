import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { ProcedureRecord } from '../../../records/types';
import { procedureParser } from './index';

function parse(text: string): ProcedureRecord[] {
	const ctx = parseContext(text, { source: 't.txt', published: '2026-09-17' });
	return runParser(procedureParser, ctx) as ProcedureRecord[];
}

describe('transcripts with speaker labels', () => {
	it('pairs 【网友】 with the 【嘉宾】 turn after it; the department from the 访谈嘉宾 line', () => {
		const text =
			'访谈嘉宾：攸县医疗保障局副局长　谭小明\n\n【主持人】欢迎各位网友。\n\n【网友“河边柳”】门诊报销要带什么？\n\n【嘉宾　谭小明】带社保卡就行，在定点医院直接结算。\n\n【主持人】下一个问题。\n';
		const rs = parse(text);
		expect(rs).toHaveLength(1);
		const [r] = rs;
		expect(r).toMatchObject({
			subtype: 'qa',
			question: '门诊报销要带什么？',
			answer: '带社保卡就行，在定点医院直接结算。',
			department: '攸县医疗保障局'
		});
		// From the asker's label to the end of the guest's turn, the host's lines left out.
		expect(r.source.start).toBe(text.indexOf('【网友'));
		expect(r.source.end).toBe(text.indexOf('直接结算。') + '直接结算。'.length);
	});

	it('reads a radio caller and an official by title and name; drops the thanks', () => {
		const text =
			'主持人：请讲。\n\n听众唐先生：小区门口的路灯坏了一个月，谁来修？\n\n区城管局局长　龙一鸣：感谢唐先生。我们明天就派人更换灯具。\n';
		const [r] = parse(text);
		expect(r.question).toBe('小区门口的路灯坏了一个月，谁来修？');
		expect(r.answer).toBe('我们明天就派人更换灯具。');
		expect(r.department).toBe('区城管局');
	});

	it("files a 【典型案例】 诉求/办理 pair from its head, the office named at the answer's start", () => {
		const text =
			'【典型案例一】\n诉求：市民反映某路段井盖松动。\n办理：市政设施维护中心当天派人加固井盖。\n\n（市12345热线供稿）\n';
		const [r] = parse(text);
		expect(r.department).toBe('市政设施维护中心');
		expect(r.answer).toBe('当天派人加固井盖。');
		expect(text.slice(r.source.start, r.source.end)).toBe(
			'【典型案例一】\n诉求：市民反映某路段井盖松动。\n办理：市政设施维护中心当天派人加固井盖。'
		);
	});

	it('reads 读者来电 / 记者追踪: the office the reporter passed it to answers', () => {
		const text =
			'■路口红绿灯太短\n读者来电：家住芦淞区的罗女士反映，建设路口绿灯只有15秒，老人过不去。\n记者追踪：记者将情况转给市公安局交警支队。该支队工作人员表示，已将绿灯延长至30秒。\n';
		const [r] = parse(text);
		expect(r.question).toBe('建设路口绿灯只有15秒，老人过不去。');
		expect(r.department).toBe('市公安局交警支队');
		expect(r.answer).toBe('已将绿灯延长至30秒。');
	});

	it('does not pair a question with an answer across a host line', () => {
		const text = '听众唐先生：路灯坏了谁来修？\n\n主持人：我们稍后连线。\n\n办理：已修复。\n';
		expect(parse(text)).toEqual([]);
	});
});
