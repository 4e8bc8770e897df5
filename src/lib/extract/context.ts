/**
 * The one parse context: the page (text, normalised text, options) and its passages, built
 * once per page and handed to every parser.
 */
import { normalize } from './normalize';
import type { Page, ParseContext, Parser } from './pipeline';
import { scored } from './refiners/confidence';
import { cutPassages } from './text/passages';
import type { ExtractOptions } from './types';
import type { ExtractedRecord } from '../records/types';

/** The context of one page of text. */
export function parseContext(text: string, options: ExtractOptions): ParseContext {
	const page: Page = {
		text,
		norm: normalize(text),
		source: options.source,
		published: options.published,
		...(options.areaCode ? { areaCode: options.areaCode } : {})
	};
	return { page, passages: cutPassages(page) };
}

/**
 * One parser's records with their confidence computed from its evidence, before the
 * refiners: what the parser tests look at.
 */
export function runParser(parser: Parser, ctx: ParseContext): ExtractedRecord[] {
	return parser.parse(ctx).map(scored);
}
