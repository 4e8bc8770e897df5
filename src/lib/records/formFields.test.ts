import { describe, expect, it } from 'vitest';
import { convertFormValues, emptyFormValues } from './formFields';

describe('convertFormValues (a moderator changes a record’s kind)', () => {
	const qa = {
		...emptyFormValues('procedure'),
		title: '遗失的社保卡怎么补办？',
		subtype: 'qa',
		district: '天元区',
		phones: '0731-28683507 社保中心',
		emails: 'a@b.cn',
		question: '遗失的社保卡怎么补办？',
		department: '市人社局',
		answer: '带身份证到社保中心补办。',
		fee: '免费',
		location: '天元区社保中心'
	};

	it('keeps the common fields and same-named fields, and lists what the new form lacks', () => {
		const { values, dropped } = convertFormValues(qa, 'procedure', 'event');
		expect(values).toMatchObject({
			kind: 'event',
			title: qa.title,
			district: '天元区',
			phones: qa.phones,
			emails: 'a@b.cn',
			fee: '免费',
			location: '天元区社保中心',
			subtype: ''
		});
		expect(values.question).toBeUndefined();
		// 办理/答复部门 means the event's 主办单位.
		expect(values.organizer).toBe('市人社局');
		expect(dropped.map((d) => [d.label, d.value])).toEqual([
			['类型', '网络问政'],
			['问题', qa.question],
			['答复', qa.answer]
		]);
	});

	it('moves a hotline’s 单位 and 地址 to a procedure’s 部门 and 地点', () => {
		const hotline = {
			...emptyFormValues('hotline'),
			title: '人才办',
			organization: '石峰区人才办',
			address: '石峰区政府七楼'
		};
		const { values, dropped } = convertFormValues(hotline, 'hotline', 'procedure');
		expect(values).toMatchObject({ department: '石峰区人才办', location: '石峰区政府七楼' });
		expect(dropped).toEqual([]);
	});

	it('keeps a subtype the new kind has, and reports a set checkbox as 是', () => {
		const hotline = { ...emptyFormValues('hotline'), title: '火警', name: '火警', emergency: 'on' };
		const { values, dropped } = convertFormValues(hotline, 'hotline', 'procedure');
		expect(values.kind).toBe('procedure');
		expect(dropped).toEqual([
			{ name: 'name', label: '用途/名称', value: '火警' },
			{ name: 'emergency', label: '紧急求助电话', value: '是' }
		]);
		const notice = { ...emptyFormValues('lost_found'), subtype: 'found_item', place: '株洲火车站' };
		const back = convertFormValues(notice, 'lost_found', 'family_search');
		expect(back.values.place).toBe('株洲火车站');
		expect(back.values.subtype).toBe('');
		expect(back.dropped).toEqual([{ name: 'subtype', label: '类型', value: '招领启事' }]);
	});
});
