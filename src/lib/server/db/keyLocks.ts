import type { Transaction } from 'kysely';
import type { DB } from './index';
import type { Database } from './schema';

/** Lock rows untouched this long are deleted (one row per address or phone seen lately). */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Runs `fn` in a transaction that first takes a lock on each key (an address, a phone), so a
 * check-then-write on those keys — count an address's recent posts, then add one — runs one at
 * a time even when the requests land on different app servers.
 *
 * How: the transaction upserts the key's row in `key_locks`. PostgreSQL keeps that row locked
 * until commit, so a second transaction on the same key waits at its upsert and then, reading
 * committed data statement by statement, counts the first one's write. SQLite's transactions
 * (BEGIN IMMEDIATE, db/index.ts) already run one at a time; the upsert costs one row there.
 * Keys are taken in sorted order, so two transactions locking the same pair cannot deadlock.
 */
export async function withKeyLocks<T>(
	db: DB,
	keys: readonly string[],
	fn: (trx: Transaction<Database>) => Promise<T>,
	now = Date.now()
): Promise<T> {
	return db.transaction().execute(async (trx) => {
		for (const key of [...new Set(keys)].sort()) {
			await trx
				.insertInto('key_locks')
				.values({ key, locked_at: now })
				.onConflict((oc) => oc.column('key').doUpdateSet({ locked_at: now }))
				.execute();
		}
		const result = await fn(trx);
		await trx
			.deleteFrom('key_locks')
			.where('locked_at', '<', now - KEEP_MS)
			.execute();
		return result;
	});
}
