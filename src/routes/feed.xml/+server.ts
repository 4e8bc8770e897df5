import { Feed } from 'feed';
import { escapeHtml } from '$lib/records/display';
import { CATEGORIES, KIND_LABELS } from '$lib/records/kinds';
import { getDatabase } from '$lib/server/db';
import { newestRecords } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * The `feed` package writes text as CDATA, and its XML writer splits only the first "]]>": a
 * second one in a title ended the section and the rest was read as XML (a broken feed, or
 * elements of the record's choosing). Readers lose nothing by a space inside it.
 */
const cdataSafe = (text: string) => text.replaceAll(']]>', ']] >');

/**
 * Public: the newest published notices as an RSS feed (`?kind=lost_found` for one category), so
 * families can follow new 寻亲 or lost-document notices. The `feed` package writes the XML.
 */
export const GET: RequestHandler = async ({ url }) => {
	const kind = CATEGORIES.find((c) => c.kind === url.searchParams.get('kind'))?.kind;
	const { db } = await getDatabase();
	const records = toPublic(await newestRecords(db, 50, kind));
	const site = url.origin;
	const feed = new Feed({
		title: kind ? `便民 · ${KIND_LABELS[kind]}` : '便民 · 最新信息',
		description: '从本地报纸整理的便民信息',
		id: site + '/',
		link: site + '/',
		language: 'zh-CN',
		copyright: '信息整理自报纸公开刊登的内容',
		updated: records[0]?.publishedAt ? new Date(records[0].publishedAt) : new Date(0)
	});
	for (const r of records) {
		feed.addItem({
			title: cdataSafe(r.title),
			id: `${site}/records/${r.id}`,
			link: `${site}/records/${r.id}`,
			// Readers render <description> as HTML: moderator text goes in as escaped text.
			description: cdataSafe(
				escapeHtml(KIND_LABELS[r.kind] + (r.district ? ` · ${r.district}` : ''))
			),
			date: new Date(r.publishedAt ?? 0)
		});
	}
	return new Response(feed.rss2(), {
		headers: {
			'content-type': 'application/rss+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
