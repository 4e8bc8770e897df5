import { error } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findRelatedPublic } from '$lib/server/matches';
import { toPublic } from '$lib/server/public';
import { findTwins } from '$lib/server/listings';
import { findPublicRecord } from '$lib/server/publicRecord';
import { qrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like home and search: the copy buttons come from static/enhance.js. */
export const csr = false;

// Public page: only public statuses are shown (findPublicRecord), ID numbers masked.
export const load: PageServerLoad = async ({ params, url }) => {
	const id = idParam(params.id);
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record) error(404, '没有这条信息，可能已被撤下');
	// The canonical address of the notice, for the QR code and the printed page.
	const link = new URL(`/records/${record.id}`, url.origin).href;
	return {
		record,
		twins: toPublic(await findTwins(db, id)),
		now: nowInBeijing(),
		link,
		// Our own drawing of our own URL: it carries no record text, so it skips the masking
		// (which reads digit runs and must not touch SVG path data).
		qr: await qrSvg(link),
		// Only links a moderator confirmed, to records that are public too.
		related: toPublic(await findRelatedPublic(db, record.id))
	};
};
