/**
 * npm run db:backup -- FILE [--force]
 *
 * Copies DATABASE_PATH (default data/bianmin.db) to FILE with SQLite's online backup: safe while
 * the server runs. Refuses to replace an existing FILE unless --force.
 */
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase, formatBytes } from '../src/lib/server/db/backup';
import { databaseLocation, databasePath, isPostgresUrl } from '../src/lib/server/db/index';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { force: { type: 'boolean', short: 'f' } }
});
if (positionals.length !== 1) {
	console.error('usage: npm run db:backup -- FILE [--force]   (备份数据库到 FILE)');
	process.exit(2);
}

if (isPostgresUrl(databaseLocation())) {
	console.error(
		'DATABASE_URL names PostgreSQL: back it up with pg_dump (see the README) / PostgreSQL 请用 pg_dump 备份'
	);
	process.exit(2);
}

try {
	const result = await backupDatabase(databasePath(), positionals[0], { force: values.force });
	console.log(`backup of ${databasePath()} written to ${result.file}`);
	console.log(
		`${formatBytes(result.bytes)} in ${Math.round(result.ms)} ms, integrity_check ok / 备份完成`
	);
} catch (error) {
	if (error instanceof BackupError) console.error(`backup refused: ${error.message}`);
	else console.error(`backup failed / 备份失败: ${(error as Error).message}`);
	process.exit(1);
}
