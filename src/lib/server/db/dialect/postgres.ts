import { sql } from 'kysely';
import type { SearchEntry, SqlDialect } from './types';

/**
 * The tsvector weight of each search column, and what ts_rank gives each weight (D, C, B, A).
 * Close to FTS5's bm25 weights (title 10, phones 8, pinyin 6, key fields 5, body 1): PostgreSQL
 * has four weights, so phones and pinyin share B.
 */
const COLUMN_WEIGHTS: [keyof SearchEntry, 'A' | 'B' | 'C' | 'D'][] = [
	['title', 'A'],
	['keys', 'C'],
	['body', 'D'],
	['phones', 'B'],
	['pinyin', 'B']
];
const RANK_WEIGHTS = sql.lit('{0.1, 0.5, 0.7, 1.0}');
/** PostgreSQL keeps positions up to this and at most 256 per lexeme (larger ones it clamps). */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

function quoteLexeme(token: string): string {
	return "'" + token.replaceAll('\\', '\\\\').replaceAll("'", "''") + "'";
}

/**
 * The tsvector of a search entry, written as a literal so PostgreSQL's own parser never sees the
 * text: the tokens are exactly the project's tokenizer's (character pairs, whole numbers), with
 * their positions, so `'医保' <-> '保卡'` is the same phrase match FTS5 makes. Each column starts
 * two positions after the previous one ends, so a phrase never spans two columns (FTS5 phrases
 * stay in one column either).
 */
export function tsvectorLiteral(entry: SearchEntry): string {
	const positions = new Map<string, string[]>();
	let position = 0;
	for (const [column, weight] of COLUMN_WEIGHTS) {
		position += 1;
		for (const token of entry[column].split(' ')) {
			if (!token) continue;
			position = Math.min(position + 1, MAX_POSITION);
			const list = positions.get(token) ?? [];
			if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
			positions.set(token, list);
		}
	}
	const out: string[] = [];
	for (const [token, list] of positions) out.push(`${quoteLexeme(token)}:${list.join(',')}`);
	return out.join(' ');
}

/**
 * Translates the FTS5 expression buildMatchQuery / matchFor produce (quoted tokens, `*` after a
 * prefix, `+` inside a phrase, AND, OR, parentheses) into tsquery syntax. Anything else throws:
 * the expression is the project's own, never the user's text (every user token is quoted).
 */
export function toTsquery(match: string): string {
	const out: string[] = [];
	let i = 0;
	while (i < match.length) {
		const c = match[i];
		if (c === ' ') {
			i++;
		} else if (c === '"') {
			let token = '';
			let j = i + 1;
			for (;;) {
				if (j >= match.length) throw new Error(`unterminated token in ${match}`);
				if (match[j] === '"') {
					if (match[j + 1] === '"') {
						token += '"';
						j += 2;
						continue;
					}
					break;
				}
				token += match[j++];
			}
			i = j + 1;
			const prefix = match[i] === '*';
			if (prefix) i++;
			out.push(quoteLexeme(token) + (prefix ? ':*' : ''));
		} else if (c === '(' || c === ')') {
			out.push(c);
			i++;
		} else if (c === '+') {
			out.push('<->');
			i++;
		} else if (match.startsWith('AND', i)) {
			out.push('&');
			i += 3;
		} else if (match.startsWith('OR', i)) {
			out.push('|');
			i += 2;
		} else {
			throw new Error(`unexpected ${JSON.stringify(c)} in match expression ${match}`);
		}
	}
	return out.join(' ');
}

/**
 * PostgreSQL: the search index is record_search (id = records.id, one tsvector with weights per
 * column, GIN index), fed with the tokenizer's output; the tokenizer version sits in
 * search_index_version.
 */
export const postgresDialect: SqlDialect = {
	name: 'postgres',
	expr: {
		nowIso: () =>
			sql<string>`to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
		jsonText: (column, key) => sql<string | null>`(${column})::jsonb ->> ${sql.lit(key)}`,
		contains: (haystack, needle) => sql<boolean>`strpos(${haystack}, ${needle}::text) > 0`,
		// sessions.seq: PostgreSQL only (migration 0001), as rows have no rowid there.
		sessionOrder: () => sql<number>`seq`,
		indexedBy: () => sql``,
		// A literal: records_duplicate_check indexes exactly right(body, 8).
		tail: (text, n) => sql<string>`right(${text}, ${sql.raw(String(Math.trunc(n)))})`
	},
	search: {
		async write(db, id, entry) {
			await sql`insert into record_search (id, tsv) values (${id}, ${tsvectorLiteral(entry)}::tsvector)
				on conflict (id) do update set tsv = excluded.tsv`.execute(db);
		},
		async remove(db, id) {
			await sql`delete from record_search where id = ${id}`.execute(db);
		},
		source: sql`record_search`,
		id: sql<number>`f.id`,
		matches: (match) => sql<boolean>`f.tsv @@ ${toTsquery(match)}::tsquery`,
		rank: (match) =>
			sql<number>`(-ts_rank(${RANK_WEIGHTS}, f.tsv, ${toTsquery(match)}::tsquery, 1))`
	},
	meta: {
		async searchIndexVersion(db) {
			const { rows } = await sql<{
				version: number;
			}>`select version from search_index_version`.execute(db);
			return Number(rows[0]?.version ?? 0);
		},
		async setSearchIndexVersion(db, version) {
			await sql`update search_index_version set version = ${version}`.execute(db);
		},
		// The data_version row, bumped by a trigger in the same transaction as every write to a
		// content table (migration 0007): visible exactly when the write is.
		async changeStamp(db) {
			const { rows } = await sql<{
				version: number;
			}>`select version from data_version where id = 1`.execute(db);
			return String(rows[0].version);
		},
		async resetIdSequences(db, tables) {
			for (const table of tables) {
				const { rows } = await sql<{ seq: string | null }>`
					select pg_get_serial_sequence(${table}, 'id') as seq`.execute(db);
				const seq = rows[0]?.seq;
				// Tables keyed by a text id (sessions) have none.
				if (!seq) continue;
				await sql`select setval(${seq},
					coalesce((select max(id) from ${sql.id(table)}), 0) + 1, false)`.execute(db);
			}
		},
		// TRUNCATE: one statement, no per-row foreign-key checks or triggers (deleting a million
		// records row by row checks each against every referencing column). Row triggers do not
		// run, so the facets they keep are reset here; record_facet_counts keeps its code rows.
		async emptyTables(db, tables) {
			const all = [...tables, 'record_facets', 'record_search'];
			await sql`truncate table ${sql.join(all.map((t) => sql.id(t)))}`.execute(db);
			await sql`update record_facet_counts set n = 0`.execute(db);
		}
	},
	// The search index (rebuilt, not copied) and its tokenizer version.
	internalTables: ['record_search', 'search_index_version']
};
