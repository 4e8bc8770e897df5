import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { webpSize } from '../../pages/sniff';
import { checkPageFile, jpegComplete, lineSeparator, PageFileError } from './read';

describe('lineSeparator', () => {
	// [x0, y0, x1, y1] in PDF points: a 20 pt line at y 100.
	const line = [20, 100, 400, 120] as [number, number, number, number];
	it('joins a wrapped line just below in the same column with a newline', () => {
		expect(lineSeparator(line, [20, 128, 300, 148])).toBe('\n');
	});
	it('separates a line after a gap, in another column or back up the page by a blank line', () => {
		expect(lineSeparator(line, [20, 150, 300, 170])).toBe('\n\n');
		expect(lineSeparator(line, [420, 128, 700, 148])).toBe('\n\n');
		expect(lineSeparator(line, [20, 40, 300, 60])).toBe('\n\n');
	});
});

/** Pictures made here, so every test knows exactly what is in them. */
async function pictures() {
	const mupdf = await import('mupdf');
	const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 120, 80], false);
	pixmap.clear(200);
	const png = Buffer.from(pixmap.asPNG());
	const jpeg = Buffer.from(pixmap.asJPEG(80, false));
	pixmap.destroy();
	const require = createRequire(import.meta.url);
	const { init, default: encode } = await import('@jsquash/webp/encode.js');
	await init(
		await WebAssembly.compile(
			readFileSync(require.resolve('@jsquash/webp/codec/enc/webp_enc.wasm'))
		)
	);
	const data = new Uint8ClampedArray(120 * 80 * 4).map((_, i) => (i * 7) % 251);
	const webp = Buffer.from(
		await encode({ data, width: 120, height: 80, colorSpace: 'srgb' }, { quality: 80 })
	);
	return { png, jpeg, webp };
}

/** The same bytes with everything from `from` on replaced by noise: the header stays valid. */
function breakBody(bytes: Buffer, from: number): Buffer {
	const copy = Buffer.from(bytes);
	for (let i = from; i < copy.length; i++) copy[i] = (i * 31) & 255;
	return copy;
}

describe('checkPageFile', () => {
	let images: Awaited<ReturnType<typeof pictures>>;
	beforeAll(async () => {
		images = await pictures();
	});

	it('accepts whole PNG, JPEG and WebP pictures', async () => {
		expect(await checkPageFile(images.png, 'image/png')).toBe(1);
		expect(await checkPageFile(images.jpeg, 'image/jpeg')).toBe(1);
		expect(await checkPageFile(images.webp, 'image/webp')).toBe(1);
	});

	it('refuses a picture whose header is intact but whose body is broken', async () => {
		// The headers still give the size (webpSize reads the WebP one): only decoding finds it.
		expect(webpSize(breakBody(images.webp, 40))).toEqual({ width: 120, height: 80 });
		for (const [bytes, type] of [
			[breakBody(images.webp, 40), 'image/webp'],
			[breakBody(images.png, 60), 'image/png'],
			[breakBody(images.jpeg, 200), 'image/jpeg']
		] as const)
			await expect(checkPageFile(bytes, type), type).rejects.toThrow('图片文件已损坏');
	});

	it('refuses a JPEG cut short, which decoders would fill with grey', async () => {
		expect(jpegComplete(images.jpeg)).toBe(true);
		expect(jpegComplete(Buffer.concat([images.jpeg, Buffer.from('trailer')]))).toBe(true);
		const cut = images.jpeg.subarray(0, images.jpeg.length - 40);
		expect(jpegComplete(cut)).toBe(false);
		await expect(checkPageFile(cut, 'image/jpeg')).rejects.toThrow('图片文件不完整');
	});

	it('refuses a corrupt PDF and a PDF without pages', async () => {
		await expect(
			checkPageFile(Buffer.from('%PDF-1.7\nnot really'), 'application/pdf')
		).rejects.toThrow(PageFileError);
		const empty = Buffer.from(
			'%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
		);
		await expect(checkPageFile(empty, 'application/pdf')).rejects.toThrow('PDF 文件没有任何页面');
	});
});
