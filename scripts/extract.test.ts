/**
 * The `npm run extract -- --json` contract, end to end through the CLI: stdout is only a JSON
 * array; offsets index each file's text as fs.readFileSync(file, 'utf8') reads it (a BOM
 * included); the date comes from --published or the text; a bad file is named on stderr with
 * its line and the others go on; the exit code is 1 only when no file could be read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedRecord } from '../src/lib/records/types';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-extract-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
	const result = spawnSync('node_modules/.bin/tsx', ['scripts/extract.ts', ...args], {
		encoding: 'utf8'
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const NOTICE = '株洲日报\n\n张三不慎遗失居民身份证，证号430203199001011234，声明作废。\n\n';

describe('npm run extract -- --json', () => {
	it('prints only JSON; offsets slice the text as readFileSync reads it, BOM included', () => {
		const bom = join(dir, 'bom.txt');
		writeFileSync(bom, '\ufeff' + NOTICE);
		const dated = join(dir, 'dated.txt');
		writeFileSync(dated, '2023年12月20日 星期三\n\n李四遗失营业执照副本，声明作废。\n');
		const binary = join(dir, 'photo.txt');
		writeFileSync(binary, Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01]));

		const { status, stdout, stderr } = run('--json', '--published', '2024-11-05', bom, binary);
		expect(status).toBe(0);
		const records = JSON.parse(stdout) as ExtractedRecord[];
		expect(records).toHaveLength(1);
		const [notice] = records;
		expect(notice).toMatchObject({ kind: 'lost_found', subtype: 'void_notice', holder: '张三' });
		const text = readFileSync(bom, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text.slice(notice.source.start, notice.source.end)).toContain('张三不慎遗失居民身份证');
		expect(stderr).toContain(`${binary}: skipped, binary file (NUL byte on line 3)`);

		// Without --published and outside any manifest, the dateline gives the date.
		const second = run('--json', dated);
		expect(second.status).toBe(0);
		expect(second.stderr).toContain('(published 2023-12-20)');
		expect(JSON.parse(second.stdout)).toHaveLength(1);
	});

	it("gives numbers printed without an area code the paper's: manifest entry, else --area-code, else 0731", () => {
		const page = '兰州晚报\n\n市人社局就业创业服务咨询电话：8468001。\n';
		const flat = join(dir, 'lanzhou.txt');
		writeFileSync(flat, page);
		const numbers = (stdout: string) =>
			(JSON.parse(stdout) as ExtractedRecord[]).flatMap((r) => r.phones.map((p) => p.number));
		// Zhuzhou's numbers have 8 digits: a 7-digit one is no number there.
		expect(numbers(run('--json', '--published', '2024-09-05', flat).stdout)).toEqual([]);
		const flagged = run('--json', '--published', '2024-09-05', '--area-code', '0931', flat);
		expect(flagged.status).toBe(0);
		expect(numbers(flagged.stdout)).toEqual(['0931-8468001']);

		const folder = join(dir, 'lanzhou');
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'a.txt'), page);
		writeFileSync(
			join(folder, 'manifest.json'),
			JSON.stringify({
				pages: [
					{
						file: 'a.txt',
						paper: '兰州晚报',
						published: '2024-09-05',
						page: null,
						areaCode: '0931'
					}
				]
			})
		);
		expect(numbers(run('--json', join(folder, 'a.txt')).stdout)).toEqual(['0931-8468001']);
		// The manifest entry wins over the flag, as it does for the date.
		expect(numbers(run('--json', '--area-code', '0738', join(folder, 'a.txt')).stdout)).toEqual([
			'0931-8468001'
		]);

		const bad = run('--json', '--area-code', '731', flat);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('--area-code needs an area code like 0731');
	});

	it('exits 1 when no file could be read, still printing an empty array', () => {
		const { status, stdout, stderr } = run('--json', join(dir, 'missing.txt'));
		expect(status).toBe(1);
		expect(JSON.parse(stdout)).toEqual([]);
		expect(stderr).toContain('missing.txt: cannot read (ENOENT)');
	});
});
