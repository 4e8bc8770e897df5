/**
 * The search evaluation (`npm run eval:search`): builds the fixed database of
 * scripts/fixtures/search/records.ts in memory, runs every query of queries.ts through the
 * app's own searchRecords (what the search page and the API call) and scores where the
 * expected records land: success@1, success@10 and MRR (mean reciprocal rank of the first
 * expected record; 0 when it is not on the first page).
 */
import { fileURLToPath } from 'node:url';
import type { DB } from '../../src/lib/server/db';
import type { OpenedDatabase } from '../../src/lib/server/db';
import { openTestDatabase, testingPostgres } from '../../tests/helpers/database';
import { insertRecord } from '../../src/lib/server/records';
import { searchRecords } from '../../src/lib/server/search/query';
import { RECORDS } from '../fixtures/search/records';
import { QUERIES, type EvalQuery } from '../fixtures/search/queries';

/**
 * The floor the test holds, per database: PostgreSQL finds the same records (the same tokens,
 * see db/dialect/postgres.ts) but orders them by ts_rank, not FTS5's bm25, so its ranks differ.
 */
export const SEARCH_BASELINE = fileURLToPath(
	new URL(
		testingPostgres()
			? '../fixtures/search/baseline.postgres.json'
			: '../fixtures/search/baseline.json',
		import.meta.url
	)
);

export interface QueryOutcome extends EvalQuery {
	/** 1-based rank of the first expected record among the results, or null. */
	rank: number | null;
	total: number;
	/** Titles of the first three results, to read failures. */
	top: string[];
}

export interface Scores {
	queries: number;
	successAt1: number;
	successAt10: number;
	mrr: number;
}

export interface SearchEvaluation {
	overall: Scores;
	byCategory: Record<string, Scores>;
	outcomes: QueryOutcome[];
}

/**
 * The fixture records, published, in a fresh database (SQLite in memory, or a schema of its own
 * on the PostgreSQL server DATABASE_URL names); keys map to ids.
 */
export async function buildEvalDatabase(
	open: () => Promise<OpenedDatabase> = openTestDatabase
): Promise<{ db: DB; idOf: Map<string, number> }> {
	const { db } = await open();
	const idOf = new Map<string, number>();
	await db.transaction().execute(async (trx) => {
		for (const { key, ...input } of RECORDS) {
			const id = await insertRecord(trx, input, { status: 'published' });
			if (key) idOf.set(key, id);
		}
	});
	return { db, idOf };
}

function score(outcomes: QueryOutcome[]): Scores {
	const n = outcomes.length || 1;
	const hit = (k: number) => outcomes.filter((o) => o.rank !== null && o.rank <= k).length / n;
	return {
		queries: outcomes.length,
		successAt1: hit(1),
		successAt10: hit(10),
		mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n
	};
}

export async function evaluateSearch(queries: EvalQuery[] = QUERIES): Promise<SearchEvaluation> {
	const { db, idOf } = await buildEvalDatabase();
	try {
		const outcomes: QueryOutcome[] = [];
		for (const query of queries) {
			const ids = new Set<number>();
			const titleParts: string[] = [];
			for (const e of query.expect) {
				if (e.startsWith('~')) titleParts.push(e.slice(1));
				else {
					const id = idOf.get(e);
					if (id === undefined) throw new Error(`query ${query.q}: unknown record key ${e}`);
					ids.add(id);
				}
			}
			const result = await searchRecords(db, { q: query.q });
			const index = result.results.findIndex(
				(r) => ids.has(r.id) || titleParts.some((t) => r.title.includes(t))
			);
			outcomes.push({
				...query,
				rank: index === -1 ? null : index + 1,
				total: result.total,
				top: result.results.slice(0, 3).map((r) => r.title)
			});
		}
		const byCategory: Record<string, Scores> = {};
		for (const category of new Set(outcomes.map((o) => o.category)))
			byCategory[category] = score(outcomes.filter((o) => o.category === category));
		return { overall: score(outcomes), byCategory, outcomes };
	} finally {
		await db.destroy();
	}
}
