import { describe, expect, it } from 'vitest';
import { parse, spanOf } from '../../../../../tests/helpers/lostFoundParser';

describe('lists of found things', () => {
	it('files one record per owner of a list of unclaimed documents', () => {
		const text =
			'以下身份证请失主认领：欧阳文杰、黄淑琴、曹俊。\n\n失主可到公交第三分公司调度中心认领，咨询电话：0731-28226012。';
		const rs = parse(text);
		expect(rs.map((r) => [spanOf(text, r), r.holder, r.documentType])).toEqual([
			['欧阳文杰', '欧阳文杰', '身份证'],
			['黄淑琴', '黄淑琴', '身份证'],
			['曹俊', '曹俊', '身份证']
		]);
		expect(rs.every((r) => r.phones[0]?.number === '0731-28226012')).toBe(true);
		expect(rs[0].claimPlace).toBe('公交第三分公司调度中心');
	});

	it('reads names over the lines below a heading, a padded two-character name as one', () => {
		const text =
			'以下旅客遗失的身份证请失主前来认领：\n谭思远　王丽君\n贺晓峰　周　敏\n\n认领地点：火车站派出所值班室，电话：0731-22123110。';
		const rs = parse(text);
		expect(rs.map((r) => [spanOf(text, r), r.holder])).toEqual([
			['谭思远', '谭思远'],
			['王丽君', '王丽君'],
			['贺晓峰', '贺晓峰'],
			['周　敏', '周敏']
		]);
		expect(rs[3]).toMatchObject({ claimPlace: '火车站派出所值班室', documentType: '身份证' });
	});

	it('keeps a found card whose number is masked in the middle (not a template)', () => {
		const text =
			'招领启事\n6月2日在建设路拾到居民身份证一张，姓名：邓小兵，身份证号码：430203********1234。请失主到建设路派出所认领。';
		const [r] = parse(text, '2025-06-05');
		expect(r).toMatchObject({ holder: '邓小兵', documentType: '居民身份证' });
	});

	it('files one record per line of an unnumbered list, sharing the instructions below it', () => {
		const text =
			'失物招领\n黑色钱包一个（10月3日，人民路公交站）\n蓝色雨伞一把（10月4日，建设路）\n请失主携带有效证件到建设路社区认领，电话0731-28001234。';
		const rs = parse(text, '2025-10-06');
		expect(rs.map((r) => [spanOf(text, r), r.item, r.date, r.claimPlace])).toEqual([
			['黑色钱包一个（10月3日，人民路公交站）', '黑色钱包', '2025-10-03', '建设路社区'],
			['蓝色雨伞一把（10月4日，建设路）', '蓝色雨伞', '2025-10-04', '建设路社区']
		]);
		expect(rs.every((r) => r.phones[0]?.number === '0731-28001234')).toBe(true);
	});

	it('files one record per row of a table of found things, not the paragraph above it', () => {
		const text = [
			'以下物品为6月在地铁车站拾获，至今无人认领。请失主到车站客服中心认领。',
			'',
			'序号　拾获日期　拾获地点　物品名称',
			'1　6月3日　2号线五一广场站　黑色双肩背包',
			'2　6月7日　1号线侯家塘站　银色保温杯',
			'',
			'地铁6号线东延段进入试运行'
		].join('\n');
		const rs = parse(text, '2025-07-03');
		expect(rs.map((r) => [r.item, r.place, r.date])).toEqual([
			['黑色双肩背包', '2号线五一广场站', '2025-06-03'],
			['银色保温杯', '1号线侯家塘站', '2025-06-07']
		]);
		expect(spanOf(text, rs[1])).toBe('2　6月7日　1号线侯家塘站　银色保温杯');
	});
});

describe('tables with a preamble and a footer', () => {
	it('reads a police table of bicycles: the headline names the thing, rows share claim place and phone', () => {
		const text =
			'株洲市公安局荷塘分局月塘派出所\n自行车招领公告\n\n我所近期收缴一批自行车，请失主于公告之日起三个月内携带购车凭证到月塘派出所认领。\n\n序号　品牌颜色　　车架号　　　　收缴地点　　　日期\n1　　永久　红色　　YJ23110045　　新华西路口　　10月3日\n2　　捷安特　灰色　　JA22098812　　红旗广场　　　10月9日\n\n联系电话：0731-22887766';
		const rs = parse(text);
		expect(rs).toHaveLength(2);
		expect(rs[0]).toMatchObject({
			subtype: 'found_item',
			item: '永久红色自行车',
			documentNumber: 'YJ23110045',
			place: '新华西路口',
			date: '2024-10-03',
			claimPlace: '月塘派出所'
		});
		expect(rs[1]).toMatchObject({ item: '捷安特灰色自行车', documentNumber: 'JA22098812' });
		for (const r of rs) expect(r.phones.map((p) => p.number)).toEqual(['0731-22887766']);
	});

	it('reads a table set with bars and the claiming line right under its rows', () => {
		const text =
			'失物招领公告\n物品名称 | 拾获时间 | 拾获地点\n黑色钱包 | 11月1日 | 株洲站候车室\n蓝色双肩包 | 11月3日 | 出站口\n请失主携带有效证件到株洲站客运值班室认领，电话0731-28888888。';
		const rs = parse(text);
		expect(rs.map((r) => [r.item, r.place, r.claimPlace, r.phones.map((p) => p.number)])).toEqual([
			['黑色钱包', '株洲站候车室', '株洲站客运值班室', ['0731-28888888']],
			['蓝色双肩包', '出站口', '株洲站客运值班室', ['0731-28888888']]
		]);
	});

	it('reads no claim place out of 至今无人认领', () => {
		const text =
			'公交失物招领\n\n以下物品为10月在公交车上拾获，至今无人认领。请失主到公交集团调度中心认领。\n\n拾获日期　拾获线路　物品名称\n10月2日　T1路　黑色钱包\n10月9日　25路　蓝色雨伞';
		const rs = parse(text);
		expect(rs.map((r) => [r.item, r.place, r.claimPlace])).toEqual([
			['黑色钱包', 'T1路', '公交集团调度中心'],
			['蓝色雨伞', '25路', '公交集团调度中心']
		]);
	});

	it('takes the claim place at the 到 nearest the verb, not inside the opening hours', () => {
		const text =
			'图书馆失物招领\n\n本馆拾得下列物品，请失主于开馆时间（周二至周日9:00-17:00）到一楼总服务台认领。\n\n拾得日期　物品　　拾得地点\n11月1日　　U盘一个　　三楼阅览室\n11月4日　　眼镜一副　　二楼自习区\n\n联系电话：0731-22001100';
		const rs = parse(text);
		expect(rs.map((r) => [r.item, r.place, r.claimPlace])).toEqual([
			['U盘一个', '三楼阅览室', '一楼总服务台'],
			['眼镜一副', '二楼自习区', '一楼总服务台']
		]);
		for (const r of rs) expect(r.phones.map((p) => p.number)).toEqual(['0731-22001100']);
	});

	it('files one record per circled item of a paragraph, the thing after its verb', () => {
		const text =
			'失物招领\n　　近期乘客遗失以下物品：①10月5日，售票大厅拾到棕色皮夹一个，内有现金若干；②10月8日，候车室拾到蓝色雨伞一把。请失主于11月8日前到车站服务台认领，联系电话：0731-22001199。';
		const rs = parse(text);
		expect(rs.map((r) => [r.subtype, r.item, r.place, r.date])).toEqual([
			['found_item', '棕色皮夹', '售票大厅', '2024-10-05'],
			['found_item', '蓝色雨伞', '候车室', '2024-10-08']
		]);
		expect(spanOf(text, rs[1])).toBe('②10月8日，候车室拾到蓝色雨伞一把。');
		for (const r of rs) expect(r.phones.map((p) => p.number)).toEqual(['0731-22001199']);
	});

	it('reads a table of found documents with the owner’s name column, one record per row', () => {
		const text = [
			'某派出所招领公告',
			'　　近期我所收到群众拾获的以下证件，请失主携带户口簿到所认领。',
			'序号　姓名　证件类型　拾获地点',
			'1　许文斌　居民身份证　某路公交站',
			'2　段美华　机动车驾驶证　某菜市场',
			'联系电话：0731-28410001',
			''
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.subtype, r.holder, r.item, r.place])).toEqual([
			['found_item', '许文斌', '居民身份证', '某路公交站'],
			['found_item', '段美华', '机动车驾驶证', '某菜市场']
		]);
		for (const r of rs) expect(r.phones.map((p) => p.number)).toEqual(['0731-28410001']);
	});
});
