/**
 * The small in-process worker that runs page jobs (jobs.ts) one at a time, outside requests.
 * Started once by the server (hooks.server.ts `init`); an upload wakes it at once, otherwise it
 * looks for work every few seconds (a job queued by another process, e.g. a CLI).
 *
 * Several servers on one database each run a worker: the claim is atomic, so a job runs once;
 * a running job carries a heartbeat, and each poll re-queues only jobs whose heartbeat stopped
 * (their process died), so a job another live server is reading is never taken from it, and a
 * crashed server's job is picked up by any server still running.
 */
import type { DB } from '../db';
import { claimNextJob, recoverInterruptedJobs, runPageJob } from './jobs';

const IDLE_POLL_MS = 3000;

let db: DB | null = null;
let busy = false;
let timer: ReturnType<typeof setTimeout> | null = null;

async function drain(): Promise<void> {
	if (!db || busy) return;
	busy = true;
	try {
		await recover(db);
		for (let id = await claimNextJob(db); id !== undefined; id = await claimNextJob(db)) {
			await runPageJob(db, id);
		}
	} catch (error) {
		console.error(JSON.stringify({ level: 'error', worker: 'pages', error: String(error) }));
	} finally {
		busy = false;
		schedule(IDLE_POLL_MS);
	}
}

function schedule(ms: number) {
	if (timer) clearTimeout(timer);
	timer = setTimeout(() => void drain(), ms);
	// The worker never keeps a process alive by itself.
	timer.unref();
}

async function recover(database: DB): Promise<void> {
	const { requeued, failed } = await recoverInterruptedJobs(database);
	if (requeued || failed)
		console.error(JSON.stringify({ level: 'info', worker: 'pages', requeued, failed }));
}

/** Starts the worker once per process; interrupted jobs are re-queued or failed first. */
export async function startPageWorker(database: DB): Promise<void> {
	if (db) return;
	db = database;
	await recover(database);
	schedule(0);
}

/** Called after a job is queued, so it starts now rather than at the next poll. */
export function wakePageWorker(): void {
	if (db && !busy) schedule(0);
}
