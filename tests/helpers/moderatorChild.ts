/**
 * Test helper, run as a child process: a "moderator" saving edits as fast as it can, the way the
 * server saves them (same openDatabase, one updateRecord transaction per save).
 *
 * After each commit it prints `<record id> <version> <title>` on stdout — the moment a moderator's
 * browser would show "已保存". Crash tests kill it with SIGKILL at a random moment and then check
 * that every printed save is in the database. stdout to a pipe is synchronous on Linux, so a line
 * that was written has left this process before the next statement runs.
 *
 * Environment: DATABASE_PATH, RECORD_IDS (comma-separated), USER_ID, WRITES (stop after that many;
 * default: until killed).
 */
import { openDatabase } from '../../src/lib/server/db/index';
import { findRecordInput, updateRecord } from '../../src/lib/server/records';

const ids = (process.env.RECORD_IDS ?? '').split(',').filter(Boolean).map(Number);
const userId = Number(process.env.USER_ID);
const limit = Number(process.env.WRITES ?? Infinity);
if (!ids.length || !userId) {
	console.error('RECORD_IDS and USER_ID are required');
	process.exit(2);
}

const { db } = await openDatabase();
for (let n = 1; n <= limit; n++) {
	const id = ids[n % ids.length];
	const title = `第${n}次编辑`;
	const version = await db.transaction().execute(async (trx) => {
		const input = await findRecordInput(trx, id);
		if (!input) throw new Error(`record ${id} not found`);
		const current = await trx
			.selectFrom('records')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return updateRecord(
			trx,
			id,
			{ ...input, title },
			{ expectedVersion: current.version, userId, action: 'edit', humanEdited: true }
		);
	});
	process.stdout.write(`${id} ${version} ${title}\n`);
}
await db.destroy();
