/**
 * The extraction pipeline's moving parts, in the manner of chrono's Parser/Refiner:
 * parsers each look for one kind of record; refiners then run in a fixed order over
 * all candidates (see `refiners` in index.ts for the list and its order).
 */
import type { Evidence } from './refiners/confidence';
import type { ExtractedRecord } from '../records/types';

/** One page of newspaper text, as given and as normalised. */
export interface Page {
	/** The file's text exactly as JavaScript read it. Offsets point into this. */
	text: string;
	/**
	 * Same length as `text`, character for character: NFKC-folded (full-width → half-width),
	 * traditional → simplified. Parsers match on `norm` and report offsets that are valid in both.
	 */
	norm: string;
	/** `source.file` of every record. */
	source: string;
	/** YYYY-MM-DD, the reference for dates printed without a year. */
	published: string;
	/** The paper's telephone area code (0731 when not given): numbers printed without one get it. */
	areaCode?: string;
}

/** A run of the page that belongs together: a headline and its body, or one notice. */
export interface Passage {
	start: number;
	end: number;
	/** The headline line, when the passage starts with one. */
	headline?: string;
}

/** What every parser is handed: built once per page by `parseContext` (context.ts). */
export interface ParseContext {
	readonly page: Page;
	/** The page cut into passages (text/passages.ts `cutPassages`), in page order. */
	readonly passages: readonly Passage[];
}

/**
 * What a parser returns: a record, and the evidence its confidence is computed from in
 * refiners/confidence.ts. The record's own `confidence` is set there, not by the parser.
 */
export interface Candidate<R extends ExtractedRecord = ExtractedRecord> {
	record: R;
	evidence: Evidence;
}

export interface Parser {
	readonly name: string;
	parse(ctx: ParseContext): Candidate[];
}

export interface Refiner {
	readonly name: string;
	refine(records: ExtractedRecord[], page: Page): ExtractedRecord[];
}
