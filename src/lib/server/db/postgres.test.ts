import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, testingPostgres } from '../../../../tests/helpers/database';
import type { DB } from './index';

// PostgreSQL only (`npm run test:pg`): what the server does when PostgreSQL ends a connection.
describe.skipIf(!testingPostgres())('the PostgreSQL pool', () => {
	let db: DB;
	beforeAll(async () => ({ db } = await openTestDatabase()));
	afterAll(() => db?.destroy());

	it('outlives a connection the server ends while it is idle, and says so in the log', async () => {
		const warnings: string[] = [];
		const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
			warnings.push(String(line));
		});
		try {
			const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
			// The connection is back in the pool, idle; end it from outside, as a restart would.
			const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
			await admin.connect();
			try {
				await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
			} finally {
				await admin.end();
			}
			await vi.waitFor(() => expect(warnings.join('\n')).toContain('idle connection closed'));
			// The pool dropped the dead client: the next query gets a new one.
			const again = await sql<{ one: number }>`select 1 as one`.execute(db);
			expect(again.rows[0].one).toBe(1);
		} finally {
			spy.mockRestore();
		}
	});
});
