/**
 * Cutting a page into passages (headline + body) with offsets.
 */
import type { Page, Passage } from './pipeline';

/** Cut a page into passages. */
export function cutPassages(page: Page): Passage[] {
	return page.text.length ? [{ start: 0, end: page.text.length }] : [];
}
