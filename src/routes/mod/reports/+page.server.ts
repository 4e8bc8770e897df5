import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { formErrors, formValues } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { findPassages } from '$lib/server/moderation';
import {
	listReports,
	resolveReport,
	ResolveReportSchema,
	SubmissionError
} from '$lib/server/participation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const { db } = await getDatabase();
	const reports = await listReports(db, 'open');
	// Each report beside the record's newspaper passage, so the moderator checks it at once.
	const withPassages = await Promise.all(
		reports.map(async (r) => ({ ...r, passages: await findPassages(db, r.recordId) }))
	);
	return { reports: withPassages };
};

export const actions: Actions = {
	resolve: async (event) => {
		const user = requireModerator(event);
		const values = formValues(await event.request.formData());
		const parsed = v.safeParse(ResolveReportSchema, values);
		if (!parsed.success) return fail(400, { id: values.id, errors: formErrors(parsed.issues) });
		const { db } = await getDatabase();
		try {
			await resolveReport(db, parsed.output, { user, ip: event.getClientAddress() });
		} catch (e) {
			if (e instanceof SubmissionError) return fail(409, { id: values.id, errors: { _form: e.message } });
			throw e;
		}
		return { resolved: parsed.output.id };
	}
};
