/**
 * Tests use invented data: a test that names a seed page's phone number, ID number or person
 * passes for the wrong reason when it is really reading the seed, and breaks when the seeds
 * change. The seed pages are pinned by their own golden fixtures (fixtures/seed-*), which read
 * seeds/ itself. tests/privacy.spec.ts is the one exception: it checks how the seed page's own
 * 残疾证 notice is masked on every public page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FIXTURES, goldenFixtureSlugs } from '../tests/helpers/goldenFixtures';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXEMPT = new Set(['tests/privacy.spec.ts']);
const SKIP = new Set(['node_modules', '.git', '.svelte-kit', 'build', 'fixtures', 'bench-out']);

interface SeedRecord {
	phones: { number: string }[];
	holder?: string;
	contactName?: string;
	personName?: string;
	documentNumber?: string;
}

/** What identifies a seed notice: its numbers (local part, mobile, ID part) and names. */
function seedStrings(): string[] {
	const out = new Set<string>();
	for (const slug of goldenFixtureSlugs().filter((s) => s.startsWith('seed-'))) {
		const records = JSON.parse(
			readFileSync(join(GOLDEN_FIXTURES, slug, 'expected.json'), 'utf8')
		) as SeedRecord[];
		for (const r of records) {
			for (const p of r.phones) {
				const local = p.number.replace(/^0\d{2,3}-/, '');
				// Short service numbers (12345, 12349) are everyone's, not the seed's.
				if (local.length >= 7) out.add(local);
			}
			for (const name of [r.holder, r.contactName, r.personName]) if (name) out.add(name);
			const id = r.documentNumber?.match(/\d{17}[\dX]/)?.[0];
			if (id) out.add(id.slice(0, 14)); // area and birth date: what makes it this person's
		}
	}
	return [...out];
}

function testFiles(dir = ''): string[] {
	const files: string[] = [];
	for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
		const path = dir ? `${dir}/${e.name}` : e.name;
		if (e.isDirectory()) {
			if (!SKIP.has(e.name) || path === 'tests/fixtures') files.push(...testFiles(path));
		} else if (/\.(test|spec)\.ts$/.test(e.name) || /^tests\/.*\.ts$/.test(path)) files.push(path);
	}
	return files;
}

describe('tests use invented data', () => {
	it('no test names a seed page’s numbers or people', () => {
		const strings = seedStrings();
		// The seeds carry phone numbers and a 残疾证 notice: the list is not empty by accident.
		expect(strings.length).toBeGreaterThan(5);
		const files = testFiles().filter((f) => !EXEMPT.has(f));
		expect(files).toContain('tests/directory.spec.ts');
		const found = files.flatMap((f) => {
			const text = readFileSync(join(ROOT, f), 'utf8');
			return strings.filter((s) => text.includes(s)).map((s) => `${f}: ${s}`);
		});
		expect(found).toEqual([]);
	});
});
