import { afterEach, describe, expect, it, vi } from 'vitest';
import { logRequest, redact } from './log';

/** Captures what logRequest writes to stdout, one parsed JSON object per line. */
function capture(run: () => void): Record<string, unknown>[] {
	const lines: string[] = [];
	const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
		lines.push(String(chunk));
		return true;
	});
	try {
		run();
	} finally {
		spy.mockRestore();
	}
	const text = lines.join('');
	if (text === '') return [];
	expect(text.endsWith('\n')).toBe(true);
	return text
		.slice(0, -1)
		.split('\n')
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => vi.unstubAllEnvs());

describe('logRequest', () => {
	it('writes one JSON line with id, method, path, status and ms', () => {
		const entries = capture(() =>
			logRequest({ id: 'req-1', method: 'GET', path: '/search', status: 200, ms: 12.5 })
		);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			id: 'req-1',
			method: 'GET',
			path: '/search',
			status: 200,
			ms: 12.5,
			level: 'info'
		});
		expect(typeof entries[0].time).toBe('string');
		expect(Number.isNaN(Date.parse(entries[0].time as string))).toBe(false);
	});

	it('masks ID numbers in the path and stays one line whatever the path holds', () => {
		const entries = capture(() =>
			logRequest({
				id: 'req-2',
				method: 'POST',
				path: '/lost/430203199001011234/edit\n{"forged":"line"}',
				status: 500,
				ms: 3
			})
		);
		expect(entries).toHaveLength(1);
		const line = JSON.stringify(entries[0]);
		expect(line).not.toContain('430203199001011234');
		expect(entries[0].path).toContain('430203********1234');
	});

	it('is silent with LOG_REQUESTS=0', () => {
		vi.stubEnv('LOG_REQUESTS', '0');
		expect(
			capture(() => logRequest({ id: 'x', method: 'GET', path: '/', status: 200, ms: 1 }))
		).toEqual([]);
	});
});

describe('redact', () => {
	it('masks 18-digit ID numbers, keeping the region code and the last four', () => {
		expect(redact('430203199001011234')).toBe('430203********1234');
		expect(redact('证号43020319900101123X，声明作废')).toBe('证号430203********123X，声明作废');
		expect(redact('43020319900101123x')).toBe('430203********123x');
		expect(redact('a 430203199001011234 b 110101200012310018 c')).toBe(
			'a 430203********1234 b 110101********0018 c'
		);
	});

	it('leaves phone numbers, dates and short numbers alone', () => {
		for (const text of ['13307330000', '0731-28683507', '12345', '2024-11-05', '/records/42'])
			expect(redact(text)).toBe(text);
	});
});
