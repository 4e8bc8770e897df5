import { describe, expect, it } from 'vitest';
import { birthYear, districtOf, rankMatches, scoreMatch, type MatchRecord } from './matching';

let nextId = 1;
function rec(
	kind: 'family_search' | 'lost_found',
	subtype: string,
	fields: Record<string, unknown>,
	extra: Partial<MatchRecord> = {}
): MatchRecord {
	return {
		id: nextId++,
		kind,
		subtype,
		title: String(fields.title ?? subtype),
		district: null,
		published: null,
		fields,
		...extra
	};
}

describe('pieces', () => {
	it('reads districts, aliases and 高新区 as 天元区', () => {
		expect(districtOf('醴陵市来龙门街道')).toBe('醴陵市');
		expect(districtOf('在醴陵火车站')).toBe('醴陵市');
		expect(districtOf('株洲高新区栗雨工业园')).toBe('天元区');
		expect(districtOf('长沙市岳麓区')).toBeUndefined();
	});

	it('turns printed ages into birth years with a tolerance', () => {
		expect(birthYear('约5岁', '2023-11-06')).toEqual({ year: 2018, slack: 3 });
		expect(birthYear('3个月', '2023-11-06')).toEqual({ year: 2023, slack: 1 });
		expect(birthYear('70岁左右', '2025-12-20')).toEqual({ year: 1955, slack: 6 });
		expect(birthYear('2019年出生', '2023-01-01')).toEqual({ year: 2019, slack: 0.5 });
		expect(birthYear(undefined, '2023-01-01')).toBeUndefined();
	});
});

describe('scoreMatch', () => {
	const seeking = rec('family_search', 'family_seeking', {
		gender: '女',
		age: '3个月',
		lostAt: '2023-11-01',
		place: '醴陵市火车站附近',
		features: ['左手腕有红色胎记']
	});

	it('a family seeking a baby girl lost in 醴陵 ↔ a found-infant notice of days later in 醴陵', () => {
		const infant = rec('family_search', 'found_child', {
			gender: '女',
			age: '约3个月',
			foundAt: '2023-11-06',
			place: '醴陵市阳三石街道',
			features: ['左手腕有胎记']
		});
		const m = scoreMatch(seeking, infant);
		expect(m).toBeDefined();
		expect(m!.reasons).toEqual(
			expect.arrayContaining([
				'同在醴陵市',
				'性别相同（女）',
				expect.stringContaining('年龄相符'),
				expect.stringContaining('胎记')
			])
		);
		// Symmetric: the found notice finds the family the same way.
		expect(scoreMatch(infant, seeking)?.score).toBe(m!.score);
	});

	it('near misses are no match: other gender, far older, found before lost, same side', () => {
		const base = { age: '约3个月', foundAt: '2023-11-06', place: '醴陵市' };
		expect(
			scoreMatch(seeking, rec('family_search', 'found_child', { ...base, gender: '男' }))
		).toBeUndefined();
		expect(
			scoreMatch(
				seeking,
				rec('family_search', 'found_child', { ...base, gender: '女', age: '约6岁' })
			)
		).toBeUndefined();
		expect(
			scoreMatch(
				seeking,
				rec('family_search', 'found_child', { ...base, gender: '女', foundAt: '2023-09-01' })
			)
		).toBeUndefined();
		expect(
			scoreMatch(seeking, rec('family_search', 'family_seeking', { ...base, gender: '女' }))
		).toBeUndefined();
	});

	it('a lost document ↔ a found one: same type and number; another number is no match', () => {
		const lost = rec(
			'lost_found',
			'void_notice',
			{
				holder: '邓雨桐',
				documentType: '居民身份证',
				documentNumber: '430202199001011234'
			},
			{ published: '2025-03-10' }
		);
		const found = rec('lost_found', 'found_item', {
			item: '身份证',
			holder: '邓雨桐',
			date: '2025-03-08',
			place: '荷塘区'
		});
		expect(scoreMatch(lost, found)?.reasons).toEqual(
			expect.arrayContaining(['证件类型相同（身份证）', '失主姓名相同（邓雨桐）'])
		);
		expect(
			scoreMatch(lost, { ...found, id: 999, fields: { ...found.fields, holder: '李文' } })
		).toBeUndefined();
		expect(
			scoreMatch(lost, { ...found, id: 998, fields: { ...found.fields, item: '驾驶证' } })
		).toBeUndefined();
	});
});

/**
 * True pairs and distractors written as the papers print them; the top-3 suggestions of each
 * seeking record are checked against the known answer.
 */
describe('top-3 suggestions over a set of notices', () => {
	const seekers: MatchRecord[] = [];
	const answers = new Map<number, number>();
	const pool: MatchRecord[] = [];
	const pair = (seeker: MatchRecord, answer: MatchRecord) => {
		seekers.push(seeker);
		pool.push(answer);
		answers.set(seeker.id, answer.id);
	};

	pair(
		rec('family_search', 'family_seeking', {
			gender: '男',
			age: '4岁',
			lostAt: '2024-05-01',
			place: '芦淞区服装市场',
			features: ['穿黄色上衣', '额头有疤']
		}),
		rec('family_search', 'person_seeking_family', {
			gender: '男',
			age: '约4岁',
			foundAt: '2024-05-01',
			place: '芦淞区建设路',
			features: ['黄色上衣', '额头有疤痕']
		})
	);
	pair(
		rec('family_search', 'family_seeking', {
			gender: '男',
			age: '78岁',
			lostAt: '2025-12-18',
			place: '攸县',
			features: ['说攸县方言', '深蓝色棉袄']
		}),
		rec('family_search', 'person_seeking_family', {
			gender: '男',
			age: '约75岁',
			foundAt: '2025-12-20',
			place: '芦淞区中心广场',
			features: ['攸县方言', '深蓝色棉袄']
		})
	);
	pair(
		rec('family_search', 'family_seeking', {
			gender: '女',
			age: '2019年出生',
			lostAt: '2023-08-02',
			place: '石峰区',
			features: ['扎两个辫子']
		}),
		rec('family_search', 'found_child', {
			gender: '女',
			age: '约4岁',
			foundAt: '2023-08-03',
			place: '石峰区田心',
			features: ['两个辫子']
		})
	);
	pair(
		rec('lost_found', 'lost_item', {
			item: '黑色双肩包',
			date: '2025-11-03',
			place: '芦淞区建设路公交站',
			title: '寻物启事：黑色双肩包'
		}),
		rec('lost_found', 'found_item', {
			item: '黑色双肩包一个',
			date: '2025-11-03',
			place: '芦淞区建设路',
			title: '招领：黑色双肩包'
		})
	);
	pair(
		rec(
			'lost_found',
			'lost_item',
			{ item: '棕色皮夹', date: '2025-06-10', place: '神农公园', title: '寻物启事：棕色皮夹' },
			{ district: '天元区' }
		),
		rec(
			'lost_found',
			'found_item',
			{ item: '男式棕色皮夹', date: '2025-06-11', place: '神农公园东门', title: '拾到皮夹' },
			{ district: '天元区' }
		)
	);
	pair(
		rec(
			'lost_found',
			'void_notice',
			{ holder: '周立新', documentType: '居民身份证' },
			{ published: '2025-11-07' }
		),
		rec('lost_found', 'found_item', { item: '居民身份证', holder: '周立新', date: '2025-11-02' })
	);
	// Distractors: same places and times, wrong in one decisive way, or merely similar.
	pool.push(
		rec('family_search', 'person_seeking_family', {
			gender: '女',
			age: '约4岁',
			foundAt: '2024-05-01',
			place: '芦淞区'
		}),
		rec('family_search', 'found_child', {
			gender: '男',
			age: '约3岁',
			foundAt: '2024-05-20',
			place: '荷塘区',
			features: ['黄色上衣']
		}),
		rec('family_search', 'person_seeking_family', {
			gender: '男',
			age: '约40岁',
			foundAt: '2025-12-20',
			place: '攸县'
		}),
		rec('family_search', 'found_child', {
			gender: '女',
			age: '约4岁',
			foundAt: '2023-07-01',
			place: '石峰区'
		}),
		rec('lost_found', 'found_item', { item: '红色双肩包', date: '2025-11-04', place: '荷塘区' }),
		rec(
			'lost_found',
			'found_item',
			{ item: '钥匙一串', date: '2025-06-10', place: '神农公园' },
			{ district: '天元区' }
		),
		rec('lost_found', 'found_item', { item: '居民身份证', holder: '周丽', date: '2025-11-02' }),
		rec('lost_found', 'lost_item', { item: '黑色双肩包', date: '2025-11-03', place: '芦淞区' })
	);

	it('puts every true match first, and most suggestions are true', () => {
		let suggested = 0;
		let correct = 0;
		for (const s of seekers) {
			const top = rankMatches(s, pool, 3);
			expect(top[0]?.record.id, s.title).toBe(answers.get(s.id));
			suggested += top.length;
			correct += top.filter((m) => m.record.id === answers.get(s.id)).length;
		}
		// Six true matches among the suggestions; the distractors that share a place and a day
		// (a found key ring in the same park) may trail them as a third choice.
		expect(correct).toBe(6);
		expect(correct / suggested).toBeGreaterThanOrEqual(0.75);
	});
});
