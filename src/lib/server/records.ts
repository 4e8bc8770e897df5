import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { PageRegion } from '../pages/layout';
import type { ExtractedRecord, Kind, Phone } from '../extract/types';
import { CONFIDENCE_THRESHOLD } from '../extract/types';
import { fieldsOf, toColumns, type RecordFields } from '../records/fields';
import { FOLDED_BY_KEY, reprintKey } from '../records/reprints';
import type { DB } from './db';
import { dialectOf } from './db/dialect';
import type { Database, RecordStatus } from './db/schema';
import { deleteSearchEntry, writeSearchEntry } from './search/index';

type Trx = Transaction<Database>;

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

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
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

export function inputFromExtracted(record: ExtractedRecord): RecordInput {
	return {
		kind: record.kind,
		subtype: record.subtype ?? null,
		title: record.title,
		district: record.district ?? null,
		fields: fieldsOf(record),
		phones: record.phones.map((p) => ({
			number: p.number,
			raw: p.raw,
			...(p.label ? { label: p.label } : {})
		})),
		emails: record.emails
	};
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
	const input = await inputById(trx, id);
	if (!input) throw new Error(`record ${id} not found`);
	return updateRecord(trx, id, input, { ...opts, status });
}

/** Removes a record for good (admin only, logged by the caller). */
export async function hardDeleteRecord(trx: Trx, id: number): Promise<void> {
	await deleteSearchEntry(trx, id);
	await trx.deleteFrom('records').where('id', '=', id).execute();
}

async function inputById(trx: Trx | DB, id: number): Promise<RecordInput | undefined> {
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
	const input = await inputById(trx, id);
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
	const input = (await inputById(db, id))!;
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

export { inputById as findRecordInput };

export type ImportOutcome = 'new' | 'unchanged' | 'updated' | 'suggested';

export interface PageToImport {
	file: string;
	text: string;
	paper: string;
	published: string;
	page: string | null;
	/** Where on the page picture a passage was printed (pages read from a PDF or image). */
	regionOf?: (start: number, end: number) => PageRegion | null;
}

export interface PageImportResult {
	sourceId: number;
	newSource: boolean;
	outcomes: Record<ImportOutcome, number>;
	byKind: Partial<Record<Kind, number>>;
}

/**
 * Stores one page and its extracted records in ONE transaction: either the whole page is in the
 * database or none of it. Idempotent: a record is keyed by (page hash, kind, offsets); importing
 * the same page again changes nothing; a changed extraction updates records nobody edited, and
 * becomes a suggestion in the review queue for records a moderator edited.
 */
export async function importPage(
	db: DB,
	page: PageToImport,
	records: readonly ExtractedRecord[]
): Promise<PageImportResult> {
	return db.transaction().execute((trx) => importPageIn(trx, page, records));
}

/** importPage inside the caller's transaction (an upload job writes its pictures in the same one). */
export async function importPageIn(
	trx: Trx,
	page: PageToImport,
	records: readonly ExtractedRecord[]
): Promise<PageImportResult> {
	const hash = sha256(page.text);
	{
		const outcomes: Record<ImportOutcome, number> = {
			new: 0,
			unchanged: 0,
			updated: 0,
			suggested: 0
		};
		const byKind: Partial<Record<Kind, number>> = {};
		let source = await trx
			.selectFrom('sources')
			.select('id')
			.where('content_hash', '=', hash)
			.executeTakeFirst();
		const newSource = !source;
		if (!source) {
			source = await trx
				.insertInto('sources')
				.values({
					paper: page.paper,
					published: page.published,
					page: page.page,
					file: page.file,
					text: page.text,
					content_hash: hash
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		}
		for (const record of records) {
			byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
			const input = inputFromExtracted(record);
			const extractedHash = sha256(snapshotOf(input));
			const sourceKey = `${hash}:${record.kind}:${record.source.start}:${record.source.end}`;
			const existing = await trx
				.selectFrom('records')
				.select(['id', 'extracted_hash', 'human_edited', 'status'])
				.where('source_key', '=', sourceKey)
				.executeTakeFirst();
			const flags = record.flags ?? [];
			if (!existing) {
				const duplicate = await findPossibleDuplicate(trx, input);
				const status: RecordStatus =
					record.confidence >= CONFIDENCE_THRESHOLD && !duplicate ? 'published' : 'draft';
				const id = await insertRecord(trx, input, {
					status,
					confidence: record.confidence,
					flags: duplicate ? [...flags, `可能与记录 #${duplicate} 重复`] : flags,
					sourceKey,
					extractedHash
				});
				if (duplicate)
					await trx
						.updateTable('records')
						.set({ duplicate_of: duplicate })
						.where('id', '=', id)
						.execute();
				const region = page.regionOf?.(record.source.start, record.source.end) ?? null;
				await trx
					.insertInto('provenance')
					.values({
						record_id: id,
						source_id: source.id,
						start: record.source.start,
						end: record.source.end,
						region: region && JSON.stringify(region)
					})
					.execute();
				outcomes.new++;
			} else if (existing.extracted_hash === extractedHash) {
				outcomes.unchanged++;
			} else if (existing.human_edited) {
				const data = JSON.stringify(input);
				const open = await trx
					.selectFrom('suggestions')
					.select('id')
					.where('record_id', '=', existing.id)
					.where('status', '=', 'open')
					.where('data', '=', data)
					.executeTakeFirst();
				if (!open) {
					await trx
						.insertInto('suggestions')
						.values({ record_id: existing.id, source_id: source.id, data })
						.execute();
					outcomes.suggested++;
				} else outcomes.unchanged++;
			} else {
				await updateRecord(trx, existing.id, input, {
					userId: null,
					action: 'reimport',
					extractedHash,
					flags
				});
				outcomes.updated++;
			}
		}
		return { sourceId: source.id, newSource, outcomes, byKind };
	}
}

/** Another record of the same kind with the same title and key number: probably the same notice. */
async function findPossibleDuplicate(trx: Trx, input: RecordInput): Promise<number | undefined> {
	const c = toColumns(input.kind, input.fields);
	let q = trx
		.selectFrom('records')
		.select('id')
		.where('kind', '=', input.kind)
		.where('title', '=', input.title)
		.where('status', '!=', 'rejected');
	// The fingerprint of the body says nothing new, but lets SQLite use the index
	// records_duplicate_check (kind, title, length(body), substr(body, -8)) instead of reading
	// every record with a common title (migration 0002).
	// (PostgreSQL: right(body, 8), see db/dialect expr.tail.) The cast tells PostgreSQL which
	// length() and right() the bound text is for.
	const { tail } = dialectOf(trx).expr;
	const typed = sql`cast(${c.body} as text)`;
	q = c.document_number
		? q.where('document_number', '=', c.document_number)
		: q
				.where(sql<number>`length(body)`, '=', sql<number>`length(${typed})`)
				.where(tail(sql`body`, 8), '=', tail(typed, 8))
				.where('body', '=', c.body);
	const row = await q.limit(1).executeTakeFirst();
	return row?.id;
}

/**
 * Fills records.fingerprint of lost & found and 寻亲 records written before migration 0007
 * (npm start runs it; a no-op once done): 500 records a transaction. Returns how many.
 */
export async function fillReprintFingerprints(db: DB): Promise<number> {
	let done = 0;
	for (;;) {
		const rows = await db
			.selectFrom('records')
			.select(['id', 'kind', 'subtype', 'title', 'data', 'main_phone'])
			.where('kind', 'in', FOLDED_BY_KEY)
			.where('fingerprint', 'is', null)
			.orderBy('id')
			.limit(500)
			.execute();
		if (rows.length === 0) return done;
		await db.transaction().execute(async (trx) => {
			for (const r of rows) {
				const { fingerprint } = rowValues({
					kind: r.kind,
					subtype: r.subtype,
					title: r.title,
					district: null,
					fields: JSON.parse(r.data) as RecordFields,
					phones: r.main_phone ? [{ number: r.main_phone, raw: r.main_phone }] : [],
					emails: []
				});
				await trx.updateTable('records').set({ fingerprint }).where('id', '=', r.id).execute();
			}
		});
		done += rows.length;
	}
}
