/**
 * Test helper, run as a child process: an app server answering ID-number searches from one
 * address as fast as it can, the way the search page asks (allowIdSearch). Prints `ready`, waits
 * for a line on stdin (so two children start together), then one line per search: `1` allowed,
 * `0` refused.
 *
 * Environment: DATABASE_PATH (or DATABASE_URL), ADDRESS, SEARCHES, NOW (unix ms).
 */
import { once } from 'node:events';
import { allowIdSearch } from '../../src/lib/server/auth/rateLimit';
import { openDatabase } from '../../src/lib/server/db/index';

const { db } = await openDatabase();
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const now = Number(process.env.NOW);
for (let i = 0; i < Number(process.env.SEARCHES); i++) {
	const allowed = await allowIdSearch(db, process.env.ADDRESS!, now + i);
	process.stdout.write(`${allowed ? 1 : 0}\n`);
}
await db.destroy();
process.exit(0);
