import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, pickEncoding } from './compression';

const html =
	'<!doctype html><html lang="zh-CN"><body>' + '<p>便民电话 0731-28680000</p>'.repeat(300);

function request(acceptEncoding?: string, method = 'GET') {
	return new Request('http://localhost/', {
		method,
		headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
	});
}

const page = (body = html, type = 'text/html') =>
	new Response(body, { status: 200, headers: { 'content-type': type, 'x-keep': '1' } });

describe('pickEncoding', () => {
	it('prefers brotli, falls back to gzip, honours q=0', () => {
		expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(pickEncoding('gzip, deflate')).toBe('gzip');
		expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(pickEncoding('*')).toBe('br');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding(null)).toBeNull();
	});
});

describe('compressResponse', () => {
	it('compresses HTML with brotli or gzip, and the body decodes back exactly', async () => {
		const br = await compressResponse(request('gzip, br'), page());
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toContain('Accept-Encoding');
		expect(br.headers.get('x-keep')).toBe('1');
		const brBytes = Buffer.from(await br.arrayBuffer());
		expect(brotliDecompressSync(brBytes).toString()).toBe(html);
		expect(brBytes.length).toBeLessThan(Buffer.byteLength(html) / 4);

		const gz = await compressResponse(request('gzip'), page());
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
	});

	it('leaves alone what should not be compressed', async () => {
		for (const [req, res] of [
			[request(), page()],
			[request('br', 'HEAD'), page()],
			[request('br'), page('<p>短</p>')],
			[request('br'), page(html, 'image/png')],
			[request('br'), page(html, 'application/x-ndjson')]
		] as const) {
			const out = await compressResponse(req, res);
			expect(out.headers.get('content-encoding')).toBeNull();
		}
	});
});
