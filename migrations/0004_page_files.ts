import { sql, type Kysely } from 'kysely';
import { nowIso, serialKey, types } from './dialect';

/**
 * Pages uploaded by moderators (issue 16): the original file, the jobs that read it, the page
 * images a reviewer compares records against, and where on a page each record was printed.
 *
 * - `page_files` keeps the uploaded bytes, named by their SHA-256, so the same file uploaded
 *   twice is one row (and one job). Stored in SQLite rather than beside it so a backup
 *   (`npm run db:backup`) carries the originals and a failed upload leaves no stray file.
 * - `page_jobs` is the queue of the in-process worker: state and progress a refresh can show.
 * - `page_images` are the pictures of each page (the original image, or a PDF page rendered),
 *   with `lines`: where each line of the page's extracted text sits on that picture.
 * - `source_files` ties an imported page (sources) to the file it came from.
 * - `provenance.region` is the box (JSON, picture pixels) a record's passage covers.
 *
 * Frozen once landed: never edit; add 0005_… instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const now = nowIso(db);
	const id = serialKey(db);
	const t = types(db);
	await db.schema
		.createTable('page_files')
		.addColumn('id', 'integer', id)
		.addColumn('sha256', 'text', (c) => c.notNull().unique())
		.addColumn('media_type', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`media_type in ('text/plain', 'application/pdf', 'image/png', 'image/jpeg', 'image/webp')`
				)
		)
		.addColumn('name', 'text', (c) => c.notNull()) // the name it was uploaded under
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('bytes', t.bytes, (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await db.schema
		.createTable('page_jobs')
		.addColumn('id', 'integer', id)
		.addColumn('file_id', 'integer', (c) =>
			c.notNull().unique().references('page_files.id').onDelete('cascade')
		)
		.addColumn('paper', 'text', (c) => c.notNull())
		.addColumn('published', 'text') // as given in the form; null: the rule in pages/published.ts
		.addColumn('page', 'text')
		.addColumn('state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`state in ('queued', 'running', 'done', 'failed')`)
		)
		.addColumn('step', 'text', (c) => c.notNull().defaultTo('queued'))
		.addColumn('step_done', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('step_total', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('records', 'integer')
		.addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
		.addColumn('error', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema.createIndex('page_jobs_state').on('page_jobs').columns(['state', 'id']).execute();

	await db.schema
		.createTable('page_images')
		.addColumn('id', 'integer', id)
		.addColumn('file_id', 'integer', (c) =>
			c.notNull().references('page_files.id').onDelete('cascade')
		)
		.addColumn('page_no', 'integer', (c) => c.notNull()) // 1-based
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('bytes', t.bytes) // null: the original file is the picture
		.addColumn('lines', 'text', (c) => c.notNull().defaultTo('[]'))
		.addUniqueConstraint('page_images_unique', ['file_id', 'page_no'])
		.execute();

	await db.schema
		.createTable('source_files')
		.addColumn('source_id', 'integer', (c) =>
			c.primaryKey().references('sources.id').onDelete('cascade')
		)
		.addColumn('file_id', 'integer', (c) =>
			c.notNull().references('page_files.id').onDelete('cascade')
		)
		.execute();

	await db.schema.alterTable('provenance').addColumn('region', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('provenance').dropColumn('region').execute();
	await db.schema.dropTable('source_files').execute();
	await db.schema.dropTable('page_images').execute();
	await db.schema.dropTable('page_jobs').execute();
	await db.schema.dropTable('page_files').execute();
}
