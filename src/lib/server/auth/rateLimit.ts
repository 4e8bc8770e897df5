import type { DB } from '../db';
import { withKeyLocks } from '../db/keyLocks';

/**
 * Sign-in throttling, stored in `login_attempts` so it survives restarts and holds across
 * processes. Only failures are stored: one row per failed attempt under two keys, the account
 * (`user:<name>`, whether or not it exists) and the client address (`ip:<address>`).
 * Note: an attacker can lock a known account for 15 minutes by failing on purpose; that is the
 * accepted price of stopping password guessing without CAPTCHAs or e-mail.
 */

/** The sliding window failures are counted in. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts per account within the window; the next attempt is refused. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Failed attempts per client address within the window (many accounts from one address). */
export const MAX_FAILURES_PER_IP = 50;

/** The one message for a wrong username or a wrong password: never say which. */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';
/** The message while throttled (the same for existing and unknown accounts). */
export const LOGIN_THROTTLED_MESSAGE = '尝试次数过多，请15分钟后再试';

export interface LoginAttemptKeys {
	/** As typed, trimmed and lower-cased (the same normalisation as at sign-in). */
	username: string;
	ip: string;
}

function keysOf({ username, ip }: LoginAttemptKeys): { user: string; ip: string } {
	return { user: `user:${username}`, ip: `ip:${ip}` };
}

async function failuresSince(db: DB, key: string, since: number): Promise<number> {
	const row = await db
		.selectFrom('login_attempts')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('key', '=', key)
		.where('at', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * True when this sign-in must be refused before the password is even checked: the account
 * or the address used up its failures in the last 15 minutes.
 */
export async function isLoginThrottled(
	db: DB,
	attempt: LoginAttemptKeys,
	now = Date.now()
): Promise<boolean> {
	const keys = keysOf(attempt);
	const since = now - LOGIN_WINDOW_MS;
	return (
		(await failuresSince(db, keys.user, since)) >= MAX_FAILURES_PER_ACCOUNT ||
		(await failuresSince(db, keys.ip, since)) >= MAX_FAILURES_PER_IP
	);
}

/** Counts a failed sign-in against the account and the address; prunes expired rows. */
export async function recordLoginFailure(
	db: DB,
	attempt: LoginAttemptKeys,
	now = Date.now()
): Promise<void> {
	const keys = keysOf(attempt);
	await db.transaction().execute(async (trx) => {
		// Rows older than the window never count again: the table holds one window's failures.
		await trx
			.deleteFrom('login_attempts')
			.where('at', '<=', now - LOGIN_WINDOW_MS)
			.execute();
		await trx
			.insertInto('login_attempts')
			.values([
				{ key: keys.user, at: now },
				{ key: keys.ip, at: now }
			])
			.execute();
	});
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearLoginFailures(db: DB, username: string): Promise<void> {
	await db.deleteFrom('login_attempts').where('key', '=', `user:${username}`).execute();
}

/** The window ID-number searches are counted in. */
export const ID_SEARCH_WINDOW_MS = 60 * 60 * 1000;
/** ID-number searches per address within the window: an owner checks their notice a few times. */
export const MAX_ID_SEARCHES = 10;
/** The message when an address searched too many ID numbers. */
export const ID_SEARCH_THROTTLED_MESSAGE = '查询证件号码的次数过多，请1小时后再试';
/**
 * Counts one ID-number search from `address`; false when it is over the limit (refuse it).
 * Stored in `id_search_attempts`, so every app server on the database counts the same searches
 * (a per-process map let each of N servers allow its own 10), and a restart forgets nothing.
 * Refused searches are not stored: waiting out the window always works.
 * Note: only the whole number finds a notice (search/tokenize.ts), so what is limited here is
 * guessing the 8 masked digits of a number — a birth date, a few thousand guesses — one try at
 * a time. Memoised results are counted too: the limit is on asking, not on work.
 */
export async function allowIdSearch(
	db: DB,
	address: string,
	now = Date.now(),
	max = MAX_ID_SEARCHES
): Promise<boolean> {
	const key = `ip:${address}`;
	// The count and the insert run under the address's lock: two servers cannot both see 9.
	return withKeyLocks(
		db,
		[`id-search:${key}`],
		async (trx) => {
			await trx
				.deleteFrom('id_search_attempts')
				.where('at', '<=', now - ID_SEARCH_WINDOW_MS)
				.execute();
			const row = await trx
				.selectFrom('id_search_attempts')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('key', '=', key)
				.where('at', '>', now - ID_SEARCH_WINDOW_MS)
				.executeTakeFirstOrThrow();
			if (Number(row.n) >= max) return false;
			await trx.insertInto('id_search_attempts').values({ key, at: now }).execute();
			return true;
		},
		now
	);
}
