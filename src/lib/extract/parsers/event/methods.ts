/**
 * Ways to register: the items of a 报名方式 section, else each clause that names a way
 * (扫码, 邮箱, 报名电话, 现场报名 …).
 */
import type { Page } from '../../pipeline';
import { emailsIn, fieldValue, phoneMatchesIn } from '../../text/fields';
import { pageLines } from '../../text/lineIndex';
import { Occurrences } from '../../text/patterns';
import { clauses, lowerBound, trimEdges, type Span } from '../../text/spans';
import { AFTER_SIGNUP_WORDS, METHOD_LABEL_RE, METHOD_RE } from './labels';

/**
 * Ways to register: the items of a 报名方式 section when there is one (1./①/（1） or one
 * per sentence), else each clause that names a way (扫码, 邮箱, 报名电话, 现场报名 …).
 */
export function findMethods(page: Page, span: Span): string[] {
	const { start, end } = span;
	const norm = page.norm;
	const out: string[] = [];
	const seen = new Set<string>();
	const push = (s: number, e: number) => {
		// Leading subject and modal words: 市民朋友也可以前往… → 前往….
		// A poster's label (报名：扫描海报二维码…) is no part of the way either.
		const lead =
			/^[^,，。]{0,10}?(?:也可以|还可以|也可|可以|可通过|均可|可|请)(?=.)|^报名\s*[:：]\s*/.exec(
				norm.slice(s, e)
			);
		const { start: a, end: b } = trimEdges(norm, {
			start: s + (lead && lead[0].length < e - s - 4 ? lead[0].length : 0),
			end: e
		});
		const v = b > a ? fieldValue(page, { start: a, end: b }) : undefined;
		if (v && v.length >= 2 && v.length <= 80 && !seen.has(v)) {
			seen.add(v);
			out.push(v);
		}
	};
	const label = METHOD_LABEL_RE.exec(norm.slice(start, end));
	if (label) {
		const from = start + label.index + label[0].length;
		// Numbered items below the label: one method each, named by its own label.
		const items = numberedItems(norm, from, end);
		if (items.length) {
			for (const { start: s, end: e } of items) {
				const named = /^([^:：,，。]{2,8})[:：]/.exec(norm.slice(s, e));
				if (named) {
					const contact = contactIn(page, { start: s, end: e });
					const name = fieldValue(page, { start: s, end: s + named[1].length });
					const v = contact ? `${name}：${contact}` : name;
					if (v && !seen.has(v)) {
						seen.add(v);
						out.push(v);
					}
				} else push(s, Math.min(e, s + 80));
			}
			return out;
		}
		// Unnumbered: the label's own sentence, one way per part (携带…到…现场报名；或致电…);
		// under a heading on its own line ([报名方式]), the next line.
		let at = from;
		while (at < end && /[\s:：]/.test(norm[at])) at++;
		const stop = /[。\n]/.exec(norm.slice(at, end));
		const to = stop ? at + stop.index : end;
		for (const { start: s, end: e } of splitAt(norm, at, to, /[;；]/)) push(s, e);
		if (out.length) return out;
	}
	// Sentence ends and "after registering" words of the span, to ask about each clause's
	// sentence without reading the sentence again for every clause.
	let stops: number[] | undefined;
	let afterWords: Occurrences | undefined;
	// Clauses never run over a line break: labelled lines (报名电话：…) have no comma before
	// the next label.
	for (const { start: s, end: e } of pageLines(page, start, end).flatMap((l) =>
		clauses(norm, { start: Math.max(l.start, start), end: Math.min(l.end, end) })
	)) {
		const c = norm.slice(s, e);
		if (!METHOD_RE.test(c)) continue;
		// A way to register must say it is one (报名电话, 发送至邮箱, 扫码报名 …).
		if (!/报名|参与|参加|投稿|报送|发送|提交|预约|参赛/.test(c)) continue;
		// Instructions for after registering (报名成功后…发送至邮箱) are not a way to register.
		stops ??= sentenceStops(norm, start, end);
		afterWords ??= new Occurrences(norm, AFTER_SIGNUP_WORDS, start, end);
		if (afterWords.within(sentenceStart(stops, s, start), s)) continue;
		// The newspaper's own QR codes (扫一扫,关注…公众号) are not a way to register.
		if (/^扫一扫/.test(c) && !/报名/.test(c)) continue;
		push(s, e);
	}
	return out;
}

/** `[from, to)` cut at each character matching `sep`, parts trimmed, empty parts dropped. */
function splitAt(norm: string, from: number, to: number, sep: RegExp): Span[] {
	const out: Span[] = [];
	let s = from;
	for (let i = from; i <= to; i++) {
		if (i === to || sep.test(norm[i])) {
			const { start: a, end: b } = trimEdges(norm, { start: s, end: i });
			if (b > a) out.push({ start: a, end: b });
			s = i + 1;
		}
	}
	return out;
}

/** Offsets of the sentence ends (a full stop or a line break) in `[from, to)`. */
function sentenceStops(norm: string, from: number, to: number): number[] {
	const out: number[] = [];
	// 。 ! ！ ? ？ \n, by UTF-16 code rather than a regex test per character.
	for (let i = from; i < to; i++) {
		const c = norm.charCodeAt(i);
		if (c === 0x3002 || c === 0x21 || c === 0xff01 || c === 0x3f || c === 0xff1f || c === 0x0a)
			out.push(i);
	}
	return out;
}

/**
 * Where the sentence that holds `pos` starts (after a full stop or a line break), not
 * before `floor`; `stops` are the sentence ends from `floor` on.
 */
function sentenceStart(stops: number[], pos: number, floor: number): number {
	const k = lowerBound(stops, pos) - 1;
	return k >= 0 ? Math.max(floor, stops[k] + 1) : floor;
}

/** Items of a numbered list starting in `[from, to)`: 1. … / (1) … / ① …, each up to the next. */
function numberedItems(norm: string, from: number, to: number): Span[] {
	const re =
		/(?:^|\n|[。;；]\s*)\s*(?:\(?[1-9]\d?[).、.](?!\d)|[①-⑩]|[一二三四五六七八九十][、.])\s*/g;
	const text = norm.slice(from, Math.min(to, from + 1200));
	const marks: Span[] = [];
	for (const m of text.matchAll(re))
		marks.push({ start: from + m.index, end: from + m.index + m[0].length });
	const out: Span[] = [];
	for (let k = 0; k < marks.length; k++) {
		const s = marks[k].end;
		let e = k + 1 < marks.length ? marks[k + 1].start : Math.min(to, from + 1200);
		// An item ends with its sentence (the last one also with its paragraph).
		const stop = norm.slice(s, e).search(/[。]|\n\s*\n/);
		if (stop >= 0) e = s + stop;
		out.push(trimEdges(norm, { start: s, end: e }));
	}
	// A single "1." is not a list.
	return out.length >= 2 ? out : [];
}

/** The email, URL or phone in an item, as printed. */
function contactIn(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const email = emailsIn(page, span)[0];
	if (email) return email;
	const url = /https?:\/\/[^\s,，。;；)）]+|www\.[^\s,，。;；)）]+/.exec(
		page.norm.slice(start, end)
	);
	if (url) return url[0];
	return phoneMatchesIn(page, span)[0]?.raw;
}
