import type { Kysely, RawBuilder, Transaction } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: migrations use it too
type Executor = Kysely<any> | Transaction<any>;

/**
 * What differs between SQLite and PostgreSQL, one small adapter per concern (issue 18). Code
 * asks `dialectOf(db)` for the adapter instead of testing which database it runs on.
 */
export interface SqlDialect {
	readonly name: 'sqlite' | 'postgres';
	/** Expressions that the two dialects spell differently. */
	readonly expr: {
		/** The current UTC time as ISO text with milliseconds, as the created_at columns hold it. */
		nowIso(): RawBuilder<string>;
		/** A top-level string field of a JSON text column (null when missing). */
		jsonText(column: RawBuilder<unknown>, key: string): RawBuilder<string | null>;
		/** True when `needle` occurs in `haystack` (plain substring, no pattern characters). */
		contains(haystack: RawBuilder<unknown>, needle: string): RawBuilder<boolean>;
		/** The last `n` characters of a text. */
		tail(text: RawBuilder<unknown>, n: number): RawBuilder<string>;
		/** A sessions column that grows with each sign-in, exact within one millisecond. */
		sessionOrder(): RawBuilder<number>;
		/**
		 * Names the index a query over `records` must read (`from records ${indexedBy(…)}`):
		 * SQLite's planner would take the wide rows by rowid instead of a covering index;
		 * PostgreSQL's planner chooses by itself, so nothing is written there.
		 */
		indexedBy(index: string): RawBuilder<unknown>;
	};
	/** The full-text index of records (see search/tokenize.ts for the tokens). */
	readonly search: SearchIndex;
	/** Small numbers the database keeps about itself. */
	readonly meta: {
		searchIndexVersion(db: Executor): Promise<number>;
		setSearchIndexVersion(db: Executor, version: number): Promise<void>;
		/**
		 * A value that moves whenever any process (another app server, a CLI) may have committed
		 * a write the read memo depends on (db/readCache.ts).
		 */
		changeStamp(db: Executor): Promise<string>;
		/** After rows were inserted with explicit ids (db:copy): new rows continue after them. */
		resetIdSequences(db: Executor, tables: readonly string[]): Promise<void>;
		/**
		 * Deletes every row of `tables` (all tables that reference them included) in the caller's
		 * transaction, leaving the facets the triggers keep and the search index empty too
		 * (db:copy). Nothing else may use the database meanwhile.
		 */
		emptyTables(db: Executor, tables: readonly string[]): Promise<void>;
	};
	/** Tables of the dialect's own that hold no data of their own (db:copy skips them). */
	readonly internalTables: readonly string[];
}

/** A record's search entry: each column's tokens joined by spaces (search/index.ts). */
export interface SearchEntry {
	title: string;
	keys: string;
	body: string;
	phones: string;
	pinyin: string;
}

export interface SearchIndex {
	write(db: Executor, id: number, entry: SearchEntry): Promise<void>;
	remove(db: Executor, id: number): Promise<void>;
	/** The rows of `source` alias `f` holding record ids, for `from … f`. */
	readonly source: RawBuilder<unknown>;
	/** The record id of alias `f`. */
	readonly id: RawBuilder<number>;
	/** `f` matches the FTS5-syntax expression built by buildMatchQuery / matchFor. */
	matches(match: string): RawBuilder<boolean>;
	/** A score of alias `f` for the expression, smaller is better (negative). */
	rank(match: string): RawBuilder<number>;
}
