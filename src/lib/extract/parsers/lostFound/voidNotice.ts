/**
 * 遗失声明: a document declared void. Two layouts: one sentence each (`张三遗失身份证，号码…，
 * 声明作废。`), often many run together in a paragraph; or a column headed `下列证件声明作废` /
 * `遗失声明` whose items carry no ending of their own. Each anchor word (遗失/丢失) is one
 * candidate: its holder is read backwards, its document forwards to the ending word or the next
 * holder. A notice naming several documents of one holder is ONE record.
 */
import type { Candidate, Page } from '../../pipeline';
import { fieldValue, findDistrict, isTraditional } from '../../text/fields';
import { isHeadlineLike, isNoticeHeadLine } from '../../text/passages';
import { eachPageLine, lineStart } from '../../text/lineIndex';
import { BULLETS } from '../../text/patterns';
import { lowerBound, SpanSet, trimBlank, trimEdges, type Span } from '../../text/spans';
import type { LostFoundRecord } from '../../../records/types';
import { findDocument } from './document';
import {
	holderStartOf,
	isNewsHolder,
	labelledHolder,
	LEGAL_REP_RE,
	readLead,
	SELF_NAMED_RE,
	signerAfter
} from './holder';
import {
	ANCHOR_IS_HEAD_RE,
	ANCHOR_RE,
	COLUMN_HEAD_RE,
	END_CONTINUES_RE,
	NOT_VOID_RE,
	VOID_END_RE,
	VOID_HEAD_RE
} from './labels';
import { findNumber } from './number';

/** A verb of losing (遗失/丢失): where it starts and ends. */
interface Anchor extends Span {
	/** Where the notice (its holder) starts. */
	holderStart: number;
}

/** What may stand between two items of a column: whitespace, bullets, separators. */
const GAP_FILLER_RE = new RegExp(`[\\s${BULLETS},，;；。、:：]`, 'g');

/**
 * True when a line inside a notice's reach heads another notice: it reads as a heading
 * (遗失声明), holds no comma and follows a finished sentence or a blank line — a narrow
 * column's line that happens to end in 声明 (N430567890，声明 / 作废。) does not.
 */
function startsNotice(page: Page, line: { start: number; text: string }): boolean {
	if (!isNoticeHeadLine(line.text) || /[,，]/.test(line.text)) return false;
	let k = line.start;
	while (k > 0 && /[ \t\r\u3000]/.test(page.norm[k - 1])) k--;
	const before = page.norm.slice(Math.max(0, k - 2), k);
	return (
		!/\S\n$/.test(before) ||
		/[。!！?？;；]\n$/.test(before) ||
		isHeadlineLike(page.norm.slice(lineStart(page, Math.max(0, k - 1)), k - 1))
	);
}

interface VoidCandidate {
	anchor: Anchor;
	end: number;
	terminated: boolean;
	zone: boolean;
}

/** Void notices of the page, outside the spans already taken by lost/found notices. */
export function parseVoidNotices(page: Page, taken: readonly Span[]): Candidate<LostFoundRecord>[] {
	const norm = page.norm;
	const takenSpans = new SpanSet();
	for (const span of taken) takenSpans.add(span);
	const inTaken = (i: number) => takenSpans.overlaps({ start: i, end: i + 1 });

	const anchors: Anchor[] = [];
	ANCHOR_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = ANCHOR_RE.exec(norm))) {
		const start = m.index;
		const end = start + m[0].length;
		if (inTaken(start)) continue;
		if (ANCHOR_IS_HEAD_RE.test(norm.slice(end, end + 3))) continue;
		// 下列证件遗失，声明作废： heads a column; its 遗失 is no notice's.
		const ls = lineStart(page, start);
		if (COLUMN_HEAD_RE.test(norm.slice(ls, start))) continue;
		anchors.push({ start, end, holderStart: start });
	}
	if (!anchors.length) return [];

	// Ending words, found once for the page. They do not overlap, so both their starts and
	// their ends ascend.
	const endStarts: number[] = [];
	const endEnds: number[] = [];
	VOID_END_RE.lastIndex = 0;
	while ((m = VOID_END_RE.exec(norm))) {
		const e = m.index + m[0].length;
		if (!/[。.!！]$/.test(m[0]) && END_CONTINUES_RE.test(norm.slice(e, e + 2))) continue;
		endStarts.push(m.index);
		endEnds.push(e);
	}

	let floor = 0;
	for (const a of anchors) {
		// The last ending before the anchor.
		const k = lowerBound(endEnds, a.start + 1) - 1;
		const lastEnd = k >= 0 ? endEnds[k] : 0;
		a.holderStart = holderStartOf(page, a.start, Math.max(floor, lastEnd));
		floor = a.end;
	}

	const candidates: VoidCandidate[] = [];
	for (let k = 0; k < anchors.length; k++) {
		const a = anchors[k];
		const next = anchors[k + 1]?.holderStart ?? norm.length;
		let limit = Math.min(next, a.end + 260);
		// A blank line or another notice's headline ends the notice.
		const blank = /\n[ \t]*\r?\n/.exec(norm.slice(a.end, limit));
		if (blank) limit = a.end + blank.index;
		for (const line of eachPageLine(page, a.end, limit)) {
			if (line.start > a.end && startsNotice(page, line)) {
				limit = Math.min(limit, line.start);
				break;
			}
		}
		// The first ending after the verb, if it starts before the limit.
		const first = lowerBound(endStarts, a.end);
		const terminated = first < endStarts.length && endStarts[first] < limit;
		candidates.push({
			anchor: a,
			end: terminated ? endEnds[first] : trimBlank(norm, { start: a.end, end: limit }).end,
			terminated,
			zone: false
		});
	}

	// A column headed 下列证件声明作废 / 遗失声明: its items need no ending of their own.
	let zoneOpen = false;
	let prevEnd = 0;
	for (const c of candidates) {
		const gap = norm.slice(prevEnd, c.anchor.holderStart);
		if (VOID_HEAD_RE.test(gap.split('\n').slice(-4).join('\n'))) zoneOpen = true;
		else if (gap.replace(GAP_FILLER_RE, '').length > 0) zoneOpen = false;
		c.zone = zoneOpen;
		prevEnd = c.end;
	}
	// 张三遗失身份证、李四遗失户口本，声明作废: an item joined to a terminated one shares its ending.
	for (let k = candidates.length - 2; k >= 0; k--) {
		const c = candidates[k];
		const n = candidates[k + 1];
		if (c.terminated || c.zone || !(n.terminated || n.zone)) continue;
		if (/^[\s,，、;；和及]*$/.test(norm.slice(c.end, n.anchor.holderStart))) c.terminated = true;
	}

	const records: Candidate<LostFoundRecord>[] = [];
	for (const c of candidates) {
		if (!c.terminated && !c.zone) continue;
		const rec = buildVoidRecord(page, c);
		if (rec) records.push(rec);
	}
	return records;
}

function buildVoidRecord(page: Page, c: VoidCandidate): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const { start: start, end: end } = trimEdges(norm, { start: c.anchor.holderStart, end: c.end });
	// Keep the closing full stop of the notice inside its span.
	const spanEnd = /[。.!！]/.test(norm[end] ?? '') && end < c.end ? end + 1 : end;
	const whole = norm.slice(start, c.end);
	if (NOT_VOID_RE.test(whole)) return undefined;

	const lead = readLead(page, start, c.anchor.start);
	if (isNewsHolder(norm, lead.holder)) return undefined;
	// 本人罗小军，遗失残疾人证…: the name stands before the comma that stopped the holder.
	let spanStart = start;
	if (!lead.holder) {
		const ls = Math.max(lineStart(page, start), start - 12);
		const self = SELF_NAMED_RE.exec(norm.slice(ls, start));
		if (self?.groups) {
			const ns = start - self[0].length + self[0].indexOf(self.groups.name);
			lead.holder = { start: ns, end: ns + self.groups.name.length };
			spanStart = start - self[0].length;
		}
	}
	// 某便利店，法定代表人：某某，遗失公章…: the organisation before its representative.
	if (!lead.holder) {
		const ls = Math.max(lineStart(page, start), start - 70);
		const rep = LEGAL_REP_RE.exec(norm.slice(ls, start));
		const org = rep?.groups?.org;
		if (rep && org) {
			const os = ls + rep.index;
			const t = trimEdges(norm, { start: os, end: os + org.length });
			lead.holder = t;
			spanStart = t.start;
		}
	}

	// The body runs from the verb to the ending word.
	const bodyEnd = c.terminated ? endOfBody(norm, c.anchor.end, c.end) : c.end;
	const doc = lead.document ?? findDocument(norm, c.anchor.end, bodyEnd);
	const documentNumber = findNumber(page, start, bodyEnd, c.anchor.end);
	if (!doc && !documentNumber) return undefined;

	// Without a name in front: a name labelled in the body (遗失居民身份证一张，姓名：某某 /
	// 名称：某店), else the organisation signing under the notice.
	const named = lead.holder ? undefined : labelledHolder(norm, c.anchor.end, bodyEnd);
	const signer = lead.holder || named ? undefined : signerAfter(page, c.end);
	const holderSpan = lead.holder ?? named ?? signer;
	const holder = holderSpan ? fieldValue(page, holderSpan) : undefined;
	const documentType = doc ? fieldValue(page, { start: doc.start, end: doc.end }) : undefined;
	// The title is built in the script of the page: 張三遺失身份證聲明 on a traditional page.
	const traditional = isTraditional(page, { start: start, end: spanEnd });
	const verb = /遗失/.test(norm.slice(c.anchor.start, c.anchor.end))
		? page.text.slice(c.anchor.end - 2, c.anchor.end)
		: '遗失';
	const title = `${holder ?? ''}${verb}${documentType ?? '证件'}${traditional ? '聲明' : '声明'}`;

	const flags: string[] = [];
	if (!holder) flags.push('未识别声明人');
	if (!documentType) flags.push('未识别证件名称');

	const record: LostFoundRecord = {
		kind: 'lost_found',
		subtype: 'void_notice',
		title,
		source: { file: page.source, start: spanStart, end: spanEnd },
		confidence: 0,
		phones: [],
		emails: []
	};
	if (holder) record.holder = holder;
	if (documentType) record.documentType = documentType;
	if (documentNumber) record.documentNumber = documentNumber;
	if (lead.date) record.date = lead.date.value.slice(0, 10);
	if (lead.place) record.place = fieldValue(page, lead.place);
	const district = findDistrict(page.norm, { start: start, end: spanEnd });
	if (district) record.district = district;
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'lost_found.voidNotice',
			facts: [
				// How the notice ends: a closing formula (声明作废), else a column it sits in.
				c.terminated ? 'terminated' : c.zone && 'zone',
				holder && 'holder',
				documentType && 'documentType',
				documentNumber && 'documentNumber'
			]
		}
	};
}

/** Where the body stops: at the ending word (声明作废 …) inside `[from, to)`. */
function endOfBody(norm: string, from: number, to: number): number {
	VOID_END_RE.lastIndex = 0;
	const m = VOID_END_RE.exec(norm.slice(from, to));
	return m ? from + m.index : to;
}
