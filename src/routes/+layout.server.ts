import type { LayoutServerLoad } from './$types';

// Public data only: whether 长辈模式 is on and who is signed in (for the header link).
export const load: LayoutServerLoad = ({ locals, url }) => {
	return {
		largeText: locals.largeText,
		user: locals.user ? { username: locals.user.username, role: locals.user.role } : null,
		path: url.pathname + url.search
	};
};
