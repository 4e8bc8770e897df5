/**
 * The extractor: one pure function from page text to records, in the manner of chrono's
 * configuration — parsers in a fixed order, then refiners in a fixed order.
 */
import { normalize } from './normalize';
import { cutPassages } from './passages';
import type { Page, Parser, Refiner } from './pipeline';
import type { ExtractOptions, ExtractedRecord } from './types';
import { hotlineParser } from './parsers/hotline';
import { procedureParser } from './parsers/procedure';
import { lostFoundParser } from './parsers/lostFound';
import { familySearchParser } from './parsers/familySearch';
import { eventParser } from './parsers/event';

/** Every parser, in the order they run. Order matters only for ties in the refiners. */
export const parsers: Parser[] = [
	hotlineParser,
	procedureParser,
	lostFoundParser,
	familySearchParser,
	eventParser
];

/** Refiners run in this order over all candidates of a page. */
export const refiners: Refiner[] = [];

/**
 * Extract every record from one page of newspaper text.
 * Never throws on arbitrary text; offsets in `source` index into `text` as given.
 */
export function extract(text: string, options: ExtractOptions): ExtractedRecord[] {
	const page: Page = {
		text,
		norm: normalize(text),
		source: options.source,
		published: options.published
	};
	const passages = cutPassages(page);
	let records: ExtractedRecord[] = [];
	for (const parser of parsers) records.push(...parser.parse(page, passages));
	for (const refiner of refiners) records = refiner.refine(records, page);
	return records.sort((a, b) => a.source.start - b.source.start || a.source.end - b.source.end);
}
