import { error } from '@sveltejs/kit';
import { looksLikeIdNumber } from '../../records/privacy';
import { ID_SEARCH_THROTTLED_MESSAGE, allowIdSearch } from '../auth/rateLimit';
import type { DB } from '../db';

/**
 * Refuses (HTTP 429, a Chinese message) a search that looks like an ID number when its address
 * has asked too many of them lately. Called by the search page and /api/search before searching.
 */
export async function guardIdSearch(
	db: DB,
	q: string,
	address: string,
	now = Date.now()
): Promise<void> {
	if (looksLikeIdNumber(q) && !(await allowIdSearch(db, address, now))) {
		error(429, ID_SEARCH_THROTTLED_MESSAGE);
	}
}
