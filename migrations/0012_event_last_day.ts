import { sql, type Kysely } from 'kysely';

/**
 * Records by kind, status and last day (the end, else the start, else the sign-up deadline):
 * what decides whether an event is upcoming or past. It replaces 0001's (kind, status,
 * date_start), which no query ordered or filtered by, so writes maintain no more indexes than
 * before.
 *
 * Without it, the count of upcoming events (the home page, the events listing) read every
 * event's row for its dates: 0.34 s at a million records (139,000 events) after every write.
 * From this index: 10–15 ms. Built in 3–22 s at a million records (22 with a cold disk cache).
 *
 * Not a partial index (`where kind = 'event'`): with one, SQLite re-plans every statement that
 * compares `kind` to a bound parameter each time it runs (the plan depends on the value),
 * which made a one-row look-up 3–4 times slower.
 *
 * Frozen once landed: never edit; add a later migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('records_kind_status_date').ifExists().execute();
	await sql`create index records_kind_status_last_day
		on records (kind, status, (coalesce(date_end, date_start, deadline)))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('records_kind_status_last_day').ifExists().execute();
	await db.schema
		.createIndex('records_kind_status_date')
		.on('records')
		.columns(['kind', 'status', 'date_start'])
		.execute();
}
