import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Phone } from '../records/types';
import type { Kind, RecordStatus } from '../records/kinds';
import { toColumns, type RecordFields } from '../records/columns';
import { reprintKey } from '../records/reprints';
import type { DB } from './db';
import type { Database } from './db/schema';
import { deleteSearchEntry, writeSearchEntry } from './search/index';

type Trx = Transaction<Database>;

/** A content hash (pages, extraction snapshots, reprint fingerprints). */
export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** A record as pages and the API see it (camelCase, JSON parsed). */
export interface RecordDetail {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: RecordStatus;
	district: string | null;
	fields: RecordFields;
	phones: Phone[];
	emails: string[];
	confidence: number | null;
	flags: string[];
	version: number;
	humanEdited: boolean;
	duplicateOf: number | null;
	createdAt: string;
	updatedAt: string;
	publishedAt: string | null;
	dateStart: string | null;
	dateEnd: string | null;
	deadline: string | null;
	/** Date the information was printed (newest source page) or posted, Beijing. */
	issuedOn: string | null;
	sources: RecordSource[];
}

export interface RecordSource {
	sourceId: number;
	paper: string;
	published: string;
	page: string | null;
	file: string;
	start: number;
	end: number;
}

/** What a moderator or the importer writes: the editable content of a record. */
export interface RecordInput {
	kind: Kind;
	subtype: string | null;
	title: string;
	district: string | null;
	fields: RecordFields;
	phones: Phone[];
	emails: string[];
}

/** A stable JSON form of a record's content: the unit of revisions and of change detection. */
export function snapshotOf(input: RecordInput & { status?: RecordStatus }): string {
	return JSON.stringify({
		kind: input.kind,
		subtype: input.subtype,
		title: input.title,
		status: input.status,
		district: input.district,
		fields: input.fields,
		phones: input.phones,
		emails: input.emails
	});
}

/**
 * The `records` columns of a record's content (plus `keys`, which only the search index
 * stores). Shared by insertRecord/updateRecord and the bulk loader, so both write the same rows.
 */
export function rowValues(input: RecordInput) {
	const c = toColumns(input.kind, input.fields);
	const reprint = reprintKey(input);
	return {
		kind: input.kind,
		subtype: input.subtype,
		title: input.title,
		district: input.district,
		organization: c.organization,
		document_type: c.document_type,
		document_number: c.document_number,
		gender: c.gender,
		place: c.place,
		date_start: c.date_start,
		date_end: c.date_end,
		deadline: c.deadline,
		body: c.body,
		data: JSON.stringify(input.fields),
		// What lists fold reprints of a lost & found or 寻亲 notice by (records/reprints.ts).
		fingerprint: reprint === null ? null : sha256(reprint).slice(0, 32),
		keys: c.keys
	};
}

async function writeChildren(trx: Trx, id: number, input: RecordInput): Promise<void> {
	await trx.deleteFrom('record_phones').where('record_id', '=', id).execute();
	await trx.deleteFrom('record_emails').where('record_id', '=', id).execute();
	if (input.phones.length) {
		await trx
			.insertInto('record_phones')
			.values(
				input.phones.map((p, position) => ({
					record_id: id,
					number: p.number,
					digits: p.number.replace(/\D/g, ''),
					raw: p.raw,
					label: p.label ?? null,
					position
				}))
			)
			.execute();
	}
	if (input.emails.length) {
		await trx
			.insertInto('record_emails')
			.values(input.emails.map((email) => ({ record_id: id, email })))
			.execute();
	}
	const { keys, body, organization } = rowValues(input);
	await writeSearchEntry(trx, {
		id,
		title: input.title,
		keys,
		body,
		phones: input.phones,
		organization
	});
}

export interface CreateOptions {
	status: RecordStatus;
	confidence?: number | null;
	flags?: string[];
	sourceKey?: string | null;
	extractedHash?: string | null;
	userId?: number | null;
	action?: string;
}

/** Inserts a record with its phones, emails, search entry and first revision. */
export async function insertRecord(
	trx: Trx,
	input: RecordInput,
	opts: CreateOptions
): Promise<number> {
	const { keys: _keys, ...values } = rowValues(input);
	const now = new Date().toISOString();
	const { id } = await trx
		.insertInto('records')
		.values({
			...values,
			status: opts.status,
			confidence: opts.confidence ?? null,
			flags: JSON.stringify(opts.flags ?? []),
			source_key: opts.sourceKey ?? null,
			extracted_hash: opts.extractedHash ?? null,
			human_edited: opts.userId ? 1 : 0,
			created_by: opts.userId ?? null,
			published_at: opts.status === 'published' ? now : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await writeChildren(trx, id, input);
	await trx
		.insertInto('revisions')
		.values({
			record_id: id,
			version: 1,
			user_id: opts.userId ?? null,
			action: opts.action ?? (opts.userId ? 'create' : 'import'),
			before: null,
			after: snapshotOf({ ...input, status: opts.status })
		})
		.execute();
	return id;
}

export class VersionConflictError extends Error {
	constructor(readonly currentVersion: number) {
		super('record was changed by someone else');
	}
}

export interface UpdateOptions {
	/** The version the editor started from; the save is refused when the record moved on. */
	expectedVersion?: number;
	status?: RecordStatus;
	userId: number | null;
	action: string;
	humanEdited?: boolean;
	extractedHash?: string | null;
	flags?: string[];
}

/**
 * Replaces a record's content, writing a revision (before → after) and its search entry in the
 * same transaction. Throws VersionConflictError when expectedVersion is stale.
 */
export async function updateRecord(
	trx: Trx,
	id: number,
	input: RecordInput,
	opts: UpdateOptions
): Promise<number> {
	const current = await trx
		.selectFrom('records')
		.select(['version', 'status', 'kind', 'subtype', 'title', 'district', 'data', 'published_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!current) throw new Error(`record ${id} not found`);
	if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) {
		throw new VersionConflictError(current.version);
	}
	const before = await snapshotById(trx, id);
	const status = opts.status ?? current.status;
	const { keys: _keys, ...values } = rowValues(input);
	const version = current.version + 1;
	const result = await trx
		.updateTable('records')
		.set({
			...values,
			status,
			version,
			updated_at: new Date().toISOString(),
			published_at:
				status === 'published' && !current.published_at
					? new Date().toISOString()
					: current.published_at,
			...(opts.humanEdited ? { human_edited: 1 } : {}),
			...(opts.extractedHash !== undefined ? { extracted_hash: opts.extractedHash } : {}),
			...(opts.flags ? { flags: JSON.stringify(opts.flags) } : {})
		})
		.where('id', '=', id)
		.where('version', '=', current.version)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw new VersionConflictError(current.version);
	await writeChildren(trx, id, input);
	await trx
		.insertInto('revisions')
		.values({
			record_id: id,
			version,
			user_id: opts.userId,
			action: opts.action,
			before,
			after: snapshotOf({ ...input, status })
		})
		.execute();
	return version;
}

/** Changes only the status (publish, reject, archive, resolve …), with a revision. */
export async function setRecordStatus(
	trx: Trx,
	id: number,
	status: RecordStatus,
	opts: { userId: number | null; action: string; expectedVersion?: number }
): Promise<number> {
	const input = await findRecordInput(trx, id);
	if (!input) throw new Error(`record ${id} not found`);
	return updateRecord(trx, id, input, { ...opts, status });
}

/** Removes a record for good (admin only, logged by the caller). */
export async function hardDeleteRecord(trx: Trx, id: number): Promise<void> {
	await deleteSearchEntry(trx, id);
	await trx.deleteFrom('records').where('id', '=', id).execute();
}

export async function findRecordInput(trx: Trx | DB, id: number): Promise<RecordInput | undefined> {
	const row = await trx
		.selectFrom('records')
		.select(['kind', 'subtype', 'title', 'district', 'data'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const phones = await trx
		.selectFrom('record_phones')
		.select(['number', 'raw', 'label'])
		.where('record_id', '=', id)
		.orderBy('position')
		.execute();
	const emails = await trx
		.selectFrom('record_emails')
		.select('email')
		.where('record_id', '=', id)
		.execute();
	return {
		kind: row.kind,
		subtype: row.subtype,
		title: row.title,
		district: row.district,
		fields: JSON.parse(row.data) as RecordFields,
		phones: phones.map((p) => ({
			number: p.number,
			raw: p.raw,
			...(p.label ? { label: p.label } : {})
		})),
		emails: emails.map((e) => e.email)
	};
}

async function snapshotById(trx: Trx | DB, id: number): Promise<string> {
	const input = await findRecordInput(trx, id);
	const status = await trx
		.selectFrom('records')
		.select('status')
		.where('id', '=', id)
		.executeTakeFirst();
	return snapshotOf({ ...input!, status: status?.status });
}

/** The record with its phones, emails and provenance, or undefined. */
export async function findRecordById(db: DB | Trx, id: number): Promise<RecordDetail | undefined> {
	const row = await db
		.selectFrom('records')
		.select([
			'id',
			'kind',
			'subtype',
			'title',
			'status',
			'district',
			'data',
			'confidence',
			'flags',
			'version',
			'human_edited',
			'duplicate_of',
			'created_at',
			'updated_at',
			'published_at',
			'date_start',
			'date_end',
			'deadline',
			'issued_on'
		])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const input = (await findRecordInput(db, id))!;
	const sources = await db
		.selectFrom('provenance')
		.innerJoin('sources', 'sources.id', 'provenance.source_id')
		.select([
			'sources.id as sourceId',
			'sources.paper',
			'sources.published',
			'sources.page',
			'sources.file',
			'provenance.start',
			'provenance.end'
		])
		.where('provenance.record_id', '=', id)
		.orderBy('sources.published')
		.execute();
	return {
		id: row.id,
		kind: row.kind,
		subtype: row.subtype,
		title: row.title,
		status: row.status,
		district: row.district,
		fields: input.fields,
		phones: input.phones,
		emails: input.emails,
		confidence: row.confidence,
		flags: JSON.parse(row.flags) as string[],
		version: row.version,
		humanEdited: row.human_edited === 1,
		duplicateOf: row.duplicate_of,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		publishedAt: row.published_at,
		dateStart: row.date_start,
		dateEnd: row.date_end,
		deadline: row.deadline,
		issuedOn: row.issued_on,
		sources
	};
}

/** The page text of a source, for showing a record's passage. */
export async function findSourceText(db: DB, sourceId: number): Promise<string | undefined> {
	const row = await db
		.selectFrom('sources')
		.select('text')
		.where('id', '=', sourceId)
		.executeTakeFirst();
	return row?.text;
}
