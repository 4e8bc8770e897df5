import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { logAudit } from '$lib/server/audit';
import { requireModerator } from '$lib/server/auth/guards';
import { checkUserPassword, NewPasswordSchema, setUserPassword } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db';
import { flatErrors } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const ChangeSchema = v.pipe(
	v.object({
		current: v.pipe(v.string('请填写当前密码'), v.nonEmpty('请填写当前密码')),
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

export const load: PageServerLoad = (event) => {
	const user = requireModerator(event);
	return { username: user.username, done: event.url.searchParams.has('done') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireModerator(event);
		const result = v.safeParse(ChangeSchema, formValues(await event.request.formData()));
		if (!result.success) return fail(400, { errors: flatErrors(result.issues) });
		const { db } = await getDatabase();
		if (!(await checkUserPassword(db, user.id, result.output.current)))
			return fail(400, { errors: { current: '当前密码不对' } as Record<string, string> });
		// Other devices signed in as this user are signed out; this one stays signed in.
		await setUserPassword(db, user.id, result.output.password, event.locals.session!.id);
		await logAudit(db, {
			user,
			action: 'password-change',
			targetType: 'user',
			targetId: user.id,
			ip: event.getClientAddress()
		});
		redirect(303, '/mod/account?done');
	}
};
