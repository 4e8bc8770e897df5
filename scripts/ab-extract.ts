/**
 * npx tsx scripts/ab-extract.ts OTHER_TREE [MB] [ROUNDS]
 *
 * Compares this tree's extractor with another copy of the project (OTHER_TREE, e.g. an
 * unpacked `git archive` of an earlier commit) in one process: each page of the bench's
 * synthetic pages is extracted by one and then the other, alternately, so a busy machine
 * slows both alike. Prints the CPU time of each per round (the first round is the cold
 * one) and checks that both give the same records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writePages } from '../bench/importBench';
import { extract } from '../src/lib/extract/index';

const other = resolve(process.argv[2] ?? '');
const mb = Number(process.argv[3] ?? 2);
const rounds = Number(process.argv[4] ?? 3);
const { extract: otherExtract } = (await import(join(other, 'src/lib/extract/index.ts'))) as {
	extract: typeof extract;
};
const dir = join(tmpdir(), `bianmin-profile-pages-${mb}`);
writePages(dir, mb, 1);
const texts = readdirSync(dir)
	.filter((n) => n.endsWith('.txt'))
	.sort()
	.map((n) => readFileSync(join(dir, n), 'utf8'));
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
for (let r = 0; r <= rounds; r++) {
	let mine = 0;
	let theirs = 0;
	let same = true;
	for (const [i, text] of texts.entries()) {
		const options = { source: `page-${i}.txt`, published: '2024-01-01' };
		// Who goes first alternates too.
		const order = (i + r) % 2 === 0;
		let a = cpu();
		const x = order ? extract(text, options) : otherExtract(text, options);
		let b = cpu();
		if (order) mine += b - a;
		else theirs += b - a;
		a = cpu();
		const y = order ? otherExtract(text, options) : extract(text, options);
		b = cpu();
		if (order) theirs += b - a;
		else mine += b - a;
		if (r === 0 && !isDeepStrictEqual(x, y)) same = false;
	}
	const rate = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
	console.log(
		`round ${r}${r === 0 ? ' (cold)' : ''}: this ${mine.toFixed(0)} ms (${rate(mine)} MB/s CPU), ` +
			`other ${theirs.toFixed(0)} ms (${rate(theirs)} MB/s), ratio ${(theirs / mine).toFixed(3)}` +
			(r === 0 ? (same ? ', same records' : ', RECORDS DIFFER') : '')
	);
}
