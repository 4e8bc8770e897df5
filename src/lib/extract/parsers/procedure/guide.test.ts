import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { ProcedureRecord } from '../../../records/types';
import { procedureParser } from './index';

function parse(text: string): ProcedureRecord[] {
	const ctx = parseContext(text, { source: 'p.txt', published: '2020-05-08' });
	return runParser(procedureParser, ctx) as ProcedureRecord[];
}

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

	it('reads a compound heading over sub-items and splits an arrow flow', () => {
		const text =
			'居民身份证申领办事指南\n\n来源：鹤城区政务服务中心\n\n一、办理流程：\n照相→登记指纹信息→领取回执→凭回执领证。\n二、申请材料：\n本人居民户口簿或原居民身份证。\n三、收费标准：\n首次申领免收工本费；有效期满换领每证20元。\n四、办理时限：\n20个工作日\n五、办理时间、地点及联系方式\n1.办理时间：周一至周五9:00-17:30。\n2.办理地点：迎丰中路政务服务中心二楼。\n3.咨询电话：0745-2731166。\n\n■便民提示\n大厅提供热水。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			title: '居民身份证申领办事指南',
			steps: ['照相', '登记指纹信息', '领取回执', '凭回执领证'],
			fee: '首次申领免收工本费；有效期满换领每证20元',
			timeLimit: '20个工作日',
			location: '迎丰中路政务服务中心二楼',
			phones: [{ number: '0745-2731166' }]
		});
		expect(r.source.start).toBe(0);
		expect(text.slice(r.source.start, r.source.end).endsWith('0745-2731166。')).toBe(true);
	});

	it('cuts a box of two services at the second service name', () => {
		const text =
			'【办事指南】\n\n居住证怎么办\n【所需材料】①身份证；②一寸照片。\n【办理时限】15个工作日\n【收费标准】首次申领免费\n【咨询电话】0731-28560110\n老年人优待证怎么办\n【所需材料】①身份证；②一寸照片。\n【办理时限】即来即办\n【收费标准】不收费\n【咨询电话】0731-28112349\n';
		const [a, b] = parse(text);
		expect(a).toMatchObject({
			title: '居住证怎么办',
			requirements: ['身份证', '一寸照片'],
			timeLimit: '15个工作日',
			fee: '首次申领免费',
			phones: [{ number: '0731-28560110' }]
		});
		expect(a.source.start).toBe(text.indexOf('居住证怎么办'));
		expect(a.source.end).toBe(text.indexOf('\n老年人'));
		expect(b).toMatchObject({ title: '老年人优待证怎么办', timeLimit: '即来即办', fee: '不收费' });
		expect(b.phones.map((p) => p.number)).toEqual(['0731-28112349']);
	});

	it('ends a guide after its last value, keeping a 温馨提示 and leaving the Q&A after it', () => {
		const text =
			'见习补贴申领指南\n\n申请材料：\n1.申请表；\n2.见习协议书。\n办理程序：网上申报；审核公示；拨付资金。\n办结时限：20个工作日\n受理单位：市就业服务中心\n\n温馨提示：每年申报一次。\n\n政策回应\n\n网友“湘江边”问：见习期间有工伤保险吗？\n市人社局答：见习人员不参加工伤保险。\n';
		const rs = parse(text);
		const guide = rs.find((r) => r.subtype === 'guide');
		expect(guide).toMatchObject({ department: '市就业服务中心', timeLimit: '20个工作日' });
		expect(text.slice(guide!.source.start, guide!.source.end).endsWith('每年申报一次。')).toBe(
			true
		);
		expect(rs.filter((r) => r.subtype === 'qa')).toHaveLength(1);
	});

	it('names each guide of a service-item list by its 事项名称 line', () => {
		const text =
			'政务服务事项“一单清”\n\n事项名称：城乡居民养老保险参保登记\n服务对象：年满16周岁、不属于职工养老保险覆盖范围的城乡居民。\n申请材料：居民身份证或户口簿。\n办理流程：向村（社区）提出申请；乡镇人社服务站受理；区县社保经办机构审核。\n承诺时限：即办\n收费标准：不收费\n\n事项名称：城乡居民养老保险待遇申领\n申请材料：居民身份证、社会保障卡。\n办理流程：到村（社区）提出申请；乡镇初审并公示；区县审核发放。\n承诺时限：15个工作日\n';
		const [a, b] = parse(text);
		expect(a).toMatchObject({
			title: '城乡居民养老保险参保登记',
			requirements: ['年满16周岁、不属于职工养老保险覆盖范围的城乡居民', '居民身份证或户口簿'],
			steps: ['向村（社区）提出申请', '乡镇人社服务站受理', '区县社保经办机构审核'],
			timeLimit: '即办'
		});
		expect(a.source.start).toBe(text.indexOf('事项名称：城乡居民养老保险参保'));
		expect(b).toMatchObject({
			title: '城乡居民养老保险待遇申领',
			requirements: ['居民身份证', '社会保障卡'],
			timeLimit: '15个工作日'
		});
		expect(b.source.start).toBe(text.indexOf('事项名称：城乡居民养老保险待遇'));
	});

	it('reads Hong Kong labels in traditional script', () => {
		const [r] = parse(
			'港澳居民申領居住證手續\n申請資格：\n在株洲居住半年以上的港澳居民。\n所需文件：\n1. 港澳居民來往內地通行證；\n2. 證件相片一張。\n申請手續：\n一、到派出所遞交申請；\n二、領取回執取證。\n處理時間：20個工作日\n費用：首次申領免費\n'
		);
		expect(r).toMatchObject({
			title: '港澳居民申領居住證手續',
			requirements: ['在株洲居住半年以上的港澳居民', '港澳居民來往內地通行證', '證件相片一張'],
			steps: ['到派出所遞交申請', '領取回執取證'],
			timeLimit: '20個工作日',
			fee: '首次申領免費'
		});
	});

	it('reads a guide told in a news report, as a draft to check', () => {
		const text =
			'老人免费乘公交\n公交优待卡这样办\n\n本报讯 12月1日起，60周岁以上老人可免费乘坐公交。\n\n记者了解到，办理公交优待卡需携带本人身份证原件和一张一寸照片，到市公交集团卡务中心办理。办卡不收取任何费用。\n\n办卡时先在窗口填写申请表，再由工作人员核验身份，最后领卡激活。如有疑问，可拨打公交服务热线0731-28288110咨询。\n\n据统计，全市老年人约78万人。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'guide',
			title: '公交优待卡这样办',
			requirements: ['本人身份证原件', '一张一寸照片'],
			location: '市公交集团卡务中心',
			fee: '不收取任何费用',
			steps: ['在窗口填写申请表', '工作人员核验身份', '领卡激活'],
			phones: [{ number: '0731-28288110' }],
			flags: ['办事指南取自新闻报道，请核对']
		});
		expect(r.confidence).toBeLessThan(0.7);
		expect(r.source.start).toBe(0);
		expect(text.slice(r.source.start, r.source.end).endsWith('0731-28288110咨询。')).toBe(true);
	});

	it('reads 可持…到…申请办理 in a report, but not inside a Q&A answer', () => {
		const text =
			'学生乘车卡开始办理\n\n本报讯 9月1日起，学生乘车卡开始集中办理。\n\n学生或家长可持学生证、户口簿和一张一寸照片，到市公交集团卡务中心申请办理。材料齐全的，5个工作日内可领卡。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'guide',
			requirements: ['学生证', '户口簿', '一张一寸照片'],
			location: '市公交集团卡务中心',
			timeLimit: '5个工作日内'
		});
		const qa = parse(
			'诉求内容：想办生源地助学贷款，要带什么？\n承办单位：芦淞区教育局\n办理结果：学生和家长须携带录取通知书和户口簿，到区学生资助管理中心办理。'
		);
		expect(qa.map((x) => x.subtype)).toEqual(['qa']);
	});

	it('reform news that counts documents and trips is no guide', () => {
		expect(
			parse(
				'“一件事一次办”再扩容\n\n改革后，群众所需提交的材料从12份减少到4份，跑动次数由5次减少为1次。'
			)
		).toEqual([]);
	});

	it('an article that mentions 办理流程 in prose is no guide', () => {
		expect(
			parse('近年来,我市不断优化办理流程,压缩办理时限,群众办事更加便捷。收费标准也更加透明。')
		).toEqual([]);
	});
});

describe('guides on cards with emoji headings', () => {
	it('reads 📌 question-style headings as sections', () => {
		const text =
			'一图读懂｜退休“一件事”怎么办\n\n📌需要带什么\n✅本人身份证\n✅社保卡\n\n📌怎么办\n👉第一步：到窗口提交申请；\n👉第二步：领取待遇核定表。\n\n📌多久办好\n10个工作日内办结。\n\n📌线下办理\n芦淞区政务服务中心社保窗口。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'guide',
			timeLimit: '10个工作日内办结',
			location: '芦淞区政务服务中心社保窗口'
		});
		expect(r.requirements?.join('|')).toContain('本人身份证');
		expect(r.requirements?.join('|')).toContain('社保卡');
	});
});

describe('guides with a materials table', () => {
	it('reads each row’s name cell, drops the header, strips checkboxes', () => {
		const text = [
			'【办事须知】食品经营许可注销',
			'',
			'材料清单：',
			'序号　材料名称　　　　　　份数　备注',
			'1　　注销申请书　　　　　　1　　法人签字',
			'2　　许可证正副本　　　　　1　　原件',
			'□ 委托办理的，另交委托书',
			'',
			'办理地点：渌口区政务服务中心二楼',
			'办理时限：当场办结',
			'收费标准：不收费',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r.requirements).toEqual(['注销申请书', '许可证正副本', '委托办理的，另交委托书']);
	});

	it('reads Taiwan-style labels in traditional script (應備文件, 申辦流程, 處理期限, 規費)', () => {
		const text = [
			'旅遊證件補辦須知',
			'應備文件：',
			'（一）身分證明文件',
			'（二）近期證件照兩張',
			'申辦流程：填寫申請表→繳費→領證',
			'處理期限：7個工作日',
			'規費：每件100元',
			'受理地點：市民服務中心三樓',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'guide',
			requirements: ['身分證明文件', '近期證件照兩張'],
			steps: ['填寫申請表', '繳費', '領證'],
			timeLimit: '7個工作日',
			fee: '每件100元'
		});
	});

	it('reads a bare 收费： line as the fee', () => {
		const text = [
			'一次性告知单',
			'事项名称：老年优待证办理',
			'申请材料：',
			'1、本人身份证原件',
			'2、近期一寸照片一张',
			'办理时限：即时办结',
			'收费：不收费',
			'受理窗口：市民中心一楼3号窗口',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'guide', fee: '不收费', timeLimit: '即时办结' });
	});

	it('reads a headline naming a service and numbered points without labels as a guide', () => {
		const text = [
			'办理老年优待证，记住这几点',
			'1.带上本人身份证和一寸照片；',
			'2.到户籍所在地社区服务中心申请；',
			'3.资料齐全的5个工作日内领证；',
			'4.不收费。',
			'咨询电话：0731-28990022',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'guide',
			question: '办理老年优待证，记住这几点',
			requirements: ['本人身份证', '一寸照片'],
			steps: ['到户籍所在地社区服务中心申请', '资料齐全的5个工作日内领证'],
			timeLimit: '5个工作日内',
			fee: '不收费',
			phones: [{ number: '0731-28990022' }]
		});
	});

	it('leaves numbered points under a news headline alone', () => {
		const text = [
			'今年全市为民办实事项目进展顺利',
			'1.新建公厕20座；',
			'2.改造老旧小区15个；',
			'3.新增停车位3000个。',
			''
		].join('\n');
		expect(parse(text)).toEqual([]);
	});
});
