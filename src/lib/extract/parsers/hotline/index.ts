/**
 * Hotline records: phone numbers whose label says what they are for.
 *
 * Two formats, one file each: lists of service numbers (list.ts), where every entry is a record,
 * and numbers inside prose (prose.ts), where only a number with a purpose label becomes one.
 * Numbers that belong to someone else's record are left alone: the newspaper's own lines, the
 * contact of a lost-item or family notice, an event's 报名电话, a reporter's phone.
 */
import { pagePhones } from '../../text/fields';
import type { Candidate, Parser } from '../../pipeline';
import type { HotlineRecord } from '../../types';
import { isList, listPhones, listRecords, outside } from './list';
import { proseRecords } from './prose';

/** Finds public-service phone lines (咨询电话, 服务热线, 便民电话一览 …). */
export const hotlineParser: Parser = {
	name: 'hotline',
	parse({ page, passages }) {
		const out: Candidate<HotlineRecord>[] = [];
		for (const passage of passages) {
			const phones = pagePhones(page, passage).filter((p) => p.end <= passage.end);
			if (!phones.length) continue;
			if (isList(page, passage, phones) || isList(page, passage, listPhones(page, passage))) {
				// Entry lines are list records; a sentence inside the list is read as prose.
				const { records, entryLines } = listRecords(page, passage);
				for (const record of records) out.push(record);
				const prose = outside(phones, entryLines);
				for (const record of proseRecords(page, passage, prose)) out.push(record);
			} else for (const record of proseRecords(page, passage, phones)) out.push(record);
		}
		return out.sort((a, b) => a.record.source.start - b.record.source.start);
	}
};
