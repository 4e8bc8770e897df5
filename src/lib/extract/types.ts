/**
 * What `extract()` is given. The records it returns are the domain's (records/types.ts).
 */

export interface ExtractOptions {
	/** Name written into `source.file`. */
	source: string;
	/** Publication date (YYYY-MM-DD): the reference for dates without a year. */
	published: string;
	/** The paper's telephone area code (0731 when absent): given to numbers printed without one. */
	areaCode?: string;
}

/** Records at or above this confidence are published on import; the rest wait as drafts. */
export const CONFIDENCE_THRESHOLD = 0.7;
