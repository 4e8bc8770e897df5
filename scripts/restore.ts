/**
 * npm run db:restore -- FILE
 *
 * Replaces DATABASE_PATH (default data/bianmin.db) with the backup FILE after checking it
 * (integrity_check, Bianmin schema at a known version). The previous database is kept beside it
 * as <db>.before-restore-<time>. Stop the server first.
 */
import { parseArgs } from 'node:util';
import { formatBytes } from '../src/lib/server/db/backup';
import { databaseLocation, databasePath, isPostgresUrl } from '../src/lib/server/db/index';
import { RestoreError, restoreDatabase, type RestoreStep } from '../src/lib/server/db/restore';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) {
	console.error('usage: npm run db:restore -- FILE   (用备份文件 FILE 恢复数据库；请先停止服务)');
	process.exit(2);
}
const [file] = positionals;

const labels: Record<RestoreStep, string> = {
	checked: 'backup checked (integrity_check ok)',
	prepared: 'copy prepared and migrated',
	aside: 'current database kept as',
	swapped: 'backup put in place',
	verified: 'restored database opened'
};

if (isPostgresUrl(databaseLocation())) {
	console.error(
		'DATABASE_URL names PostgreSQL: restore it with pg_restore (see the README) / PostgreSQL 请用 pg_restore 恢复'
	);
	process.exit(2);
}

try {
	const result = await restoreDatabase(file, databasePath(), {
		onStep: (step, detail) => console.log(`${labels[step]}: ${detail}`)
	});
	console.log(
		`restored ${file} (${formatBytes(result.backup.bytes)}) into ${result.database} ` +
			`in ${Math.round(result.ms)} ms / 恢复完成`
	);
	if (result.aside)
		console.log(`previous database kept at ${result.aside} (delete it yourself when satisfied)`);
} catch (error) {
	if (error instanceof RestoreError) console.error(`restore refused or undone: ${error.message}`);
	else console.error(`restore failed / 恢复失败: ${(error as Error).message}`);
	process.exit(1);
}
