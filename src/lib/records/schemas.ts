/**
 * valibot schemas of the five record kinds, shared by the moderators' forms and the importer.
 *
 * Two layers: the per-kind schemas (HotlineSchema …) check a record in the extractor's shape
 * (see records/types.ts: unknown fields omitted, never empty strings); RecordFormSchema takes
 * the strings a form posts (lists one item per line, phones one per line as `号码 说明`),
 * cleans and normalises them (extract's phone and date normalisers, via normalize.ts) and then
 * applies the same per-kind schema, so a form and an import can never disagree.
 * Messages are plain Chinese; issue paths equal the form's field names.
 */
import * as v from 'valibot';
import { isoDate } from '../extract/date';
import { FAMILY_SEARCH_SUBTYPES, LOST_FOUND_SUBTYPES, type Kind } from './kinds';
import { fieldsOf } from './columns';
import { KIND_FIELDS, type RecordContent } from './formFields';
import { isNormalizedPhone, normalizeDateInput, parsePhoneLine } from './formInput';

/** Length limits (characters) of titles, short and long text, lists, phones and e-mails. */
export const TITLE_MAX = 200;
export const SHORT_MAX = 200;
export const LONG_MAX = 5000;
export const LIST_ITEMS_MAX = 50;
export const LIST_ITEM_MAX = 500;
export const PHONES_MAX = 20;
export const EMAILS_MAX = 10;

/**
 * C0 controls except tab and line feed, DEL, C1 controls, and the invisible bidirectional
 * controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069): an override such as U+202E shows
 * the text after it reversed, so a phone number could read differently from what is stored.
 */
function isControl(code: number): boolean {
	return (
		(code < 0x20 && code !== 0x09 && code !== 0x0a) ||
		(code >= 0x7f && code <= 0x9f) ||
		code === 0x061c ||
		code === 0x200e ||
		code === 0x200f ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069)
	);
}

/** True when the text holds a control character (tab and line break allowed). */
export function hasControlChars(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
	return false;
}

/** The text without control characters; CR LF and lone CR become LF. */
export function stripControlChars(text: string): string {
	let out = '';
	const unified = text.replace(/\r\n?/g, '\n');
	for (let i = 0; i < unified.length; i++) {
		if (!isControl(unified.charCodeAt(i))) out += unified[i];
	}
	return out;
}

/**
 * Characters that show as nothing (or as a blank) yet make two texts differ: zero-width space,
 * non-joiner and joiner (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064),
 * deprecated format characters (U+206A–U+206F), soft hyphen (U+00AD), combining grapheme joiner
 * (U+034F), Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), Khmer and Mongolian invisibles
 * (U+17B4, U+17B5, U+180E), the byte-order mark (U+FEFF), interlinear annotation marks
 * (U+FFF9–U+FFFB) and tag characters (U+E0000–U+E007F). A title with one of them looks like
 * another record's title, or a number like another number, and searches miss it.
 */
function isInvisible(code: number): boolean {
	return (
		code === 0x00ad ||
		code === 0x034f ||
		code === 0x115f ||
		code === 0x1160 ||
		code === 0x17b4 ||
		code === 0x17b5 ||
		code === 0x180e ||
		(code >= 0x200b && code <= 0x200d) ||
		(code >= 0x2060 && code <= 0x2064) ||
		(code >= 0x206a && code <= 0x206f) ||
		code === 0x3164 ||
		code === 0xfeff ||
		code === 0xffa0 ||
		(code >= 0xfff9 && code <= 0xfffb) ||
		(code >= 0xe0000 && code <= 0xe007f)
	);
}

/** True when the text holds an invisible character (see isInvisible). */
export function hasInvisibleChars(text: string): boolean {
	for (const c of text) if (isInvisible(c.codePointAt(0)!)) return true;
	return false;
}

const noHiddenChars = v.pipe(
	v.string(),
	v.check<string, string>((s) => !hasControlChars(s), '含有不可见的控制字符'),
	v.check<string, string>(
		(s) => !hasInvisibleChars(s),
		'含有看不见的字符（如零宽空格、软连字符），请删除后再保存'
	)
);

const text = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('不能为空'),
		v.maxLength(max, `不能超过 ${max} 个字`),
		noHiddenChars
	);

const ShortText = v.optional(text(SHORT_MAX));
const LongText = v.optional(text(LONG_MAX));
const List = v.optional(
	v.pipe(
		v.array(
			v.pipe(
				v.string(),
				v.trim(),
				v.nonEmpty('不能为空'),
				v.maxLength(LIST_ITEM_MAX, `每条不能超过 ${LIST_ITEM_MAX} 个字`),
				noHiddenChars
			)
		),
		v.maxLength(LIST_ITEMS_MAX, `最多 ${LIST_ITEMS_MAX} 条`)
	)
);

const DATE_MESSAGE = '日期格式应为 2024-11-05';

function isStoredDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d)?$/.exec(s);
	return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}

/** YYYY-MM-DD or YYYY-MM-DDTHH:mm, a day that exists. */
export const DateSchema = v.pipe(v.string(DATE_MESSAGE), v.check(isStoredDate, DATE_MESSAGE));
const OptionalDate = v.optional(DateSchema);

/** A record's title: required, one line, at most 200 characters. */
export const TitleSchema = v.pipe(
	v.string('请填写标题'),
	v.trim(),
	v.nonEmpty('请填写标题'),
	v.maxLength(TITLE_MAX, `标题不能超过 ${TITLE_MAX} 个字`),
	noHiddenChars
);

/** A phone in the extractor's shape; the number must already be normalised. */
export const PhoneSchema = v.object({
	number: v.pipe(
		v.string('电话号码格式不对'),
		v.check((n) => isNormalizedPhone(n), '电话号码格式不对')
	),
	raw: v.pipe(v.string(), v.maxLength(100, '号码过长'), noHiddenChars),
	label: v.optional(text(100))
});

const Phones = v.pipe(v.array(PhoneSchema), v.maxLength(PHONES_MAX, `最多 ${PHONES_MAX} 个电话`));
const Emails = v.pipe(
	v.array(v.pipe(v.string(), v.trim(), v.maxLength(200, '邮箱过长'), v.email('邮箱格式不对'))),
	v.maxLength(EMAILS_MAX, `最多 ${EMAILS_MAX} 个邮箱`)
);

/** What every kind has besides its own fields. */
const common = {
	title: TitleSchema,
	district: v.optional(text(50)),
	phones: Phones,
	emails: Emails
};

/** 便民电话: a named number (name required). */
export const HotlineSchema = v.object({
	kind: v.literal('hotline'),
	subtype: ShortText,
	...common,
	name: v.pipe(
		v.string('请填写名称'),
		v.trim(),
		v.nonEmpty('请填写名称'),
		v.maxLength(SHORT_MAX, `不能超过 ${SHORT_MAX} 个字`),
		noHiddenChars
	),
	organization: ShortText,
	address: ShortText,
	hours: ShortText,
	emergency: v.optional(v.boolean())
});

/** 办事指南/问答: a question with its answer, or a guide with steps and requirements. */
export const ProcedureSchema = v.object({
	kind: v.literal('procedure'),
	subtype: v.optional(v.picklist(['qa', 'guide'], '请选择类型')),
	...common,
	question: LongText,
	department: ShortText,
	answer: LongText,
	steps: List,
	requirements: List,
	timeLimit: ShortText,
	fee: ShortText,
	location: ShortText
});

/** 遗失声明 / 寻物启事 / 招领启事 (subtype required). */
export const LostFoundSchema = v.object({
	kind: v.literal('lost_found'),
	subtype: v.picklist(LOST_FOUND_SUBTYPES, '请选择类型'),
	...common,
	holder: ShortText,
	documentType: ShortText,
	documentNumber: v.optional(text(50)),
	item: ShortText,
	place: ShortText,
	date: OptionalDate,
	contactName: ShortText,
	reward: ShortText,
	claimPlace: ShortText
});

/** 寻亲 notices (subtype required). */
export const FamilySearchSchema = v.object({
	kind: v.literal('family_search'),
	subtype: v.picklist(FAMILY_SEARCH_SUBTYPES, '请选择类型'),
	...common,
	foundAt: OptionalDate,
	lostAt: OptionalDate,
	place: ShortText,
	gender: v.optional(v.picklist(['男', '女'], '请选择性别')),
	age: v.optional(text(50)),
	features: List,
	contactName: ShortText,
	noticeDeadline: OptionalDate,
	organization: ShortText,
	personName: ShortText
});

/** 活动报名: dates, deadline, how to register; the end may not be before the start. */
export const EventSchema = v.pipe(
	v.object({
		kind: v.literal('event'),
		subtype: ShortText,
		...common,
		organizer: ShortText,
		startsOn: OptionalDate,
		endsOn: OptionalDate,
		deadline: OptionalDate,
		location: ShortText,
		howToRegister: List,
		fee: ShortText,
		audience: ShortText
	}),
	v.forward(
		v.partialCheck(
			[['startsOn'], ['endsOn']],
			(e) => !e.startsOn || !e.endsOn || e.endsOn.slice(0, 10) >= e.startsOn.slice(0, 10),
			'结束时间不能早于开始时间'
		),
		['endsOn']
	)
);

/** Any record, told apart by `kind`. */
export const RecordSchema = v.variant(
	'kind',
	[HotlineSchema, ProcedureSchema, LostFoundSchema, FamilySearchSchema, EventSchema],
	'请选择类别'
);
export type RecordOutput = v.InferOutput<typeof RecordSchema>;

/** The record content (RecordInput shape) of a validated record. */
export function toRecordContent(record: RecordOutput): RecordContent {
	const { kind, subtype, title, district, phones, emails } = record;
	const fields = fieldsOf({ ...record, source: { file: '', start: 0, end: 0 }, confidence: 1 });
	return {
		kind,
		subtype: subtype ?? null,
		title,
		district: district ?? null,
		fields,
		phones: phones.map((p) => ({
			number: p.number,
			raw: p.raw,
			...(p.label ? { label: p.label } : {})
		})),
		emails
	};
}

function cleanLine(s: string): string {
	return stripControlChars(s).replace(/\s+/g, ' ').trim();
}

function lines(s: string): string[] {
	return stripControlChars(s)
		.split('\n')
		.map((l) => l.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/**
 * Posted form strings → a record in the extractor's shape, before validation: empty fields
 * omitted, lists split at line breaks, phones parsed and dates normalised (a date that cannot
 * be read is kept as typed, so that validation reports it).
 */
export function formToRecord(
	values: Record<string, string>,
	today?: string
): Record<string, unknown> {
	const kind = values.kind as Kind;
	const get = (name: string) => values[name] ?? '';
	const out: Record<string, unknown> = {
		kind,
		title: cleanLine(get('title')),
		phones: lines(get('phones')).map(parsePhoneLine),
		emails: lines(get('emails'))
	};
	// Present even when empty, so that a required subtype is reported as 「请选择类型」.
	out.subtype = cleanLine(get('subtype')) || undefined;
	const district = cleanLine(get('district'));
	if (district) out.district = district;
	// Own keys only: a posted kind such as `constructor` or `__proto__` must not reach
	// Object.prototype (it did: "function is not iterable", a 500). The schema then says 请选择类别.
	const fields = Object.hasOwn(KIND_FIELDS, kind) ? KIND_FIELDS[kind] : [];
	for (const field of fields) {
		const raw = get(field.name);
		switch (field.type) {
			case 'checkbox':
				if (raw === 'on' || raw === 'true' || raw === '1') out[field.name] = true;
				break;
			case 'list': {
				const items = lines(raw);
				if (items.length) out[field.name] = items;
				break;
			}
			case 'long': {
				const t = stripControlChars(raw).trim();
				if (t) out[field.name] = t;
				break;
			}
			case 'date': {
				const t = cleanLine(raw);
				if (t) out[field.name] = normalizeDateInput(t, today) ?? t;
				break;
			}
			default: {
				const t = cleanLine(raw);
				// A required field stays present when empty, for its own message.
				if (t || field.required) out[field.name] = t;
			}
		}
	}
	return out;
}

/** The strings of a posted form (files ignored). */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
	return values;
}

/** A posted record form: strings in, a valid record (extractor shape) out. */
export const RecordFormSchema = v.pipe(
	v.record(v.string(), v.string()),
	v.transform((values) => formToRecord(values)),
	RecordSchema
);

/**
 * Field errors for a form: the first message per form field. Messages about one line of a
 * list or of the phones box say which line (「第 2 行：电话号码格式不对」).
 */
export function formErrors(
	issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]
): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const path = (issue.path ?? []).map((p) => p.key);
		const name = typeof path[0] === 'string' ? path[0] : '_form';
		if (errors[name]) continue;
		// A field that was not posted at all (valibot's own English message otherwise).
		const message =
			issue.type === 'object' && issue.input === undefined ? '请填写此项' : issue.message;
		errors[name] = typeof path[1] === 'number' ? `第 ${path[1] + 1} 行：${message}` : message;
	}
	return errors;
}

const DAY_MESSAGE = '出版日期格式应为 2024-11-05';

/**
 * A newspaper page's details as a moderator corrects them (the importer read them from the
 * manifest or the page's own dateline). The date is typed as the papers print it or as ISO.
 */
export const SourceFormSchema = v.object({
	paper: text(50),
	published: v.pipe(
		v.string(DAY_MESSAGE),
		v.trim(),
		v.nonEmpty('不能为空'),
		v.maxLength(40, DAY_MESSAGE),
		v.transform((s) => normalizeDateInput(s) ?? s),
		v.regex(/^\d{4}-\d{2}-\d{2}$/, DAY_MESSAGE),
		v.check(isStoredDate, DAY_MESSAGE)
	),
	page: v.optional(
		v.pipe(v.string(), v.trim(), v.maxLength(20, '不能超过 20 个字'), noHiddenChars),
		''
	)
});
export type SourceForm = v.InferOutput<typeof SourceFormSchema>;

/** Longest pasted page text (a full broadsheet page is about 15,000 characters). */
export const PASTED_TEXT_MAX = 100_000;

/**
 * The text fields of the page upload form (/mod/pages/new); the file itself is checked by its
 * bytes on the server. An empty date means: the dateline in the text, else today
 * (lib/pages/published.ts).
 */
export const PageUploadSchema = v.object({
	paper: SourceFormSchema.entries.paper,
	published: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.union([v.literal(''), SourceFormSchema.entries.published], DAY_MESSAGE)
	),
	page: SourceFormSchema.entries.page,
	text: v.optional(
		v.pipe(
			v.string(),
			v.maxLength(PASTED_TEXT_MAX, `粘贴的文字太长（最多 ${PASTED_TEXT_MAX.toLocaleString()} 字）`)
		),
		''
	)
});
export type PageUpload = v.InferOutput<typeof PageUploadSchema>;
