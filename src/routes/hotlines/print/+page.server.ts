import { today } from '$lib/clock';
import { buildCard, FIXED_NUMBERS } from '$lib/records/hotlineCard';
import { getDatabase } from '$lib/server/db';
import { hotlineNumbers } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import { qrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** A printable page, complete without JavaScript. */
export const csr = false;

// Public: the 便民电话卡, one A4 page of emergency numbers, 12345 and hotlines by purpose.
export const load: PageServerLoad = async ({ url }) => {
	const { db } = await getDatabase();
	const numbers = await hotlineNumbers(db);
	const groups = toPublic(buildCard(numbers));
	const link = new URL('/hotlines', url.origin).href;
	return { fixed: FIXED_NUMBERS, groups, date: today(), link, qr: await qrSvg(link) };
};
