/**
 * Search may not get worse on its evaluation set: success@10 (and MRR) over the fixed queries
 * stay at or above the floor recorded in scripts/fixtures/search/baseline.json (raise it with
 * `npm run eval:search -- --write-baseline` after an improvement).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERIES } from './fixtures/search/queries';
import { RECORDS } from './fixtures/search/records';
import { openDatabase } from '../src/lib/server/db';
import { PAGE_SIZE, searchRecords } from '../src/lib/server/search/query';
import { openTestDatabase, testingPostgres } from '../tests/helpers/database';
import { SEARCH_BASELINE, buildEvalDatabase, evaluateSearch } from './lib/searchEval';

describe('search evaluation', () => {
	it('has enough queries and records, every query naming answers that exist', () => {
		expect(QUERIES.length).toBeGreaterThanOrEqual(150);
		expect(RECORDS.length).toBeGreaterThanOrEqual(200);
		const keys = new Set(RECORDS.map((r) => r.key).filter(Boolean));
		expect(keys.size, 'record keys are unique').toBe(RECORDS.filter((r) => r.key).length);
		for (const q of QUERIES) {
			expect(q.expect.length, q.q).toBeGreaterThan(0);
			for (const e of q.expect)
				if (!e.startsWith('~')) expect(keys.has(e), `${q.q}: ${e}`).toBe(true);
		}
	});

	it('scores at least the recorded success@10 and MRR', async () => {
		expect(existsSync(SEARCH_BASELINE), 'baseline.json is recorded').toBe(true);
		const baseline = JSON.parse(readFileSync(SEARCH_BASELINE, 'utf8')) as {
			successAt10: number;
			mrr: number;
		};
		const { overall } = await evaluateSearch();
		expect(overall.successAt10).toBeGreaterThanOrEqual(baseline.successAt10);
		expect(overall.mrr).toBeGreaterThanOrEqual(baseline.mrr);
	}, 60_000);
});

// Runs under `npm run test:pg` (DATABASE_URL set): the same data in SQLite and in PostgreSQL.
describe.skipIf(!testingPostgres())('search on PostgreSQL and on SQLite', () => {
	it('finds the same records for every evaluation query (counts per kind, and the records)', async () => {
		const sqlite = await buildEvalDatabase(() => openDatabase(':memory:'));
		const postgres = await buildEvalDatabase(openTestDatabase);
		try {
			let compared = 0;
			for (const { q } of QUERIES) {
				const a = await searchRecords(sqlite.db, { q });
				const b = await searchRecords(postgres.db, { q });
				expect(b.total, q).toBe(a.total);
				expect(b.counts, q).toEqual(a.counts);
				expect(b.fallback, q).toEqual(a.fallback);
				// Ranks differ (bm25 vs ts_rank); the records must not. Ids match: both databases
				// numbered the same records in the same order.
				if (a.total <= PAGE_SIZE) {
					const ids = (r: typeof a) => r.results.map((x) => x.id).sort((m, n) => m - n);
					expect(ids(b), q).toEqual(ids(a));
					compared++;
				}
			}
			expect(compared).toBeGreaterThan(QUERIES.length / 2);
		} finally {
			await sqlite.db.destroy();
			await postgres.db.destroy();
		}
	}, 120_000);
});
