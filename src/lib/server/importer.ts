import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extract } from '../extract/index';
import type { Kind } from '../records/kinds';
import { decodePageBytes } from '../pages/decode';
import { publicationDate } from '../pages/published';
import type { DB } from './db';
import { manifestEntryFor } from './pages/manifest';
import { importPageFileNow } from './pages/jobs';
import { sniffPageType } from '../pages/sniff';
import { importPage, type ImportOutcome } from './pageImport';

export const DEFAULT_PAPER = '株洲日报';

/** Page files under the given paths (folders are walked; manifest.json and dotfiles skipped). */
export function listPageFiles(paths: readonly string[]): { files: string[]; problems: Problem[] } {
	const files: string[] = [];
	const problems: Problem[] = [];
	const walk = (path: string) => {
		let stat;
		try {
			stat = statSync(path);
		} catch {
			problems.push({ file: path, message: '文件不存在 / not found' });
			return;
		}
		if (stat.isDirectory()) {
			for (const name of readdirSync(path).sort()) {
				if (name.startsWith('.') || name === 'manifest.json') continue;
				walk(join(path, name));
			}
		} else if (stat.isFile()) files.push(path);
	};
	paths.forEach(walk);
	return { files, problems };
}

export interface Problem {
	file: string;
	line?: number;
	message: string;
}

export interface ImportSummary {
	pages: number;
	newPages: number;
	skipped: number;
	records: Record<ImportOutcome, number>;
	byKind: Partial<Record<Kind, number>>;
	problems: Problem[];
}

export interface ImportOptions {
	/** Publication date of pages without a manifest entry (beats a dateline; see pages/published.ts). */
	published?: string;
	/** The papers' area code when a page's manifest entry gives none (default 0731). */
	areaCode?: string;
	onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Imports page files (text, PDF or image, told apart by their bytes): each page in its own transaction, a bad file reported and skipped while
 * the rest goes on. The caller decides what to print.
 */
export async function importFiles(
	db: DB,
	paths: readonly string[],
	options: ImportOptions = {}
): Promise<ImportSummary> {
	const { files, problems } = listPageFiles(paths);
	const summary: ImportSummary = {
		pages: 0,
		newPages: 0,
		skipped: 0,
		records: { new: 0, unchanged: 0, updated: 0, suggested: 0 },
		byKind: {},
		problems
	};
	for (const [index, file] of files.entries()) {
		options.onProgress?.(index, files.length, file);
		const rel = relative(process.cwd(), file);
		const name = rel && !rel.startsWith('..') ? rel : file;
		try {
			const bytes = readFileSync(file);
			const type = sniffPageType(bytes);
			if (type !== 'text/plain' && type !== 'binary') {
				// PDF or image: stored, read and imported exactly as a moderator's upload is.
				const entry = manifestEntryFor(file);
				if (entry instanceof Error) problems.push({ file: name, message: entry.message });
				const meta = entry instanceof Error ? undefined : entry;
				const { job, duplicate, result } = await importPageFileNow(db, {
					bytes,
					name,
					paper: meta?.paper ?? DEFAULT_PAPER,
					published: meta?.published ?? options.published ?? null,
					page: meta?.page ?? null,
					userId: null
				});
				if (job.state === 'failed') {
					summary.skipped++;
					problems.push({ file: name, message: job.error ?? 'failed' });
					continue;
				}
				summary.pages++;
				if (duplicate) {
					problems.push({ file: name, message: `same file as upload #${job.id}; nothing new` });
					continue;
				}
				if (result?.newSource) summary.newPages++;
				for (const [k, n] of Object.entries(result?.outcomes ?? {}))
					summary.records[k as ImportOutcome] += n;
				for (const [k, n] of Object.entries(result?.byKind ?? {}))
					summary.byKind[k as Kind] = (summary.byKind[k as Kind] ?? 0) + n;
				continue;
			}
			const decoded = decodePageBytes(bytes);
			if (!decoded.ok) {
				summary.skipped++;
				problems.push({ file: name, message: decoded.reason });
				continue;
			}
			if (decoded.encoding !== 'utf-8') {
				problems.push({ file: name, message: `read as ${decoded.encoding} (not UTF-8); imported` });
			}
			const entry = manifestEntryFor(file);
			if (entry instanceof Error) problems.push({ file: name, message: entry.message });
			const meta = entry instanceof Error ? undefined : entry;
			const { date: published } = publicationDate({
				manifest: meta?.published,
				given: options.published,
				text: decoded.text
			});
			const areaCode = meta?.areaCode ?? options.areaCode;
			const records = extract(decoded.text, {
				source: name,
				published,
				...(areaCode ? { areaCode } : {})
			});
			const result = await importPage(
				db,
				{
					file: name,
					text: decoded.text,
					paper: meta?.paper ?? DEFAULT_PAPER,
					published,
					page: meta?.page ?? null
				},
				records
			);
			summary.pages++;
			if (result.newSource) summary.newPages++;
			for (const [k, n] of Object.entries(result.outcomes))
				summary.records[k as ImportOutcome] += n;
			for (const [k, n] of Object.entries(result.byKind)) {
				summary.byKind[k as Kind] = (summary.byKind[k as Kind] ?? 0) + n;
			}
		} catch (error) {
			summary.skipped++;
			problems.push({ file: name, message: (error as Error).message });
		}
	}
	options.onProgress?.(files.length, files.length, '');
	return summary;
}
