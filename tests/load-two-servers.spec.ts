/**
 * Several app processes on one database (issue 18): two servers of the built app on different
 * ports share one database — the SQLite file by default, PostgreSQL under `npm run test:pg` —
 * the way servers behind a load balancer do. Readers spread over both, two moderators save the
 * same record with every editor page loaded from one server and every save posted to the other,
 * and an import of 50 pages runs in a third process.
 *
 * Before the load, the things per-process state would break are checked one by one: a session
 * made on one server is valid on the other; a save on one server is found at once by a search
 * the other had memoised; two moderators holding the same version, one on each server: the
 * second save is refused (409), not lost; ID-number searches count against one limit whichever
 * server answers. Then the load: zero 5xx, zero timeouts, zero lost edits — every confirmed save
 * is a revision, in each moderator's order, and no refused save is.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDatabase, type DB } from '../src/lib/server/db/index';
import { writeSyntheticPages } from './helpers/pages';
import { startChild, type Child } from './helpers/processes';
import { E2E_RECORDS } from './fixtures/records';
import { E2E_ACCOUNTS } from './fixtures/seed';
import {
	databaseEnv,
	getWithSession,
	postForm,
	prepareDatabase,
	removeDir,
	signInHttp,
	startServer,
	versionOf,
	type HttpSession,
	type Server
} from './fixtures/server';

const BASE_PORT = Number(process.env.E2E_PORT ?? 4173);
const PORTS = [BASE_PORT + 15, BASE_PORT + 16];
const READERS = 40;
const DURATION_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
const IMPORT_PAGES = 50;
const EDIT_MARK = '双服务器';

let servers: Server[] = [];
let importer: Child | undefined;
let dir: string | undefined;
let drop: (() => Promise<void>) | undefined;
test.afterAll(async () => {
	importer?.process.kill('SIGKILL');
	await Promise.all(servers.map((s) => s.stop()));
	await drop?.();
	if (dir) removeDir(dir);
});

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The same signed-in browser, its next request landing on another server. */
function on(session: HttpSession, server: Server): HttpSession {
	return { ...session, url: server.url };
}

const hotline = E2E_RECORDS.hotline;
function editFields(title: string, n: number): Record<string, string> {
	return {
		kind: hotline.kind,
		title,
		district: hotline.district,
		name: hotline.fields.name,
		organization: hotline.fields.organization,
		hours: `工作日 9:00-17:00（第${n}次核对）`,
		phones: '0731-28683507 咨询电话'
	};
}

/** Loads the editor on `from` and posts the save to `to`: 'saved' (303), 'conflict' (409). */
async function saveAcross(
	session: HttpSession,
	from: Server,
	to: Server,
	id: number,
	fields: Record<string, string>,
	version?: number
): Promise<'saved' | 'conflict'> {
	if (version === undefined) {
		const page = await getWithSession(on(session, from), `/mod/records/${id}`);
		if (page.status !== 200) throw new Error(`editor page on ${from.url} answered ${page.status}`);
		version = versionOf(await page.text());
	}
	const response = await postForm(on(session, to), `/mod/records/${id}?/save`, {
		...fields,
		version: String(version),
		intent: 'save'
	});
	if (response.status === 409) return 'conflict';
	if (response.status !== 303) throw new Error(`save on ${to.url} answered ${response.status}`);
	const location = response.headers.get('location') ?? '';
	if (!location.startsWith(`/mod/records/${id}?done=save`))
		throw new Error(`save redirected to ${location}`);
	return 'saved';
}

/** Titles of the record's revisions (oldest first) and its current title, read from the database. */
async function titlesOf(db: DB, id: number): Promise<{ revisions: string[]; current: string }> {
	const rows = await db
		.selectFrom('revisions')
		.select('after')
		.where('record_id', '=', id)
		.orderBy('id')
		.execute();
	const record = await db
		.selectFrom('records')
		.select('title')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return {
		revisions: rows.map((r) => (JSON.parse(r.after) as { title: string }).title),
		current: record.title
	};
}

test('two app servers on one database: sessions, memo, conflicts and limits hold; no 5xx, no lost edit', async () => {
	test.setTimeout(180_000);
	// PostgreSQL under `npm run test:pg` (the deployment several servers are for), else SQLite.
	const prepared = await prepareDatabase('two-servers', { postgres: true });
	dir = prepared.dir;
	drop = prepared.drop;
	const location = prepared.path;
	const pagesDir = join(dir, 'pages');
	writeSyntheticPages(pagesDir, IMPORT_PAGES, 13);
	const { db } = await openDatabase(location);
	let recordIds: number[];
	let editedId: number;
	try {
		editedId = (
			await db
				.selectFrom('records')
				.select('id')
				.where('title', '=', hotline.title)
				.executeTakeFirstOrThrow()
		).id;
		recordIds = (
			await db
				.selectFrom('records')
				.select('id')
				.where('status', '=', 'published')
				.orderBy('id')
				.limit(20)
				.execute()
		).map((r) => r.id);
	} finally {
		await db.destroy();
	}
	expect(recordIds.length).toBeGreaterThan(5);

	servers = await Promise.all(
		PORTS.map((port) => startServer({ port, databasePath: location, env: { LOG_REQUESTS: '0' } }))
	);
	const [a, b] = servers;

	// 1. A session made on one server is valid on the other (sessions live in the database).
	const mod1 = await signInHttp(a.url, E2E_ACCOUNTS.moderator);
	const mod2 = await signInHttp(b.url, E2E_ACCOUNTS.moderator2);
	for (const [session, server] of [
		[mod1, b],
		[mod2, a]
	] as const) {
		const page = await getWithSession(on(session, server), '/mod');
		expect(page.status, `signed in on the other server (${server.url})`).toBe(200);
	}

	// 2. Server b memoises a search; a save on server a must show in b's next answer at once.
	const marker = '核对标记甲乙';
	const search = async (server: Server) =>
		(await (await fetch(`${server.url}/api/search?q=${encodeURIComponent(marker)}`)).json()) as {
			results: { id: number; title: string }[];
		};
	expect((await search(b)).results).toEqual([]);
	expect((await search(b)).results).toEqual([]);
	expect(await saveAcross(mod1, a, a, editedId, editFields(`${hotline.title} ${marker}`, 0))).toBe(
		'saved'
	);
	expect((await search(b)).results.map((r) => r.id)).toEqual([editedId]);
	const page = await fetch(`${b.url}/records/${editedId}`);
	expect(await page.text()).toContain(marker);

	// 3. Two moderators hold the same version, one on each server: the second save is refused.
	const editor1 = await getWithSession(on(mod1, a), `/mod/records/${editedId}`);
	const editor2 = await getWithSession(on(mod2, b), `/mod/records/${editedId}`);
	const v1 = versionOf(await editor1.text());
	const v2 = versionOf(await editor2.text());
	expect(v2).toBe(v1);
	const first = `${hotline.title} 先保存`;
	const second = `${hotline.title} 后保存`;
	expect(await saveAcross(mod1, a, a, editedId, editFields(first, 1), v1)).toBe('saved');
	expect(await saveAcross(mod2, b, b, editedId, editFields(second, 2), v2)).toBe('conflict');
	{
		const check = await openDatabase(location);
		try {
			const { revisions, current } = await titlesOf(check.db, editedId);
			expect(current).toBe(first);
			expect(revisions).not.toContain(second);
		} finally {
			await check.db.destroy();
		}
	}

	// 4. ID-number searches from one address count once, whichever server answers.
	for (let i = 0; i < 10; i++) {
		const q = `4302111988071500${String(10 + i)}`;
		const response = await fetch(`${servers[i % 2].url}/api/search?q=${q}`);
		expect(response.status, `ID search ${i + 1}`).toBe(200);
	}
	for (const server of servers) {
		expect((await fetch(`${server.url}/api/search?q=430211198807150099`)).status).toBe(429);
	}

	// 5. The load: readers on both servers, two moderators saving across them, an import.
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
	const latencies: number[] = [];
	const statuses = new Map<number, number>();
	const perServer = [0, 0];
	const failures: string[] = [];
	let timeouts = 0;
	const started = performance.now();
	const deadline = started + DURATION_MS;

	async function reader(n: number): Promise<void> {
		for (let i = n; performance.now() < deadline; i++) {
			const path = paths[i % paths.length];
			const which = (i + n) % 2;
			const t0 = performance.now();
			try {
				const response = await fetch(servers[which].url + encodeURI(path), {
					signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
				});
				await response.arrayBuffer();
				latencies.push(performance.now() - t0);
				perServer[which]++;
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
				if (response.status !== 200) failures.push(`${response.status} ${path}`);
			} catch (e) {
				if ((e as Error).name === 'TimeoutError') timeouts++;
				else failures.push(`${path}: ${String(e)}`);
			}
		}
	}

	// Each moderator loads the editor from one server and saves on the other, alternating.
	const confirmed: string[][] = [[], []];
	let conflicts = 0;
	async function moderator(m: 0 | 1): Promise<void> {
		const session = m === 0 ? mod1 : mod2;
		for (let n = 1; performance.now() < deadline; n++) {
			const title = `${hotline.title} ${EDIT_MARK} M${m} 第${n}次`;
			const from = servers[(n + m) % 2];
			const to = servers[(n + m + 1) % 2];
			const outcome = await saveAcross(session, from, to, editedId, editFields(title, n));
			if (outcome === 'saved') confirmed[m].push(title);
			else conflicts++;
		}
	}

	async function importPages(): Promise<{ code: number | null; output: string }> {
		await new Promise((r) => setTimeout(r, 3_000));
		importer = startChild(
			'scripts/import.ts',
			['-q', '--published', '2024-11-05', pagesDir],
			databaseEnv(location)
		);
		const code = await importer.exited;
		return { code, output: importer.lines.join('\n') + importer.stderr() };
	}

	const serverErrors = () => servers.map((s) => s.stderr().slice(-3000)).join('\n');
	const [, , , imported] = await Promise.all([
		Promise.all(Array.from({ length: READERS }, (_, n) => reader(n))),
		moderator(0).catch((e: Error) => {
			throw new Error(`${e.message}\nservers' stderr:\n${serverErrors()}`);
		}),
		moderator(1).catch((e: Error) => {
			throw new Error(`${e.message}\nservers' stderr:\n${serverErrors()}`);
		}),
		importPages()
	]);
	const seconds = (performance.now() - started) / 1000;

	latencies.sort((x, y) => x - y);
	const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
	console.log(
		`two servers: ${latencies.length} reads in ${seconds.toFixed(1)} s by ${READERS} readers ` +
			`(${perServer.join(' + ')}) = ${(latencies.length / seconds).toFixed(0)} requests/s; ` +
			`p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; ` +
			`statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
			`${confirmed[0].length} + ${confirmed[1].length} confirmed saves, ${conflicts} refused as conflicts; ` +
			`import exit ${imported.code}`
	);

	expect(fivexx, 'no 5xx').toBe(0);
	expect(timeouts, 'no timed-out request').toBe(0);
	expect(failures.slice(0, 10), 'no failed request').toEqual([]);
	expect(Math.min(...perServer)).toBeGreaterThan(READERS * 4);
	expect(imported.code, imported.output).toBe(0);
	expect(imported.output).toContain(`${IMPORT_PAGES} imported (${IMPORT_PAGES} new)`);
	for (const server of servers)
		expect(server.stderr(), 'no server errors').not.toContain('"level":"error"');

	// No lost edit: every confirmed save is a revision, each moderator's in its order, no
	// refused save is one, and the record holds the last revision's title.
	expect(confirmed[0].length + confirmed[1].length).toBeGreaterThan(10);
	await Promise.all(servers.map((s) => s.stop()));
	const check = await openDatabase(location);
	try {
		const { revisions, current } = await titlesOf(check.db, editedId);
		const edits = revisions.filter((t) => t.includes(EDIT_MARK));
		expect(edits.filter((t) => t.includes(' M0 '))).toEqual(confirmed[0]);
		expect(edits.filter((t) => t.includes(' M1 '))).toEqual(confirmed[1]);
		expect(edits).toHaveLength(confirmed[0].length + confirmed[1].length);
		expect(current).toBe(edits.at(-1));
		const pages = await check.db
			.selectFrom('sources')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('file', 'like', '%page-%')
			.executeTakeFirstOrThrow();
		expect(Number(pages.n)).toBe(IMPORT_PAGES);
	} finally {
		await check.db.destroy();
	}
});
