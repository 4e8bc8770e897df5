/**
 * What residents may post without an account (/submit), described once: the sorts of notice,
 * which of the kind's fields the public form shows, and what becomes public. The posted strings
 * then go through the same RecordFormSchema as a moderator's form, so a resident's post and a
 * moderator's edit can never disagree about what a valid record is. Pure and client-safe.
 */
import * as v from 'valibot';
import type { Kind } from './kinds';
import { KIND_FIELDS, type FieldDef } from './formFields';

export interface SubmitType {
	/** In the URL: /submit?type=lost_item */
	slug: string;
	label: string;
	/** One sentence under the choice, saying when to use it. */
	hint: string;
	kind: Kind;
	subtype: string;
	/** Names of the kind's fields the public form shows, in order. */
	fields: readonly string[];
	/** Field names that must be filled for this sort of notice. */
	required: readonly string[];
}

export const SUBMIT_TYPES: readonly SubmitType[] = [
	{
		slug: 'lost_item',
		label: '寻物启事',
		hint: '丢了东西，请拾到的人联系您。',
		kind: 'lost_found',
		subtype: 'lost_item',
		fields: ['item', 'place', 'date', 'contactName', 'reward'],
		required: ['item']
	},
	{
		slug: 'found_item',
		label: '招领启事',
		hint: '捡到了东西，请失主联系您。',
		kind: 'lost_found',
		subtype: 'found_item',
		fields: ['item', 'place', 'date', 'contactName', 'claimPlace'],
		required: ['item']
	},
	{
		slug: 'void_notice',
		label: '遗失声明',
		hint: '证件丢了，声明作废。证件号码公开时只显示前6位和后4位。',
		kind: 'lost_found',
		subtype: 'void_notice',
		fields: ['holder', 'documentType', 'documentNumber', 'place', 'date'],
		required: ['holder', 'documentType']
	},
	{
		slug: 'family_seeking',
		label: '寻人（家人走失）',
		hint: '家人走失，请知情人联系您。',
		kind: 'family_search',
		subtype: 'family_seeking',
		fields: ['personName', 'gender', 'age', 'lostAt', 'place', 'features', 'contactName'],
		required: ['lostAt', 'place']
	},
	{
		slug: 'person_seeking_family',
		label: '寻亲（帮人找家）',
		hint: '遇到走失的老人或孩子、或者您自己在寻找亲人。',
		kind: 'family_search',
		subtype: 'person_seeking_family',
		fields: ['personName', 'gender', 'age', 'foundAt', 'place', 'features', 'contactName'],
		required: ['place']
	}
];

export function submitTypeBySlug(slug: string | null | undefined): SubmitType | undefined {
	return SUBMIT_TYPES.find((t) => t.slug === slug);
}

export function submitTypeOf(kind: string, subtype: string | null): SubmitType | undefined {
	return SUBMIT_TYPES.find((t) => t.kind === kind && t.subtype === subtype);
}

/** The field definitions the public form renders for a sort of notice. */
export function submitFields(type: SubmitType): FieldDef[] {
	const defs = KIND_FIELDS[type.kind];
	return type.fields.map((name) => {
		const def = defs.find((d) => d.name === name)!;
		return { ...def, required: type.required.includes(name) };
	});
}

/** Form fields that are not the record's: consent, the honeypot and the signed form time. */
export const CONSENT_FIELD = 'consent';
/** Named like a field a bot fills in; hidden from people (and from screen readers). */
export const HONEYPOT_FIELD = 'website';
export const FORM_TIME_FIELD = 'form_time';

/** Posts and reports are plain text of bounded size; the record schema checks each field. */
export const ReportSchema = v.object({
	message: v.pipe(
		v.string('请说明哪里有误'),
		v.trim(),
		v.nonEmpty('请说明哪里有误'),
		v.maxLength(1000, '不能超过 1000 个字')
	),
	contact: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, '不能超过 100 个字')), '')
});

/**
 * A title when the poster leaves it empty: 「寻物启事：黑色双肩包」, 「王小明遗失居民身份证声明」.
 * Posters often do not know the conventions; the moderator can still edit it.
 */
export function defaultTitle(type: SubmitType, values: Record<string, string>): string {
	const get = (name: string) => (values[name] ?? '').trim();
	switch (type.slug) {
		case 'void_notice':
			return `${get('holder')}遗失${get('documentType')}声明`;
		case 'lost_item':
		case 'found_item':
			return `${type.label}：${get('item')}`;
		default: {
			const who = get('personName') || [get('gender'), get('age')].filter(Boolean).join('，');
			return who ? `${type.label}：${who}` : type.label;
		}
	}
}
