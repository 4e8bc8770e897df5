import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { FamilySearchRecord } from '../../../records/types';
import { familySearchParser } from '.';

function parse(text: string, published = '2024-11-05'): FamilySearchRecord[] {
	return runParser(
		familySearchParser,
		parseContext(text, { source: 'page.txt', published })
	) as FamilySearchRecord[];
}

describe('found child', () => {
	it('reads a 寻亲公告 about a baby someone took in (the seed layout)', () => {
		const notice =
			'寻亲公告\n\n\n\n2023年5月2日22:30在某县城关镇东风村7组路边拾得一名男婴,男婴用蓝色包被包裹,右脚踝有一处红色胎记,随身有一张写有2023年5月1日生的纸条。多方打听,无人回应,收养在家至今,如有知情者请与王建国联系,电话:13912345678。';
		const text = `${notice}\n\n广告接待热线 28800000`;
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			subtype: 'found_child',
			foundAt: '2023-05-02T22:30',
			place: '某县城关镇东风村7组路边',
			gender: '男',
			contactName: '王建国',
			features: ['用蓝色包被包裹', '右脚踝有一处红色胎记', '随身有一张写有2023年5月1日生的纸条']
		});
		expect(r.phones.map((p) => p.number)).toEqual(['13912345678']);
		// The newspaper's advertising line below is not part of the notice.
		expect(text.slice(r.source.start, r.source.end)).toBe(notice);
	});

	it('reads a formal 查找弃婴生父母公告 with its 60-day period (full-width)', () => {
		const text =
			'查找弃婴生父母公告\n\n２０２４年１０月２８日６时许，在某区某街道桂花路１２号楼道内拾获一名女婴，出生不久，身体健康。拾获时身穿白色连体衣，体重约３．２公斤。\n\n请该女婴的生父母或其他监护人自本公告刊登之日起６０日内到某市社会福利院认领。联系人：陈老师，联系电话：０７３１－２２５６７８９０。\n\n某市社会福利院\n２０２４年１１月５日';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'found_child',
			title: '查找弃婴生父母公告',
			foundAt: '2024-10-28T06:00',
			gender: '女',
			age: '出生不久',
			contactName: '陈老师',
			noticeDeadline: '2025-01-04',
			organization: '某市社会福利院'
		});
		expect(r.features).toContain('身穿白色连体衣');
		expect(r.features).toContain('体重约３．２公斤');
		expect(r.phones[0].number).toBe('0731-22567890');
		expect(r.source.end).toBe(text.length);
	});

	it('takes the period written in Chinese numerals and an age in months', () => {
		const text =
			'查找儿童生父母公告\n\n2024年9月1日在某镇卫生院门口发现一名男孩，约3个月，左耳后有一颗黑痣。请其亲生父母自公告之日起六十日内与某县民政局联系，电话：0733-1234567。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			age: '约3个月',
			noticeDeadline: '2025-01-04',
			organization: '某县民政局',
			place: '某镇卫生院门口'
		});
	});
});

describe('family looking for a relative', () => {
	it('reads a 寻人启事', () => {
		const text =
			'寻人启事\n\n张阿婆，女，78岁，身高约1.5米，满头白发，患有阿尔茨海默症。于2024年10月30日上午9时许在某区菜市场附近走失，走失时身穿深蓝色外套、黑色布鞋。如有知情者请联系其儿子张先生，电话：15000001111，必有重谢！';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'family_seeking',
			lostAt: '2024-10-30T09:00',
			gender: '女',
			age: '78岁',
			place: '某区菜市场'
		});
		expect(r.foundAt).toBeUndefined();
		expect(r.features).toEqual(
			expect.arrayContaining(['身高约1.5米', '满头白发', '身穿深蓝色外套、黑色布鞋'])
		);
	});

	it('does not take a safety tip for a notice', () => {
		const text = '民警提醒：家中有老人的要防止走失，如发现走失老人，请及时拨打110报警。';
		expect(parse(text)).toEqual([]);
	});
});

describe('rescue station looking for a family', () => {
	it('reads a 救助站寻亲公告 in traditional script', () => {
		const text =
			'救助管理站尋親公告\n\n受助人員：男，約65歲，身高約1.68米，頭髮花白，自稱名叫“李國強”。該人員於2024年9月23日晚在某區建設中路附近被巡警發現，當晚護送至我站。\n\n體貌特徵：左手背有一處燙傷疤痕，上身穿灰色夾克。\n\n請其親屬自本公告發布之日起三十日內與某市救助管理站聯繫。聯繫人：劉先生，電話：0731-28456789。\n\n某市救助管理站\n2024年10月8日';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'person_seeking_family',
			title: '救助管理站尋親公告',
			foundAt: '2024-09-23',
			gender: '男',
			age: '約65歲',
			place: '某區建設中路',
			personName: '李國強',
			contactName: '劉先生',
			noticeDeadline: '2024-12-05',
			organization: '某市救助管理站'
		});
		expect(r.features).toEqual([
			'身高約1.68米',
			'頭髮花白',
			'左手背有一處燙傷疤痕',
			'上身穿灰色夾克'
		]);
		expect(r.phones.map((p) => p.number)).toEqual(['0731-28456789']);
	});
});

describe('not notices', () => {
	it('skips news about a reunion', () => {
		const text =
			'离家三十年 终于回家了\n\n近日，在市救助管理站和公安机关的帮助下，走失三十年的李某终于与家人团聚。1994年，李某在外出务工时走失，家人多方寻找未果。今年8月，救助站通过人像比对为他找到了亲人。';
		expect(parse(text)).toEqual([]);
	});

	it('skips a found wallet', () => {
		const text =
			'招领启事\n\n10月30日在某步行街拾得钱包一个，请失主到派出所认领，电话：0731-22881234。';
		expect(parse(text)).toEqual([]);
	});
});

describe('a lost child is a family looking for a relative', () => {
	it('reads a 寻人启事 for a child as family_seeking, not as a found child', () => {
		const text =
			'寻人启事\n\n李小明，男，8岁，身高1.3米，2024年10月3日下午在某公园门口走失，走失时身穿红色外套。如发现孩子请联系其父亲李先生，电话：13600001234。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'family_seeking',
			lostAt: '2024-10-03',
			gender: '男',
			age: '8岁',
			personName: '李小明',
			place: '某公园门口'
		});
	});
});

describe('OCR text layers', () => {
	it('reads a letter-spaced headline and 抬得 for 拾得', () => {
		const body =
			'2026年8月3日6时许，在某县联星街道一菜市场门口抬得女婴一名，出生约3天，用白色毛巾被包裹。请孩子的生父母自公告之日起60日内到某县民政局认领。联糸电话：0731一24310000。';
		const text = `查 找 弃 婴 生 父 母 公 告\n\n${body}`;
		const [r] = parse(text, '2026-08-20');
		expect(text.slice(r.source.start, r.source.end)).toBe(text);
		expect(r).toMatchObject({
			subtype: 'found_child',
			foundAt: '2026-08-03T06:00',
			place: '某县联星街道一菜市场门口',
			gender: '女',
			noticeDeadline: '2026-10-19'
		});
	});
});

describe('families and seekers', () => {
	it('reads 寻女启事: a family, though the daughter left a hospital', () => {
		const text =
			'寻女启事\n\n刘芳芳，女，29岁，身高1.60米左右，长发。6月12日中午12时许从某区人民医院住院部独自离开后失联。恳请见到她的好心人与我们联系。\n联系电话：13974210000';
		const [r] = parse(text, '2026-06-15');
		expect(r).toMatchObject({
			subtype: 'family_seeking',
			personName: '刘芳芳',
			lostAt: '2026-06-12T12:00',
			place: '某区人民医院住院部'
		});
	});

	it('an adult looking for the birth parents is the person seeking a family', () => {
		const text =
			'寻亲\n\n我叫周念湘（现名），女，约1988年出生。1989年春节前后，我在某市火车站候车室被人抱走。望知情人与我联系：13974180000。';
		const [r] = parse(text, '2026-05-09');
		expect(r).toMatchObject({
			subtype: 'person_seeking_family',
			personName: '周念湘',
			gender: '女',
			place: '某市火车站候车室'
		});
	});

	it('a family names the one it seeks after the relation; 我叫 is the seeker', () => {
		const text =
			'寻找失散五十年的弟弟\n\n我叫罗秋生，今年68岁。1976年冬天，我的弟弟罗冬生（当年7岁）在某市火车站随母亲候车时走失。望弟弟或知情人与我联系：13974240000。';
		const [r] = parse(text, '2026-09-26');
		expect(r).toMatchObject({
			subtype: 'family_seeking',
			personName: '罗冬生',
			gender: '男',
			place: '某市火车站'
		});
		// 今年68岁 is the seeker's age.
		expect(r.age).toBeUndefined();
	});

	it('a notice in a classified column ends where the next ad starts', () => {
		const notice =
			'寻人启事\n\n李满堂，男，78岁，于2026年10月17日上午9时许从某农贸市场附近走失。如有知情者请速与其家属联系。\n联系人：李先生　13974160000';
		const text = `${notice}\n\n房屋出租\n某路两室一厅，月租1500元。电话：13974160099`;
		const [r, ...rest] = parse(text, '2026-10-21');
		expect(rest).toEqual([]);
		expect(text.slice(r.source.start, r.source.end)).toBe(notice);
		expect(r.phones.map((p) => p.number)).toEqual(['13974160000']);
	});
});

describe('notice periods', () => {
	it('reads 两个月 and 自公告之日起满60日', () => {
		const base =
			'查找弃婴生父母公告\n\n2026年1月5日在某区某路口拾得一名男婴，出生约7天。请其生父母或其他监护人';
		const [a] = parse(
			`${base}自公告之日起两个月内与某市儿童福利院联系，电话：0731-22190000。`,
			'2026-01-20'
		);
		expect(a.noticeDeadline).toBe('2026-03-20');
		const [b] = parse(
			`${base}与某市儿童福利院联系，电话：0731-22190000。自公告之日起满60日无人认领的，将依法安置。`,
			'2026-01-20'
		);
		expect(b.noticeDeadline).toBe('2026-03-21');
	});
});

describe('formats added with the second corpus', () => {
	it('reads an OCR text layer that prints 救肋 for 救助 and fixes the name', () => {
		const text = [
			'寻 亲 启 事',
			'',
			'攸县救肋管理站于2026年2月9日在城关镇',
			'汽车站附近救助一名女子，约50岁，身高约155厘米，短发。',
			'请其亲属见报后与我站联系。联系电话：0731-24419900',
			'攸县救肋管理站',
			'2026年2月20日'
		].join('\n');
		const [r, ...rest] = parse(text, '2026-02-21');
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			subtype: 'person_seeking_family',
			foundAt: '2026-02-09',
			gender: '女',
			organization: '攸县救助管理站',
			// One line break of the text layer inside the place.
			place: '城关镇汽车站'
		});
	});

	it('reads a mother’s 寻女启事 about a daughter given away, with the contact named by relation', () => {
		const text = [
			'寻女启事',
			'',
			'1990年春，因家中困难，我把刚出生的小女儿送给炎陵县沔渡镇一户人家抚养，孩子右手腕有一块浅色胎记。',
			'',
			'如有知情者，请联系：陈秋莲（母亲） 13974100001。'
		].join('\n');
		const [r, ...rest] = parse(text, '2026-05-01');
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			subtype: 'family_seeking',
			gender: '女',
			place: '炎陵县沔渡镇',
			contactName: '陈秋莲'
		});
	});

	it('reads a welfare home’s 公告 whose notice period ends on a date', () => {
		const text = [
			'某市社会福利院公告',
			'',
			'2026年9月3日6时许，在某区建设路一药店门口发现一名女婴，约2026年8月出生，身穿粉色连体衣。',
			'',
			'请该婴儿的亲生父母或其他监护人于2026年11月10日前与我院联系认领。',
			'',
			'联系电话：0731-22000001',
			'某市社会福利院',
			'2026年9月9日'
		].join('\n');
		const [r, ...rest] = parse(text, '2026-09-10');
		expect(rest).toEqual([]);
		expect(r).toMatchObject({
			subtype: 'found_child',
			foundAt: '2026-09-03T06:00',
			noticeDeadline: '2026-11-10',
			organization: '某市社会福利院'
		});
	});

	it('takes the name after 失踪儿童：, a child’s own 叫“…”, and a 姓名（自报） column', () => {
		const alert = parse(
			[
				'儿童失踪信息发布',
				'',
				'失踪儿童：罗小可，女，7岁',
				'失踪时间：2026年6月1日16时许',
				'失踪地点：茶陵县城东一公园',
				'如有线索请联系：0731-25200001。'
			].join('\n'),
			'2026-06-02'
		);
		expect(alert[0]).toMatchObject({ subtype: 'family_seeking', personName: '罗小可' });

		const found = parse(
			'谁家孩子走丢了？\n\n6月5日晚8时许，某派出所民警巡逻至建设路一家商店门口时，发现一名独自哭泣的女孩。女孩约3岁，只会说自己叫“朵朵”。请孩子家长尽快与派出所联系，电话：0731-22000002。',
			'2026-06-06'
		);
		expect(found[0]).toMatchObject({
			subtype: 'found_child',
			personName: '朵朵',
			place: '建设路一家商店门口'
		});

		const table = parse(
			[
				'某市救助管理站受助人员寻亲公告',
				'',
				'下列受助人员无法说清家庭住址，请其亲属见报后与我站联系。',
				'',
				'编号 姓名（自报） 性别 约龄 入站日期 发现地点',
				'01 王大山 男 55岁 2026年5月2日 某区火车站',
				'02 不详 女 40岁 2026年5月9日 某区公园',
				'',
				'电话：0731-22000003'
			].join('\n'),
			'2026-06-01'
		);
		expect(table.map((r) => [r.personName, r.age, r.foundAt])).toEqual([
			['王大山', '55岁', '2026-05-02'],
			[undefined, '40岁', '2026-05-09']
		]);
	});

	it('leaves a lost dog to the lost-item parser', () => {
		const text =
			'寻狗启事\n\n10月3日傍晚在某区滨江公园走失一只白色比熊犬，名叫“球球”，三岁，戴蓝色项圈。有知情者请联系13974100002，必有重谢。';
		expect(parse(text, '2026-10-05')).toEqual([]);
	});

	it('still reads a missing boy whose features count one shoe and whose pet name has 狗', () => {
		const text =
			'寻人启事\n\n刘狗娃，男，10岁，2026年4月2日下午在某镇集市走失，走失时脚上只穿一只蓝色拖鞋。有知情者请联系13974100003。';
		const [r] = parse(text, '2026-04-05');
		expect(r).toMatchObject({ subtype: 'family_seeking', personName: '刘狗娃', gender: '男' });
		// Without a headline, the name opens the paragraph.
		const [u] = parse(text.replace('寻人启事\n\n', ''), '2026-04-05');
		expect(u).toMatchObject({ subtype: 'family_seeking', personName: '刘狗娃' });
	});
});

describe('a classified column of tagged lines', () => {
	it('keeps a tagged notice to its own line, without the neighbouring ads’ phones', () => {
		const text = [
			'【二手转让】九成新婴儿推车一辆，价格面议。电话13974100701。',
			'【认领公告】2024年10月20日，在某镇卫生院门口发现一名男婴，约出生7天，请其亲生父母或其他监护人自公告发布之日起60日内到某县社会福利院认领，电话：0731-24220011。',
			'【家政服务】钟点工、月嫂，电话13974100702。',
			''
		].join('\n');
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r.phones.map((p) => p.number)).toEqual(['0731-24220011']);
		expect(text.slice(r.source.start, r.source.end)).toMatch(/^【认领公告】.*0731-24220011。$/);
	});
});

describe('a forwarded appeal under a shouted headline', () => {
	it('reads 扩散寻人！请帮帮忙 as the headline of a family’s notice', () => {
		const text = [
			'扩散寻人！请帮帮忙',
			'👵 周桂英，女，81岁，说话带浏阳口音',
			'🕐 10月30日上午9点左右走失',
			'📍 走失地点：某区建设路菜市场',
			'📞 如有线索请联系：13974100801（周先生）',
			''
		].join('\n');
		const [r, ...rest] = parse(text);
		expect(rest).toEqual([]);
		expect(r).toMatchObject({ subtype: 'family_seeking', gender: '女' });
		expect(r.phones.map((p) => p.number)).toEqual(['13974100801']);
	});
});

describe('ages', () => {
	it('reads 今年80岁 as 80岁: 今年 says when, not how old', () => {
		const text =
			'寻人启事\n　　我的父亲陈满仓今年80岁，10月28日上午从某区家中出门后走失，身穿黑色棉衣。如有知情者请联系13974100811。';
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'family_seeking', age: '80岁' });
	});

	it('names the person after a relation (的母亲李某某今年…) and at a line’s start after an emoji', () => {
		const story =
			'寻母\n　　市民彭先生的母亲罗秀兰今年78岁，11月2日上午从某区家中出门后走失，身穿蓝色外套。请知情者拨打13974100821。';
		const [a] = parse(story);
		expect(a).toMatchObject({ personName: '罗秀兰', gender: '女', age: '78岁' });
		const post = [
			'扩散寻人！请帮帮忙',
			'👴 龙福生，男，80岁',
			'🕐 11月1日下午走失',
			'📞 如有线索请联系13974100822',
			''
		].join('\n');
		const [b] = parse(post);
		expect(b).toMatchObject({ personName: '龙福生', gender: '男' });
	});
});

describe('a police post with emoji-led lines', () => {
	it('reads the pinned line (📍 …) as the place a child was found', () => {
		const text = [
			'寻找孩子家长！',
			'🕐 10月20日晚8时许',
			'📍 某区人民广场东侧',
			'👧 女孩，约4岁，穿粉色外套',
			'孩子现在某区派出所，家长看到后请速与民警联系：0731-22880022。',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'found_child', place: '某区人民广场东侧', gender: '女' });
	});
});
