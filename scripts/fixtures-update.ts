/**
 * `tsx scripts/fixtures-update.ts [SLUG...]` — rewrite expected.json of the golden fixtures
 * (src/lib/extract/fixtures/<slug>/) from the current extractor, formatted by Prettier so
 * `npm run lint` stays clean. Review the result as a git diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { extract } from '../src/lib/extract/index';
import { goldenFixtureSlugs, loadGoldenFixture } from '../tests/helpers/goldenFixtures';

async function main(): Promise<number> {
	const all = goldenFixtureSlugs();
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((w) => !all.includes(w));
	if (unknown.length) {
		process.stderr.write(`unknown fixture(s): ${unknown.join(', ')}\n`);
		return 2;
	}
	for (const slug of wanted.length ? wanted : all) {
		const fixture = loadGoldenFixture(slug);
		const records = extract(fixture.text, {
			source: fixture.sourceName,
			published: fixture.published,
			...(fixture.areaCode ? { areaCode: fixture.areaCode } : {})
		});
		const path = fixture.expectedPath;
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
