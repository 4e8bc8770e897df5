/**
 * Chinese word segmentation for search: @node-rs/jieba (prebuilt native binary) with its
 * general dictionary plus the domain words of lexicon.ts, so 石峰区人才办电话 is cut
 * 石峰区|人才办|电话 and 身份证丢了怎么办 is cut 身份证|丢|了|怎么办.
 *
 * The segmenter is built once per process, on first use (loading the dictionary takes about
 * 0.2 s); a cut of a query then takes a few microseconds.
 */
import { Jieba } from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
	DOMAIN_WORDS,
	LOSS_WORDS,
	PHONE_WORDS,
	PROCEDURE_WORDS,
	STOP_WORDS,
	SYNONYMS
} from './lexicon';

/** Dictionary words rarer than this are left out (see segmenter()). */
const MIN_FREQUENCY = 50;

let jieba: Jieba | undefined;

function segmenter(): Jieba {
	if (!jieba) {
		// Only the dictionary's common words (frequency ≥ MIN_FREQUENCY: 52,000 of its 349,000) are
		// loaded: the whole list costs the server 36 MB of native memory, these 8 MB. A rare
		// compound it drops is cut into the common words it is made of, which search finds just as
		// well; the domain's own words come from lexicon.ts below either way, the few rare ones it
		// needs included (npm run eval:search: s@1 95.5 → 96.6 %, s@10 100 %, PostgreSQL unchanged). The file is read here and let
		// go: @node-rs/jieba/dict.js would keep it (5 MB) and the unused IDF table (6 MB) for good.
		const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
		jieba = Jieba.withDict(commonWords(readFileSync(file)));
		// A high frequency makes the segmenter prefer our words over its own splits.
		const words = new Set([
			...DOMAIN_WORDS,
			...SYNONYMS.keys(),
			...PHONE_WORDS,
			...PROCEDURE_WORDS,
			...LOSS_WORDS,
			...[...STOP_WORDS].filter((w) => w.length > 1)
		]);
		const lines = [...words].map((w) => `${w} ${w.length > 1 ? 200000 : 1000} n`);
		jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
	}
	return jieba;
}

/**
 * The lines of a jieba dictionary (`word frequency tag`) whose frequency is at least
 * MIN_FREQUENCY. Filtered as bytes: splitting the 5 MB file into 349,000 strings would grow the
 * server's JavaScript heap by 13 MB that V8 keeps long after they are garbage.
 */
export function commonWords(dict: Buffer, min = MIN_FREQUENCY): Buffer {
	const out = Buffer.allocUnsafe(dict.length + 1);
	let size = 0;
	for (let start = 0; start < dict.length;) {
		let end = dict.indexOf(10, start); // '\n'
		if (end < 0) end = dict.length;
		let i = dict.indexOf(32, start); // ' ' after the word
		let frequency = 0;
		if (i >= 0 && i < end)
			for (i++; i < end && dict[i] >= 48 && dict[i] <= 57; i++)
				frequency = frequency * 10 + dict[i] - 48;
		if (frequency >= min) {
			size += dict.copy(out, size, start, end);
			out[size++] = 10;
		}
		start = end + 1;
	}
	return out.subarray(0, size);
}

/** The words of a run of Chinese text, in order (their concatenation is the text). */
export function cutWords(text: string): string[] {
	if (text === '') return [];
	return segmenter().cut(text, false);
}
