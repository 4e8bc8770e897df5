/**
 * Golden fixtures (mozilla/readability's test-pages habit): every folder under fixtures/
 * holds a page (`source.txt`, or the seed page its `meta.json` names), its publication date and
 * the records the extractor should find (`expected.json`). `expected.json` is written by
 * `tsx scripts/fixtures-update.ts` and reviewed by hand as a git diff.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenFixtureSlugs, loadGoldenFixture } from '../../../tests/helpers/goldenFixtures';
import { extract } from './index';
import { KINDS } from '../records/kinds';

function run(slug: string) {
	const fixture = loadGoldenFixture(slug);
	return {
		...fixture,
		records: extract(fixture.text, {
			source: fixture.sourceName,
			published: fixture.published,
			...(fixture.areaCode ? { areaCode: fixture.areaCode } : {})
		})
	};
}

describe('golden fixtures', () => {
	for (const slug of goldenFixtureSlugs()) {
		describe(slug, () => {
			const { text, records, expectedPath } = run(slug);

			it('keeps the record contract', () => {
				expect(Array.isArray(records)).toBe(true);
				for (const r of records) {
					expect(KINDS).toContain(r.kind);
					expect(r.title.trim().length).toBeGreaterThan(0);
					expect(r.source.start).toBeGreaterThanOrEqual(0);
					expect(r.source.end).toBeLessThanOrEqual(text.length);
					expect(r.source.start).toBeLessThan(r.source.end);
					expect(text.slice(r.source.start, r.source.end).trim()).not.toBe('');
					expect(r.confidence).toBeGreaterThanOrEqual(0);
					expect(r.confidence).toBeLessThanOrEqual(1);
					expect(Array.isArray(r.phones)).toBe(true);
					expect(Array.isArray(r.emails)).toBe(true);
					for (const [k, v] of Object.entries(r)) {
						expect(v, `${k} is omitted, not empty`).not.toBe('');
						expect(v, `${k} is omitted, not null`).not.toBeNull();
					}
				}
			});

			// A page without expected output fails (readability's habit): nothing is checked silently.
			it('matches expected.json', () => {
				expect(existsSync(expectedPath), `${slug}/expected.json exists`).toBe(true);
				const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
				expect(JSON.parse(JSON.stringify(records))).toEqual(expected);
			});
		});
	}
});

describe('seed pages', () => {
	it('are each pinned by a golden fixture that reads the seed file itself', () => {
		const manifest = JSON.parse(
			readFileSync(new URL('../../../seeds/manifest.json', import.meta.url), 'utf8')
		) as { pages: { file: string }[] };
		const pinned = goldenFixtureSlugs().map(
			(slug) =>
				(
					JSON.parse(
						readFileSync(new URL(`./fixtures/${slug}/meta.json`, import.meta.url), 'utf8')
					) as { seed?: string }
				).seed
		);
		expect(manifest.pages.length).toBeGreaterThan(0);
		for (const page of manifest.pages) expect(pinned, page.file).toContain(page.file);
	});
});
