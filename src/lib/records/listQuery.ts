import * as v from 'valibot';

/**
 * Listing and search query strings. Every filter lives in the URL so a listing can be shared.
 * Values that do not parse are dropped (the listing shows everything) rather than failing.
 */
const text = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100)));
const date = v.optional(v.pipe(v.string(), v.trim(), v.isoDate()));

export const ListQuerySchema = v.object({
	subtype: text,
	org: text,
	district: text,
	topic: text,
	doctype: text,
	gender: v.optional(v.picklist(['男', '女'])),
	place: text,
	from: date,
	to: date,
	when: v.optional(v.picklist(['upcoming', 'past'])),
	resolved: v.optional(v.picklist(['1'])),
	sort: v.optional(v.picklist(['new', 'date', 'title'])),
	page: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(10_000)))
});

export type ListQuery = v.InferOutput<typeof ListQuerySchema>;

/** Parses URL search params field by field: one bad field never discards the good ones. */
export function parseListQuery(params: URLSearchParams): { query: ListQuery; dropped: string[] } {
	const query: Record<string, unknown> = {};
	const dropped: string[] = [];
	for (const [key, schema] of Object.entries(ListQuerySchema.entries)) {
		const raw = params.get(key);
		if (raw === null || raw.trim() === '') continue;
		const parsed = v.safeParse(schema, raw);
		if (parsed.success) query[key] = parsed.output;
		else dropped.push(key);
	}
	return { query: query as ListQuery, dropped };
}

export const SearchQuerySchema = v.object({
	q: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
	kind: v.optional(v.picklist(['hotline', 'procedure', 'lost_found', 'family_search', 'event'])),
	page: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(500)))
});

/** Parses /search and /api/search parameters; an over-long query is cut, not refused. */
export function parseSearchQuery(params: URLSearchParams) {
	const raw = {
		q: (params.get('q') ?? '').slice(0, 200),
		kind: params.get('kind') || undefined,
		page: params.get('page') || undefined
	};
	const parsed = v.safeParse(SearchQuerySchema, raw);
	if (parsed.success) return parsed.output;
	return { q: raw.q, kind: undefined, page: undefined };
}
