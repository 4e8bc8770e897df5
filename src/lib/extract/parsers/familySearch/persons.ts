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
	return units.length >= 2 ? units : [];
}
