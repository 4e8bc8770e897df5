import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr';

describe('qrSvg', () => {
	it('draws an SVG with an accessible name, and different URLs give different codes', async () => {
		const a = await qrSvg('https://bianmin.example/records/1');
		const b = await qrSvg('https://bianmin.example/records/2');
		expect(a.startsWith('<svg role="img" aria-label="本页二维码" ')).toBe(true);
		expect(a).toContain('viewBox=');
		expect(a).not.toBe(b);
	});
});
