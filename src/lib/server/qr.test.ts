import QRCode from 'qrcode';
import { describe, expect, it, vi } from 'vitest';
import { qrSvg } from './qr';

describe('qrSvg', () => {
	it('draws an SVG with an accessible name, and different URLs give different codes', async () => {
		const a = await qrSvg('https://bianmin.example/records/1');
		const b = await qrSvg('https://bianmin.example/records/2');
		expect(a.startsWith('<svg role="img" aria-label="本页二维码" ')).toBe(true);
		expect(a).toContain('viewBox=');
		expect(a).not.toBe(b);
	});

	it('draws a URL asked for again only once', async () => {
		const draws = vi.spyOn(QRCode, 'toString');
		const url = 'https://bianmin.example/records/3';
		const first = await qrSvg(url);
		expect(await qrSvg(url)).toBe(first);
		expect(draws).toHaveBeenCalledTimes(1);
		expect(await qrSvg('https://bianmin.example/records/4')).not.toBe(first);
		expect(draws).toHaveBeenCalledTimes(2);
		draws.mockRestore();
	});
});
