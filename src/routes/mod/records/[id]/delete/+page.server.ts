import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { requireAdmin } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { flatErrors, idParam } from '$lib/server/forms';
import { hardDelete, ModerationError } from '$lib/server/moderation';
import { findRecordById } from '$lib/server/records';
import type { Actions, PageServerLoad } from './$types';

const ConfirmSchema = v.object({
	// An unticked checkbox is not posted at all.
	confirm: v.pipe(
		v.optional(v.string(), ''),
		v.check((s) => s === 'yes', '请勾选确认框，确认永久删除')
	)
});

// Hard delete: admins only, a confirmation step, and a line in the log.
export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const id = idParam(event.params.id);
	const { db } = await getDatabase();
	const record = await findRecordById(db, id);
	if (!record) error(404, '没有这条记录');
	return { record: { id, title: record.title, kind: record.kind, status: record.status } };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireAdmin(event);
		const id = idParam(event.params.id);
		const result = v.safeParse(ConfirmSchema, formValues(await event.request.formData()));
		if (!result.success) return fail(400, { errors: flatErrors(result.issues) });
		const { db } = await getDatabase();
		try {
			await hardDelete(db, id, { user, ip: event.getClientAddress() });
		} catch (e) {
			if (e instanceof ModerationError) return fail(400, { errors: { confirm: e.message } });
			throw e;
		}
		redirect(303, `/mod/records?deleted=${id}`);
	}
};
