import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './types';

/** What a guard needs from a load or action event. */
export type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

/** Where the sign-in page sends a user back to; only paths under /mod are accepted. */
export function safeNextPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/mod') || next.startsWith('//') || next.includes('\\'))
		return '/mod';
	return next;
}

/**
 * The first line of every `/mod` load and action: the signed-in moderator or admin.
 *
 * Decision: an anonymous page view (GET) is redirected (303) to /mod/login?next=…, which is
 * what a person wants; an anonymous action (POST) gets 401, because a form posted from an
 * expired session must not look like it succeeded, and a redirect would drop the request
 * silently. A signed-in user without the role gets 403 either way.
 * Note: never rely on a layout for this — a layout's load does not run for actions and may
 * be skipped on client-side navigation.
 */
export function requireModerator(event: GuardEvent): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const method = event.request.method;
		if (method === 'GET' || method === 'HEAD') {
			const next = safeNextPath(event.url.pathname + event.url.search);
			redirect(303, `/mod/login?next=${encodeURIComponent(next)}`);
		}
		error(401, '请先登录');
	}
	if (user.role !== 'moderator' && user.role !== 'admin') error(403, '没有管理权限');
	return user;
}

/** Like requireModerator, and refuses moderators (403): user accounts, audit log, hard delete. */
export function requireAdmin(event: GuardEvent): SessionUser {
	const user = requireModerator(event);
	if (user.role !== 'admin') error(403, '只有系统管理员可以进行此操作');
	return user;
}
