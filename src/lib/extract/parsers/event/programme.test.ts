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

describe('lists of events', () => {
	it('files each ■ item of a 活动预告 as its own event', () => {
		const a =
			'■非遗剪纸体验课\n时间：6月9日（周日）上午9:30\n地点：市文化馆二楼非遗工作室\n报名：拨打0731-28830000预约，限20人，免费。';
		const b =
			'■亲子徒步\n时间：6月9日上午8:00集合\n地点：某公园南门\n报名：关注“某某青年”公众号报名，截止6月7日18:00。';
		const text = `周末活动预告\n\n${a}\n\n${b}`;
		const records = parse(text, '2024-06-03');
		expect(records).toHaveLength(2);
		expect(text.slice(records[0].source.start, records[0].source.end)).toBe(a);
		expect(text.slice(records[1].source.start, records[1].source.end)).toBe(b);
		expect(records[0]).toMatchObject({
			title: '非遗剪纸体验课',
			fee: '免费',
			startsOn: '2024-06-09T09:30',
			location: '市文化馆二楼非遗工作室'
		});
		expect(records[0].phones.map((p) => p.number)).toEqual(['0731-28830000']);
		expect(records[1]).toMatchObject({ startsOn: '2024-06-09T08:00', deadline: '2024-06-07' });
	});

	it('splits a numbered programme whose items each have a date', () => {
		const one = '1．绘本故事会：6月8日上午10:00，少儿阅览室，电话预约0731-28280000。';
		const two = '2．读书沙龙：6月8日下午3:00，三楼报告厅，扫码报名。';
		const text = `市图书馆本周活动\n\n${one}\n\n${two}`;
		const records = parse(text, '2024-06-03');
		expect(records.map((r) => text.slice(r.source.start, r.source.end))).toEqual([one, two]);
		expect(records.map((r) => r.startsOn)).toEqual(['2024-06-08T10:00', '2024-06-08T15:00']);
		expect(records.map((r) => r.title)).toEqual(['绘本故事会', '读书沙龙']);
	});

	it('does not split a notice whose numbered lines are ways to register', () => {
		const text = [
			'少儿书法班招生',
			'书法班将于6月15日开课，现面向社会招生。报名截止：6月10日。报名方式：',
			'1．电话报名：0731-22345678',
			'2．扫描下方二维码报名'
		].join('\n');
		const records = parse(text, '2024-06-03');
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({ startsOn: '2024-06-15', deadline: '2024-06-10' });
	});
});
