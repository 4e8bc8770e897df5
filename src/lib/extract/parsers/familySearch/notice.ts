/**
 * What a notice says once for all its persons: the publisher and the end of the notice period.
 */
import { addDuration, parseCnNumber } from '../../date';
import type { Page } from '../../pipeline';
import { datesIn, durationsIn, fieldValue } from '../../text/fields';
import { isHeadlineLike, isSignerLine, SIGNATURE_DATE_RE } from '../../text/passages';
import { pageLines } from '../../text/lineIndex';
import type { Span } from '../../text/spans';
import type { FamilySearchRecord } from '../../../records/types';
import { ORG_RE, ORG_STOP, PERIOD_END_RE, PERIOD_RE, readable } from './labels';

export function findOrganization(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const norm = page.norm;
	// A signature line at the foot of the notice names the publisher.
	const lines = pageLines(page, start, end).filter((l) => l.text.trim());
	for (const l of lines.slice(-3)) {
		const t = l.text.trim();
		if (isHeadlineLike(t) && isSignerLine(t) && !SIGNATURE_DATE_RE.test(t)) {
			const s = l.start + l.text.indexOf(t);
			return repaired(fieldValue(page, { start: s, end: s + t.length }));
		}
	}
	ORG_RE.lastIndex = 0;
	const m = ORG_RE.exec(norm.slice(start, end));
	if (!m) return undefined;
	let s = start + m.index;
	const e = s + m[0].length;
	for (let k = e - 1; k > s; k--) {
		if (ORG_STOP.test(norm[k - 1])) {
			s = k;
			break;
		}
	}
	return repaired(fieldValue(page, { start: s, end: e }));
}

/** A name as printed, OCR misreads put right (醴陵市救肋管理站 → 醴陵市救助管理站). */
function repaired(v: string | undefined): string | undefined {
	return v === undefined ? v : readable(v);
}

/** The end of the notice period, from 自公告之日起N日 or an explicit date. */
export function findDeadline(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const norm = page.norm;
	const text = norm.slice(start, end);
	const m = PERIOD_RE.exec(text);
	if (m?.groups) {
		const n = parseCnNumber(m.groups.n ?? m.groups.n2 ?? '');
		const u = m.groups.u ?? m.groups.u2;
		if (n) {
			const unit = u === '个月' ? 'month' : u.includes('工作日') ? 'workday' : 'day';
			return addDuration(page.published, { amount: n, unit });
		}
	}
	// 公告期至2024年12月31日止.
	for (const d of datesIn(page, span, 'future')) {
		if (PERIOD_END_RE.test(norm.slice(Math.max(start, d.start - 8), d.start)))
			return d.value.slice(0, 10);
		// 请…于2027年1月13日前…认领: a date the parents must come by.
		const after = norm.slice(d.end, Math.min(end, d.end + 30));
		if (/^\s*(?:前|之前|以前)[^。]{0,24}?(?:认领|联系|领回)/.test(after))
			return d.value.slice(0, 10);
	}
	// A bare duration next to 公告: 公告60日.
	for (const d of durationsIn(norm, span)) {
		if (/公告/.test(norm.slice(Math.max(start, d.start - 6), d.start)))
			return addDuration(page.published, d);
	}
	return undefined;
}

/** What the whole notice says once for all its persons. */
export interface Shared {
	phones: FamilySearchRecord['phones'];
	/** The notice is printed in traditional script. */
	traditional: boolean;
	contactName?: string;
	noticeDeadline?: string;
	organization?: string;
}
