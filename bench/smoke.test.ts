/**
 * The benchmark at 1,000 records, in process, so it cannot rot: corpus, bulk build, the whole
 * query set against the LIKE scan (recall asserted, speed not: CI machines vary), import of a
 * couple of pages, extraction of the worst-case pages, and the report. The HTTP phase needs a built app and is left to `npm run
 * bench`; its HTML parsing is checked here on a sample page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HUGE_LIST_ENTRIES, WORST_CASES } from '../src/lib/extract/worstCases';
import { corpus, pageAt, recordAt } from './synthetic';
import { assetsOf } from './http';
import { benchQueries } from './queries';
import { checkTargets, formatReport, runBenchmark } from './run';
import { databaseExists } from './postgres';
import { testingPostgres } from '../tests/helpers/database';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus', () => {
	it('is deterministic per seed, random access agrees with the stream, all kinds appear', () => {
		expect(recordAt(123, 5)).toEqual(recordAt(123, 5));
		expect(recordAt(123, 5)).not.toEqual(recordAt(123, 6));
		const streamed = [...corpus(300, 5)];
		expect(streamed[123]).toEqual(recordAt(123, 5));
		expect(new Set(streamed.map((r) => r.kind)).size).toBe(5);
		expect(streamed.some((r) => r.traditional)).toBe(true);
		const ids = streamed.flatMap((r) =>
			typeof r.fields.documentNumber === 'string' && /^\d{17}[\dX]$/.test(r.fields.documentNumber)
				? [r.fields.documentNumber]
				: []
		);
		expect(ids.length).toBeGreaterThan(10);
		expect(pageAt(3, 5).text).toBe(pageAt(3, 5).text);
	});

	it('has a query set of 200+ queries, at least 30 % of one or two characters', () => {
		const queries = benchQueries(1000, 1);
		expect(queries.length).toBeGreaterThanOrEqual(200);
		const short = queries.filter((q) => [...q.q].length <= 2).length;
		expect(short / queries.length).toBeGreaterThanOrEqual(0.3);
		for (const group of ['phone', 'document', 'mixed', 'miss'])
			expect(queries.some((q) => q.group === group)).toBe(true);
	});
});

describe('runBenchmark at 1,000 records (no HTTP phase)', () => {
	it('builds, searches with recall ≥ 0.99, imports, and reports', { timeout: 60_000 }, async () => {
		const report = await runBenchmark({
			records: 1000,
			seed: 1,
			root: process.cwd(),
			workDir: join(dir, 'run'),
			importMb: 0.03,
			httpSeconds: 0,
			ocr: false,
			connections: 25,
			rounds: 1,
			log: () => {}
		});
		expect(report.records).toBe(1000);
		expect(report.build.records).toBe(1000);
		expect(report.dbSizeMb).toBeGreaterThan(0);
		expect(report.search.queries).toBeGreaterThanOrEqual(200);
		expect(report.search.recallAt20).toBeGreaterThanOrEqual(0.99);
		// Speed is not asserted, but the figures must be real measurements: every search takes
		// some time, and percentiles of one set of timings come in order.
		const s = report.search;
		for (const key of [
			'p50Ms',
			'p95Ms',
			'p99Ms',
			'maxMs',
			'likeP50Ms',
			'likeP95Ms',
			'speedup'
		] as const) {
			expect(Number.isFinite(s[key]), key).toBe(true);
			expect(s[key], key).toBeGreaterThan(0);
		}
		expect(s.p50Ms).toBeLessThanOrEqual(s.p95Ms);
		expect(s.p95Ms).toBeLessThanOrEqual(s.p99Ms);
		expect(s.p99Ms).toBeLessThanOrEqual(s.maxMs);
		expect(s.likeP50Ms).toBeLessThanOrEqual(s.likeP95Ms);
		expect(report.import?.pages).toBeGreaterThanOrEqual(2);
		expect(report.import?.records).toBeGreaterThan(0);
		expect(report.import?.mbPerSec).toBeGreaterThan(0);
		expect(report.extract?.pages).toBe(report.import?.pages);
		expect(report.extract?.records).toBeGreaterThanOrEqual(report.import!.records);
		expect(report.worstCases.pages).toBe(Object.keys(WORST_CASES).length);
		expect(report.worstCases.hugeList.records).toBe(HUGE_LIST_ENTRIES);
		expect(report.worstCases.slowest.ms).toBe(Math.max(...Object.values(report.worstCases.ms)));
		expect(report.http).toBeNull();
		expect(report.machine.database).toMatch(/^SQLite 3\./);
		expect(report.targets.recallAt20.met).toBe(true);
		expect(report.targets.searchRps.met).toBeNull();
		expect(Object.keys(checkTargets(report))).toContain('searchP95Ms');
		expect(JSON.parse(JSON.stringify(report))).toEqual(report);
		expect(formatReport(report)).toContain('recall@20');
	});
});

// Under `npm run test:pg` (DATABASE_URL set), the same run on PostgreSQL: the bulk loader, the
// database of the run's own (dropped afterwards), the per-dialect LIKE scan and recall.
describe.skipIf(!testingPostgres())('runBenchmark at 1,000 records on PostgreSQL', () => {
	it('builds, searches with recall ≥ 0.99, names the database, and drops its own', async () => {
		const serverUrl = process.env.DATABASE_URL!;
		const report = await runBenchmark({
			records: 1000,
			seed: 1,
			root: process.cwd(),
			workDir: join(dir, 'run-pg'),
			databaseUrl: serverUrl,
			importMb: 0,
			httpSeconds: 0,
			ocr: false,
			connections: 25,
			rounds: 1,
			log: () => {}
		});
		expect(report.machine.database).toMatch(/^PostgreSQL \d+/);
		expect(report.build.records).toBe(1000);
		expect(report.search.queries).toBeGreaterThanOrEqual(200);
		expect(report.search.recallAt20).toBeGreaterThanOrEqual(0.99);
		expect(report.search.likeP95Ms).toBeGreaterThan(0);
		expect(await databaseExists(serverUrl, `bench_run_${process.pid}`)).toBe(false);
	}, 120_000);
});

describe('assetsOf', () => {
	it('finds the stylesheets, preloaded modules and entry imports of a SvelteKit page', () => {
		const html = `<html><head>
			<link href="./_app/immutable/assets/0.css" rel="stylesheet">
			<link rel="modulepreload" href="./_app/immutable/entry/start.js">
			<link rel="icon" href="./favicon.svg">
			</head><body><script>
			Promise.all([import("./_app/immutable/entry/start.js"), import("./_app/immutable/entry/app.js")])
			</script></body></html>`;
		expect(assetsOf(html, 'http://x/search?q=1')).toEqual({
			css: ['http://x/_app/immutable/assets/0.css'],
			js: ['http://x/_app/immutable/entry/start.js', 'http://x/_app/immutable/entry/app.js']
		});
	});
});
