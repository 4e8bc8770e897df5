/**
 * The rows the bulk loaders write for one record — records, record_phones, record_emails, the
 * search entry and the first revision — built from the same helpers insertRecord uses
 * (rowValues, snapshotOf, searchEntryValues), so a bulk-loaded record is the record the app
 * would have written. Each dialect's loader (sqlite.ts, postgres.ts) only decides how to send them.
 */
import { today as beijingDate } from '../../clock';
import type { RecordStatus } from '../../records/kinds';
import type { DerivedColumns } from '../../records/columns';
import type { SearchEntry } from '../db/dialect';
import { rowValues, snapshotOf, type RecordInput } from '../records';
import { searchEntryValues } from '../search/index';

export interface BulkRecord extends RecordInput {
	status: RecordStatus;
	confidence?: number | null;
	/** ISO date-time; also used as created_at/updated_at. Defaults to now. */
	publishedAt?: string;
}

export interface BulkOptions {
	/** Records per transaction. Large transactions amortise the commit; 20k rows ≈ 20 MB. */
	batchSize?: number;
	/** Write the first revision of each record, as insertRecord does (default true). */
	revisions?: boolean;
	onProgress?: (done: number) => void;
}

export interface BulkResult {
	records: number;
	/** Seconds spent inserting rows (search entries included). */
	insertSeconds: number;
	/** Seconds spent building the secondary indexes (and merging or analysing the search index). */
	indexSeconds: number;
}

/** Tables whose secondary indexes are dropped during a load and rebuilt after it. */
export const BULK_TABLES = ['records', 'record_phones', 'record_emails', 'revisions'] as const;

export interface BulkRows {
	/** The `records` row (its id is the loader's). */
	record: Omit<DerivedColumns, 'keys'> & {
		kind: string;
		subtype: string | null;
		title: string;
		status: RecordStatus;
		district: string | null;
		data: string;
		confidence: number | null;
		created_at: string;
		published_at: string | null;
		issued_on: string;
		main_phone: string | null;
		fingerprint: string | null;
	};
	phones: { number: string; digits: string; raw: string; label: string | null; position: number }[];
	emails: string[];
	search: SearchEntry;
	/** The first revision's `after` snapshot (null: no revision written). */
	revision: string | null;
}

/** Everything the loaders write for `record`. */
export function bulkRowsOf(record: BulkRecord, withRevision: boolean): BulkRows {
	const { keys, ...values } = rowValues(record);
	const at = record.publishedAt ?? new Date().toISOString();
	return {
		record: {
			...values,
			status: record.status,
			confidence: record.confidence ?? null,
			created_at: at,
			published_at: record.status === 'draft' ? null : at,
			// Set here, not by the triggers of migration 0006: their look-ups would scan
			// record_phones without its index (dropped while loading) for every phone, and the
			// PostgreSQL loader turns the triggers off.
			issued_on: beijingDate(new Date(at)),
			main_phone: record.phones[0]?.number ?? null
		},
		phones: record.phones.map((p, position) => ({
			number: p.number,
			digits: p.number.replace(/\D/g, ''),
			raw: p.raw,
			label: p.label ?? null,
			position
		})),
		emails: [...record.emails],
		search: searchEntryValues({
			title: record.title,
			keys,
			body: values.body,
			phones: record.phones,
			organization: values.organization
		}),
		revision: withRevision ? snapshotOf(record) : null
	};
}
