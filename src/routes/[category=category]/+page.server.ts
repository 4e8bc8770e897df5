import { error } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { categoryBySlug } from '$lib/records/kinds';
import { parseListQuery } from '$lib/records/listQuery';
import { renderOnly } from '$lib/renderOnly';
import { getDatabase } from '$lib/server/db';
import { facetKey, facetValues, listRecords, type FacetColumn } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like home and search: the copy buttons come from static/enhance.js. */
export const csr = false;

/** Which filters each kind offers, as facet columns read from the data. */
const FACETS: Record<string, FacetColumn[]> = {
	hotline: ['organization', 'district'],
	procedure: ['subtype', 'organization', 'district'],
	lost_found: ['subtype', 'document_type', 'district'],
	family_search: ['subtype', 'gender', 'district'],
	event: ['organization', 'district']
};

// Public page: only published records are listed; everything sent goes through toPublic.
export const load: PageServerLoad = async ({ params, url, isDataRequest }) => {
	const category = categoryBySlug(params.category);
	if (!category) error(404, '没有这个分类');
	const { db } = await getDatabase();
	const { query, dropped } = parseListQuery(url.searchParams);
	// One spelling per value (高新区 → 天元区, 醫 → 医), so the filter's option shows as selected.
	if (query.org) query.org = facetKey('organization', query.org);
	if (query.district) query.district = facetKey('district', query.district);
	if (query.doctype) query.doctype = facetKey('document_type', query.doctype);
	// One clock reading per request: the list's upcoming/past split and the deadline tags agree.
	const now = nowInBeijing();
	const [list, ...facets] = await Promise.all([
		listRecords(
			db,
			category.kind,
			{
				subtype: query.subtype,
				organization: query.org,
				district: query.district,
				topic: query.topic,
				documentType: query.doctype,
				gender: query.gender,
				place: query.place,
				from: query.from,
				to: query.to,
				since: query.since,
				when: query.when,
				open: query.open === '1',
				resolved: query.resolved === '1',
				sort: query.sort,
				page: query.page
			},
			now.slice(0, 10)
		),
		...FACETS[category.kind].map((column) => facetValues(db, category.kind, column))
	]);
	return toPublic({
		category,
		query,
		dropped,
		list: renderOnly(list, isDataRequest),
		facets: Object.fromEntries(FACETS[category.kind].map((column, i) => [column, facets[i]])),
		now
	});
};
