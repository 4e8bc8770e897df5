import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatDateTime } from './diff';
import { allowedTransitions, canTransition } from './lifecycle';

const snap = (o: object) => JSON.stringify(o);

describe('diffSnapshots', () => {
	it('lists changed fields with labels, before and after', () => {
		const before = snap({
			kind: 'lost_found',
			subtype: 'lost_item',
			title: '寻物启事',
			status: 'draft',
			district: null,
			fields: { item: '钱包', place: '火车站' },
			phones: [{ number: '13974158263', raw: '13974158263' }],
			emails: []
		});
		const after = snap({
			kind: 'lost_found',
			subtype: 'lost_item',
			title: '寻物启事：黑色钱包',
			status: 'published',
			district: '荷塘区',
			fields: { item: '钱包', date: '2024-11-05' },
			phones: [{ number: '13974158263', raw: '13974158263', label: '王先生' }],
			emails: []
		});
		expect(diffSnapshots(before, after)).toEqual([
			{ field: 'title', label: '标题', before: '寻物启事', after: '寻物启事：黑色钱包' },
			{ field: 'status', label: '状态', before: '待审核', after: '已发布' },
			{ field: 'district', label: '区县', before: '', after: '荷塘区' },
			{
				field: 'phones',
				label: '电话',
				before: '13974158263（13974158263）',
				after: '13974158263 王先生（13974158263）'
			},
			{ field: 'place', label: '地点', before: '火车站', after: '' },
			{ field: 'date', label: '日期', before: '', after: '2024-11-05' }
		]);
	});

	it('shows a first revision as all of its fields added', () => {
		const changes = diffSnapshots(
			null,
			snap({
				kind: 'hotline',
				title: '急救',
				status: 'published',
				fields: { name: '急救', emergency: true },
				phones: [],
				emails: []
			})
		);
		expect(changes.map((c) => [c.label, c.after])).toEqual([
			['类别', '便民电话'],
			['标题', '急救'],
			['状态', '已发布'],
			['用途/名称', '急救'],
			['紧急求助电话', '是']
		]);
	});
});

describe('diffSnapshots across a change of kind', () => {
	it('shows the kind, the new fields and the old ones emptied, each with its own label', () => {
		const changes = diffSnapshots(
			snap({ kind: 'hotline', title: '社保', fields: { name: '社保咨询', hours: '工作日' } }),
			snap({ kind: 'procedure', title: '社保', fields: { department: '市人社局' } })
		);
		expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
			['类别', '便民电话', '办事指南/问答'],
			['办理/答复部门', '', '市人社局'],
			['用途/名称', '社保咨询', ''],
			['服务时间', '工作日', '']
		]);
	});
});

describe('lifecycle', () => {
	it('allows resolving only lost-and-found and family-search notices', () => {
		expect(canTransition('resolve', 'lost_found', 'published')).toBe(true);
		expect(canTransition('resolve', 'family_search', 'published')).toBe(true);
		expect(canTransition('resolve', 'event', 'published')).toBe(false);
		expect(allowedTransitions('hotline', 'draft')).toEqual(['publish', 'reject', 'delete']);
		expect(allowedTransitions('hotline', 'archived')).toEqual(['restore']);
	});
	it('undoes a publication back to review, only from published', () => {
		expect(canTransition('unpublish', 'hotline', 'published')).toBe(true);
		for (const status of ['draft', 'rejected', 'resolved', 'archived'] as const)
			expect(canTransition('unpublish', 'hotline', status), status).toBe(false);
	});
});

it('formats instants in China time', () => {
	expect(formatDateTime('2024-11-05T16:30:00.000Z')).toBe('2024-11-06 00:30');
});
