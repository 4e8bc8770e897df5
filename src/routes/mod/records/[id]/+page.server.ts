import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { nowInBeijing } from '$lib/clock';
import { KINDS } from '$lib/records/kinds';
import { convertFormValues, toFormValues } from '$lib/records/formFields';
import { allowedTransitions, TRANSITIONS, type Transition } from '$lib/records/lifecycle';
import { formErrors, formValues, RecordFormSchema, toRecordContent } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { CONFLICT_MESSAGE, idParam, VersionField } from '$lib/server/forms';
import {
	changeRecordStatus,
	findPassages,
	ModerationError,
	saveRecord
} from '$lib/server/moderation';
import { previewPublicRecord } from '$lib/server/publicRecord';
import { findRecordById, VersionConflictError } from '$lib/server/records';
import type { Actions, PageServerLoad } from './$types';

const StatusFormSchema = v.object({
	version: VersionField,
	transition: v.picklist(Object.keys(TRANSITIONS) as Transition[], '未知操作')
});

export const load: PageServerLoad = async (event) => {
	const user = requireModerator(event);
	const id = idParam(event.params.id);
	const { db } = await getDatabase();
	const record = await findRecordById(db, id);
	if (!record) error(404, '没有这条记录');
	// ?kind=event: the form of another kind, to correct the extractor's guess (saved on 保存).
	const asKind = v.safeParse(v.picklist(KINDS), event.url.searchParams.get('kind'));
	const editKind = asKind.success ? asKind.output : record.kind;
	const converted =
		editKind === record.kind
			? { values: toFormValues(record), dropped: [] }
			: convertFormValues(toFormValues(record), record.kind, editKind);
	return {
		editKind,
		dropped: converted.dropped,
		record: {
			id: record.id,
			kind: record.kind,
			subtype: record.subtype,
			title: record.title,
			status: record.status,
			version: record.version,
			confidence: record.confidence,
			flags: record.flags,
			humanEdited: record.humanEdited,
			duplicateOf: record.duplicateOf,
			updatedAt: record.updatedAt
		},
		values: converted.values,
		passages: await findPassages(db, id),
		transitions: allowedTransitions(record.kind, record.status),
		isAdmin: user.role === 'admin'
	};
};

export const actions: Actions = {
	/**
	 * 预览 of an edit that goes public (a live record's, or a draft's 发布): the public page's
	 * view of it, nothing saved. The typed values (version included) travel on in the
	 * preview's form, so a conflict is still caught by 确认保存 and 返回修改 loses nothing.
	 * (Nothing is written, so the guard's user is not needed past the guard.)
	 */
	preview: async (event) => {
		const _user = requireModerator(event);
		const id = idParam(event.params.id);
		const values = formValues(await event.request.formData());
		const result = v.safeParse(RecordFormSchema, values);
		if (!result.success) return fail(400, { values, errors: formErrors(result.issues) });
		const { db } = await getDatabase();
		const preview = await previewPublicRecord(db, toRecordContent(result.output), id);
		return { values, preview, now: nowInBeijing() };
	},
	/** 返回修改: back to the form with what was typed. */
	edit: async (event) => {
		const _user = requireModerator(event);
		return { values: formValues(await event.request.formData()) };
	},
	save: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.id);
		const values = formValues(await event.request.formData());
		const version = v.safeParse(VersionField, values.version);
		if (!version.success)
			return fail(400, { values, errors: { _form: '表单已过期，请刷新页面后再编辑' } });
		const result = v.safeParse(RecordFormSchema, values);
		if (!result.success) return fail(400, { values, errors: formErrors(result.issues) });
		const { db } = await getDatabase();
		try {
			await saveRecord(
				db,
				{
					id,
					content: toRecordContent(result.output),
					expectedVersion: version.output,
					publish: values.intent === 'publish'
				},
				{ user, ip: event.getClientAddress() }
			);
		} catch (e) {
			if (e instanceof VersionConflictError)
				return fail(409, { values, errors: {}, conflict: CONFLICT_MESSAGE });
			if (e instanceof ModerationError) return fail(400, { values, errors: { _form: e.message } });
			throw e;
		}
		redirect(303, `/mod/records/${id}?done=${values.intent === 'publish' ? 'publish' : 'save'}`);
	},
	status: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.id);
		const result = v.safeParse(StatusFormSchema, formValues(await event.request.formData()));
		if (!result.success) return fail(400, { statusError: '操作无效，请刷新页面后重试' });
		const { db } = await getDatabase();
		try {
			await changeRecordStatus(
				db,
				{ id, transition: result.output.transition, expectedVersion: result.output.version },
				{ user, ip: event.getClientAddress() }
			);
		} catch (e) {
			if (e instanceof VersionConflictError)
				return fail(409, { statusError: '该记录已被其他管理员修改，请刷新后再操作' });
			if (e instanceof ModerationError) return fail(400, { statusError: e.message });
			throw e;
		}
		redirect(303, `/mod/records/${id}?done=${result.output.transition}`);
	}
};
