import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ID_SEARCH_THROTTLED_MESSAGE,
	ID_SEARCH_WINDOW_MS,
	MAX_ID_SEARCHES,
	allowIdSearch
} from '../auth/rateLimit';
import type { DB } from '../db';
import { startChild, waitFor } from '../../../../tests/helpers/processes';
import { openTwoHandles } from '../../../../tests/helpers/twoHandles';
import { guardIdSearch } from './guard';

let a: DB;
let b: DB;
let env: Record<string, string>;
let close: () => Promise<void>;
beforeAll(async () => ({ a, b, env, close } = await openTwoHandles()));
afterAll(() => close());

async function refusal(db: DB, q: string, address: string, now: number): Promise<unknown> {
	try {
		await guardIdSearch(db, q, address, now);
		return null;
	} catch (e) {
		return e;
	}
}

describe('ID-number searches are rate-limited per address', () => {
	it('refuses the search after the limit with 429 and a Chinese message, per address', async () => {
		const now = Date.UTC(2024, 10, 5, 2);
		for (let i = 0; i < MAX_ID_SEARCHES; i++) {
			expect(
				await refusal(a, `43020319850217${String(1000 + i)}`, '203.0.113.7', now + i)
			).toBeNull();
		}
		const e = await refusal(a, '430203 19850217 3399', '203.0.113.7', now + 100);
		expect(isHttpError(e) && e.status).toBe(429);
		expect(isHttpError(e) && e.body.message).toBe(ID_SEARCH_THROTTLED_MESSAGE);
		// Another address is not affected; nor are other searches from this one.
		expect(await refusal(a, '430203198502173399', '203.0.113.8', now + 100)).toBeNull();
		for (const q of ['医保', '0731-28683507', '28683507 13974120000', '430203']) {
			expect(await refusal(a, q, '203.0.113.7', now + 100)).toBeNull();
		}
	});

	it('forgets searches older than the window', async () => {
		const t = Date.UTC(2024, 10, 6, 2);
		expect(await allowIdSearch(a, 'a', t, 2)).toBe(true);
		expect(await allowIdSearch(a, 'a', t + 1, 2)).toBe(true);
		expect(await allowIdSearch(a, 'a', t + 2, 2)).toBe(false);
		expect(await allowIdSearch(a, 'a', t + ID_SEARCH_WINDOW_MS + 1, 2)).toBe(true);
	});

	it('counts the searches of every app server on the database together', async () => {
		const t = Date.UTC(2024, 10, 7, 2);
		// Alternating servers, as a load balancer sends them: 10 in all, not 10 each.
		for (let i = 0; i < MAX_ID_SEARCHES; i++) {
			expect(await allowIdSearch(i % 2 ? b : a, '198.51.100.9', t + i)).toBe(true);
		}
		expect(await allowIdSearch(a, '198.51.100.9', t + 20)).toBe(false);
		expect(await allowIdSearch(b, '198.51.100.9', t + 21)).toBe(false);
	});

	it('lets no more than the limit through when two servers are asked at once', async () => {
		// Two processes (not two handles in this one: SQLite's driver waits for a lock synchronously,
		// so one process's handles cannot race), started together, 15 searches each.
		const children = [0, 1].map(() =>
			startChild('tests/helpers/limiterChild.ts', [], {
				...env,
				ADDRESS: '198.51.100.10',
				SEARCHES: '15',
				NOW: String(Date.UTC(2024, 10, 8, 2))
			})
		);
		for (const child of children) await waitFor(() => child.lines[0] === 'ready', 20_000, 'ready');
		for (const child of children) child.process.stdin.write('go\n');
		for (const child of children) expect(await child.exited, child.stderr()).toBe(0);
		const answers = children.flatMap((c) => c.lines.slice(1));
		expect(answers).toHaveLength(30);
		expect(answers.filter((x) => x === '1')).toHaveLength(MAX_ID_SEARCHES);
	}, 60_000);
});
