/** Helpers for the lost_found parser's tests: run it alone on a text, read a record's passage. */
import { parseContext, runParser } from '../../src/lib/extract/context';
import type { LostFoundRecord } from '../../src/lib/records/types';
import { lostFoundParser } from '../../src/lib/extract/parsers/lostFound/index';

/** The lost_found records of `text`, scored, on a page published on `published`. */
export function parse(text: string, published = '2024-11-05'): LostFoundRecord[] {
	return runParser(
		lostFoundParser,
		parseContext(text, { source: 'page.txt', published })
	) as LostFoundRecord[];
}

/** The printed passage of a record. */
export function spanOf(text: string, r: LostFoundRecord): string {
	return text.slice(r.source.start, r.source.end);
}
