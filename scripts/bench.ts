/**
 * npm run bench -- [--records N] [--json] [--seed S] [--keep] [--build] [--http-seconds S]
 *                   [--import-mb M] [--rounds R] [--skip-ocr] [--only extract] [--db PATH]
 *                   [--database postgres://…]
 *
 * Builds a fresh database of N synthetic records (default 100,000) in bench-out/, then measures
 * search, import and serving beside their baselines (see bench/run.ts and the README).
 * The report goes to stdout (a table, or one JSON object with --json); progress to stderr.
 * The HTTP phase serves a copy of build/: run `npm run build` first, or pass --build.
 * --db PATH reuses a database built by an earlier run with the same --records and --seed
 * (building it there when PATH does not exist): a million records take minutes to build.
 * --database URL runs on PostgreSQL instead of SQLite: the run gets a database of its own on that
 * server (created and dropped; the URL's own database is only used to do so), and --db then
 * names a database on that server holding the kept build (e.g. bench_1000000_s1).
 */
import cliProgress from 'cli-progress';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatExtractReport, formatReport, runBenchmark, runExtractBench } from '../bench/run';
import { isPostgresUrl } from '../src/lib/server/db/index';
import { run } from './lib/command';

const { values } = parseArgs({
	options: {
		records: { type: 'string', default: '100000' },
		seed: { type: 'string', default: '1' },
		json: { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		build: { type: 'boolean', default: false },
		'http-seconds': { type: 'string' },
		'import-mb': { type: 'string' },
		rounds: { type: 'string', default: '3' },
		'skip-ocr': { type: 'boolean', default: false },
		only: { type: 'string' },
		db: { type: 'string' },
		database: { type: 'string' }
	}
});
const int = (name: string, text: string | undefined, min: number) => {
	const n = Number(text);
	if (!Number.isInteger(n) || n < min) {
		console.error(`--${name} must be an integer ≥ ${min}`);
		process.exit(2);
	}
	return n;
};
const records = int('records', values.records, 1);
const root = resolve('.');
const workDir = join(root, 'bench-out', `run-${process.pid}`);
const log = (message: string) => console.error(`[bench] ${message}`);

if (values.only !== undefined) {
	// `--only extract`: the extractor's figures alone (no database, no server), for checking a
	// change to src/lib/extract before and after.
	if (values.only !== 'extract') {
		console.error('--only takes one value: extract');
		process.exit(2);
	}
	try {
		const report = runExtractBench({
			workDir,
			importMb: values['import-mb'] === undefined ? 2 : Number(values['import-mb']),
			seed: int('seed', values.seed, 0),
			log
		});
		console.log(values.json ? JSON.stringify(report, null, 2) : formatExtractReport(report));
	} finally {
		if (!values.keep) rmSync(workDir, { recursive: true, force: true });
	}
	process.exit(0);
}

const databaseUrl = values.database;
if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
	console.error('--database takes a postgres:// URL (without it, the bench runs on SQLite)');
	process.exit(2);
}

if (values.build) {
	log('building the app (vite build)');
	const code = await run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
	if (code !== 0) process.exit(code);
}

// Progress bars on a terminal only; logs and CI get the phase lines alone.
let bar: cliProgress.SingleBar | undefined;
let barPhase = '';
const progress = (phase: string, done: number, total: number) => {
	if (!process.stderr.isTTY) return;
	if (phase !== barPhase) {
		bar?.stop();
		barPhase = phase;
		bar = new cliProgress.SingleBar(
			{ format: `${phase.padEnd(6)} [{bar}] {value}/{total}`, stream: process.stderr },
			cliProgress.Presets.shades_classic
		);
		bar.start(total, 0);
	}
	bar?.update(done);
	if (done >= total) {
		bar?.stop();
		bar = undefined;
	}
};

try {
	const report = await runBenchmark({
		records,
		seed: int('seed', values.seed, 0),
		root,
		workDir,
		databaseUrl,
		// On PostgreSQL, --db is a database name on that server; on SQLite, a file.
		reuseDb: values.db === undefined ? undefined : databaseUrl ? values.db : resolve(values.db),
		importMb: values['import-mb'] === undefined ? undefined : Number(values['import-mb']),
		// 10 s per load test; a smoke run (under 10,000 records) takes 2 s to stay well under a minute.
		httpSeconds: int('http-seconds', values['http-seconds'] ?? (records < 10_000 ? '2' : '10'), 0),
		connections: 25,
		rounds: int('rounds', values.rounds, 1),
		ocr: !values['skip-ocr'],
		log: (message) => {
			bar?.stop();
			bar = undefined;
			barPhase = '';
			log(message);
		},
		progress
	});
	bar?.stop();
	console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
	if (values.keep) log(`kept ${workDir}`);
} finally {
	if (!values.keep) rmSync(workDir, { recursive: true, force: true });
}
