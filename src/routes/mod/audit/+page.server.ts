import * as v from 'valibot';
import { normalizeDateInput } from '$lib/records/formInput';
import { AUDIT_ACTIONS } from '$lib/records/auditActions';
import { AUDIT_PAGE_SIZE, listAudit, listAuditUsernames } from '$lib/server/audit';
import { requireAdmin } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** A real calendar day: 2024-13-45 or 2024-02-30 is refused (new Date() of it threw: a 500). */
const DateParam = v.pipe(
	v.string(),
	v.regex(/^\d{4}-\d{2}-\d{2}$/),
	v.check((day) => normalizeDateInput(day) === day, '日期无效')
);
const FilterSchema = v.object({
	action: v.optional(v.picklist(AUDIT_ACTIONS)),
	user: v.optional(v.pipe(v.string(), v.maxLength(64))),
	from: v.optional(DateParam),
	to: v.optional(DateParam),
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.toNumber(), v.minValue(1)), '1')
});

/** A calendar day in China (UTC+8) as the UTC instants it starts and ends at. */
function dayStart(day: string): string {
	return new Date(`${day}T00:00:00+08:00`).toISOString();
}
function dayEnd(day: string): string {
	return new Date(`${day}T23:59:59.999+08:00`).toISOString();
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const raw = Object.fromEntries(
		[...event.url.searchParams].filter(([, value]) => value !== '')
	) as Record<string, string>;
	const parsed = v.safeParse(FilterSchema, raw);
	const filter = parsed.success ? parsed.output : { page: 1 };
	const { db } = await getDatabase();
	const { entries, total } = await listAudit(db, {
		action: filter.action,
		username: filter.user,
		from: filter.from ? dayStart(filter.from) : undefined,
		to: filter.to ? dayEnd(filter.to) : undefined,
		page: filter.page
	});
	return {
		filter: {
			action: filter.action ?? '',
			user: filter.user ?? '',
			from: filter.from ?? '',
			to: filter.to ?? ''
		},
		invalid: !parsed.success,
		entries,
		total,
		page: filter.page,
		pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		usernames: await listAuditUsernames(db)
	};
};
