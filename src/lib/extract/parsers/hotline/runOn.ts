/**
 * Numbers run together in one sentence, each after its office: 市教育考试院8821 5500；雁峰区
 * 教育局：8312660；石鼓区教育局：8282550。 Two or more such entries set apart by ；/、 make a
 * run; each entry is a record named by its office. Read as a list, so 7-digit locals count.
 */
import type { PhoneMatch } from '../../phone';
import { pagePhones } from '../../text/fields';
import type { Candidate, Page, Passage } from '../../pipeline';
import { isOrganizationName } from '../../text/organizations';
import { nonBlankLines } from '../../text/spans';
import type { HotlineRecord } from '../../../records/types';
import { makeRecord } from './naming';

/** Two office-and-number entries at least, in one sentence. */
const RUN_MIN = 2;
/** The office's own colon before its number: 雁峰区教育局：8312660 */
const OWN_COLON_RE = /\s?:\s*$/;

/** True when `line` holds at least `n` semicolons: counted without an array of matches. */
function hasSemicolons(line: string, n: number): boolean {
	for (let i = line.indexOf(';'), found = 0; i >= 0; i = line.indexOf(';', i + 1))
		if (++found >= n) return true;
	return n <= 0;
}

export function runRecords(page: Page, passage: Passage): Candidate<HotlineRecord>[] {
	const out: Candidate<HotlineRecord>[] = [];
	// Lines, not sentences: the run's entries are set apart by ；, which ends a sentence.
	for (const s of nonBlankLines(page.norm, passage.start, passage.end)) {
		if (!hasSemicolons(page.norm.slice(s.start, s.end), RUN_MIN - 1)) continue;
		// findPhones(page.norm, { start, end, original: page.text, list: true, areaCode }),
		// answered from the page's index.
		const phones = pagePhones(page, s, true);
		const entries: { p: PhoneMatch; org: { start: number; end: number } }[] = [];
		let from = s.start;
		for (const p of phones) {
			// The office is the text since the last separator (or the lead's colon).
			const before = page.norm.slice(from, p.start).replace(OWN_COLON_RE, '');
			const cut = Math.max(...[';', '、', ':', ',', '。'].map((c) => before.lastIndexOf(c)));
			const raw = before.slice(cut + 1);
			const name = raw.trim();
			const at = from + cut + 1 + (raw.length - raw.trimStart().length);
			if (isOrganizationName(name)) entries.push({ p, org: { start: at, end: at + name.length } });
			from = p.end;
		}
		if (entries.length < RUN_MIN) continue;
		for (const { p, org } of entries) {
			const c = makeRecord(
				page,
				{ start: org.start, end: p.end },
				p,
				page.text.slice(org.start, org.end),
				'hotline.listEntry'
			);
			c.record.organization = c.record.name;
			out.push(c);
		}
	}
	return out;
}
