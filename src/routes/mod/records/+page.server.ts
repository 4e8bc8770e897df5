import * as v from 'valibot';
import { KINDS } from '$lib/records/kinds';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { listModRecords, MOD_LIST_PAGE_SIZE } from '$lib/server/moderation';
import type { PageServerLoad } from './$types';

const FilterSchema = v.object({
	q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
	kind: v.optional(v.picklist(KINDS)),
	status: v.optional(
		v.picklist(['draft', 'published', 'archived', 'resolved', 'expired', 'rejected'])
	),
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.toNumber(), v.minValue(1)), '1')
});

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const raw = Object.fromEntries(
		[...event.url.searchParams].filter(([, value]) => value !== '')
	) as Record<string, string>;
	const parsed = v.safeParse(FilterSchema, raw);
	const filter = parsed.success ? parsed.output : { page: 1 };
	const { db } = await getDatabase();
	const { rows, total } = await listModRecords(db, filter);
	return {
		filter: { q: filter.q ?? '', kind: filter.kind ?? '', status: filter.status ?? '' },
		rows,
		total,
		page: filter.page,
		pages: Math.max(1, Math.ceil(total / MOD_LIST_PAGE_SIZE)),
		deleted: event.url.searchParams.get('deleted')
	};
};
