/**
 * Rows of the tables a lost-and-found column prints (void notices, found things): the cells of
 * a line and where each stands in the page.
 */
import type { Span } from '../../text/spans';

/** A table's cells: split at blanks (NFKC folds the ideographic space) and bars. */
export const CELL_SPLIT_RE = /\s*[|｜]\s*|\s+/;
/** Cells set apart by wide gaps, when one cell holds a blank of its own (雅迪 白色). */
const WIDE_CELL_SPLIT_RE = /\s*[|｜]\s*|\s{2,}/;

/** A row's cells, as many as the header's: split at every blank, else at wide gaps. */
export function rowCells(t: string, n: number): string[] | undefined {
	if (!t) return undefined;
	const cells = t.split(CELL_SPLIT_RE);
	if (cells.length === n) return cells;
	const wide = t.split(WIDE_CELL_SPLIT_RE);
	return wide.length === n ? wide : undefined;
}

/** Each cell's offsets in `norm`, found in order from `from` (where the row's text starts). */
export function cellSpans(norm: string, from: number, cells: readonly string[]): Span[] {
	const at: Span[] = [];
	let k = from;
	for (const c of cells) {
		const i = norm.indexOf(c, k);
		at.push({ start: i, end: i + c.length });
		k = i + c.length;
	}
	return at;
}
