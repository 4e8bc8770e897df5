/**
 * Turning a page file's bytes into text. Pure (bytes in, text or a reason out) so the importer,
 * the extract CLI and tests share it.
 */

export type DecodedPage =
	{ ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: string };

/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes UTF-8 (with or without BOM); falls back to GB18030, which Chinese text files often
 * are; refuses empty and binary files with a reason in plain words.
 */
export function decodePageBytes(bytes: Uint8Array): DecodedPage {
	if (bytes.length === 0) return { ok: false, reason: 'empty file' };
	if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
	let text: string;
	let encoding: 'utf-8' | 'gb18030' = 'utf-8';
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		try {
			text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
			encoding = 'gb18030';
		} catch {
			return { ok: false, reason: 'not UTF-8 or GB18030 text' };
		}
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') return { ok: false, reason: 'no text (only white space)' };
	let control = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
	}
	if (control / text.length > MAX_CONTROL_SHARE) {
		return { ok: false, reason: 'binary file (too many control characters)' };
	}
	return { ok: true, text, encoding };
}
