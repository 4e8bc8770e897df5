/**
 * Where the traditional → simplified folds of `normalize` come from: OpenCC, asked about
 * every CJK character on its own. Not imported at run time — running OpenCC over 28,000
 * characters took 100–130 ms of CPU in every process before its first page (half of what
 * extracting 2 MB costs). `scripts/fold-table.ts` writes the result to foldTable.ts, and
 * normalize.test.ts checks that file against this function.
 */
import { Converter } from 'opencc-js/t2cn';

/**
 * The folds OpenCC gives, as [from, to] code units, in the order they are applied to
 * `table` (the table before them: identity plus the NFKC and punctuation folds). OpenCC
 * converts phrases; we need a one-to-one map, so every CJK character is converted on its own
 * (joined by newlines so no phrase can span two of them) and only single-character results
 * are kept.
 */
export function openccFolds(table: Uint16Array): [number, number][] {
	const t = Uint16Array.from(table);
	const chars: string[] = [];
	for (const [from, to] of [
		[0x3400, 0x4dbf],
		[0x4e00, 0x9fff],
		[0xf900, 0xfaff]
	]) {
		for (let i = from; i <= to; i++) chars.push(String.fromCharCode(t[i]));
	}
	const joined = chars.join('\n');
	// Taiwan and Hong Kong variants differ for a few characters (裡/裏, 着/著); take both.
	for (const from of ['hk', 'tw', 't']) {
		const out = Converter({ from, to: 'cn' })(joined).split('\n');
		if (out.length !== chars.length) continue;
		for (let k = 0; k < chars.length; k++) {
			const o = out[k];
			if (o.length === 1 && o !== chars[k]) t[chars[k].charCodeAt(0)] = o.charCodeAt(0);
		}
	}
	// Every entry the conversion changed, in code order (each is set once, to its last value).
	const folds: [number, number][] = [];
	for (let i = 0; i < t.length; i++) if (t[i] !== table[i]) folds.push([i, t[i]]);
	return folds;
}
