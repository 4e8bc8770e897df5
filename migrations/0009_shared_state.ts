import { sql, type Kysely } from 'kysely';
import { isPostgres, types } from './dialect';

/**
 * State that several app processes on one database must share (issue 18).
 *
 * - `key_locks`: one row per key (an address, a phone) that a transaction upserts first, so a
 *   count-then-write on that key (a limit) runs one at a time across processes. PostgreSQL holds
 *   the row lock until commit; SQLite's BEGIN IMMEDIATE already serialises every writer.
 * - `id_search_attempts`: the ID-number searches per address (was a per-process map, so each
 *   server allowed its own 10 an hour).
 * - `page_jobs.heartbeat_at`: refreshed by the process running a job, so a server starting up
 *   re-queues only jobs whose process died, not the job another live server is reading.
 * - Indexes on the foreign keys that pointed at big tables without one: deleting a record or a
 *   page scanned every record / suggestion / job for rows pointing at it (a database emptied
 *   before `npm run db:copy` refills it took minutes per 10,000 records).
 * - `data_version` (PostgreSQL only): a counter every write to the content tables bumps in its own
 *   transaction (at commit), so a process knows when its read memo is stale. SQLite has this built in
 *   (`PRAGMA data_version`), and the memo reads that there.
 *
 * Times are unix ms (bigint on PostgreSQL: its integer ends in 1970 + 24 days).
 * Frozen once landed: never edit; add a later migration instead.
 */

/**
 * The tables whose writes do not change what the read memo holds (sign-ins, limits, the page
 * queue): their churn must not empty every server's memo. Every other table bumps
 * `data_version`; a table added later must get the trigger too (db/readCache.test.ts checks).
 */
export const UNVERSIONED_TABLES = [
	'sessions',
	'login_attempts',
	'participation_events',
	'id_search_attempts',
	'key_locks',
	'app_secrets',
	'page_jobs',
	'data_version',
	'search_index_version',
	'kysely_migration',
	'kysely_migration_lock'
];

export async function up(db: Kysely<any>): Promise<void> {
	const { unixMs } = types(db);
	await db.schema
		.createTable('key_locks')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('locked_at', unixMs, (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('id_search_attempts')
		.addColumn('key', 'text', (c) => c.notNull()) // 'ip:<address>'
		.addColumn('at', unixMs, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('id_search_attempts_key_at')
		.on('id_search_attempts')
		.columns(['key', 'at'])
		.execute();

	await db.schema.alterTable('page_jobs').addColumn('heartbeat_at', unixMs).execute();

	await db.schema
		.createIndex('records_duplicate_of')
		.on('records')
		.column('duplicate_of')
		.where('duplicate_of', 'is not', null)
		.execute();
	await db.schema.createIndex('suggestions_source').on('suggestions').column('source_id').execute();
	await db.schema.createIndex('page_jobs_source').on('page_jobs').column('source_id').execute();

	if (!isPostgres(db)) return;

	await db.schema
		.createTable('data_version')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('version', 'bigint', (c) => c.notNull())
		.execute();
	await db.insertInto('data_version').values({ id: 1, version: 0 }).execute();
	// Bumped once per transaction, AT COMMIT: a deferred constraint trigger per written row runs
	// then, and the transaction-local flag (set_config's third argument, undone by a rollback) makes
	// all but the first a no-op. Bumping at the first write instead held the row's lock from there
	// to commit: an import holding it while it updated a record deadlocked with a moderator who
	// had updated that record and waited for the counter (found by load-two-servers.spec.ts).
	// Taken last, the lock is never held while waiting for another.
	await sql`create function bianmin_bump_data_version() returns trigger language plpgsql as $$
		begin
			if current_setting('bianmin.data_version_bumped', true) is distinct from 'yes' then
				update data_version set version = version + 1 where id = 1;
				perform set_config('bianmin.data_version_bumped', 'yes', true);
			end if;
			return null;
		end $$`.execute(db);
	const { rows } = await sql<{ name: string }>`
		select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
	for (const { name } of rows) {
		if (UNVERSIONED_TABLES.includes(name)) continue;
		await sql`create constraint trigger ${sql.id(`${name}_data_version`)}
			after insert or update or delete on ${sql.id(name)}
			deferrable initially deferred
			for each row execute function bianmin_bump_data_version()`.execute(db);
		// TRUNCATE (db:copy) has no row events; it locks the whole table anyway.
		await sql`create trigger ${sql.id(`${name}_data_version_truncate`)}
			after truncate on ${sql.id(name)}
			for each statement execute function bianmin_bump_data_version()`.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		const { rows } = await sql<{ name: string }>`
			select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
		for (const { name } of rows) {
			for (const trigger of [`${name}_data_version`, `${name}_data_version_truncate`])
				await sql`drop trigger if exists ${sql.id(trigger)} on ${sql.id(name)}`.execute(db);
		}
		await sql`drop function if exists bianmin_bump_data_version()`.execute(db);
		await db.schema.dropTable('data_version').ifExists().execute();
	}
	await db.schema.dropIndex('page_jobs_source').ifExists().execute();
	await db.schema.dropIndex('suggestions_source').ifExists().execute();
	await db.schema.dropIndex('records_duplicate_of').ifExists().execute();
	await db.schema.alterTable('page_jobs').dropColumn('heartbeat_at').execute();
	await db.schema.dropTable('id_search_attempts').ifExists().execute();
	await db.schema.dropTable('key_locks').ifExists().execute();
}
