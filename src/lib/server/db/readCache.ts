import { sql } from 'kysely';
import { LruMap } from '../lru';
import type { DB } from './index';
import { dialectOf } from './dialect';

/**
 * A memo of read results per database connection, dropped the moment the database may have
 * changed — so a cached answer is always the answer the database would give now.
 *
 * "May have changed" is read from SQLite itself on every call, for the price of one tiny
 * statement: `PRAGMA data_version` moves when another connection (the import CLI, a restore)
 * commits, and `total_changes()` moves with every row this connection writes (moderation
 * saves run in the server's own connection). Popular pages — the home page's counts over a
 * million records, a search everyone types — then cost one look-up instead of the query.
 */
interface Memo {
	stamp: string;
	entries: LruMap<string, unknown>;
}

const memos = new WeakMap<DB, Memo>();

/** Entries kept per connection; the least recently used goes first. */
export const READ_CACHE_SIZE = 500;

async function stampOf(db: DB): Promise<string> {
	const { rows } = await sql<{ v: number; c: number }>`
		select data_version as v, total_changes() as c from pragma_data_version`.execute(db);
	return `${rows[0].v}:${rows[0].c}`;
}

/**
 * The value `compute()` would return, from the memo when nothing was written since it was
 * stored. `key` must name everything the result depends on besides the database's content.
 * Results are shared between callers: treat them as read-only.
 */
export async function cachedRead<T>(db: DB, key: string, compute: () => Promise<T>): Promise<T> {
	// PostgreSQL has no data_version of its own: no memo there until a change counter shared by
	// every process exists (issue 18, branch pgops), rather than a memo that could be stale.
	if (dialectOf(db).name === 'postgres') return compute();
	const stamp = await stampOf(db);
	let memo = memos.get(db);
	if (!memo || memo.stamp !== stamp) {
		memo = { stamp, entries: new LruMap(READ_CACHE_SIZE) };
		memos.set(db, memo);
	}
	const hit = memo.entries.get(key);
	if (hit !== undefined) return hit as T;
	const value = await compute();
	// Stored under the stamp read before computing: a write in between makes the next call miss.
	memo.entries.set(key, value);
	return value;
}

/** Forgets everything cached for `db` (benchmarks use it to time the work, not the memo). */
export function dropCachedReads(db: DB): void {
	memos.delete(db);
}
