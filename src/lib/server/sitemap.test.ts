import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/helpers/database';
import { insertRecord } from './records';
import { SITEMAP_CHUNK, sitemapXml } from './sitemap';

describe('sitemapXml', () => {
	it('lists home, the listings and public records only, as absolute URLs', async () => {
		const { db } = await openTestDatabase();
		const ids = await db.transaction().execute(async (trx) => {
			const input = {
				kind: 'hotline' as const,
				subtype: null,
				title: '燃气报修',
				district: null,
				fields: {},
				phones: [],
				emails: []
			};
			return [
				await insertRecord(trx, input, { status: 'published' }),
				await insertRecord(trx, input, { status: 'draft' })
			];
		});
		const xml = (await sitemapXml(db, 'https://bm.example'))!;
		expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
		expect(xml).toContain('<loc>https://bm.example/</loc>');
		expect(xml).toContain('<loc>https://bm.example/hotlines</loc>');
		expect(xml).toMatch(
			new RegExp(
				`<loc>https://bm.example/records/${ids[0]}</loc><lastmod>\\d{4}-\\d\\d-\\d\\d</lastmod>`
			)
		);
		expect(xml).not.toContain(`/records/${ids[1]}<`);
		// Parts exist only on a large site's index; part 0 is the fixed pages.
		expect(await sitemapXml(db, 'https://bm.example', 0)).toContain('/hotlines');
		expect(await sitemapXml(db, 'https://bm.example', 1)).toContain(`/records/${ids[0]}<`);
		expect(await sitemapXml(db, 'https://bm.example', 2)).toBeUndefined();
		expect(SITEMAP_CHUNK).toBeLessThanOrEqual(50_000);
	});
});
