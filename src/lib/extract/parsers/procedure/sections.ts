/**
 * Guide sections: headings at line starts (办理条件: / 申请材料: / 办理流程: / 【所需材料】 …),
 * where each section's body ends, its value and its list items.
 */
import type { Page } from '../../pipeline';
import { joinedText } from '../../text/fields';
import { isSpace, lines, nonBlankLines, paragraphs, type Span, trimBlank } from '../../text/spans';
import {
	GUIDE_NOTE_RE,
	ITEM_LEAD_RE,
	ITEM_MARK_RE,
	LIST_ITEM_RE,
	MATERIALS_SENTENCE_RE,
	NAME_LABEL_RE,
	MATERIALS_LEAD,
	SECTION_KIND,
	SECTION_LEAD,
	SECTION_RE,
	type SectionKind
} from './labels';

export interface Section {
	kind: SectionKind;
	/** The heading word as printed (normalised): 申请条件, 所需材料. */
	word: string;
	start: number;
	/** Start of the section's content (after the heading). */
	bodyStart: number;
	end: number;
}

/** Section headings of a passage: at line starts and after a sentence end (…5个工作日。收费标准:). */
export function findSections(page: Page, passage: Span): Section[] {
	const out: Section[] = [];
	const norm = page.norm;
	for (const line of nonBlankLines(norm, passage.start, passage.end)) {
		const starts = [0];
		// After each 。 or ; and the blanks that follow it (what /[。;]\s*/g would match), read
		// from the page by character code: no string per character, no slice of the line.
		const len = line.end - line.start;
		for (let i = 0; i < len; i++) {
			const c = norm.charCodeAt(line.start + i);
			if (c !== 0x3002 && c !== 0x3b) continue; // 。 ;
			let e = i + 1;
			while (e < len && isSpace(norm.charCodeAt(line.start + e))) e++;
			starts.push(e);
			i = e - 1;
		}
		for (const s of starts) {
			const start = line.start + s;
			// Most starts are sentences of prose: neither pattern can match what they open with.
			const lead = SECTION_LEAD[norm.charCodeAt(start)] === 1;
			if (!lead && !MATERIALS_LEAD[norm.charCodeAt(start)]) continue;
			const head = norm.slice(start, line.start + Math.min(s + 40, len));
			const sentence = head.includes(':') ? MATERIALS_SENTENCE_RE.exec(head) : null;
			if (sentence) {
				const bodyStart = start + sentence[0].length;
				out.push({ kind: 'requirements', word: '需提交材料', start, bodyStart, end: passage.end });
				continue;
			}
			const m = lead ? SECTION_RE.exec(head) : null;
			if (!m) continue;
			const kind = SECTION_KIND.get(m[1]);
			if (!kind) continue;
			let bodyStart = start + m[0].length;
			if (page.norm[bodyStart] === ']') bodyStart++;
			// 办理时间、地点及联系方式: one heading over sub-items that repeat its first word.
			out.push({ kind, word: m[1] + m[2], start, bodyStart, end: passage.end });
		}
	}
	for (let k = 0; k + 1 < out.length; k++) out[k].end = out[k + 1].start;
	return out;
}

/** Kinds that make a passage a guide when two or more of them are headings. */
export const CORE_KINDS: SectionKind[] = ['requirements', 'steps', 'timeLimit', 'fee', 'location'];

/** A section's first sentence, without its full stop (a ；-list of cases stays whole). */
export function firstSentence(s: string): string {
	const m = /^[^。\n]+/.exec(s);
	return (m ? m[0] : s).replace(/[;,]$/, '').trim();
}

/**
 * The text of a one-value section (时限, 收费, 地点, 受理部门): its lines up to a blank line, a
 * line that ends a sentence, or a line that opens another label (温馨提示：…).
 */
export function sectionValue(page: Page, body: Span): string {
	return joinedText(page.text, { start: body.start, end: valueEnd(page, body) }).replace(
		/^[:\s]+/,
		''
	);
}

function valueEnd(page: Page, body: Span): number {
	let end = body.start;
	let started = false;
	for (const line of lines(page.norm, body.start, body.end)) {
		const t = page.norm.slice(line.start, line.end).trim();
		if (!t) {
			if (started) break;
			continue;
		}
		if (started && (/^[^\s:]{2,8}:/.test(t) || /[。]$/.test(page.norm.slice(body.start, end))))
			break;
		started = true;
		end = line.end;
	}
	return end;
}

/**
 * Where a guide's last section ends: a one-value section after its value, a list after its
 * last item; notes (温馨提示：…) right under it are kept. What follows (the next article, a
 * Q&A) is not part of the guide.
 */
export function lastSectionEnd(page: Page, s: Section): number {
	const body = { start: s.bodyStart, end: s.end };
	const list = s.kind === 'requirements' || s.kind === 'steps';
	let end = list ? s.bodyStart : valueEnd(page, body);
	for (const p of paragraphs(page.norm, s.bodyStart, s.end)) {
		const t = page.norm.slice(p.start, p.end);
		if (p.end <= end) continue;
		if (p.start <= end || (list && LIST_ITEM_RE.test(t)) || GUIDE_NOTE_RE.test(t)) end = p.end;
		else break;
	}
	return Math.max(end, s.bodyStart);
}

/** A service's name on its own line above its sections: 居住证怎么办, 事项名称：…. */
export function isServiceName(line: string): boolean {
	const t = line.trim();
	if (NAME_LABEL_RE.test(t)) return t.length <= 50;
	return t.length >= 2 && t.length <= 40 && !/[。;:,]/.test(t) && !SECTION_RE.test(t);
}

/**
 * The items of a list section: one per numbered item, else one per line, else one per
 * sentence; a single short sentence of 、-separated documents is split at 、.
 */
export function items(page: Page, body: Span): string[] {
	const norm = page.norm.slice(body.start, body.end);
	const marks: number[] = [];
	ITEM_MARK_RE.lastIndex = 0;
	for (let m = ITEM_MARK_RE.exec(norm); m; m = ITEM_MARK_RE.exec(norm)) {
		marks.push(m.index);
		if (m[0].length === 0) ITEM_MARK_RE.lastIndex++;
	}
	let spans: Span[];
	if (marks.length >= 2) {
		spans = marks.map((m, k) => ({
			start: body.start + m,
			end: body.start + (marks[k + 1] ?? norm.length)
		}));
		if (marks[0] > 0) spans.unshift({ start: body.start, end: body.start + marks[0] });
	} else {
		spans = nonBlankLines(page.norm, body.start, body.end);
		if (spans.length === 1) {
			// 照相→登记指纹→领证: a flow printed with arrows is one step per arrow.
			const arrows = /→|->|=>/.test(norm);
			// 居民身份证 体检证明 照片: documents set apart by wide spaces, no punctuation.
			const spaced = !/[,;。、:]/.test(norm.trim()) && /\S\s{1,}\S/.test(norm.trim());
			const parts = arrows
				? norm.split(/(?<=→|->|=>)/)
				: spaced
					? norm.split(/(?<=\S)(?=\s+\S)/)
					: norm.split(/(?<=[;。])/);
			if (parts.length > 1) {
				let at = body.start;
				spans = parts.map((p) => {
					const s = { start: at, end: at + p.length };
					at += p.length;
					return s;
				});
			} else if (
				/、/.test(norm) &&
				norm.length <= 120 &&
				norm.split('、').every((x) => x.length <= 24) &&
				// A sentence (with commas) or a description of who qualifies (…的城乡居民) is
				// one requirement, not a list of documents.
				!/,/.test(norm) &&
				!/(?:人员|居民|人|者|对象)[。;]?\s*$/.test(norm)
			) {
				let at = body.start;
				spans = norm.split('、').map((p) => {
					const s = { start: at, end: at + p.length };
					at += p.length + 1;
					return s;
				});
			}
		}
	}
	return tableItems(page.norm, spans)
		.map((s) => joinedText(page.text, stripItem(page.norm, s)))
		.filter((s) => s.length > 0);
}

const CELL_GAP = /\s{2,}|\t/g;
/** A materials table's header row: 序号  材料名称  份数  备注 */
const TABLE_HEAD_RE = /^(?:序号|编号)?\s*(?:材料|资料|证件)?名称/;

/**
 * A materials table printed with wide spaces (1  注销登记申请书  1  经营者签字): each row is its
 * name cell, the header row is no item. Lines outside the table (□ notes) stay whole.
 */
function tableItems(norm: string, spans: Span[]): Span[] {
	const cellsOf = (s: Span): Span[] => {
		const out: Span[] = [];
		let from = s.start;
		const text = norm.slice(s.start, s.end);
		CELL_GAP.lastIndex = 0;
		for (let m = CELL_GAP.exec(text); m; m = CELL_GAP.exec(text)) {
			if (s.start + m.index > from) out.push({ start: from, end: s.start + m.index });
			from = s.start + m.index + m[0].length;
		}
		if (s.end > from) out.push({ start: from, end: s.end });
		return out;
	};
	const rows = spans.map(cellsOf);
	if (rows.filter((r) => r.length >= 3).length < 2) return spans;
	const out: Span[] = [];
	rows.forEach((cells, k) => {
		if (TABLE_HEAD_RE.test(norm.slice(spans[k].start, spans[k].end).trim())) return;
		if (cells.length < 3) return void out.push(spans[k]);
		// The row's number cell first, then the name.
		const name = cells.find((c) => !/^\d{1,3}[.、]?$/.test(norm.slice(c.start, c.end).trim()));
		if (name) out.push(name);
	});
	return out;
}

/** An item's span without its number mark and edge punctuation (decided on `norm`). */
function stripItem(norm: string, span: Span): Span {
	let { start, end } = trimBlank(norm, span);
	// A checkbox before an item (□ 委托书) is a form's mark, not part of the item.
	const box = /^[□☐■✅✓√]\s?/.exec(norm.slice(start, end));
	if (box) start += box[0].length;
	const lead = ITEM_LEAD_RE.exec(norm.slice(start, end));
	if (lead) start += lead[0].length;
	while (end > start && /[\s:;,。、→>=-]/.test(norm[end - 1])) end--;
	return { start, end };
}
