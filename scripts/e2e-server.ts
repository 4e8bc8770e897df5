/**
 * The server Playwright starts: the built app on a fresh temporary database (SQLite, or a new
 * PostgreSQL database when DATABASE_URL is set) holding the seed pages and the e2e accounts
 * (tests/fixtures/accounts.ts). Never used outside tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/index';
import { createScratchPostgres, testingPostgres } from '../tests/helpers/database';
import { importFiles } from '../src/lib/server/importer';
import { seedE2eRecords } from '../tests/fixtures/records';
import { seedE2eAccounts } from '../tests/fixtures/seed';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-e2e-'));
// DATABASE_URL (npm run test:pg): a new database on that PostgreSQL server, dropped afterwards.
const scratch = testingPostgres() ? await createScratchPostgres(process.env.DATABASE_URL!) : null;
const location = scratch?.url ?? join(dir, 'e2e.db');
const { db } = await openDatabase(location);
await importFiles(db, ['seeds']);
await seedE2eAccounts(db);
await seedE2eRecords(db);
await db.destroy();

const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	// The same request body limit as production (scripts/start.ts).
	env: {
		...process.env,
		...(scratch ? { DATABASE_URL: scratch.url } : { DATABASE_PATH: location }),
		E2E: '1',
		BODY_SIZE_LIMIT: '21M'
	}
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
	rmSync(dir, { recursive: true, force: true });
	await scratch?.drop().catch(() => undefined);
	process.exit(code ?? 0);
});
