import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { HotlineRecord } from '../../../records/types';
import { hotlineParser } from './index';

function parse(text: string, areaCode?: string): HotlineRecord[] {
	const ctx = parseContext(text, { source: 'p.txt', published: '2022-06-01', areaCode });
	return runParser(hotlineParser, ctx) as HotlineRecord[];
}

/** What each record's passage says, name and numbers: the offsets checked through the text. */
function summary(text: string, rs: HotlineRecord[]) {
	return rs.map((r) => [
		text.slice(r.source.start, r.source.end),
		r.name,
		r.phones.map((p) => p.number).join(',')
	]);
}

describe('hotline parser: prose', () => {
	it('names a number by its purpose label and keeps the sentence as source', () => {
		const text = '若仍有疑问,可拨打失业保险咨询电话0731-28584126进行咨询。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			kind: 'hotline',
			name: '失业保险咨询电话',
			phones: [{ number: '0731-28584126' }]
		});
		expect(text.slice(r.source.start, r.source.end)).toContain('失业保险咨询电话0731-28584126');
	});

	it('splits off the organisation', () => {
		const [r] = parse('家长可根据自身需求选择。芦淞区教育局监督举报电话0731-28583069。');
		expect(r).toMatchObject({ name: '芦淞区教育局监督举报电话', organization: '芦淞区教育局' });
	});

	it('takes a generic 联系电话 only with the organisation before it, with the address', () => {
		const [r] = parse('如有其他疑问,请联系区人才办(联系电话:22624817,地址:区政府七楼728室)。');
		expect(r).toMatchObject({
			name: '区人才办联系电话',
			organization: '区人才办',
			address: '区政府七楼728室',
			phones: [{ number: '0731-22624817' }]
		});
	});

	it('reads a label printed after a short number, and hours', () => {
		const rs = parse('全市开通“12349”为老服务热线,24小时服务热线随时接听。');
		expect(rs[0]).toMatchObject({ name: '为老服务热线', phones: [{ number: '12349' }] });
		const [h] = parse(
			'业务咨询电话：０７３１—２８４５５５５５，工作时间：周一至周五８：３０－１７：３０。'
		);
		expect(h.hours).toBe('周一至周五８：３０－１７：３０');
		expect(h.phones[0].number).toBe('0731-28455555');
	});

	it('marks emergency numbers', () => {
		const [r] = parse('发现火情请立即拨打119报警。');
		expect(r).toMatchObject({ emergency: true, phones: [{ number: '119' }] });
	});

	it('parses traditional script and keeps the printed text', () => {
		const [r] = parse('如有疑問，請撥打社保諮詢熱線（0731）28829999。');
		expect(r.name).toBe('社保諮詢熱線');
		expect(r.phones[0]).toMatchObject({ number: '0731-28829999', raw: '（0731）28829999' });
	});
});

describe('hotline parser: more prose', () => {
	it('names a nationwide service number by its digits', () => {
		expect(parse('市民遇到问题可拨打12345热线反映。')[0]).toMatchObject({
			name: '12345热线',
			phones: [{ number: '12345' }]
		});
	});

	it('names a known service number with a bare label', () => {
		expect(parse('如遇停电，请拨打供电公司咨询电话：95598。')[0]).toMatchObject({
			name: '供电公司咨询电话',
			organization: '供电公司'
		});
		expect(parse('停电通知\n\n如有疑问，咨询电话：95598。')[0]?.name).toBe('95598咨询电话');
	});

	it('is not put off by a news opening earlier in the sentence', () => {
		const [r] = parse('本报讯 记者从市医保局获悉，参保人可拨打医保服务热线0731-28683507咨询。');
		expect(r.name).toBe('医保服务热线');
	});
});

describe('hotline parser: formats of other papers (issue 11)', () => {
	it("gives 7-digit locals the paper's area code and shares a printed one along 、", () => {
		const text =
			'社保卡业务咨询：0931-8270415、8270416\n养老保险待遇咨询：0931-8461203\n就业创业服务咨询：8468001\n';
		expect(summary(text, parse(text, '0931'))).toEqual([
			['社保卡业务咨询：0931-8270415、8270416', '社保卡业务咨询', '0931-8270415,0931-8270416'],
			['养老保险待遇咨询：0931-8461203', '养老保险待遇咨询', '0931-8461203'],
			['就业创业服务咨询：8468001', '就业创业服务咨询', '0931-8468001']
		]);
		// On a Zhuzhou page the 7-digit number is no number (Zhuzhou's locals have 8 digits).
		expect(parse(text).flatMap((r) => r.phones.map((p) => p.number))).not.toContain('0731-8468001');
	});

	it('reads a row of a district table: the district and its day and night numbers', () => {
		const text =
			'各区县（市）防汛值班电话\n单位　　白天　　夜间\n荷塘区　　28451230　　28451231\n芦淞区　　28432200　　28432211\n攸县　　　24412345　　24412346\n';
		expect(summary(text, parse(text))).toEqual([
			['荷塘区　　28451230　　28451231', '荷塘区', '0731-28451230,0731-28451231'],
			['芦淞区　　28432200　　28432211', '芦淞区', '0731-28432200,0731-28432211'],
			['攸县　　　24412345　　24412346', '攸县', '0731-24412345,0731-24412346']
		]);
	});

	it('keeps the day and night numbers of one duty line together in prose', () => {
		const text = '市民发现险情可随时报告。市防指办值班电话：28215566（白天）、28215577（夜间）。';
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r.phones.map((p) => p.number)).toEqual(['0731-28215566', '0731-28215577']);
		expect(text.slice(r.source.start, r.source.end)).toBe(
			'市防指办值班电话：28215566（白天）、28215577（夜间）'
		);
	});

	it('reads a one-line strip of emergency numbers, each entry its own passage', () => {
		const text = '国庆出游　安全第一\n\n紧急求助　报警１１０　火警１１９　急救１２０\n';
		expect(summary(text, parse(text)).map(([passage, , n]) => [passage, n])).toEqual([
			['紧急求助　报警１１０', '110'],
			['火警１１９', '119'],
			['急救１２０', '120']
		]);
	});

	it('names an office entry (name / 地址 / 电话 lines) by its office line, with the address', () => {
		const text = '天元区医疗保障服务中心\n地址：天元区珠江北路399号\n电话：0731-22687345\n';
		const [r] = parse(text);
		expect(r).toMatchObject({ name: '天元区医疗保障服务中心', address: '天元区珠江北路399号' });
		expect(text.slice(r.source.start, r.source.end)).toBe(text.trim());
	});

	it('joins a number that OCR broke at the end of a list line', () => {
		const text =
			'春节期间便民服务电活\n市长热线　　１２３４５\n燃气抢修　　0731-2838\n0119\n市城管局值班室　２８６８８１１０\n';
		expect(summary(text, parse(text))).toEqual([
			['市长热线　　１２３４５', '市长热线', '12345'],
			['燃气抢修　　0731-2838\n0119', '燃气抢修', '0731-28380119'],
			['市城管局值班室　２８６８８１１０', '市城管局值班室', '0731-28688110']
		]);
	});

	it('reads dot leaders and a 12345 printed inside the name', () => {
		const text = '市人社局………………4225861\n市供电公司………………95598\n市12345热线……………12345\n';
		expect(summary(text, parse(text, '0739'))).toEqual([
			['市人社局………………4225861', '市人社局', '0739-4225861'],
			['市供电公司………………95598', '市供电公司', '95598'],
			['市12345热线……………12345', '市12345热线', '12345']
		]);
	});

	it('takes 0838-12345 and the local 12345 of one sentence as one line', () => {
		const text = '自5月20日起，热线整合。市民在外地可拨打0838-12345，本地直接拨打12345即可。';
		const rs = parse(text, '0838');
		expect(rs.map((r) => r.phones.map((p) => p.number))).toEqual([['0838-12345', '12345']]);
	});

	it('takes the department printed in brackets after the number', () => {
		const text =
			'发现险情请立即撤离并报告，地质灾害报灾电话：0731-28658110（市自然资源和规划局），城区内涝报警电话：0731-28689119（市城市管理和综合执法局）。';
		expect(
			parse(text).map((r) => [text.slice(r.source.start, r.source.end), r.organization])
		).toEqual([
			['地质灾害报灾电话：0731-28658110（市自然资源和规划局）', '市自然资源和规划局'],
			['城区内涝报警电话：0731-28689119（市城市管理和综合执法局）', '市城市管理和综合执法局']
		]);
	});
});

describe('hotline parser: boxes and departments', () => {
	it('reads labels in brackets after short numbers in a two-column box', () => {
		const text =
			'常用电话\n12345（政务服务便民热线）　　　12315（消费投诉）\n市公交集团　0731-28110000　　　　国网客服　4006 611 234\n';
		expect(summary(text, parse(text))).toEqual([
			['12345（政务服务便民热线）', '政务服务便民热线', '12345'],
			['12315（消费投诉）', '消费投诉', '12315'],
			['市公交集团　0731-28110000', '市公交集团', '0731-28110000'],
			['国网客服　4006 611 234', '国网客服', '400-661-1234']
		]);
	});

	it('gives a purpose-labelled line the department named earlier in its sentence', () => {
		const text =
			'市公安局户政大队提醒，因急事需办理临时身份证的市民，可先电话联系，户政值班电话：0731-28221100。';
		expect(parse(text)).toMatchObject([{ name: '户政值班电话', organization: '市公安局户政大队' }]);
		// …but not to 12345, which is no line of the bureau named before it.
		const [, r] = parse(
			'市民可拨打市城管执法局投诉电话28612345，也可通过12345政务服务便民热线反映。'
		);
		expect(r.organization).toBeUndefined();
	});
});

describe('hotline parser: negatives', () => {
	it('skips numbers a story reports on: statistics, mergers, a class of numbers, a headline', () => {
		expect(parse('本报讯　2025年，株洲12345政务服务便民热线全年共受理群众诉求86.3万件。')).toEqual(
			[]
		);
		expect(parse('14条热线将整合并入12345政务服务便民热线。')).toEqual([]);
		expect(parse('负责人表示，110、119、120、122等紧急类热线不在此次整合范围内。')).toEqual([]);
		expect(parse('德阳日报\n\n非紧急类热线整合归并　有事就打12345\n\n本报讯　记者获悉。')).toEqual(
			[]
		);
	});

	it('skips the newspaper own lines', () => {
		expect(parse('广告接待热线 28835396')).toEqual([]);
		expect(parse('(本报热线:28835396 广告:28831111)')).toEqual([]);
		expect(parse('本版编辑 刘静 新闻热线:28835396')).toEqual([]);
	});

	it('skips the contact of a lost-item or family notice', () => {
		expect(parse('寻物启事\n\n本人遗失黑色钱包一个,请拾到者联系,电话:13307330000。')).toEqual([]);
		expect(parse('如有知情者请与刘毅联系,电话:13974158263。')).toEqual([]);
	});

	it('skips event sign-up and shop lines, and numbers without a purpose', () => {
		expect(parse('市民也可以前往现场报名,报名电话:28684239。')).toEqual([]);
		expect(parse('售楼热线:28881111')).toEqual([]);
		expect(parse('张三电话13974158263')).toEqual([]);
		expect(parse('咨询电话:28221100')).toEqual([]);
	});

	it('skips ID numbers and amounts', () => {
		expect(parse('服务热线430202195901010011')).toEqual([]);
		expect(parse('投诉电话共受理2000—3000元')).toEqual([]);
	});
});

describe('hotline parser: numbers that are no line offered to the reader', () => {
	it('leaves out a citizen’s reported call but keeps the offer to call', () => {
		const text =
			'市民邓先生拨打12345反映：小区路灯不亮。\n\n市民通过12345热线投诉，菜市场污水横流。\n\n如有问题，市民可拨打12345热线反映。\n';
		const rs = parse(text);
		expect(rs.map((r) => text.slice(r.source.start, r.source.end))).toEqual([
			expect.stringContaining('市民可拨打12345热线反映')
		]);
	});

	it('leaves out a number inside a source credit', () => {
		expect(parse('本周共受理诉求3000件。\n\n（市12345热线服务中心供稿）\n')).toEqual([]);
		// The credit under an article does not hide the article's own line.
		const text = '若仍有疑问,可拨打失业保险咨询电话0731-28584126进行咨询。\n\n（市人社局供稿）\n';
		expect(parse(text).map((r) => r.phones[0].number)).toEqual(['0731-28584126']);
	});
});

describe('hotline parser: a notice that speaks for its signer', () => {
	it('gives its lines the signing organisation when the notice says 我公司', () => {
		const text =
			'停气公告\n\n因管道检修，我公司定于12月3日9:00至17:00暂停供气。如有疑问，请拨打燃气服务热线0731-28990000。\n\n株洲某某燃气有限公司\n2026年12月1日\n';
		const [r] = parse(text);
		expect(r.phones.map((p) => p.number)).toEqual(['0731-28990000']);
		expect(r.organization).toBe('株洲某某燃气有限公司');
	});

	it('leaves the organisation out when the notice does not speak as its signer', () => {
		const text =
			'温馨提示\n\n如有疑问，请拨打燃气服务热线0731-28990000。\n\n株洲某某燃气有限公司\n2026年12月1日\n';
		const [r] = parse(text);
		expect(r.organization).toBeUndefined();
	});

	it('leaves out a column’s own line (本栏目热线): it is the paper’s', () => {
		const text = '市民发现井盖缺损可拨打0731-28560000报修。\n\n　　本栏目热线：0731-28800001\n';
		const numbers = parse(text).flatMap((r) => r.phones.map((p) => p.number));
		expect(numbers).not.toContain('0731-28800001');
	});
});
