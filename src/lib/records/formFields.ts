/**
 * The moderators' record form, described once: which fields each kind has, their labels, and
 * how a record's content becomes the strings of a form (toFormValues). The form component
 * renders from these lists; schemas.ts turns the posted strings back into a record.
 * Pure and client-safe.
 */
import { DISTRICTS } from './city';
import { type Phone } from './types';
import { FAMILY_SEARCH_SUBTYPES, LOST_FOUND_SUBTYPES, type Kind, SUBTYPE_LABELS } from './kinds';

export type FieldType = 'text' | 'long' | 'list' | 'date' | 'select' | 'checkbox';

export interface FieldOption {
	value: string;
	label: string;
}

export interface FieldDef {
	/** The form field's name, equal to the record field's key. */
	name: string;
	label: string;
	type: FieldType;
	required?: boolean;
	hint?: string;
	options?: readonly FieldOption[];
}

const DATE_HINT = '例如 2024-11-05，也可写 2024年11月5日';
const LIST_HINT = '每行一条';

const subtypeOptions = (values: readonly string[]): FieldOption[] =>
	values.map((value) => ({ value, label: SUBTYPE_LABELS[value] ?? value }));

/** Kinds whose records must say which sort of notice they are. */
export const SUBTYPES: Partial<Record<Kind, { required: boolean; options: FieldOption[] }>> = {
	procedure: { required: false, options: subtypeOptions(['qa', 'guide']) },
	lost_found: { required: true, options: subtypeOptions(LOST_FOUND_SUBTYPES) },
	family_search: { required: true, options: subtypeOptions(FAMILY_SEARCH_SUBTYPES) }
};

/** The districts offered as suggestions (any other place name is allowed too). */
export const DISTRICT_SUGGESTIONS: readonly string[] = DISTRICTS;

/** The kind-specific fields of each kind, in form order. */
export const KIND_FIELDS: Record<Kind, readonly FieldDef[]> = {
	hotline: [
		{ name: 'name', label: '用途/名称', type: 'text', required: true, hint: '例如 医保咨询' },
		{ name: 'organization', label: '单位', type: 'text' },
		{ name: 'address', label: '地址', type: 'text' },
		{ name: 'hours', label: '服务时间', type: 'text' },
		{ name: 'emergency', label: '紧急求助电话', type: 'checkbox' }
	],
	procedure: [
		{ name: 'question', label: '问题', type: 'long' },
		{ name: 'department', label: '办理/答复部门', type: 'text' },
		{ name: 'answer', label: '答复', type: 'long' },
		{ name: 'requirements', label: '办理条件与材料', type: 'list', hint: LIST_HINT },
		{ name: 'steps', label: '办理步骤', type: 'list', hint: LIST_HINT },
		{ name: 'timeLimit', label: '办理时限', type: 'text' },
		{ name: 'fee', label: '收费标准', type: 'text' },
		{ name: 'location', label: '办理地点', type: 'text' }
	],
	lost_found: [
		{ name: 'holder', label: '声明人/失主', type: 'text' },
		{ name: 'documentType', label: '证件类型', type: 'text', hint: '例如 居民身份证' },
		{ name: 'documentNumber', label: '证件号码', type: 'text' },
		{ name: 'item', label: '物品', type: 'text' },
		{ name: 'place', label: '地点', type: 'text' },
		{ name: 'date', label: '日期', type: 'date', hint: DATE_HINT },
		{ name: 'contactName', label: '联系人', type: 'text' },
		{ name: 'reward', label: '酬谢', type: 'text' },
		{ name: 'claimPlace', label: '认领地点', type: 'text' }
	],
	family_search: [
		{ name: 'personName', label: '被寻找人姓名', type: 'text' },
		{
			name: 'gender',
			label: '性别',
			type: 'select',
			options: [
				{ value: '男', label: '男' },
				{ value: '女', label: '女' }
			]
		},
		{ name: 'age', label: '年龄', type: 'text', hint: '例如 约5岁' },
		{ name: 'foundAt', label: '发现时间', type: 'date', hint: DATE_HINT },
		{ name: 'lostAt', label: '走失时间', type: 'date', hint: DATE_HINT },
		{ name: 'place', label: '地点', type: 'text' },
		{ name: 'features', label: '特征', type: 'list', hint: LIST_HINT },
		{ name: 'contactName', label: '联系人', type: 'text' },
		{ name: 'organization', label: '发布单位', type: 'text' },
		{ name: 'noticeDeadline', label: '公告期至', type: 'date', hint: DATE_HINT }
	],
	event: [
		{ name: 'organizer', label: '主办单位', type: 'text' },
		{
			name: 'startsOn',
			label: '开始时间',
			type: 'date',
			hint: '例如 2024-11-05 或 2024-11-05 09:30'
		},
		{ name: 'endsOn', label: '结束时间', type: 'date', hint: DATE_HINT },
		{ name: 'deadline', label: '报名截止', type: 'date', hint: DATE_HINT },
		{ name: 'location', label: '活动地点', type: 'text' },
		{ name: 'howToRegister', label: '报名方式', type: 'list', hint: LIST_HINT },
		{ name: 'fee', label: '费用', type: 'text' },
		{ name: 'audience', label: '报名对象', type: 'text' }
	]
};

/** Labels of the fields every kind has (for error summaries and diffs). */
export const COMMON_LABELS: Record<string, string> = {
	kind: '类别',
	title: '标题',
	subtype: '类型',
	district: '区县',
	phones: '电话',
	emails: '邮箱',
	status: '状态'
};

/** The label of a form field of a kind. */
export function fieldLabel(kind: Kind, name: string): string {
	return COMMON_LABELS[name] ?? KIND_FIELDS[kind].find((f) => f.name === name)?.label ?? name;
}

/** The editable content of a record (the shape of RecordInput, client-safe). */
export interface RecordContent {
	kind: Kind;
	subtype: string | null;
	title: string;
	district: string | null;
	fields: Record<string, unknown>;
	phones: Phone[];
	emails: string[];
}

/** One phone as a line of the phones box: `号码 说明`, as printed. */
export function phoneLine(p: Phone): string {
	return [p.raw || p.number, p.label].filter(Boolean).join(' ');
}

/** A stored date as typed in the form: 2024-11-05T09:30 → 2024-11-05 09:30. */
function dateText(value: string): string {
	return value.replace('T', ' ');
}

/** A record's content as the strings of the form. */
export function toFormValues(content: RecordContent): Record<string, string> {
	const values: Record<string, string> = {
		kind: content.kind,
		title: content.title,
		subtype: content.subtype ?? '',
		district: content.district ?? '',
		phones: content.phones.map(phoneLine).join('\n'),
		emails: content.emails.join('\n')
	};
	for (const field of KIND_FIELDS[content.kind]) {
		const value = content.fields[field.name];
		if (field.type === 'checkbox') values[field.name] = value === true ? 'on' : '';
		else if (field.type === 'list')
			values[field.name] = Array.isArray(value) ? value.map(String).join('\n') : '';
		else if (field.type === 'date')
			values[field.name] = typeof value === 'string' ? dateText(value) : '';
		else values[field.name] = typeof value === 'string' ? value : '';
	}
	return values;
}

/** Empty form values for a new record of a kind. */
export function emptyFormValues(kind: Kind): Record<string, string> {
	return toFormValues({
		kind,
		subtype: null,
		title: '',
		district: null,
		fields: {},
		phones: [],
		emails: []
	});
}

/** Fields of different kinds that hold the same thing. */
const SAME_MEANING: readonly (readonly string[])[] = [
	['organization', 'department', 'organizer'],
	['address', 'location', 'place']
];

/** A value the form of another kind has no field for (shown, so nothing vanishes unseen). */
export interface DroppedValue {
	name: string;
	label: string;
	value: string;
}

/**
 * Form values of one kind as the form of another: title, district, phones and emails stay,
 * fields of the same name (place, fee …) or meaning (SAME_MEANING) carry over, the subtype stays when the
 * new kind has it. The rest is returned as `dropped`; after the save it is still in the history.
 */
export function convertFormValues(
	values: Record<string, string>,
	from: Kind,
	to: Kind
): { values: Record<string, string>; dropped: DroppedValue[] } {
	const out = emptyFormValues(to);
	for (const name of ['title', 'district', 'phones', 'emails']) out[name] = values[name] ?? '';
	const subtype = values.subtype ?? '';
	if (SUBTYPES[to]?.options.some((o) => o.value === subtype)) out.subtype = subtype;
	const targets = new Set(KIND_FIELDS[to].map((f) => f.name));
	// A field the new kind names differently (单位 → 办理/答复部门, 地址 → 活动地点) moves there
	// when that field got nothing of its own name.
	const moved = new Map<string, string>();
	for (const group of SAME_MEANING) {
		const target = group.find((name) => targets.has(name) && !(values[name] ?? '').trim());
		const source = group.find((name) => !targets.has(name) && (values[name] ?? '').trim());
		if (target && source && KIND_FIELDS[from].some((f) => f.name === source))
			moved.set(source, target);
	}
	const dropped: DroppedValue[] = [];
	for (const field of KIND_FIELDS[from]) {
		const value = values[field.name] ?? '';
		if (targets.has(field.name)) out[field.name] = value;
		else if (moved.has(field.name)) out[moved.get(field.name)!] = value;
		else if (field.type === 'checkbox') {
			if (value === 'on') dropped.push({ name: field.name, label: field.label, value: '是' });
		} else if (value.trim() !== '') dropped.push({ name: field.name, label: field.label, value });
	}
	if (subtype && out.subtype !== subtype)
		dropped.unshift({
			name: 'subtype',
			label: COMMON_LABELS.subtype,
			value: SUBTYPE_LABELS[subtype] ?? subtype
		});
	return { values: out, dropped };
}
