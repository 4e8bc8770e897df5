/**
 * Where a page's text sits on its picture: the bridge between the text offsets records keep
 * (provenance start/end) and the region of the printed page a reviewer wants to see. Pure.
 *
 * A page read from a PDF or image is a list of lines, each a range of the extracted text and
 * the box it was printed in (pixels of the stored page picture, origin top left).
 */

export interface PageLine {
	/** Offsets into the page's text: text.slice(start, end) is the line. */
	start: number;
	end: number;
	/** 1-based page of the file (a PDF may have several). */
	page: number;
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface PageRegion {
	page: number;
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Text and line boxes built up page by page, offsets kept as the pieces are appended. */
export class PageTextBuilder {
	text = '';
	lines: PageLine[] = [];

	/** Appends separator text that belongs to no line (blank lines between blocks, pages). */
	gap(separator: string): void {
		// Never before the first line, and never twice (a page break that is also a block break).
		if (this.text !== '' && !this.text.endsWith(separator)) this.text += separator;
	}

	/** Appends one printed line with its box. Empty lines are skipped. */
	line(text: string, page: number, box: { x: number; y: number; w: number; h: number }): void {
		if (text.trim() === '') return;
		const start = this.text.length;
		this.text += text;
		this.lines.push({
			start,
			end: this.text.length,
			page,
			x: Math.round(box.x),
			y: Math.round(box.y),
			w: Math.round(box.w),
			h: Math.round(box.h)
		});
	}
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Joins OCR words of one line. Tesseract's Chinese models report each word (often one
 * character) separately; the printed line has no spaces between Chinese characters, so a space
 * is kept only between two non-Chinese words (Latin words, numbers).
 */
export function joinWords(words: readonly string[]): string {
	let out = '';
	for (const word of words) {
		if (word === '') continue;
		if (out !== '' && !CJK.test(out.at(-1)!) && !CJK.test(word[0])) out += ' ';
		out += word;
	}
	return out;
}

/**
 * Text and line boxes from Tesseract's TSV output (`tesseract img - -l chi_sim tsv`) for one
 * page: lines of a paragraph are joined by a newline, paragraphs and blocks by a blank line, as
 * the extractor expects passages to be separated.
 */
export function appendOcrTsv(builder: PageTextBuilder, tsv: string, page: number): void {
	let block = '';
	let words: string[] = [];
	let box: { x: number; y: number; w: number; h: number } | null = null;
	let lineKey = '';
	const flush = () => {
		if (box && words.length) builder.line(joinWords(words), page, box);
		words = [];
		box = null;
	};
	for (const row of tsv.split('\n')) {
		const cells = row.split('\t');
		if (cells.length < 12 || cells[0] !== '5') continue;
		const [, , blockNum, parNum, lineNum, , left, top, width, height] = cells;
		const word = cells.slice(11).join('\t').trim();
		const key = `${blockNum}.${parNum}.${lineNum}`;
		if (key !== lineKey) {
			flush();
			const thisBlock = `${blockNum}.${parNum}`;
			builder.gap(thisBlock === block ? '\n' : '\n\n');
			block = thisBlock;
			lineKey = key;
		}
		if (word === '') continue;
		const [x, y, w, h] = [left, top, width, height].map(Number);
		box = box ? union(box, { x, y, w, h }) : { x, y, w, h };
		words.push(word);
	}
	flush();
}

interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

function union(a: Box, b: Box): Box {
	const x = Math.min(a.x, b.x);
	const y = Math.min(a.y, b.y);
	return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * The box a passage [start, end) covers: the union of the lines it touches, on the page where
 * most of it is (a notice continued in another column stays one box on that page), padded a
 * little so the crop shows the print around it. Null when no line overlaps (pasted text).
 */
export function regionFor(
	lines: readonly PageLine[],
	start: number,
	end: number,
	pad = 6
): PageRegion | null {
	const touched = lines.filter((l) => l.start < end && l.end > start);
	if (touched.length === 0) return null;
	const share = new Map<number, number>();
	for (const l of touched) {
		const n = Math.min(l.end, end) - Math.max(l.start, start);
		share.set(l.page, (share.get(l.page) ?? 0) + n);
	}
	const page = [...share].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
	const box = touched
		.filter((l) => l.page === page)
		.reduce<Box>((a, b) => union(a, b), { ...touched.find((l) => l.page === page)! });
	const x = Math.max(0, box.x - pad);
	const y = Math.max(0, box.y - pad);
	return { page, x, y, w: box.x + box.w + pad - x, h: box.y + box.h + pad - y };
}
