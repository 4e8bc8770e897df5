import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from: a change to any of these makes the build stale. */
const INPUTS = [
	'src',
	'static',
	'migrations',
	'svelte.config.js',
	'vite.config.ts',
	'scripts/lib/libraryPatches.ts',
	'package-lock.json',
	'tsconfig.json'
];
export const STAMP_FILE = 'build/.bianmin-build-stamp';

/** A fingerprint of the build inputs: paths, sizes and modification times. */
export function buildFingerprint(root = '.'): string {
	const hash = createHash('sha256');
	const visit = (path: string) => {
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const name of readdirSync(path).sort()) {
				if (name.endsWith('.test.ts') || name === 'fixtures') continue;
				visit(join(path, name));
			}
		} else hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
	};
	for (const input of INPUTS) if (existsSync(join(root, input))) visit(join(root, input));
	return hash.digest('hex');
}

export function buildIsFresh(root = '.'): boolean {
	const stamp = join(root, STAMP_FILE);
	return (
		existsSync(join(root, 'build/index.js')) &&
		existsSync(stamp) &&
		readFileSync(stamp, 'utf8') === buildFingerprint(root)
	);
}
