/**
 * npx tsx scripts/warmup-curve.ts [MB] [CHUNKS] [SEED2]
 *
 * How the extractor warms up: extracts the bench's synthetic pages (seed 1, MB megabytes,
 * default 20) once, cold, and prints MB/s per CPU second of each of CHUNKS equal slices
 * (default 10) in page order. With SEED2, then extracts pages of that other seed (new
 * texts, so no per-string cache can help) and prints their rate: the warm rate on pages
 * the process has not seen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePages } from '../bench/importBench';
import { extract } from '../src/lib/extract/index';

const mb = Number(process.argv[2] ?? 20);
const chunks = Number(process.argv[3] ?? 10);
const seed2 = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const read = (seed: number, megabytes: number) => {
	const dir = join(tmpdir(), `bianmin-curve-pages-${megabytes}-${seed}`);
	writePages(dir, megabytes, seed);
	return readdirSync(dir)
		.filter((n) => n.endsWith('.txt'))
		.sort()
		.map((n) => readFileSync(join(dir, n), 'utf8'));
};
const run = (label: string, texts: string[]) => {
	const cpu = process.cpuUsage();
	const started = performance.now();
	let bytes = 0;
	for (const [i, text] of texts.entries()) {
		extract(text, { source: `page-${i}.txt`, published: '2024-01-01' });
		bytes += Buffer.byteLength(text, 'utf8');
	}
	const used = process.cpuUsage(cpu);
	const cpuSeconds = (used.user + used.system) / 1e6;
	const wall = (performance.now() - started) / 1000;
	console.log(
		`${label}: ${(bytes / 1e6).toFixed(2)} MB, ${(bytes / 1e6 / cpuSeconds).toFixed(2)} MB/s CPU, ` +
			`${(bytes / 1e6 / wall).toFixed(2)} MB/s wall`
	);
};
const texts = read(1, mb);
const size = Math.ceil(texts.length / chunks);
for (let c = 0; c * size < texts.length; c++)
	run(
		`slice ${c} (pages ${c * size}–${Math.min(texts.length, (c + 1) * size) - 1})`,
		texts.slice(c * size, (c + 1) * size)
	);
if (seed2 !== undefined) run(`seed ${seed2}`, read(seed2, mb));
