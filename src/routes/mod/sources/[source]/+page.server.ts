import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formErrors, formValues, SourceFormSchema } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findSource, updateSource } from '$lib/server/sources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const id = idParam(event.params.source);
	const { db } = await getDatabase();
	const source = await findSource(db, id);
	if (!source) error(404, '没有这个版面');
	return { source, saved: event.url.searchParams.get('done') === 'save' };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.source);
		const values = formValues(await event.request.formData());
		const result = v.safeParse(SourceFormSchema, values);
		if (!result.success) return fail(400, { values, errors: formErrors(result.issues) });
		const { db } = await getDatabase();
		if (!(await findSource(db, id))) error(404, '没有这个版面');
		await updateSource(db, id, result.output, { user, ip: event.getClientAddress() });
		redirect(303, `/mod/sources/${id}?done=save`);
	}
};
