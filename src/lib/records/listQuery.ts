import * as v from 'valibot';
import { KINDS, type Kind } from './kinds';

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
	since: date,
	when: v.optional(v.picklist(['upcoming', 'past'])),
	open: v.optional(v.picklist(['1'])),
	resolved: v.optional(v.picklist(['1'])),
	sort: v.optional(v.picklist(['new', 'date', 'title']))
});

export type ListQuery = v.InferOutput<typeof ListQuerySchema> & { page?: number };

/**
 * A page number from the URL: a positive whole number, else undefined (the first page). Never
 * an error: `?page=abc`, `page=0` or a page past the end are stale or typed links, not mistakes
 * worth a message.
 */
export function parsePage(raw: string | null): number | undefined {
	if (raw === null || !/^\s*\d{1,9}\s*$/.test(raw)) return undefined;
	const page = Number(raw);
	return page >= 1 ? page : undefined;
}

/**
 * Parses URL search params field by field: one bad field never discards the good ones.
 * `dropped` names the filters that did not parse (the page says so); a bad page is not one.
 */
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
	const page = parsePage(params.get('page'));
	if (page) query.page = page;
	return { query: query as ListQuery, dropped };
}

/** Parses /search and /api/search parameters field by field; an over-long query is cut. */
export function parseSearchQuery(params: URLSearchParams): {
	q: string;
	kind: Kind | undefined;
	page: number | undefined;
} {
	const kind = params.get('kind');
	return {
		q: (params.get('q') ?? '').slice(0, 200),
		kind: (KINDS as readonly string[]).includes(kind ?? '') ? (kind as Kind) : undefined,
		page: parsePage(params.get('page'))
	};
}
