import { describe, expect, it } from 'vitest';
import { buildCard } from './hotlineCard';

describe('buildCard', () => {
	it('groups by purpose, most printed first, never repeating a number', () => {
		const card = buildCard([
			{ name: '医保报销咨询电话', number: '0731-22000001', printed: 1 },
			{ name: '社保卡挂失电话', number: '0731-22000002', printed: 4 },
			{ name: '供电抢修电话', number: '95598', printed: 2 },
			{ name: '供电服务热线', number: '95598', printed: 1 },
			{ name: '市民热线', number: '12345', printed: 9 },
			{ name: '图书馆咨询电话', number: '0731-22000003', printed: 1 }
		]);
		expect(card.map((g) => g.label)).toEqual(['社保 医保 就业', '水 电 气', '其他常用']);
		expect(card[0].entries.map((e) => e.number)).toEqual(['0731-22000002', '0731-22000001']);
		expect(card[1].entries).toEqual([{ name: '供电抢修电话', number: '95598', printed: 2 }]);
		// 12345 is on the card already, among the fixed numbers.
		expect(card.flatMap((g) => g.entries).some((e) => e.number === '12345')).toBe(false);
	});

	it('caps each group, and the card as a whole to one sheet', () => {
		const many = Array.from({ length: 10 }, (_, i) => ({
			name: `公交线路${i}咨询`,
			number: `0731-2200010${i}`,
			printed: 1
		}));
		expect(buildCard(many, 4)[0].entries).toHaveLength(4);
		const everyKind = ['医保', '供电', '医院', '公交', '为老', '投诉', '教育', '图书馆'].flatMap(
			(w, g) =>
				Array.from({ length: 5 }, (_, i) => ({
					name: `${w}咨询${i}`,
					number: `0731-2210${g}${i}00`,
					printed: 1
				}))
		);
		const card = buildCard(everyKind, 4, 24);
		expect(card.flatMap((g) => g.entries)).toHaveLength(24);
		expect(Math.max(...card.map((g) => g.entries.length))).toBe(4);
	});
});
