/**
 * npm test — format/lint, svelte-check, unit tests (Vitest), build, e2e (Playwright in Chromium).
 * Ends with exactly one line "N passed, N failed" summing all runners (a failed lint or type check
 * counts as one failure each), and exits non-zero on any failure.
 *
 *   npm test                    everything
 *   npm test -- --unit          only Vitest        npm test -- --e2e   only build + Playwright
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildFingerprint, STAMP_FILE } from './lib/buildStamp';
import { run } from './lib/run';

const args = new Set(process.argv.slice(2));
const only = args.has('--unit') ? 'unit' : args.has('--e2e') ? 'e2e' : 'all';
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

if (only === 'all') {
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
	log('unit tests (vitest)');
	const code = await run(bin('vitest'), [
		'run',
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
		log('end-to-end tests (playwright, chromium)');
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
