/**
 * Import benchmark: synthetic newspaper pages through the app's own importFiles (decode,
 * extract, store each page in its own transaction) into the benchmark database.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/lib/extract/index';
import type { DB } from '../src/lib/server/db';
import { importFiles } from '../src/lib/server/importer';
import { pages } from './synthetic';

export interface ImportFigures {
	pages: number;
	mb: number;
	/** New records stored (the extractor's output, published or draft). */
	records: number;
	seconds: number;
	mbPerSec: number;
	recordsPerSec: number;
	problems: number;
}

/** Writes pages of the synthetic paper into `dir` until `mb` megabytes; returns the count. */
export function writePages(
	dir: string,
	mb: number,
	seed: number
): { files: number; bytes: number } {
	mkdirSync(dir, { recursive: true });
	let bytes = 0;
	let files = 0;
	for (const page of pages(100_000, seed)) {
		if (bytes >= mb * 1e6) break;
		const data = Buffer.from(page.text, 'utf8');
		writeFileSync(join(dir, page.name), data);
		bytes += data.length;
		files++;
	}
	return { files, bytes };
}

/** Imports every page in `dir` and measures throughput (MB of page text per second). */
export async function benchImport(
	db: DB,
	dir: string,
	bytes: number,
	onProgress?: (done: number, total: number) => void
): Promise<ImportFigures> {
	const started = performance.now();
	const summary = await importFiles(db, [dir], {
		published: '2024-01-01',
		onProgress: (done, total) => onProgress?.(done, total)
	});
	const seconds = (performance.now() - started) / 1000;
	return {
		pages: summary.pages,
		mb: bytes / 1e6,
		records: summary.records.new,
		seconds,
		mbPerSec: bytes / 1e6 / seconds,
		recordsPerSec: summary.records.new / seconds,
		problems: summary.problems.length
	};
}

export interface ExtractFigures {
	pages: number;
	mb: number;
	records: number;
	seconds: number;
	/** Issue 3: a year of a daily paper (~60 MB) in under 60 s on one core, so ≥ 1 MB/s. */
	mbPerSec: number;
}

/** The pure extractor alone over the same pages (read first, so no disk time is counted). */
export function benchExtract(dir: string): ExtractFigures {
	const texts = readdirSync(dir)
		.filter((name) => name.endsWith('.txt'))
		.sort()
		.map((name) => readFileSync(join(dir, name), 'utf8'));
	const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
	let records = 0;
	const started = performance.now();
	for (const [i, text] of texts.entries())
		records += extract(text, { source: `page-${i}.txt`, published: '2024-01-01' }).length;
	const seconds = (performance.now() - started) / 1000;
	return {
		pages: texts.length,
		mb: bytes / 1e6,
		records,
		seconds,
		mbPerSec: bytes / 1e6 / seconds
	};
}
