import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m0001 from '../../../../migrations/0001_init';
import * as m0002 from '../../../../migrations/0002_search_indexes';
import * as m0003 from '../../../../migrations/0003_search_pinyin';
import * as m0004 from '../../../../migrations/0004_page_files';
import * as m0005 from '../../../../migrations/0005_residents';
import * as m0006 from '../../../../migrations/0006_issued_on';
import * as m0007 from '../../../../migrations/0007_reprint_fingerprint';
import * as m0008 from '../../../../migrations/0008_search_titles';
import * as m0009 from '../../../../migrations/0009_shared_state';
import * as m0010 from '../../../../migrations/0010_search_titles_district';
import * as m0011 from '../../../../migrations/0011_record_phones_covering';
import * as m0012 from '../../../../migrations/0012_event_last_day';
import * as m0013 from '../../../../migrations/0013_notice_date';

/**
 * A static list rather than FileMigrationProvider: it survives bundling by `vite build`, and the
 * order is explicit. Add each new migration file here.
 */
const migrations: Record<string, Migration> = {
	'0001_init': m0001,
	'0002_search_indexes': m0002,
	'0003_search_pinyin': m0003,
	'0004_page_files': m0004,
	'0005_residents': m0005,
	'0006_issued_on': m0006,
	'0007_reprint_fingerprint': m0007,
	'0008_search_titles': m0008,
	'0009_shared_state': m0009,
	'0010_search_titles_district': m0010,
	'0011_record_phones_covering': m0011,
	'0012_event_last_day': m0012,
	'0013_notice_date': m0013
};

class StaticMigrationProvider implements MigrationProvider {
	async getMigrations(): Promise<Record<string, Migration>> {
		return migrations;
	}
}

/** The name of the newest migration this build knows. */
export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;

/**
 * Applies all pending migrations; throws with the failing migration's name on error.
 * `schema` (PostgreSQL): where the migrator keeps its own tables. Kysely looks for them in every
 * schema of the database unless told which, so a second Bianmin schema on the same server (each
 * test has one) would otherwise find the first's tables and skip creating its own.
 */
export async function migrateToLatest<T>(db: Kysely<T>, schema?: string): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: new StaticMigrationProvider(),
		...(schema ? { migrationTableSchema: schema } : {})
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(`migration ${failed} failed: ${String(error)}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
