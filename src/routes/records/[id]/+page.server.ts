import { error } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { getDatabase } from '$lib/server/db';
import { findPublicRecord } from '$lib/server/publicRecord';
import { qrSvg } from '$lib/server/qr';
import { findRelatedPublic } from '$lib/server/matches';
import { maskIdNumbers } from '$lib/records/display';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like home and search: the copy buttons come from static/enhance.js. */
export const csr = false;

// Public page: only public statuses are shown (findPublicRecord), ID numbers masked.
export const load: PageServerLoad = async ({ params, url }) => {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, '没有这条信息');
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record) error(404, '没有这条信息，可能已被撤下');
	// The canonical address of the notice, for the QR code and the printed page.
	const link = new URL(`/records/${record.id}`, url.origin).href;
	return {
		record,
		now: nowInBeijing(),
		link,
		qr: await qrSvg(link),
		// Only links a moderator confirmed, to records that are public too.
		related: (await findRelatedPublic(db, record.id)).map((r) => ({
			...r,
			title: maskIdNumbers(r.title)
		}))
	};
};
