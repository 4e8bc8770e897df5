import { CATEGORIES, PUBLIC_STATUSES } from '../records/kinds';
import type { DB } from './db';

/**
 * sitemap.xml: the home page, the five listings and every public record, so search engines and
 * other services find the notices. One file holds at most 50,000 URLs (sitemaps.org); above
 * SITEMAP_CHUNK records /sitemap.xml becomes an index of parts, each a range of record ids, so
 * a part is one indexed range read and never a scan of the whole table.
 */
export const SITEMAP_CHUNK = 40_000;

const escapeXml = (s: string) =>
	s.replace(
		/[<>&'"]/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!
	);

function urlset(urls: { loc: string; lastmod?: string | null }[]): string {
	const items = urls.map(
		(u) =>
			`<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</urlset>\n`;
}

async function publicCount(db: DB): Promise<number> {
	const rows = await db
		.selectFrom('record_facet_counts')
		.select('n')
		.where('status', 'in', [...PUBLIC_STATUSES])
		.execute();
	return rows.reduce((sum, r) => sum + Number(r.n), 0);
}

/** Public records with ids in (afterId, lastId]; no upper bound when lastId is undefined. */
async function recordUrls(db: DB, origin: string, afterId: number, lastId?: number) {
	let q = db
		.selectFrom('records')
		.select(['id', 'updated_at'])
		.where('status', 'in', [...PUBLIC_STATUSES])
		.where('id', '>', afterId);
	// No bound rather than MAX_SAFE_INTEGER: PostgreSQL's integer ids refuse a larger number.
	if (lastId !== undefined) q = q.where('id', '<=', lastId);
	const rows = await q.orderBy('id').execute();
	return rows.map((r) => ({
		loc: `${origin}/records/${r.id}`,
		lastmod: r.updated_at.slice(0, 10)
	}));
}

/**
 * The sitemap XML: `part` undefined → the whole sitemap when it fits one file, else the index;
 * `part` N (1-based) → records with ids in ((N-1)·CHUNK, N·CHUNK]. Undefined for a part that
 * does not exist.
 */
export async function sitemapXml(
	db: DB,
	origin: string,
	part?: number
): Promise<string | undefined> {
	const pages = [{ loc: `${origin}/` }, ...CATEGORIES.map((c) => ({ loc: `${origin}/${c.slug}` }))];
	const total = await publicCount(db);
	if (part === undefined && total <= SITEMAP_CHUNK)
		return urlset([...pages, ...(await recordUrls(db, origin, 0))]);
	const { maxId } = await db
		.selectFrom('records')
		.select((eb) => eb.fn.max('id').as('maxId'))
		.executeTakeFirstOrThrow();
	const parts = Math.max(1, Math.ceil(Number(maxId ?? 0) / SITEMAP_CHUNK));
	if (part === undefined) {
		const items = [
			`<sitemap><loc>${escapeXml(`${origin}/sitemap.xml?part=0`)}</loc></sitemap>`,
			...Array.from(
				{ length: parts },
				(_, i) =>
					`<sitemap><loc>${escapeXml(`${origin}/sitemap.xml?part=${i + 1}`)}</loc></sitemap>`
			)
		];
		return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
	}
	if (part === 0) return urlset(pages);
	if (part > parts) return undefined;
	return urlset(await recordUrls(db, origin, (part - 1) * SITEMAP_CHUNK, part * SITEMAP_CHUNK));
}
