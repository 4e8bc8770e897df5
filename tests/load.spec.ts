/**
 * Load: the built server on its own database, 50 concurrent readers for 30 s (home, listings,
 * search results, record pages) while a moderator signs in and saves edits over HTTP in a loop
 * and an import of 50 pages runs in another process against the same database file.
 * Zero 5xx, zero failed or timed-out requests, every confirmed save kept; prints p50/p99 and
 * requests per second. Not browser-driven: plain HTTP, the way many phones would ask.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { writeSyntheticPages } from './helpers/pages';
import { startChild, type Child } from './helpers/processes';
import { E2E_RECORDS } from './fixtures/records';
import { E2E_ACCOUNTS } from './fixtures/seed';
import {
	integrityCheck,
	prepareDatabase,
	readDatabase,
	recordIdByTitle,
	removeDir,
	saveEdit,
	signInHttp,
	startServer,
	titlesOf,
	type Server
} from './fixtures/server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 11;
const READERS = 50;
const DURATION_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
const IMPORT_PAGES = 50;

let server: Server | undefined;
let importer: Child | undefined;
let dir: string | undefined;
test.afterAll(async () => {
	importer?.process.kill('SIGKILL');
	await server?.stop();
	if (dir) removeDir(dir);
});

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

test('50 readers, a moderator saving and an import at once: no 5xx, no lost edit', async () => {
	test.setTimeout(120_000);
	const db = await prepareDatabase('load');
	dir = db.dir;
	const pagesDir = join(dir, 'pages');
	writeSyntheticPages(pagesDir, IMPORT_PAGES, 11);

	// What the readers ask for: a realistic mix of public pages.
	const sqlite = readDatabase(db.path);
	const recordIds = sqlite
		.prepare("select id from records where status = 'published' order by id limit 20")
		.pluck()
		.all() as number[];
	sqlite.close();
	expect(recordIds.length).toBeGreaterThan(5);
	const paths = [
		'/',
		'/hotlines',
		'/lost-found',
		'/events',
		'/search?q=医保',
		'/search?q=身份证',
		'/search?q=寻亲',
		'/search?q=0731',
		'/search?q=遗失 声明',
		...recordIds.map((id) => `/records/${id}`)
	];
	const editedId = recordIdByTitle(db.path, E2E_RECORDS.hotline.title);

	server = await startServer({ port: PORT, databasePath: db.path, env: { LOG_REQUESTS: '0' } });
	const { url } = server;

	const latencies: number[] = [];
	const statuses = new Map<number, number>();
	const failures: string[] = [];
	let timeouts = 0;
	const started = performance.now();
	const deadline = started + DURATION_MS;

	async function reader(n: number): Promise<void> {
		for (let i = n; performance.now() < deadline; i++) {
			const path = paths[i % paths.length];
			const t0 = performance.now();
			try {
				const response = await fetch(url + encodeURI(path), {
					signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
				});
				await response.arrayBuffer();
				latencies.push(performance.now() - t0);
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
				if (response.status !== 200) failures.push(`${response.status} ${path}`);
			} catch (e) {
				if ((e as Error).name === 'TimeoutError') timeouts++;
				else failures.push(`${path}: ${String(e)}`);
			}
		}
	}

	// The moderator: sign in once, then edit the hotline until the readers stop.
	const confirmed: string[] = [];
	const saveTimes: number[] = [];
	let conflicts = 0;
	async function moderator(): Promise<void> {
		const session = await signInHttp(url, E2E_ACCOUNTS.moderator);
		const record = E2E_RECORDS.hotline;
		for (let n = 1; performance.now() < deadline; n++) {
			const title = `【测试】医保报销咨询电话 负载编辑第${n}次`;
			const t0 = performance.now();
			const saved = await saveEdit(session, editedId, {
				kind: record.kind,
				title,
				district: record.district,
				name: record.fields.name,
				organization: record.fields.organization,
				hours: `工作日 9:00-17:00（第${n}次核对）`,
				phones: '0731-28683507 咨询电话'
			});
			saveTimes.push(performance.now() - t0);
			if (saved) confirmed.push(title);
			else conflicts++;
		}
	}

	// The import starts a few seconds in, while the readers and the moderator are busy.
	async function importPages(): Promise<{ code: number | null; output: string; span: string }> {
		await new Promise((r) => setTimeout(r, 3_000));
		const t0 = (performance.now() - started) / 1000;
		importer = startChild('scripts/import.ts', ['-q', '--published', '2024-11-05', pagesDir], {
			DATABASE_PATH: db.path
		});
		const code = await importer.exited;
		const t1 = (performance.now() - started) / 1000;
		const span = `${t0.toFixed(1)}–${t1.toFixed(1)} s`;
		return { code, output: importer.lines.join('\n') + importer.stderr(), span };
	}

	const [, , imported] = await Promise.all([
		Promise.all(Array.from({ length: READERS }, (_, n) => reader(n))),
		moderator().catch((e: Error) => {
			throw new Error(`${e.message}\nserver stderr:\n${server?.stderr().slice(-4000)}`);
		}),
		importPages()
	]);
	const seconds = (performance.now() - started) / 1000;

	latencies.sort((a, b) => a - b);
	const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
	console.log(
		`load: ${latencies.length} reads in ${seconds.toFixed(1)} s by ${READERS} readers = ` +
			`${(latencies.length / seconds).toFixed(0)} requests/s; ` +
			`p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
			`max ${latencies.at(-1)?.toFixed(1)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
			`${confirmed.length} confirmed saves (${conflicts} conflicts; ` +
			`slowest load-save-confirm ${Math.max(...saveTimes).toFixed(0)} ms); ` +
			`import of ${IMPORT_PAGES} pages ran ${imported.span}, exit ${imported.code}`
	);

	expect(fivexx, 'no 5xx').toBe(0);
	expect(timeouts, 'no timed-out request').toBe(0);
	expect(failures.slice(0, 10), 'no failed request').toEqual([]);
	expect(latencies.length).toBeGreaterThan(READERS * 10);

	expect(imported.code, imported.output).toBe(0);
	expect(imported.output).toContain(`${IMPORT_PAGES} imported (${IMPORT_PAGES} new)`);
	expect(server.stderr(), 'no server errors').not.toContain('"level":"error"');

	// Every save the moderator saw confirmed is in the database, in order, and the last one won.
	expect(confirmed.length).toBeGreaterThan(10);
	expect(conflicts, 'one moderator never conflicts with itself').toBe(0);
	await server.stop();
	expect(integrityCheck(db.path)).toBe('ok');
	const { revisions, current } = titlesOf(db.path, editedId);
	const edits = revisions.filter((t) => t.includes('负载编辑'));
	expect(edits).toEqual(confirmed);
	expect(current).toBe(confirmed.at(-1));
	const check = readDatabase(db.path);
	const pages = check.prepare("select count(*) from sources where file like '%page-%'").pluck();
	expect(pages.get()).toBe(IMPORT_PAGES);
	check.close();
});
