import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { SqlDialect } from './types';

/** The read memo's stamp (readCache.ts), through Kysely or not (directChangeStamp). */
const STAMP_SQL = 'select data_version as v, total_changes() as c from pragma_data_version';

/**
 * The stamp read from the better-sqlite3 connection itself: the statement costs microseconds,
 * Kysely's way to it (compiling, the connection's lock, promises) several times that.
 * Undefined inside a transaction, where total_changes() counts rows not yet committed: the
 * reader thread (reader.ts), which sees only committed rows, could then store an answer under a
 * stamp that stays valid after the commit. The memo then reads it the usual way, which waits
 * for the transaction to end.
 */
export function directChangeStamp(sqlite: Database.Database): () => string | undefined {
	const statement = sqlite.prepare(STAMP_SQL).raw(true);
	return () => {
		if (sqlite.inTransaction) return undefined;
		const [version, changes] = statement.get() as [number, number];
		return `${version}:${changes}`;
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
