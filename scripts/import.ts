/**
 * npm run import -- [--published YYYY-MM-DD] [--area-code 0xxx] [PATH...]   (default: seeds/)
 *
 * --area-code is the papers' telephone area code (default 0731), for pages whose manifest
 * entry does not give one.
 *
 * Stores pages (.txt, .pdf, .jpg/.png/.webp: the formats /mod/pages/new accepts, told apart by
 * their bytes) and their records in DATABASE_PATH, one transaction per page. Idempotent. A bad
 * file is reported by name and skipped; the exit code is non-zero only when nothing could be
 * imported.
 */
import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { KIND_LABELS } from '../src/lib/records/kinds';
import { databaseLocation, describeLocation, openDatabase } from '../src/lib/server/db/index';
import { importFiles } from '../src/lib/server/importer';
import { AREA_CODE_RE } from '../src/lib/server/pages/manifest';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		published: { type: 'string' },
		'area-code': { type: 'string' },
		quiet: { type: 'boolean', short: 'q' }
	}
});
if (values.published && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
	console.error('--published must be YYYY-MM-DD (发布日期格式应为 2024-11-05)');
	process.exit(2);
}
const areaCode = values['area-code'];
if (areaCode !== undefined && !AREA_CODE_RE.test(areaCode)) {
	console.error('--area-code must be an area code like 0731 (区号格式应为 0731)');
	process.exit(2);
}
const paths = positionals.length ? positionals : ['seeds'];

const { db } = await openDatabase();
// A progress bar only on a terminal; logs and CI get the summary alone.
const bar =
	process.stderr.isTTY && !values.quiet
		? new cliProgress.SingleBar(
				{
					format: '导入 [{bar}] {value}/{total} 页 {file}',
					stream: process.stderr,
					hideCursor: true
				},
				cliProgress.Presets.shades_classic
			)
		: undefined;
let started = false;
const summary = await importFiles(db, paths, {
	published: values.published,
	areaCode,
	onProgress: (done, total, file) => {
		if (!bar) return;
		if (!started) {
			bar.start(total, 0, { file: '' });
			started = true;
		}
		bar.update(done, { file });
	}
});
bar?.stop();
await db.destroy();

const r = summary.records;
const kinds = Object.entries(summary.byKind)
	.map(([kind, n]) => `${KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind} ${n}`)
	.join('，');
console.log(`database: ${describeLocation(databaseLocation())}`);
console.log(
	`pages:    ${summary.pages} imported (${summary.newPages} new), ${summary.skipped} skipped`
);
console.log(
	`records:  ${r.new} new, ${r.unchanged} unchanged, ${r.updated} updated, ${r.suggested} suggested for review`
);
if (kinds) console.log(`by kind:  ${kinds}`);
if (summary.problems.length) {
	console.log(`problems: ${summary.problems.length}`);
	for (const p of summary.problems)
		console.log(`  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}
process.exit(summary.pages === 0 ? 1 : 0);
