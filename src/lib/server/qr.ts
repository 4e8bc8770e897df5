import QRCode from 'qrcode';

/**
 * A QR code of a URL as inline SVG, drawn on the server: no external service learns which
 * notice someone shares, and the printed page carries it without JavaScript.
 * The input is always one of our own URLs, so the SVG holds nothing user-typed.
 */
export async function qrSvg(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	// Named for screen readers; the page also prints the link as text beside it.
	return svg.replace('<svg ', '<svg role="img" aria-label="本页二维码" ');
}
