/**
 * The extractor's golden fixtures (src/lib/extract/fixtures/<slug>/, readability's test-pages
 * habit), read one way by their test and by `scripts/fixtures-update.ts`. A fixture is a folder
 * with `meta.json` and `expected.json`; its page is `source.txt` beside them, or, for a seed page,
 * the file of `seeds/` that `meta.json` names (`{ "seed": "000_….txt" }`, dated by
 * seeds/manifest.json), so a fixture is never a copy that can drift from the page it pins.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GOLDEN_FIXTURES = join(ROOT, 'src/lib/extract/fixtures');
const SEEDS = join(ROOT, 'seeds');

interface FixtureMeta {
	published?: string;
	areaCode?: string;
	/** A file of seeds/ whose text is this fixture's page. */
	seed?: string;
}

export interface GoldenFixture {
	slug: string;
	dir: string;
	text: string;
	published: string;
	areaCode?: string;
	/** The name records carry in `source.file`: the same wherever the text is stored. */
	sourceName: string;
	expectedPath: string;
}

/** Every fixture folder (one with a meta.json), sorted; the corpus has its own loader. */
export function goldenFixtureSlugs(): string[] {
	return readdirSync(GOLDEN_FIXTURES, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(join(GOLDEN_FIXTURES, d.name, 'meta.json')))
		.map((d) => d.name)
		.sort();
}

/** A fixture's page and options; throws when meta.json names no readable page. */
export function loadGoldenFixture(slug: string): GoldenFixture {
	const dir = join(GOLDEN_FIXTURES, slug);
	const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as FixtureMeta;
	let text: string;
	let published = meta.published;
	if (meta.seed) {
		text = readFileSync(join(SEEDS, meta.seed), 'utf8');
		const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as {
			pages: { file: string; published: string }[];
		};
		published ??= manifest.pages.find((p) => p.file === meta.seed)?.published;
	} else text = readFileSync(join(dir, 'source.txt'), 'utf8');
	if (!published)
		throw new Error(`${slug}: no publication date (meta.json or seeds/manifest.json)`);
	return {
		slug,
		dir,
		text,
		published,
		...(meta.areaCode ? { areaCode: meta.areaCode } : {}),
		sourceName: `${slug}/source.txt`,
		expectedPath: join(dir, 'expected.json')
	};
}
