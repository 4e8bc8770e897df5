import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize';
import { cutPassages } from '../passages';
import type { Page } from '../pipeline';
import type { ProcedureRecord } from '../types';
import { procedureParser, topicOverlap } from './procedure';

function parse(text: string): ProcedureRecord[] {
	const p: Page = { text, norm: normalize(text), source: 'p.txt', published: '2020-05-08' };
	return procedureParser.parse(p, cutPassages(p)) as ProcedureRecord[];
}

describe('Q&A', () => {
	it('pairs a question paragraph with the answer paragraph after it', () => {
		const text =
			'“问政”热点\n\n网友提问:森林路何时能开通?\n\n区政府回复:目前,森林路正在办理道路移交手续,计划5月底开放。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			kind: 'procedure',
			subtype: 'qa',
			title: '森林路何时能开通?',
			question: '森林路何时能开通?',
			department: '区政府',
			answer: '目前,森林路正在办理道路移交手续,计划5月底开放。'
		});
		expect(r.confidence).toBeGreaterThanOrEqual(0.7);
		const slice = text.slice(r.source.start, r.source.end);
		expect(slice.startsWith('网友提问')).toBe(true);
		expect(slice.endsWith('5月底开放。')).toBe(true);
	});

	it('reads question and answer printed in one paragraph, department with a bracket', () => {
		const [r] = parse(
			'网友提问:铁东路何时动工?市住建局(市人防办)回复:该路已列入2020年计划,待资金落实后开工。'
		);
		expect(r.department).toBe('市住建局(市人防办)');
		expect(r.question).toBe('铁东路何时动工?');
	});

	it('takes an answer line without a verb and named askers', () => {
		const [r] = parse(
			'市民张先生咨询:异地就医如何结算?\n\n市医疗保障局:参保人员可通过微信服务号办理异地就医备案。'
		);
		expect(r.department).toBe('市医疗保障局');
		const [q] = parse('问:新生儿怎么上户口?\n答:携带出生医学证明到派出所办理即可。');
		expect(q).toMatchObject({
			question: '新生儿怎么上户口?',
			answer: '携带出生医学证明到派出所办理即可。'
		});
		expect(q.department).toBeUndefined();
	});

	it('runs the answer on over numbered continuation paragraphs, with its phones', () => {
		const text =
			'网友咨询:申领失业保险金需要什么条件?区政府回复:一、参保缴费满1年;\n\n二、非因本人意愿中断就业的。\n\n若仍有疑问,可拨打失业保险咨询电话0731-28580753。\n\n另一篇文章的标题\n\n正文。';
		const [r] = parse(text);
		expect(r.answer).toContain('二、非因本人意愿中断就业');
		expect(r.answer).toContain('0731-28580753');
		expect(r.answer).not.toContain('另一篇');
		expect(r.phones).toEqual([
			{ number: '0731-28580753', raw: '0731-28580753', label: '失业保险咨询电话' }
		]);
	});

	it('reads structured columns: 留言内容 / 回复单位 / 回复内容', () => {
		const text =
			'留言标题：小区路灯不亮\n留言内容：我们小区的路灯坏了三个月，何时维修？\n回复单位：区城管局\n回复内容：经核实，小区路灯已于本周维修完毕。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			question: '我们小区的路灯坏了三个月，何时维修？',
			department: '区城管局',
			answer: '经核实，小区路灯已于本周维修完毕。'
		});
		expect(r.confidence).toBeGreaterThanOrEqual(0.7);
	});

	it('reads bracketed and Q/A markers', () => {
		const [b] = parse(
			'【问】公积金能否提取用于租房？\n【答】连续足额缴存满3个月且无房的职工可以提取公积金用于租房。'
		);
		expect(b.question).toBe('公积金能否提取用于租房？');
		expect(b.answer).toContain('提取公积金用于租房');
		const [q] = parse('Q：社保卡丢了怎么补办？\nA：社保卡丢失后可携带身份证到银行网点挂失补办。');
		expect(q.question).toBe('社保卡丢了怎么补办？');
	});

	it('keeps traditional script in the record', () => {
		const [r] = parse('網友提問：社區公園何時開放？\n\n區政府回覆：社區公園預計下月開放。');
		expect(r).toMatchObject({ question: '社區公園何時開放？', department: '區政府' });
	});

	it('flags an answer that belongs to another question', () => {
		const [r] = parse(
			'网友建议:开通云龙香江学校的公交线路。区政府回复:经与区教育局了解,民办幼儿园收费实行市场调节价,学费不得跨学期预收。'
		);
		expect(r.confidence).toBeLessThan(0.7);
		expect(r.flags).toContain('回复内容疑似与问题不符');
	});

	it('flags an answer cut off by the layout', () => {
		const [r] = parse(
			'网友咨询:幼儿园提前收取学费合理吗?区政府回复:经了解,民办幼儿园收费实行市场调节价,学生和'
		);
		expect(r.flags).toContain('回复内容疑似不完整(排版截断)');
		expect(r.confidence).toBeLessThan(0.7);
	});

	it('measures topic overlap', () => {
		expect(topicOverlap('森林路何时能开通?', '目前,森林路正在办理移交')).toBeGreaterThan(0.3);
		expect(topicOverlap('开通学校的公交线路', '民办幼儿园收费实行市场调节价')).toBe(0);
	});
});

describe('Q&A negatives', () => {
	it('a news lead quoting a reader question has no answer, so no record', () => {
		expect(
			parse(
				'网友提问:“墨兰怎么养?”“发财树如何进行室内养护?”近日,市园林绿化中心线上问诊平台启用。\n\n早在2019年8月,技术服务站便开门坐诊。'
			)
		).toEqual([]);
	});

	it('an answer without a question is no record', () => {
		expect(parse('区政府回复:经与区教育局了解,民办幼儿园收费实行市场调节价。')).toEqual([]);
	});
});

describe('guides', () => {
	const guide =
		'办事指南：新生儿出生登记\n\n一、办理条件\n1.新生儿出生后一个月内申报；\n2.父母一方为本市户口。\n\n二、申请材料\n1.《出生医学证明》原件；\n2.父母双方的居民身份证、户口簿。\n\n三、办理流程\n1.到派出所户籍窗口申请；\n2.民警审核材料；\n3.打印户口簿户籍页。\n\n四、办理时限：当场办结。\n\n五、收费标准：不收费。\n\n六、办理地点：户籍所在地派出所。\n\n七、咨询电话：28221100\n';

	it('reads every section', () => {
		const [r] = parse(guide);
		expect(r).toMatchObject({
			kind: 'procedure',
			subtype: 'guide',
			title: '新生儿出生登记',
			question: '新生儿出生登记',
			requirements: [
				'新生儿出生后一个月内申报',
				'父母一方为本市户口',
				'《出生医学证明》原件',
				'父母双方的居民身份证、户口簿'
			],
			steps: ['到派出所户籍窗口申请', '民警审核材料', '打印户口簿户籍页'],
			timeLimit: '当场办结',
			fee: '不收费',
			location: '户籍所在地派出所',
			phones: [{ number: '0731-28221100' }]
		});
		expect(r.confidence).toBeGreaterThanOrEqual(0.7);
		expect(guide.slice(r.source.start, r.source.end)).toContain('七、咨询电话');
	});

	it('reads inline sections and splits a 、 list of documents', () => {
		const [r] = parse(
			'【办事指南】居住证办理\n\n申请材料：身份证、照片、租房合同\n办理流程：填写申请表→窗口受理→领取证件\n办理时限：15个工作日。收费标准：免费。'
		);
		expect(r.requirements).toEqual(['身份证', '照片', '租房合同']);
		expect(r.timeLimit).toBe('15个工作日');
		expect(r.fee).toBe('免费');
		expect(r.title).toBe('居住证办理');
	});

	it('an article that mentions 办理流程 in prose is no guide', () => {
		expect(
			parse('近年来,我市不断优化办理流程,压缩办理时限,群众办事更加便捷。收费标准也更加透明。')
		).toEqual([]);
	});
});
