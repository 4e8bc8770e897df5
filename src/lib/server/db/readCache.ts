import { AsyncLocalStorage } from 'node:async_hooks';
import { LruMap } from '../lru';
import type { DB } from './index';
import { dialectOf } from './dialect';

/**
 * A memo of read results per database connection, dropped the moment the database may have
 * changed — so a cached answer is always the answer the database would give now.
 *
 * "May have changed" is read from the database on every call, for the price of one tiny
 * statement, so every process holding a memo (several app servers, a CLI beside them) drops it
 * when any of them writes:
 * - SQLite: `PRAGMA data_version` moves when another connection (the import CLI, a restore,
 *   a second server) commits, and `total_changes()` moves with every row this connection
 *   writes (moderation saves run in the server's own connection).
 * - PostgreSQL: the `data_version` row, bumped by a trigger in the same transaction as every
 *   write to a content table (migration 0007), so it is visible exactly when the write is.
 * The stamp is read before the answer is computed, in an earlier statement: the answer can only
 * be newer than its stamp, never older, so a memo is never served after a write it missed. (A
 * memoised read made while computing another takes the outer one's stamp, see `within`.)
 * Popular pages — the home page's counts over a million records, a search everyone types —
 * then cost one look-up instead of the query.
 */
interface Memo {
	stamp: string;
	entries: LruMap<string, Promise<unknown>>;
}

const memos = new WeakMap<DB, Memo>();

/** Connections whose stamp has a faster way than a statement through Kysely. */
const directStamps = new WeakMap<DB, () => string | undefined>();

/**
 * Gives cachedRead a faster way to `db`'s stamp (on SQLite, dialect/sqlite.ts's
 * directChangeStamp); where it answers undefined, the stamp is read the usual way.
 */
export function readStampDirectly(db: DB, read: () => string | undefined): void {
	directStamps.set(db, read);
}

/** Entries kept per connection; the least recently used goes first. */
export const READ_CACHE_SIZE = 500;

/** A value that changes whenever any process may have committed a write the memo depends on. */
export function changeStamp(db: DB): Promise<string> {
	return dialectOf(db).meta.changeStamp(db);
}

/**
 * The stamp of the memoised read being computed. A read inside it (a search's scan, inside the
 * search of one page) takes the same stamp instead of reading it again, while the memo is still
 * stored under it: a search read the stamp five times, and on SQLite each read is a statement
 * that takes the file's read lock (~20 µs). Its answer then is that of the moment the outer
 * read began, as the outer read's own statements are.
 */
const within = new AsyncLocalStorage<{ db: DB; stamp: string }>();

/**
 * The value `compute()` would return, from the memo when nothing was written since it was
 * stored. `key` must name everything the result depends on besides the database's content.
 * Results are shared between callers: treat them as read-only.
 *
 * The memo holds the computation, not only its result: callers that ask for the same key
 * while it runs share it. Pages 1 to 5 of a search asked at once (a crawler, a burst of
 * residents) otherwise each ran the same scan; with reads that wait for another thread or
 * PostgreSQL, a burst of requests is always in flight together.
 */
export async function cachedRead<T>(db: DB, key: string, compute: () => Promise<T>): Promise<T> {
	const outer = within.getStore();
	const stamp =
		outer?.db === db && memos.get(db)?.stamp === outer.stamp
			? outer.stamp
			: (directStamps.get(db)?.() ?? (await changeStamp(db)));
	let memo = memos.get(db);
	if (!memo || memo.stamp !== stamp) {
		memo = { stamp, entries: new LruMap(READ_CACHE_SIZE) };
		memos.set(db, memo);
	}
	const hit = memo.entries.get(key);
	if (hit !== undefined) return hit as Promise<T>;
	// Stored under the stamp read before computing: a write in between makes the next call miss.
	const value = within.run({ db, stamp }, compute);
	const entries = memo.entries;
	entries.set(key, value);
	// A failure is not remembered: the next call tries again.
	value.catch(() => entries.deleteIf(key, value));
	return value;
}

/** Forgets everything cached for `db` (benchmarks use it to time the work, not the memo). */
export function dropCachedReads(db: DB): void {
	memos.delete(db);
}
