import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from './db';
import { openModeratorDatabase } from '../../../tests/helpers/moderatorDb';
import {
	changeRecordStatus,
	createRecord,
	findPassages,
	listOpenSuggestions,
	listReviewQueue,
	listRevisions,
	mergeRecords,
	ModerationError,
	resolveSuggestion,
	restoreRevision,
	saveRecord,
	type Actor
} from './moderation';
import { findRecordById, VersionConflictError, type RecordInput } from './records';
import { importPage } from './pageImport';
import type { ExtractedRecord } from '../records/types';

let db: DB;
let actor: Actor;

const notice = (title: string): RecordInput => ({
	kind: 'lost_found',
	subtype: 'lost_item',
	title,
	district: null,
	fields: { item: '钱包' },
	phones: [{ number: '13974158263', raw: '13974158263' }],
	emails: []
});

beforeEach(async () => {
	({ db, actor } = await openModeratorDatabase());
});
afterEach(() => db.destroy());

const statusOf = async (id: number) => (await findRecordById(db, id))!.status;
const versionOf = async (id: number) => (await findRecordById(db, id))!.version;

describe('lifecycle', () => {
	it('publishes, resolves, archives and restores to the status before archiving', async () => {
		const id = await createRecord(db, { content: notice('寻物'), publish: false }, actor);
		expect((await listReviewQueue(db)).items.map((i) => i.id)).toEqual([id]);
		await changeRecordStatus(db, { id, transition: 'publish' }, actor);
		await changeRecordStatus(db, { id, transition: 'resolve' }, actor);
		expect(await statusOf(id)).toBe('resolved');
		await changeRecordStatus(db, { id, transition: 'delete' }, actor);
		expect(await statusOf(id)).toBe('archived');
		await changeRecordStatus(db, { id, transition: 'restore' }, actor);
		expect(await statusOf(id)).toBe('resolved');
		await expect(changeRecordStatus(db, { id, transition: 'reject' }, actor)).rejects.toThrow(
			ModerationError
		);
		const actions = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual([
			'create',
			'publish',
			'resolve',
			'delete',
			'restore'
		]);
	});

	it('refuses a status change from a stale version', async () => {
		const id = await createRecord(db, { content: notice('寻物'), publish: false }, actor);
		await changeRecordStatus(db, { id, transition: 'publish', expectedVersion: 1 }, actor);
		await expect(
			changeRecordStatus(db, { id, transition: 'archive', expectedVersion: 1 }, actor)
		).rejects.toBeInstanceOf(VersionConflictError);
	});
});

describe('saveRecord', () => {
	it('writes a revision with the diff and refuses the second of two concurrent saves', async () => {
		const id = await createRecord(db, { content: notice('寻物'), publish: true }, actor);
		await saveRecord(
			db,
			{ id, content: notice('寻物启事'), expectedVersion: 1, publish: false },
			actor
		);
		await expect(
			saveRecord(db, { id, content: notice('别的标题'), expectedVersion: 1, publish: false }, actor)
		).rejects.toBeInstanceOf(VersionConflictError);
		const record = await findRecordById(db, id);
		expect(record).toMatchObject({ title: '寻物启事', version: 2, humanEdited: true });
		const revisions = await listRevisions(db, id);
		expect(revisions[0]).toMatchObject({ version: 2, action: 'edit', username: 'mod' });
		expect(revisions[0].changes).toEqual([
			{ field: 'title', label: '标题', before: '寻物', after: '寻物启事' }
		]);
	});

	it('changes the kind: the record moves to its new category and the revision keeps the old', async () => {
		const id = await createRecord(db, { content: notice('寻物'), publish: true }, actor);
		const asEvent: RecordInput = {
			kind: 'event',
			subtype: null,
			title: '寻物',
			district: null,
			fields: { location: '神农公园' },
			phones: [{ number: '13974158263', raw: '13974158263' }],
			emails: []
		};
		await saveRecord(db, { id, content: asEvent, expectedVersion: 1, publish: false }, actor);
		expect(await findRecordById(db, id)).toMatchObject({ kind: 'event', subtype: null });
		const counts = await db
			.selectFrom('record_facet_counts')
			.select(['kind', 'n'])
			.where('status', '=', 'published')
			.execute();
		expect(counts.filter((c) => c.n > 0)).toEqual([{ kind: 'event', n: 1 }]);
		const [revision] = await listRevisions(db, id);
		expect(revision.changes).toContainEqual(
			expect.objectContaining({ field: 'kind', before: '失物招领与遗失声明', after: '活动报名' })
		);
		const audit = await db
			.selectFrom('audit_log')
			.select('detail')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail!)).toMatchObject({ kindFrom: 'lost_found', kindTo: 'event' });
		// Restoring the first revision brings the old kind back.
		const first = (await listRevisions(db, id)).at(-1)!;
		await restoreRevision(db, { recordId: id, revisionId: first.id, expectedVersion: 2 }, actor);
		expect(await findRecordById(db, id)).toMatchObject({
			kind: 'lost_found',
			subtype: 'lost_item'
		});
	});

	it('refuses to make a resolved notice a kind that cannot be resolved', async () => {
		const id = await createRecord(db, { content: notice('寻物'), publish: true }, actor);
		await changeRecordStatus(db, { id, transition: 'resolve' }, actor);
		const hotline: RecordInput = {
			...notice('寻物'),
			kind: 'hotline',
			subtype: null,
			fields: { name: '寻物' }
		};
		await expect(
			saveRecord(db, { id, content: hotline, expectedVersion: 2, publish: false }, actor)
		).rejects.toThrow('请先撤销“已解决”');
		expect(await findRecordById(db, id)).toMatchObject({ kind: 'lost_found', version: 2 });
	});

	it('refuses to restore a revision of another kind onto a resolved notice, like a save', async () => {
		// A hotline a moderator re-filed as a lost-item notice, which was then resolved.
		const hotline: RecordInput = { ...notice('寻物'), kind: 'hotline', subtype: null, fields: {} };
		const id = await createRecord(db, { content: hotline, publish: true }, actor);
		await saveRecord(
			db,
			{ id, content: notice('寻物'), expectedVersion: 1, publish: false },
			actor
		);
		await changeRecordStatus(db, { id, transition: 'resolve' }, actor);
		const first = (await listRevisions(db, id)).at(-1)!;
		await expect(
			restoreRevision(db, { recordId: id, revisionId: first.id, expectedVersion: 3 }, actor)
		).rejects.toThrow(ModerationError);
		expect(await findRecordById(db, id)).toMatchObject({
			kind: 'lost_found',
			status: 'resolved',
			version: 3
		});
	});

	it('writes nothing when nothing changed', async () => {
		const id = await createRecord(db, { content: notice('寻物'), publish: true }, actor);
		expect(
			await saveRecord(
				db,
				{ id, content: notice('寻物'), expectedVersion: 1, publish: false },
				actor
			)
		).toEqual({ changed: false });
		expect(await versionOf(id)).toBe(1);
	});

	it('restores an old revision as a new one, keeping the status', async () => {
		const id = await createRecord(db, { content: notice('第一版'), publish: true }, actor);
		await saveRecord(
			db,
			{ id, content: notice('第二版'), expectedVersion: 1, publish: false },
			actor
		);
		const first = (await listRevisions(db, id)).at(-1)!;
		await restoreRevision(db, { recordId: id, revisionId: first.id, expectedVersion: 2 }, actor);
		expect(await findRecordById(db, id)).toMatchObject({
			title: '第一版',
			version: 3,
			status: 'published'
		});
		expect((await listRevisions(db, id)).map((r) => r.action)).toEqual([
			'restore',
			'edit',
			'create'
		]);
	});
});

const page = (text: string) => ({
	file: 'p.txt',
	text,
	paper: '株洲日报',
	published: '2024-11-05',
	page: 'A01'
});
const extracted = (title: string, start: number, end: number): ExtractedRecord => ({
	kind: 'lost_found',
	subtype: 'void_notice',
	title,
	source: { file: 'p.txt', start, end },
	confidence: 0.9,
	phones: [],
	emails: [],
	holder: '张三',
	documentType: '居民身份证'
});

describe('mergeRecords', () => {
	it('archives the duplicate with duplicate_of and copies its passages to the target', async () => {
		const a = await importPage(db, page('张三遗失身份证，声明作废。'), [
			extracted('张三遗失居民身份证', 0, 12)
		]);
		const b = await importPage(db, page('第二天：张三遗失身份证，声明作废。'), [
			extracted('张三遗失居民身份证', 4, 16)
		]);
		const [target, dup] = (
			await db
				.selectFrom('records')
				.select(['id', 'status', 'duplicate_of'])
				.orderBy('id')
				.execute()
		).map((r) => r);
		expect(dup).toMatchObject({ status: 'draft', duplicate_of: target.id });
		expect(a.sourceId).not.toBe(b.sourceId);
		// The queue shows the draft beside its passage and the record it may repeat.
		const [item] = (await listReviewQueue(db)).items;
		expect(item).toMatchObject({
			id: dup.id,
			duplicateOf: { id: target.id, title: '张三遗失居民身份证', status: 'published' },
			passages: [{ paper: '株洲日报', published: '2024-11-05', text: '张三遗失身份证，声明作废' }]
		});
		expect(item.content.fields).toMatchObject({ holder: '张三', documentType: '居民身份证' });
		await mergeRecords(db, { duplicateId: dup.id, targetId: target.id, expectedVersion: 1 }, actor);
		expect(await findRecordById(db, dup.id)).toMatchObject({
			status: 'archived',
			duplicateOf: target.id
		});
		const passages = await findPassages(db, target.id);
		expect(passages.map((p) => p.text)).toEqual([
			'张三遗失身份证，声明作废',
			'张三遗失身份证，声明作废'
		]);
		await expect(
			mergeRecords(db, { duplicateId: target.id, targetId: target.id }, actor)
		).rejects.toThrow('不能与自己合并');
	});
});

describe('suggestions', () => {
	it('turn a changed re-import of an edited record into a suggestion that can be applied', async () => {
		const text = '张三遗失身份证，声明作废。';
		await importPage(db, page(text), [extracted('张三遗失居民身份证', 0, 12)]);
		const { id } = await db.selectFrom('records').select('id').executeTakeFirstOrThrow();
		const content = (await findRecordById(db, id))!;
		await saveRecord(
			db,
			{
				id,
				content: { ...content, title: '张三遗失身份证（已核对）' },
				expectedVersion: 1,
				publish: false
			},
			actor
		);
		// The extractor improves: the same passage now yields another holder.
		const better = { ...extracted('张三遗失居民身份证', 0, 12), holder: '张三丰' };
		await importPage(db, page(text), [better as ExtractedRecord]);
		expect((await findRecordById(db, id))!.title).toBe('张三遗失身份证（已核对）');
		const [s] = await listOpenSuggestions(db);
		expect(s.changes.map((c) => c.label)).toEqual(['标题', '声明人/失主']);
		await resolveSuggestion(db, { suggestionId: s.id, apply: false }, actor);
		expect(await listOpenSuggestions(db)).toEqual([]);
		// Dismissed: importing the same page again does not suggest it again.
		await importPage(db, page(text), [better as ExtractedRecord]);
		expect(await listOpenSuggestions(db)).toEqual([]);
	});
});

describe('review queue order and filters', () => {
	/** A low-confidence extracted record (imported as a draft) at [start, end) of the page. */
	const extracted = (title: string, start: number, confidence: number): ExtractedRecord =>
		({
			kind: 'lost_found',
			subtype: 'lost_item',
			title,
			source: { file: 'p.txt', start, end: start + 4 },
			confidence,
			phones: [],
			emails: [],
			item: title
		}) as unknown as ExtractedRecord;

	it('lists drafts in page order (older page first, then as printed), typed-in drafts last', async () => {
		const typed = await createRecord(db, { content: notice('管理员录入'), publish: false }, actor);
		const text = '甲乙丙丁戊己庚辛壬癸'.repeat(3);
		await importPage(
			db,
			{ file: 'b.txt', text: text + 'B', paper: '株洲日报', published: '2026-11-20', page: 'A2' },
			[extracted('后印的', 20, 0.5), extracted('先印的', 2, 0.4)]
		);
		await importPage(
			db,
			{ file: 'a.txt', text: text + 'A', paper: '株洲日报', published: '2026-11-19', page: 'A1' },
			[extracted('更早一天', 10, 0.6)]
		);
		const titles = (await listReviewQueue(db)).items.map((i) => i.title);
		expect(titles).toEqual(['更早一天', '先印的', '后印的', '管理员录入']);

		const only = async (filter: Parameters<typeof listReviewQueue>[2]) =>
			(await listReviewQueue(db, 1, filter)).items.map((i) => i.title);
		expect(await only({ q: '印' })).toEqual(['先印的', '后印的']);
		expect(await only({ q: '%' })).toEqual([]);
		expect(await only({ below: 0.5 })).toEqual(['先印的']);
		const [source] = await db.selectFrom('sources').select('id').where('page', '=', 'A1').execute();
		expect(await only({ source: source.id })).toEqual(['更早一天']);
		expect(await only({ kind: 'hotline' })).toEqual([]);
		expect((await listReviewQueue(db, 1, { age: 'today' })).total).toBe(4);
		expect((await listReviewQueue(db, 1, { age: 'older' })).total).toBe(0);
		expect(typed).toBeGreaterThan(0);
	});

	it('keeps a reject reason in the moderation log', async () => {
		const id = await createRecord(db, { content: notice('误识别'), publish: false }, actor);
		await changeRecordStatus(db, { id, transition: 'reject', reason: '不是便民信息' }, actor);
		const log = await db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'reject')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(log.detail)).toMatchObject({ reason: '不是便民信息', to: 'rejected' });
	});
});
