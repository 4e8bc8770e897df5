import { describe, expect, it } from 'vitest';
import { foldForReprint, reprintKey, type ReprintInput } from './reprints';

const voidNotice = (title: string, documentNumber?: string): ReprintInput => ({
	kind: 'lost_found',
	subtype: 'void_notice',
	title,
	fields: documentNumber ? { documentNumber } : {},
	phones: []
});

describe('reprintKey', () => {
	it('is the same for a reprint that differs only in script, width, spaces or punctuation', () => {
		expect(foldForReprint('遺失 身份證，聲明作廢！')).toBe(foldForReprint('遗失身份证声明作废'));
		expect(reprintKey(voidNotice('李四遗失居民身份证声明', '430203199001013310'))).toBe(
			reprintKey(voidNotice('李四遺失居民身份證 聲明', '４３０２０３１９９００１０１３３１０'))
		);
	});

	it('tells apart notices under one title: another document number, another child', () => {
		expect(reprintKey(voidNotice('李四遗失居民身份证声明', '430203199001013310'))).not.toBe(
			reprintKey(voidNotice('李四遗失居民身份证声明', '430211198502024417'))
		);
		const child = (foundAt: string, gender: string): ReprintInput => ({
			kind: 'family_search',
			subtype: 'found_child',
			title: '查找弃婴生父母公告',
			fields: { foundAt, gender },
			phones: [{ number: '0731-22000007' }]
		});
		expect(reprintKey(child('2026-01-02', '女'))).toBe(reprintKey(child('2026-01-02', '女')));
		expect(reprintKey(child('2026-01-02', '女'))).not.toBe(reprintKey(child('2026-02-03', '女')));
		expect(reprintKey(child('2026-01-02', '女'))).not.toBe(reprintKey(child('2026-01-02', '男')));
	});

	it('tells apart another main number or another subtype, and leaves other kinds to their rule', () => {
		const lost = (number: string, subtype = 'lost_item'): ReprintInput => ({
			kind: 'lost_found',
			subtype,
			title: '寻找黑色钱包',
			fields: {},
			phones: [{ number }]
		});
		expect(reprintKey(lost('13974100009'))).not.toBe(reprintKey(lost('13974100010')));
		expect(reprintKey(lost('13974100009'))).not.toBe(reprintKey(lost('13974100009', 'found_item')));
		expect(
			reprintKey({ kind: 'hotline', subtype: null, title: '医保咨询', fields: {}, phones: [] })
		).toBeNull();
	});
});
