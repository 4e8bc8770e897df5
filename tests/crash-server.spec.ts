/**
 * Crash safety of the real server: `node build` (no wrapper process, so SIGKILL hits the process
 * that writes) on a temporary database; a moderator saves edits over HTTP in a loop, each save
 * counted as confirmed when its 303 arrives; the server is killed with SIGKILL at a random moment.
 * Then: PRAGMA integrity_check is ok, every confirmed save is in the database (an unconfirmed one
 * in flight may or may not be), and the server starts again on the same file (/healthz 200).
 */
import { expect, test } from '@playwright/test';
import { E2E_RECORDS } from './fixtures/records';
import { E2E_ACCOUNTS } from './fixtures/seed';
import {
	integrityCheck,
	prepareDatabase,
	recordIdByTitle,
	removeDir,
	saveEdit,
	signInHttp,
	startServer,
	titlesOf,
	type Server
} from './fixtures/server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 12;

let server: Server | undefined;
let dir: string | undefined;
test.afterAll(async () => {
	await server?.stop();
	if (dir) removeDir(dir);
});

test('kill -9 of the server during moderator saves loses no confirmed save', async () => {
	test.setTimeout(90_000);
	const db = await prepareDatabase('crash-server');
	dir = db.dir;
	const id = recordIdByTitle(db.path, E2E_RECORDS.hotline.title);
	const record = E2E_RECORDS.hotline;

	server = await startServer({ port: PORT, databasePath: db.path, env: { LOG_REQUESTS: '0' } });
	const killed = server;
	const session = await signInHttp(server.url, E2E_ACCOUNTS.moderator);

	const confirmed: string[] = [];
	let inFlight: string | undefined;
	let phase = '';
	let stopped = false;
	let loopError: unknown;
	const writer = (async () => {
		for (let n = 1; !stopped; n++) {
			const title = `【测试】医保报销咨询电话 崩溃编辑第${n}次`;
			inFlight = title;
			try {
				const saved = await saveEdit(
					session,
					id,
					{
						kind: record.kind,
						title,
						district: record.district,
						name: record.fields.name,
						organization: record.fields.organization,
						hours: `第${n}次核对`,
						phones: '0731-28683507 咨询电话'
					},
					{ follow: false, onPhase: (p) => (phase = p) }
				);
				expect(saved, 'one moderator never conflicts with itself').toBe(true);
				confirmed.push(title);
				inFlight = undefined;
			} catch (e) {
				if (!stopped) loopError = e;
				return;
			}
		}
	})();

	// Kill at a random moment once saves are flowing, 0.5–3 s after the first confirmation.
	await expect.poll(() => confirmed.length, { timeout: 15_000 }).toBeGreaterThan(0);
	const delay = 500 + Math.round(Math.random() * 2500);
	await new Promise((r) => setTimeout(r, delay));
	expect(loopError, 'saves must run without error until the kill').toBeUndefined();
	stopped = true;
	const killedWhile = inFlight ? `${phase} for “${inFlight}”` : 'between two saves';
	killed.process.kill('SIGKILL');
	expect(await killed.exited, 'the server died of the signal').toBeNull();
	await writer;

	expect(integrityCheck(db.path)).toBe('ok');
	const { revisions, current } = titlesOf(db.path, id);
	const edits = revisions.filter((t) => t.includes('崩溃编辑'));
	// Every confirmed save, in order; at most the one in flight beyond them (committed, but its
	// 303 never arrived).
	expect(edits.slice(0, confirmed.length)).toEqual(confirmed);
	const extra = edits.slice(confirmed.length);
	expect(extra.length).toBeLessThanOrEqual(1);
	if (extra.length) expect(extra[0]).toBe(inFlight);
	expect(current).toBe(edits.at(-1));
	console.log(
		`crash-server: SIGKILL ${delay} ms after the first confirmed save, ${killedWhile}; ` +
			`${confirmed.length} confirmed saves before it, all kept; the save in flight was ` +
			(extra.length ? 'committed (its 303 never arrived)' : 'not committed')
	);

	// The server comes back on the same file.
	server = await startServer({ port: PORT, databasePath: db.path, env: { LOG_REQUESTS: '0' } });
	const health = await fetch(`${server.url}/healthz`);
	expect(health.status).toBe(200);
	const page = await fetch(`${server.url}/records/${id}`);
	expect(page.status).toBe(200);
	expect(await page.text()).toContain(current);
});
