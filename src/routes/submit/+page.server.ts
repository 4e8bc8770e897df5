import { fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/records/schemas';
import { submitTypeBySlug, SUBMIT_TYPES } from '$lib/records/submission';
import { getDatabase } from '$lib/server/db';
import { signFormTime, submitNotice } from '$lib/server/participation';
import type { Actions, PageServerLoad } from './$types';

/** Links and a plain form, complete without JavaScript, like every public page. */
export const csr = false;

// Public: anyone may post; what is posted waits for a moderator (participation.ts).
export const load: PageServerLoad = async ({ url }) => {
	const type = submitTypeBySlug(url.searchParams.get('type'));
	const { db } = await getDatabase();
	return {
		types: SUBMIT_TYPES.map(({ slug, label, hint }) => ({ slug, label, hint })),
		type: type ?? null,
		formTime: type ? await signFormTime(db) : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const type = submitTypeBySlug(event.url.searchParams.get('type'));
		if (!type) return fail(400, { values: {}, errors: {}, message: '请先选择要发布的信息类型' });
		const values = formValues(await event.request.formData());
		const { db } = await getDatabase();
		// What was typed comes back on every refusal; the form time is signed afresh.
		const keep = { ...values, form_time: await signFormTime(db) };
		if (values.consent !== 'on') {
			return fail(400, {
				values: keep,
				errors: { consent: '请确认同意公开这条信息' },
				message: null
			});
		}
		const result = await submitNotice(db, {
			type,
			values,
			address: event.getClientAddress()
		});
		if (result.ok) redirect(303, `/submit/t/${result.token}?new=1`);
		if ('errors' in result)
			return fail(400, { values: keep, errors: result.errors, message: null });
		return fail(429, { values: keep, errors: {}, message: result.message });
	}
};
