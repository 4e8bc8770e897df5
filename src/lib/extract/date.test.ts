import { describe, expect, it } from 'vitest';
import {
	addDays,
	addDuration,
	addMonths,
	findDates,
	findDurations,
	parseCnNumber,
	parseDate,
	publishedFromText,
	resolveYear
} from './date';
import { normalize } from './normalize';

const P = '2020-04-17';

function first(text: string, published = P) {
	return findDates(normalize(text), published)[0];
}

describe('findDates: absolute dates', () => {
	const cases: Array<[string, string]> = [
		['2020年4月17日', '2020-04-17'],
		['2020年04月07日', '2020-04-07'],
		['２０２０年４月１７日', '2020-04-17'],
		['2020.4.17', '2020-04-17'],
		['2020-04-17', '2020-04-17'],
		['2020/4/17', '2020-04-17'],
		['二〇二〇年四月十七日', '2020-04-17'],
		['二○二○年十二月三十一日', '2020-12-31'],
		['2019年11月5号', '2019-11-05']
	];
	for (const [text, iso] of cases) {
		it(`${text} → ${iso}`, () => {
			const d = first(text);
			expect(d.value).toBe(iso);
			expect(d.hasYear).toBe(true);
		});
	}

	it('rejects impossible dates', () => {
		expect(findDates('2020年2月30日', P)).toEqual([]);
		expect(findDates('2020.13.01', P)).toEqual([]);
	});
});

describe('findDates: dates without a year', () => {
	it('takes the publication year for a nearby date', () => {
		expect(first('4月20日').value).toBe('2020-04-20');
		expect(first('十一月五日', '2024-11-05').value).toBe('2024-11-05');
	});

	it('a December page saying 1月10日 means next January', () => {
		expect(first('1月10日', '2021-12-17').value).toBe('2022-01-10');
	});

	it('a January page saying 12月20日 means last December', () => {
		expect(first('12月20日', '2021-01-05').value).toBe('2020-12-20');
	});

	it('past events (遗失, 拾得) take the latest date not after publication', () => {
		expect(first('本人于4月20日遗失身份证').value).toBe('2019-04-20');
		expect(first('5月3日在公园拾得钱包一个', '2020-05-08').value).toBe('2020-05-03');
		expect(first('4月20日活动开始').value).toBe('2020-04-20');
	});

	it('can be told the mode', () => {
		expect(findDates('3月1日', P, { mode: 'future' })[0].value).toBe('2021-03-01');
		expect(findDates('5月1日', P, { mode: 'past' })[0].value).toBe('2019-05-01');
	});
});

describe('findDates: relative dates', () => {
	const cases: Array<[string, string]> = [
		['今天', '2020-04-17'],
		['昨日', '2020-04-16'],
		['前天', '2020-04-15'],
		['明天', '2020-04-18'],
		['本月20日', '2020-04-20'],
		['下月3日', '2020-05-03'],
		['去年5月1日', '2019-05-01'],
		['明年1月1日', '2021-01-01']
	];
	for (const [text, iso] of cases) {
		it(`${text} → ${iso}`, () => expect(first(text).value).toBe(iso));
	}
});

describe('findDates: relative days of the week and bracketed days', () => {
	// 2020-04-17 is a Friday.
	const cases: Array<[string, string]> = [
		['本周六', '2020-04-18'],
		['本周一', '2020-04-13'],
		['本周日', '2020-04-19'],
		['这个星期天', '2020-04-19'],
		['下周三', '2020-04-22'],
		['昨（16）日', '2020-04-16'],
		['今(17)日', '2020-04-17']
	];
	for (const [text, iso] of cases) {
		it(`${text} → ${iso}`, () => expect(first(text).value).toBe(iso));
	}
	it('a bracketed day that disagrees with 昨 is no date', () => {
		expect(findDates(normalize('昨（15）日'), P)).toEqual([]);
	});
	it('a bare weekday (每周三) is no date', () => {
		expect(findDates(normalize('每周三上午开放'), P)).toEqual([]);
	});
	it('今明两天 is today and tomorrow', () => {
		const d = first('车展今明两天举行');
		expect([d.value, d.until]).toEqual(['2020-04-17', '2020-04-18']);
		expect([d.start, d.end]).toEqual([2, 6]);
	});
	it('a dotted range (2020.4.20—2020.5.5) ends on its dotted end', () => {
		const d = first('报名时间：2020.4.20—2020.5.5');
		expect([d.value, d.until]).toEqual(['2020-04-20', '2020-05-05']);
	});
	it('a weekday in brackets between the date and its time is skipped', () => {
		const text = '时间：4月19日（周日）上午9:30';
		const d = first(text);
		expect(d.value).toBe('2020-04-19T09:30');
		expect(text.slice(d.start, d.end)).toBe('4月19日（周日）上午9:30');
	});
});

describe('findDates: times and ranges', () => {
	it('adds a time of day', () => {
		expect(first('4月17日上午9时').value).toBe('2020-04-17T09:00');
		expect(first('4月17日14:30').value).toBe('2020-04-17T14:30');
		expect(first('5月9日下午3点半').value).toBe('2020-05-09T15:30');
		expect(first('4月14日19时36分,执法人员到达').value).toBe('2020-04-14T19:36');
		expect(first('2023年11月6日23:00在').value).toBe('2023-11-06T23:00');
		expect(first('写有2023年11月6日1:30的字样').value).toBe('2023-11-06T01:30');
		expect(first('4月17日晚上8点').value).toBe('2020-04-17T20:00');
	});

	it('reads ranges', () => {
		expect(first('4月17日至20日')).toMatchObject({ value: '2020-04-17', until: '2020-04-20' });
		expect(first('4月17日-5月1日')).toMatchObject({ value: '2020-04-17', until: '2020-05-01' });
		expect(first('7月31日至8月2日', '2020-08-05')).toMatchObject({
			value: '2020-07-31',
			until: '2020-08-02'
		});
		expect(first('12月28日至1月3日', '2021-12-17')).toMatchObject({
			value: '2021-12-28',
			until: '2022-01-03'
		});
	});

	it('reports offsets into the text', () => {
		const text = '活动将于4月20日正式启动';
		const d = findDates(normalize(text), P)[0];
		expect(text.slice(d.start, d.end)).toBe('4月20日');
	});

	it('ignores month-only and vague phrases', () => {
		expect(findDates('计划5月份移交完成后,于5月底开放', P)).toEqual([]);
		expect(findDates('2024年第三次会议', P)).toEqual([]);
	});
});

describe('durations', () => {
	it('finds 60日 / 六十天 / 3个月 / 15个工作日 and skips day numbers of dates', () => {
		const text = '自登报之日起60日内;公告期六十天;3个月;15个工作日;4月17日至20日';
		const ds = findDurations(normalize(text));
		expect(ds.map((d) => [d.amount, d.unit])).toEqual([
			[60, 'day'],
			[60, 'day'],
			[3, 'month'],
			[15, 'workday']
		]);
	});

	it('adds a duration to a date', () => {
		expect(addDuration('2024-11-05', { amount: 60, unit: 'day' })).toBe('2025-01-04');
		expect(addDuration('2024-01-31', { amount: 1, unit: 'month' })).toBe('2024-02-29');
		expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
		expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
	});
});

describe('helpers', () => {
	it('parses Chinese numerals', () => {
		expect(parseCnNumber('十')).toBe(10);
		expect(parseCnNumber('十七')).toBe(17);
		expect(parseCnNumber('二十')).toBe(20);
		expect(parseCnNumber('三十一')).toBe(31);
		expect(parseCnNumber('二〇二〇')).toBe(2020);
		expect(parseCnNumber('甲')).toBeUndefined();
	});

	it('resolves years', () => {
		expect(resolveYear(2, 29, '2021-03-01')).toBe('2020-02-29');
		expect(resolveYear(6, 1, '2020-01-15', 'past')).toBe('2019-06-01');
	});

	it('parseDate returns the first date', () => {
		expect(parseDate('截至5月7日,已征集', '2020-05-08')).toBe('2020-05-07');
		expect(parseDate('没有日期', P)).toBeUndefined();
	});

	it('finds the dateline of a page', () => {
		expect(publishedFromText(normalize('湘东晚报　２０２３年３月１４日　星期二'))).toBe(
			'2023-03-14'
		);
		expect(publishedFromText('株洲日报\n2020-04-17 第123期')).toBe('2020-04-17');
		expect(publishedFromText('11月4日,市级层面会议召开')).toBeUndefined();
	});
});
