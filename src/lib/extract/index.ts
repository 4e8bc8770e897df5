/**
 * The extractor: one pure function from page text to records, in the manner of chrono's
 * configuration — parsers in a fixed order, then refiners in a fixed order.
 */
import { parseContext } from './context';
import type { Parser, Refiner } from './pipeline';
import type { ExtractOptions } from './types';
import type { ExtractedRecord } from '../records/types';
import { hotlineParser } from './parsers/hotline/index';
import { procedureParser } from './parsers/procedure/index';
import { lostFoundParser } from './parsers/lostFound/index';
import { familySearchParser } from './parsers/familySearch';
import { eventParser } from './parsers/event';
import { directoryRefiner } from './refiners/directory';
import { dedupeRefiner } from './refiners/dedupe';
import { districtRefiner } from './refiners/district';
import { confidenceRefiner, scored } from './refiners/confidence';
import { cleanupRefiner } from './refiners/cleanup';

/** Every parser, in the order they run. Order matters only for ties in the refiners. */
export const parsers: Parser[] = [
	hotlineParser,
	procedureParser,
	lostFoundParser,
	familySearchParser,
	eventParser
];

/**
 * Refiners run in this order over all candidates of a page: file the public numbers that other
 * records hold as hotlines too (directory), drop repeated copies (so
 * later steps see one record per notice), then fill districts, then settle confidence, and
 * last strip empty fields so the output matches the contract.
 */
export const refiners: Refiner[] = [
	directoryRefiner,
	dedupeRefiner,
	districtRefiner,
	confidenceRefiner,
	cleanupRefiner
];

/**
 * Extract every record from one page of newspaper text.
 * Never throws on arbitrary text; offsets in `source` index into `text` as given.
 */
export function extract(text: string, options: ExtractOptions): ExtractedRecord[] {
	const ctx = parseContext(text, options);
	let records: ExtractedRecord[] = [];
	// concat, not push(...): a spread of a huge page's records would overflow the call stack.
	// Each candidate's confidence is computed from its evidence (refiners/confidence.ts).
	for (const parser of parsers) records = records.concat(parser.parse(ctx).map(scored));
	for (const refiner of refiners) records = refiner.refine(records, ctx.page);
	return records.sort((a, b) => a.source.start - b.source.start || a.source.end - b.source.end);
}
