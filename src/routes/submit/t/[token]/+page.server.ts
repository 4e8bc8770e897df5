import { error, fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/records/schemas';
import { submitTypeOf } from '$lib/records/submission';
import { toFormValues } from '$lib/records/formFields';
import { getDatabase } from '$lib/server/db';
import {
	changeOwnStatus,
	editSubmission,
	findSubmissionByToken,
	SubmissionError
} from '$lib/server/participation';
import { VersionConflictError } from '$lib/server/records';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const csr = false;

/** The poster's post behind the private link; an unknown link is a plain 404. */
async function own(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const { db } = await getDatabase();
	const submission = await findSubmissionByToken(db, event.params.token);
	if (!submission) error(404, '链接无效或信息已被删除');
	const type = submitTypeOf(submission.input.kind, submission.input.subtype);
	if (!type) error(404, '链接无效或信息已被删除');
	return { db, submission, type };
}

// Public, but only for whoever holds the link (a 160-bit token; only its hash is stored).
export const load: PageServerLoad = async (event) => {
	const { submission, type } = await own(event);
	return {
		isNew: event.url.searchParams.get('new') === '1',
		link: event.url.origin + event.url.pathname,
		status: submission.status,
		recordId: submission.recordId,
		title: submission.input.title,
		type,
		values: toFormValues(submission.input)
	};
};

export const actions: Actions = {
	edit: async (event) => {
		const { db, submission, type } = await own(event);
		const values = formValues(await event.request.formData());
		try {
			const result = await editSubmission(db, submission, type, values);
			if (!result.ok) return fail(400, { values, errors: result.errors, message: null });
		} catch (e) {
			if (e instanceof SubmissionError)
				return fail(409, { values, errors: {}, message: e.message });
			if (e instanceof VersionConflictError)
				return fail(409, { values, errors: {}, message: '信息刚被审核或修改过，请刷新后再改' });
			throw e;
		}
		redirect(303, `${event.url.pathname}?saved=1`);
	},
	withdraw: async (event) => change(event, 'withdraw'),
	resolve: async (event) => change(event, 'resolve')
};

async function change(event: RequestEvent, action: 'withdraw' | 'resolve') {
	const { db, submission } = await own(event);
	try {
		await changeOwnStatus(db, submission, action);
	} catch (e) {
		if (e instanceof SubmissionError)
			return fail(409, { values: null, errors: {}, message: e.message });
		throw e;
	}
	redirect(303, event.url.pathname);
}
