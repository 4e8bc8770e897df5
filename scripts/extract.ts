/**
 * `npm run extract -- --json [--published YYYY-MM-DD] [--area-code 0xxx] FILE...`
 *
 * Prints ONLY a JSON array of the records found in the given page files on stdout (the
 * contract outside checks read); progress and warnings go to stderr. The publication date
 * of each file comes from the manifest.json beside it (or seeds/manifest.json), else from
 * --published, else from a dateline in the text, else today. The paper's telephone area code
 * (given to numbers printed without one) comes from the manifest entry, else --area-code,
 * else 0731.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extract } from '../src/lib/extract/index';
import type { ExtractedRecord } from '../src/lib/records/types';
import { decodePageBytes } from '../src/lib/pages/decode';
import { publicationDate } from '../src/lib/pages/published';
import {
	AREA_CODE_RE,
	manifestEntryFor,
	type ManifestEntry
} from '../src/lib/server/pages/manifest';

const USAGE =
	'usage: tsx scripts/extract.ts --json [--published YYYY-MM-DD] [--area-code 0xxx] FILE...';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function warn(message: string): void {
	process.stderr.write(`${message}\n`);
}

interface Args {
	json: boolean;
	published?: string;
	areaCode?: string;
	files: string[];
}

/** The command line, checked; a string is the message to print (usage or what is wrong). */
function readArgs(argv: string[]): Args | string {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				json: { type: 'boolean', default: false },
				published: { type: 'string' },
				'area-code': { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (error) {
		return `${(error as Error).message}\n${USAGE}`;
	}
	const { values, positionals } = parsed;
	if (values.help || !positionals.length) return USAGE;
	const published = values.published;
	if (
		published !== undefined &&
		(!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(Date.parse(published)))
	) {
		return `--published needs a date as YYYY-MM-DD, got ${published || 'nothing'}`;
	}
	const areaCode = values['area-code'];
	if (areaCode !== undefined && !AREA_CODE_RE.test(areaCode)) {
		return `--area-code needs an area code like 0731, got ${areaCode || 'nothing'}`;
	}
	return { json: values.json, published, areaCode, files: positionals };
}

/** A folder stands for the .txt files in it, in name order. */
function expand(paths: string[]): string[] {
	const out: string[] = [];
	for (const p of paths) {
		let isDir = false;
		try {
			isDir = statSync(p).isDirectory();
		} catch {
			// Missing files are reported when read.
		}
		if (isDir) {
			for (const f of readdirSync(p)
				.filter((f) => f.endsWith('.txt'))
				.sort())
				out.push(join(p, f));
		} else out.push(p);
	}
	return out;
}

/** The manifest entry of a file: the manifest beside it, else seeds/manifest.json by name. */
function manifestEntry(file: string): ManifestEntry | undefined {
	for (const candidate of [file, join(ROOT, 'seeds', basename(file))]) {
		const entry = manifestEntryFor(candidate);
		if (entry instanceof Error) warn(`warning: ${entry.message}`);
		else if (entry) return entry;
	}
	return undefined;
}

function main(): number {
	const args = readArgs(process.argv.slice(2));
	if (typeof args === 'string') {
		warn(args);
		return 2;
	}
	const records: ExtractedRecord[] = [];
	const files = expand(args.files);
	let ok = 0;
	for (const file of files) {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(file);
		} catch (error) {
			warn(`warning: ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
			continue;
		}
		const decoded = decodePageBytes(bytes);
		if (!decoded.ok) {
			warn(`warning: ${file}: skipped, ${decoded.reason}`);
			continue;
		}
		if (decoded.encoding !== 'utf-8')
			warn(`warning: ${file}: not UTF-8, read as ${decoded.encoding}`);
		const entry = manifestEntry(file);
		const { date, from } = publicationDate({
			manifest: entry?.published,
			given: args.published,
			text: decoded.text
		});
		if (from === 'today')
			warn(`warning: ${file}: no publication date found, using today (${date})`);
		const areaCode = entry?.areaCode ?? args.areaCode;
		const found = extract(decoded.text, {
			source: file,
			published: date,
			...(areaCode ? { areaCode } : {})
		});
		warn(`${file}: ${found.length} records (published ${date})`);
		for (const record of found) records.push(record); // not push(...): a huge page overflows
		ok++;
	}
	process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
	if (!args.json) warn('note: --json is the only output format; records were printed as JSON');
	return ok === 0 && files.length > 0 ? 1 : 0;
}

process.exitCode = main();
