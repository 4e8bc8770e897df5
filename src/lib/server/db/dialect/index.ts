import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';
import type { SqlDialect } from './types';

export type { SqlDialect, SearchEntry } from './types';

/** The adapter for the database `db` talks to (the only place that asks which one it is). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
export function dialectOf(db: Kysely<any> | Transaction<any>): SqlDialect {
	return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
