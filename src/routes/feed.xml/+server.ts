import { error } from '@sveltejs/kit';
import { Feed } from 'feed';
import { escapeHtml, formatDate } from '$lib/records/display';
import { KIND_LABELS, KINDS, type Kind } from '$lib/records/kinds';
import { getDatabase } from '$lib/server/db';
import { newestRecords } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import { guardIdSearch } from '$lib/server/search/guard';
import { searchRecords } from '$lib/server/search/query';
import type { RequestHandler } from './$types';

/**
 * The `feed` package writes text as CDATA, and its XML writer splits only the first "]]>": a
 * second one in a title ended the section and the rest was read as XML (a broken feed, or
 * elements of the record's choosing). Readers lose nothing by a space inside it.
 */
const cdataSafe = (text: string) => text.replaceAll(']]>', ']] >');

interface FeedItem {
	id: number;
	kind: Kind;
	title: string;
	district: string | null;
	issuedOn?: string | null;
	publishedAt?: string | null;
}

/**
 * Public: the newest published notices as an RSS feed — all, one category (`?kind=lost_found`)
 * or one search (`?q=身份证`, with or without kind) — so families can follow new 寻亲 or
 * lost-document notices. An unknown kind is a 400: a subscriber with a typo would otherwise
 * silently get everything. Items go through toPublic like every public output; a search here
 * counts against the same ID-search limit as the search page.
 */
export const GET: RequestHandler = async ({ url, getClientAddress }) => {
	const rawKind = url.searchParams.get('kind');
	if (rawKind && !(KINDS as readonly string[]).includes(rawKind))
		error(400, `未知的分类：${rawKind.slice(0, 40)}（可用：${KINDS.join('、')}）`);
	const kind = (rawKind || undefined) as Kind | undefined;
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const { db } = await getDatabase();
	if (q) await guardIdSearch(db, q, getClientAddress());
	const records: FeedItem[] = toPublic(
		q
			? (await searchRecords(db, { q, kind, statuses: ['published'] })).results
			: await newestRecords(db, 50, kind)
	);
	const site = url.origin;
	// A feed URL is shared and subscribed to: the query is masked like the items.
	const what = [q ? `“${toPublic(q)}”` : null, kind ? KIND_LABELS[kind] : null]
		.filter(Boolean)
		.join(' · ');
	const updated = records
		.map((r) => r.publishedAt ?? '')
		.sort()
		.at(-1);
	const feed = new Feed({
		title: cdataSafe(what ? `便民 · ${what}` : '便民 · 最新信息'),
		description: '从本地报纸整理的便民信息',
		id: site + '/',
		link: site + '/',
		language: 'zh-CN',
		copyright: '信息整理自报纸公开刊登的内容',
		updated: updated ? new Date(updated) : new Date(0)
	});
	for (const r of records) {
		const printed = r.issuedOn ? ` · ${formatDate(r.issuedOn)}刊登` : '';
		feed.addItem({
			title: cdataSafe(r.title),
			id: `${site}/records/${r.id}`,
			link: `${site}/records/${r.id}`,
			// Readers render <description> as HTML: moderator text goes in as escaped text.
			description: cdataSafe(
				escapeHtml(KIND_LABELS[r.kind] + (r.district ? ` · ${r.district}` : '') + printed)
			),
			date: new Date(r.issuedOn ? `${r.issuedOn}T00:00:00+08:00` : (r.publishedAt ?? 0))
		});
	}
	return new Response(feed.rss2(), {
		headers: {
			'content-type': 'application/rss+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
