/**
 * npm test — format/lint, svelte-check, unit tests (Vitest), build, e2e (Playwright in Chromium).
 * Ends with exactly one line "N passed, N failed" summing all runners (a failed lint or type check
 * counts as one failure each), and exits non-zero on any failure.
 *
 *   npm test                    everything
 *   npm test -- --unit          only Vitest        npm test -- --e2e   only build + Playwright
 *   npm run test:pg             database unit tests + build + Playwright on a throwaway PostgreSQL
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildFingerprint, STAMP_FILE } from './lib/buildStamp';
import { run } from './lib/command';

const args = new Set(process.argv.slice(2));
const only = args.has('--unit') ? 'unit' : args.has('--e2e') ? 'e2e' : 'all';
/**
 * --pg (npm run test:pg, inside scripts/pg.sh with DATABASE_URL set): the tests that touch the
 * database — the server's unit tests and the search evaluation, every database they open being
 * PostgreSQL unless a test names an SQLite file — and the e2e suite on a PostgreSQL database.
 * Format, lint and types are the same on both and stay with `npm test`. The few specs that run
 * their own server on an SQLite file they inspect (crash, load, hostile forms, privacy) keep
 * SQLite there.
 */
const pg = args.has('--pg');
if (pg && !process.env.DATABASE_URL) {
	console.error('--pg needs DATABASE_URL: run `npm run test:pg`');
	process.exit(2);
}
const PG_UNIT_TESTS = ['src/lib/server', 'scripts/eval-search.test.ts'];
const bin = (name: string) => `node_modules/.bin/${name}`;
const log = (message: string) => console.error(`\n[bianmin] ${message}`);
let passed = 0;
let failed = 0;
const failures: string[] = [];
const step = (name: string, code: number) => {
	if (code === 0) passed++;
	else {
		failed++;
		failures.push(name);
	}
};

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

if (only === 'all' && !pg) {
	log('format and lint');
	step('prettier', await run(bin('prettier'), ['--check', '.', '--log-level', 'warn']));
	step('eslint', await run(bin('eslint'), ['.']));
	log('svelte-check');
	await run(bin('svelte-kit'), ['sync']);
	step(
		'svelte-check',
		await run(bin('svelte-check'), [
			'--tsconfig',
			'./tsconfig.json',
			'--fail-on-warnings',
			'--output',
			'human'
		])
	);
}

interface VitestReport {
	numPassedTests: number;
	numFailedTests: number;
	numTotalTests: number;
}
if (only !== 'e2e') {
	log(pg ? 'database unit tests on PostgreSQL (vitest)' : 'unit tests (vitest)');
	const code = await run(bin('vitest'), [
		'run',
		...(pg ? PG_UNIT_TESTS : []),
		'--reporter=default',
		'--reporter=json',
		'--outputFile.json=reports/vitest.json'
	]);
	if (existsSync('reports/vitest.json')) {
		const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8')) as VitestReport;
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		if (code !== 0 && report.numFailedTests === 0) step('vitest (suite error)', code);
		else if (report.numFailedTests) failures.push(`vitest: ${report.numFailedTests} failed`);
	} else step('vitest (no report)', code || 1);
}

interface PlaywrightReport {
	stats: { expected: number; unexpected: number; flaky: number; skipped: number };
	errors?: unknown[];
}
if (only !== 'unit') {
	log('build');
	const fingerprint = buildFingerprint();
	const buildCode = await run(bin('vite'), ['build', '--logLevel', 'warn']);
	if (buildCode === 0) writeFileSync(STAMP_FILE, fingerprint);
	step('vite build', buildCode);
	if (buildCode === 0) {
		log(`end-to-end tests (playwright, chromium)${pg ? ' on PostgreSQL' : ''}`);
		const code = await run(bin('playwright'), ['test'], {
			env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' }
		});
		if (existsSync('reports/playwright.json')) {
			const report = JSON.parse(
				readFileSync('reports/playwright.json', 'utf8')
			) as PlaywrightReport;
			passed += report.stats.expected + report.stats.flaky;
			failed += report.stats.unexpected;
			if (report.stats.unexpected) failures.push(`playwright: ${report.stats.unexpected} failed`);
			else if (code !== 0) step('playwright (run error)', code);
		} else step('playwright (no report)', code || 1);
	}
}

if (failures.length) console.error(`\n[bianmin] failed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
