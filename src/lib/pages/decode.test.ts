import { describe, expect, it } from 'vitest';
import { decodePageBytes } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodePageBytes', () => {
	it('reads UTF-8 and keeps a BOM, as fs.readFileSync(file, "utf8") does (offsets match)', () => {
		expect(decodePageBytes(utf8('\ufeff遗失声明'))).toEqual({
			ok: true,
			text: '\ufeff遗失声明',
			encoding: 'utf-8'
		});
		expect(Buffer.from('\ufeff遗失声明', 'utf8').toString('utf8')).toBe('\ufeff遗失声明');
	});

	it('says on which line the first bad byte is', () => {
		const bytes = (...parts: (string | number[])[]) =>
			new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
		// Invalid in UTF-8 and in GB18030 (0xFF never starts a character in either).
		expect(decodePageBytes(bytes('第一行\n第二行\n坏', [0xff, 0xff], '\n'))).toEqual({
			ok: false,
			reason: 'not UTF-8 or GB18030 text (first bad byte on line 3)'
		});
		expect(decodePageBytes(bytes('a\nb\n', [0], 'c'))).toEqual({
			ok: false,
			reason: 'binary file (NUL byte on line 3)'
		});
		expect(decodePageBytes(utf8('ok\n\x01\x02\x03\x04abc'))).toEqual({
			ok: false,
			reason: 'binary file (too many control characters, the first on line 2)'
		});
	});

	it('falls back to GB18030 for Chinese text that is not UTF-8', () => {
		// 遗失声明 in GB18030/GBK
		const gbk = new Uint8Array([0xd2, 0xc5, 0xca, 0xa7, 0xc9, 0xf9, 0xc3, 0xf7]);
		expect(decodePageBytes(gbk)).toEqual({ ok: true, text: '遗失声明', encoding: 'gb18030' });
	});

	it('refuses empty, blank and binary files with a reason', () => {
		expect(decodePageBytes(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty file' });
		expect(decodePageBytes(utf8(' \n\t'))).toMatchObject({ ok: false });
		expect(decodePageBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toMatchObject({
			ok: false,
			reason: expect.stringContaining('binary')
		});
		expect(decodePageBytes(utf8('\x01\x02\x03\x04abc'))).toMatchObject({ ok: false });
	});
});
