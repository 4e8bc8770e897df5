import { error } from '@sveltejs/kit';
import { looksLikeIdNumber } from '../../records/privacy';
import { ID_SEARCH_THROTTLED_MESSAGE, idSearchLimiter } from '../auth/rateLimit';

/**
 * Refuses (HTTP 429, a Chinese message) a search that looks like an ID number when its address
 * has asked too many of them lately. Called by the search page and /api/search before searching.
 */
export function guardIdSearch(q: string, address: string, now = Date.now()): void {
	if (looksLikeIdNumber(q) && !idSearchLimiter.allow(address, now)) {
		error(429, ID_SEARCH_THROTTLED_MESSAGE);
	}
}
