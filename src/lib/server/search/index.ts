import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Phone } from '../../extract/types';
import { phoneSearchTerms } from '../../records/fields';
import type { Database } from '../db/schema';
import type { DB } from '../db';
import { indexText } from './tokenize';

export interface IndexedRecord {
	id: number;
	title: string;
	keys: string;
	body: string;
	phones: readonly Pick<Phone, 'number'>[];
}

/**
 * Writes a record's search entry. Call inside the transaction that writes the record, so a saved
 * edit is searchable the moment it is committed and a rolled-back one never is.
 */
export async function writeSearchEntry(
	trx: Transaction<Database> | DB,
	record: IndexedRecord
): Promise<void> {
	await sql`delete from record_fts where rowid = ${record.id}`.execute(trx);
	await sql`insert into record_fts (rowid, title, keys, body, phones) values (
		${record.id},
		${indexText(record.title)},
		${indexText(record.keys)},
		${indexText(record.body)},
		${record.phones.flatMap((p) => phoneSearchTerms(p)).join(' ')}
	)`.execute(trx);
}

export async function deleteSearchEntry(
	trx: Transaction<Database> | DB,
	id: number
): Promise<void> {
	await sql`delete from record_fts where rowid = ${id}`.execute(trx);
}
