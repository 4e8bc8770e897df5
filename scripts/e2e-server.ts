/**
 * The server Playwright starts: the built app on a fresh temporary database holding the seed
 * pages and the e2e accounts (tests/fixtures/accounts.ts). Never used outside tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/index';
import { importFiles } from '../src/lib/server/importer';
import { seedE2eRecords } from '../tests/fixtures/records';
import { seedE2eAccounts } from '../tests/fixtures/seed';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-e2e-'));
const path = join(dir, 'e2e.db');
const { db } = await openDatabase(path);
await importFiles(db, ['seeds']);
await seedE2eAccounts(db);
await seedE2eRecords(db);
await db.destroy();

const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	// The same request body limit as production (scripts/start.ts).
	env: { ...process.env, DATABASE_PATH: path, E2E: '1', BODY_SIZE_LIMIT: '21M' }
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
	rmSync(dir, { recursive: true, force: true });
	process.exit(code ?? 0);
});
