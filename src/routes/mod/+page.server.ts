import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formValues } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/types';
import { getDatabase } from '$lib/server/db';
import { flatErrors, IdField, VersionField } from '$lib/server/forms';
import {
	changeRecordStatus,
	countOpenSuggestions,
	listOpenSuggestions,
	listReviewQueue,
	mergeRecords,
	ModerationError,
	QUEUE_PAGE_SIZE,
	resolveSuggestion
} from '$lib/server/moderation';
import { VersionConflictError } from '$lib/server/records';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ItemSchema = v.object({ id: IdField, version: VersionField });
const MergeSchema = v.object({ id: IdField, version: VersionField, target: IdField });
const SuggestionSchema = v.object({ suggestion: IdField, version: v.optional(VersionField) });
const PageSchema = v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.toNumber(), v.minValue(1));

const STALE = '该记录已被其他管理员处理或修改，请刷新后再操作';

/** A refused queue action: the message shows beside the item it belongs to. */
function refusal(e: unknown, itemId: number | string | undefined) {
	if (e instanceof VersionConflictError) return fail(409, { itemId, message: STALE });
	if (e instanceof ModerationError) return fail(400, { itemId, message: e.message });
	throw e;
}

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const parsed = v.safeParse(PageSchema, event.url.searchParams.get('page') ?? '1');
	const page = parsed.success ? parsed.output : 1;
	const { db } = await getDatabase();
	const queue = await listReviewQueue(db, page);
	return {
		...queue,
		page,
		pages: Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE)),
		suggestions: await listOpenSuggestions(db),
		suggestionCount: await countOpenSuggestions(db)
	};
};

/** Back to the queue page the moderator was on, saying what was done. */
function back(url: URL, done: string, id: number): never {
	const page = url.searchParams.get('page');
	redirect(303, `/mod?done=${done}&id=${id}${page ? `&page=${encodeURIComponent(page)}` : ''}`);
}

/** Approve or reject one queue item: the same steps, a different transition. */
async function queueTransition(
	event: RequestEvent,
	user: SessionUser,
	transition: 'publish' | 'reject'
) {
	const form = formValues(await event.request.formData());
	const result = v.safeParse(ItemSchema, form);
	if (!result.success) return fail(400, { itemId: form.id, message: '操作无效，请刷新后重试' });
	const { db } = await getDatabase();
	try {
		await changeRecordStatus(
			db,
			{ id: result.output.id, transition, expectedVersion: result.output.version },
			{ user, ip: event.getClientAddress() }
		);
	} catch (e) {
		return refusal(e, result.output.id);
	}
	back(event.url, transition, result.output.id);
}

/** Applies a re-import's suggestion to its record (version-checked) or dismisses it. */
async function settleSuggestion(event: RequestEvent, user: SessionUser, apply: boolean) {
	const form = formValues(await event.request.formData());
	const result = v.safeParse(SuggestionSchema, form);
	if (!result.success)
		return fail(400, { itemId: `s${form.suggestion}`, message: '操作无效，请刷新后重试' });
	const { db } = await getDatabase();
	let recordId: number;
	try {
		recordId = await resolveSuggestion(
			db,
			{
				suggestionId: result.output.suggestion,
				apply,
				expectedVersion: apply ? result.output.version : undefined
			},
			{ user, ip: event.getClientAddress() }
		);
	} catch (e) {
		return refusal(e, `s${result.output.suggestion}`);
	}
	back(event.url, apply ? 'apply' : 'dismiss', recordId);
}

export const actions: Actions = {
	approve: async (event) => {
		const user = requireModerator(event);
		return queueTransition(event, user, 'publish');
	},
	reject: async (event) => {
		const user = requireModerator(event);
		return queueTransition(event, user, 'reject');
	},
	merge: async (event) => {
		const user = requireModerator(event);
		const form = formValues(await event.request.formData());
		const result = v.safeParse(MergeSchema, form);
		if (!result.success)
			return fail(400, {
				itemId: form.id,
				message: flatErrors(result.issues).target ?? '操作无效，请刷新后重试'
			});
		const { db } = await getDatabase();
		try {
			await mergeRecords(
				db,
				{
					duplicateId: result.output.id,
					targetId: result.output.target,
					expectedVersion: result.output.version
				},
				{ user, ip: event.getClientAddress() }
			);
		} catch (e) {
			return refusal(e, result.output.id);
		}
		back(event.url, 'merge', result.output.id);
	},
	applySuggestion: async (event) => {
		const user = requireModerator(event);
		return settleSuggestion(event, user, true);
	},
	dismissSuggestion: async (event) => {
		const user = requireModerator(event);
		return settleSuggestion(event, user, false);
	}
};
