import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { DB } from '../db';
import { dialectOf } from '../db/dialect';
import type { Session, SessionUser } from './types';

/**
 * Sessions the Lucia way (lucia-auth.com/sessions): the browser holds a random token; the
 * database holds only its SHA-256, so a leaked database cannot be replayed as cookies.
 */

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;
/** A session lives 30 days after its last extension. */
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used with less than this left is extended to a full lifetime again. */
export const SESSION_RENEW_BEFORE_MS = 15 * DAY;

/** 20 random bytes (160 bits) as 32 lower-case base32 characters, no padding. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored for a token: hex SHA-256. */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Sessions one user may hold at once. Signing in again (another phone, a cleared browser)
 * adds one; past the cap the oldest are ended, so forgotten sign-ins do not stay valid for
 * 30 days each without limit (16 were found for one user).
 */
export const MAX_SESSIONS_PER_USER = 10;

/**
 * Stores a new session for the user; the token itself is not stored. Ends the user's expired
 * sessions and, beyond MAX_SESSIONS_PER_USER, the oldest ones.
 */
export async function createSession(
	db: DB,
	token: string,
	userId: number,
	now = Date.now()
): Promise<Session> {
	const session: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now + SESSION_LIFETIME_MS)
	};
	const order = dialectOf(db).expr.sessionOrder();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('sessions')
			.values({ id: session.id, user_id: userId, expires_at: session.expiresAt.getTime() })
			.execute();
		await trx
			.deleteFrom('sessions')
			.where('user_id', '=', userId)
			.where((eb) =>
				eb.or([
					eb('expires_at', '<=', now),
					// Insertion order, exact even for sign-ins within one millisecond.
					eb(
						order,
						'not in',
						sql<number>`(select ${order} from sessions where user_id = ${userId}
							order by ${order} desc limit ${MAX_SESSIONS_PER_USER})`
					)
				])
			)
			.execute();
	});
	return session;
}

/** A session as its user sees it in the list of their sign-ins. */
export interface SessionSummary {
	id: string;
	createdAt: string;
	expiresAt: Date;
}

/** The user's sessions that are still valid, newest sign-in first. */
export async function listUserSessions(
	db: DB,
	userId: number,
	now = Date.now()
): Promise<SessionSummary[]> {
	const rows = await db
		.selectFrom('sessions')
		.select(['id', 'created_at', 'expires_at'])
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.orderBy(dialectOf(db).expr.sessionOrder(), 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		createdAt: r.created_at,
		expiresAt: new Date(r.expires_at)
	}));
}

/** Ends one of the user's own sessions; false when it is not theirs (or already ended). */
export async function endUserSession(db: DB, userId: number, sessionId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('sessions')
		.where('id', '=', sessionId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export type SessionValidationResult =
	| { session: Session; user: SessionUser; fresh: boolean }
	| { session: null; user: null; fresh: false };

/**
 * The session and user for a token, or nulls when the token is unknown, expired or its user
 * disabled (expired and disabled sessions are deleted). A session with less than 15 days left
 * is extended to 30 days; `fresh` then tells the caller to send the cookie again.
 */
export async function validateSessionToken(
	db: DB,
	token: string,
	now = Date.now()
): Promise<SessionValidationResult> {
	const none = { session: null, user: null, fresh: false } as const;
	const id = sessionIdOf(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id',
			'sessions.user_id',
			'sessions.expires_at',
			'users.username',
			'users.role',
			'users.disabled'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return none;
	if (now >= row.expires_at || row.disabled) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return none;
	}
	const session: Session = { id, userId: row.user_id, expiresAt: new Date(row.expires_at) };
	let fresh = false;
	if (row.expires_at - now < SESSION_RENEW_BEFORE_MS) {
		session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db
			.updateTable('sessions')
			.set({ expires_at: session.expiresAt.getTime() })
			.where('id', '=', id)
			.execute();
		fresh = true;
	}
	return { session, user: { id: row.user_id, username: row.username, role: row.role }, fresh };
}

/** Ends one session (logout). */
export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, except optionally the one in use (password change). */
export async function invalidateUserSessions(
	db: DB,
	userId: number,
	exceptSessionId?: string
): Promise<void> {
	let q = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
	await q.execute();
}

/** Removes expired sessions (housekeeping; validation ignores them anyway). */
export async function deleteExpiredSessions(db: DB, now = Date.now()): Promise<void> {
	await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

interface CookieEvent {
	cookies: Cookies;
	url: URL;
}

/** Sends the session cookie: HttpOnly, SameSite=Lax, Secure over https, whole site. */
export function setSessionTokenCookie(event: CookieEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

/** Clears the session cookie in the browser. */
export function deleteSessionTokenCookie(event: CookieEvent): void {
	event.cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: 0,
		path: '/'
	});
}
