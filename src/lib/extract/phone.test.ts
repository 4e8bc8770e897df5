import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { findPhones, normalizePhoneNumber, PhoneIndex } from './phone';

/** Numbers found in a text (matching on its normalised form, like the parsers do). */
function numbers(text: string, list = false): string[] {
	return findPhones(normalize(text), { original: text, list }).map((p) => p.number);
}

describe('findPhones: positives', () => {
	const cases: Array<[string, string[]]> = [
		['报名电话:28684239。', ['0731-28684239']],
		['电话010-12345678', ['010-12345678']],
		['（0731）28829999', ['0731-28829999']],
		['(0731)28829999', ['0731-28829999']],
		['0731—28455555', ['0731-28455555']],
		['电话0731 2868 3507', ['0731-28683507']],
		['0731-2868 3507', ['0731-28683507']],
		['073128683507', ['0731-28683507']],
		['电话：０７３１－２８６８３５０７', ['0731-28683507']],
		// International form on pages for visitors: the area code loses its 0 after +86.
		['旅游咨询：+86-731-2851 6600', ['0731-28516600']],
		['Tel: +86 27 85880011', ['027-85880011']],
		['手机 +86 139 7412 0000', ['13974120000']],
		// 请拨 without 打 still dials: every short number of the list is one.
		['紧急情况请拨110、119、120', ['110', '119', '120']],
		['请与刘毅联系,电话:13974158263。', ['13974158263']],
		['电话139 7415 8263', ['13974158263']],
		['手机：139-7415-8263', ['13974158263']],
		['开通“12349”为老服务热线', ['12349']],
		['请拨打12345反映', ['12345']],
		['拨打110报警', ['110']],
		['火警请拨119', ['119']],
		['客服电话400-820-8820', ['400-820-8820']],
		['免费热线800 810 8888', ['800-810-8888']],
		['咨询电话020-87654321', ['020-87654321']],
		// Lanzhou has 7-digit numbers (Shenzhen's 0755 has 8: 0755-8812345 is no number).
		['联系电话:0931-8812345', ['0931-8812345']],
		['咨询电话0717—6221000', ['0717-6221000']],
		['（0851）5861111', ['0851-5861111']],
		['在外地可拨打0838-12345反映', ['0838-12345']],
		// A document word earlier in the sentence does not make a number after 请联系 a document's.
		['内有身份证件，有拾到者请联系13974120000，必有重谢。', ['13974120000']]
	];
	for (const [text, expected] of cases) {
		it(`${text} → ${expected.join(', ')}`, () => {
			expect(numbers(text)).toEqual(expected);
		});
	}

	it('joins a number broken across a line break', () => {
		expect(numbers('报名电话:2868\n4239')).toEqual(['0731-28684239']);
		expect(numbers('电话:1397415\n8263')).toEqual(['13974158263']);
		expect(numbers('电话0731-\n28684239')).toEqual(['0731-28684239']);
	});

	it('keeps two numbers on consecutive lines apart', () => {
		expect(numbers('电话:28684239\n13974158263')).toEqual(['0731-28684239', '13974158263']);
		expect(numbers('联系电话:13974158263\n2020年4月17日')).toEqual(['13974158263']);
	});

	it('reports offsets, raw text and a label', () => {
		const text = '若仍有疑问,可拨打失业保险咨询电话0731-28584126进行咨询。';
		const [p] = findPhones(normalize(text), { original: text });
		expect(text.slice(p.start, p.end)).toBe('0731-28584126');
		expect(p.raw).toBe('0731-28584126');
		expect(p.label).toBe('失业保险咨询电话');
		expect(p.type).toBe('landline');
	});

	it('keeps the printed form as raw (full-width brackets included)', () => {
		const text = '服务热线（０７３１）２８８２９９９９';
		const [p] = findPhones(normalize(text), { original: text });
		expect(p.raw).toBe('（０７３１）２８８２９９９９');
		expect(text.slice(p.start, p.end)).toBe(p.raw);
	});

	it('labels a contact by name', () => {
		const text = '如有知情者请与刘毅联系,电话:13974158263。';
		expect(findPhones(normalize(text), { original: text })[0].label).toBe('联系人 刘毅');
	});

	it('marks the newspaper own lines', () => {
		const [p] = findPhones(normalize('广告接待热线 28835396'));
		expect(p.newspaperLine).toBe(true);
	});

	it('respects a start/end range', () => {
		const text = '电话28684239,电话28687948';
		const ps = findPhones(text, { start: 10 });
		expect(ps.map((p) => p.number)).toEqual(['0731-28687948']);
	});

	it('takes short numbers on a list line', () => {
		expect(numbers('交通事故报警 122\n消费者投诉举报 12315\n', true)).toEqual(['122', '12315']);
	});
});

describe('findPhones: negatives (never a phone)', () => {
	const cases: Array<[string, string]> = [
		['身份证号430202195901010011', 'an 18-digit ID number'],
		['身份证号4302021959010100X', 'a 17+X ID number'],
		['430202195901010011', 'a bare ID number'],
		['43020219590101001X', 'a bare 17+X ID number'],
		['遗失\n4302021982072260164\n4号残疾证', 'a 20-digit 残疾证 number broken at a line end'],
		['证号：43022319760815202342', 'a 20-digit 残疾证 number'],
		['遗失身份证43020219\n5901010011', 'an ID number broken into an 8-digit head'],
		['20200417', 'a date as YYYYMMDD'],
		['于20200417遗失', 'a date inside a sentence'],
		['2000—3000元的办案补贴', 'an amount range'],
		['共投资28000000元', 'an amount'],
		['案件120多件', 'a count that looks like 120'],
		['人数要求不低于10人', 'a count'],
		['2020年4月17日', 'a year'],
		['邮箱 997797627@qq.com', 'a QQ mail address'],
		['QQ:28684239', 'a QQ number'],
		['账号6222021234567890123', 'a bank account'],
		['卡号 6222 0212 3456 7890', 'a bank card printed in blocks'],
		['统一社会信用代码91430211MA4Q8KTR6C', 'a credit code'],
		['B0508102000000190', 'a certificate number with a letter'],
		['编号：28123456', 'a certificate number of phone length'],
		['第12345期', 'an issue number'],
		['面积15527.46平方米', 'a decimal'],
		['12345', 'a short number without any phone word'],
		['邮编412000', 'a postal code'],
		['株疫防组发[2020]23号', 'a document number'],
		['14:30', 'a time'],
		['v2.12345', 'a version'],
		['电话：011-12345678', 'no area code 011 in China'],
		['电话：2868086', 'a 7-digit number where locals have 8 digits (Zhuzhou)'],
		['电话：0755-8812345', 'a 7-digit number after an 8-digit city code'],
		['手机：12012345678', 'no mobile range 120']
	];
	for (const [text, why] of cases) {
		it(`${why}: ${JSON.stringify(text)}`, () => {
			expect(numbers(text)).toEqual([]);
		});
	}
});

describe("the paper's area code", () => {
	function inCity(text: string, areaCode: string, list = false): string[] {
		return findPhones(normalize(text), { original: text, list, areaCode }).map((p) => p.number);
	}
	it("gives numbers printed without one the paper's area code", () => {
		expect(inCity('就业咨询电话：8468001', '0931')).toEqual(['0931-8468001']);
		expect(inCity('市人社局\u3000\u30004225861', '0739', true)).toEqual(['0739-4225861']);
		expect(inCity('值班电话：28215566', '0731')).toEqual(['0731-28215566']);
	});
	it('keeps a printed area code', () => {
		expect(inCity('咨询电话：0731-28685566', '0931')).toEqual(['0731-28685566']);
	});
	it('refuses local numbers of the wrong length for the city', () => {
		expect(inCity('电话：28215566', '0931')).toEqual([]);
		expect(inCity('电话：8468001', '0731')).toEqual([]);
	});
	it('a bare 7-digit number needs a phone word', () => {
		expect(inCity('全市去年新增8468001户', '0931')).toEqual([]);
		expect(inCity('编号8468001', '0931')).toEqual([]);
	});
});

describe('numbers sharing one area code', () => {
	it('gives the area code to the numbers listed after it', () => {
		const text = '社保卡业务咨询：0931-8270415、8270416';
		const ps = findPhones(normalize(text), { original: text });
		expect(ps.map((p) => p.number)).toEqual(['0931-8270415', '0931-8270416']);
		expect(text.slice(ps[1].start, ps[1].end)).toBe('8270416');
	});
	it('also after a bracketed note: 28215566（白天）、28215577（夜间）', () => {
		expect(numbers('值班电话：28215566（白天）、28215577（夜间）')).toEqual([
			'0731-28215566',
			'0731-28215577'
		]);
	});
	it('not a run of a different length (a year, a count)', () => {
		expect(numbers('电话：0931-8270415、2019年')).toEqual(['0931-8270415']);
		expect(numbers('电话：0931-8270415、13974120000')).toEqual(['0931-8270415', '13974120000']);
	});
});

describe('normalizePhoneNumber', () => {
	it('normalises one printed number', () => {
		expect(normalizePhoneNumber('(0731)28829999')).toBe('0731-28829999');
		expect(normalizePhoneNumber('28684239')).toBe('0731-28684239');
		expect(normalizePhoneNumber('139 7415 8263')).toBe('13974158263');
		expect(normalizePhoneNumber('12345')).toBe('12345');
		expect(normalizePhoneNumber('430202195901010011')).toBeUndefined();
	});
});

describe('numbers separated by commas', () => {
	it('finds both numbers of a comma-separated pair, half- or full-width', () => {
		for (const text of ['电话:0731-28456789,13875012345', '电话：0731-28456789，13875012345']) {
			const norm = normalize(text);
			expect(findPhones(norm, { original: text }).map((p) => p.number)).toEqual([
				'0731-28456789',
				'13875012345'
			]);
		}
	});
	it('still refuses thousands-separated amounts', () => {
		const text = '电话咨询，罚款28,687,947元';
		expect(findPhones(normalize(text), { original: text })).toEqual([]);
	});
});

describe('PhoneIndex: a page asked about many windows', () => {
	// Pieces that make numbers join, break, continue and fail at window edges.
	const pieces = [
		'0731-',
		'28681234',
		'0731',
		' ',
		'-',
		'\n',
		'139 7412 0000',
		'(0731)',
		'12345',
		'110',
		'电话:',
		'热线',
		'、',
		'2868 3507',
		'400-820-8820',
		'身份证',
		'号',
		'元',
		'2020年',
		'.',
		',',
		'1',
		'4444',
		'0931-8274924、8273746',
		'联系人:张三'
	];
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
	const pick = (n: number) => Math.floor(random() * n);

	it('answers every window as findPhones does, read as prose or as a list', () => {
		let found = 0;
		for (let t = 0; t < 300; t++) {
			let text = '';
			while (text.length < 200) text += pieces[pick(pieces.length)];
			const norm = normalize(text);
			const areaCode = t % 5 === 0 ? '0931' : undefined;
			const index = new PhoneIndex(norm, text, areaCode);
			for (let k = 0; k < 20; k++) {
				const start = pick(text.length);
				const end = start + pick(text.length - start + 1);
				for (const list of [false, true]) {
					const expected = findPhones(norm, { start, end, original: text, list, areaCode });
					expect(index.find(start, end, list)).toEqual(expected);
					found += expected.length;
				}
			}
		}
		// The windows did hold numbers: the comparison was not of empty lists alone.
		expect(found).toBeGreaterThan(1000);
	});

	it('gives each caller its own match objects', () => {
		const text = '服务热线：0731-28681234';
		const index = new PhoneIndex(normalize(text), text);
		const first = index.find(0, text.length)[0];
		first.label = '改过';
		expect(index.find(0, text.length)[0].label).toBe('服务热线');
	});
});
