import { parseSearchQuery } from '$lib/records/listQuery';
import { getDatabase } from '$lib/server/db';
import { countPublishedByKind } from '$lib/server/listings';
import { searchRecords } from '$lib/server/search/query';
import type { PageServerLoad } from './$types';

// Public page. An empty query shows the browse page (categories with counts).
export const load: PageServerLoad = async ({ url }) => {
	const params = parseSearchQuery(url.searchParams);
	const { db } = await getDatabase();
	if (params.q.trim() === '') {
		return {
			q: '',
			kind: params.kind ?? null,
			result: null,
			counts: await countPublishedByKind(db)
		};
	}
	const result = await searchRecords(db, { q: params.q, kind: params.kind, page: params.page });
	return { q: params.q, kind: params.kind ?? null, result, counts: null };
};
