/**
 * Q&A markers: where questions (网友提问:, 市民来电反映，, 问:, a username line, numbered question
 * subheads) and answers (XX局回复:, 答:, 官方回复:, a greeting, a 回复单位 line) open, with the
 * department each answer names, or the one the column's lead names for bare 问/答 pairs.
 */
import { allParagraphs } from '../../text/lineIndex';
import type { Page } from '../../pipeline';
import { isSpace, type Span } from '../../text/spans';
import {
	ANSWER_RE,
	ASKER_LINE_RE,
	BULLET_RE,
	CONTEXT_DEPARTMENT_RE,
	DEPARTMENT_LINE_RE,
	GREETING_RE,
	NUMBERED_QUESTION_RE,
	QUESTION_COMMA_RE,
	QUESTION_RE,
	REFERENCE_RE
} from './labels';

/** Closing quotes and brackets that stay with the sentence they end: " ' ) ] */
const isCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d;
const FULL_STOP = 0x3002; // 。
const EXCLAMATION = 0x21; // ! (normalised from ！)
const QUESTION = 0x3f; // ? (normalised from ？)
const NEWLINE = 0x0a;
const RESPECTED = 0x5c0a; // 尊 (尊敬的网友)
/** Per UTF-16 code below 0x10000: 1 for the bullets BULLET_RE opens with. */
const IS_BULLET = new Uint8Array(0x10000);
for (const b of '■□●○◆◇▲△▶►★☆◎•·') IS_BULLET[b.charCodeAt(0)] = 1;
const TAB = 0x09;
/** [ (normalised from 【): a reference such as [工单号:…] is skipped like a bullet. */
const OPEN_BRACKET = 0x5b;

/** How far back from a bare answer the lead may name its department. */
const CONTEXT_WINDOW = 600;

export interface Marker {
	kind: 'q' | 'a' | 'd';
	/** Where the marker starts and where its text starts (after the colon). */
	start: number;
	textStart: number;
	/** The paragraph the marker is in. */
	para: Span;
	/** The answering organisation (answer and department markers). */
	org?: Span;
	/** A department line in brackets ([经办单位:…]): it closes the item above it. */
	closing?: boolean;
	/** End of a department marker's line. */
	lineEnd?: number;
	/** A numbered question line without a marker word (一、哪些人可以申领？). */
	numbered?: boolean;
}

/** Every question, department and answer marker of the page, in order. */
export function findMarkers(page: Page): Marker[] {
	const out: Marker[] = [];
	const norm = page.norm;
	for (const para of allParagraphs(page)) {
		// Offsets below are relative to the paragraph, read from the page without slicing
		// the paragraph out first.
		const p0 = para.start;
		const len = para.end - p0;
		// Markers open a paragraph, a line, or a sentence inside one (…路灯不亮。区政府回复:…).
		const starts = [0];
		// …or a cell of a table row set apart by a tab (问题：…<TAB>答复：…).
		// After each 。!? (and the closing quotes after it), line break or tab, and the blanks
		// that follow: where /[。!?]["')\]]*\s*|\n\s*|\t\s*/g matches end, without a regex call
		// and without a string per character.
		for (let i = 0; i < len; i++) {
			const c = norm.charCodeAt(p0 + i);
			const stop = c === FULL_STOP || c === EXCLAMATION || c === QUESTION;
			if (!stop && c !== NEWLINE && c !== TAB) continue;
			let e = i + 1;
			if (stop) while (e < len && isCloser(norm.charCodeAt(p0 + e))) e++;
			while (e < len && isSpace(norm.charCodeAt(p0 + e))) e++;
			starts.push(e);
			i = e - 1;
		}
		for (const s of starts) {
			if (s >= len) continue;
			// A bullet stays in the item (its start) but not in the text the patterns read.
			const bullet =
				IS_BULLET[norm.charCodeAt(p0 + s)] === 1
					? (BULLET_RE.exec(norm.slice(p0 + s, p0 + Math.min(s + 2, len)))?.[0].length ?? 0)
					: norm.charCodeAt(p0 + s) === OPEN_BRACKET
						? (REFERENCE_RE.exec(norm.slice(p0 + s, p0 + Math.min(s + 40, len)))?.[0].length ?? 0)
						: 0;
			const head = norm.slice(p0 + s + bullet, p0 + Math.min(s + bullet + 100, len));
			const at = p0 + s;
			// Most starts are sentences of news prose. The department and question labels need
			// a colon or a bracket and a greeting needs 好 (or opens with 尊敬的): a head
			// without them is not matched against those patterns. (The other patterns are
			// anchored and fail within a few characters: searching the head would cost more.)
			const colon = head.includes(':');
			const bracket = head.includes('[');
			const dept = colon ? DEPARTMENT_LINE_RE.exec(head) : null;
			if (dept?.groups) {
				const orgAt = at + bullet + head.indexOf(dept.groups.org);
				out.push({
					kind: 'd',
					start: at,
					textStart: at + bullet + dept[0].length,
					para,
					org: { start: orgAt, end: orgAt + dept.groups.org.length },
					closing: dept.groups.open !== undefined,
					lineEnd: at + bullet + dept[0].length
				});
				continue;
			}
			// 网友您好： reads as the asker 网友 named 您好: a greeting is a reply.
			if ((head.includes('好') || head.charCodeAt(0) === RESPECTED) && GREETING_RE.test(head)) {
				// 您好！ right under 回复内容： or 回复单位： is that reply's first word, not a new one.
				const last = out[out.length - 1];
				if (!last || last.kind === 'q') out.push({ kind: 'a', start: at, textStart: at, para });
				continue;
			}
			const ans = ANSWER_RE.exec(head);
			let asker: RegExpExecArray | null;
			const q = (colon || bracket ? QUESTION_RE.exec(head) : null) ?? QUESTION_COMMA_RE.exec(head);
			// 市民政局回复: reads as 市民 + …; an organisation with an answer verb wins.
			const g = ans?.groups;
			if (ans && g && (g.verb || g.bare || g.bbare || !q)) {
				const marker: Marker = {
					kind: 'a',
					start: at,
					textStart: at + bullet + ans[0].length,
					para
				};
				// 答（市社会保险服务中心）： names the office in the label.
				const org = g.org ?? g.borg;
				if (org) {
					const orgAt = at + bullet + ans[0].indexOf(org);
					marker.org = { start: orgAt, end: orgAt + org.length };
				}
				out.push(marker);
			} else if (q) {
				out.push({ kind: 'q', start: at, textStart: at + bullet + q[0].length, para });
			} else if ((asker = ASKER_LINE_RE.exec(head))) {
				out.push({ kind: 'q', start: at, textStart: at + bullet + asker[0].length, para });
			} else {
				const n = NUMBERED_QUESTION_RE.exec(head);
				if (n)
					out.push({
						kind: 'q',
						start: at,
						textStart: at + bullet + n[0].length,
						para,
						numbered: true
					});
			}
		}
	}
	return out;
}

/** Every place the page names an answering department (以下解答由XX提供), found once per page. */
const contextCache = new WeakMap<Page, { end: number; org: Span }[]>();

/** The department a column's lead names for its bare 问/答 answers (以下解答由XX提供). */
export function contextDepartment(page: Page, before: number): Span | undefined {
	let found = contextCache.get(page);
	if (!found) {
		found = [];
		CONTEXT_DEPARTMENT_RE.lastIndex = 0;
		for (
			let m = CONTEXT_DEPARTMENT_RE.exec(page.norm);
			m;
			m = CONTEXT_DEPARTMENT_RE.exec(page.norm)
		) {
			// ，请市医保局工作人员解答: the second pattern starts at the comma and takes 请 along.
			const org = (m[1] ?? m[2]).replace(/^[请由从向据]/, '');
			const at = m.index + m[0].lastIndexOf(org);
			found.push({ end: m.index + m[0].length, org: { start: at, end: at + org.length } });
		}
		contextCache.set(page, found);
	}
	// The last one that ends before the question, at most CONTEXT_WINDOW back.
	let lo = 0;
	let hi = found.length - 1;
	let best = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (found[mid].end <= before) {
			best = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return best >= 0 && found[best].org.start >= before - CONTEXT_WINDOW
		? found[best].org
		: undefined;
}
