/**
 * A notice that speaks for its signer (我公司定于… / 本局提醒…, signed 株洲市自来水有限责任公司 and a
 * date): the numbers it offers are that organisation's, though no label names it.
 */
import type { Page, Passage } from '../../pipeline';
import { isSignerLine, SIGNATURE_DATE_RE } from '../../text/passages';
import { isOrganizationName } from '../../text/organizations';
import { nonBlankLines, type Span } from '../../text/spans';

/** How far after its "we" a notice's signature may stand, in characters. */
const SIGNATURE_REACH = 1600;

/** The notice says "we": 我公司 / 本局 / 我中心 … */
const SELF_RE = /[我本](?:公司|局|中心|单位|所|站|院|厂|办|委)/;

/** The organisation that signs the passage, when the passage speaks as it; else undefined. */
export function selfSigned(page: Page, passage: Passage): string | undefined {
	const self = SELF_RE.exec(page.norm.slice(passage.start, passage.end));
	if (!self) return undefined;
	// The signature closes the notice after it speaks as "we": an organisation line over a
	// date line, in the passage or just under it (a blank line may set it apart).
	const from = passage.start + self.index;
	const to = Math.min(page.norm.length, passage.end + 120, from + SIGNATURE_REACH);
	let prev: Span | undefined;
	for (const line of nonBlankLines(page.norm, from, to)) {
		const t = page.norm.slice(line.start, line.end).trim();
		if (prev && SIGNATURE_DATE_RE.test(t)) {
			const org = page.norm.slice(prev.start, prev.end).trim();
			if (isSignerLine(org) && isOrganizationName(org))
				return page.text.slice(prev.start, prev.end).trim();
		}
		prev = line;
	}
	return undefined;
}
