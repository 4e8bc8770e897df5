import { getDatabase } from '$lib/server/db';
import { countPublishedByKind, newestRecords } from '$lib/server/listings';
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
	const [counts, newest] = await Promise.all([countPublishedByKind(db), newestRecords(db, 8)]);
	return toPublic({ counts, newest });
};
