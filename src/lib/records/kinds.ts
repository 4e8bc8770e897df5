/**
 * The domain's vocabulary: the five kinds of record, their subtypes and the statuses a record
 * moves through, with the words residents and moderators see for each. The extractor's record
 * contract, the database schema and the pages import these; this module imports nothing, so the
 * vocabulary never depends on the layers that use it.
 */

export const KINDS = ['hotline', 'procedure', 'lost_found', 'family_search', 'event'] as const;
export type Kind = (typeof KINDS)[number];

export const PROCEDURE_SUBTYPES = ['qa', 'guide'] as const;
export type ProcedureSubtype = (typeof PROCEDURE_SUBTYPES)[number];

export const LOST_FOUND_SUBTYPES = ['void_notice', 'lost_item', 'found_item'] as const;
export type LostFoundSubtype = (typeof LOST_FOUND_SUBTYPES)[number];

export const FAMILY_SEARCH_SUBTYPES = [
	'found_child',
	'family_seeking',
	'person_seeking_family'
] as const;
export type FamilySearchSubtype = (typeof FAMILY_SEARCH_SUBTYPES)[number];

/**
 * Where a record stands: drafts wait for review, rejected ones are kept but never shown,
 * archived ones are hidden and restorable (lifecycle.ts says who may move a record where).
 */
export const RECORD_STATUSES = [
	'draft',
	'published',
	'archived',
	'resolved',
	'expired',
	'rejected'
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** What residents see: the five categories, in the order of the home page. */
export const CATEGORIES: readonly { kind: Kind; slug: string; label: string; hint: string }[] = [
	{
		kind: 'hotline',
		slug: 'hotlines',
		label: '便民电话',
		hint: '政务、公用事业、医疗、紧急求助电话'
	},
	{
		kind: 'procedure',
		slug: 'procedures',
		label: '办事指南/问答',
		hint: '怎么办、去哪办、要带什么'
	},
	{
		kind: 'lost_found',
		slug: 'lost-found',
		label: '失物招领与遗失声明',
		hint: '证件遗失、寻物、招领'
	},
	{ kind: 'family_search', slug: 'family-search', label: '寻亲', hint: '寻找家人、查找生父母' },
	{ kind: 'event', slug: 'events', label: '活动报名', hint: '活动时间、报名截止、报名方式' }
];

export const KIND_LABELS: Record<Kind, string> = Object.fromEntries(
	CATEGORIES.map((c) => [c.kind, c.label])
) as Record<Kind, string>;

/** Keyed by any string, as stored subtypes are read from the database; every subtype has one. */
export const SUBTYPE_LABELS: Record<string, string> = {
	qa: '网络问政',
	guide: '办事指南',
	void_notice: '遗失声明',
	lost_item: '寻物启事',
	found_item: '招领启事',
	found_child: '查找生父母',
	family_seeking: '寻找亲人',
	person_seeking_family: '为受助人员寻亲'
} satisfies Record<ProcedureSubtype | LostFoundSubtype | FamilySearchSubtype, string>;

export const STATUS_LABELS: Record<string, string> = {
	draft: '待审核',
	published: '已发布',
	archived: '已归档',
	resolved: '已解决',
	expired: '已过期',
	rejected: '已驳回'
} satisfies Record<RecordStatus, string>;

/** Statuses the public may see. Resolved notices stay reachable but leave default listings. */
export const PUBLIC_STATUSES = [
	'published',
	'resolved',
	'expired'
] as const satisfies readonly RecordStatus[];

export function categoryBySlug(slug: string) {
	return CATEGORIES.find((c) => c.slug === slug);
}

export function categoryByKind(kind: Kind) {
	return CATEGORIES.find((c) => c.kind === kind)!;
}
