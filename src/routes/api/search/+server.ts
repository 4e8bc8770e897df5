import { json } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { recordStates } from '$lib/records/states';
import { segmentsToText } from '$lib/records/highlight';
import { parseSearchQuery } from '$lib/records/listQuery';
import { getDatabase } from '$lib/server/db';
import { toPublic } from '$lib/server/public';
import { guardIdSearch } from '$lib/server/search/guard';
import { searchRecords } from '$lib/server/search/query';
import type { RequestHandler } from './$types';

/** Public, read-only: GET /api/search?q=&kind=&page= */
export const GET: RequestHandler = async ({ url, setHeaders, getClientAddress }) => {
	const params = parseSearchQuery(url.searchParams);
	const { db } = await getDatabase();
	await guardIdSearch(db, params.q, getClientAddress());
	const result = await searchRecords(db, { q: params.q, kind: params.kind, page: params.page });
	const now = nowInBeijing();
	setHeaders({ 'cache-control': 'public, max-age=60' });
	// The query is echoed as typed (to the person who typed it); everything else via toPublic.
	return json({
		query: params.q,
		...toPublic({
			total: result.total,
			// More than 1,000 matches: total and counts are estimates (rounded to two digits).
			countIsEstimate: result.countIsEstimate,
			// The name this flag had when counts stopped at 10,000; kept for existing clients.
			capped: result.countIsEstimate,
			page: result.page,
			pages: result.pages,
			counts: result.counts,
			// Set when all the words together found nothing and fewer were searched.
			fallback: result.fallback,
			// When nothing was found: the closest category.
			suggestion: result.suggestion,
			results: result.results.map(({ snippet, ...hit }) => {
				let at = 0;
				const highlights: [number, number][] = [];
				for (const s of snippet) {
					if (s.mark) highlights.push([at, at + s.text.length]);
					at += s.text.length;
				}
				// The same state words the pages show (已认领, 公告期已满, 报名截止 …), on the Beijing clock.
				const states = recordStates(hit, now).map((s) => s.label);
				return { ...hit, states, snippet: segmentsToText(snippet), highlights };
			})
		})
	});
};
