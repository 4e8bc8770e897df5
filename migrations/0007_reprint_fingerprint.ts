import { sql, type Kysely } from 'kysely';

/**
 * records.fingerprint: what makes two printings of a 遗失声明 / 寻物 / 招领 or 寻亲 notice the
 * same notice (src/lib/records/reprints.ts), hashed, written with the record by the app.
 * Lists fold a reprint into its newest printing by one index seek on (kind, fingerprint), as
 * they fold hotlines by (kind, title, main_phone) — comparing passages row by row took minutes
 * at 50,000 records. Null for other kinds and for rows written before this migration until
 * `npm start` fills them (fillReprintFingerprints): a null is never folded.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table records add column fingerprint text`.execute(db);
	await sql`create index records_reprints
		on records (kind, fingerprint, status, issued_on, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('records_reprints').ifExists().execute();
	await sql`alter table records drop column fingerprint`.execute(db);
}
