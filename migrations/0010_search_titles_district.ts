import { sql, type Kysely } from 'kysely';

/**
 * The narrow index that search orders a block of matches from (0008) also holds the district:
 * a query that names no place ranks the whole city's hotlines and guides above a county's own
 * (see scope() in src/lib/server/search/query.ts), in blocks as in the bm25 ranking.
 * About 10 s to rebuild at a million records.
 *
 * Frozen once landed: never edit; add a later migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('records_search_titles').ifExists().execute();
	await sql`create index records_search_titles
		on records (id, title, organization, main_phone, district)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('records_search_titles').ifExists().execute();
	await sql`create index records_search_titles
		on records (id, title, organization, main_phone)`.execute(db);
}
