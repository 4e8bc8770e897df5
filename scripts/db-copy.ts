/**
 * npm run db:copy -- --from LOCATION --to LOCATION
 *
 * Copies a whole Bianmin database — records, revisions, the audit log, users, sessions, pages,
 * page files, submissions … — into another and verifies every table's row count and checksum.
 * LOCATION is `sqlite:PATH` (or a plain file path) or a `postgres://…` URL. The target is
 * emptied and filled in one transaction, so running it again is safe. Stop the app servers
 * first: nothing else may write to either database meanwhile.
 *
 *   npm run db:copy -- --from sqlite:data/bianmin.db --to postgres://bianmin@db1/bianmin
 *   npm run db:copy -- --from postgres://bianmin@db1/bianmin --to sqlite:backups/copy.db
 *
 * Exit codes: 0 copied and verified, 1 failed or a table differs, 2 usage.
 */
import { parseArgs } from 'node:util';
import { copyDatabase } from '../src/lib/server/db/copy';
import { openDatabase } from '../src/lib/server/db/index';

const USAGE =
	'usage: npm run db:copy -- --from sqlite:PATH|postgres://… --to sqlite:PATH|postgres://…   (复制整个数据库)';

const { values } = parseArgs({
	options: {
		from: { type: 'string' },
		to: { type: 'string' },
		quiet: { type: 'boolean', short: 'q' }
	}
});
if (!values.from || !values.to) {
	console.error(USAGE);
	process.exit(2);
}

/** `sqlite:PATH` → PATH; URLs and plain paths as given (openDatabase tells them apart). */
function location(value: string): string {
	return value.startsWith('sqlite:') ? value.slice('sqlite:'.length) : value;
}

/** The location without a password, for messages. */
function shown(value: string): string {
	return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

if (location(values.from) === location(values.to)) {
	console.error('db:copy: --from and --to are the same database');
	process.exit(2);
}

const started = performance.now();
const source = await openDatabase(location(values.from));
const target = await openDatabase(location(values.to));
try {
	let lastLine = 0;
	const report = await copyDatabase(source.db, target.db, {
		onProgress: (table, rows) => {
			// One line every 2 seconds at most: a million rows would otherwise flood the terminal.
			if (values.quiet || performance.now() - lastLine < 2000) return;
			lastLine = performance.now();
			console.error(`  ${table}: ${rows} rows`);
		}
	});
	const width = Math.max(...report.tables.map((t) => t.table.length));
	for (const t of report.tables) {
		console.log(
			`${t.ok ? 'ok  ' : 'DIFF'} ${t.table.padEnd(width)} ${String(t.source).padStart(9)} → ${String(t.target).padStart(9)}  ${t.targetChecksum.slice(0, 16)}${t.ok ? '' : ` (source ${t.sourceChecksum.slice(0, 16)})`}`
		);
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (!report.ok) {
		console.error(
			`db:copy: ${shown(values.from)} → ${shown(values.to)} differs in the tables marked DIFF (复制结果不一致); was something writing meanwhile?`
		);
		process.exitCode = 1;
	} else {
		console.log(
			`copied ${shown(values.from)} → ${shown(values.to)}: ${report.tables.length} tables verified, ${report.indexed} records indexed, ${seconds} s / 复制完成`
		);
	}
} catch (error) {
	console.error(`db:copy failed / 复制失败: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await source.db.destroy();
	await target.db.destroy();
}
