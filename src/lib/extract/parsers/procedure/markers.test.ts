import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize';
import { DEPARTMENT_LINE_RE, GREETING_RE, QUESTION_RE } from './labels';

// findMarkers runs some patterns on a sentence head only when the head holds what the pattern
// needs (see markers.ts): these check that every head a pattern matches passes its gate.
const labelGate = (head: string) => head.includes(':') || head.includes('[');
const greetingGate = (head: string) => head.includes('好') || head.startsWith('尊');

function check(head: string) {
	if (DEPARTMENT_LINE_RE.test(head)) expect(head.includes(':'), head).toBe(true);
	if (QUESTION_RE.test(head)) expect(labelGate(head), head).toBe(true);
	if (GREETING_RE.test(head)) expect(greetingGate(head), head).toBe(true);
}

describe('Q&A marker gates', () => {
	it('pass labels and greetings in each of their forms', () => {
		for (const head of ['[网友留言]路灯坏了', '网友"小李"提问:', '问:', '留言板:', 'Q1:']) {
			expect(QUESTION_RE.test(head), head).toBe(true);
			expect(labelGate(head), head).toBe(true);
		}
		for (const head of ['网友您好:', '尊敬的市民朋友:', '王先生:你好,']) {
			expect(GREETING_RE.test(head), head).toBe(true);
			expect(greetingGate(head), head).toBe(true);
		}
		expect(DEPARTMENT_LINE_RE.test('[经办单位:市住建局]')).toBe(true);
	});

	it('pass every head the patterns match on the fixture and corpus pages', () => {
		const root = join(__dirname, '../../fixtures');
		for (const base of [root, join(root, 'corpus')])
			for (const d of readdirSync(base)) {
				const file = join(base, d, 'source.txt');
				if (!existsSync(file)) continue;
				const norm = normalize(readFileSync(file, 'utf8'));
				// Every position, a superset of the sentence heads findMarkers reads.
				for (let i = 0; i < norm.length; i++) check(norm.slice(i, i + 100));
			}
	});
});
