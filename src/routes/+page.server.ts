import { getDatabase } from '$lib/server/db';
import { nowInBeijing } from '$lib/clock';
import { countListedByKind, newestRecords } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import type { PageServerLoad } from './$types';

/**
 * No client-side JavaScript here: the page is links and a GET form, complete without it. This
 * saves the visitor the framework (34 kB gzipped, over the 30 kB budget) and the server the
 * hydration data — serialising it and hashing the inline script for the CSP took a quarter
 * of the time of a request (see the README's benchmark section).
 */
export const csr = false;

// Public page: no permission needed; only published records are read, sent through toPublic.
export const load: PageServerLoad = async () => {
	const { db } = await getDatabase();
	// One clock reading: the counts (upcoming events) and the states of the newest agree.
	const now = nowInBeijing();
	const [counts, newest] = await Promise.all([
		countListedByKind(db, now.slice(0, 10)),
		newestRecords(db, 8)
	]);
	return toPublic({ counts, newest, now });
};
