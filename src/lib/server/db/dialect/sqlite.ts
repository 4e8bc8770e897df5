import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { SqlDialect } from './types';

/** The read memo's stamp (readCache.ts) through Kysely; directChangeStamp reads it more cheaply. */
const STAMP_SQL = 'select data_version as v, total_changes() as c from pragma_data_version';

/**
 * How long a read of `PRAGMA data_version` stands in the memo's stamp on the direct path
 * (directChangeStamp): a commit by another connection reaches this process's memo within it.
 */
export const DATA_VERSION_TTL_MS = 10;

/**
 * The stamp read from the better-sqlite3 connection itself: the statement costs microseconds,
 * Kysely's way to it (compiling, the connection's lock, promises) several times that.
 * Undefined inside a transaction, where total_changes() counts rows not yet committed: the
 * reader thread (reader.ts), which sees only committed rows, could then store an answer under a
 * stamp that stays valid after the commit. The memo then reads it the usual way, which waits
 * for the transaction to end.
 *
 * total_changes() is read every time (0.2 µs: it touches no table), so this connection's own
 * writes — every write the server makes — drop the memo at once. data_version, which moves
 * when another connection commits (the import CLI, a restore, a second server), is read at
 * most every DATA_VERSION_TTL_MS: it opens a read transaction on the file (its locks), 7 µs
 * alone and 30–40 µs under the search mix at a million records, where the memo asked for it on
 * every request (3 % of the main thread's time). Such a write is seen within 10 ms instead of
 * at once; nothing a request does waits on another process's commit in less.
 */
export function directChangeStamp(
	sqlite: Database.Database,
	now: () => number = () => performance.now()
): () => string | undefined {
	const dataVersion = sqlite.prepare('pragma data_version').pluck();
	const totalChanges = sqlite.prepare('select total_changes()').pluck();
	let version = 0;
	let readAt = -Infinity;
	return () => {
		if (sqlite.inTransaction) return undefined;
		const t = now();
		if (t - readAt >= DATA_VERSION_TTL_MS) {
			version = dataVersion.get() as number;
			readAt = t;
		}
		return `${version}:${totalChanges.get() as number}`;
	};
}

/** bm25 weights of the record_fts columns: title, key fields, body, phone numbers, pinyin. */
const WEIGHTS = sql.raw('10.0, 5.0, 1.0, 8.0, 6.0');

/**
 * SQLite: FTS5 (contentless table record_fts, rowid = records.id, one column per field) and
 * `PRAGMA user_version` for the search index's tokenizer version.
 */
export const sqliteDialect: SqlDialect = {
	name: 'sqlite',
	expr: {
		nowIso: () => sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ')`,
		jsonText: (column, key) => sql<string | null>`json_extract(${column}, ${'$.' + key})`,
		contains: (haystack, needle) => sql<boolean>`instr(${haystack}, ${needle}) > 0`,
		// A literal, not a parameter: records_duplicate_check indexes exactly substr(body, -8).
		sessionOrder: () => sql<number>`rowid`,
		indexedBy: (index) => sql`indexed by ${sql.id(index)}`,
		tail: (text, n) => sql<string>`substr(${text}, ${sql.raw(String(-Math.trunc(n)))})`
	},
	search: {
		async write(db, id, v) {
			await sql`delete from record_fts where rowid = ${id}`.execute(db);
			await sql`insert into record_fts (rowid, title, keys, body, phones, pinyin) values (
				${id}, ${v.title}, ${v.keys}, ${v.body}, ${v.phones}, ${v.pinyin}
			)`.execute(db);
		},
		async remove(db, id) {
			await sql`delete from record_fts where rowid = ${id}`.execute(db);
		},
		source: sql`record_fts`,
		id: sql<number>`f.rowid`,
		matches: (match) => sql<boolean>`record_fts match ${match}`,
		rank: () => sql<number>`bm25(record_fts, ${WEIGHTS})`
	},
	meta: {
		async searchIndexVersion(db) {
			const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
			return Number(rows[0]?.user_version ?? 0);
		},
		async setSearchIndexVersion(db, version) {
			await sql.raw(`pragma user_version = ${Math.trunc(version)}`).execute(db);
		},
		// `PRAGMA data_version` moves when another connection (a second server, the import CLI, a
		// restore) commits; total_changes() with every row this connection writes.
		async changeStamp(db) {
			const { rows } = await sql.raw<{ v: number; c: number }>(STAMP_SQL).execute(db);
			return `${rows[0].v}:${rows[0].c}`;
		},
		// An integer primary key is the rowid: the next one is always max + 1.
		async resetIdSequences() {},
		// Row by row (SQLite has no TRUNCATE with foreign keys on): children first, so the triggers
		// keep the facets right; the search index has no triggers and is emptied last.
		async emptyTables(db, tables) {
			for (const table of [...tables].reverse())
				await sql`delete from ${sql.id(table)}`.execute(db);
			await sql`delete from record_fts`.execute(db);
		}
	},
	// The FTS5 index's shadow tables.
	internalTables: [
		'record_fts',
		'record_fts_config',
		'record_fts_data',
		'record_fts_docsize',
		'record_fts_idx'
	]
};
