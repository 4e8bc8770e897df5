import * as v from 'valibot';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { listSources, SOURCES_PAGE_SIZE } from '$lib/server/sources';
import type { PageServerLoad } from './$types';

const PageSchema = v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.toNumber(), v.minValue(1));

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const parsed = v.safeParse(PageSchema, event.url.searchParams.get('page') ?? '1');
	const page = parsed.success ? parsed.output : 1;
	const { db } = await getDatabase();
	const { rows, total } = await listSources(db, page);
	return { rows, total, page, pages: Math.max(1, Math.ceil(total / SOURCES_PAGE_SIZE)) };
};
