import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import {
	createSession,
	endUserSession,
	generateSessionToken,
	listUserSessions,
	MAX_SESSIONS_PER_USER,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	sessionIdOf,
	validateSessionToken
} from './session';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

let db: DB;
let userId: number;

beforeEach(async () => {
	({ db } = await openTestDatabase());
	({ id: userId } = await db
		.insertInto('users')
		.values({ username: 'mod', password_hash: 'x', role: 'moderator' })
		.returning('id')
		.executeTakeFirstOrThrow());
});
afterEach(() => db.destroy());

describe('generateSessionToken', () => {
	it('is 160 random bits as 32 lower-case base32 characters', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/);
		// 32 base32 characters carry 5 bits each: 160 ≥ 120 bits of entropy.
		expect(32 * 5).toBeGreaterThanOrEqual(120);
	});
});

describe('sessions', () => {
	it('stores only the SHA-256 of the token', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, T0);
		expect(session.id).toBe(sessionIdOf(token));
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		const rows = await db.selectFrom('sessions').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(rows[0].expires_at).toBe(T0 + 30 * DAY);
	});

	it('validates a token to its user and session', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		const result = await validateSessionToken(db, token, T0 + DAY);
		expect(result.user).toEqual({ id: userId, username: 'mod', role: 'moderator' });
		expect(result.session?.userId).toBe(userId);
		expect(result.fresh).toBe(false);
		expect(result.session?.expiresAt.getTime()).toBe(T0 + 30 * DAY);
	});

	it('refuses unknown tokens and the stored hash used as a token', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, T0);
		expect((await validateSessionToken(db, generateSessionToken(), T0)).session).toBeNull();
		expect((await validateSessionToken(db, session.id, T0)).session).toBeNull();
	});

	it('expires after 30 days without use and deletes the row', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		const result = await validateSessionToken(db, token, T0 + SESSION_LIFETIME_MS);
		expect(result).toEqual({ session: null, user: null, fresh: false });
		expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
	});

	it('is extended to 30 days when used with less than 15 days left', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		// 14 days in: 16 days left, no extension.
		let result = await validateSessionToken(db, token, T0 + 14 * DAY);
		expect(result.fresh).toBe(false);
		// 16 days in: 14 days left, extended to 30 days from now.
		const at = T0 + 16 * DAY;
		result = await validateSessionToken(db, token, at);
		expect(result.fresh).toBe(true);
		expect(result.session?.expiresAt.getTime()).toBe(at + 30 * DAY);
		const row = await db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow();
		expect(row.expires_at).toBe(at + 30 * DAY);
		// So it is still valid 40 days after creation.
		expect((await validateSessionToken(db, token, T0 + 40 * DAY)).session).not.toBeNull();
	});

	it('ends on logout', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, T0);
		await invalidateSession(db, session.id);
		expect((await validateSessionToken(db, token, T0)).session).toBeNull();
	});

	it('ends all of a user’s sessions except the one kept', async () => {
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const kept = await createSession(db, a, userId, T0);
		await createSession(db, b, userId, T0);
		await createSession(db, c, userId, T0);
		await invalidateUserSessions(db, userId, kept.id);
		expect((await validateSessionToken(db, a, T0)).session).not.toBeNull();
		expect((await validateSessionToken(db, b, T0)).session).toBeNull();
		expect((await validateSessionToken(db, c, T0)).session).toBeNull();
		await invalidateUserSessions(db, userId);
		expect((await validateSessionToken(db, a, T0)).session).toBeNull();
	});

	it('refuses the sessions of a disabled user', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		await db.updateTable('users').set({ disabled: 1 }).where('id', '=', userId).execute();
		expect((await validateSessionToken(db, token, T0)).session).toBeNull();
	});
});

describe('sessions per user', () => {
	it(`keeps at most ${MAX_SESSIONS_PER_USER}: signing in again ends the oldest`, async () => {
		const tokens = Array.from({ length: MAX_SESSIONS_PER_USER + 6 }, generateSessionToken);
		for (const [i, token] of tokens.entries()) await createSession(db, token, userId, T0 + i);
		const listed = await listUserSessions(db, userId, T0 + 100);
		expect(listed.map((s) => s.id)).toEqual(
			tokens.slice(-MAX_SESSIONS_PER_USER).reverse().map(sessionIdOf)
		);
		for (const token of tokens.slice(0, 6))
			expect((await validateSessionToken(db, token, T0 + 100)).session).toBeNull();
		expect((await validateSessionToken(db, tokens.at(-1)!, T0 + 100)).session).not.toBeNull();
	});

	it('counts each user apart, and drops expired sessions', async () => {
		const { id: other } = await db
			.insertInto('users')
			.values({ username: 'other', password_hash: 'x', role: 'moderator' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const theirs = generateSessionToken();
		await createSession(db, theirs, other, T0);
		const old = generateSessionToken();
		await createSession(db, old, userId, T0);
		for (let i = 0; i < MAX_SESSIONS_PER_USER; i++)
			await createSession(db, generateSessionToken(), userId, T0 + SESSION_LIFETIME_MS + i);
		expect(await listUserSessions(db, other, T0 + 1)).toHaveLength(1);
		expect((await listUserSessions(db, userId, T0 + SESSION_LIFETIME_MS + 50)).length).toBe(
			MAX_SESSIONS_PER_USER
		);
		const ids = await db.selectFrom('sessions').select('id').execute();
		expect(ids.map((r) => r.id)).not.toContain(sessionIdOf(old));
	});

	it('lets a user end only their own sessions', async () => {
		const { id: other } = await db
			.insertInto('users')
			.values({ username: 'other', password_hash: 'x', role: 'moderator' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const mine = generateSessionToken();
		const theirs = generateSessionToken();
		await createSession(db, mine, userId, T0);
		await createSession(db, theirs, other, T0);
		expect(await endUserSession(db, userId, sessionIdOf(theirs))).toBe(false);
		expect((await validateSessionToken(db, theirs, T0 + 1)).session).not.toBeNull();
		expect(await endUserSession(db, userId, sessionIdOf(mine))).toBe(true);
		expect((await validateSessionToken(db, mine, T0 + 1)).session).toBeNull();
	});
});
