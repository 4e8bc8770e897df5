import { sql, type Kysely } from 'kysely';

/**
 * records.issued_on and records.main_phone.
 *
 * issued_on: the date the information was printed — the newest page a record was read
 * from, or the day a moderator posted it (Beijing date) — what residents mean by "published".
 * published_at is the moment the record went public on this site (an import of 2020 pages in
 * 2026 makes 2020 Q&As look new), so listings rank, show and filter by issued_on instead.
 *
 * Triggers keep it exact whatever code writes records, provenance or a page's date (a moderator
 * correcting a page's date at /mod/sources moves its records).
 */
const FROM_SOURCES = (recordId: string) =>
	sql.raw(`coalesce(
	(select max(s.published) from provenance p join sources s on s.id = p.source_id
		where p.record_id = ${recordId}),
	(select date(r.created_at, '+8 hours') from records r where r.id = ${recordId}))`);

const MAIN_PHONE = (recordId: string) =>
	sql.raw(`(select number from record_phones where record_id = ${recordId}
		order by position, id limit 1)`);

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table records add column issued_on text`.execute(db);
	// records.main_phone: the number a notice leads with, kept by triggers. Lists show it as
	// tap-to-call, and a notice printed again (same kind, title and number) is found by one
	// index seek on records_twins instead of comparing numbers row by row (minutes at 100k).
	await sql`alter table records add column main_phone text`.execute(db);
	await sql`update records set main_phone = ${MAIN_PHONE('records.id')}`.execute(db);
	await sql`create index records_twins
		on records (kind, title, main_phone, status, issued_on, id)`.execute(db);
	// Phones are written in order (position 0, 1, …): a later phone cannot become the main one,
	// and a phone equal to the main number changes nothing. Skipping those keeps a bulk load
	// (which sets main_phone itself and drops record_phones' index while loading) linear.
	const current = sql.raw('(select main_phone from records where id = new.record_id)');
	await sql`create trigger record_phones_main_insert after insert on record_phones
		when not (${current} is new.number or (new.position > 0 and ${current} is not null))
		begin
			update records set main_phone = ${MAIN_PHONE('new.record_id')} where id = new.record_id;
		end`.execute(db);
	await sql`create trigger record_phones_main_update after update on record_phones begin
		update records set main_phone = ${MAIN_PHONE('new.record_id')} where id = new.record_id;
		update records set main_phone = ${MAIN_PHONE('old.record_id')} where id = old.record_id;
	end`.execute(db);
	await sql`create trigger record_phones_main_delete after delete on record_phones begin
		update records set main_phone = ${MAIN_PHONE('old.record_id')} where id = old.record_id;
	end`.execute(db);

	await sql`update records set issued_on = ${FROM_SOURCES('records.id')}`.execute(db);
	// Listings of one kind sorted newest printed first, and the home page's newest across kinds.
	await sql`create index records_kind_status_issued on records (kind, status, issued_on)`.execute(
		db
	);
	await sql`create index records_status_issued on records (status, issued_on)`.execute(db);
	await sql`create trigger records_issued_insert after insert on records
		when new.issued_on is null begin
		update records set issued_on = date(new.created_at, '+8 hours') where id = new.id;
	end`.execute(db);
	await sql`create trigger provenance_issued_insert after insert on provenance begin
		update records set issued_on = ${FROM_SOURCES('new.record_id')} where id = new.record_id;
	end`.execute(db);
	await sql`create trigger provenance_issued_delete after delete on provenance begin
		update records set issued_on = ${FROM_SOURCES('old.record_id')} where id = old.record_id;
	end`.execute(db);
	await sql`create trigger sources_issued_update after update of published on sources begin
		update records set issued_on = ${FROM_SOURCES('records.id')}
			where id in (select record_id from provenance where source_id = new.id);
	end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const trigger of [
		'record_phones_main_insert',
		'record_phones_main_update',
		'record_phones_main_delete',
		'records_issued_insert',
		'provenance_issued_insert',
		'provenance_issued_delete',
		'sources_issued_update'
	])
		await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
	await db.schema.dropIndex('records_status_issued').ifExists().execute();
	await db.schema.dropIndex('records_kind_status_issued').ifExists().execute();
	await db.schema.dropIndex('records_twins').ifExists().execute();
	await sql`alter table records drop column issued_on`.execute(db);
	await sql`alter table records drop column main_phone`.execute(db);
}
