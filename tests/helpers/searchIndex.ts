import { sql } from 'kysely';
import type { DB } from '../../src/lib/server/db';
import { dialectOf, type SearchEntry } from '../../src/lib/server/db/dialect';

/** Writes a bare search entry (columns not given are empty), whichever database `db` is. */
export async function indexEntry(db: DB, id: number, entry: Partial<SearchEntry>): Promise<void> {
	await dialectOf(db).search.write(db, id, {
		title: '',
		keys: '',
		body: '',
		phones: '',
		pinyin: '',
		...entry
	});
}

/**
 * The ids whose search entry matches an expression of buildMatchQuery / matchFor (only `id`
 * when given). Throws what the database throws on a malformed expression.
 */
export async function matchingIds(db: DB, match: string, id?: number): Promise<number[]> {
	const fts = dialectOf(db).search;
	// cast: FTS5 ignores a rowid constraint bound as a REAL (as a JS number may be).
	const { rows } = await sql<{ id: number }>`
		select ${fts.id} as id from ${fts.source} f where ${fts.matches(match)}
		${id === undefined ? sql`` : sql`and ${fts.id} = cast(${id} as integer)`}`.execute(db);
	return rows.map((r) => Number(r.id));
}
