/**
 * npx tsx scripts/profile-extract.ts [MB] [ROUNDS] [DUMP.json]
 *
 * Extracts the bench's synthetic pages (bench/importBench.ts writePages, seed 1; default 2 MB)
 * once in a fresh process ("cold"), then ROUNDS times more ("warm", default 5), and prints
 * MB/s per CPU second and per wall second of each round. With DUMP.json, the cold round's
 * records are written there, to `cmp` the output before and after a change.
 * For a profile: `node --import tsx --cpu-prof --cpu-prof-dir=DIR scripts/profile-extract.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePages } from '../bench/importBench';
import { extract } from '../src/lib/extract/index';

const mb = Number(process.argv[2] ?? 2);
const rounds = Number(process.argv[3] ?? 5);
const dumpTo = process.argv[4];
const dir = join(tmpdir(), `bianmin-profile-pages-${mb}`);
writePages(dir, mb, 1);
const texts = readdirSync(dir)
	.filter((n) => n.endsWith('.txt'))
	.sort()
	.map((n) => readFileSync(join(dir, n), 'utf8'));
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
const all: unknown[] = [];
for (let r = 0; r <= rounds; r++) {
	const cpu = process.cpuUsage();
	const started = performance.now();
	let records = 0;
	for (const [i, text] of texts.entries()) {
		const found = extract(text, { source: `page-${i}.txt`, published: '2024-01-01' });
		records += found.length;
		if (r === 0 && dumpTo) all.push(found);
	}
	const used = process.cpuUsage(cpu);
	const cpuSeconds = (used.user + used.system) / 1e6;
	const wallSeconds = (performance.now() - started) / 1000;
	console.log(
		`${r === 0 ? 'cold' : 'warm'} round ${r}: ${records} records, ` +
			`${(bytes / 1e6 / cpuSeconds).toFixed(2)} MB/s CPU, ${(bytes / 1e6 / wallSeconds).toFixed(2)} MB/s wall`
	);
}
if (dumpTo) writeFileSync(dumpTo, JSON.stringify(all));
