/**
 * Hotline records: numbers with a label that says what they are for.
 */
import type { Parser } from '../pipeline';

/** Finds public-service phone lines (咨询电话, 服务热线, 便民电话一览 …). */
export const hotlineParser: Parser = {
	name: 'hotline',
	parse() {
		return [];
	}
};
