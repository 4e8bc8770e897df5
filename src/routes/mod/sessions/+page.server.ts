import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { logAudit } from '$lib/server/audit';
import { requireModerator } from '$lib/server/auth/guards';
import {
	endUserSession,
	invalidateUserSessions,
	listUserSessions,
	MAX_SESSIONS_PER_USER
} from '$lib/server/auth/session';
import { getDatabase } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** A session id as stored: hex SHA-256 (the token itself never leaves the browser). */
const EndSchema = v.object({ session: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) });

// The signed-in user's own sessions: where they are signed in, and a way to end each.
export const load: PageServerLoad = async (event) => {
	const user = requireModerator(event);
	const { db } = await getDatabase();
	const sessions = await listUserSessions(db, user.id);
	const current = event.locals.session?.id;
	return {
		max: MAX_SESSIONS_PER_USER,
		ended: event.url.searchParams.get('ended'),
		sessions: sessions.map((s) => ({
			id: s.id,
			createdAt: s.createdAt,
			expiresAt: s.expiresAt.toISOString(),
			current: s.id === current
		}))
	};
};

export const actions: Actions = {
	end: async (event) => {
		const user = requireModerator(event);
		const result = v.safeParse(EndSchema, formValues(await event.request.formData()));
		if (!result.success) return fail(400, { message: '操作无效，请刷新页面后重试' });
		const { db } = await getDatabase();
		if (!(await endUserSession(db, user.id, result.output.session)))
			return fail(404, { message: '这个会话已经结束' });
		await logAudit(db, {
			user,
			action: 'session-end',
			targetType: 'user',
			targetId: user.id,
			ip: event.getClientAddress()
		});
		// Ending the session in use is signing out: the next page asks to sign in again.
		redirect(303, '/mod/sessions?ended=1');
	},
	endOthers: async (event) => {
		const user = requireModerator(event);
		const { db } = await getDatabase();
		await invalidateUserSessions(db, user.id, event.locals.session!.id);
		await logAudit(db, {
			user,
			action: 'session-end',
			targetType: 'user',
			targetId: user.id,
			ip: event.getClientAddress(),
			detail: { others: true }
		});
		redirect(303, '/mod/sessions?ended=others');
	}
};
