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

describe('several persons in one notice', () => {
	const text = [
		'查找弃婴生父母公告',
		'2024年8月3日在某县人民医院门诊楼前拾获一名女婴，取名党小花，约1个月，身穿粉色衣服，左脸有一颗痣。',
		'2024年9月12日在某镇汽车站候车室拾获一名男婴，出生不久，唇裂，用蓝色襁褓包裹。',
		'请上述儿童的亲生父母或其他监护人自本公告发布之日起60日内到某县儿童福利院认领，联系电话：0734-5551234。',
		'某县儿童福利院\n2024年11月5日'
	].join('\n\n');

	it('gives each child a record of its own, sharing the period and the contact', () => {
		const rs = parse(text);
		expect(rs).toHaveLength(2);
		expect(rs[0]).toMatchObject({
			subtype: 'found_child',
			title: '查找弃婴生父母公告：寻找党小花亲生父母（1）',
			foundAt: '2024-08-03',
			place: '某县人民医院门诊楼前',
			gender: '女',
			age: '约1个月',
			personName: '党小花',
			noticeDeadline: '2025-01-04',
			organization: '某县儿童福利院'
		});
		expect(rs[1]).toMatchObject({
			foundAt: '2024-09-12',
			place: '某镇汽车站候车室',
			gender: '男',
			age: '出生不久',
			noticeDeadline: '2025-01-04'
		});
		expect(rs[1].features).toEqual(['唇裂', '用蓝色襁褓包裹']);
		expect(rs[1].phones[0].number).toBe('0734-5551234');
		expect(text.slice(rs[1].source.start, rs[1].source.end)).toMatch(/^2024年9月12日.*包裹。$/);
	});

	it('keeps one record when a second paragraph tells more about the same child', () => {
		const one =
			'查找弃婴生父母公告\n\n2024年8月3日在某县人民医院门诊楼前拾获一名女婴，约1个月。\n\n该婴于2024年8月4日由派出所送至某县儿童福利院抚养。\n\n请其亲生父母自本公告发布之日起60日内与某县儿童福利院联系。';
		expect(parse(one)).toHaveLength(1);
	});
});

describe('rescue stations listing several persons', () => {
	it('files one record per labelled person (（一）姓名：…), 不详 being no name', () => {
		const one =
			'（一）姓名：不详，性别：男，年龄：约50岁，发现时间：2026年11月12日，发现地点：某县汽车站候车厅，特征：光头，穿军绿色棉衣。';
		const two =
			'（二）姓名：自称“秀英”，性别：女，年龄：约60岁，发现时间：2026年11月20日，发现地点：某镇一加油站旁，特征：左眼失明。';
		const text = `某县救助管理站寻亲公告\n\n请其亲属见报后与我站联系。\n\n${one}\n\n${two}\n\n联系电话：0731－25280000\n\n某县救助管理站\n2026年12月1日`;
		const records = parse(text, '2026-12-01');
		expect(records).toHaveLength(2);
		const [a, b] = records;
		expect(text.slice(a.source.start, a.source.end)).toBe(one);
		expect(text.slice(b.source.start, b.source.end)).toBe(two);
		expect(a).toMatchObject({ gender: '男', age: '约50岁', foundAt: '2026-11-12' });
		expect(a.personName).toBeUndefined();
		expect(b).toMatchObject({ personName: '秀英', gender: '女', foundAt: '2026-11-20' });
		for (const r of records) {
			expect(r.subtype).toBe('person_seeking_family');
			expect(r.organization).toBe('某县救助管理站');
			expect(r.phones.map((p) => p.number)).toEqual(['0731-25280000']);
		}
	});
});

describe('several persons run together in one paragraph', () => {
	it('splits clauses between semicolons, each from its person to its sentence end', () => {
		const text = [
			'寻亲公告',
			'　　我站近期救助了以下人员，现寻找其亲属：受助人员一，自称“李春”，男，约70岁，10月2日在某县汽车站被发现；受助人员二，姓名不详，女，约35岁，10月9日在某镇集市被发现。请知情者与某县救助管理站联系，电话：0734-5550011。',
			'某县救助管理站'
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.gender, r.age, r.foundAt])).toEqual([
			['男', '约70岁', '2024-10-02'],
			['女', '约35岁', '2024-10-09']
		]);
		expect(rs.every((r) => r.phones.some((p) => p.number === '0734-5550011'))).toBe(true);
		expect(text.slice(rs[0].source.start, rs[0].source.end)).toMatch(/^受助人员一/);
	});

	it('reads two people a rescue station describes in a news story, one per clause', () => {
		const text = [
			'两位老人盼回家',
			'　　本报讯　“我们还是联系不上他们的家人。”昨日，某市救助管理站工作人员向本报求助。',
			'　　工作人员介绍：“一位大爷自称叫‘老根’，约75岁，10月3日在某区火车站广场被民警送来；另一位阿姨自称叫‘秋菊’，约60岁，10月11日在某镇菜市场被发现。”',
			'　　如果您认识他们，请与某市救助管理站联系，值班电话：0734-5550022。'
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.personName, r.gender, r.age, r.foundAt])).toEqual([
			['老根', '男', '约75岁', '2024-10-03'],
			['秋菊', '女', '约60岁', '2024-10-11']
		]);
		// 在…被民警送来: where the person was brought in from is the place.
		expect(rs[0].place).toBe('某区火车站广场');
		expect(rs.every((r) => r.subtype === 'person_seeking_family')).toBe(true);
	});
});
