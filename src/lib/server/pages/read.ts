/**
 * Reading an uploaded page file into text with positions: the text layer of a PDF (mupdf), or
 * OCR (Tesseract) of a photographed or scanned page. Each page also yields the picture a
 * reviewer sees, in whose pixels the line boxes are given.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Mupdf from 'mupdf';
import { decodePageBytes } from '../../pages/decode';
import { appendOcrTsv, PageTextBuilder, type PageLine } from '../../pages/layout';
import { webpSize, type PageMediaType } from '../../pages/sniff';

/** Largest file accepted, upload or CLI. A newspaper page PDF or photo is 1–10 MB. */
export const MAX_PAGE_FILE_BYTES = 20 * 1024 * 1024;
/** More pages than an issue has is a book, not a newspaper page. */
export const MAX_PDF_PAGES = 48;
/** A picture larger than this would take minutes to OCR and hundreds of MB to decode. */
export const MAX_IMAGE_PIXELS = 60_000_000;
const MAX_IMAGE_SIDE = 12_000;
/** PDF pages are shown at 144 dpi; scanned ones are OCRed at 216 dpi (Tesseract wants ≥ 200). */
const DISPLAY_SCALE = 2;
const OCR_SCALE = 3;
/** A PDF page with fewer printed characters than this is a scan: OCR it. */
const MIN_TEXT_LAYER_CHARS = 20;
/** Tesseract's language: simplified Chinese (its model reads digits and Latin letters too). */
export const OCR_LANGUAGE = process.env.BIANMIN_OCR_LANG || 'chi_sim';

/**
 * mupdf (WASM) is loaded on first use, not at server start: most requests never read a PDF, and
 * the module costs start-up time and memory.
 */
let loaded: Promise<typeof Mupdf> | null = null;
const loadMupdf = () => (loaded ??= import('mupdf'));

/**
 * The WebP decoder (libwebp as WASM; mupdf reads no WebP), loaded on the first WebP upload.
 * The WASM file is read from the package itself, not fetched as the package does in browsers.
 */
type WebpDecode = (buffer: ArrayBuffer) => Promise<{ width: number; height: number }>;
let webpDecoder: Promise<WebpDecode> | null = null;
const loadWebpDecoder = () =>
	(webpDecoder ??= (async () => {
		const require = createRequire(import.meta.url);
		const [{ init, default: decode }, wasm] = await Promise.all([
			import('@jsquash/webp/decode.js'),
			readFile(require.resolve('@jsquash/webp/codec/dec/webp_dec.wasm'))
		]);
		await init(await WebAssembly.compile(wasm));
		return decode;
	})());

/** A problem with the file itself, in words for the moderator. */
export class PageFileError extends Error {}

export interface PageImage {
	page: number;
	mediaType: string;
	width: number;
	height: number;
	/** Null: the original file is the picture. */
	bytes: Buffer | null;
}

export interface ReadPage {
	text: string;
	lines: PageLine[];
	images: PageImage[];
	/** Pages that needed OCR. */
	ocrPages: number;
	encoding?: string;
}

export type ReadProgress = (step: 'reading' | 'ocr', done: number, total: number) => unknown;

function openPdf(mupdf: typeof Mupdf, bytes: Uint8Array): Mupdf.Document {
	let doc: Mupdf.Document;
	try {
		doc = mupdf.Document.openDocument(bytes, 'application/pdf');
	} catch {
		throw new PageFileError('PDF 文件已损坏，无法打开');
	}
	let pages: number;
	try {
		pages = doc.countPages();
	} catch {
		throw new PageFileError('PDF 文件已损坏，无法读取页面');
	}
	if (pages === 0) throw new PageFileError('PDF 文件没有任何页面');
	if (pages > MAX_PDF_PAGES)
		throw new PageFileError(`PDF 页数太多（${pages} 页，最多 ${MAX_PDF_PAGES} 页）`);
	return doc;
}

const CORRUPT_IMAGE = '图片文件已损坏，无法读取';

/**
 * True when a JPEG ends with its end-of-image marker (FF D9) after its last scan: a truncated
 * upload has none, and mupdf (like browsers) would quietly fill the missing part with grey.
 * Inside a scan's data an FF byte is always followed by 00 or a restart marker (D0–D7), so
 * FF D9 there is the real end. Trailing bytes after it (some cameras add them) are allowed.
 */
export function jpegComplete(bytes: Uint8Array): boolean {
	const lastScan = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).lastIndexOf(
		Buffer.from([0xff, 0xda])
	);
	if (lastScan < 0) return false;
	for (let i = bytes.length - 2; i > lastScan; i--)
		if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
	return false;
}

/**
 * Decodes the whole picture once (its header alone can be intact in front of a broken body,
 * and then OCR fails later or reads garbage). Size limits are checked first by imageSize, so
 * decoding never meets a picture too large to hold.
 */
async function decodeImage(
	mupdf: typeof Mupdf,
	bytes: Uint8Array,
	type: PageMediaType,
	size: { width: number; height: number }
): Promise<void> {
	if (type === 'image/webp') {
		const decode = await loadWebpDecoder();
		const copy = bytes.slice().buffer;
		const image = await decode(copy).catch(() => null);
		if (!image || image.width !== size.width || image.height !== size.height)
			throw new PageFileError(CORRUPT_IMAGE);
		return;
	}
	if (type === 'image/jpeg' && !jpegComplete(bytes))
		throw new PageFileError('图片文件不完整（可能没有上传完），请重新保存或拍摄后再上传');
	let pixmap: Mupdf.Pixmap | null = null;
	try {
		pixmap = new mupdf.Image(bytes).toPixmap();
	} catch {
		throw new PageFileError(CORRUPT_IMAGE);
	} finally {
		pixmap?.destroy();
	}
}

function imageSize(
	mupdf: typeof Mupdf,
	bytes: Uint8Array,
	type: PageMediaType
): { width: number; height: number } {
	let size: { width: number; height: number } | null;
	if (type === 'image/webp') size = webpSize(bytes);
	else {
		try {
			const image = new mupdf.Image(bytes);
			size = { width: image.getWidth(), height: image.getHeight() };
		} catch {
			size = null;
		}
	}
	if (!size || size.width < 1 || size.height < 1) throw new PageFileError(CORRUPT_IMAGE);
	if (
		size.width > MAX_IMAGE_SIDE ||
		size.height > MAX_IMAGE_SIDE ||
		size.width * size.height > MAX_IMAGE_PIXELS
	)
		throw new PageFileError(`图片太大（${size.width}×${size.height} 像素），请缩小后再上传`);
	return size;
}

/**
 * The check the upload form (and the CLI) runs before anything is stored: the file opens, a
 * PDF has pages, a picture decodes whole, nothing is too large. Throws PageFileError; returns
 * the number of pages.
 */
export async function checkPageFile(bytes: Uint8Array, type: PageMediaType): Promise<number> {
	if (bytes.length > MAX_PAGE_FILE_BYTES)
		throw new PageFileError(`文件太大（最大 ${MAX_PAGE_FILE_BYTES / 1024 / 1024} MB）`);
	if (type === 'text/plain') {
		const decoded = decodePageBytes(bytes);
		if (!decoded.ok) throw new PageFileError(`无法读取文本：${decoded.reason}`);
		return 1;
	}
	const mupdf = await loadMupdf();
	if (type === 'application/pdf') {
		const doc = openPdf(mupdf, bytes);
		try {
			return doc.countPages();
		} finally {
			doc.destroy();
		}
	}
	await decodeImage(mupdf, bytes, type, imageSize(mupdf, bytes, type));
	return 1;
}

/** Runs Tesseract on an image and returns its TSV (words with boxes). */
export function ocrTsv(image: Uint8Array): Promise<string> {
	return new Promise((resolve, reject) => {
		// One thread: the server shares its cores with the requests it answers.
		const child = spawn('tesseract', ['stdin', 'stdout', '-l', OCR_LANGUAGE, 'tsv'], {
			env: { ...process.env, OMP_THREAD_LIMIT: '1' },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		const out: Buffer[] = [];
		let err = '';
		child.stdout.on('data', (d: Buffer) => out.push(d));
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		child.on('error', (e: NodeJS.ErrnoException) =>
			reject(
				e.code === 'ENOENT'
					? new Error('服务器没有安装文字识别程序 Tesseract（tesseract-ocr），无法识别图片')
					: e
			)
		);
		child.on('close', (code) => {
			if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
			else reject(new PageFileError(`文字识别失败：${err.trim().split('\n').at(-1) ?? code}`));
		});
		child.stdin.on('error', () => {}); // tesseract may exit before reading all of a bad image
		child.stdin.end(image);
	});
}

/**
 * The text between two printed lines: a newline when the second continues the first (just
 * below it, same column, same size: a wrapped line or a notice's next line), a blank line when
 * there is a gap, a column change or a jump back up (a new item, as the extractor expects).
 */
export function lineSeparator(a: Mupdf.Rect, b: Mupdf.Rect): string {
	const height = a[3] - a[1];
	const gap = b[1] - a[3];
	const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
	return gap > -height / 2 && gap < height && overlap > 0 ? '\n' : '\n\n';
}

/** Reads a page file's text, line boxes and pictures. Throws PageFileError for a bad file. */
export async function readPageFile(
	bytes: Uint8Array,
	type: PageMediaType,
	onProgress: ReadProgress = () => {}
): Promise<ReadPage> {
	await checkPageFile(bytes, type);
	if (type === 'text/plain') {
		const decoded = decodePageBytes(bytes);
		if (!decoded.ok) throw new PageFileError(decoded.reason);
		return { text: decoded.text, lines: [], images: [], ocrPages: 0, encoding: decoded.encoding };
	}
	const mupdf = await loadMupdf();
	const builder = new PageTextBuilder();
	if (type !== 'application/pdf') {
		const { width, height } = imageSize(mupdf, bytes, type);
		await onProgress('ocr', 0, 1);
		appendOcrTsv(builder, await ocrTsv(bytes), 1);
		return {
			text: builder.text,
			lines: builder.lines,
			images: [{ page: 1, mediaType: type, width, height, bytes: null }],
			ocrPages: 1
		};
	}
	const doc = openPdf(mupdf, bytes);
	const images: PageImage[] = [];
	let ocrPages = 0;
	try {
		const total = doc.countPages();
		for (let i = 0; i < total; i++) {
			await onProgress('reading', i, total);
			const page = doc.loadPage(i);
			const layer = new PageTextBuilder();
			let chars = 0;
			let lineText = '';
			let lineBox: Mupdf.Rect = [0, 0, 0, 0];
			let previous: Mupdf.Rect | null = null;
			page.toStructuredText('preserve-whitespace').walk({
				beginLine(bbox) {
					lineText = '';
					lineBox = bbox;
				},
				onChar(c) {
					lineText += c;
					if (c.trim() !== '') chars++;
				},
				endLine() {
					if (lineText.trim() === '') return;
					// Chromium, Word and most e-papers write every printed line as its own text
					// block, so blocks say nothing about paragraphs: the geometry does.
					if (previous) layer.gap(lineSeparator(previous, lineBox));
					previous = lineBox;
					const [x0, y0, x1, y1] = lineBox;
					const s = DISPLAY_SCALE;
					layer.line(lineText, i + 1, {
						x: x0 * s,
						y: y0 * s,
						w: (x1 - x0) * s,
						h: (y1 - y0) * s
					});
				}
			});
			builder.gap('\n\n');
			const scanned = chars < MIN_TEXT_LAYER_CHARS;
			const scale = scanned ? OCR_SCALE : DISPLAY_SCALE;
			const pixmap = page.toPixmap(
				mupdf.Matrix.scale(scale, scale),
				mupdf.ColorSpace.DeviceRGB,
				false,
				true
			);
			const png = Buffer.from(pixmap.asPNG());
			images.push({
				page: i + 1,
				mediaType: 'image/png',
				width: pixmap.getWidth(),
				height: pixmap.getHeight(),
				bytes: png
			});
			pixmap.destroy();
			page.destroy();
			if (scanned) {
				ocrPages++;
				await onProgress('ocr', i, total);
				appendOcrTsv(builder, await ocrTsv(png), i + 1);
			} else {
				const base = builder.text.length;
				builder.text += layer.text;
				for (const l of layer.lines)
					builder.lines.push({ ...l, start: l.start + base, end: l.end + base });
			}
		}
	} finally {
		doc.destroy();
	}
	if (builder.text.trim() === '') throw new PageFileError('没有从文件中读出任何文字');
	return { text: builder.text, lines: builder.lines, images, ocrPages };
}
