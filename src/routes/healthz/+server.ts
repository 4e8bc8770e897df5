import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getDatabase } from '$lib/server/db';
import { LATEST_MIGRATION } from '$lib/server/db/migrate';
import type { RequestHandler } from './$types';

/** For process managers: the database answers and its migrations are current. */
export const GET: RequestHandler = async () => {
	try {
		const { db } = await getDatabase();
		const row = await sql<{
			name: string;
		}>`select name from kysely_migration order by name desc limit 1`.execute(db);
		const current = row.rows[0]?.name === LATEST_MIGRATION;
		return json(
			{ ok: current, database: 'ok', migration: row.rows[0]?.name ?? null },
			{ status: current ? 200 : 503 }
		);
	} catch {
		return json({ ok: false, database: 'unreachable' }, { status: 503 });
	}
};
