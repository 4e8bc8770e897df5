/**
 * Crash safety: kill -9 the importer in the middle of a large import, and a moderator's writer in
 * the middle of saving edits, then check what survives.
 *
 * The importer is the real CLI (scripts/import.ts). The writer is a child process doing what the
 * server does on "save" (openDatabase + updateRecord in one transaction, confirmation after the
 * commit); a test against the real HTTP server under kill -9 belongs to the load test, where the
 * built server runs anyway.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { extract } from '../extract/index';
import { openDatabase } from './db/index';
import { importFiles } from './importer';
import { sha256 } from './records';
import { writeSyntheticPages } from '../../../tests/helpers/pages';
import {
	seedModeratorDatabase,
	startChild,
	waitFor,
	type Child
} from '../../../tests/helpers/processes';

const PAGES = 200;
const PUBLISHED = '2024-11-05';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const children: Child[] = [];
afterEach(async () => {
	for (const child of children.splice(0)) {
		child.process.kill('SIGKILL');
		await child.exited;
	}
});

function start(script: string, args: string[], env: Record<string, string>): Child {
	const child = startChild(script, args, env);
	children.push(child);
	return child;
}

async function kill(child: Child): Promise<void> {
	child.process.kill('SIGKILL');
	expect(await child.exited).toBeNull(); // died of the signal, did not finish on its own
}

function integrity(path: string): string {
	const db = new Database(path, { fileMustExist: true });
	try {
		return db.pragma('integrity_check', { simple: true }) as string;
	} finally {
		db.close();
	}
}

/** Everything an import writes, without timestamps: two imports that did the same are equal. */
function dump(path: string) {
	const db = new Database(path, { fileMustExist: true });
	const all = (q: string) => db.prepare(q).all();
	try {
		return {
			sources: all('select id, file, published, content_hash from sources order by id'),
			records: all(
				`select id, kind, subtype, title, status, district, data, flags, confidence, source_key,
					extracted_hash, duplicate_of, version from records order by id`
			),
			provenance: all('select record_id, source_id, start, "end" from provenance order by id'),
			phones: all('select record_id, number, position from record_phones order by id'),
			revisions: all('select record_id, version, action, after from revisions order by id'),
			fts: db.prepare('select rowid from record_fts order by rowid').pluck().all()
		};
	} finally {
		db.close();
	}
}

/**
 * No page is half-imported: for every stored page, the records whose provenance points to it are
 * exactly the records extract() finds in its text (by source key), and no record lacks a page.
 */
function checkWholePages(path: string): { pages: number; records: number } {
	const db = new Database(path, { fileMustExist: true });
	try {
		const sources = db.prepare('select id, file, published, text from sources').all() as {
			id: number;
			file: string;
			published: string;
			text: string;
		}[];
		const keysOf = db
			.prepare(
				`select r.source_key from provenance p join records r on r.id = p.record_id
				where p.source_id = ? order by r.source_key`
			)
			.pluck();
		let records = 0;
		for (const s of sources) {
			const hash = sha256(s.text);
			const expected = [
				...new Set(
					extract(s.text, { source: s.file, published: s.published }).map(
						(r) => `${hash}:${r.kind}:${r.source.start}:${r.source.end}`
					)
				)
			].sort();
			expect(keysOf.all(s.id), `records of ${s.file}`).toEqual(expected);
			records += expected.length;
		}
		const orphans = db
			.prepare('select count(*) from records where id not in (select record_id from provenance)')
			.pluck()
			.get();
		expect(orphans).toBe(0);
		// FTS5's own consistency check of the search index.
		db.prepare("insert into record_fts (record_fts) values ('integrity-check')").run();
		return { pages: sources.length, records };
	} finally {
		db.close();
	}
}

describe('kill -9 during a large import', () => {
	it('leaves whole pages only, and re-running completes the import exactly', async () => {
		const pagesDir = join(dir, 'pages');
		writeSyntheticPages(pagesDir, PAGES);
		const dbPath = join(dir, 'import.db');
		await (await openDatabase(dbPath)).db.destroy();
		const args = ['-q', '--published', PUBLISHED, pagesDir];
		const env = { DATABASE_PATH: dbPath };

		const poll = new Database(dbPath, { readonly: true });
		const pages = poll.prepare('select count(*) from sources').pluck();
		const committed: number[] = [];
		// Two crashes, the second while resuming after the first; then a run to the end.
		for (const killAt of [Math.round(PAGES * 0.15), Math.round(PAGES * 0.5)]) {
			const importer = start('scripts/import.ts', args, env);
			await waitFor(() => (pages.get() as number) >= killAt, 15_000, `${killAt} pages`);
			await kill(importer);
			const n = pages.get() as number;
			expect(n, 'the import must still have been running').toBeLessThan(PAGES);
			committed.push(n);
			expect(integrity(dbPath)).toBe('ok');
			expect(checkWholePages(dbPath).pages).toBe(n);
		}
		poll.close();
		console.info(`pages committed before the kills: ${committed.join(', ')} of ${PAGES}`);

		const resumed = start('scripts/import.ts', args, env);
		expect(await resumed.exited, resumed.stderr()).toBe(0);
		expect(integrity(dbPath)).toBe('ok');
		const whole = checkWholePages(dbPath);
		expect(whole.pages).toBe(PAGES);
		expect(whole.records).toBeGreaterThan(PAGES); // several notices per page were found

		// The same as a clean import of the same pages, row for row.
		const cleanPath = join(dir, 'clean.db');
		const clean = await openDatabase(cleanPath);
		await importFiles(clean.db, [pagesDir], { published: PUBLISHED });
		await clean.db.destroy();
		const after = dump(dbPath);
		expect(after).toEqual(dump(cleanPath));

		// A third run changes nothing.
		const again = start('scripts/import.ts', args, env);
		expect(await again.exited).toBe(0);
		expect(again.lines.join('\n')).toMatch(/records:\s+0 new, \d+ unchanged, 0 updated/);
		expect(dump(dbPath)).toEqual(after);
	}, 60_000);
});

describe('kill -9 during moderator saves', () => {
	it('keeps every save that was confirmed', async () => {
		const dbPath = join(dir, 'moderator.db');
		const { userId, ids } = await seedModeratorDatabase(dbPath, 4);
		const env = { DATABASE_PATH: dbPath, RECORD_IDS: ids.join(','), USER_ID: String(userId) };
		const confirmed: string[] = [];
		for (let round = 0; round < 2; round++) {
			const writer = start('tests/helpers/moderatorChild.ts', [], env);
			await waitFor(() => writer.lines.length > 0, 15_000, 'the first save');
			// A random moment, so the kill lands anywhere in a transaction.
			await new Promise((r) => setTimeout(r, 50 + Math.random() * 300));
			await kill(writer);
			expect(writer.lines.length).toBeGreaterThan(1);
			confirmed.push(...writer.lines);
			expect(integrity(dbPath)).toBe('ok');
		}

		const db = new Database(dbPath, { fileMustExist: true });
		const revision = db
			.prepare(
				"select after from revisions where record_id = ? and version = ? and action = 'edit'"
			)
			.pluck();
		const last = new Map<number, { version: number; title: string }>();
		for (const line of confirmed) {
			const [id, version, title] = line.split(' ');
			const after = revision.get(Number(id), Number(version)) as string | undefined;
			expect(after, `confirmed save ${line}`).toBeDefined();
			expect(JSON.parse(after!).title).toBe(title);
			last.set(Number(id), { version: Number(version), title });
		}
		for (const [id, saved] of last) {
			const row = db.prepare('select version, title from records where id = ?').get(id) as {
				version: number;
				title: string;
			};
			// At most one more save committed whose confirmation the kill cut off.
			expect(row.version - saved.version).toBeGreaterThanOrEqual(0);
			expect(row.version - saved.version).toBeLessThanOrEqual(1);
			if (row.version === saved.version) expect(row.title).toBe(saved.title);
			// Version and revisions were written together.
			const revisions = db
				.prepare('select count(*) from revisions where record_id = ?')
				.pluck()
				.get(id);
			expect(revisions).toBe(row.version);
		}
		db.close();
		console.info(`confirmed saves checked after two kills: ${confirmed.length}`);
	}, 60_000);
});
