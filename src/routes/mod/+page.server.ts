import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { KINDS } from '$lib/records/kinds';
import type { Transition } from '$lib/records/lifecycle';
import { formValues } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/types';
import { getDatabase } from '$lib/server/db';
import { flatErrors, IdField, VersionField } from '$lib/server/forms';
import {
	changeRecordStatus,
	countOpenSuggestions,
	listOpenSuggestions,
	listQueueSources,
	listReviewQueue,
	mergeRecords,
	ModerationError,
	QUEUE_PAGE_SIZE,
	resolveSuggestion,
	type QueueFilter
} from '$lib/server/moderation';
import { VersionConflictError } from '$lib/server/records';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ItemSchema = v.object({ id: IdField, version: VersionField });
const RejectSchema = v.object({
	id: IdField,
	version: VersionField,
	reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '驳回原因不能超过 200 字')), '')
});
/** Bulk actions post `item` = "id:version" for each ticked draft. */
const BulkSchema = v.object({
	items: v.pipe(
		v.array(
			v.pipe(
				v.string(),
				v.regex(/^\d{1,12}:\d{1,9}$/),
				v.transform((s) => s.split(':').map(Number) as [number, number])
			)
		),
		v.minLength(1, '请先勾选要处理的记录'),
		v.maxLength(100, '一次最多处理 100 条')
	),
	reason: RejectSchema.entries.reason
});
/** What undoes a bulk action: the items it changed, at the versions it left them. */
const BULK_UNDO = { publish: 'unpublish', reject: 'unreject' } as const;
const BulkUndoSchema = v.object({
	items: BulkSchema.entries.items,
	transition: v.picklist(Object.values(BULK_UNDO))
});
const KindParam = v.picklist(KINDS);
const BelowParam = v.pipe(v.string(), v.regex(/^(30|50|70|90)$/), v.toNumber());
const AgeParam = v.picklist(['today', 'week', 'older'] as const);
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
	const params = event.url.searchParams;
	const pick = <T>(schema: v.GenericSchema<string, T>, name: string): T | undefined => {
		const r = v.safeParse(schema, params.get(name) ?? '');
		return r.success ? r.output : undefined;
	};
	const source = v.safeParse(IdField, params.get('source') ?? '');
	const below = pick(BelowParam, 'below');
	const filter: QueueFilter = {
		q: (params.get('q') ?? '').slice(0, 100),
		kind: pick(KindParam, 'kind'),
		source: source.success ? source.output : undefined,
		below: below === undefined ? undefined : below / 100,
		age: pick(AgeParam, 'age')
	};
	const { db } = await getDatabase();
	const queue = await listReviewQueue(db, page, filter);
	return {
		...queue,
		filter: { ...filter, below: below ?? null },
		filtered: !!(filter.q || filter.kind || filter.source || below || filter.age),
		sources: await listQueueSources(db),
		page,
		pages: Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE)),
		suggestions: await listOpenSuggestions(db),
		suggestionCount: await countOpenSuggestions(db)
	};
};

/** Query parameters of the queue view (page and filters) that survive an action. */
const VIEW_PARAMS = ['page', 'q', 'kind', 'source', 'below', 'age'];

/** Back to the queue view the moderator was on, saying what was done. */
function back(url: URL, done: string, id: number | string, undo?: string): never {
	const params = new URLSearchParams({ done, id: String(id) });
	if (undo) params.set('undo', undo);
	for (const name of VIEW_PARAMS) {
		const value = url.searchParams.get(name);
		if (value) params.set(name, value);
	}
	redirect(303, `/mod?${params}`);
}

/** Approve or reject one queue item: the same steps, a different transition. */
async function queueTransition(
	event: RequestEvent,
	user: SessionUser,
	transition: 'publish' | 'reject'
) {
	const form = formValues(await event.request.formData());
	const result = v.safeParse(transition === 'reject' ? RejectSchema : ItemSchema, form);
	if (!result.success)
		return fail(400, {
			itemId: form.id,
			message: flatErrors(result.issues).reason ?? '操作无效，请刷新后重试'
		});
	const reason = 'reason' in result.output ? result.output.reason : undefined;
	const { db } = await getDatabase();
	try {
		await changeRecordStatus(
			db,
			{ id: result.output.id, transition, expectedVersion: result.output.version, reason },
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

/**
 * Approve or reject every ticked draft, each in its own transaction: one that someone else
 * changed meanwhile is skipped and counted, the others go through.
 */
async function bulkTransition(
	event: RequestEvent,
	user: SessionUser,
	transition: 'publish' | 'reject'
) {
	const form = await event.request.formData();
	const result = v.safeParse(BulkSchema, {
		items: form.getAll('item').filter((x) => typeof x === 'string'),
		reason: form.get('reason') ?? ''
	});
	if (!result.success)
		return fail(400, {
			itemId: 'bulk',
			message: flatErrors(result.issues).items ?? flatErrors(result.issues).reason ?? '操作无效'
		});
	const { done, skipped } = await applyEach(
		event,
		user,
		result.output.items,
		transition,
		result.output.reason || undefined
	);
	// The message offers 撤销: the changed items at the versions this action left them, so
	// the undo skips any that someone changed in between.
	const undo = done.map(([id, version]) => `${id}:${version}`).join(',');
	back(event.url, `bulk-${transition}`, `${done.length}${skipped ? `-${skipped}` : ''}`, undo);
}

/**
 * One status change per item, each in its own transaction: an item someone else changed
 * meanwhile (or that no longer allows the change) is skipped and counted. Returns the items
 * changed, with the version each now has.
 */
async function applyEach(
	event: RequestEvent,
	user: SessionUser,
	items: [number, number][],
	transition: Transition,
	reason?: string
): Promise<{ done: [number, number][]; skipped: number }> {
	const { db } = await getDatabase();
	const done: [number, number][] = [];
	let skipped = 0;
	for (const [id, version] of items) {
		try {
			await changeRecordStatus(
				db,
				{ id, transition, expectedVersion: version, reason },
				{ user, ip: event.getClientAddress() }
			);
			// A status change writes one revision: the next version.
			done.push([id, version + 1]);
		} catch (e) {
			if (e instanceof VersionConflictError || e instanceof ModerationError) skipped++;
			else throw e;
		}
	}
	return { done, skipped };
}

/** Undoes a bulk action (the 撤销 in its message): the items it changed go back to review. */
async function bulkUndo(event: RequestEvent, user: SessionUser) {
	const form = await event.request.formData();
	const result = v.safeParse(BulkUndoSchema, {
		items: form.getAll('item').filter((x) => typeof x === 'string'),
		transition: form.get('transition')
	});
	if (!result.success) return fail(400, { itemId: 'bulk', message: '操作无效，请刷新后重试' });
	const { done, skipped } = await applyEach(
		event,
		user,
		result.output.items,
		result.output.transition
	);
	back(event.url, 'bulk-undo', `${done.length}${skipped ? `-${skipped}` : ''}`);
}

export const actions: Actions = {
	bulkUndo: async (event) => {
		const user = requireModerator(event);
		return bulkUndo(event, user);
	},
	bulkApprove: async (event) => {
		const user = requireModerator(event);
		return bulkTransition(event, user, 'publish');
	},
	bulkReject: async (event) => {
		const user = requireModerator(event);
		return bulkTransition(event, user, 'reject');
	},
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
