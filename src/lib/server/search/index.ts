import type { Transaction } from 'kysely';
import type { Phone } from '../../records/types';
import { phoneSearchTerms } from '../../records/columns';
import type { Database } from '../db/schema';
import type { DB } from '../db';
import { dialectOf } from '../db/dialect';
import { pinyinIndexText } from './pinyin';
import { indexText } from './tokenize';

export interface IndexedRecord {
	id: number;
	title: string;
	keys: string;
	body: string;
	phones: readonly Pick<Phone, 'number'>[];
	/**
	 * The organisation, department or organiser: indexed as pinyin with the title. Required, so
	 * a writer cannot leave it out (a reindex once did, and `yibao` lost its department).
	 */
	organization: string | null;
}

/**
 * The search columns of a record (record_fts on SQLite, record_search's weights on PostgreSQL),
 * as written by writeSearchEntry and the bulk loader.
 */
export function searchEntryValues(record: Omit<IndexedRecord, 'id'>): {
	title: string;
	keys: string;
	body: string;
	phones: string;
	pinyin: string;
} {
	return {
		title: indexText(record.title),
		keys: indexText(record.keys),
		body: indexText(record.body),
		phones: record.phones.flatMap((p) => phoneSearchTerms(p)).join(' '),
		pinyin: pinyinIndexText(record.title, record.organization)
	};
}

/**
 * Writes a record's search entry. Call inside the transaction that writes the record, so a saved
 * edit is searchable the moment it is committed and a rolled-back one never is.
 */
export async function writeSearchEntry(
	trx: Transaction<Database> | DB,
	record: IndexedRecord
): Promise<void> {
	await dialectOf(trx).search.write(trx, record.id, searchEntryValues(record));
}

export async function deleteSearchEntry(
	trx: Transaction<Database> | DB,
	id: number
): Promise<void> {
	await dialectOf(trx).search.remove(trx, id);
}
