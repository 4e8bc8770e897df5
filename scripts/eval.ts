/**
 * `npm run eval -- [--json] [--verbose] [SLUG...]` — score the extractor on the development
 * corpus (src/lib/extract/fixtures/corpus/): precision, recall and F1 per kind, field and
 * provenance accuracy. `--verbose` lists every missed, extra or wrong record per fixture;
 * `--write-baseline` records the current F1 per kind as the floor the tests hold.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarize, total } from '../src/lib/extract/evaluate';
import { KINDS } from '../src/lib/records/kinds';
import { BASELINE, corpusSlugs, evaluateCorpus } from './lib/corpus';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		json: { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false },
		'write-baseline': { type: 'boolean', default: false }
	}
});

const all = corpusSlugs();
const unknown = positionals.filter((s) => !all.includes(s));
if (unknown.length) {
	console.error(`unknown fixture(s): ${unknown.join(', ')}`);
	process.exit(2);
}
const { counts, results } = evaluateCorpus(positionals.length ? positionals : all);
const rows = [
	...KINDS.map((k) => ({ kind: k as string, ...summarize(counts[k]) })),
	{ kind: 'all', ...summarize(total(counts)) }
];

if (values.json) {
	console.log(JSON.stringify({ fixtures: results.length, kinds: rows, results }, null, 2));
} else {
	if (values.verbose) {
		for (const r of results) {
			for (const m of r.misses) console.log(`${r.slug}\t${m.what}\t${m.kind}\t${m.detail}`);
		}
		console.log('');
	}
	const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
	console.log(`${results.length} fixtures`);
	console.log('kind            truth  found  precision  recall      F1  fields  passage');
	for (const r of rows) {
		console.log(
			`${r.kind.padEnd(14)} ${String(r.truth).padStart(6)} ${String(r.predicted).padStart(6)}    ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${pct(r.fieldAccuracy)} ${pct(r.provenanceAccuracy)}`
		);
	}
}

if (values['write-baseline']) {
	const baseline = Object.fromEntries(rows.map((r) => [r.kind, Math.floor(r.f1 * 1000) / 1000]));
	writeFileSync(BASELINE, JSON.stringify({ f1: baseline }, null, '\t') + '\n');
	console.error(`baseline written to ${BASELINE}`);
}
