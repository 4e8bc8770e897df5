import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';

const LargeTextSchema = v.object({
	on: v.picklist(['0', '1']),
	back: v.optional(v.string(), '/')
});

/** Only a same-site path may be the target of the redirect back. */
function safeBack(back: string): string {
	return back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
}

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const parsed = v.safeParse(LargeTextSchema, Object.fromEntries(await request.formData()));
		const on = parsed.success ? parsed.output.on : '0';
		cookies.set('large_text', on, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 365
		});
		redirect(303, safeBack(parsed.success ? parsed.output.back : '/'));
	}
};
