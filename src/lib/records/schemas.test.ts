import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { emptyFormValues, toFormValues } from './formFields';
import { normalizeDateInput, normalizePhone, parsePhoneLine } from './formInput';
import {
	formErrors,
	HotlineSchema,
	RecordFormSchema,
	RecordSchema,
	stripControlChars,
	toRecordContent
} from './schemas';

function parseForm(values: Record<string, string>) {
	return v.safeParse(RecordFormSchema, values);
}

function errorsOf(values: Record<string, string>): Record<string, string> {
	const result = parseForm(values);
	expect(result.success).toBe(false);
	return result.success ? {} : formErrors(result.issues);
}

describe('the shared normalisers', () => {
	it('normalise phone numbers as the extractor does', () => {
		expect(normalizePhone('0731-28684239')).toBe('0731-28684239');
		expect(normalizePhone('(0731)28829999')).toBe('0731-28829999');
		expect(normalizePhone('０７３１－２８６８４２３９')).toBe('0731-28684239');
		expect(normalizePhone('28684239')).toBe('0731-28684239');
		expect(normalizePhone('139 7415 8263')).toBe('13974158263');
		expect(normalizePhone('12345')).toBe('12345');
		expect(normalizePhone('110')).toBe('110');
		expect(normalizePhone('4008208820')).toBe('400-820-8820');
		expect(normalizePhone('123')).toBeUndefined();
		expect(normalizePhone('0731-28684239x')).toBeUndefined();
		expect(normalizePhone('430202199001011234')).toBeUndefined();
	});

	it('read a phones line as 号码 说明, or 说明 号码', () => {
		expect(parsePhoneLine('(0731)28829999 咨询电话')).toEqual({
			number: '0731-28829999',
			raw: '(0731)28829999',
			label: '咨询电话'
		});
		expect(parsePhoneLine('联系人 张先生 13974158263')).toEqual({
			number: '13974158263',
			raw: '13974158263',
			label: '联系人 张先生'
		});
		expect(parsePhoneLine('12345')).toEqual({ number: '12345', raw: '12345' });
		expect(parsePhoneLine('abc 说明').number).toBe('abc');
	});

	it('normalise dates as the extractor does', () => {
		expect(normalizeDateInput('2024-11-05')).toBe('2024-11-05');
		expect(normalizeDateInput('2024-11-5')).toBe('2024-11-05');
		expect(normalizeDateInput('2024-11-05 9:30')).toBe('2024-11-05T09:30');
		expect(normalizeDateInput('2024-11-05T09:30')).toBe('2024-11-05T09:30');
		expect(normalizeDateInput('2024年11月5日')).toBe('2024-11-05');
		expect(normalizeDateInput('二〇二四年十一月五日')).toBe('2024-11-05');
		expect(normalizeDateInput('2024.11.5')).toBe('2024-11-05');
		expect(normalizeDateInput('2024年11月5日下午3时')).toBe('2024-11-05T15:00');
		expect(normalizeDateInput('11月5日', '2024-10-01')).toBe('2024-11-05');
		expect(normalizeDateInput('2024-02-30')).toBeUndefined();
		expect(normalizeDateInput('下周')).toBeUndefined();
		expect(normalizeDateInput('11月5日至7日', '2024-10-01')).toBeUndefined();
		expect(normalizeDateInput('2024年11月5日左右')).toBeUndefined();
	});
});

describe('RecordFormSchema', () => {
	it('turns a lost-and-found form into a record with normalised phone and date', () => {
		const result = parseForm({
			...emptyFormValues('lost_found'),
			title: '  寻物启事：黑色钱包 ',
			subtype: 'lost_item',
			district: '荷塘区',
			item: '黑色钱包',
			date: '2024年11月5日',
			phones: '13974158263 王先生\r\n\r\n(0731)28829999',
			emails: ''
		});
		expect(result.success).toBe(true);
		if (!result.success) return;
		expect(toRecordContent(result.output)).toEqual({
			kind: 'lost_found',
			subtype: 'lost_item',
			title: '寻物启事：黑色钱包',
			district: '荷塘区',
			fields: { item: '黑色钱包', date: '2024-11-05' },
			phones: [
				{ number: '13974158263', raw: '13974158263', label: '王先生' },
				{ number: '0731-28829999', raw: '(0731)28829999' }
			],
			emails: []
		});
	});

	it('turns list boxes into one item per line and checkboxes into booleans', () => {
		const result = parseForm({
			...emptyFormValues('hotline'),
			title: '急救电话',
			name: '医疗急救',
			emergency: 'on',
			phones: '120'
		});
		expect(result.success && result.output).toMatchObject({ emergency: true, name: '医疗急救' });
		const proc = parseForm({
			...emptyFormValues('procedure'),
			title: '如何办理居住证',
			steps: '第一步 申请\n\n  第二步 领证  \n',
			subtype: 'guide'
		});
		expect(proc.success && proc.output).toMatchObject({ steps: ['第一步 申请', '第二步 领证'] });
	});

	it('reports field errors in plain Chinese, per field name', () => {
		const errors = errorsOf({
			...emptyFormValues('event'),
			title: '   ',
			startsOn: '2024-11-05',
			endsOn: '2024-11-01',
			deadline: '下个月',
			phones: '0731-28684239\n12'
		});
		expect(errors).toEqual({
			title: '请填写标题',
			deadline: '日期格式应为 2024-11-05',
			endsOn: '结束时间不能早于开始时间',
			phones: '第 2 行：电话号码格式不对'
		});
		const later = errorsOf({
			...emptyFormValues('event'),
			title: '活动',
			startsOn: '2024-11-05',
			endsOn: '2024-11-01'
		});
		expect(later).toEqual({ endsOn: '结束时间不能早于开始时间' });
	});

	it('requires the subtype of lost-and-found and family-search notices', () => {
		expect(errorsOf({ ...emptyFormValues('family_search'), title: '寻亲' })).toEqual({
			subtype: '请选择类型'
		});
		expect(errorsOf({ ...emptyFormValues('hotline'), title: '电话' })).toEqual({
			name: '请填写名称'
		});
	});

	it('limits lengths and strips control characters', () => {
		expect(errorsOf({ ...emptyFormValues('hotline'), title: '长'.repeat(201), name: 'x' })).toEqual(
			{
				title: '标题不能超过 200 个字'
			}
		);
		expect(
			errorsOf({ ...emptyFormValues('procedure'), title: '问', answer: '答'.repeat(5001) })
		).toEqual({ answer: '不能超过 5000 个字' });
		const result = parseForm({
			...emptyFormValues('hotline'),
			title: '医保\u0000咨询\u001b\u202e',
			name: '医保\u0007'
		});
		expect(result.success && result.output).toMatchObject({ title: '医保咨询', name: '医保' });
		expect(stripControlChars('a\u0000b\r\nc\u009fd\te')).toBe('ab\ncd\te');
		// Bidirectional overrides would show a number reversed (U+202E before 0731… reads …1370).
		expect(stripControlChars('电话\u202e0731-28683507\u202c\u2066x\u2069\u200f')).toBe(
			'电话0731-28683507x'
		);
		expect(
			errorsOf({ ...emptyFormValues('hotline'), title: 't', name: 'n', emails: 'not-mail' })
		).toEqual({
			emails: '第 1 行：邮箱格式不对'
		});
	});

	it('refuses a kind that is no kind, even a name Object.prototype has', () => {
		for (const kind of ['weather', 'constructor', '__proto__', 'toString', ''])
			expect(errorsOf({ kind, title: 't' })).toEqual({ kind: '请选择类别' });
	});

	it('round-trips a record through the form unchanged', () => {
		const content = {
			kind: 'event' as const,
			subtype: null,
			title: '社区义诊',
			district: '天元区',
			fields: {
				organizer: '天元区卫健局',
				startsOn: '2024-11-05T09:30',
				howToRegister: ['电话报名', '现场报名']
			},
			phones: [{ number: '0731-28684239', raw: '0731-28684239', label: '报名电话' }],
			emails: ['a@example.com']
		};
		const result = parseForm(toFormValues(content));
		expect(result.success && toRecordContent(result.output)).toEqual(content);
	});
});

describe('per-kind schemas (importer side)', () => {
	it('accept an extractor record and refuse un-normalised phones and bad dates', () => {
		const hotline = {
			kind: 'hotline',
			title: '医保咨询电话',
			name: '医保咨询',
			phones: [{ number: '0731-28684239', raw: '28684239' }],
			emails: []
		};
		expect(v.safeParse(HotlineSchema, hotline).success).toBe(true);
		const bad = { ...hotline, phones: [{ number: '28684239', raw: '28684239' }] };
		expect(v.safeParse(HotlineSchema, bad).success).toBe(false);
		const event = { kind: 'event', title: '活动', phones: [], emails: [], startsOn: '2024-13-01' };
		const result = v.safeParse(RecordSchema, event);
		expect(!result.success && formErrors(result.issues)).toEqual({
			startsOn: '日期格式应为 2024-11-05'
		});
	});
});

describe('invisible characters', () => {
	const MESSAGE = '含有看不见的字符（如零宽空格、软连字符），请删除后再保存';
	it('are refused with a message in titles, text, long text and list fields', () => {
		for (const invisible of [
			'\u200b',
			'\u2060',
			'\u00ad',
			'\u3164',
			'\ufff9',
			'\u{e0041}',
			'\u{e007f}'
		]) {
			expect(
				errorsOf({ ...emptyFormValues('hotline'), title: `医保${invisible}电话`, name: '医保' })
			).toEqual({ title: MESSAGE });
			expect(
				errorsOf({ ...emptyFormValues('hotline'), title: '医保', name: `医${invisible}保` })
			).toEqual({ name: MESSAGE });
			expect(
				errorsOf({ ...emptyFormValues('procedure'), title: '问', answer: `答${invisible}` })
			).toEqual({ answer: MESSAGE });
			expect(
				errorsOf({
					...emptyFormValues('procedure'),
					title: '问',
					answer: '答',
					steps: `第一步\n第二${invisible}步`
				})
			).toMatchObject({ steps: `第 2 行：${MESSAGE}` });
		}
	});

	it('a byte-order mark inside a one-line field is a space (lines fold \\s), in long text refused', () => {
		expect(
			errorsOf({ ...emptyFormValues('procedure'), title: '问', answer: '答\ufeff案' })
		).toEqual({ answer: MESSAGE });
	});

	it('leave visible text alone (Chinese, emoji, full-width space)', () => {
		const result = parseForm({
			...emptyFormValues('hotline'),
			title: '医保　咨询 😀 电话',
			name: '医保'
		});
		expect(result.success).toBe(true);
	});
});
