import * as v from 'valibot';
import type { DB } from '../db';
import type { Role } from '../db/schema';
import {
	dummyPasswordHash,
	hashPassword,
	MAX_PASSWORD_LENGTH,
	MIN_PASSWORD_LENGTH,
	needsRehash,
	verifyPassword
} from './password';
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from './rateLimit';
import { invalidateUserSessions } from './session';
import type { SessionUser } from './types';

/** Account names: 3–32 lower-case letters, digits, dot, dash or underscore. */
export const UsernameSchema = v.pipe(
	v.string('请填写用户名'),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty('请填写用户名'),
	v.regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, '用户名只能用 3–32 个小写字母、数字、点、横线或下划线')
);

/** A new password: at least 10 characters (length beats complexity rules, NIST SP 800-63B). */
export const NewPasswordSchema = v.pipe(
	v.string('请填写密码'),
	v.minLength(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`),
	v.maxLength(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`)
);

/** The two roles: admins also manage accounts, read the log and hard-delete. */
export const RoleSchema = v.picklist(['admin', 'moderator'], '请选择角色');

/** Thrown by createUser when the name is taken. */
export class UsernameTakenError extends Error {
	constructor(readonly username: string) {
		super(`username ${username} is taken`);
	}
}

export interface UserSummary {
	id: number;
	username: string;
	role: Role;
	disabled: boolean;
	createdAt: string;
	updatedAt: string;
}

/** Creates an account; throws UsernameTakenError when the name exists. */
export async function createUser(
	db: DB,
	input: { username: string; password: string; role: Role }
): Promise<number> {
	const passwordHash = await hashPassword(input.password);
	const taken = await db
		.selectFrom('users')
		.select('id')
		.where('username', '=', input.username)
		.executeTakeFirst();
	if (taken) throw new UsernameTakenError(input.username);
	const { id } = await db
		.insertInto('users')
		.values({ username: input.username, password_hash: passwordHash, role: input.role })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Every account, admins first. */
export async function listUsers(db: DB): Promise<UserSummary[]> {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'username', 'role', 'disabled', 'created_at', 'updated_at'])
		.orderBy('role')
		.orderBy('username')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		username: r.username,
		role: r.role,
		disabled: r.disabled === 1,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	}));
}

/** One account, or undefined. */
export async function findUserById(db: DB, id: number): Promise<UserSummary | undefined> {
	const r = await db
		.selectFrom('users')
		.select(['id', 'username', 'role', 'disabled', 'created_at', 'updated_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	return (
		r && {
			id: r.id,
			username: r.username,
			role: r.role,
			disabled: r.disabled === 1,
			createdAt: r.created_at,
			updatedAt: r.updated_at
		}
	);
}

/** Another admin must remain: refused when this change would leave no active admin. */
export class LastAdminError extends Error {}

/**
 * Changes an account's role. Refused (LastAdminError) when it would leave no active admin. The
 * user's sessions stay: each request reads the role afresh, so the change applies at once.
 */
export async function setUserRole(db: DB, userId: number, role: Role): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (role !== 'admin') {
			const others = await trx
				.selectFrom('users')
				.select('id')
				.where('role', '=', 'admin')
				.where('disabled', '=', 0)
				.where('id', '!=', userId)
				.limit(1)
				.executeTakeFirst();
			if (!others) throw new LastAdminError('至少要保留一个可用的系统管理员');
		}
		await trx
			.updateTable('users')
			.set({ role, updated_at: new Date().toISOString() })
			.where('id', '=', userId)
			.execute();
	});
}

/** Disables (or re-enables) an account; disabling also ends all its sessions. */
export async function setUserDisabled(db: DB, userId: number, disabled: boolean): Promise<void> {
	await db
		.updateTable('users')
		.set({ disabled: disabled ? 1 : 0, updated_at: new Date().toISOString() })
		.where('id', '=', userId)
		.execute();
	if (disabled) await invalidateUserSessions(db, userId);
}

/**
 * Sets a new password and ends the user's other sessions: all of them after an admin's reset,
 * all but the current one when users change their own password.
 */
export async function setUserPassword(
	db: DB,
	userId: number,
	password: string,
	keepSessionId?: string
): Promise<void> {
	const passwordHash = await hashPassword(password);
	await db
		.updateTable('users')
		.set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
		.where('id', '=', userId)
		.execute();
	await invalidateUserSessions(db, userId, keepSessionId);
}

/** True when the password is the user's current one (for "change my password"). */
export async function checkUserPassword(
	db: DB,
	userId: number,
	password: string
): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', userId)
		.executeTakeFirst();
	return row ? verifyPassword(row.password_hash, password) : false;
}

export type AuthenticationResult =
	| { ok: true; user: SessionUser }
	| { ok: false; reason: 'throttled' }
	| { ok: false; reason: 'invalid'; userId: number | null };

/**
 * Checks a sign-in: throttling first (no password check at all when throttled), then the
 * password — against a dummy hash when the account is unknown or disabled, so the answer
 * and its timing do not tell whether an account exists. Failures are counted.
 */
export async function authenticate(
	db: DB,
	input: { username: string; password: string; ip: string },
	now = Date.now()
): Promise<AuthenticationResult> {
	const username = input.username.trim().toLowerCase();
	const attempt = { username, ip: input.ip };
	if (await isLoginThrottled(db, attempt, now)) return { ok: false, reason: 'throttled' };
	const row = await db
		.selectFrom('users')
		.select(['id', 'username', 'role', 'disabled', 'password_hash'])
		.where('username', '=', username)
		.executeTakeFirst();
	const usable = row && row.disabled === 0;
	const valid = await verifyPassword(
		usable ? row.password_hash : await dummyPasswordHash(),
		input.password
	);
	if (!usable || !valid) {
		await recordLoginFailure(db, attempt, now);
		return { ok: false, reason: 'invalid', userId: row?.id ?? null };
	}
	await clearLoginFailures(db, username);
	if (needsRehash(row.password_hash)) {
		await db
			.updateTable('users')
			.set({ password_hash: await hashPassword(input.password) })
			.where('id', '=', row.id)
			.execute();
	}
	return { ok: true, user: { id: row.id, username: row.username, role: row.role } };
}
