import { nowInBeijing } from '$lib/clock';
import { parseSearchQuery } from '$lib/records/listQuery';
import { renderOnly } from '$lib/renderOnly';
import { getDatabase } from '$lib/server/db';
import { countListedByKind } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import { guardIdSearch } from '$lib/server/search/guard';
import { searchRecords } from '$lib/server/search/query';
import type { PageServerLoad } from './$types';

/**
 * No client-side JavaScript here: the page is links and a GET form, complete without it. This
 * saves the visitor the framework (34 kB gzipped, over the 30 kB budget) and the server the
 * hydration data — serialising it and hashing the inline script for the CSP took a quarter
 * of the time of a request (see the README's benchmark section).
 */
export const csr = false;

// Public page. An empty query shows the browse page (categories with counts).
export const load: PageServerLoad = async ({ url, getClientAddress, isDataRequest }) => {
	const params = parseSearchQuery(url.searchParams);
	const { db } = await getDatabase();
	if (params.q.trim() === '') {
		return {
			q: '',
			kind: params.kind ?? null,
			result: null,
			// What each listing shows by default (events: upcoming; reprints once), as on the home page.
			counts: await countListedByKind(db)
		};
	}
	await guardIdSearch(db, params.q, getClientAddress());
	// The terms searched are not shown: left out, they cost nothing to mask and serialise
	// (SvelteKit serialises a page's data even without client-side JavaScript).
	const { terms: _terms, ...result } = await searchRecords(db, {
		q: params.q,
		kind: params.kind,
		page: params.page
	});
	// The query is echoed as typed: it goes back only to the person who typed it.
	return {
		q: params.q,
		now: nowInBeijing(),
		...toPublic({
			kind: params.kind ?? null,
			result: renderOnly(result, isDataRequest),
			counts: null
		})
	};
};
