import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { ProcedureRecord } from '../../../records/types';
import { procedureParser } from './index';
import { topicOverlap } from './topic';

function parse(text: string): ProcedureRecord[] {
	const ctx = parseContext(text, { source: 'p.txt', published: '2020-05-08' });
	return runParser(procedureParser, ctx) as ProcedureRecord[];
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
			'网友咨询:申领失业保险金需要什么条件?区政府回复:一、参保缴费满1年;\n\n二、非因本人意愿中断就业的。\n\n若仍有疑问,可拨打失业保险咨询电话0731-28584126。\n\n另一篇文章的标题\n\n正文。';
		const [r] = parse(text);
		expect(r.answer).toContain('二、非因本人意愿中断就业');
		expect(r.answer).toContain('0731-28584126');
		expect(r.answer).not.toContain('另一篇');
		expect(r.phones).toEqual([
			{ number: '0731-28584126', raw: '0731-28584126', label: '失业保险咨询电话' }
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

describe('Q&A layouts of message boards, digests and letters', () => {
	const slice = (text: string, r: ProcedureRecord) => text.slice(r.source.start, r.source.end);

	it('reads 留言板 / 官方回复 and takes the department from the [经办单位] line under it', () => {
		const text =
			'本期关注：身边事\n\n留言板：栗雨路口绿灯太短，能否延长？\n官方回复：您好！我支队已将直行绿灯由22秒调整为35秒。\n[经办单位：株洲市公安局交通警察支队]\n\n留言板：建设南路站台没有雨棚，能否加装？\n官方回复：新站台已纳入今年建设计划。\n[经办单位：株洲市公共交通有限责任公司]\n';
		const [a, b] = parse(text);
		expect(a).toMatchObject({
			question: '栗雨路口绿灯太短，能否延长？',
			answer: '您好！我支队已将直行绿灯由22秒调整为35秒。',
			department: '株洲市公安局交通警察支队'
		});
		// The item runs from its 留言板 marker to the closing bracket of its 经办单位 line.
		expect(a.source.start).toBe(text.indexOf('留言板：栗雨'));
		expect(slice(text, a).endsWith('交通警察支队]')).toBe(true);
		expect(b.department).toBe('株洲市公共交通有限责任公司');
		expect(slice(text, b).endsWith('有限责任公司]')).toBe(true);
	});

	it('reads a narrative digest: 一、网友反映，… then X月X日XX局回复，… and XX局：已…', () => {
		const text =
			'一、网友反映，清水塘一处小区化粪池堵塞，污水漫到楼道口。\n11月18日，石峰区住房和城乡建设局回复，已责成物业当日疏通。\n\n二、网友咨询，外地缴的医保能转回株洲吗？\n市医疗保障局：已在公众号发布转移接续指引，可在线申请。\n';
		const [a, b] = parse(text);
		expect(a).toMatchObject({
			question: '清水塘一处小区化粪池堵塞，污水漫到楼道口。',
			department: '石峰区住房和城乡建设局',
			answer: '已责成物业当日疏通。'
		});
		expect(a.source.start).toBe(0);
		expect(slice(text, a).endsWith('当日疏通。')).toBe(true);
		expect(b).toMatchObject({
			question: '外地缴的医保能转回株洲吗？',
			department: '市医疗保障局',
			answer: '已在公众号发布转移接续指引，可在线申请。'
		});
	});

	it('takes the department of 部门回复：XX表示，… and the two headline lines above the item', () => {
		const text =
			'清晨广场舞音响太吵\n民警上门劝导降音量\n市民来电反映，宝盖路口每天清晨有人放音响跳舞，影响休息。\n部门回复：市公安局表示，已安排民警到场劝导，要求降低音量，避开休息时段。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			title: '清晨广场舞音响太吵 民警上门劝导降音量',
			question: '宝盖路口每天清晨有人放音响跳舞，影响休息。',
			department: '市公安局',
			answer: '已安排民警到场劝导，要求降低音量，避开休息时段。'
		});
		expect(r.source.start).toBe(0);
		expect(r.source.end).toBe(text.length - 1);
	});

	it('reads a place before the asker and a quoted name: 醴陵网友“小吴”留言：', () => {
		const text =
			'路边唱歌扰民，公安局：已进行劝阻\n醴陵网友“阳三石小吴”留言：每晚有人在烧烤店门口拿音响唱歌。\n醴陵市公安局回复：民警已到现场对唱歌人员进行劝阻，并加强夜间巡逻。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			title: '路边唱歌扰民，公安局：已进行劝阻',
			question: '每晚有人在烧烤店门口拿音响唱歌。',
			department: '醴陵市公安局'
		});
		expect(r.source.start).toBe(0);
	});

	it('pairs numbered questions with 答: and takes the department the lead names', () => {
		const text =
			'办证高峰来了\n\n本报讯 记者从市公安局户政支队获悉，针对市民关心的问题，户政民警作了解答。\n\n1.孩子第一次办身份证，需要带什么？\n答：由监护人陪同，携带户口簿到派出所办理。\n\n2.身份证丢了，着急坐火车怎么办？\n答：可到火车站铁路公安窗口办理临时乘车身份证明。\n';
		const rs = parse(text);
		expect(rs).toHaveLength(2);
		expect(rs[0]).toMatchObject({
			question: '孩子第一次办身份证，需要带什么？',
			answer: '由监护人陪同，携带户口簿到派出所办理。',
			department: '市公安局户政支队'
		});
		expect(rs[0].source.start).toBe(text.indexOf('1.孩子'));
		expect(rs[1].department).toBe('市公安局户政支队');
		expect(rs[1].source.start).toBe(text.indexOf('2.身份证'));
	});

	it('takes the reply printed under a 回复单位 line that also carries the 回复时间', () => {
		const text =
			'网友“小雨点”留言：孩子上小学按户口还是按居住地划片？\n回复单位：茶陵县教育局　　回复时间：2026年1月19日\n您好！原则上在户籍所在地学区入学。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			question: '孩子上小学按户口还是按居住地划片？',
			department: '茶陵县教育局',
			answer: '您好！原则上在户籍所在地学区入学。'
		});
	});

	it('reads a letter and its signed reply, leaving the signatures out of the texts', () => {
		const text =
			'外地公积金能否在株洲贷款？\n\n来信：我在湘潭缴了六年公积金，能在株洲贷款吗？\n　　——天元区读者　周先生\n\n市住房公积金管理中心答复：\n周先生：您好！现答复如下：长株潭已实现缴存互认，可以申请。\n株洲市住房公积金管理中心\n2026年2月10日\n\n灵活就业人员如何参保？\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			title: '外地公积金能否在株洲贷款？',
			question: '我在湘潭缴了六年公积金，能在株洲贷款吗？',
			department: '市住房公积金管理中心',
			answer: '周先生：您好！现答复如下：长株潭已实现缴存互认，可以申请。'
		});
		expect(r.source.start).toBe(0);
		expect(slice(text, r).endsWith('2026年2月10日')).toBe(true);
	});

	it('reads 回复机构 lines and 【部门回复】 replies that open with the department', () => {
		const [a] = parse(
			'留言主题：南洲镇经常停水\n留言内容：这个月停了三次水，什么时候能解决？\n回复机构：中共株洲市渌口区委办公室\n回复时间：2026-04-12\n回复内容：网友您好！供水主管已更换，供水恢复稳定。'
		);
		expect(a).toMatchObject({
			question: '这个月停了三次水，什么时候能解决？',
			department: '中共株洲市渌口区委办公室',
			answer: '网友您好！供水主管已更换，供水恢复稳定。'
		});
		const [b] = parse(
			'【网友留言】浦口镇到市区的公交中午没有班次。\n【部门回复】醴陵市交通运输局：自6月15日起中午增开两个班次。'
		);
		expect(b).toMatchObject({
			question: '浦口镇到市区的公交中午没有班次。',
			department: '醴陵市交通运输局',
			answer: '自6月15日起中午增开两个班次。'
		});
	});

	it('answers question subheads with the paragraph under them, two or more per article', () => {
		const text =
			'创业补贴怎么申领？\n\n本报讯 市人力资源和社会保障局有关负责人就群众关心的问题作了解答。\n\n一、哪些人可以申领？\n首次创办小微企业且经营一年以上的人员可以申领。\n\n二、补贴标准是多少？\n每户一次性补贴5000元。\n\n该负责人提醒，须如实提供材料。\n';
		const rs = parse(text);
		expect(rs.map((r) => [r.question, r.answer, r.department])).toEqual([
			[
				'哪些人可以申领？',
				'首次创办小微企业且经营一年以上的人员可以申领。',
				'市人力资源和社会保障局'
			],
			['补贴标准是多少？', '每户一次性补贴5000元。', '市人力资源和社会保障局']
		]);
		expect(rs[1].source.start).toBe(text.indexOf('二、补贴'));
		expect(text.slice(rs[1].source.start, rs[1].source.end).endsWith('5000元。')).toBe(true);
		// One rhetorical numbered question in an article is not a Q&A.
		expect(parse('1.为什么要垃圾分类？\n因为资源有限，人人有责。\n')).toEqual([]);
	});

	it('reads a message list: username line, a reply opening with a greeting, （回复单位：…）', () => {
		const text =
			'神农公园北门夜间音响太吵\n网友 zz20260512　　2026-05-12\n每晚八点以后有人用音箱跳舞，希望管一管。\n网友您好：您反映的情况已收悉，派出所已加强夜间巡查。\n（回复单位：荷塘公安分局）\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			title: '神农公园北门夜间音响太吵',
			question: '每晚八点以后有人用音箱跳舞，希望管一管。',
			answer: '网友您好：您反映的情况已收悉，派出所已加强夜间巡查。',
			department: '荷塘公安分局'
		});
		expect(r.source.start).toBe(0);
		expect(text.slice(r.source.start, r.source.end).endsWith('荷塘公安分局）')).toBe(true);
		// A greeting under 回复内容： is the first word of that reply, not a second one.
		const [b] = parse(
			'留言内容：路灯坏了一排。\n回复单位：市城管局\n回复内容：\n您好！线缆已修复，路灯恢复照明。'
		);
		expect(b).toMatchObject({ department: '市城管局', answer: '您好！线缆已修复，路灯恢复照明。' });
	});

	it('reads 【反映】/【回复】 and drops who called from the question', () => {
		const [a, b] = parse(
			'【反映】市民王先生来电反映，小区门口共享单车堆满了盲道。\n【回复】天元区城市管理和综合执法局：已清运车辆120余辆。\n\n【反映】石峰区田心街道居民反映，餐馆油烟直排。\n【回复】石峰区生态环境分局：已责令限期安装油烟净化设施。'
		);
		expect(a).toMatchObject({
			question: '小区门口共享单车堆满了盲道。',
			department: '天元区城市管理和综合执法局',
			answer: '已清运车辆120余辆。'
		});
		expect(b).toMatchObject({ question: '餐馆油烟直排。', department: '石峰区生态环境分局' });
	});

	it('reads a news story: 网友在…平台留言称，… / 对此，XX局回复称，… / XX公司回复如下：', () => {
		const text =
			'网友在“问政株洲”平台留言称，月塘菜市场一下雨就满地污水。\n对此，荷塘区商务局回复称，该市场已列入提质改造计划，预计12月开工。\n\n另有网友反映，清水塘路多个站台没有站牌。\n市公共交通有限责任公司回复如下：\n一、站牌系道路施工时拆除；\n二、新站牌已于10月28日安装到位。\n\n记者将持续关注。\n';
		const [a, b] = parse(text);
		expect(a).toMatchObject({
			question: '月塘菜市场一下雨就满地污水。',
			department: '荷塘区商务局',
			answer: '该市场已列入提质改造计划，预计12月开工。'
		});
		expect(b).toMatchObject({
			question: '清水塘路多个站台没有站牌。',
			department: '市公共交通有限责任公司',
			answer: '一、站牌系道路施工时拆除；\n二、新站牌已于10月28日安装到位。'
		});
		expect(text.slice(b.source.start, b.source.end).endsWith('安装到位。')).toBe(true);
	});

	it('leaves the meta lines of a board out of question and answer, and takes its 标题 as title', () => {
		const text =
			'■留言办理·回音\n\n标题：高科园通勤班车太少\n来自：株洲市 芦淞区\n留言内容：早上只有两趟公交，希望增开通勤线路。\n留言时间：2026-02-27\n回复：\n您好！将于3月25日起开通园区通勤专线。\n回复时间：2026-03-10\n满意度：满意\n\n■群众诉求·办理结果\n\n【群众诉求】山塘堤坝出现裂缝。\n【办理结果】攸县水利局：已灌浆处理并安排专人巡查。\n';
		const [a, b] = parse(text);
		expect(a).toMatchObject({
			title: '高科园通勤班车太少',
			question: '早上只有两趟公交，希望增开通勤线路。',
			answer: '您好！将于3月25日起开通园区通勤专线。'
		});
		expect(a.source.start).toBe(text.indexOf('标题：'));
		expect(text.slice(a.source.start, a.source.end).endsWith('满意度：满意')).toBe(true);
		expect(b).toMatchObject({ question: '山塘堤坝出现裂缝。', department: '攸县水利局' });
		expect(b.source.start).toBe(text.indexOf('【群众诉求】'));
	});

	it('reads a reply opening with the name of the reader and takes the office that signs it', () => {
		const text =
			'来信：小区旁的排水沟常年堵塞，希望彻底清理。\n——来龙门街道居民　易女士\n\n易女士：\n您好！您的来信收悉，现答复如下：我局已于1月5日完成全线清淤。\n醴陵市城市管理和综合执法局\n2026年1月7日\n\n（来信请寄本报编辑部）\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			question: '小区旁的排水沟常年堵塞，希望彻底清理。',
			department: '醴陵市城市管理和综合执法局',
			answer: '易女士：您好！您的来信收悉，现答复如下：我局已于1月5日完成全线清淤。'
		});
		expect(r.source.start).toBe(0);
		expect(text.slice(r.source.start, r.source.end).endsWith('2026年1月7日')).toBe(true);
	});

	it('reads 拨打12345反映 / 通过12345热线反映 and table rows split by a tab', () => {
		const rs = parse(
			'市民刘女士拨打12345反映：早餐店凌晨4点卸货，影响休息。\n荷塘区商务局：已约谈店主，卸货改到6点以后。\n\n问题：灵活就业人员可以缴纳公积金吗？\t答复：可以，按月自愿缴存。\n'
		);
		expect(rs.map((r) => [r.question, r.department, r.answer])).toEqual([
			['早餐店凌晨4点卸货，影响休息。', '荷塘区商务局', '已约谈店主，卸货改到6点以后。'],
			['灵活就业人员可以缴纳公积金吗？', undefined, '可以，按月自愿缴存。']
		]);
	});

	it('takes the office printed in brackets after a 【答复】 as the department', () => {
		const [r] = parse(
			'【咨询】考上外地大学，户口要不要迁？\n【答复】由学生自愿选择，迁移的到派出所办理迁出手续。（市公安局户政支队）\n'
		);
		expect(r).toMatchObject({
			question: '考上外地大学，户口要不要迁？',
			department: '市公安局户政支队',
			answer: '由学生自愿选择，迁移的到派出所办理迁出手续。'
		});
		// A bracket that names no office stays in the answer.
		const [b] = parse('问：哪里办？\n答：到社区服务中心办理。（详见附件）\n');
		expect(b.department).toBeUndefined();
		expect(b.answer).toBe('到社区服务中心办理。（详见附件）');
	});

	it('leaves the article headline to the article when the items have none of their own', () => {
		const text =
			'寒假托管怎么报名？学生资助怎么申请？\n\n■网友问：寒假托管怎么报名？\n■部门答：市教育局：家长扫码报名。\n\n■网友问：低保家庭学生有哪些资助？\n■部门答：市学生资助管理中心：可申请国家助学金。\n';
		const [a, b] = parse(text);
		expect(a.source.start).toBe(text.indexOf('■网友问：寒假'));
		expect(a.title).toBe('寒假托管怎么报名？');
		expect(b.department).toBe('市学生资助管理中心');
	});

	it('takes the office named in the answer label: 答（市社会保险服务中心）：', () => {
		const [r] = parse(
			'问：养老保险还能补缴吗？\n答（市社会保险服务中心）：逾期不能补缴往年费用。\n'
		);
		expect(r).toMatchObject({
			question: '养老保险还能补缴吗？',
			department: '市社会保险服务中心',
			answer: '逾期不能补缴往年费用。'
		});
	});

	it('does not take a column subtitle or a bare section label as an item headline', () => {
		const text =
			'每周选登三县群众留言及部门答复\n\n留言标题：菜市场周边占道经营\n留言内容：马路两边摆满菜摊，车过不去。\n回复单位：攸县城市管理和综合执法局\n回复内容：已开展集中整治，劝导摊贩入市经营。\n\n政策回应\n\n网友“湘江边”问：见习期间单位给买工伤保险吗？\n市人社局答：见习人员不参加工伤保险，由见习基地办理意外伤害保险。\n';
		const [a, b] = parse(text);
		expect(a.source.start).toBe(text.indexOf('留言标题'));
		expect(a.question).toBe('马路两边摆满菜摊，车过不去。');
		expect(b.source.start).toBe(text.indexOf('网友“湘江边”'));
	});

	it('reads a 民声·回声 column: [民声] opens the problem, [回声] the unit’s answer', () => {
		const text = [
			'【民声】读者刘先生：小区门口的路灯坏了半个月，晚上走路很不方便。',
			'【回声】白关镇人民政府：已安排电工于11月3日更换灯具，路灯恢复照明。',
			''
		].join('\n');
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			subtype: 'qa',
			department: '白关镇人民政府',
			answer: '已安排电工于11月3日更换灯具，路灯恢复照明。'
		});
		expect(r.question).toContain('小区门口的路灯坏了半个月');
	});

	it('skips a work-order number before the question and reads （承办单位：…） after the answer', () => {
		const text = [
			'【工单号：ZZ202610080011】市民来电反映：荷塘区一处小区的消防通道被私家车长期占用。',
			'【办理结果】街道已联合交警清理占道车辆，并在通道口加装了隔离桩。（承办单位：荷塘区茨菇塘街道办事处）',
			''
		].join('\n');
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			question: '荷塘区一处小区的消防通道被私家车长期占用。',
			answer: '街道已联合交警清理占道车辆，并在通道口加装了隔离桩。',
			department: '荷塘区茨菇塘街道办事处'
		});
		expect(text.slice(r.source.start, r.source.end)).toContain('【工单号');
	});

	it('drops （网友…，time） after a question and reads （XX局，time） after the answer', () => {
		const text = [
			'【提问】公租房租金可以按季度交吗？（网友“石峰小王”，10月9日8:15）',
			'【回答】可以，承租人可在服务窗口申请按季度缴纳。（市住房保障服务中心，10月9日16:40）',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r).toMatchObject({
			question: '公租房租金可以按季度交吗？',
			answer: '可以，承租人可在服务窗口申请按季度缴纳。',
			department: '市住房保障服务中心'
		});
	});

	it('reads a Q&A table (| 网友问题 | 答复内容 | 答复单位 |) one record per row', () => {
		const text = [
			'网友留言答复汇总',
			'| 序号 | 网友问题 | 答复内容 | 答复单位 |',
			'| 1 | 小区旁的垃圾站每天早上五点就开始作业，噪音很大，能否调整时间？ | 已要求作业单位将清运时间调整至早上七点以后。 | 芦淞区城市管理和综合执法局 |',
			'| 2 | 新生儿办理医保需要什么材料？ | 持出生医学证明和户口簿到社区服务中心办理即可。 | 市医疗保障事务中心 |',
			''
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.question, r.answer, r.department])).toEqual([
			[
				'小区旁的垃圾站每天早上五点就开始作业，噪音很大，能否调整时间？',
				'已要求作业单位将清运时间调整至早上七点以后。',
				'芦淞区城市管理和综合执法局'
			],
			[
				'新生儿办理医保需要什么材料？',
				'持出生医学证明和户口簿到社区服务中心办理即可。',
				'市医疗保障事务中心'
			]
		]);
		expect(text.slice(rs[1].source.start, rs[1].source.end)).toMatch(/^\| 2 \|.*中心 \|$/);
	});

	it('reads a deputy’s suggestion (代表建议：) and its reply (办理答复：…（承办单位：…）)', () => {
		const text = [
			'代表建议：某镇中心小学门口没有斑马线和减速带，上下学时段学生过马路很危险。',
			'办理答复：已于10月施划斑马线并安装减速带两处，上下学时段安排交警值守。（承办单位：某县公安局交通警察大队）',
			''
		].join('\n');
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			question: '某镇中心小学门口没有斑马线和减速带，上下学时段学生过马路很危险。',
			answer: '已于10月施划斑马线并安装减速带两处，上下学时段安排交警值守。',
			department: '某县公安局交通警察大队'
		});
	});
});
