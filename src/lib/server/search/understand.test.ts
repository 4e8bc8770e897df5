import { describe, expect, it } from 'vitest';
import { closeWord, matchFor, splitTerm, stripCountryCode, understand } from './understand';

const labels = (q: string) => understand(q).terms.map((t) => t.label);

describe('understand', () => {
	it('reads a query once and answers it again from memory, past its first 200 characters too', () => {
		expect(understand('医保局电话')).toBe(understand('医保局电话'));
		const long = '医保'.repeat(100);
		expect(understand(long + '电话')).toBe(understand(long));
		expect(understand('医保局电话')).not.toBe(understand('社保局电话'));
	});

	it('cuts phrases into words and drops question and function words', () => {
		expect(labels('身份证丢了怎么办')).toEqual(['身份证', '丢了']);
		expect(labels('请问医保局在哪里')).toEqual(['医保局']);
		expect(labels('石峰区人才办电话')).toEqual(['石峰区', '人才办']);
		expect(labels('结婚要带什么')).toEqual(['结婚']);
	});

	it('turns intent words into preferences instead of terms', () => {
		const phone = understand('石峰区人才办电话');
		expect(phone).toMatchObject({ wantsPhone: true, wantsProcedure: false, kindHint: 'hotline' });
		const how = understand('低保怎么申请');
		expect(how.terms.map((t) => t.label)).toEqual(['低保']);
		expect(how).toMatchObject({ wantsPhone: false, wantsProcedure: true });
		// 丢了 is kept as a term (notices say 遗失) and asks for the procedure too.
		expect(understand('钱包丢了')).toMatchObject({ wantsProcedure: true, kindHint: 'lost_found' });
	});

	it('searches each word as any of its synonyms', () => {
		const [document, lost] = understand('身份证丢了').terms;
		expect(document.alternatives).toEqual(['身份证']);
		expect(lost.alternatives).toEqual(expect.arrayContaining(['遗失', '丢失']));
		expect(understand('补办').terms[0].alternatives).toEqual(
			expect.arrayContaining(['补办', '补领'])
		);
		expect(understand('医疗保险').terms[0].alternatives).toContain('医保');
		expect(understand('公基金').terms[0].alternatives).toEqual(['公积金']); // a typo
	});

	it('reads traditional script and full-width text like simplified', () => {
		expect(understand('醫保電話')).toMatchObject({ wantsPhone: true });
		expect(labels('醫保電話')).toEqual(['医保']);
		expect(labels('１３９７４１０００１１')).toEqual(['13974100011']);
	});

	it('keeps only what was typed when nothing else is left', () => {
		expect(labels('电话')).toEqual(['电话']);
		expect(labels('的 吗')).toEqual([]);
		expect(labels('')).toEqual([]);
	});

	it('joins pinyin typed syllable by syllable, and reads pinyin intent words', () => {
		expect(labels('Gong Ji Jin')).toEqual(['gongjijin']);
		expect(understand('yibao dianhua')).toMatchObject({ wantsPhone: true });
		expect(labels('yibao dianhua')).toEqual(['yibao']);
		expect(labels('yibao电话')).toEqual(['yibao']);
	});

	it('searches a pinyin word also as the lexicon words it spells, with their synonyms', () => {
		expect(understand('canlian').terms[0].alternatives).toEqual(
			expect.arrayContaining(['canlian', '残联', '残疾人联合会'])
		);
		expect(understand('shebao').terms[0].alternatives).toEqual(
			expect.arrayContaining(['shebao', '社保', '社会保险'])
		);
		// Initials are too ambiguous to read as words: only the pinyin column answers them.
		expect(understand('sfz').terms[0].alternatives).toEqual(['sfz']);
	});

	it('searches 医保卡 and 社保卡 as one card', () => {
		const alternatives = (q: string) => understand(q).terms[0].alternatives;
		expect(alternatives('医保卡')).toContain('社保卡');
		expect(alternatives('社保卡')).toContain('医保卡');
	});

	it('tells whether a district or county is named, with or without its suffix', () => {
		expect(understand('医保电话').namesPlace).toBe(false);
		expect(understand('醴陵医保电话').namesPlace).toBe(true);
		expect(understand('天元区 公积金').namesPlace).toBe(true);
		expect(understand('天元公积金').namesPlace).toBe(true);
		expect(understand('攸县社保').namesPlace).toBe(true);
		expect(understand('荷塘區醫保').namesPlace).toBe(true);
	});

	it('joins characters the segmenter left alone to a neighbouring unknown word', () => {
		expect(labels('周子墨学生证')).toEqual(['周子墨', '学生证']);
		expect(labels('书法班报名')[0]).toBe('书法班');
	});

	it('marks a lone character it cannot place as weak', () => {
		const terms = understand('寻狗').terms;
		expect(terms.find((t) => t.label === '寻')).toMatchObject({ weak: true });
		expect(terms.find((t) => t.label === '狗')?.weak).toBeUndefined();
	});
});

describe('phone numbers', () => {
	it('drops +86, 0086 and a bare 86 before a mobile number', () => {
		for (const typed of [
			'+86 139 7415 8263',
			'+8613974158263',
			'0086 139 7415 8263',
			'008613974158263',
			'86 13974158263',
			'8613974158263',
			'+86-139-7415-8263'
		])
			expect(labels(typed), typed).toEqual(['13974158263']);
	});

	it('puts the trunk 0 back on a fixed line in international form', () => {
		expect(labels('+86 731 2868 3507')).toEqual(['073128683507']);
		expect(labels('0086-731-28683507')).toEqual(['073128683507']);
		expect(labels('+86 10 1234 5678')).toEqual(['01012345678']);
		expect(labels('+86 0731 2868 3507')).toEqual(['073128683507']);
	});

	it('leaves other numbers alone', () => {
		expect(stripCountryCode('430202198807150321')).toBe('430202198807150321');
		expect(stripCountryCode('8612345')).toBe('8612345');
		expect(stripCountryCode('电话 0731-28683507')).toBe('电话 0731-28683507');
		expect(labels('28683507')).toEqual(['28683507']);
	});
});

describe('splitTerm', () => {
	it('cuts an unknown long word into overlapping pairs, and nothing else', () => {
		expect(splitTerm({ label: '灯不亮', alternatives: ['灯不亮'] })?.map((t) => t.label)).toEqual([
			'灯不',
			'不亮'
		]);
		expect(splitTerm({ label: '医保', alternatives: ['医保'] })).toBeNull();
		expect(splitTerm({ label: '公积金', alternatives: ['公积金', '住房公积金'] })).toBeNull();
		expect(splitTerm({ label: 'yibao', alternatives: ['yibao'] })).toBeNull();
	});
});

describe('closeWord', () => {
	it('corrects a one-character typo of a known word of three characters or more', () => {
		expect(closeWord({ label: '公机金', alternatives: ['公机金'] })).toMatchObject({
			label: '公积金',
			alternatives: ['公积金']
		});
		expect(closeWord({ label: '残疾正', alternatives: ['残疾正'] })?.alternatives).toEqual(
			expect.arrayContaining(['残疾证', '残疾人证'])
		);
	});

	it('leaves alone what is not one character away, short, or not Chinese', () => {
		expect(closeWord({ label: '火星舱', alternatives: ['火星舱'] })).toBeNull();
		expect(closeWord({ label: '医宝', alternatives: ['医宝'] })).toBeNull();
		expect(closeWord({ label: 'gongjijn', alternatives: ['gongjijn'] })).toBeNull();
	});
});

describe('matchFor', () => {
	it('ANDs terms and ORs alternatives, every token quoted', () => {
		expect(
			matchFor([
				{ label: '医保', alternatives: ['医保', '医疗保险'] },
				{ label: '电', alternatives: ['电'] }
			])
		).toBe('(("医保") OR ("医疗" + "疗保" + "保险")) AND ("电"*)');
		expect(matchFor([])).toBeNull();
		expect(matchFor([{ label: '', alternatives: ['" * -'] }])).toBeNull();
	});

	it('searches a word in letters whole and as a prefix', () => {
		expect(matchFor([{ label: 'yibao', alternatives: ['yibao'] }])).toBe(
			'(("yibao") OR ("yibao"*))'
		);
	});
});
