/**
 * The extractor may not get worse on its development corpus: every kind's F1 stays at or
 * above the floor recorded in baseline.json (raise it with `npm run eval -- --write-baseline`
 * after an improvement; lowering it is a reviewed change, never a silent one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize, total } from '../src/lib/extract/evaluate';
import { KINDS } from '../src/lib/records/kinds';
import { BASELINE, corpusSlugs, evaluateCorpus, loadFixture } from './lib/corpus';

describe('development corpus', () => {
	it('has fixtures, each complete, with anchors found in its page', () => {
		const slugs = corpusSlugs();
		expect(slugs.length).toBeGreaterThan(0);
		for (const slug of slugs) expect(() => loadFixture(slug), slug).not.toThrow();
	});

	it('every kind scores at least its recorded F1', () => {
		expect(existsSync(BASELINE), 'baseline.json is recorded').toBe(true);
		const { f1 } = JSON.parse(readFileSync(BASELINE, 'utf8')) as { f1: Record<string, number> };
		const { counts } = evaluateCorpus();
		for (const kind of KINDS) {
			expect(f1[kind], `baseline for ${kind}`).toBeTypeOf('number');
			expect(summarize(counts[kind]).f1, kind).toBeGreaterThanOrEqual(f1[kind]);
		}
		expect(summarize(total(counts)).f1, 'all kinds').toBeGreaterThanOrEqual(f1.all);
	});
});
