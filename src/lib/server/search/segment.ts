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

let jieba: Jieba | undefined;

function segmenter(): Jieba {
	if (!jieba) {
		// The dictionary file is read here and let go once loaded: @node-rs/jieba/dict.js would
		// keep it (5 MB) and the unused IDF table (6 MB) in memory for the life of the server.
		const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
		jieba = Jieba.withDict(readFileSync(file));
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
