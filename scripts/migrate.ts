/** npm run db:migrate — apply pending migrations to DATABASE_PATH (default data/bianmin.db). */
import { databaseLocation, describeLocation, openDatabase } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';

const { db } = await openDatabase();
const applied = await migrateToLatest(db); // openDatabase already migrated; this reports "none left"
console.error(
	`database ${describeLocation(databaseLocation())}: migrations up to date${applied.length ? ` (applied ${applied.join(', ')})` : ''}`
);
await db.destroy();
