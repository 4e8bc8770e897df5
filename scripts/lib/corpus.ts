/**
 * The extractor's development corpus: `src/lib/extract/fixtures/corpus/<slug>/` holds a page
 * (`source.txt`), what it is (`meta.json`: publication date, the real format it follows and
 * where such pages appear) and the records a careful reader would file (`truth.json`, written
 * by hand). Shared by `npm run eval` and the baseline test.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../src/lib/extract/index';
import {
	emptyCounts,
	scoreFixture,
	type Counts,
	type Miss,
	type TruthRecord
} from '../../src/lib/extract/evaluate';

export const CORPUS = resolve(
	dirname(fileURLToPath(import.meta.url)),
	'../../src/lib/extract/fixtures/corpus'
);
export const BASELINE = join(CORPUS, 'baseline.json');

export interface CorpusMeta {
	published: string;
	/** The real published format this page follows, in a few words. */
	format: string;
	/** Where pages of that format appear (kinds of papers or sites), not a copied page. */
	seenOn: string;
	/** The paper's telephone area code, when not Zhuzhou's 0731. */
	areaCode?: string;
}

export interface Fixture {
	slug: string;
	text: string;
	meta: CorpusMeta;
	truth: TruthRecord[];
}

export function corpusSlugs(): string[] {
	return readdirSync(CORPUS, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort();
}

/** Reads one fixture; throws naming the file when a part is missing or malformed. */
export function loadFixture(slug: string): Fixture {
	const dir = join(CORPUS, slug);
	for (const f of ['source.txt', 'meta.json', 'truth.json']) {
		if (!existsSync(join(dir, f))) throw new Error(`${slug}: ${f} is missing`);
	}
	const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as CorpusMeta;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.published ?? '')) {
		throw new Error(`${slug}/meta.json: "published" must be YYYY-MM-DD`);
	}
	if (!meta.format || !meta.seenOn) {
		throw new Error(`${slug}/meta.json: "format" and "seenOn" say which real format it follows`);
	}
	const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as TruthRecord[];
	if (!Array.isArray(truth)) throw new Error(`${slug}/truth.json: must be an array`);
	return { slug, text: readFileSync(join(dir, 'source.txt'), 'utf8'), meta, truth };
}

export interface FixtureResult {
	slug: string;
	misses: Miss[];
}

/** Extract every fixture and score it; `counts` sums all of them. */
export function evaluateCorpus(slugs: string[] = corpusSlugs()): {
	counts: Counts;
	results: FixtureResult[];
} {
	const counts = emptyCounts();
	const results: FixtureResult[] = [];
	for (const slug of slugs) {
		const f = loadFixture(slug);
		const predicted = extract(f.text, {
			source: `${slug}/source.txt`,
			published: f.meta.published,
			...(f.meta.areaCode ? { areaCode: f.meta.areaCode } : {})
		});
		const { misses } = scoreFixture(f.text, f.truth, predicted, counts);
		results.push({ slug, misses });
	}
	return { counts, results };
}
