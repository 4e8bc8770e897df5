/**
 * Storing one page and the records extracted from it: the page is kept once per content hash,
 * each record is keyed by (page hash, kind, offsets) so a second import changes nothing, a
 * probable duplicate of an existing notice waits as a draft, and a changed extraction updates
 * what nobody edited or becomes a suggestion for what a moderator did. The file-level importer
 * (importer.ts) and upload jobs (pages/jobs.ts) both come through here; records.ts holds the
 * queries they call.
 */
import { sql, type Transaction } from 'kysely';
import { CONFIDENCE_THRESHOLD } from '../extract/types';
import { type ExtractedRecord } from '../records/types';
import type { Kind, RecordStatus } from '../records/kinds';
import type { PageRegion } from '../pages/layout';
import { fieldsOf, toColumns, type RecordFields } from '../records/columns';
import type { DB } from './db';
import { dialectOf } from './db/dialect';
import { FOLDED_BY_KEY } from '../records/reprints';
import type { Database } from './db/schema';
import {
	insertRecord,
	rowValues,
	sha256,
	snapshotOf,
	updateRecord,
	type RecordInput
} from './records';

type Trx = Transaction<Database>;

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
