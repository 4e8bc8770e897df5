import { getDatabase } from '$lib/server/db';
import { countPublishedByKind, newestRecords } from '$lib/server/listings';
import type { PageServerLoad } from './$types';

// Public page: no permission needed; only published records are read.
export const load: PageServerLoad = async () => {
	const { db } = await getDatabase();
	const [counts, newest] = await Promise.all([countPublishedByKind(db), newestRecords(db, 8)]);
	return { counts, newest };
};
