import type { RequestHandler } from './$types';

/**
 * robots.txt as a route, not a static file: its Sitemap line must be an absolute URL
 * (sitemaps.org), and only the server knows its public origin (ORIGIN).
 */
export const GET: RequestHandler = ({ url }) =>
	new Response(`User-agent: *\nDisallow: /mod\n\nSitemap: ${url.origin}/sitemap.xml\n`, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=86400'
		}
	});
