/**
 * Events readers can sign up for: 报名 / 招募 / 征集 notices and the news items that
 * announce a training, a contest or a call for entries *and* say how or by when to join.
 *
 * One passage (a headline and its body) is one candidate. It becomes a record only with a
 * registration word AND a way or a time to register (a phone, an email, 扫码, 现场报名, a
 * deadline). A report of an event that already took place ("吸引了200多名市民报名参加")
 * has the word but no way, so it is not a record. A deadline already passed does not stop
 * a record: the interface shows 报名已截止. A list or a programme gives one record per item.
 */
import type { Candidate, Parser } from '../../pipeline';
import type { EventRecord } from '../../../records/types';
import { BOOKING_RE, SIGNUP_RE } from './labels';
import { headlineOf, isTrailingFields, labelledPage } from './parts';
import { listItems, storyItems } from './programme';
import { buildRecord, eventKey } from './record';
import { rowRecord, timetableOf } from './table';

/** Finds events with a way to sign up (报名 / 招募 / 征集 + how or by when). */
export const eventParser: Parser = {
	name: 'event',
	parse({ page: printed, passages }) {
		const page = labelledPage(printed);
		const list = passages.length ? passages : [{ start: 0, end: page.text.length }];
		const records: Candidate<EventRecord>[] = [];
		const keys = new Set<string>();
		for (let k = 0; k < list.length; k++) {
			let p = list[k];
			// A notice's last lines (主办单位：…, a signature) are short and read as a new
			// headline to the passage cutter; they belong to the notice above.
			while (k + 1 < list.length && isTrailingFields(page, list[k + 1])) {
				p = { ...p, end: list[k + 1].end };
				k++;
			}
			// Every record below comes from buildRecord on a span inside the passage, and it
			// takes none without a registration or booking word: a passage that has neither
			// (most news) is left before its tables, lists and stories are looked for.
			const text = page.norm.slice(p.start, p.end);
			if (!SIGNUP_RE.test(text) && !BOOKING_RE.test(text)) continue;
			// A timetable: one event per row, sharing the notice's way to register.
			const table = timetableOf(page, p);
			if (table) {
				const notice = buildRecord(page, p);
				if (notice) for (const row of table.rows) records.push(rowRecord(page, notice, table, row));
				if (notice) continue;
			}
			const items = listItems(page, p);
			const stories = items.length ? [] : storyItems(page, p);
			const parts = items.length ? items : stories.length ? stories : [p];
			for (const part of parts) {
				const c = stories.length
					? buildRecord(page, part, 'story', headlineOf(page, p))
					: buildRecord(page, part, items.length ? 'list' : undefined);
				if (!c) continue;
				// A paragraph printed again under another headline is the same event.
				const key = eventKey(c.record);
				if (keys.has(key)) continue;
				keys.add(key);
				records.push(c);
			}
		}
		return records;
	}
};
