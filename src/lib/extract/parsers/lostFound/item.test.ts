import { describe, expect, it } from 'vitest';
import { parse, spanOf } from '../../../../../tests/helpers/lostFoundParser';

describe('lost things', () => {
	it('reads a 寻物启事 with its date (in the past), place, phone, contact and reward', () => {
		const text =
			'寻物启事\n\n本人于12月28日下午在芦淞区建设路公交站附近遗失黑色双肩包一个，内有笔记本电脑一台。有拾到者请与李先生联系，电话：13973312468，必有重谢！';
		const [r] = parse(text, '2025-01-03');
		expect(r).toMatchObject({
			subtype: 'lost_item',
			title: '寻物启事：黑色双肩包',
			// The thing itself: its quantity and what it holds are not its name.
			item: '黑色双肩包',
			place: '芦淞区建设路公交站',
			date: '2024-12-28',
			contactName: '李先生',
			reward: '必有重谢'
		});
		expect(r.phones.map((p) => p.number)).toEqual(['13973312468']);
		expect(spanOf(text, r)).toBe(text);
	});

	it('reads a lost thing told in one paragraph without a headline', () => {
		const text =
			'本人11月1日在荷塘区红旗广场遗失棕色皮夹一个，内有身份证及银行卡，有拾到者请联系13800001111，当面酬谢。';
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'lost_item', place: '荷塘区红旗广场', reward: '当面酬谢' });
		expect(r.documentType).toBeUndefined();
	});
});

describe('found things', () => {
	it('reads a 招领启事 with the place to claim it', () => {
		const text =
			'招领启事\n\n10月30日，市民在河西步行街拾得棕色钱包一个，内有现金若干。请失主携带有效证件到泰山路派出所认领，联系电话：0731-22881234。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'found_item',
			item: '棕色钱包',
			place: '河西步行街',
			date: '2024-10-30',
			claimPlace: '泰山路派出所'
		});
		expect(r.phones[0].number).toBe('0731-22881234');
		expect(spanOf(text, r).startsWith('招领启事')).toBe(true);
	});

	it('reads a found thing told in one paragraph', () => {
		const text = '失物招领：11月2日在K16路公交车上拾到黑色手机一部，请失主到公交公司调度室认领。';
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'found_item', claimPlace: '公交公司调度室' });
		expect(r.item).toBe('黑色手机');
	});

	it('leaves a found infant to the family-search parser', () => {
		const text =
			'寻亲公告\n\n2024年3月1日在某村拾得一名女婴，如有知情者请与王五联系，电话：13307330000。';
		expect(parse(text)).toEqual([]);
	});
});

describe('lost and found things', () => {
	it('names the thing without its quantity, description or who lost it', () => {
		const text =
			'失物招领\n11月10日，K26路公交车驾驶员在车厢内拾到乘客遗失的蓝色雨伞一把、保温杯一个。请失主携带有效证件到公交总站调度室认领，电话：0731-28225566。';
		const [r] = parse(text, '2024-11-12');
		expect(r).toMatchObject({ item: '蓝色雨伞', title: '失物招领：蓝色雨伞', date: '2024-11-10' });
	});

	it('finds a thing put before the verb (将…遗落) and keeps the day of a dated time', () => {
		const text =
			'寻物启事\n10月19日下午4时许，本人在荷塘区乘坐出租车时，将一个棕色皮质公文包遗落在车上，包内有户口本。有拾到者请与谭先生联系，电话：13974185520，当面酬谢1000元。';
		const [r] = parse(text, '2025-10-22');
		expect(r).toMatchObject({
			subtype: 'lost_item',
			item: '棕色皮质公文包',
			date: '2025-10-19',
			contactName: '谭先生',
			reward: '酬谢1000元'
		});
	});

	it('ends a headed notice at the next inline notice and leaves out the page’s tip', () => {
		const text = [
			'招领启事',
			'8月11日上午，市民在中心广场拾得黑色手提包一个，请失主到建设路派出所认领。联系电话：0731-28130110。',
			'寻物启事：本人于8月12日在神农公园遗失白色手机一部，必有重谢！联系人：林女士 139 7416 6031',
			'',
			'警方提醒：发现物品遗失可及时拨打110求助。'
		].join('\n');
		const rs = parse(text, '2025-08-14');
		expect(rs.map((r) => [r.subtype, r.item, r.phones.map((p) => p.number)])).toEqual([
			['found_item', '黑色手提包', ['0731-28130110']],
			['lost_item', '白色手机', ['13974166031']]
		]);
		expect(spanOf(text, rs[0]).endsWith('0731-28130110。')).toBe(true);
	});

	it('reads a lost thing whose finder is asked to bring it somewhere, without a phone', () => {
		const text =
			'10月4日下午在神农公园附近丢失一条白色比熊犬，有拾到者请送至神农公园东门保安室，必有重谢。';
		const [r] = parse(text, '2025-10-05');
		expect(r).toMatchObject({ subtype: 'lost_item', item: '白色比熊犬', place: '神农公园' });
	});

	it('names a pet told before its verb (一只橘色狸花猫从小区走失)', () => {
		const text =
			'寻猫启事\n10月1日晚，家中一只橘色狸花猫从石峰区响石岭小区走失，猫咪胆小，左前爪有白斑。悬赏2000元，有线索者请联系：18107330099。';
		const [r] = parse(text, '2025-10-05');
		expect(r).toMatchObject({ subtype: 'lost_item', item: '橘色狸花猫', reward: '悬赏2000元' });
	});

	it('reads a found document with its owner and number', () => {
		const text =
			'招领\n本人于4月14日在湘江风光带拾到居民身份证一张，姓名：卢振宇，身份证号码：430221199207153317。请失主本人与我联系：13974127713（周女士）。';
		const [r] = parse(text, '2025-04-16');
		expect(r).toMatchObject({
			subtype: 'found_item',
			documentType: '居民身份证',
			holder: '卢振宇',
			documentNumber: '430221199207153317',
			contactName: '周女士'
		});
	});

	it('reads a found thing told as news, from the finding to the asking', () => {
		const text = [
			'拾到挎包 民警急寻失主',
			'',
			'5月25日晚，环卫工人肖师傅在红港路清扫时，发现一个深灰色帆布挎包，便将挎包送到了月塘派出所。',
			'',
			'包内有现金两万余元和一本存折。',
			'',
			'民警希望失主看到报道后尽快与月塘派出所陈警官联系，电话0731-28456110。'
		].join('\n');
		const [r] = parse(text, '2025-05-27');
		expect(r).toMatchObject({ subtype: 'found_item', item: '深灰色帆布挎包', date: '2025-05-25' });
		expect(r.phones.map((p) => p.number)).toEqual(['0731-28456110']);
		expect(spanOf(text, r).startsWith('5月25日晚')).toBe(true);
		expect(spanOf(text, r).endsWith('0731-28456110。')).toBe(true);
	});
});

describe('missing people are not lost things', () => {
	it('leaves a 寻亲 notice whose family 丢失女儿 to the family-search parser', () => {
		const text =
			'寻亲启事\n我叫李晓梅，1998年在株洲火车站与家人失散时约5岁。家人于当年在火车站丢失女儿后多方寻找未果。如有知情者或见到者请联系13974165432，必有重谢。';
		expect(parse(text)).toEqual([]);
	});
});

describe('pets are lost things', () => {
	it('reads 寻狗启事 and 【寻猫】, the place before 散步时走失, and stops before the next ad', () => {
		const text =
			'寻狗启事\n11月2日晚在荷塘区月塘公园散步时走失一只黑色拉布拉多犬，名叫“可乐”。有收留者请联系13974177001，酬谢800元。\n\n【寻猫】\n11月5日在石峰区响石岭小区走失一只三花猫，左耳有缺口。联系人：龚女士　13974177002\n\n【出售】八成新书桌一张，电话13974177003。';
		const rs = parse(text, '2024-11-10');
		expect(rs).toHaveLength(2);
		expect(rs[0]).toMatchObject({
			subtype: 'lost_item',
			item: '黑色拉布拉多犬',
			place: '荷塘区月塘公园',
			date: '2024-11-02',
			reward: '酬谢800元'
		});
		expect(rs[0].phones.map((p) => p.number)).toEqual(['13974177001']);
		expect(rs[1]).toMatchObject({ subtype: 'lost_item', item: '三花猫', contactName: '龚女士' });
		expect(rs[1].phones.map((p) => p.number)).toEqual(['13974177002']);
	});
});

describe('contacts', () => {
	it('reads the polite name after 请联系 without the verb', () => {
		const text =
			'重金寻猫\n11月20日在天元区泰山路走失一只蓝猫，名叫“团子”。若有发现请联系陈小姐13974188002，酬金2000元。';
		expect(parse(text, '2024-11-25')[0]).toMatchObject({
			subtype: 'lost_item',
			item: '蓝猫',
			contactName: '陈小姐',
			reward: '酬金2000元'
		});
	});
});

describe('pets named only as pets', () => {
	it('files the pet by its description when the notice calls it 爱犬', () => {
		const text =
			'寻爱犬启事\n本人于11月18日晚在荷塘区钻石路口附近走失爱犬一只，白色比熊，约4岁。有知其下落者请联系13974188001，必有重谢！';
		expect(parse(text, '2024-11-25')[0]).toMatchObject({
			item: '白色比熊',
			place: '荷塘区钻石路口'
		});
		const plain = '寻爱犬启事\n本人于11月18日晚在荷塘区走失爱犬，白色比熊。请联系13974188001。';
		expect(parse(plain, '2024-11-25')[0]).toMatchObject({ item: '白色比熊' });
	});
});

describe('pets without a headline', () => {
	it('reads a paragraph about a dog that strayed as a lost thing', () => {
		const text =
			'本人于11月9日傍晚在荷塘区桂花公园走失一只黄色柯基犬，短腿，戴蓝色项圈。有知情者请联系13974166001，必有重谢。';
		expect(parse(text, '2024-11-20')).toMatchObject([
			{ subtype: 'lost_item', item: '黄色柯基犬', place: '荷塘区桂花公园', date: '2024-11-09' }
		]);
	});
});

describe('columns of several notices', () => {
	it('files each paragraph under one 失物招领 headline with its own phone', () => {
		const text =
			'失物招领\n\n11月8日上午在荷塘区新华路公交站捡到蓝色雨伞一把，请失主联系13974177010认领。\n\n石峰区清水塘菜市场管理处于11月9日拾得电动车钥匙一串，请失主到管理处认领，电话：0731-22334455。';
		const rs = parse(text, '2024-11-10');
		expect(rs.map((r) => [r.subtype, r.item, r.phones.map((p) => p.number)])).toEqual([
			['found_item', '蓝色雨伞', ['13974177010']],
			['found_item', '电动车钥匙', ['0731-22334455']]
		]);
	});

	it('reads a headword set off by a space, and a rule ends the notice before the footer', () => {
		const text =
			'寻物启事　11月20日上午在芦淞区董家塅汽车站遗失灰色拉杆箱一个，拾到者请电话联系13974177020，必有酬谢。\n——————\n本版启事受理：0731-28829999';
		const rs = parse(text, '2024-11-22');
		expect(rs).toHaveLength(1);
		expect(rs[0]).toMatchObject({ subtype: 'lost_item', item: '灰色拉杆箱', date: '2024-11-20' });
		expect(rs[0].phones.map((p) => p.number)).toEqual(['13974177020']);
	});

	it('names the owner of the documents inside a lost bag, and a reward by its amount', () => {
		const text =
			'寻物启事\n本人11月12日在天元区神农城遗失黑色手包一个，内有身份证、驾驶证（户名均为廖志坚），恳请拾到者归还，定当酬谢300元。联系电话：13974177040';
		expect(parse(text, '2024-11-15')[0]).toMatchObject({
			item: '黑色手包',
			holder: '廖志坚',
			reward: '酬谢300元'
		});
	});
});

describe('claim places', () => {
	it('names the finder in full when the notice sends the owner to it by a short name', () => {
		const text =
			'荷塘区华润万家（红旗路店）二楼服务台于11月3日拾得手机一部，请失主携带购机凭证到服务台认领，电话：0731-22115566。';
		expect(parse(text)[0]).toMatchObject({
			subtype: 'found_item',
			item: '手机',
			claimPlace: '荷塘区华润万家（红旗路店）二楼服务台'
		});
	});
});

describe('places', () => {
	it('ends the place before a thing moved in front of the verb (在…附近将一个文件袋遗失)', () => {
		const text =
			'寻物启事\n本人不慎于11月2日在株洲火车站出站口附近将一个蓝色文件袋遗失，内有房产证。如有拾到者请与我联系，电话：13974199111，定有重谢。';
		expect(parse(text)[0]).toMatchObject({ item: '蓝色文件袋', place: '株洲火车站出站口' });
	});

	it('reads no place out of 民警在巡逻中拾获, and names the keeper in full (交由…管理处)', () => {
		const patrol =
			'招领启事\n10月28日，石峰区响石岭派出所民警在巡逻中拾获一辆黑色电动自行车，请失主到派出所认领。联系电话：0731-28331234';
		const [r] = parse(patrol);
		expect(r).toMatchObject({ item: '黑色电动自行车', claimPlace: '石峰区响石岭派出所' });
		expect(r.place).toBeUndefined();
		const kept =
			'失物招领\n市民刘女士11月3日在神农公园捡到一只金手镯，现交由神农公园管理处保管，请失主持有效证件到管理处认领。\n电话：0731-28222333';
		const [k] = parse(kept);
		expect(k).toMatchObject({ item: '金手镯', place: '神农公园', claimPlace: '神农公园管理处' });
		// 刘女士 found it: a polite name before a date is nobody's contact.
		expect(k.contactName).toBeUndefined();
	});
});

describe('bulletin lines that lead with their day', () => {
	it('reads the thing after the day and the place before 拾得', () => {
		const text =
			'石峰区公交站失物招领\n1.10月30日，黑色雨伞一把，T15路末班车上拾得；\n2.11月2日，儿童水壶一个（粉色），清水塘站拾得；\n以上物品请失主到石峰公交站场调度室认领，电话：0731-28410000。';
		const rs = parse(text, '2024-11-20');
		expect(rs.map((r) => [r.item, r.place, r.date, r.claimPlace])).toEqual([
			['黑色雨伞', 'T15路末班车', '2024-10-30', '石峰公交站场调度室'],
			['儿童水壶', '清水塘站', '2024-11-02', '石峰公交站场调度室']
		]);
	});

	it('names the owner printed in brackets after a document inside a lost wallet', () => {
		const text =
			'寻物启事\n本人于11月6日在芦淞服饰城附近丢失黑色钱包一个，内有身份证（姓名：杨红霞）及银行卡数张。请拾到者联系13974155667，必有酬谢。';
		expect(parse(text, '2024-11-20')[0]).toMatchObject({ item: '黑色钱包', holder: '杨红霞' });
	});
});

describe('things seen rather than picked up', () => {
	it('reads the thing after 发现 in a 认领启事, without 无主', () => {
		const text =
			'认领启事\n荷塘区月塘街道办事处于11月10日在辖区内发现一辆无主蓝色电动车，请车主于30日内携带购车发票到街道城管办认领。联系电话：0731-28301234';
		expect(parse(text, '2024-11-20')[0]).toMatchObject({
			subtype: 'found_item',
			item: '蓝色电动车',
			claimPlace: '街道城管办'
		});
	});
});

describe('found children are not found things', () => {
	it('leaves a 弃婴公告 form (捡拾时间, 请生父母…认领) to the family-search parser', () => {
		const text =
			'弃婴公告\n\n性别：男\n捡拾时间：2024年10月6日\n捡拾地点：荷塘区某小区门口\n随身物品：一条蓝色小被子\n请该儿童的生父母或其他监护人自公告之日起60日内到株洲市儿童福利院认领。\n联系电话：0731-22190001';
		expect(parse(text)).toEqual([]);
	});

	it('reads a found pet whose finder asks its 主人 to call as a found thing', () => {
		const text =
			'10月12日傍晚，市民唐女士在某区滨江路捡到一只白色比熊犬，戴蓝色项圈。唐女士暂时代为照顾，请主人说明特征后联系她，电话13974100901。';
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'found_item', item: '白色比熊犬', date: '2024-10-12' });
	});
});
