/**
 * What moderators do to records: the review queue, edits, lifecycle changes, merges,
 * re-import suggestions and revision history. Every write runs in one transaction with its
 * revision (records.ts) and its line in the moderation log (audit.ts).
 */
import { sql, type Transaction } from 'kysely';
import type { Kind, RecordStatus } from '../records/kinds';
import type { PageRegion } from '../pages/layout';
import { diffSnapshots, type FieldChange } from '../records/diff';
import { canTransition, statusFitsKind, TRANSITIONS, type Transition } from '../records/lifecycle';
import type { AuditAction } from '../records/auditActions';
import { logAudit } from './audit';
import type { SessionUser } from './auth/types';
import type { DB } from './db';
import { dialectOf } from './db/dialect';
import type { Database } from './db/schema';
import {
	findRecordInput,
	hardDeleteRecord,
	insertRecord,
	setRecordStatus,
	sha256,
	snapshotOf,
	updateRecord,
	VersionConflictError,
	type RecordInput
} from './records';

/** Who does something, from where (for the log). */
export interface Actor {
	user: SessionUser;
	ip: string | null;
}

/** A refusal with a message for the moderator (not a bug). */
export class ModerationError extends Error {}

export interface SourcePassage {
	paper: string;
	published: string;
	page: string | null;
	/** The record's span of the page text, as printed (unmasked: moderators check numbers). */
	text: string;
	/** Where it was printed on the page picture (pages uploaded as PDF or image); else null. */
	crop: PassageCrop | null;
}

export interface PassageCrop {
	/** The whole page picture (guarded route); the region is shown by CSS, no image is cut. */
	src: string;
	width: number;
	height: number;
	region: PageRegion;
}

/** The source passages of a record, oldest page first. */
export async function findPassages(db: DB, recordId: number): Promise<SourcePassage[]> {
	const rows = await db
		.selectFrom('provenance')
		.innerJoin('sources', 'sources.id', 'provenance.source_id')
		.leftJoin('source_files', 'source_files.source_id', 'sources.id')
		.leftJoin('page_images', (join) =>
			join
				.onRef('page_images.file_id', '=', 'source_files.file_id')
				.on(
					'page_images.page_no',
					'=',
					sql<number>`cast(${dialectOf(db).expr.jsonText(sql`provenance.region`, 'page')} as integer)`
				)
		)
		.select([
			'sources.paper',
			'sources.published',
			'sources.page',
			'sources.text',
			'provenance.start',
			'provenance.end',
			'provenance.region',
			'page_images.file_id',
			'page_images.width',
			'page_images.height'
		])
		.where('provenance.record_id', '=', recordId)
		.orderBy('sources.published')
		.orderBy('provenance.start')
		.execute();
	return rows.map((r) => {
		const region = r.region && r.file_id !== null ? (JSON.parse(r.region) as PageRegion) : null;
		return {
			paper: r.paper,
			published: r.published,
			page: r.page,
			text: r.text.slice(r.start, r.end),
			crop: region
				? {
						src: `/mod/pages/images/${r.file_id}/${region.page}`,
						width: r.width!,
						height: r.height!,
						region
					}
				: null
		};
	});
}

export interface QueueItem {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	confidence: number | null;
	flags: string[];
	version: number;
	createdAt: string;
	duplicateOf: { id: number; title: string; status: RecordStatus } | null;
	/** What the extractor read, to check against the passage. */
	content: RecordInput;
	passages: SourcePassage[];
}

/** Drafts per queue page. */
export const QUEUE_PAGE_SIZE = 20;

/** What the review queue can be narrowed to (the filter form above it). */
export interface QueueFilter {
	/** Words in the title (matched literally). */
	q?: string;
	kind?: Kind;
	/** One imported page (sources.id). */
	source?: number;
	/** Only records the extractor was less sure of than this (0–1). */
	below?: number;
	/** Imported today (Beijing), in the last 7 days, or before that. */
	age?: 'today' | 'week' | 'older';
}

/** Escapes LIKE wildcards so a moderator's words are matched literally. */
function likeContains(value: string): string {
	return '%' + value.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/**
 * Drafts waiting for review (low confidence, flagged, possible duplicates), in page order: the
 * pages oldest first, and on each page the records in the order they were printed, so a
 * moderator works down a page beside the print. Drafts typed in by moderators come last.
 */
export async function listReviewQueue(
	db: DB,
	page = 1,
	filter: QueueFilter = {},
	now: Date = new Date()
): Promise<{ items: QueueItem[]; total: number }> {
	// The first passage of each record places it: its page and where on the page.
	let base = db
		.selectFrom('records as r')
		.leftJoin('provenance as p', (join) =>
			join
				.onRef('p.record_id', '=', 'r.id')
				.on(
					'p.id',
					'=',
					sql<number>`(select min(p2.id) from provenance p2 where p2.record_id = r.id)`
				)
		)
		.leftJoin('sources as s', 's.id', 'p.source_id')
		.where('r.status', '=', 'draft');
	if (filter.q?.trim())
		base = base.where(sql<boolean>`r.title like ${likeContains(filter.q.trim())} escape '\\'`);
	if (filter.kind) base = base.where('r.kind', '=', filter.kind);
	if (filter.source) base = base.where('p.source_id', '=', filter.source);
	if (filter.below !== undefined) base = base.where('r.confidence', '<', filter.below);
	if (filter.age) {
		// created_at is UTC ISO; Beijing's midnight today is 16:00 UTC the day before.
		const beijingMidnight = new Date(
			Math.floor((now.getTime() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000
		);
		const weekAgo = new Date(beijingMidnight.getTime() - 6 * 86_400_000);
		if (filter.age === 'today')
			base = base.where('r.created_at', '>=', beijingMidnight.toISOString());
		if (filter.age === 'week') base = base.where('r.created_at', '>=', weekAgo.toISOString());
		if (filter.age === 'older') base = base.where('r.created_at', '<', weekAgo.toISOString());
	}
	const { n } = await base
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const rows = await base
		.leftJoin('records as d', 'd.id', 'r.duplicate_of')
		.select([
			'r.id',
			'r.kind',
			'r.subtype',
			'r.title',
			'r.confidence',
			'r.flags',
			'r.version',
			'r.created_at',
			'd.id as dupId',
			'd.title as dupTitle',
			'd.status as dupStatus'
		])
		.orderBy(sql`s.id is null`)
		.orderBy('s.published')
		.orderBy('s.id')
		.orderBy('p.start')
		.orderBy('r.created_at')
		.orderBy('r.id')
		.limit(QUEUE_PAGE_SIZE)
		.offset((Math.max(1, page) - 1) * QUEUE_PAGE_SIZE)
		.execute();
	const items: QueueItem[] = [];
	for (const r of rows) {
		items.push({
			id: r.id,
			kind: r.kind,
			subtype: r.subtype,
			title: r.title,
			confidence: r.confidence,
			flags: JSON.parse(r.flags) as string[],
			version: r.version,
			createdAt: r.created_at,
			duplicateOf:
				r.dupId !== null ? { id: r.dupId, title: r.dupTitle!, status: r.dupStatus! } : null,
			content: (await findRecordInput(db, r.id))!,
			passages: await findPassages(db, r.id)
		});
	}
	return { items, total: Number(n) };
}

/** The pages that have drafts waiting, newest first, for the queue's page filter. */
export async function listQueueSources(
	db: DB
): Promise<
	{ id: number; paper: string; published: string; page: string | null; drafts: number }[]
> {
	const rows = await db
		.selectFrom('sources as s')
		.innerJoin('provenance as p', 'p.source_id', 's.id')
		.innerJoin('records as r', 'r.id', 'p.record_id')
		.where('r.status', '=', 'draft')
		.select(['s.id', 's.paper', 's.published', 's.page'])
		.select((eb) => eb.fn.count<number>(sql`distinct r.id`).as('drafts'))
		.groupBy('s.id')
		.orderBy('s.published', 'desc')
		.orderBy('s.id', 'desc')
		.limit(200)
		.execute();
	return rows.map((r) => ({ ...r, drafts: Number(r.drafts) }));
}

export interface SuggestionItem {
	id: number;
	recordId: number;
	title: string;
	kind: Kind;
	version: number;
	createdAt: string;
	changes: FieldChange[];
}

/** Open suggestions: re-imports that differ from a record a moderator edited. */
export async function listOpenSuggestions(db: DB, limit = 50): Promise<SuggestionItem[]> {
	const rows = await db
		.selectFrom('suggestions as s')
		.innerJoin('records as r', 'r.id', 's.record_id')
		.select([
			's.id',
			's.record_id',
			's.data',
			's.created_at',
			'r.title',
			'r.kind',
			'r.version',
			'r.status'
		])
		.where('s.status', '=', 'open')
		.orderBy('s.id')
		.limit(limit)
		.execute();
	const items: SuggestionItem[] = [];
	for (const r of rows) {
		const current = await findRecordInput(db, r.record_id);
		const suggested = JSON.parse(r.data) as RecordInput;
		items.push({
			id: r.id,
			recordId: r.record_id,
			title: r.title,
			kind: r.kind,
			version: r.version,
			createdAt: r.created_at,
			changes: current
				? diffSnapshots(
						snapshotOf({ ...current, status: r.status }),
						snapshotOf({ ...suggested, status: r.status })
					)
				: []
		});
	}
	return items;
}

/** Number of open suggestions (for the queue's heading). */
export async function countOpenSuggestions(db: DB): Promise<number> {
	const { n } = await db
		.selectFrom('suggestions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'open')
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * Applies or dismisses a suggestion. Either way the record remembers the extraction as seen
 * (extracted_hash), so importing the same page again does not suggest it again.
 */
export async function resolveSuggestion(
	db: DB,
	input: { suggestionId: number; apply: boolean; expectedVersion?: number },
	actor: Actor
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const s = await trx
			.selectFrom('suggestions')
			.select(['id', 'record_id', 'data', 'status'])
			.where('id', '=', input.suggestionId)
			.executeTakeFirst();
		if (!s || s.status !== 'open') throw new ModerationError('这条修改建议已处理过');
		const data = JSON.parse(s.data) as RecordInput;
		const extractedHash = sha256(snapshotOf(data));
		if (input.apply) {
			await updateRecord(trx, s.record_id, data, {
				expectedVersion: input.expectedVersion,
				userId: actor.user.id,
				action: 'suggestion',
				humanEdited: true,
				extractedHash
			});
		} else {
			await trx
				.updateTable('records')
				.set({ extracted_hash: extractedHash })
				.where('id', '=', s.record_id)
				.execute();
		}
		await trx
			.updateTable('suggestions')
			.set({ status: input.apply ? 'applied' : 'dismissed' })
			.where('id', '=', s.id)
			.execute();
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: input.apply ? 'suggestion-apply' : 'suggestion-dismiss',
			targetType: 'record',
			targetId: s.record_id,
			detail: { suggestion: s.id }
		});
		return s.record_id;
	});
}

const TRANSITION_AUDIT: Record<Transition, AuditAction> = {
	publish: 'publish',
	unpublish: 'unpublish',
	reject: 'reject',
	unreject: 'restore',
	resolve: 'resolve',
	unresolve: 'restore',
	archive: 'archive',
	delete: 'delete',
	restore: 'restore'
};

/** The status a record had before it was archived (from its revisions); draft if unknown. */
async function statusBeforeArchive(
	db: DB | Transaction<Database>,
	recordId: number
): Promise<RecordStatus> {
	const revisions = await db
		.selectFrom('revisions')
		.select(['before', 'after'])
		.where('record_id', '=', recordId)
		.orderBy('id', 'desc')
		.execute();
	for (const r of revisions) {
		const after = JSON.parse(r.after) as { status?: RecordStatus };
		const before = r.before ? (JSON.parse(r.before) as { status?: RecordStatus }) : null;
		if (after.status === 'archived' && before?.status && before.status !== 'archived')
			return before.status;
	}
	return 'draft';
}

/**
 * Moves a record through its lifecycle (publish, reject, resolve, archive, delete, restore),
 * refusing transitions its status does not allow. Throws VersionConflictError when the
 * record changed since the moderator loaded it.
 */
export async function changeRecordStatus(
	db: DB,
	input: { id: number; transition: Transition; expectedVersion?: number; reason?: string },
	actor: Actor
): Promise<{ from: RecordStatus; to: RecordStatus }> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('records')
			.select(['kind', 'status', 'title'])
			.where('id', '=', input.id)
			.executeTakeFirst();
		if (!row) throw new ModerationError('没有这条记录');
		if (!canTransition(input.transition, row.kind, row.status))
			throw new ModerationError(`这条记录现在不能“${TRANSITIONS[input.transition].label}”`);
		const def = TRANSITIONS[input.transition];
		const to = def.to === 'previous' ? await statusBeforeArchive(trx, input.id) : def.to;
		await setRecordStatus(trx, input.id, to, {
			userId: actor.user.id,
			action: input.transition,
			expectedVersion: input.expectedVersion
		});
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: TRANSITION_AUDIT[input.transition],
			targetType: 'record',
			targetId: input.id,
			detail: {
				from: row.status,
				to,
				title: row.title,
				...(input.reason ? { reason: input.reason } : {})
			}
		});
		return { from: row.status, to };
	});
}

/**
 * Saves a moderator's edit (and publishes it when asked): a revision, the human-edited mark
 * (re-imports then become suggestions) and a log line. Saving unchanged content writes nothing.
 */
export async function saveRecord(
	db: DB,
	input: { id: number; content: RecordInput; expectedVersion: number; publish: boolean },
	actor: Actor
): Promise<{ changed: boolean }> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('records')
			.select(['kind', 'status', 'version'])
			.where('id', '=', input.id)
			.executeTakeFirst();
		if (!row) throw new ModerationError('没有这条记录');
		// A moderator may correct the kind (the extractor's guess); the revision keeps the old one.
		if (!statusFitsKind(row.status, input.content.kind))
			throw new ModerationError('已解决的记录只能是失物招领或寻亲，请先撤销“已解决”再修改类别');
		if (input.publish && !canTransition('publish', input.content.kind, row.status))
			throw new ModerationError('这条记录现在不能发布');
		const current = await findRecordInput(trx, input.id);
		const same = current && snapshotOf(current) === snapshotOf(input.content);
		if (same && !input.publish) {
			if (row.version !== input.expectedVersion) throw new VersionConflictError(row.version);
			return { changed: false };
		}
		await updateRecord(trx, input.id, input.content, {
			expectedVersion: input.expectedVersion,
			userId: actor.user.id,
			action: same ? 'publish' : 'edit',
			humanEdited: !same,
			...(input.publish ? { status: 'published' as const } : {})
		});
		if (!same)
			await logAudit(trx, {
				user: actor.user,
				ip: actor.ip,
				action: 'edit',
				targetType: 'record',
				targetId: input.id,
				detail:
					row.kind === input.content.kind
						? { title: input.content.title }
						: { title: input.content.title, kindFrom: row.kind, kindTo: input.content.kind }
			});
		if (input.publish)
			await logAudit(trx, {
				user: actor.user,
				ip: actor.ip,
				action: 'publish',
				targetType: 'record',
				targetId: input.id,
				detail: { from: row.status, to: 'published', title: input.content.title }
			});
		return { changed: true };
	});
}

/** A moderator's new notice, published at once or kept as a draft. */
export async function createRecord(
	db: DB,
	input: { content: RecordInput; publish: boolean },
	actor: Actor
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const status: RecordStatus = input.publish ? 'published' : 'draft';
		const id = await insertRecord(trx, input.content, {
			status,
			userId: actor.user.id,
			action: 'create'
		});
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'create',
			targetType: 'record',
			targetId: id,
			detail: { kind: input.content.kind, status, title: input.content.title }
		});
		return id;
	});
}

/**
 * Merges a duplicate into the record it repeats: the target gains the duplicate's source
 * passages, the duplicate is archived with duplicate_of → target (kept, so the merge can be
 * undone by restoring it).
 */
export async function mergeRecords(
	db: DB,
	input: { duplicateId: number; targetId: number; expectedVersion?: number },
	actor: Actor
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const records = await trx
			.selectFrom('records')
			.select(['id', 'kind', 'status', 'title'])
			.where('id', 'in', [input.duplicateId, input.targetId])
			.execute();
		const dup = records.find((r) => r.id === input.duplicateId);
		const target = records.find((r) => r.id === input.targetId);
		if (!dup) throw new ModerationError('没有这条记录');
		if (!target) throw new ModerationError(`没有编号为 ${input.targetId} 的记录`);
		if (dup.id === target.id) throw new ModerationError('不能与自己合并');
		if (dup.kind !== target.kind) throw new ModerationError('只能合并同一类别的记录');
		if (target.status === 'archived' || target.status === 'rejected')
			throw new ModerationError('目标记录已归档或驳回，请合并到仍在使用的记录');
		if (!canTransition('delete', dup.kind, dup.status))
			throw new ModerationError('这条记录已归档，不能再合并');
		const passages = await trx
			.selectFrom('provenance')
			.select(['source_id', 'start', 'end'])
			.where('record_id', '=', dup.id)
			.execute();
		if (passages.length) {
			await trx
				.insertInto('provenance')
				.values(passages.map((p) => ({ ...p, record_id: target.id })))
				.onConflict((oc) => oc.doNothing())
				.execute();
		}
		await trx
			.updateTable('records')
			.set({ duplicate_of: target.id })
			.where('id', '=', dup.id)
			.execute();
		await setRecordStatus(trx, dup.id, 'archived', {
			userId: actor.user.id,
			action: 'merge',
			expectedVersion: input.expectedVersion
		});
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'merge',
			targetType: 'record',
			targetId: dup.id,
			detail: { into: target.id, title: dup.title, passages: passages.length }
		});
	});
}

/** Removes a record and its history for good (admins only; the log keeps what it was). */
export async function hardDelete(db: DB, id: number, actor: Actor): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('records')
			.select(['kind', 'status', 'title'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new ModerationError('没有这条记录');
		// Records that name this one as their original keep existing, without the link.
		await hardDeleteRecord(trx, id);
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'hard-delete',
			targetType: 'record',
			targetId: id,
			detail: { kind: row.kind, status: row.status, title: row.title }
		});
	});
}

export interface RevisionEntry {
	id: number;
	version: number;
	action: string;
	username: string | null;
	createdAt: string;
	changes: FieldChange[];
}

/** A record's revisions, newest first, each with its field-by-field changes. */
export async function listRevisions(db: DB, recordId: number): Promise<RevisionEntry[]> {
	const rows = await db
		.selectFrom('revisions as v')
		.leftJoin('users as u', 'u.id', 'v.user_id')
		.select(['v.id', 'v.version', 'v.action', 'v.before', 'v.after', 'v.created_at', 'u.username'])
		.where('v.record_id', '=', recordId)
		.orderBy('v.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		version: r.version,
		action: r.action,
		username: r.username,
		createdAt: r.created_at,
		changes: diffSnapshots(r.before, r.after)
	}));
}

/**
 * Restores the content a revision produced, as a new revision (history is never rewritten).
 * The status stays as it is: restoring old wording does not unpublish a notice.
 */
export async function restoreRevision(
	db: DB,
	input: { recordId: number; revisionId: number; expectedVersion: number },
	actor: Actor
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const rev = await trx
			.selectFrom('revisions')
			.select(['id', 'after', 'version'])
			.where('id', '=', input.revisionId)
			.where('record_id', '=', input.recordId)
			.executeTakeFirst();
		if (!rev) throw new ModerationError('没有这个版本');
		const row = await trx
			.selectFrom('records')
			.select('status')
			.where('id', '=', input.recordId)
			.executeTakeFirst();
		if (!row) throw new ModerationError('没有这条记录');
		const snap = JSON.parse(rev.after) as RecordInput;
		// The same check as a save (saveRecord): an old revision of another kind must not turn a
		// resolved notice into a "resolved" hotline.
		if (!statusFitsKind(row.status, snap.kind))
			throw new ModerationError(
				'已解决的记录只能是失物招领或寻亲，不能恢复成其他类别的版本，请先撤销“已解决”'
			);
		const content: RecordInput = {
			kind: snap.kind,
			subtype: snap.subtype ?? null,
			title: snap.title,
			district: snap.district ?? null,
			fields: snap.fields ?? {},
			phones: snap.phones ?? [],
			emails: snap.emails ?? []
		};
		await updateRecord(trx, input.recordId, content, {
			expectedVersion: input.expectedVersion,
			userId: actor.user.id,
			action: 'restore',
			humanEdited: true
		});
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'restore',
			targetType: 'record',
			targetId: input.recordId,
			detail: { revision: rev.id, version: rev.version }
		});
	});
}

export interface ModRecordRow {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: RecordStatus;
	updatedAt: string;
	humanEdited: boolean;
}

/** Records per page of the moderators' record list. */
export const MOD_LIST_PAGE_SIZE = 50;

/** Every record (any status) for moderators, newest change first, filtered. */
export async function listModRecords(
	db: DB,
	filter: { kind?: Kind; status?: RecordStatus; q?: string; page?: number }
): Promise<{ rows: ModRecordRow[]; total: number }> {
	let q = db.selectFrom('records');
	if (filter.kind) q = q.where('kind', '=', filter.kind);
	if (filter.status) q = q.where('status', '=', filter.status);
	if (filter.q) {
		const id = Number(filter.q);
		const like = '%' + filter.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
		q = q.where((eb) =>
			eb.or([
				eb(sql`title`, 'like', sql`${like} escape '\\'`),
				...(Number.isSafeInteger(id) && id > 0 ? [eb('id', '=', id)] : [])
			])
		);
	}
	const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const rows = await q
		.select(['id', 'kind', 'subtype', 'title', 'status', 'updated_at', 'human_edited'])
		.orderBy('updated_at', 'desc')
		.orderBy('id', 'desc')
		.limit(MOD_LIST_PAGE_SIZE)
		.offset((Math.max(1, filter.page ?? 1) - 1) * MOD_LIST_PAGE_SIZE)
		.execute();
	return {
		total: Number(n),
		rows: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			subtype: r.subtype,
			title: r.title,
			status: r.status,
			updatedAt: r.updated_at,
			humanEdited: r.human_edited === 1
		}))
	};
}
