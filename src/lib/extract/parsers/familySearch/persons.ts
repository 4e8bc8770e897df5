/**
 * Notices that list several persons (a 福利院 notice with three infants, a rescue station with
 * two people), one paragraph or one line each.
 */
import type { Page } from '../../pipeline';
import { firstDateIn } from '../../text/fields';
import { pageLines, pageParagraphs } from '../../text/lineIndex';
import { trimEdges, type Span } from '../../text/spans';
import { FINDING_RE, PERSON_INTRO_RE } from './labels';

/**
 * The persons of a notice that lists several (a 福利院 notice with three infants, a rescue
 * station with two people): paragraphs — or lines of one paragraph — that each tell a
 * finding with its date. Fewer than two means the notice is about one person.
 */
export function personUnits(page: Page, span: Span): Span[] {
	const { start, end } = span;
	const norm = page.norm;
	const qualifies = ({ start: s, end: e }: Span) =>
		FINDING_RE.test(norm.slice(s, e)) &&
		PERSON_INTRO_RE.test(norm.slice(s, e)) &&
		firstDateIn(page, { start: s, end: e }, 'past') !== undefined;
	let units = pageParagraphs(page, { start, end }).filter(qualifies);
	if (units.length < 2) {
		units = pageLines(page, start, end)
			.map((l) => trimEdges(norm, l))
			.filter((t) => t.end > t.start)
			.filter(qualifies);
	}
	if (units.length < 2) units = clauseUnits(page, span, qualifies);
	return units.length >= 2 ? units : [];
}

/**
 * Persons run together in one paragraph, one clause each (…寻找其亲属：受助人员一，自称…，男，…
 * 被发现；受助人员二，…): the clauses between semicolons, each from its person's introduction
 * (after the lead's colon) to the end of its sentence.
 */
function clauseUnits(page: Page, span: Span, qualifies: (s: Span) => boolean): Span[] {
	const norm = page.norm;
	const out: Span[] = [];
	for (const para of pageParagraphs(page, span)) {
		let from = para.start;
		while (from < para.end) {
			const semi = norm.slice(from, para.end).indexOf(';');
			const end = semi < 0 ? para.end : from + semi;
			// (Searched within the clause only: a long paragraph stays linear.)
			const text = norm.slice(from, end);
			// The last clause ends with its sentence: what follows is the shared contact.
			const stop = semi < 0 ? text.indexOf('。') : -1;
			let clause: Span = { start: from, end: stop >= 0 ? from + stop + 1 : end };
			// The lead before the first person ends with a colon (not a clock's 9:00): the person
			// starts after it (…寻找其亲属：受助人员一，… / 工作人员介绍："一位阿姨…).
			const colon =
				from === para.start || !qualifies(clause)
					? /:(?!\d)(?![^:]*:(?!\d))/.exec(text.slice(0, clause.end - from))
					: null;
			const after = colon && { start: from + colon.index + 1, end: clause.end };
			if (after && qualifies(after)) clause = after;
			clause = trimEdges(norm, clause);
			if (clause.end > clause.start && qualifies(clause)) out.push(clause);
			from = end + 1;
		}
		if (out.length >= 2) return out;
		out.length = 0;
	}
	return out;
}
