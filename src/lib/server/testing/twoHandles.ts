import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../db';

/**
 * Two independent handles on one fresh migrated database, as two app servers (or a server and
 * a CLI) have: nothing held in one process's memory is seen by the other, only the database.
 */
export async function openTwoHandles(): Promise<{
	a: DB;
	b: DB;
	/** What a child process needs in its environment to open the same database. */
	env: Record<string, string>;
	close: () => Promise<void>;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'bianmin-two-'));
	const path = join(dir, 'shared.db');
	const { db: a } = await openDatabase(path);
	const { db: b } = await openDatabase(path);
	return {
		a,
		b,
		env: { DATABASE_PATH: path },
		close: async () => {
			await a.destroy();
			await b.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
