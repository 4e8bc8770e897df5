import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	ID_SEARCH_THROTTLED_MESSAGE,
	ID_SEARCH_WINDOW_MS,
	IdSearchLimiter,
	MAX_ID_SEARCHES
} from '../auth/rateLimit';
import { guardIdSearch } from './guard';

function refusal(q: string, address: string, now: number): unknown {
	try {
		guardIdSearch(q, address, now);
		return null;
	} catch (e) {
		return e;
	}
}

describe('ID-number searches are rate-limited per address', () => {
	it('refuses the search after the limit with 429 and a Chinese message, per address', () => {
		const now = Date.UTC(2024, 10, 5, 2);
		for (let i = 0; i < MAX_ID_SEARCHES; i++) {
			expect(refusal(`43020319850217${String(1000 + i)}`, '203.0.113.7', now + i)).toBeNull();
		}
		const e = refusal('430203 19850217 3399', '203.0.113.7', now + 100);
		expect(isHttpError(e) && e.status).toBe(429);
		expect(isHttpError(e) && e.body.message).toBe(ID_SEARCH_THROTTLED_MESSAGE);
		// Another address is not affected; nor are other searches from this one.
		expect(refusal('430203198502173399', '203.0.113.8', now + 100)).toBeNull();
		for (const q of ['医保', '0731-28681662', '28681662 13974120000', '430203']) {
			expect(refusal(q, '203.0.113.7', now + 100)).toBeNull();
		}
	});

	it('forgets searches older than the window', () => {
		const limiter = new IdSearchLimiter(2, ID_SEARCH_WINDOW_MS);
		const t = 1_000_000;
		expect(limiter.allow('a', t)).toBe(true);
		expect(limiter.allow('a', t + 1)).toBe(true);
		expect(limiter.allow('a', t + 2)).toBe(false);
		expect(limiter.allow('a', t + ID_SEARCH_WINDOW_MS + 1)).toBe(true);
	});
});
