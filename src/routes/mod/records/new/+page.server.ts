import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { KINDS } from '$lib/extract/types';
import { emptyFormValues } from '$lib/records/formFields';
import { formErrors, formValues, RecordFormSchema, toRecordContent } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { createRecord } from '$lib/server/moderation';
import type { Actions, PageServerLoad } from './$types';

const KindSchema = v.picklist(KINDS);

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const kind = v.safeParse(KindSchema, event.url.searchParams.get('kind'));
	if (!kind.success) return { kind: null, values: null };
	return { kind: kind.output, values: emptyFormValues(kind.output) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireModerator(event);
		const values = formValues(await event.request.formData());
		const result = v.safeParse(RecordFormSchema, values);
		if (!result.success) return fail(400, { values, errors: formErrors(result.issues) });
		const { db } = await getDatabase();
		const id = await createRecord(
			db,
			{ content: toRecordContent(result.output), publish: values.intent !== 'draft' },
			{ user, ip: event.getClientAddress() }
		);
		redirect(303, `/mod/records/${id}?done=created`);
	}
};
