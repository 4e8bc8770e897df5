/**
 * What kind of page file some bytes are, judged by their first bytes (magic numbers), never by
 * the file's name: a renamed program must not reach the PDF reader or OCR. Pure.
 */
export type PageMediaType =
	'text/plain' | 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';

/** The page formats the importer reads; anything else is refused. */
export function sniffPageType(bytes: Uint8Array): PageMediaType | 'binary' {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	const ascii = (at: number, s: string) =>
		[...s].every((c, i) => bytes[at + i] === c.charCodeAt(0));
	if (ascii(0, '%PDF-')) return 'application/pdf';
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
	if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
	// Text has no NUL byte in UTF-8 or GB18030; executables, archives and other images do.
	// (decodePageBytes checks the text itself.)
	if (bytes.subarray(0, 4096).includes(0)) return 'binary';
	return 'text/plain';
}

/** Plain words for the moderator when a file is not a page format. */
export const FORMAT_HINT = '只能上传 .txt 文本、PDF 或图片（JPG、PNG、WebP）';

/** Width and height from a WebP header (VP8, VP8L or VP8X chunk), or null when it is not one. */
export function webpSize(bytes: Uint8Array): { width: number; height: number } | null {
	if (bytes.length < 30) return null;
	const chunk = String.fromCharCode(...bytes.subarray(12, 16));
	const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
	const u24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
	if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
	if (chunk === 'VP8L' && bytes[20] === 0x2f) {
		const bits = bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24);
		return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
		return { width: u16(26) & 0x3fff, height: u16(28) & 0x3fff };
	return null;
}
