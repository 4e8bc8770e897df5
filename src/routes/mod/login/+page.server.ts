import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { logAudit } from '$lib/server/audit';
import { requireModerator, safeNextPath } from '$lib/server/auth/guards';
import { LOGIN_FAILED_MESSAGE, LOGIN_THROTTLED_MESSAGE } from '$lib/server/auth/rateLimit';
import {
	createSession,
	deleteSessionTokenCookie,
	generateSessionToken,
	invalidateSession,
	setSessionTokenCookie
} from '$lib/server/auth/session';
import { authenticate } from '$lib/server/auth/users';
import { getDatabase } from '$lib/server/db';
import { flatErrors } from '$lib/server/forms';
import { formValues } from '$lib/records/schemas';
import type { Actions, PageServerLoad } from './$types';

const LoginSchema = v.object({
	username: v.pipe(
		v.string('请填写用户名'),
		v.trim(),
		v.nonEmpty('请填写用户名'),
		v.maxLength(64, LOGIN_FAILED_MESSAGE)
	),
	password: v.pipe(
		v.string('请填写密码'),
		v.nonEmpty('请填写密码'),
		v.maxLength(200, LOGIN_FAILED_MESSAGE)
	),
	next: v.optional(v.string())
});

// The sign-in page is public by nature; a signed-in user goes straight on.
export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	// Public by nature (this is the sign-in): throttled per account and per address instead.
	login: async (event) => {
		const form = formValues(await event.request.formData());
		const values = { username: (form.username ?? '').trim() };
		const result = v.safeParse(LoginSchema, form);
		if (!result.success) return fail(400, { values, errors: flatErrors(result.issues) });
		const { username, password, next } = result.output;
		const { db } = await getDatabase();
		const ip = event.getClientAddress();
		const auth = await authenticate(db, { username, password, ip });
		if (!auth.ok) {
			if (auth.reason === 'throttled')
				return fail(429, { values, message: LOGIN_THROTTLED_MESSAGE });
			await logAudit(db, {
				user: { id: auth.userId, username: username.toLowerCase() },
				action: 'sign-in-failed',
				ip
			});
			return fail(400, { values, message: LOGIN_FAILED_MESSAGE });
		}
		const token = generateSessionToken();
		const session = await createSession(db, token, auth.user.id);
		setSessionTokenCookie(event, token, session.expiresAt);
		await logAudit(db, { user: auth.user, action: 'sign-in', ip });
		redirect(303, safeNextPath(next));
	},
	logout: async (event) => {
		const user = requireModerator(event);
		const { db } = await getDatabase();
		await invalidateSession(db, event.locals.session!.id);
		deleteSessionTokenCookie(event);
		await logAudit(db, { user, action: 'sign-out', ip: event.getClientAddress() });
		redirect(303, '/mod/login');
	}
};
