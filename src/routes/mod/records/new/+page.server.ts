import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { nowInBeijing } from '$lib/clock';
import { KINDS } from '$lib/records/kinds';
import { emptyFormValues } from '$lib/records/formFields';
import { formErrors, formValues, RecordFormSchema, toRecordContent } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { createRecord } from '$lib/server/moderation';
import { previewPublicRecord } from '$lib/server/publicRecord';
import type { Actions, PageServerLoad } from './$types';

const KindSchema = v.picklist(KINDS);

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const kind = v.safeParse(KindSchema, event.url.searchParams.get('kind'));
	if (!kind.success) return { kind: null, values: null };
	return { kind: kind.output, values: emptyFormValues(kind.output) };
};

export const actions: Actions = {
	/**
	 * One form, four buttons (`intent`): draft saves a draft; preview shows the notice as the
	 * public page would, nothing saved, with the typed values carried on in its form; edit
	 * (返回修改) brings the form back with them; publish (确认发布 on the preview) publishes.
	 */
	default: async (event) => {
		const user = requireModerator(event);
		const { intent, ...values } = formValues(await event.request.formData());
		if (intent === 'edit') return { values };
		const result = v.safeParse(RecordFormSchema, values);
		if (!result.success) return fail(400, { values, errors: formErrors(result.issues) });
		const content = toRecordContent(result.output);
		const { db } = await getDatabase();
		if (intent === 'preview')
			return { values, preview: await previewPublicRecord(db, content), now: nowInBeijing() };
		const id = await createRecord(
			db,
			{ content, publish: intent !== 'draft' },
			{ user, ip: event.getClientAddress() }
		);
		redirect(303, `/mod/records/${id}?done=created`);
	}
};
