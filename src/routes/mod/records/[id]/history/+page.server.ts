import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { IdField, idParam, VersionField } from '$lib/server/forms';
import { listRevisions, ModerationError, restoreRevision } from '$lib/server/moderation';
import { findRecordById, VersionConflictError } from '$lib/server/records';
import type { Actions, PageServerLoad } from './$types';

const RestoreFormSchema = v.object({ revision: IdField, version: VersionField });

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const id = idParam(event.params.id);
	const { db } = await getDatabase();
	const record = await findRecordById(db, id);
	if (!record) error(404, '没有这条记录');
	return {
		record: { id, title: record.title, kind: record.kind, version: record.version },
		revisions: await listRevisions(db, id)
	};
};

export const actions: Actions = {
	restore: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.id);
		const result = v.safeParse(RestoreFormSchema, formValues(await event.request.formData()));
		if (!result.success) return fail(400, { message: '操作无效，请刷新页面后重试' });
		const { db } = await getDatabase();
		try {
			await restoreRevision(
				db,
				{
					recordId: id,
					revisionId: result.output.revision,
					expectedVersion: result.output.version
				},
				{ user, ip: event.getClientAddress() }
			);
		} catch (e) {
			if (e instanceof VersionConflictError)
				return fail(409, { message: '该记录已被其他管理员修改，请刷新后再恢复' });
			if (e instanceof ModerationError) return fail(400, { message: e.message });
			throw e;
		}
		redirect(303, `/mod/records/${id}/history?restored=${result.output.revision}`);
	}
};
