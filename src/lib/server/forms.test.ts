import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { idParam } from './forms';

describe('idParam', () => {
	it('reads a record id written the way our links write it', () => {
		expect(idParam('1')).toBe(1);
		expect(idParam('4096')).toBe(4096);
	});

	it('404s for anything Number() would also accept', () => {
		for (const raw of [
			'0x10',
			'1e1',
			' 1',
			'1 ',
			'1.0',
			'01',
			'0',
			'-1',
			'+1',
			'',
			'１',
			'9'.repeat(13)
		]) {
			let status: number | undefined;
			try {
				idParam(raw);
			} catch (e) {
				status = isHttpError(e) ? e.status : undefined;
			}
			expect({ raw, status }).toEqual({ raw, status: 404 });
		}
	});
});
