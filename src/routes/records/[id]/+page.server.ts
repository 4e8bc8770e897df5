import { error } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findPublicRecordPage } from '$lib/server/publicRecord';
import { qrSvg } from '$lib/server/qr';
import { renderOnly } from '$lib/renderOnly';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like home and search: the copy buttons come from static/enhance.js. */
export const csr = false;

// Public page: only public statuses are shown (findPublicRecord), ID numbers masked.
export const load: PageServerLoad = async ({ params, url, isDataRequest }) => {
	const id = idParam(params.id);
	const { db } = await getDatabase();
	const notice = await findPublicRecordPage(db, id);
	if (!notice) error(404, '没有这条信息，可能已被撤下');
	// The canonical address of the notice, for the QR code and the printed page.
	const link = new URL(`/records/${notice.record.id}`, url.origin).href;
	return {
		now: nowInBeijing(),
		link,
		// Rendered, not sent: with no client-side JavaScript SvelteKit would still serialise it
		// (the QR code's SVG character by character), a twentieth of the page's time.
		notice: renderOnly(
			{
				...notice,
				// Our own drawing of our own URL: it carries no record text, so it skips the masking
				// (which reads digit runs and must not touch SVG path data).
				qr: await qrSvg(link)
			},
			isDataRequest
		)
	};
};
