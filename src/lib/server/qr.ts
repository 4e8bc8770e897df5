import QRCode from 'qrcode';
import { LruMap } from './lru';

/**
 * Codes drawn lately, by URL. Drawing one took about a tenth of a record page's time on the
 * server (the encoder tries eight masks); a notice people share is asked for again and again.
 * A few kB each.
 */
const drawn = new LruMap<string, Promise<string>>(256);

/**
 * A QR code of a URL as inline SVG, drawn on the server: no external service learns which
 * notice someone shares, and the printed page carries it without JavaScript.
 * The input is always one of our own URLs, so the SVG holds nothing user-typed.
 */
export function qrSvg(url: string): Promise<string> {
	let svg = drawn.get(url);
	if (svg === undefined) {
		svg = draw(url);
		drawn.set(url, svg);
		svg.catch(() => drawn.deleteIf(url, svg!));
	}
	return svg;
}

async function draw(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	// Named for screen readers; the page also prints the link as text beside it.
	return svg.replace('<svg ', '<svg role="img" aria-label="本页二维码" ');
}
