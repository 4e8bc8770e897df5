/**
 * Procedure records: 网络问政 questions with a department's answer (subtype `qa`, qa.ts) and
 * service guides (办事指南, subtype `guide`): in sections (guide.ts) or told in a news report
 * (reportedGuide.ts). See each file for its format.
 */
import type { Parser } from '../../pipeline';
import { guideRecords } from './guide';
import { qaRecords } from './qa';
import { proseGuides } from './reportedGuide';

/** Finds Q&A pairs and service guides. */
export const procedureParser: Parser = {
	name: 'procedure',
	parse({ page, passages }) {
		const records = [...qaRecords(page), ...guideRecords(page, passages)];
		return records.concat(proseGuides(page, passages, records));
	}
};
