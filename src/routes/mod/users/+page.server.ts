import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { logAudit } from '$lib/server/audit';
import { requireAdmin } from '$lib/server/auth/guards';
import {
	createUser,
	findUserById,
	listUsers,
	NewPasswordSchema,
	RoleSchema,
	LastAdminError,
	setUserDisabled,
	setUserPassword,
	setUserRole,
	UsernameSchema,
	UsernameTakenError
} from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db';
import { flatErrors, IdField } from '$lib/server/forms';
import type { SessionUser } from '$lib/server/auth/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const CreateSchema = v.pipe(
	v.object({
		username: UsernameSchema,
		role: RoleSchema,
		password: NewPasswordSchema,
		confirm: v.string()
	}),
	v.forward(
		v.partialCheck(
			[['password'], ['confirm']],
			(i) => i.password === i.confirm,
			'两次输入的密码不一致'
		),
		['confirm']
	)
);
const UserSchema = v.object({ user: IdField });
const RoleChangeSchema = v.object({ user: IdField, role: RoleSchema });
const ResetSchema = v.object({ user: IdField, password: NewPasswordSchema });

export const load: PageServerLoad = async (event) => {
	const admin = requireAdmin(event);
	const { db } = await getDatabase();
	return {
		users: await listUsers(db),
		me: admin.id,
		done: event.url.searchParams.get('done'),
		who: event.url.searchParams.get('who')
	};
};

/** Disables or re-enables a moderator's account, with an audit entry. */
async function setDisabled(event: RequestEvent, admin: SessionUser, disabled: boolean) {
	const result = v.safeParse(UserSchema, formValues(await event.request.formData()));
	if (!result.success) return fail(400, { message: '操作无效，请刷新后重试' });
	if (disabled && result.output.user === admin.id)
		return fail(400, { message: '不能停用自己的账号' });
	const { db } = await getDatabase();
	const target = await findUserById(db, result.output.user);
	if (!target) return fail(404, { message: '没有这个账号' });
	await setUserDisabled(db, target.id, disabled);
	await logAudit(db, {
		user: admin,
		action: disabled ? 'user-disable' : 'user-enable',
		targetType: 'user',
		targetId: target.id,
		detail: { username: target.username },
		ip: event.getClientAddress()
	});
	redirect(
		303,
		`/mod/users?done=${disabled ? 'disabled' : 'enabled'}&who=${encodeURIComponent(target.username)}`
	);
}

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const form = formValues(await event.request.formData());
		const values = { username: form.username ?? '', role: form.role ?? 'moderator' };
		const result = v.safeParse(CreateSchema, form);
		if (!result.success)
			return fail(400, { create: { values, errors: flatErrors(result.issues) } });
		const { db } = await getDatabase();
		let id: number;
		try {
			id = await createUser(db, result.output);
		} catch (e) {
			if (e instanceof UsernameTakenError)
				return fail(400, {
					create: { values, errors: { username: '这个用户名已被使用' } as Record<string, string> }
				});
			throw e;
		}
		await logAudit(db, {
			user: admin,
			action: 'user-create',
			targetType: 'user',
			targetId: id,
			detail: { username: result.output.username, role: result.output.role },
			ip: event.getClientAddress()
		});
		redirect(303, `/mod/users?done=created&who=${encodeURIComponent(result.output.username)}`);
	},
	disable: async (event) => {
		const admin = requireAdmin(event);
		return setDisabled(event, admin, true);
	},
	enable: async (event) => {
		const admin = requireAdmin(event);
		return setDisabled(event, admin, false);
	},
	role: async (event) => {
		const admin = requireAdmin(event);
		const result = v.safeParse(RoleChangeSchema, formValues(await event.request.formData()));
		if (!result.success) return fail(400, { message: '操作无效，请刷新后重试' });
		if (result.output.user === admin.id)
			return fail(400, { message: '不能更改自己的角色，请让另一位系统管理员操作' });
		const { db } = await getDatabase();
		const target = await findUserById(db, result.output.user);
		if (!target) return fail(404, { message: '没有这个账号' });
		if (target.role !== result.output.role) {
			try {
				await setUserRole(db, target.id, result.output.role);
			} catch (e) {
				if (e instanceof LastAdminError) return fail(400, { message: e.message });
				throw e;
			}
			await logAudit(db, {
				user: admin,
				action: 'user-role',
				targetType: 'user',
				targetId: target.id,
				detail: { username: target.username, from: target.role, to: result.output.role },
				ip: event.getClientAddress()
			});
		}
		redirect(303, `/mod/users?done=role&who=${encodeURIComponent(target.username)}`);
	},
	reset: async (event) => {
		const admin = requireAdmin(event);
		const form = formValues(await event.request.formData());
		const result = v.safeParse(ResetSchema, form);
		if (!result.success)
			return fail(400, {
				reset: { user: form.user, error: flatErrors(result.issues).password ?? '操作无效' }
			});
		const { db } = await getDatabase();
		const target = await findUserById(db, result.output.user);
		if (!target) return fail(404, { message: '没有这个账号' });
		// All of the user's sessions end, including the admin's own when resetting their own.
		await setUserPassword(db, target.id, result.output.password);
		await logAudit(db, {
			user: admin,
			action: 'user-reset',
			targetType: 'user',
			targetId: target.id,
			detail: { username: target.username },
			ip: event.getClientAddress()
		});
		redirect(303, `/mod/users?done=reset&who=${encodeURIComponent(target.username)}`);
	}
};
