/**
 * The one rule for a page's publication date, shared by `npm run import`, `npm run extract` and
 * the moderators' upload: the manifest entry (what the operator recorded for that file), else
 * the date given on the command line or in the form, else a dateline printed in the text, else
 * today in Beijing. An explicit date beats a dateline because datelines also appear inside
 * articles (a story quoting an earlier issue).
 */
import { today } from '../clock';
import { publishedFromText } from '../extract/date';
import { normalize } from '../extract/normalize';

export type PublishedFrom = 'manifest' | 'given' | 'dateline' | 'today';

export function publicationDate(
	page: { manifest?: string; given?: string; text: string },
	now: Date = new Date()
): { date: string; from: PublishedFrom } {
	if (page.manifest) return { date: page.manifest, from: 'manifest' };
	if (page.given) return { date: page.given, from: 'given' };
	const dateline = publishedFromText(normalize(page.text));
	if (dateline) return { date: dateline, from: 'dateline' };
	return { date: today(now), from: 'today' };
}
