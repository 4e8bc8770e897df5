import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { IdField, idParam } from '$lib/server/forms';
import { confirmLink, findCandidates, removeLink } from '$lib/server/matches';
import { findRecordById } from '$lib/server/records';
import type { Actions, PageServerLoad } from './$types';

const LinkFormSchema = v.object({ other: IdField });

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const id = idParam(event.params.id);
	const { db } = await getDatabase();
	const record = await findRecordById(db, id);
	if (!record) error(404, '没有这条记录');
	return {
		record: { id, title: record.title, kind: record.kind, subtype: record.subtype },
		candidates: await findCandidates(db, id, 3)
	};
};

export const actions: Actions = {
	confirm: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.id);
		const parsed = v.safeParse(LinkFormSchema, formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { message: '操作无效，请刷新页面后重试' });
		const { db } = await getDatabase();
		await confirmLink(db, id, parsed.output.other, { user, ip: event.getClientAddress() });
		return { message: '已确认为相关信息，公开页面会显示这条关联。' };
	},
	remove: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.id);
		const parsed = v.safeParse(LinkFormSchema, formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { message: '操作无效，请刷新页面后重试' });
		const { db } = await getDatabase();
		await removeLink(db, id, parsed.output.other, { user, ip: event.getClientAddress() });
		return { message: '已取消关联。' };
	}
};
