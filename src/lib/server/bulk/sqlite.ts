/**
 * Bulk loading into SQLite for large databases (the benchmark's 1,000,000 records, a first import of an
 * archive): the same rows insertRecord writes — records, record_phones, record_emails, the
 * search entry and the first revision — through prepared statements in large transactions,
 * with the secondary indexes built once at the end instead of row by row.
 *
 * Only for a database nobody else is writing: it turns off the journal while it runs.
 */
import type Database from 'better-sqlite3';
import {
	BULK_TABLES,
	bulkRowsOf,
	type BulkOptions,
	type BulkRecord,
	type BulkResult
} from './rows';

/**
 * Inserts `records` (any iterable: a generator keeps memory flat) and returns timings.
 * Rebuilds the secondary indexes (their SQL is read back from sqlite_master, so it always
 * matches the migrations) and merges the full-text index into one segment at the end.
 */
export function bulkInsertRecords(
	sqlite: Database.Database,
	records: Iterable<BulkRecord>,
	options: BulkOptions = {}
): BulkResult {
	const batchSize = options.batchSize ?? 20_000;
	const withRevisions = options.revisions ?? true;
	const journal = String(sqlite.pragma('journal_mode', { simple: true }));
	const synchronous = sqlite.pragma('synchronous', { simple: true });
	// No journal and no fsync while loading: a crash leaves a half-built file either way, and
	// the load is simply run again. Both are restored below.
	// WAL cannot switch straight to OFF: leave it through DELETE (which checkpoints the WAL).
	if (journal === 'wal') sqlite.pragma('journal_mode = DELETE');
	sqlite.pragma('journal_mode = OFF');
	sqlite.pragma('synchronous = OFF');
	const indexes = sqlite
		.prepare(
			`select name, sql from sqlite_master where type = 'index' and sql is not null
			 and tbl_name in (${BULK_TABLES.map(() => '?').join(', ')})`
		)
		.all(...BULK_TABLES) as { name: string; sql: string }[];
	for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);

	const insertRecord = sqlite.prepare(`insert into records (kind, subtype, title, status,
		district, organization, document_type, document_number, gender, place, date_start, date_end,
		deadline, body, data, confidence, created_at, updated_at, published_at, issued_on,
		main_phone, fingerprint)
		values (@kind, @subtype, @title, @status, @district, @organization, @document_type,
		@document_number, @gender, @place, @date_start, @date_end, @deadline, @body, @data,
		@confidence, @created_at, @created_at, @published_at, @issued_on, @main_phone, @fingerprint)`);
	const insertPhone = sqlite.prepare(
		'insert into record_phones (record_id, number, digits, raw, label, position) values (?, ?, ?, ?, ?, ?)'
	);
	const insertEmail = sqlite.prepare('insert into record_emails (record_id, email) values (?, ?)');
	const insertSearch = sqlite.prepare(
		'insert into record_fts (rowid, title, keys, body, phones, pinyin) values (?, ?, ?, ?, ?, ?)'
	);
	const insertRevision = sqlite.prepare(
		`insert into revisions (record_id, version, user_id, action, before, after, created_at)
		 values (?, 1, null, 'import', null, ?, ?)`
	);

	const writeBatch = sqlite.transaction((batch: BulkRecord[]) => {
		for (const one of batch) {
			const { record, phones, emails, search, revision } = bulkRowsOf(one, withRevisions);
			const id = Number(insertRecord.run(record).lastInsertRowid);
			for (const p of phones) insertPhone.run(id, p.number, p.digits, p.raw, p.label, p.position);
			for (const email of emails) insertEmail.run(id, email);
			insertSearch.run(id, search.title, search.keys, search.body, search.phones, search.pinyin);
			if (revision !== null) insertRevision.run(id, revision, record.created_at);
		}
	});

	const started = performance.now();
	let done = 0;
	let batch: BulkRecord[] = [];
	for (const record of records) {
		batch.push(record);
		if (batch.length === batchSize) {
			writeBatch(batch);
			done += batch.length;
			batch = [];
			options.onProgress?.(done);
		}
	}
	if (batch.length) {
		writeBatch(batch);
		done += batch.length;
		options.onProgress?.(done);
	}
	const inserted = performance.now();

	for (const index of indexes) sqlite.exec(index.sql);
	// One segment instead of dozens: every query then reads one b-tree per term.
	sqlite.exec(`insert into record_fts (record_fts) values ('optimize')`);
	const indexed = performance.now();

	sqlite.pragma(`journal_mode = ${journal}`);
	sqlite.pragma(`synchronous = ${synchronous}`);
	return {
		records: done,
		insertSeconds: (inserted - started) / 1000,
		indexSeconds: (indexed - inserted) / 1000
	};
}
