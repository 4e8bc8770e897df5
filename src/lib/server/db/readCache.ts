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
 *   writes (moderation saves run in the server's own connection). On the server's direct path
 *   data_version is read at most every 10 ms (dialect/sqlite.ts, directChangeStamp): another
 *   process's write reaches the memo within that, this process's own writes at once.
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
	/**
	 * Reads not to be kept (keep: 'repeated') while they run: outside `entries`, so they push
	 * nothing out of it.
	 */
	running: Map<string, Promise<unknown>>;
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

/**
 * Keys of `keep: 'repeated'` reads asked for lately, per connection (the last READ_CACHE_SIZE
 * of them): a read asked for again among them is kept.
 */
const askedLately = new WeakMap<DB, LruMap<string, true>>();

/** Whether `key` was asked for lately (see askedLately); it now was. */
function askedBefore(db: DB, key: string): boolean {
	let lately = askedLately.get(db);
	if (!lately) askedLately.set(db, (lately = new LruMap(READ_CACHE_SIZE)));
	const before = lately.get(key) !== undefined;
	lately.set(key, true);
	return before;
}

export interface CachedReadOptions {
	/**
	 * 'always' (the default): the answer is kept until a write or until it is the least
	 * recently used. 'repeated': it is kept only when the same key was asked for among the last
	 * READ_CACHE_SIZE keys read this way, the answers that the memo could serve again; the others
	 * are shared only while they are computed.
	 *
	 * For a whole search page: most are asked for once (each query, each page of it), and
	 * keeping every one in the memo cost more than it saved. Kept, an answer lives until 500
	 * other entries push it out, long enough for V8 to move it to the old generation, which is
	 * then collected by a full mark-compact. At a million records the search mix ran at
	 * 393–501 req/s keeping every page and 543–621 keeping none (server CPU 2.8–3.5 against
	 * 2.1–2.3 ms a request). A page asked for again soon (a popular query) is kept from its
	 * second request on.
	 */
	keep?: 'always' | 'repeated';
}

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
export async function cachedRead<T>(
	db: DB,
	key: string,
	compute: () => Promise<T>,
	{ keep = 'always' }: CachedReadOptions = {}
): Promise<T> {
	const outer = within.getStore();
	const stamp =
		outer?.db === db && memos.get(db)?.stamp === outer.stamp
			? outer.stamp
			: (directStamps.get(db)?.() ?? (await changeStamp(db)));
	let memo = memos.get(db);
	if (!memo || memo.stamp !== stamp) {
		memo = { stamp, entries: new LruMap(READ_CACHE_SIZE), running: new Map() };
		memos.set(db, memo);
	}
	const hit = memo.entries.get(key) ?? memo.running.get(key);
	if (hit !== undefined) return hit as Promise<T>;
	// Stored under the stamp read before computing: a write in between makes the next call miss.
	const value = within.run({ db, stamp }, compute);
	if (keep === 'repeated' && !askedBefore(db, key)) {
		// Not asked for lately: shared by the calls that come while it runs, then let go.
		const running = memo.running;
		running.set(key, value);
		const forget = () => {
			if (running.get(key) === value) running.delete(key);
		};
		value.then(forget, forget);
		return value;
	}
	const entries = memo.entries;
	entries.set(key, value);
	// A failure is not remembered: the next call tries again.
	value.catch(() => entries.deleteIf(key, value));
	return value;
}

/** Forgets everything cached for `db` (benchmarks use it to time the work, not the memo). */
export function dropCachedReads(db: DB): void {
	memos.delete(db);
	askedLately.delete(db);
}
