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

describe('dates of events', () => {
	it('a moved deadline (延长至) replaces the first one', () => {
		const text =
			'书画大赛报名时间延长\n\n大赛报名截止时间为6月10日，应参赛者要求，现延长至6月30日。报名方式：将作品发送至shuhua@example.com。';
		const [r] = parse(text, '2024-06-03');
		expect(r.deadline).toBe('2024-06-30');
	});

	it('reads 本周六 for the event and 本周四 for the deadline', () => {
		const text =
			'招募｜本周六一起去福利院\n\n某志愿者协会本周六上午9时将组织志愿者前往某儿童福利院开展陪伴活动，现招募志愿者15名。报名请拨打13974230000，截止时间为本周四18:00。';
		const [r] = parse(text, '2024-06-03');
		expect(r).toMatchObject({
			startsOn: '2024-06-08T09:00',
			deadline: '2024-06-06',
			organizer: '某志愿者协会'
		});
	});

	it('今明两天在…举行 is the event’s range', () => {
		const text =
			'车展今明两天举行\n\n本报讯 2024株洲惠民车展今明两天在神农城广场举行。市民可现场报名参加试驾，免费参与。';
		const [r] = parse(text, '2024-06-03');
		expect(r).toMatchObject({
			startsOn: '2024-06-03',
			endsOn: '2024-06-04',
			location: '神农城广场'
		});
	});

	it('a programme in batches starts with its first batch (营期：第一期…)', () => {
		const text = [
			'青少年宫暑期夏令营招募',
			'营期：第一期7月8日—7月12日；第二期7月15日—7月19日',
			'地点：市青少年宫',
			'费用：800元/人',
			'报名：关注“某市青少年宫”公众号报名，截止7月1日',
			''
		].join('\n');
		const [r] = parse(text);
		expect(r).toMatchObject({ startsOn: '2024-07-08', deadline: '2024-07-01' });
	});
});
