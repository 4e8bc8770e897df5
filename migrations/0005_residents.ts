import { sql, type Kysely } from 'kysely';
import { nowIso, serialKey, types } from './dialect';

/**
 * Residents take part: notices posted without an account (each with a private link, stored
 * only as its hash), 信息有误 reports on any record, the events the abuse limits count, and
 * addresses a moderator blocked.
 *
 * Frozen once landed: never edit; add a later migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = serialKey(db);
	const now = nowIso(db);
	const t = types(db);
	await db.schema
		.createTable('submissions')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().unique().references('records.id').onDelete('cascade')
		)
		// SHA-256 of the private link's token: a leaked database does not give the links away.
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('phone_digits', 'text')
		// Same kind, title and phone: a second post of a pending one is refused.
		.addColumn('fingerprint', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('submissions_fingerprint')
		.on('submissions')
		.column('fingerprint')
		.execute();
	await db.schema.createIndex('submissions_address').on('submissions').column('address').execute();

	await db.schema
		.createTable('reports')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('message', 'text', (c) => c.notNull())
		.addColumn('contact', 'text')
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | fixed | no_change
		.addColumn('reply', 'text')
		.addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('resolved_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema.createIndex('reports_status').on('reports').columns(['status', 'id']).execute();
	await db.schema.createIndex('reports_record').on('reports').column('record_id').execute();

	// One row per post or report tried (accepted or refused), under the address and the phone:
	// what the limits count and what a moderator reads as a submitter's history.
	await db.schema
		.createTable('participation_events')
		.addColumn('id', 'integer', id)
		.addColumn('key', 'text', (c) => c.notNull()) // ip:<address> | phone:<digits>
		.addColumn('action', 'text', (c) => c.notNull()) // submit | report
		.addColumn('outcome', 'text', (c) => c.notNull()) // accepted | refused:<reason>
		.addColumn('at', t.unixMs, (c) => c.notNull()) // ms since epoch
		.execute();
	await db.schema
		.createIndex('participation_events_key')
		.on('participation_events')
		.columns(['key', 'at'])
		.execute();

	await db.schema
		.createTable('blocked_addresses')
		.addColumn('address', 'text', (c) => c.primaryKey())
		.addColumn('reason', 'text')
		.addColumn('blocked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	// Links a moderator confirmed between notices that may be about the same person or thing
	// (a family's 寻人 and a found-child notice); only confirmed links are shown to the public.
	await db.schema
		.createTable('record_links')
		.addColumn('record_a', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('record_b', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('score', t.double, (c) => c.notNull())
		.addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('confirmed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addPrimaryKeyConstraint('record_links_pk', ['record_a', 'record_b'])
		.addCheckConstraint('record_links_order', sql`record_a < record_b`)
		.execute();
	await db.schema.createIndex('record_links_b').on('record_links').column('record_b').execute();

	// The secret that signs the time a public form was shown (minimum fill time), kept in the
	// database so it survives restarts and is the same for every process.
	await db.schema
		.createTable('app_secrets')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'app_secrets',
		'blocked_addresses',
		'participation_events',
		'reports',
		'submissions'
	]) {
		await db.schema.dropTable(t).execute();
	}
}
