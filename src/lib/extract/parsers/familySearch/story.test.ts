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

describe('found infants told as news', () => {
	it('runs from the finding to the paragraph that asks, and never files 110', () => {
		const finding =
			'昨日凌晨4时许，下夜班的龙先生在某区一小区单元楼二楼楼梯拐角处发现一个纸箱，里面躺着一名男婴。龙先生随即拨打110报警。';
		const details = '民警赶到后发现，男婴出生约10天，身穿浅蓝色连体衣，裹着一床黄色小棉被。';
		const ask =
			'派出所发布公告，请男婴的亲生父母或其他监护人自公告发布之日起30日内与该所联系，联系电话：0731—28123000。';
		const text = `楼道传出啼哭\u3000民警抱回男婴\n\n${finding}\n\n${details}\n\n${ask}\n\n新闻热线：0731-28839110`;
		const [r, ...rest] = parse(text, '2026-03-18');
		expect(rest).toEqual([]);
		expect(text.slice(r.source.start, r.source.end)).toBe(`${finding}\n\n${details}\n\n${ask}`);
		expect(r).toMatchObject({
			subtype: 'found_child',
			foundAt: '2026-03-17T04:00',
			place: '某区一小区单元楼二楼楼梯拐角',
			gender: '男',
			age: '出生约10天',
			noticeDeadline: '2026-04-17'
		});
		expect(r.features).toContain('裹着一床黄色小棉被');
		// 与该所联系 names no contact person.
		expect(r.contactName).toBeUndefined();
		expect(r.phones.map((p) => p.number)).toEqual(['0731-28123000']);
	});

	it('a finding with no request in the story is no notice', () => {
		const text =
			'昨日清晨，环卫工在某路绿化带旁发现一名女婴，随即报警。\n\n目前女婴已被送往医院检查，身体状况良好。';
		expect(parse(text, '2026-03-18')).toEqual([]);
	});
});
