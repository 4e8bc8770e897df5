import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { KINDS, type Kind } from '$lib/records/kinds';
import { parsePage } from '$lib/records/listQuery';
import { getDatabase } from '$lib/server/db';
import { listApiRecords } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import type { RequestHandler } from './$types';

const SinceSchema = v.pipe(v.string(), v.isoDate());

/**
 * Public, read-only: GET /api/records?kind=&district=&since=&page= — published records newest
 * printed first, 50 a page, no search term needed (static/openapi.json documents the fields).
 * A wrong kind or date is a 400 that says what is allowed; a bad page is the first page.
 * Masked (toPublic) like every public output.
 */
export const GET: RequestHandler = async ({ url, setHeaders }) => {
	const params = url.searchParams;
	const kind = params.get('kind') || undefined;
	if (kind && !(KINDS as readonly string[]).includes(kind))
		error(400, `kind 只能是 ${KINDS.join('、')}`);
	const since = params.get('since') || undefined;
	if (since && !v.is(SinceSchema, since)) error(400, 'since 请用 YYYY-MM-DD 格式的日期');
	const district = params.get('district')?.trim().slice(0, 100) || undefined;
	const { db } = await getDatabase();
	const result = await listApiRecords(db, {
		kind: kind as Kind | undefined,
		district,
		since,
		page: parsePage(params.get('page'))
	});
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return json(
		toPublic({
			total: result.total,
			page: result.page,
			pages: result.pages,
			results: result.records.map((r) => ({
				id: r.id,
				kind: r.kind,
				subtype: r.subtype,
				title: r.title,
				district: r.district,
				issuedOn: r.issuedOn,
				dateStart: r.dateStart,
				dateEnd: r.dateEnd,
				deadline: r.deadline,
				phone: r.phone,
				url: `/records/${r.id}`
			}))
		})
	);
};
