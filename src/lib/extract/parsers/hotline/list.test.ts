import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { HotlineRecord } from '../../../records/types';
import { hotlineParser } from './index';

function parse(text: string, areaCode?: string): HotlineRecord[] {
	const ctx = parseContext(text, { source: 'p.txt', published: '2022-06-01', areaCode });
	return runParser(hotlineParser, ctx) as HotlineRecord[];
}

describe('hotline parser: lists', () => {
	it('names a table row by its cell, not the whole row; a person column is skipped', () => {
		const text = [
			'社区网格员联系表',
			'网格　　　　　　网格员　　联系电话',
			'第一网格（枫林小区）　　谢小红　　13974100011',
			'第二网格（新华村）　　　刘大军　　13974100022',
			'第三网格（建设路沿线）　王芳　　　13974100033',
			''
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => r.name)).toEqual([
			'第一网格（枫林小区）',
			'第二网格（新华村）',
			'第三网格（建设路沿线）'
		]);
		expect(text.slice(rs[0].source.start, rs[0].source.end)).toBe(
			'第一网格（枫林小区）　　谢小红　　13974100011'
		);
	});

	it('a private contact (a surname and a title) on its own line is no hotline', () => {
		const text = [
			'便民电话',
			'社区服务中心　0731-22681010',
			'联系人：张先生　13974100044',
			'　　　　刘女士　13974100055',
			'社区卫生服务站　0731-22681020',
			''
		].join('\n');
		expect(parse(text).map((r) => r.name)).toEqual(['社区服务中心', '社区卫生服务站']);
	});

	it('reads a table with | columns and addresses', () => {
		const rs = parse(
			'常用电话\n单位名称 | 联系电话 | 地址\n市民政局 | 0731-28661234 | 建设路1号\n市社保中心 | 28663333 | 长江北路22号\n'
		);
		expect(rs.map((r) => [r.name, r.address])).toEqual([
			['市民政局', '建设路1号'],
			['市社保中心', '长江北路22号']
		]);
	});

	it('reads a sentence inside a list as prose', () => {
		const rs = parse(
			'如有发热症状请拨打120或前往发热门诊就诊。各区值班电话：\n东区：28411234\n西区：28821234\n南区：28511234'
		);
		expect(rs.map((r) => r.name)).toEqual(['急救电话', '东区', '西区', '南区']);
	});

	it('makes one record per entry of a 便民电话一览, emergency numbers marked', () => {
		const text =
			'便民电话一览\n\n报警求助　110\n火警　119\n医疗急救　120\n交通事故报警　122\n市长热线　12345\n市民政局　28661234\n市自来水公司　28829999　/　28829998\n';
		const rs = parse(text);
		expect(rs.map((r) => [r.name, r.phones.map((p) => p.number).join(',')])).toEqual([
			['报警求助', '110'],
			['火警', '119'],
			['医疗急救', '120'],
			['交通事故报警', '122'],
			['市长热线', '12345'],
			['市民政局', '0731-28661234'],
			['市自来水公司', '0731-28829999,0731-28829998']
		]);
		expect(rs.filter((r) => r.emergency).map((r) => r.phones[0].number)).toEqual([
			'110',
			'119',
			'120',
			'122'
		]);
		expect(rs[5].organization).toBe('市民政局');
		for (const r of rs) expect(text.slice(r.source.start, r.source.end)).toContain(r.name);
	});

	it('recognises a list without a headline by its lines', () => {
		const rs = parse('市公安局　28221100\n市民政局　28661234\n市人社局　28663333\n');
		expect(rs).toHaveLength(3);
	});
});

describe('hotline parser: offices and numbers run together in one sentence', () => {
	it('files each office of a ；-separated run, 7-digit locals included', () => {
		const text =
			'中考咨询电话公布\n\n本报讯 市教育局公布咨询电话：祁东县教育局：6221100；衡南县教育局：8552200。考生可就近咨询。\n';
		const rs = parse(text, '0734');
		expect(rs.map((r) => [r.name, r.organization, r.phones[0].number])).toEqual([
			['祁东县教育局', '祁东县教育局', '0734-6221100'],
			['衡南县教育局', '衡南县教育局', '0734-8552200']
		]);
		expect(text.slice(rs[1].source.start, rs[1].source.end)).toBe('衡南县教育局：8552200');
	});

	it('needs two entries: one office and number in a sentence is no run', () => {
		expect(parse('通知\n\n如有疑问可联系祁东县教育局：6221100；谢谢配合。\n', '0734')).toEqual([]);
	});

	it('names a line printed number first by the words after the number', () => {
		const text = [
			'常用办事电话',
			'28671000　市出入境管理支队',
			'28671001　市住房保障服务中心',
			'28671002　市残疾人联合会',
			''
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.name, r.phones.map((p) => p.number)])).toEqual([
			['市出入境管理支队', ['0731-28671000']],
			['市住房保障服务中心', ['0731-28671001']],
			['市残疾人联合会', ['0731-28671002']]
		]);
		expect(rs.map((r) => r.address)).toEqual([undefined, undefined, undefined]);
	});

	it('keeps a line’s labelled numbers (座机：… 手机：…) in the record of its office', () => {
		const text = [
			'各镇司法所联系电话',
			'龙船镇司法所　座机：24330001　手机：13974100301',
			'鸭塘铺镇司法所　座机：24330002　手机：13974100302',
			'皇图岭镇司法所　座机：24330003　手机：13974100303',
			''
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => r.phones.map((p) => p.number))).toEqual([
			['0731-24330001', '13974100301'],
			['0731-24330002', '13974100302'],
			['0731-24330003', '13974100303']
		]);
		expect(rs.map((r) => r.name)).not.toContain('手机');
	});
});
