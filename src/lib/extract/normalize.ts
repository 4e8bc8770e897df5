/**
 * Text normalisation that keeps offsets: `normalize(text)` has exactly the same length as
 * `text` (UTF-16 units), so a match found in the normalised text is a valid span of the
 * original. Parsers match on the normalised text and cut fields from the original, so
 * records keep what was printed (traditional script, full-width punctuation) while the
 * rules only need to know one spelling.
 */
import { TRADITIONAL_FOLDS } from './foldTable';

/** One replacement code unit per code unit; identity where nothing is folded. */
let table: Uint16Array | undefined;

/** Punctuation that NFKC leaves alone but that plays the role of an ASCII sign in notices. */
const PUNCTUATION: Record<string, string> = {
	'\u3000': ' ', // ideographic space
	'\u00a0': ' ', // no-break space
	'\u200b': ' ', // zero-width space: cannot be dropped without moving offsets
	'\ufeff': ' ', // byte-order mark inside the text
	'\u2010': '-', // hyphen
	'\u2011': '-', // non-breaking hyphen
	'\u2012': '-', // figure dash
	'\u2013': '-', // en dash
	'\u2014': '-', // em dash: 0731—28455555, 2000—3000元
	'\u2015': '-', // horizontal bar
	'\u2212': '-', // minus sign
	'\u2500': '-', // box-drawing line, an OCR stand-in for a dash
	'\u301c': '~', // wave dash: 9:00〜17:00
	'\u3010': '[', // 【
	'\u3011': ']', // 】
	'\u3014': '[', // 〔
	'\u3015': ']', // 〕
	'\u3016': '[', // 〖
	'\u3017': ']', // 〗
	'\u300c': '"', // 「 quotes in traditional-script papers
	'\u300d': '"', // 」
	'\u300e': '"', // 『
	'\u300f': '"', // 』
	'\u201c': '"', // “
	'\u201d': '"', // ”
	'\u2018': "'", // ‘
	'\u2019': "'", // ’
	'\uff61': '\u3002', // half-width ideographic full stop → 。
	'\uff64': '\u3001', // half-width ideographic comma → 、
	'\u30fb': '\u00b7', // katakana middle dot, printed for the name dot
	'\uff65': '\u00b7' // half-width katakana middle dot
};

/**
 * The table without its traditional → simplified folds: identity, full-width ASCII, the
 * NFKC folds of Kangxi radicals and compatibility ideographs, and PUNCTUATION.
 */
export function baseTable(): Uint16Array {
	const t = new Uint16Array(0x10000);
	for (let i = 0; i < t.length; i++) t[i] = i;
	// Full-width ASCII (！ … ～) sits exactly 0xFEE0 above its half-width twin.
	for (let i = 0xff01; i <= 0xff5e; i++) t[i] = i - 0xfee0;
	// Kangxi radicals and compatibility ideographs come out of OCR and PDF text layers
	// (⾦ for 金); NFKC folds them to the ordinary character when the result is one unit.
	for (const [from, to] of [
		[0x2f00, 0x2fdf],
		[0xf900, 0xfaff]
	]) {
		for (let i = from; i <= to; i++) {
			const n = String.fromCharCode(i).normalize('NFKC');
			if (n.length === 1) t[i] = n.charCodeAt(0);
		}
	}
	for (const [from, to] of Object.entries(PUNCTUATION)) t[from.charCodeAt(0)] = to.charCodeAt(0);
	return t;
}

/**
 * Traditional → simplified, character by character: the folds OpenCC gives each CJK
 * character on its own (opencc.ts), read from the table generated from it (foldTable.ts),
 * not computed in every process.
 */
export function buildTable(): Uint16Array {
	const t = baseTable();
	for (const pairs of TRADITIONAL_FOLDS) {
		for (let k = 0; k + 1 < pairs.length; k += 2) t[pairs.charCodeAt(k)] = pairs.charCodeAt(k + 1);
	}
	// Folding the compatibility ideographs first and converting the result means both steps
	// apply; map the compatibility code points through again.
	for (let i = 0xf900; i <= 0xfaff; i++) t[i] = t[t[i]];
	return t;
}

/**
 * Node's Buffer when there is one (the extractor runs on the server) and the machine stores
 * a Uint16Array little-endian, as 'utf16le' reads it.
 */
const NodeBuffer =
	new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
		? (globalThis as { Buffer?: typeof Buffer }).Buffer
		: undefined;

function getTable(): Uint16Array {
	if (!table) table = buildTable();
	return table;
}

/**
 * normalize() of one UTF-16 code unit: `normalize(text).charCodeAt(i)` is
 * `normalizedCode(text.charCodeAt(i))`. For matching inside a text without building its folded
 * copy (search snippets compare a few words against each result's text).
 */
export function normalizedCode(code: number): number {
	return getTable()[code];
}

/**
 * Fold a page to one spelling without moving any character.
 * Full-width ASCII → half-width, ideographic space → space, CJK brackets/quotes/dashes →
 * ASCII, traditional → simplified (one character for one). Surrogate pairs are untouched.
 * @returns a string of exactly `text.length` UTF-16 units.
 */
export function normalize(text: string): string {
	const t = getTable();
	const n = text.length;
	// Most short strings (a title, a query word) are already in the one spelling: they come back
	// as they are, without a copy. (Search folds every title of a block of 500 matches.)
	let same = 0;
	while (same < n && t[text.charCodeAt(same)] === text.charCodeAt(same)) same++;
	if (same === n) return text;
	// Node's Buffer turns UTF-16 code units into a string in one copy, lone surrogates kept
	// (TextDecoder would replace them: same length, different text), in about half the time
	// of the String.fromCharCode.apply chunks below. Short strings (search queries, words)
	// gain nothing and, like every string off Node, take the chunks.
	if (NodeBuffer && n > 256) {
		const all = new Uint16Array(n);
		for (let i = 0; i < n; i++) all[i] = t[text.charCodeAt(i)];
		return NodeBuffer.from(all.buffer, all.byteOffset, all.byteLength).toString('utf16le');
	}
	// Build in chunks: String.fromCharCode with huge argument lists overflows the stack.
	const CHUNK = 8192;
	const buf = new Uint16Array(Math.min(n, CHUNK));
	let out = '';
	for (let start = 0; start < n; start += CHUNK) {
		const end = Math.min(n, start + CHUNK);
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			// Surrogates (0xD800–0xDFFF) map to themselves in the table, so pairs stay intact.
			buf[i - start] = t[c];
		}
		out += String.fromCharCode.apply(null, buf.subarray(0, end - start) as unknown as number[]);
	}
	return out;
}
