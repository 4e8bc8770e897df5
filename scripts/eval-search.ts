/**
 * `npm run eval:search -- [--json] [--verbose] [--write-baseline]` — score search on the fixed
 * evaluation database (scripts/fixtures/search/): success@1, success@10 and MRR per category
 * of query and overall. `--verbose` lists every query not answered at rank 1 with the first
 * results; `--write-baseline` records the current scores as the floor the test holds.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SEARCH_BASELINE, evaluateSearch, type Scores } from './lib/searchEval';

const { values } = parseArgs({
	options: {
		json: { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false },
		'write-baseline': { type: 'boolean', default: false }
	}
});

const evaluation = await evaluateSearch();

if (values.json) {
	console.log(JSON.stringify(evaluation, null, 2));
} else {
	if (values.verbose) {
		for (const o of evaluation.outcomes) {
			if (o.rank === 1) continue;
			const where = o.rank === null ? 'MISS' : `@${o.rank}`;
			console.log(`${where}\t[${o.category}] ${o.q}\t(${o.total}) → ${o.top.join(' | ')}`);
		}
		console.log('');
	}
	const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
	// Chinese category names are two columns wide on a terminal.
	const pad = (name: string) =>
		name + ' '.repeat(Math.max(0, 10 - name.replace(/[^ -~]/g, '  ').length));
	const line = (name: string, s: Scores) =>
		`${pad(name)} ${String(s.queries).padStart(5)} ${pct(s.successAt1)} ${pct(s.successAt10)} ${s.mrr.toFixed(3).padStart(7)}`;
	console.log(`${pad('category')} ${'n'.padStart(5)}   s@1%  s@10%     MRR`);
	for (const [name, s] of Object.entries(evaluation.byCategory)) console.log(line(name, s));
	console.log(line('all', evaluation.overall));
}

if (values['write-baseline']) {
	const { successAt1, successAt10, mrr, queries } = evaluation.overall;
	const round = (x: number) => Math.floor(x * 1000) / 1000;
	writeFileSync(
		SEARCH_BASELINE,
		JSON.stringify(
			{ queries, successAt1: round(successAt1), successAt10: round(successAt10), mrr: round(mrr) },
			null,
			'\t'
		) + '\n'
	);
	console.error(`baseline written to ${SEARCH_BASELINE}`);
}
