/**
 * Procedure records: 网络问政 questions with a department's answer (subtype `qa`, qa.ts), rows
 * of a Q&A table (qaTable.ts), and service guides (办事指南, subtype `guide`): in sections
 * (guide.ts), told in a news report or as numbered points under a headline (reportedGuide.ts).
 * See each file for its format.
 */
import type { Parser } from '../../pipeline';
import { guideRecords } from './guide';
import { qaRecords } from './qa';
import { qaTableRecords } from './qaTable';
import { pointGuides, proseGuides } from './reportedGuide';
import { transcriptRecords } from './transcript';

/** Finds Q&A pairs and service guides. */
export const procedureParser: Parser = {
	name: 'procedure',
	parse({ page, passages }) {
		const qa = qaRecords(page);
		// A transcript turn that the Q&A markers already paired is that record, not a second one.
		const taken = (r: { source: { start: number; end: number } }) =>
			qa.some((c) => c.record.source.start < r.source.end && r.source.start < c.record.source.end);
		const turns = transcriptRecords(page).filter((c) => !taken(c.record));
		// Rows of a Q&A table (| 网友问题 | 答复内容 | 答复单位 |) that no marker paired.
		const rows = qaTableRecords(page).filter((c) => !taken(c.record));
		const records = [...qa, ...turns, ...rows, ...guideRecords(page, passages)];
		const prose = records.concat(proseGuides(page, passages, records));
		return prose.concat(pointGuides(page, prose));
	}
};
