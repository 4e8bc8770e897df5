import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { sitemapXml } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

/** Public: the sitemap (robots.txt names it); `?part=N` for one part of a large site. */
export const GET: RequestHandler = async ({ url }) => {
	const raw = url.searchParams.get('part');
	const part = raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
	if (raw !== null && part === undefined) error(404, '没有这一部分');
	const { db } = await getDatabase();
	const xml = await sitemapXml(db, url.origin, part);
	if (xml === undefined) error(404, '没有这一部分');
	return new Response(xml, {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
