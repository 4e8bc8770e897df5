/**
 * The document a notice names: the first document word (from the list, else a run ending in a
 * document suffix) widened over its qualifier, its copies (正本/副本) and the documents joined to it.
 */
import { DOCUMENT_TYPES } from '../../constants';
import { anyOf, isAlnum, isCjk } from '../../text/patterns';
import type { Span } from '../../text/spans';
import { DOCUMENT_SUFFIX_RE, ISSUER_END_RE, QUANTITY_RE } from './labels';

/**
 * The longest qualifier read in front of a document word: long official names
 * (湖南省道路运输从业人员从业资格证, 行政事业单位国有资产产权登记证) are printed whole.
 */
const MAX_QUALIFIER = 24;

export const DOCUMENT_LIST_RE = anyOf(DOCUMENT_TYPES, 'g');

/**
 * The document named in `[start, end)`: the first document word (from the list, else a
 * run ending in a document suffix) widened to the left over a qualifier
 * (增值税专用发票, 医疗机构执业许可证) but not over an issuer or a number, and to the right
 * over 正本/副本. Several documents joined by 、/及/和 are taken together.
 */
export function findDocument(norm: string, start: number, end: number): Span | undefined {
	const first = firstDocumentWord(norm, start, end);
	if (!first) return undefined;
	let s = first.start;
	// Widen left over a qualifier: CJK characters that are not a verb, issuer or number.
	let k = s;
	// A character right after a number or letter is its unit (402房, 3栋, 湘D·88172挂): the
	// qualifier stops there.
	// A narrow column breaks a name anywhere (…医院出 / 生医学证明): a line break between
	// two ideographs is read through.
	for (;;) {
		if (k > start + 1 && norm[k - 1] === '\n' && isCjk(norm[k - 2]) && isCjk(norm[k])) {
			k--;
			continue;
		}
		if (
			k > start &&
			s - k < MAX_QUALIFIER &&
			isCjk(norm[k - 1]) &&
			!isAlnum(norm[k - 2]) &&
			!/[的号于在遗失发将把被慎了其及和与年月日届级]/.test(norm[k - 1])
		) {
			k--;
			continue;
		}
		break;
	}
	if (k < s) {
		const left = norm.slice(k, s).replace(/\n/g, '\u0000');
		let cut = 0;
		for (const m of left.matchAll(ISSUER_END_RE)) {
			// An issuer needs a name before its ending (市残疾人联合会), not a lone 所 or 院;
			// 所 of 所有权 is no issuer.
			if (m[0] === '所' && left[m.index + 1] === '有') continue;
			if (m.index + m[0].length >= 3) cut = m.index + m[0].length;
		}
		s = k + cut;
		const q = QUANTITY_RE.exec(norm.slice(s, first.start));
		if (q) s += q[0].length;
	}
	// The state's name is part of a document's (中华人民共和国残疾人证); its 和 stopped the widening.
	// Looked for in the few characters before the widened start only: a search back through
	// the page from every notice would grow with the page.
	const from = Math.max(start, s - 7);
	const state = norm.slice(from, s + 1).indexOf('中华人民共和国');
	if (state >= 0 && from + state + 7 <= first.start) s = from + state;
	let e = first.end;
	// A suffix read short: 登记证 of 不动产登记证明, 证 of 合格证书.
	if (norm[e - 1] === '证' && /[明书]/.test(norm[e] ?? '') && e < end) e++;
	// A contract's filing is its own document: 房屋买卖合同备案登记证明.
	const filing = /^(?:备案|登记|备案登记)(?:证明|证|表)/.exec(norm.slice(e, end));
	if (filing && norm.slice(first.start, e).endsWith('合同')) e += filing[0].length;
	const tail =
		/^(?:\s*[(（]?\s*(?:正、副本|正副本|正本及副本|正本和副本|正本、副本|正本|副本|原件|复印件|(?:第)?[一二三四五六七八九十\d]+联)\s*[)）]?)/.exec(
			norm.slice(e, end)
		);
	if (tail) e += tail[0].length;
	// More documents joined by 、/及/和/与.
	for (;;) {
		const m = /^\s*[、及和与]\s*/.exec(norm.slice(e, end));
		if (!m) break;
		const next = firstDocumentWord(norm, e + m[0].length, Math.min(end, e + m[0].length + 12));
		if (!next || next.start !== e + m[0].length) {
			// 公章、财务章 where the second is not listed: a short run ending in a suffix.
			const run = /^[\u4e00-\u9fa5]{1,8}?(?:章|证|卡|本|簿|执照|发票|收据)/.exec(
				norm.slice(e + m[0].length, end)
			);
			if (!run) break;
			e = e + m[0].length + run[0].length;
			continue;
		}
		e = next.end;
	}
	return { start: s, end: e };
}

/** The earliest document word in `[start, end)` (list first; a suffix run as fallback). */
export function firstDocumentWord(norm: string, start: number, end: number): Span | undefined {
	const text = norm.slice(start, end);
	DOCUMENT_LIST_RE.lastIndex = 0;
	const listed = DOCUMENT_LIST_RE.exec(text);
	DOCUMENT_SUFFIX_RE.lastIndex = 0;
	let generic: RegExpExecArray | null;
	let fallback: Span | undefined;
	while ((generic = DOCUMENT_SUFFIX_RE.exec(text))) {
		// The suffix must end a word of at least two characters (营业执照, not a lone 证).
		const gs = generic.index;
		if (gs > 0 && isCjk(text[gs - 1]) && !/[的号于在了失]/.test(text[gs - 1])) {
			fallback = { start: start + gs - 1, end: start + gs + generic[0].length };
			break;
		}
		if (generic[0].length >= 2) {
			fallback = { start: start + gs, end: start + gs + generic[0].length };
			break;
		}
	}
	const fromList = listed
		? { start: start + listed.index, end: start + listed.index + listed[0].length }
		: undefined;
	if (fromList && (!fallback || fromList.start <= fallback.start)) return fromList;
	if (fromList && fallback && fallback.end >= fromList.start) return fromList;
	return fallback ?? fromList;
}

/** True when `[s, e)` names a document (居民身份证, 机动车驾驶证), not a thing. */
export function isDocument(norm: string, s: number, e: number): boolean {
	const doc = firstDocumentWord(norm, s, e);
	return !!doc && doc.end === e;
}
