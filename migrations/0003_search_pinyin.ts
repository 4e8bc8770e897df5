import { sql, type Kysely } from 'kysely';
import type { Kind } from '../src/lib/extract/types';
import { toColumns } from '../src/lib/records/fields';
import { searchEntryValues } from '../src/lib/server/search/index';

/**
 * Search understands what residents type (issue 13): record_fts gains a `pinyin` column (each
 * record's title and organisation as pinyin words and initials, see
 * src/lib/server/search/pinyin.ts), so `yibao` and `yb` find 医保.
 *
 * FTS5 tables cannot gain a column: the table is made again with five columns and refilled
 * from the records, by the same function the importer uses (searchEntryValues), in batches.
 * At a million records this takes minutes, once.
 *
 * Frozen once landed: never edit; add 0004_… instead.
 */
const BATCH = 2000;

export async function up(db: Kysely<any>): Promise<void> {
	await rebuild(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
	// Back to 0001's four columns, refilled the same way.
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
		for (const r of rows) {
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
			if (pinyin)
				await sql`insert into record_fts (rowid, title, keys, body, phones, pinyin)
					values (${r.id}, ${v.title}, ${v.keys}, ${v.body}, ${v.phones}, ${v.pinyin})`.execute(db);
			else
				await sql`insert into record_fts (rowid, title, keys, body, phones)
					values (${r.id}, ${v.title}, ${v.keys}, ${v.body}, ${v.phones})`.execute(db);
		}
		after = rows[rows.length - 1].id;
	}
	await sql`insert into record_fts (record_fts) values ('optimize')`.execute(db);
}
