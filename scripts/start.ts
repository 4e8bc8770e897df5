/**
 * npm start — migrate, import seeds/ when the database is empty, build when the build is stale,
 * then serve on http://localhost:3000 (PORT, HOST, ORIGIN, DATABASE_PATH, DATABASE_URL are honoured).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import {
	databaseLocation,
	databasePath,
	describeLocation,
	openDatabase
} from '../src/lib/server/db/index';
import { importFiles } from '../src/lib/server/importer';
import { fillReprintFingerprints } from '../src/lib/server/pageImport';
import {
	reindexSearch,
	SEARCH_INDEX_VERSION,
	searchIndexVersion
} from '../src/lib/server/search/reindex';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../src/lib/server/nodeFlags';
import { buildFingerprint, buildIsFresh, STAMP_FILE } from './lib/buildStamp';
import { run } from './lib/command';

const log = (message: string) => console.error(`[bianmin] ${message}`);

const { db } = await openDatabase();
const { n } = await db
	.selectFrom('sources')
	.select((eb) => eb.fn.countAll<number>().as('n'))
	.executeTakeFirstOrThrow();
if (Number(n) === 0) {
	log(`empty database at ${describeLocation(databaseLocation())}: importing seeds/`);
	const summary = await importFiles(db, ['seeds']);
	log(`imported ${summary.pages} pages, ${summary.records.new} records`);
	for (const p of summary.problems) log(`  ${p.file}: ${p.message}`);
}
if ((await searchIndexVersion(db)) < SEARCH_INDEX_VERSION) {
	log('rebuilding the search index (the tokenizer changed since it was built)');
	log(`search index rebuilt: ${await reindexSearch(db)} records`);
}
// Records of lost & found and 寻亲 written before migration 0007 get what lists fold reprints by.
const fingerprinted = await fillReprintFingerprints(db);
if (fingerprinted) log(`reprint fingerprints filled: ${fingerprinted} records`);
await db.destroy();

if (!buildIsFresh()) {
	log('building the app (vite build)');
	const fingerprint = buildFingerprint();
	const code = await run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
	if (code !== 0) process.exit(code);
	writeFileSync(STAMP_FILE, fingerprint);
}

const port = process.env.PORT || '3000';
const env = {
	...SERVER_ENV,
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	DATABASE_PATH: databasePath(),
	// Large enough for a page upload (20 MB plus the form); other requests are held to 1 MB by
	// handleBodyLimit in hooks.server.ts.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '21M'
};
log(`serving on ${env.ORIGIN} (database ${describeLocation(databaseLocation())})`);
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
