import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from '../db';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from './rateLimit';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import {
	authenticate,
	createUser,
	LastAdminError,
	setUserDisabled,
	setUserPassword,
	setUserRole,
	UsernameTakenError
} from './users';

const T0 = Date.UTC(2026, 0, 1);
let db: DB;
let userId: number;

beforeEach(async () => {
	({ db } = await openTestDatabase());
	userId = await createUser(db, { username: 'mod', password: 'right-password', role: 'moderator' });
});
afterEach(() => db.destroy());

const attempt = (username: string, password: string, ip = '10.0.0.1', now = T0) =>
	authenticate(db, { username, password, ip }, now);

describe('authenticate', () => {
	it('signs in with the right password, case-insensitively for the name', async () => {
		expect(await attempt(' MOD ', 'right-password')).toEqual({
			ok: true,
			user: { id: userId, username: 'mod', role: 'moderator' }
		});
	});

	it('answers a wrong password and an unknown user the same way', async () => {
		const wrong = await attempt('mod', 'wrong-password');
		const unknown = await attempt('nobody', 'wrong-password');
		expect(wrong).toMatchObject({ ok: false, reason: 'invalid' });
		expect(unknown).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('refuses the 11th attempt within 15 minutes even with the right password', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
			expect(await attempt('mod', `wrong-${i}`, '10.0.0.1', T0 + i)).toMatchObject({
				reason: 'invalid'
			});
		}
		expect(await attempt('mod', 'right-password', '10.0.0.2', T0 + 100)).toEqual({
			ok: false,
			reason: 'throttled'
		});
		// Throttled attempts are not counted, and the window slides: 15 minutes after the
		// failures the account can sign in again.
		expect(
			await attempt('mod', 'right-password', '10.0.0.2', T0 + LOGIN_WINDOW_MS + 10)
		).toMatchObject({ ok: true });
	});

	it('throttles an unknown name exactly like a real one', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await attempt('ghost', 'x', '10.0.0.1');
		expect(await attempt('ghost', 'x', '10.0.0.3')).toEqual({ ok: false, reason: 'throttled' });
	});

	it('limits failures per address across many names', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await attempt(`user${i}`, 'x', '10.9.9.9');
		expect(await attempt('mod', 'right-password', '10.9.9.9')).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect(await attempt('mod', 'right-password', '10.0.0.1')).toMatchObject({ ok: true });
	});

	it('forgives an account’s failures after a successful sign-in', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await attempt('mod', 'wrong');
		expect(await attempt('mod', 'right-password')).toMatchObject({ ok: true });
		for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await attempt('mod', 'wrong');
		expect(await attempt('mod', 'right-password')).toMatchObject({ ok: true });
	});

	it('refuses disabled accounts with the same answer', async () => {
		await setUserDisabled(db, userId, true);
		expect(await attempt('mod', 'right-password')).toMatchObject({ ok: false, reason: 'invalid' });
	});
});

describe('accounts', () => {
	it('refuses a second account with the same name', async () => {
		await expect(
			createUser(db, { username: 'mod', password: 'another-password', role: 'admin' })
		).rejects.toBeInstanceOf(UsernameTakenError);
	});

	it('a password change ends the user’s other sessions, a reset ends all', async () => {
		const [a, b] = [generateSessionToken(), generateSessionToken()];
		const current = await createSession(db, a, userId);
		await createSession(db, b, userId);
		await setUserPassword(db, userId, 'new-password-1', current.id);
		expect((await validateSessionToken(db, a)).session).not.toBeNull();
		expect((await validateSessionToken(db, b)).session).toBeNull();
		expect(await attempt('mod', 'right-password')).toMatchObject({ ok: false });
		expect(await attempt('mod', 'new-password-1')).toMatchObject({ ok: true });
		await setUserPassword(db, userId, 'new-password-2');
		expect((await validateSessionToken(db, a)).session).toBeNull();
	});

	it('disabling an account ends its sessions', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId);
		await setUserDisabled(db, userId, true);
		expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
	});
});

describe('setUserRole', () => {
	it('promotes and demotes, and the next session check sees the new role', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		const admin = await createUser(db, {
			username: 'boss',
			password: 'right-password',
			role: 'admin'
		});
		await setUserRole(db, userId, 'admin');
		expect((await validateSessionToken(db, token, T0 + 1000)).user?.role).toBe('admin');
		await setUserRole(db, admin, 'moderator');
		expect((await attempt('boss', 'right-password')).ok).toBe(true);
		await setUserRole(db, userId, 'admin');
	});

	it('never leaves the site without an active admin', async () => {
		const admin = await createUser(db, {
			username: 'boss',
			password: 'right-password',
			role: 'admin'
		});
		await expect(setUserRole(db, admin, 'moderator')).rejects.toThrow(LastAdminError);
		// A disabled admin does not count.
		const other = await createUser(db, {
			username: 'boss2',
			password: 'right-password',
			role: 'admin'
		});
		await setUserDisabled(db, other, true);
		await expect(setUserRole(db, admin, 'moderator')).rejects.toThrow(
			'至少要保留一个可用的系统管理员'
		);
	});
});
