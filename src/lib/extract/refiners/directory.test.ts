import { describe, expect, it } from 'vitest';
import { extract } from '../index';
import type { HotlineRecord } from '../../records/types';

function run(text: string, areaCode?: string) {
	return extract(text, {
		source: 'd.txt',
		published: '2025-07-09',
		...(areaCode ? { areaCode } : {})
	});
}

function hotlines(text: string, areaCode?: string): HotlineRecord[] {
	return run(text, areaCode).filter((r): r is HotlineRecord => r.kind === 'hotline');
}

describe('directory: public numbers inside answers, notices and articles', () => {
	it('a Q&A answer’s number is also the department office’s line; the Q&A keeps it', () => {
		const text = [
			'网络问政',
			'',
			'网友提问：小区想重新选聘物业公司，需要走什么程序？',
			'',
			'荷塘区住房和城乡建设局回复：选聘物业服务企业应由业主大会依法表决。如有疑问，可致电荷塘区住房和城乡建设局物业管理科，电话：0731-28451890。'
		].join('\n');
		const records = run(text);
		const qa = records.find((r) => r.kind === 'procedure');
		expect(qa?.phones.map((p) => p.number)).toEqual(['0731-28451890']);
		const [h, ...rest] = records.filter((r): r is HotlineRecord => r.kind === 'hotline');
		expect(rest).toEqual([]);
		expect(h).toMatchObject({
			organization: '荷塘区住房和城乡建设局物业管理科',
			phones: [{ number: '0731-28451890' }]
		});
		expect(text.slice(h.source.start, h.source.end)).toBe(
			'如有疑问，可致电荷塘区住房和城乡建设局物业管理科，电话：0731-28451890。'
		);
	});

	it('files a guide’s 咨询电话 under its 办理地点 office, or under the service without one', () => {
		const guide = (place: string) =>
			[
				'【办事指南】',
				'残疾人证怎么办',
				'【所需材料】①本人身份证；②近期两寸照片两张。',
				'【办理流程】①提出申请；②评定残疾等级；③领证。',
				`【办理地点】${place}`,
				'【咨询电话】0731-28990011',
				''
			].join('\n');
		const withOffice = guide('攸县政务服务中心二楼残联窗口');
		const [h] = hotlines(withOffice);
		expect(h).toMatchObject({
			organization: '攸县政务服务中心',
			phones: [{ number: '0731-28990011' }]
		});
		expect(withOffice.slice(h.source.start, h.source.end)).toBe('咨询电话】0731-28990011');
		const [bare] = hotlines(guide('户籍所在地社区或乡镇'));
		expect(bare.organization).toBeUndefined();
		expect(bare.name.startsWith('残疾人证怎么办')).toBe(true);
		expect(bare.phones.map((p) => p.number)).toEqual(['0731-28990011']);
	});

	it('takes the organisation from an earlier clause of the sentence', () => {
		const text =
			'出租车　乘车遇到拒载、绕路等情况，可向市交通运输综合执法支队投诉，投诉电话：28685123。';
		const [h] = hotlines(text);
		expect(h).toMatchObject({
			name: '市交通运输综合执法支队投诉电话',
			organization: '市交通运输综合执法支队',
			phones: [{ number: '0731-28685123' }]
		});
		expect(text.slice(h.source.start, h.source.end)).toBe(
			'市交通运输综合执法支队投诉，投诉电话：28685123。'
		);
	});

	it('reaches back two clauses, past the paragraph’s lead word, and drops the dialling verb', () => {
		const text =
			'供水　株洲市水务集团春节期间实行24小时值班，用户遇到停水、爆管等问题，可拨打服务热线28299999。';
		const [h] = hotlines(text);
		expect(h).toMatchObject({
			name: '株洲市水务集团服务热线',
			organization: '株洲市水务集团',
			phones: [{ number: '0731-28299999' }]
		});
		expect(text.slice(h.source.start, h.source.end)).toBe(text.slice(3));
	});

	it('takes the office from the sentence before a sentence that is only the label', () => {
		const text =
			'春节假期期间，市民中心设置应急服务窗口，办理急需的证照业务。值班电话：0731-28201234（白天）0731-28201235（夜间）。';
		const [h, ...rest] = hotlines(text);
		expect(rest).toEqual([]);
		expect(h).toMatchObject({ name: '市民中心值班电话', organization: '市民中心' });
		expect(h.phones.map((p) => p.number)).toEqual(['0731-28201234', '0731-28201235']);
	});

	it('refuses a self-reference (本公司) and a notice’s contact named a clause away', () => {
		expect(
			hotlines('减资公告\n\n请债权人自见报之日起45日内向本公司申报债权。联系电话：28881234。')
		).toEqual([]);
		expect(
			hotlines(
				'招领启事\n\n11月5日晚在神农公园东门拾到女式钱包一个，请失主携带有效证件到荷塘派出所认领，电话：0731-28390000。'
			)
		).toEqual([]);
	});

	it('does not file a number twice', () => {
		const text = '市民可拨打市医疗保障局咨询电话0731-28685566咨询。';
		expect(hotlines(text).map((r) => r.phones[0].number)).toEqual(['0731-28685566']);
	});

	it('leaves out private mobiles, notice contacts, sign-up lines and the paper’s lines', () => {
		expect(
			hotlines(
				[
					'招领启事',
					'10月14日上午，市民在炎帝广场拾到黑色手提包一个，已交至建设派出所。请失主携带身份证件到建设派出所认领，电话：0731-28225110。',
					'',
					'寻物启事',
					'本人于10月13日在株洲西站遗失灰色拉杆箱一个，望市公交集团司机或拾到者与13974112345联系。',
					'',
					'市老年大学开设智能手机培训班，报名电话：0731-28123456。',
					'',
					'印刷：株洲日报社印务中心　电话：0731-28832444'
				].join('\n')
			)
		).toEqual([]);
	});

	it('leaves out numbers quoted in a fraud warning or a statistics report', () => {
		expect(
			hotlines(
				'据市公安局介绍，骗子使用的号码为95013开头的虚拟号段，冒充公检法时还显示0731-28001110等伪造号码。'
			)
		).toEqual([]);
		expect(
			hotlines('记者从市政务服务中心获悉，株洲12345政务服务便民热线全年共受理群众诉求86.3万件。')
		).toEqual([]);
	});

	it('files a guide’s 洽詢電話 (Taiwan-style label) like its 咨询电话', () => {
		const text = [
			'居住證申辦須知',
			'應備文件：（一）通行證（二）照片一張',
			'申辦流程：提交申請→審核→領證',
			'受理地點：戶籍所在地派出所',
			'洽詢電話：0731-28830299',
			''
		].join('\n');
		const [h] = hotlines(text);
		expect(h?.phones).toEqual([expect.objectContaining({ number: '0731-28830299' })]);
	});

	it('leaves a bulletin’s shared contact under its items to the notice', () => {
		const text =
			'失物招领\n　　近期乘客遗失以下物品：①10月5日，售票大厅拾到棕色皮夹一个；②10月8日，候车室拾到蓝色雨伞一把。请失主到车站服务台认领，联系电话：0731-22001199。';
		expect(hotlines(text)).toEqual([]);
	});

	it('leaves a notice’s 与派出所联系 to the notice: which station is the notice’s business', () => {
		const text = [
			'寻找孩子家长！',
			'10月20日晚8时许，民警在某区人民广场发现一名女孩，约4岁，穿粉色外套。',
			'孩子现在派出所，家长看到后请速与派出所联系：0731-22880022。',
			''
		].join('\n');
		expect(hotlines(text)).toEqual([]);
	});
});
