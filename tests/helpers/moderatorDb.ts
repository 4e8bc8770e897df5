import { type DB } from '../../src/lib/server/db';
import { openTestDatabase } from './database';
import type { Actor } from '../../src/lib/server/moderation';

/**
 * A fresh migrated in-memory database with one moderator, and that moderator as the actor of
 * service calls: the setup of every test of moderation, participation and matching.
 */
export async function openModeratorDatabase(): Promise<{ db: DB; actor: Actor }> {
	const { db } = await openTestDatabase();
	const { id } = await db
		.insertInto('users')
		.values({ username: 'mod', password_hash: 'x', role: 'moderator' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { db, actor: { user: { id, username: 'mod', role: 'moderator' }, ip: '127.0.0.1' } };
}
