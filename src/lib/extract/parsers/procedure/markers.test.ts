import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_VERBS } from '../../constants';
import { normalize } from '../../normalize';
import {
	ANSWER_RE,
	ASKER_FIRST,
	ASKER_REACH,
	GREETING_RE,
	QUESTION_COMMA_RE,
	QUESTION_RE
} from './labels';

// findMarkers runs a pattern on a sentence head only when the head holds what the pattern
// needs (see markers.ts). These check that every head a pattern matches passes its gate.
const asksNear = (head: string) =>
	[...head.slice(0, ASKER_REACH)].some((c) => ASKER_FIRST[c.charCodeAt(0)] === 1);
const answerGate = (head: string) =>
	/[:[答]/.test(head) || ANSWER_VERBS.some((v) => !v.includes('答') && head.includes(v));
const greetingGate = (head: string) => /您好|你好|^尊敬的/.test(head);
const questionGate = (head: string) => /[:[]/.test(head);

function check(head: string) {
	if (QUESTION_COMMA_RE.test(head)) expect(asksNear(head), head).toBe(true);
	if (ANSWER_RE.test(head)) expect(answerGate(head), head).toBe(true);
	if (GREETING_RE.test(head)) expect(greetingGate(head), head).toBe(true);
	if (QUESTION_RE.test(head)) expect(questionGate(head), head).toBe(true);
}

describe('Q&A marker gates', () => {
	it('pass the longest openings the patterns allow before the asker', () => {
		for (const head of [
			'(12) 醴陵市民反映,路灯不亮。',
			'十二、株洲网友咨询,何时办理?',
			'3.网友"小李"通过12345热线反映,噪音扰民。',
			'市民王先生来电反映,公交不准点。'
		]) {
			expect(QUESTION_COMMA_RE.test(head), head).toBe(true);
			expect(asksNear(head), head).toBe(true);
		}
		for (const head of ['市住建局回复,已整改。', '市公安局回应称,已处理。', '答:可以办理。']) {
			expect(ANSWER_RE.test(head), head).toBe(true);
			expect(answerGate(head), head).toBe(true);
		}
		for (const head of ['网友您好:', '尊敬的市民朋友:', '王先生:你好,']) {
			expect(GREETING_RE.test(head), head).toBe(true);
			expect(greetingGate(head), head).toBe(true);
		}
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
