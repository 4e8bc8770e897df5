import { describe, expect, it } from 'vitest';
import { formatDate, maskIdNumbers, telHref } from './display';

describe('maskIdNumbers', () => {
	it('keeps the first 6 and last 4 characters of an 18-character ID number', () => {
		expect(maskIdNumbers('身份证号430202199001011234作废')).toBe('身份证号430202********1234作废');
		expect(maskIdNumbers('43020219900101123X')).toBe('430202********123X');
	});
	it('leaves shorter numbers and longer digit runs alone', () => {
		expect(maskIdNumbers('电话 0731-28687947')).toBe('电话 0731-28687947');
		expect(maskIdNumbers('残疾证 43020219900101123452')).toBe('残疾证 43020219900101123452');
	});
});

describe('telHref / formatDate', () => {
	it('builds a dialable tel: link', () => {
		expect(telHref('0731-28687947')).toBe('tel:073128687947');
	});
	it('formats ISO dates the Chinese way', () => {
		expect(formatDate('2024-11-05')).toBe('2024年11月5日');
		expect(formatDate('2024-10-28T06:00')).toBe('2024年10月28日 06:00');
	});
});
