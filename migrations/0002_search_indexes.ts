import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect';

/**
 * What keeps search, the home page and the importer fast at a million records (measured with
 * `npm run bench`, see the README's benchmark section).
 *
 * Frozen once landed: never edit; add 0003_… instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
	// Search counts its matches per kind and status: up to 10,000 look-ups per query. In the
	// records table each look-up lands on a different page of wide rows (body, data); even a
	// covering index (id, kind, status) is 32 MB at a million records. record_facets holds the
	// same facts as one small integer per record (10 MB, stays in the page cache): the count of
	// 10,000 matches takes 3 ms instead of 5 ms (index) or 75 ms (records rows).
	// record_facet_counts names the codes and keeps the number of records of each (kind,
	// status), so the home page's counts are one read instead of a scan of every record
	// (80 ms at 100k records, growing with the table).
	// Triggers keep both exact whatever code writes records. A status added later needs one
	// more row per kind in record_facet_counts, not new triggers or new decoding code.
	await sql`create table record_facet_counts (
		code integer primary key,
		kind text not null,
		status text not null,
		n integer not null default 0,
		unique (kind, status)
	)`.execute(db);
	const kinds = ['hotline', 'procedure', 'lost_found', 'family_search', 'event'];
	const statuses = ['draft', 'published', 'archived', 'resolved', 'expired', 'rejected'];
	let code = 0;
	for (const kind of kinds)
		for (const status of statuses)
			await sql`insert into record_facet_counts (code, kind, status)
				values (${code++}, ${kind}, ${status})`.execute(db);

	await sql`create table record_facets (
		id integer primary key,
		facet integer not null
	)`.execute(db);
	if (isPostgres(db)) await createFacetTriggersPostgres(db);
	else await createFacetTriggersSqlite(db);
	await sql`insert into record_facets (id, facet)
		select r.id, c.code from records r join record_facet_counts c
		on c.kind = r.kind and c.status = r.status`.execute(db);
	await sql`update record_facet_counts
		set n = (select count(*) from record_facets f where f.facet = record_facet_counts.code)`.execute(
		db
	);

	// The home page's "newest" list: without it, every published record is sorted per request.
	await db.schema
		.createIndex('records_status_published')
		.on('records')
		.columns(['status', 'published_at'])
		.execute();
	// The importer's duplicate check (same kind, title and body, see findPossibleDuplicate):
	// without an index, a scan of every record of that kind per imported notice; with one on
	// (kind, title) alone, still every record of a common title (查找弃婴生父母公告: 2,800 rows
	// read per check on average at a million records, 2.3 ms). Equal bodies have equal
	// lengths and equal endings, so length(body) and substr(body, -8) — a fingerprint made of
	// built-in functions — narrow that to a few dozen rows without indexing whole bodies.
	// (PostgreSQL spells the ending right(body, 8); see db/dialect expr.tail.)
	if (isPostgres(db))
		await sql`create index records_duplicate_check
			on records (kind, title, length(body), right(body, 8))`.execute(db);
	else
		await sql`create index records_duplicate_check
		on records (kind, title, length(body), substr(body, -8))`.execute(db);
}

async function createFacetTriggersSqlite(db: Kysely<any>): Promise<void> {
	const facetOf = (row: 'new' | 'old') =>
		sql`(select code from record_facet_counts where kind = ${sql.raw(row)}.kind and status = ${sql.raw(row)}.status)`;
	await sql`create trigger record_facets_insert after insert on records begin
		insert into record_facets (id, facet) values (new.id, ${facetOf('new')});
		update record_facet_counts set n = n + 1 where code = ${facetOf('new')};
	end`.execute(db);
	await sql`create trigger record_facets_update after update of id, kind, status on records begin
		delete from record_facets where id = old.id;
		insert into record_facets (id, facet) values (new.id, ${facetOf('new')});
		update record_facet_counts set n = n - 1 where code = ${facetOf('old')};
		update record_facet_counts set n = n + 1 where code = ${facetOf('new')};
	end`.execute(db);
	await sql`create trigger record_facets_delete after delete on records begin
		delete from record_facets where id = old.id;
		update record_facet_counts set n = n - 1 where code = ${facetOf('old')};
	end`.execute(db);
}

/**
 * The same triggers in PL/pgSQL. A status change updates two count rows; they are locked in
 * code order first, so two transactions moving records in opposite directions (publish one,
 * unpublish another) wait for each other instead of deadlocking.
 */

async function createFacetTriggersPostgres(db: Kysely<any>): Promise<void> {
	await sql`create function record_facets_sync() returns trigger language plpgsql as $$
		declare
			old_code integer;
			new_code integer;
		begin
			if tg_op in ('UPDATE', 'DELETE') then
				select code into old_code from record_facet_counts
					where kind = old.kind and status = old.status;
			end if;
			if tg_op in ('UPDATE', 'INSERT') then
				select code into new_code from record_facet_counts
					where kind = new.kind and status = new.status;
			end if;
			perform 1 from record_facet_counts where code in (old_code, new_code)
				order by code for update;
			if tg_op in ('UPDATE', 'DELETE') then
				delete from record_facets where id = old.id;
				update record_facet_counts set n = n - 1 where code = old_code;
			end if;
			if tg_op in ('UPDATE', 'INSERT') then
				insert into record_facets (id, facet) values (new.id, new_code);
				update record_facet_counts set n = n + 1 where code = new_code;
			end if;
			return null;
		end $$`.execute(db);
	await sql`create trigger record_facets_sync
		after insert or delete or update of id, kind, status on records
		for each row execute function record_facets_sync()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('records_duplicate_check').ifExists().execute();
	await db.schema.dropIndex('records_status_published').ifExists().execute();
	if (isPostgres(db)) {
		await sql`drop trigger if exists record_facets_sync on records`.execute(db);
		await sql`drop function if exists record_facets_sync()`.execute(db);
	} else
		for (const trigger of ['record_facets_insert', 'record_facets_update', 'record_facets_delete'])
			await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
	await db.schema.dropTable('record_facets').ifExists().execute();
	await db.schema.dropTable('record_facet_counts').ifExists().execute();
}
