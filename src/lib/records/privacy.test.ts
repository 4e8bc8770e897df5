import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, looksLikeIdNumber, maskPersonalNumbers } from './privacy';

describe('maskPersonalNumbers', () => {
	it('keeps the first 6 and last 4 characters of an 18-character ID number', () => {
		expect(maskPersonalNumbers('身份证号430202199001011234作废')).toBe(
			'身份证号430202********1234作废'
		);
		expect(maskPersonalNumbers('43020219900101123X')).toBe('430202********123X');
		expect(maskPersonalNumbers('43020219900101123x声明')).toBe('430202********123x声明');
	});

	it('masks a 残疾证 number (the ID plus two digits), also when a line break splits it', () => {
		expect(maskPersonalNumbers('残疾证 43020219820722601644')).toBe('残疾证 430202********6016**');
		// As printed on a seed page: the number wrapped across two lines of a column.
		expect(maskPersonalNumbers('·龙海生 遗失\n4302021982072260164\n4号残疾证')).toBe(
			'·龙海生 遗失\n430202********6016*\n*号残疾证'
		);
	});

	it('masks numbers split by spaces, hyphens and line breaks, keeping the separators', () => {
		expect(maskPersonalNumbers('号码430203 19850217 3310。')).toBe('号码430203 ******** 3310。');
		expect(maskPersonalNumbers('430203-19850217-3310')).toBe('430203-********-3310');
		expect(maskPersonalNumbers('4302031985\r\n02173310')).toBe('430203****\r\n****3310');
		// Groups that each look like a phone number, yet an ID with a birth date spans them.
		expect(maskPersonalNumbers('13010219850 2173310')).toBe('130102***** ***3310');
	});

	it('masks full-width digits and numbers glued to letters', () => {
		expect(maskPersonalNumbers('４３０２０３１９８５０２１７３３１０')).toBe(
			'４３０２０３********３３１０'
		);
		expect(maskPersonalNumbers('证号NO430203198502173310甲')).toBe('证号NO430203********3310甲');
	});

	it('hides every possible birth date when digits are glued to the number', () => {
		// "12" in front: the ID could start at 0 or at 2; neither birth date may show.
		const masked = maskPersonalNumbers('12430203198502173310');
		expect(masked).not.toContain('1985');
		expect(masked).not.toContain('0217');
		expect(masked.replace(/\*/g, '')).toHaveLength(10);
	});

	it('leaves phone numbers, short numbers and phone lists alone (they are meant to be called)', () => {
		for (const text of [
			'电话 0731-28684239',
			'手机13974120000',
			'联系电话：0731-28683507 13974120000',
			'热线 28683507 28681663 28681664',
			// Digits 7–14 of this list read 18070731, a date: still a list of phones.
			'0731-28681800 0731-28680000',
			'43020319850217331',
			'2024年11月5日'
		]) {
			expect(maskPersonalNumbers(text)).toBe(text);
		}
	});

	it('masks every ID of a text, keeps its length and is idempotent', () => {
		const text = '甲430202199001011234，乙 43020319850217331X\n完';
		const masked = maskPersonalNumbers(text);
		expect(masked).toBe('甲430202********1234，乙 430203********331X\n完');
		expect(masked).toHaveLength(text.length);
		expect(maskPersonalNumbers(masked)).toBe(masked);
	});

	it('does linear work on a long run of digits and separators', () => {
		const text = '1 '.repeat(200_000);
		expect(maskPersonalNumbers(text)).toHaveLength(text.length);
	});
});

describe('findPersonalNumbers / looksLikeIdNumber', () => {
	it('finds ID-bearing numbers with their span and digits', () => {
		expect(findPersonalNumbers('号4302031985\n02173310号')).toEqual([
			{ start: 1, end: 20, digits: '430203198502173310' }
		]);
		expect(findPersonalNumbers('电话 0731-28683507 13974120000')).toEqual([]);
	});

	it('tells searches for ID numbers from phone searches', () => {
		expect(looksLikeIdNumber('430203198502173310')).toBe(true);
		expect(looksLikeIdNumber('430203 19850217 331')).toBe(true);
		expect(looksLikeIdNumber('残疾证 4302031985021733')).toBe(true);
		expect(looksLikeIdNumber('4302031985021')).toBe(false);
		expect(looksLikeIdNumber('0731-28683507')).toBe(false);
		expect(looksLikeIdNumber('28683507 13974120000')).toBe(false);
	});
});
