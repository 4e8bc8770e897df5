/**
 * Golden fixtures (mozilla/readability's test-pages habit): every folder under fixtures/
 * holds a page (`source.txt`), its publication date (`meta.json`) and the records the
 * extractor should find (`expected.json`). `expected.json` is written by
 * `tsx scripts/fixtures-update.ts` and reviewed by hand as a git diff.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { KINDS } from './types';

const ROOT = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The folders of fixtures and how to run one; the update script lists them the same way. */
function fixtureSlugs(): string[] {
	return readdirSync(ROOT, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'source.txt')))
		.map((d) => d.name)
		.sort();
}

function run(slug: string) {
	const text = readFileSync(join(ROOT, slug, 'source.txt'), 'utf8');
	const meta = JSON.parse(readFileSync(join(ROOT, slug, 'meta.json'), 'utf8')) as {
		published: string;
	};
	return {
		text,
		records: extract(text, { source: `${slug}/source.txt`, published: meta.published })
	};
}

describe('golden fixtures', () => {
	for (const slug of fixtureSlugs()) {
		describe(slug, () => {
			const { text, records } = run(slug);

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

			const expectedPath = join(ROOT, slug, 'expected.json');
			// A page without expected output fails (readability's habit): nothing is checked silently.
			it('matches expected.json', () => {
				expect(existsSync(expectedPath), `${slug}/expected.json exists`).toBe(true);
				const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
				expect(JSON.parse(JSON.stringify(records))).toEqual(expected);
			});
		});
	}
});
