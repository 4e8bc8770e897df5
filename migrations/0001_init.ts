import { sql, type Kysely } from 'kysely';
import { isPostgres, nowIso, serialKey, types } from './dialect';

/**
 * The initial schema for all five record kinds, moderation and search.
 *
 * Columns vs JSON: everything a listing filters, sorts or joins on is a real column (kind, subtype,
 * status, district, organization, document type, gender, place, the key dates), so it can be
 * indexed. The kind-specific remainder (steps, requirements, features, how to register, …) is
 * displayed as a whole and never queried by part, so it lives in one JSON `data` column validated
 * by the valibot schemas in src/lib/records. Adding such a field later needs no migration.
 *
 * Frozen once landed: never edit; add 0002_… instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = serialKey(db);
	const now = nowIso(db);
	const t = types(db);
	await db.schema
		.createTable('sources')
		.addColumn('id', 'integer', id)
		.addColumn('paper', 'text', (c) => c.notNull())
		.addColumn('published', 'text', (c) => c.notNull()) // YYYY-MM-DD
		.addColumn('page', 'text') // page label as printed (A01, 第5版); null when unknown
		.addColumn('file', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull().unique()) // sha256 of text
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'integer', id)
		.addColumn('username', 'text', (c) => c.notNull().unique())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'moderator')`))
		.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey()) // hex SHA-256 of the token; the token itself is never stored
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', t.unixMs, (c) => c.notNull()) // unix ms
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	// PostgreSQL rows have no rowid: sessions are ordered by sign-in with this column instead.
	if (isPostgres(db))
		await sql`alter table sessions add column seq bigint generated always as identity`.execute(db);
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('login_attempts')
		.addColumn('id', 'integer', id)
		.addColumn('key', 'text', (c) => c.notNull()) // 'user:<name>' or 'ip:<address>'
		.addColumn('at', t.unixMs, (c) => c.notNull()) // unix ms
		.execute();
	await db.schema
		.createIndex('login_attempts_key_at')
		.on('login_attempts')
		.columns(['key', 'at'])
		.execute();

	await db.schema
		.createTable('records')
		.addColumn('id', 'integer', id)
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(sql`kind in ('hotline', 'procedure', 'lost_found', 'family_search', 'event')`)
		)
		.addColumn('subtype', 'text')
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'published', 'archived', 'resolved', 'expired', 'rejected')`)
		)
		.addColumn('district', 'text')
		// hotline organisation, procedure department, event organiser: the "who" a listing filters on
		.addColumn('organization', 'text')
		.addColumn('document_type', 'text') // lost_found
		.addColumn('document_number', 'text') // lost_found: full, as printed; masked only on display
		.addColumn('gender', 'text') // family_search
		.addColumn('place', 'text') // lost_found / family_search / event location
		// The key date of the record: lost/found/taken-in date, event start. ISO date or date-time.
		.addColumn('date_start', 'text')
		.addColumn('date_end', 'text') // event end, 寻亲 notice deadline
		.addColumn('deadline', 'text') // event registration deadline
		.addColumn('body', 'text', (c) => c.notNull().defaultTo('')) // the main readable text
		.addColumn('data', 'text', (c) => c.notNull().defaultTo('{}')) // kind-specific JSON, see above
		.addColumn('confidence', t.double)
		.addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]')) // JSON string[]: reasons for review
		// Idempotent import: sha256(page):kind:start:end. Null for records a moderator posted.
		.addColumn('source_key', 'text', (c) => c.unique())
		.addColumn('extracted_hash', 'text') // hash of the extractor output last applied or suggested
		.addColumn('human_edited', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('duplicate_of', 'integer', (c) => c.references('records.id').onDelete('set null'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)) // optimistic concurrency
		.addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('published_at', 'text')
		.execute();
	await db.schema
		.createIndex('records_kind_status_date')
		.on('records')
		.columns(['kind', 'status', 'date_start'])
		.execute();
	await db.schema
		.createIndex('records_status_created')
		.on('records')
		.columns(['status', 'created_at'])
		.execute();
	await db.schema
		.createIndex('records_kind_status_org')
		.on('records')
		.columns(['kind', 'status', 'organization'])
		.execute();
	await db.schema
		.createIndex('records_kind_status_district')
		.on('records')
		.columns(['kind', 'status', 'district'])
		.execute();
	await db.schema
		.createIndex('records_document_number')
		.on('records')
		.column('document_number')
		.execute();

	await db.schema
		.createTable('provenance')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('source_id', 'integer', (c) =>
			c.notNull().references('sources.id').onDelete('cascade')
		)
		.addColumn('start', 'integer', (c) => c.notNull())
		.addColumn('end', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addUniqueConstraint('provenance_unique', ['record_id', 'source_id', 'start', 'end'])
		.execute();
	await db.schema.createIndex('provenance_source').on('provenance').column('source_id').execute();

	await db.schema
		.createTable('record_phones')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('number', 'text', (c) => c.notNull()) // normalised: 0731-28687947, 13307330000, 12345
		.addColumn('digits', 'text', (c) => c.notNull()) // digits only, for exact look-up
		.addColumn('raw', 'text', (c) => c.notNull())
		.addColumn('label', 'text')
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('record_phones_record')
		.on('record_phones')
		.column('record_id')
		.execute();
	await db.schema
		.createIndex('record_phones_digits')
		.on('record_phones')
		.column('digits')
		.execute();

	await db.schema
		.createTable('record_emails')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('email', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('record_emails_record')
		.on('record_emails')
		.column('record_id')
		.execute();

	// A re-import whose extraction differs from a record a moderator edited becomes a suggestion.
	await db.schema
		.createTable('suggestions')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
		.addColumn('data', 'text', (c) => c.notNull()) // JSON of the extracted record
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'applied', 'dismissed')`)
		)
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('suggestions_record')
		.on('suggestions')
		.columns(['record_id', 'status'])
		.execute();

	await db.schema
		.createTable('revisions')
		.addColumn('id', 'integer', id)
		.addColumn('record_id', 'integer', (c) =>
			c.notNull().references('records.id').onDelete('cascade')
		)
		.addColumn('version', 'integer', (c) => c.notNull()) // the record's version after this change
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null')) // null: importer
		.addColumn('action', 'text', (c) => c.notNull()) // import, edit, publish, restore, …
		.addColumn('before', 'text') // JSON snapshot, null for the first revision
		.addColumn('after', 'text', (c) => c.notNull()) // JSON snapshot
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('revisions_record')
		.on('revisions')
		.columns(['record_id', 'id'])
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', id)
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('username', 'text') // kept even if the user is deleted
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('target_type', 'text')
		.addColumn('target_id', 'integer')
		.addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('ip', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema.createIndex('audit_log_created').on('audit_log').column('created_at').execute();
	await db.schema
		.createIndex('audit_log_action')
		.on('audit_log')
		.columns(['action', 'created_at'])
		.execute();

	if (isPostgres(db)) {
		// PostgreSQL: the same tokens as one tsvector per record (weights per column, positions
		// for phrases; src/lib/server/db/dialect/postgres.ts writes it), under a GIN index. No
		// foreign key, like record_fts: the search code writes and deletes entries itself.
		await sql`create table record_search (
			id integer primary key,
			tsv tsvector not null
		)`.execute(db);
		await sql`create index record_search_tsv on record_search using gin (tsv)`.execute(db);
		// The tokenizer version the index was built with (SQLite keeps it in user_version).
		await sql`create table search_index_version (version integer not null)`.execute(db);
		await sql`insert into search_index_version (version) values (0)`.execute(db);
		return;
	}

	// Full-text index over tokens made by src/lib/server/search/tokenize.ts (character pairs for
	// Chinese, see there). Contentless: the text lives in `records`; rowid = records.id.
	await sql`create virtual table record_fts using fts5(
		title, keys, body, phones,
		tokenize = 'unicode61 remove_diacritics 0',
		content = '', contentless_delete = 1,
		prefix = '1'
	)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		await sql`drop table if exists search_index_version`.execute(db);
		await sql`drop table if exists record_search`.execute(db);
	} else await sql`drop table if exists record_fts`.execute(db);
	for (const table of [
		'audit_log',
		'revisions',
		'suggestions',
		'record_emails',
		'record_phones',
		'provenance',
		'records',
		'login_attempts',
		'sessions',
		'users',
		'sources'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
