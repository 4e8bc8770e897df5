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
import type { HotlineRecord } from '../../../records/types';
import { isList, listPhones, listRecords, mayHoldEntryLines, outside } from './list';
import { proseRecords } from './prose';
import { isInCredit } from './labels';
import { runRecords } from './runOn';
import { selfSigned } from './signer';

/** Finds public-service phone lines (咨询电话, 服务热线, 便民电话一览 …). */
export const hotlineParser: Parser = {
	name: 'hotline',
	parse({ page, passages }) {
		const out: Candidate<HotlineRecord>[] = [];
		for (const passage of passages) {
			const before = out.length;
			const phones = pagePhones(page, passage).filter(
				(p) => p.end <= passage.end && !isInCredit(page.norm, p)
			);
			if (!phones.length) {
				// A run of 7-digit locals (X局：8312660；…) has no number found without the list cue.
				for (const record of runRecords(page, passage)) out.push(record);
				continue;
			}
			if (
				isList(page, passage, phones) ||
				(mayHoldEntryLines(page, passage) && isList(page, passage, listPhones(page, passage)))
			) {
				// Entry lines are list records; a sentence inside the list is read as prose.
				const { records, entryLines } = listRecords(page, passage);
				for (const record of records) out.push(record);
				const prose = outside(phones, entryLines);
				for (const record of proseRecords(page, passage, prose)) out.push(record);
			} else {
				// Offices and numbers run together (X局：…；Y局：…): entries, the rest is prose.
				const run = runRecords(page, passage);
				for (const record of run) out.push(record);
				const taken = new Set(run.map((c) => c.record.source.end));
				const rest = phones.filter((p) => !taken.has(p.end));
				for (const record of proseRecords(page, passage, rest)) out.push(record);
			}
			// Only this passage's records: a page of many passages stays linear.
			const signer = out.length > before ? selfSigned(page, passage) : undefined;
			if (signer)
				for (const { record } of out.slice(before))
					if (!record.organization) record.organization = signer;
		}
		// A list line can hold a credit too (（市12345热线服务中心供稿）): no line of the directory.
		return out
			.filter((c) => !isInCredit(page.norm, c.record.source))
			.sort((a, b) => a.record.source.start - b.record.source.start);
	}
};
