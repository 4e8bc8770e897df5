/**
 * Procedure records: 网络问政 questions with a department's answer, and 办事指南 guides.
 */
import type { Parser } from '../pipeline';

/** Finds Q&A pairs and service guides. */
export const procedureParser: Parser = {
	name: 'procedure',
	parse() {
		return [];
	}
};
