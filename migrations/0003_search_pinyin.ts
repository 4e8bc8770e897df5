import { sql, type Kysely } from 'kysely';
import type { Kind } from '../src/lib/records/kinds';
import { toColumns } from '../src/lib/records/columns';
import { searchEntryValues } from '../src/lib/server/search/index';
import { isPostgres } from './dialect';

/**
 * Search understands what residents type (issue 13): record_fts gains a `pinyin` column (each
 * record's title and organisation as pinyin words and initials, see
 * src/lib/server/search/pinyin.ts), so `yibao` and `yb` find 医保.
 *
 * FTS5 tables cannot gain a column: the table is made again with five columns and refilled
 * from the records, by the same function the importer uses (searchEntryValues), in batches.
 * On the benchmark's 100,000 records it took 46 s (12 s of CPU) on a loaded 2-core machine.
 *
 * Frozen once landed: never edit; add 0004_… instead.
 */
const BATCH = 2000;
/** Rows per insert statement: 100 × 6 values, well under SQLite's limit on bound values. */
const ROWS_PER_INSERT = 100;

export async function up(db: Kysely<any>): Promise<void> {
	// PostgreSQL's record_search (0001) holds every column, pinyin included, from the start.
	if (isPostgres(db)) return;
	await rebuild(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
	// Back to 0001's four columns, refilled the same way.
	if (isPostgres(db)) return;
	await rebuild(db, false);
}

async function rebuild(db: Kysely<any>, pinyin: boolean): Promise<void> {
	await sql`drop table if exists record_fts`.execute(db);
	await sql`create virtual table record_fts using fts5(
		title, keys, body, phones${sql.raw(pinyin ? ', pinyin' : '')},
		tokenize = 'unicode61 remove_diacritics 0',
		content = '', contentless_delete = 1,
		prefix = '1'
	)`.execute(db);

	for (let after = 0; ;) {
		const { rows } = await sql<{
			id: number;
			kind: Kind;
			title: string;
			body: string;
			data: string;
			organization: string | null;
		}>`select id, kind, title, body, data, organization from records
			where id > ${after} order by id limit ${BATCH}`.execute(db);
		if (rows.length === 0) break;
		const { rows: phones } = await sql<{ record_id: number; number: string }>`
			select record_id, number from record_phones
			where record_id between ${rows[0].id} and ${rows[rows.length - 1].id}
			order by record_id, position`.execute(db);
		const phonesOf = new Map<number, { number: string }[]>();
		for (const p of phones) {
			const list = phonesOf.get(p.record_id) ?? [];
			list.push({ number: p.number });
			phonesOf.set(p.record_id, list);
		}
		const values = rows.map((r) => {
			let fields: Record<string, unknown> = {};
			try {
				fields = JSON.parse(r.data) as Record<string, unknown>;
			} catch {
				// A damaged data column still gets its title, body and phones indexed.
			}
			const v = searchEntryValues({
				title: r.title,
				keys: toColumns(r.kind, fields).keys,
				body: r.body,
				phones: phonesOf.get(r.id) ?? [],
				organization: r.organization
			});
			return pinyin
				? sql`(${r.id}, ${v.title}, ${v.keys}, ${v.body}, ${v.phones}, ${v.pinyin})`
				: sql`(${r.id}, ${v.title}, ${v.keys}, ${v.body}, ${v.phones})`;
		});
		// One transaction per batch: the migrator runs without one, and a commit per row (with
		// synchronous = FULL) made 100,000 records take minutes instead of seconds.
		await db.transaction().execute(async (trx) => {
			for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
				const chunk = sql.join(values.slice(i, i + ROWS_PER_INSERT));
				if (pinyin)
					await sql`insert into record_fts (rowid, title, keys, body, phones, pinyin)
						values ${chunk}`.execute(trx);
				else
					await sql`insert into record_fts (rowid, title, keys, body, phones)
						values ${chunk}`.execute(trx);
			}
		});
		after = rows[rows.length - 1].id;
	}
	await sql`insert into record_fts (record_fts) values ('optimize')`.execute(db);
}
