import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect';

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
	if (isPostgres(db)) return upPostgres(db);
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

/**
 * The same columns, indexes and triggers on PostgreSQL: the SQLite trigger bodies as PL/pgSQL
 * functions (a trigger's WHEN may not hold a subquery there, so main_phone's test moved inside),
 * `is` spelled `is not distinct from`, and date(t, '+8 hours') as to_char(t::timestamp + 8 h).
 */

async function upPostgres(db: Kysely<any>): Promise<void> {
	const fromSources = (recordId: string) =>
		sql.raw(`coalesce(
		(select max(s.published) from provenance p join sources s on s.id = p.source_id
			where p.record_id = ${recordId}),
		(select to_char(r.created_at::timestamp + interval '8 hours', 'YYYY-MM-DD')
			from records r where r.id = ${recordId}))`);
	await sql`alter table records add column issued_on text`.execute(db);
	await sql`alter table records add column main_phone text`.execute(db);
	await sql`update records set main_phone = ${MAIN_PHONE('records.id')}`.execute(db);
	await sql`create index records_twins
		on records (kind, title, main_phone, status, issued_on, id)`.execute(db);
	await sql`create function record_phones_main() returns trigger language plpgsql as $$
		declare
			current_main text;
		begin
			if tg_op = 'INSERT' then
				select main_phone into current_main from records where id = new.record_id;
				if current_main is not distinct from new.number
					or (new.position > 0 and current_main is not null) then
					return null;
				end if;
			end if;
			if tg_op in ('INSERT', 'UPDATE') then
				update records set main_phone = ${MAIN_PHONE('new.record_id')} where id = new.record_id;
			end if;
			if tg_op in ('UPDATE', 'DELETE') then
				update records set main_phone = ${MAIN_PHONE('old.record_id')} where id = old.record_id;
			end if;
			return null;
		end $$`.execute(db);
	await sql`create trigger record_phones_main after insert or update or delete on record_phones
		for each row execute function record_phones_main()`.execute(db);

	await sql`update records set issued_on = ${fromSources('records.id')}`.execute(db);
	await sql`create index records_kind_status_issued on records (kind, status, issued_on)`.execute(
		db
	);
	await sql`create index records_status_issued on records (status, issued_on)`.execute(db);
	await sql`create function records_issued_insert() returns trigger language plpgsql as $$
		begin
			update records set issued_on = to_char(new.created_at::timestamp + interval '8 hours', 'YYYY-MM-DD')
				where id = new.id;
			return null;
		end $$`.execute(db);
	await sql`create trigger records_issued_insert after insert on records
		for each row when (new.issued_on is null) execute function records_issued_insert()`.execute(db);
	await sql`create function provenance_issued() returns trigger language plpgsql as $$
		begin
			if tg_op = 'INSERT' then
				update records set issued_on = ${fromSources('new.record_id')} where id = new.record_id;
			else
				update records set issued_on = ${fromSources('old.record_id')} where id = old.record_id;
			end if;
			return null;
		end $$`.execute(db);
	await sql`create trigger provenance_issued after insert or delete on provenance
		for each row execute function provenance_issued()`.execute(db);
	await sql`create function sources_issued_update() returns trigger language plpgsql as $$
		begin
			update records set issued_on = ${fromSources('records.id')}
				where id in (select record_id from provenance where source_id = new.id);
			return null;
		end $$`.execute(db);
	await sql`create trigger sources_issued_update after update of published on sources
		for each row execute function sources_issued_update()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		await sql`drop trigger if exists record_phones_main on record_phones`.execute(db);
		await sql`drop trigger if exists records_issued_insert on records`.execute(db);
		await sql`drop trigger if exists provenance_issued on provenance`.execute(db);
		await sql`drop trigger if exists sources_issued_update on sources`.execute(db);
		for (const fn of [
			'record_phones_main',
			'records_issued_insert',
			'provenance_issued',
			'sources_issued_update'
		])
			await sql`drop function if exists ${sql.id(fn)}()`.execute(db);
	} else
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
