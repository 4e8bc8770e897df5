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
		// well (npm run eval:search scores the same or better: s@1 95.5 → 96.2 %, s@10 100 %); the
		// domain's own words come from lexicon.ts below either way. The file is read here and let
		// go: @node-rs/jieba/dict.js would keep it (5 MB) and the unused IDF table (6 MB) for good.
		const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
		const common = readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => Number(line.split(' ', 2)[1]) >= MIN_FREQUENCY);
		jieba = Jieba.withDict(Buffer.from(common.join('\n') + '\n'));
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

/** The words of a run of Chinese text, in order (their concatenation is the text). */
export function cutWords(text: string): string[] {
	if (text === '') return [];
	return segmenter().cut(text, false);
}
