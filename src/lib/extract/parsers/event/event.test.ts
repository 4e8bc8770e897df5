import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { EventRecord } from '../../../records/types';
import { eventParser } from '.';

function parse(text: string, published = '2024-06-03'): EventRecord[] {
	return runParser(
		eventParser,
		parseContext(text, { source: 'page.txt', published })
	) as EventRecord[];
}

describe('events with a way to register', () => {
	it('reads a formal sign-up notice with labelled fields', () => {
		const text = [
			'“悦读童年”暑期亲子阅读营开始报名',
			'为丰富少年儿童暑期生活，市图书馆将举办“悦读童年”暑期亲子阅读营，现面向社会招募学员。',
			'活动时间：7月6日至7月10日，每天上午9:00-11:00。',
			'活动地点：市图书馆少儿阅览室（神农大道100号）。',
			'报名对象：6至10岁儿童及其家长，共30组家庭。',
			'报名截止：6月30日。',
			'报名方式：1.电话报名：0731-22345678；2.扫描下方二维码在线报名；3.发送邮件至yuedu@example.com。',
			'活动费用：免费。',
			'主办单位：某市图书馆'
		].join('\n\n');
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			title: '“悦读童年”暑期亲子阅读营开始报名',
			organizer: '某市图书馆',
			// 每天上午9:00: each day of the run starts at nine.
			startsOn: '2024-07-06T09:00',
			endsOn: '2024-07-10',
			deadline: '2024-06-30',
			location: '市图书馆少儿阅览室（神农大道100号）',
			fee: '免费',
			audience: '6至10岁儿童及其家长，共30组家庭',
			emails: ['yuedu@example.com']
		});
		expect(r.howToRegister).toEqual([
			'电话报名：0731-22345678',
			'扫描下方二维码在线报名',
			'发送邮件至yuedu@example.com'
		]);
		expect(r.phones.map((p) => p.number)).toEqual(['0731-22345678']);
		expect(text.slice(r.source.start, r.source.end)).toBe(text);
	});

	it('reads a call for entries told as news, with a deadline and ways to send', () => {
		const text = [
			'晒出你的家乡美 摄影作品征集开始啦',
			'记者 王某',
			'近日，某市文联开展“家乡美”摄影作品征集活动。即日起至8月31日，市民可将作品发送至邮箱 photo@example.com，也可以前往市文联三楼现场报名投稿，咨询电话：28561234。'
		].join('\n\n');
		const [r] = parse(text);
		expect(r).toMatchObject({
			title: '晒出你的家乡美 摄影作品征集开始啦',
			deadline: '2024-08-31',
			emails: ['photo@example.com']
		});
		expect(r.howToRegister).toEqual([
			'将作品发送至邮箱 photo@example.com',
			'前往市文联三楼现场报名投稿'
		]);
		expect(r.phones[0].number).toBe('0731-28561234');
	});

	it('keeps an event whose deadline has passed (the interface says 报名已截止)', () => {
		const text =
			'城市定向赛招募选手\n\n本次比赛将于5月18日在湘江风光带举行，报名截止时间为5月10日，报名电话：13800002222。';
		const [r] = parse(text, '2024-06-03');
		expect(r).toMatchObject({
			deadline: '2024-05-10',
			startsOn: '2024-05-18',
			location: '湘江风光带'
		});
	});

	it('reads traditional script and full-width punctuation', () => {
		const text =
			'社區長者書法班招生\n\n活動時間：９月２日起每週一下午。報名方式：到社區服務中心現場報名，或致電０７３１－２８１１２２３３報名。費用：每人５０元。';
		const [r] = parse(text, '2024-08-20');
		expect(r).toMatchObject({
			title: '社區長者書法班招生',
			startsOn: '2024-09-02',
			fee: '每人５０元'
		});
		expect(r.phones[0].number).toBe('0731-28112233');
		expect(r.howToRegister?.length).toBeGreaterThan(0);
	});
	it('reads a 招募令 with numbered section headings instead of colons', () => {
		const text = [
			'招募令｜“城市守护者”交通文明志愿者招募啦！',
			'为营造文明有序的交通环境，现面向全市公开招募志愿者100名。',
			'一、招募对象\n年满18周岁、身体健康、热心公益的市民。',
			'二、服务时间\n2024年7月1日至8月31日，每周六、周日早晚高峰时段。',
			'三、服务地点\n市区主要路口',
			'四、报名时间\n即日起至6月25日，额满为止。',
			'五、报名方式\n（1）扫描下方二维码填写报名信息；\n（2）登录“志愿湖南”平台搜索“城市守护者”报名；\n（3）咨询电话：0731-28223344。',
			'主办单位：某市文明办'
		].join('\n\n');
		const [r] = parse(text, '2024-06-10');
		expect(r).toMatchObject({
			title: '招募令｜“城市守护者”交通文明志愿者招募啦！',
			organizer: '某市文明办',
			startsOn: '2024-07-01',
			endsOn: '2024-08-31',
			deadline: '2024-06-25',
			location: '市区主要路口',
			audience: '年满18周岁、身体健康、热心公益的市民'
		});
		expect(r.howToRegister).toEqual([
			'扫描下方二维码填写报名信息',
			'登录“志愿湖南”平台搜索“城市守护者”报名',
			'咨询电话：0731-28223344'
		]);
		expect(r.source.end).toBe(text.length);
	});
});

describe('not events', () => {
	it('skips a report of an event that already took place', () => {
		const text =
			'全民健身运动会落下帷幕\n\n记者 李某\n\n6月1日，某区第三届全民健身运动会圆满结束。本届运动会吸引了2000多名市民报名参加，共设12个比赛项目。';
		expect(parse(text)).toEqual([]);
	});

	it('skips a news story that mentions volunteers were recruited', () => {
		const text =
			'牵手成长 爱心不停歇\n\n该项目自2015年启动以来，通过向社会招募志愿者，结对困境儿童268名，2017年获评省优秀志愿服务项目。';
		expect(parse(text)).toEqual([]);
	});

	it('skips a service that can be booked (预约上门) and the paper’s own contribution box', () => {
		const text =
			'园林服务站上线\n\n服务站对全社会免费开放，提供免费咨询和预约上门服务。\n\n投稿邮箱：news@example.com';
		expect(parse(text)).toEqual([]);
	});
});

describe('talks booked by phone', () => {
	it('a 讲座 with 电话预约 is an event; the record ends with the talk', () => {
		const body =
			'本周五下午3点，在某社区卫生服务中心四楼会议室开讲。讲座免费，名额30个，请提前电话预约：0731-22880000。';
		const text = `冬季心脑血管疾病预防讲座\n\n${body}\n\n健康小贴士：冬季晨练不宜过早。`;
		const [r, ...rest] = parse(text, '2024-06-03');
		expect(rest).toEqual([]);
		expect(text.slice(r.source.start, r.source.end)).toBe(`冬季心脑血管疾病预防讲座\n\n${body}`);
		expect(r).toMatchObject({
			startsOn: '2024-06-07T15:00',
			location: '某社区卫生服务中心四楼会议室',
			fee: '免费'
		});
	});

	it('a guide that says 预约 is no event', () => {
		const text =
			'办理居住证须知\n\n市民可通过电话提前预约办理，预约电话：0731-22880001。办理时须携带身份证。';
		expect(parse(text, '2024-06-03')).toEqual([]);
	});
});

describe('more layouts', () => {
	it('reads 【】 section headings with the value on the next line', () => {
		const text =
			'市博物馆“小小讲解员”招募令\n\n【活动时间】\n7月20日至8月10日，每周六上午\n【活动地点】\n市博物馆一楼大厅\n【招募对象】\n9至14岁中小学生，限30人\n【报名方式】\n联系人：王老师　13974290000';
		const [r] = parse(text, '2024-07-06');
		expect(r).toMatchObject({
			startsOn: '2024-07-20',
			endsOn: '2024-08-10',
			location: '市博物馆一楼大厅',
			audience: '9至14岁中小学生，限30人'
		});
		expect(r.howToRegister).toEqual(['联系人：王老师　13974290000']);
	});

	it('a story announcing two activities files each paragraph', () => {
		const one =
			'10月24日上午9时，“九九重阳”长者合唱展演将在市文化馆剧场举行，有意参加的合唱团可于10月20日前拨打0731-28270000报名。';
		const two =
			'此外，10月25日下午，市文化馆将在神农公园举办“敬老爱老”亲子书画活动，市民可关注“株洲文化馆”公众号报名。';
		const text = `重阳节前 两场活动邀市民参与\n\n本报讯 重阳节期间我市将举办两场群众文化活动。\n\n${one}\n\n${two}`;
		const records = parse(text, '2024-10-16');
		expect(records.map((r) => text.slice(r.source.start, r.source.end))).toEqual([one, two]);
		expect(records.map((r) => r.title)).toEqual([
			'“九九重阳”长者合唱展演',
			'“敬老爱老”亲子书画活动'
		]);
		expect(records[0]).toMatchObject({ startsOn: '2024-10-24T09:00', deadline: '2024-10-20' });
		expect(records[1]).toMatchObject({ startsOn: '2024-10-25', location: '神农公园' });
	});

	it('one activity told in two paragraphs stays one record', () => {
		const text =
			'读书会招募\n\n市图书馆将于6月15日下午举办读书会，请拨打0731-22345678报名。\n\n读书会6月15日下午2时开始，也可扫码报名。';
		expect(parse(text, '2024-06-03')).toHaveLength(1);
	});
});

describe('formats added with the second corpus', () => {
	it('gives one event per row of a course timetable, sharing the notice’s way to register', () => {
		const text = [
			'某街道社区学校秋季课程表',
			'',
			'课程 开课日期 时间 地点 名额',
			'书法入门 9月8日 周二15:00 某社区活动室 20人',
			'广场舞 9月10日 周四19:30 某公园东广场 50人',
			'',
			'以上课程均免费。请于9月5日前到社区居委会报名。',
			'咨询电话：0731-22000004'
		].join('\n');
		const records = parse(text, '2026-09-01');
		expect(
			records.map((r) => [r.title, r.startsOn, r.location, r.deadline, r.phones.length])
		).toEqual([
			['书法入门', '2026-09-08T15:00', '某社区活动室', '2026-09-05', 1],
			['广场舞', '2026-09-10T19:30', '某公园东广场', '2026-09-05', 1]
		]);
	});

	it('reads a poster’s 字段｜值 lines and a 竞赛规程’s numbered labels', () => {
		const poster = parse(
			[
				'亲子阅读日活动',
				'',
				'时间｜5月9日（周六）9:30—11:00',
				'地点｜某区图书馆一楼大厅',
				'费用｜免费，每个家庭带1本绘本',
				'报名｜扫描海报二维码填写信息，5月7日截止',
				'',
				'主办｜某区图书馆'
			].join('\n'),
			'2026-05-01'
		);
		expect(poster[0]).toMatchObject({
			title: '亲子阅读日活动',
			startsOn: '2026-05-09T09:30',
			location: '某区图书馆一楼大厅',
			fee: '免费，每个家庭带1本绘本',
			organizer: '某区图书馆',
			deadline: '2026-05-07',
			howToRegister: ['扫描海报二维码填写信息']
		});

		const race = parse(
			[
				'2026某市环湖健步走竞赛规程',
				'',
				'一、主办单位：某市体育局',
				'二、比赛日期：2026年10月11日8:00出发',
				'三、比赛地点：某湖公园南门广场',
				'四、项目及报名费：健步走（6公里）30元/人；亲子走（2公里）免费。',
				'五、报名时间：即日起至9月30日。',
				'六、报名方式：微信搜索“某市体育”小程序在线报名。'
			].join('\n'),
			'2026-09-01'
		);
		expect(race[0]).toMatchObject({
			title: '2026某市环湖健步走竞赛规程',
			organizer: '某市体育局',
			startsOn: '2026-10-11T08:00',
			location: '某湖公园南门广场',
			fee: '健步走（6公里）30元/人；亲子走（2公里）免费',
			deadline: '2026-09-30'
		});
	});

	it('reads a weekly programme booked online, and keeps a byline out of the organiser', () => {
		const weekly = parse(
			'10月10日至11月28日，某区图书馆少儿阅览室每周六上午9:30举办“小小故事会”绘本共读活动，免费。请通过“某区图书馆”微信公众号预约，预约成功后凭短信入场。',
			'2026-10-01'
		);
		expect(weekly[0]).toMatchObject({
			startsOn: '2026-10-10T09:30',
			endsOn: '2026-11-28',
			location: '某区图书馆少儿阅览室',
			organizer: '某区图书馆'
		});

		const news = parse(
			[
				'亲子定向赛开始报名',
				'',
				'本报讯（记者 某某）由某市体育总会主办的亲子定向赛将于12月5日上午9:00在某公园开赛，不收取报名费。',
				'报名链接：https://example.cn/dx'
			].join('\n'),
			'2026-11-20'
		);
		expect(news[0]).toMatchObject({ organizer: '某市体育总会', fee: '不收取报名费' });
	});

	it('files no event for a tender whose bidders 报名', () => {
		const text = [
			'某中学食堂设备采购项目招标公告',
			'',
			'一、采购内容：食堂设备一批。',
			'二、报名时间：2026年7月1日至7月7日。',
			'三、报名方式：在某市公共资源交易网下载招标文件。',
			'联系人：某老师 电话：0731-22000005'
		].join('\n');
		expect(parse(text, '2026-06-30')).toEqual([]);
	});

	it('files no event for a 部门答 that says how to sign up for a service', () => {
		const text = [
			'■网友问：寒假托管怎么报名？',
			'',
			'■部门答：市教育局：今年寒假有30所学校开展托管服务，家长通过学校发放的告家长书扫码报名。'
		].join('\n');
		expect(parse(text, '2026-01-05')).toEqual([]);
	});
	it('a class opened at a place (在…开设) and said free in its name (免费…培训班)', () => {
		const text =
			'区人社局开设免费电工培训班\n\n　　本报讯　区人社局将于6月20日在区职业技术学校实训楼开设为期10天的免费电工培训班，招收学员30名。有意者请于6月15日前拨打0731-28661234报名。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			location: '区职业技术学校实训楼',
			fee: '免费',
			deadline: '2024-06-15'
		});
	});

	it('the body that recruits organises, not the event that opens in the same sentence', () => {
		const text =
			'文化节招募志愿者\n\n　　本报讯　第五届湘江文化节将于7月10日开幕，某市志愿者协会现面向社会招募志愿者100名，报名截止时间为6月30日。';
		const [r] = parse(text);
		expect(r.organizer).toBe('某市志愿者协会');
	});

	it('面向社会 is no audience; the age condition (年满18周岁) is', () => {
		const text =
			'半程马拉松招募志愿者\n\n　　本报讯　组委会面向社会招募300名年满18周岁的志愿者，报名者可关注“某市体育”公众号填写报名信息，报名截止时间为9月20日。';
		const [r] = parse(text);
		expect(r.audience).toBe('年满18周岁');
	});

	it('免费参加 files the fee as 免费', () => {
		const text =
			'公益讲座报名\n\n　　市图书馆将于6月15日上午9时在二楼报告厅举办公益讲座，免费参加，限50人。报名电话：0731-28661235，截至6月12日。';
		const [r] = parse(text);
		expect(r.fee).toBe('免费');
	});
});
