/**
 * Turning a page file's bytes into text. Pure (bytes in, text or a reason out) so the importer,
 * the extract CLI and tests share it.
 */

export type DecodedPage =
	{ ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: string };

/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.01;

/** 1-based line of a position in text. */
function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/**
 * Decodes UTF-8 (with or without BOM); falls back to GB18030, which Chinese text files often
 * are; refuses empty and binary files with a reason in plain words and the line of the first
 * bad byte. A UTF-8 BOM is kept: offsets then index the text exactly as
 * `fs.readFileSync(file, 'utf8')` reads it (the `extract --json` contract).
 */
export function decodePageBytes(bytes: Uint8Array): DecodedPage {
	if (bytes.length === 0) return { ok: false, reason: 'empty file' };
	const nul = bytes.indexOf(0);
	if (nul >= 0) {
		// A newline byte is a newline in UTF-8 and GB18030 alike: count them up to the NUL.
		const line = bytes.subarray(0, nul).filter((b) => b === 10).length + 1;
		return { ok: false, reason: `binary file (NUL byte on line ${line})` };
	}
	let text: string;
	let encoding: 'utf-8' | 'gb18030' = 'utf-8';
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		try {
			text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
			encoding = 'gb18030';
		} catch {
			const lossy = new TextDecoder('utf-8').decode(bytes);
			const line = lineAt(lossy, lossy.indexOf('\ufffd'));
			return { ok: false, reason: `not UTF-8 or GB18030 text (first bad byte on line ${line})` };
		}
	}
	if (text.trim() === '') return { ok: false, reason: 'no text (only white space)' };
	let control = 0;
	let first = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) {
			control++;
			if (first < 0) first = i;
		}
	}
	if (control / text.length > MAX_CONTROL_SHARE) {
		return {
			ok: false,
			reason: `binary file (too many control characters, the first on line ${lineAt(text, first)})`
		};
	}
	return { ok: true, text, encoding };
}
