import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize';
import { isSpace, SPACE_CODES } from '../../text/spans';
import {
	MATERIALS_LEAD,
	MATERIALS_SENTENCE_RE,
	SECTION_KIND,
	SECTION_LEAD,
	SECTION_RE
} from './labels';

// findSections skips a line or sentence start whose first unit is not in SECTION_LEAD /
// MATERIALS_LEAD without running the pattern: every head the pattern matches must pass.
const admitted = (table: Uint8Array, head: string) => table[head.charCodeAt(0)] === 1;

describe('section heading lead tables', () => {
	it('SPACE_CODES are exactly the units isSpace accepts', () => {
		const all: number[] = [];
		for (let c = 0; c < 0x10000; c++) if (isSpace(c)) all.push(c);
		expect(all).toEqual([...SPACE_CODES]);
	});

	it('admit every heading SECTION_RE matches, with any bullet, number or bracket before it', () => {
		const leads = ['', '■', '● ', '📌', '📍 ', '🔹', '🔸', '✅', '👉', '▪', '▪️', '一、', '十二.'];
		const numbers = ['', '(一)', '三)', '(3)', '12.', '7、', '①', '⑳', ' '];
		const checked = [];
		for (const word of SECTION_KIND.keys())
			for (const lead of leads)
				for (const number of numbers)
					for (const open of ['', '['])
						for (const end of [':', ']', '']) {
							const head = lead + number + open + word + end;
							if (!SECTION_RE.test(head)) continue;
							checked.push(head);
							expect(admitted(SECTION_LEAD, head), head).toBe(true);
						}
		// The grammar above is what SECTION_RE reads: most of these heads are headings.
		expect(checked.length).toBeGreaterThan(SECTION_KIND.size * leads.length);
	});

	it('admit every materials sentence', () => {
		for (const head of [
			'申请人需提交以下材料:',
			'四、申请人需提交以下材料:',
			'(2)须携带下列证件:',
			'3.应提供材料如下:',
			' 办事群众需要准备以下资料:',
			'市民需提交材料:',
			'当事人应携带证件:',
			'需提交材料:',
			'须携带证件:',
			'应提交材料:'
		]) {
			expect(MATERIALS_SENTENCE_RE.test(head), head).toBe(true);
			expect(admitted(MATERIALS_LEAD, head), head).toBe(true);
		}
	});

	it('admit every heading on the fixture and corpus pages', () => {
		const root = join(__dirname, '../../fixtures');
		let headings = 0;
		for (const base of [root, join(root, 'corpus')])
			for (const d of readdirSync(base)) {
				const file = join(base, d, 'source.txt');
				if (!existsSync(file)) continue;
				const norm = normalize(readFileSync(file, 'utf8'));
				// Every position, not only line and sentence starts: a superset of the heads.
				for (let i = 0; i < norm.length; i++) {
					const head = norm.slice(i, i + 40);
					if (SECTION_RE.test(head)) {
						headings++;
						expect(admitted(SECTION_LEAD, head), head).toBe(true);
					}
					if (MATERIALS_SENTENCE_RE.test(head))
						expect(admitted(MATERIALS_LEAD, head), head).toBe(true);
				}
			}
		expect(headings).toBeGreaterThan(0);
	});
});
