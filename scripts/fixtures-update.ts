/**
 * `tsx scripts/fixtures-update.ts [SLUG...]` — rewrite expected.json of the golden fixtures
 * (src/lib/extract/fixtures/<slug>/) from the current extractor, formatted by Prettier so
 * `npm run lint` stays clean. Review the result as a git diff before committing it.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { extract } from '../src/lib/extract/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/lib/extract/fixtures');

async function main(): Promise<number> {
	const all = readdirSync(ROOT, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'source.txt')))
		.map((d) => d.name)
		.sort();
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((w) => !all.includes(w));
	if (unknown.length) {
		process.stderr.write(`unknown fixture(s): ${unknown.join(', ')}\n`);
		return 2;
	}
	for (const slug of wanted.length ? wanted : all) {
		const dir = join(ROOT, slug);
		const text = readFileSync(join(dir, 'source.txt'), 'utf8');
		const { published } = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as {
			published: string;
		};
		const records = extract(text, { source: `${slug}/source.txt`, published });
		const path = join(dir, 'expected.json');
		const options = (await prettier.resolveConfig(path)) ?? {};
		const json = await prettier.format(JSON.stringify(records), { ...options, filepath: path });
		const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
		writeFileSync(path, json);
		process.stderr.write(
			`${slug}: ${records.length} records${before === json ? '' : ' (changed)'}\n`
		);
	}
	return 0;
}

process.exitCode = await main();
