import { error, fail } from '@sveltejs/kit';
import { formValues } from '$lib/records/schemas';
import { getDatabase } from '$lib/server/db';
import { reportRecord } from '$lib/server/participation';
import { findPublicRecord } from '$lib/server/publicRecord';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

async function publicRecord(idParam: string) {
	const id = Number(idParam);
	if (!/^\d{1,12}$/.test(idParam) || !Number.isSafeInteger(id) || id < 1)
		error(404, '没有这条信息');
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record) error(404, '没有这条信息，可能已被撤下');
	return { db, record };
}

// Public: anyone may say a public record is wrong; moderators see it beside the record.
export const load: PageServerLoad = async ({ params }) => {
	const { record } = await publicRecord(params.id);
	return { id: record.id, title: record.title };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, record } = await publicRecord(event.params.id);
		const values = formValues(await event.request.formData());
		const result = await reportRecord(db, {
			recordId: record.id,
			values,
			address: event.getClientAddress()
		});
		if (result.ok) return { sent: true };
		if ('errors' in result) return fail(400, { values, errors: result.errors, message: null });
		return fail(429, { values, errors: {}, message: result.message });
	}
};
