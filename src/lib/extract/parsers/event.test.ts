import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize';
import { cutPassages } from '../passages';
import type { Page } from '../pipeline';
import type { EventRecord } from '../types';
import { eventParser } from './event';

function page(text: string, published: string): Page {
	return { text, norm: normalize(text), source: 'page.txt', published };
}

function parse(text: string, published = '2024-06-03'): EventRecord[] {
	const p = page(text, published);
	return eventParser.parse(p, cutPassages(p)) as EventRecord[];
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
			startsOn: '2024-07-06',
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
