/**
 * Lost-and-found notices: 遗失声明 (void_notice), 寻物启事 (lost_item) and 招领启事 / 失物招领
 * (found_item).
 *
 * One record per what a reader looks up:
 * - a void notice naming several documents of one holder (公章、财务专用章、法人私章各一枚;
 *   身份证、户口本) is ONE record, its documentType the documents joined by 、, its number the
 *   first labelled one: the holder declared them void together, in one passage (voidNotice.ts);
 * - a list of unclaimed documents by owner (以下身份证请失主认领：甲、乙…) is one record per
 *   name, its passage the name (ownerList.ts);
 * - a bulletin of numbered found things (1.黑色皮夹…；2.儿童自行车…) is one record per line
 *   (numbered.ts), and a table of found things (序号 / 拾获日期 / 拾获地点 / 物品名称) one per
 *   row (foundTable.ts); a table of void notices (序号 / 声明人 / 遗失证件 / 证件号码) is one
 *   void notice per row (voidTable.ts);
 * - 寻物 / 招领 notices under a headline or told in a paragraph (notices.ts, item.ts);
 * - examples and templates (示例, 模板, XX公司, ***, 张三 next to 格式) are never records
 *   (example.ts).
 */
import type { Candidate, Parser } from '../../pipeline';
import type { Span } from '../../text/spans';
import type { LostFoundRecord } from '../../../records/types';
import { isExample } from './example';
import { findFoundTables } from './foundTable';
import { buildItemRecord } from './item';
import { findItemNotices } from './notices';
import { splitNumbered } from './numbered';
import { findOwnerLists } from './ownerList';
import { parseVoidNotices } from './voidNotice';
import { findVoidTables } from './voidTable';

/** Finds 遗失声明 (void_notice), 寻物启事 (lost_item) and 招领启事 (found_item). */
export const lostFoundParser: Parser = {
	name: 'lostFound',
	parse({ page }) {
		const lists = findOwnerLists(page);
		const tables = findFoundTables(page);
		const voidTables = findVoidTables(page);
		const listed = [...lists.spans, ...tables.spans, ...voidTables.spans].sort(
			(x, y) => x.start - y.start
		);
		const items = findItemNotices(page, listed).flatMap((n) => splitNumbered(page, n));
		const records: Candidate<LostFoundRecord>[] = [
			...lists.records,
			...tables.records,
			...voidTables.records
		];
		for (const n of items) {
			// A paragraph that announces the table below it (以下物品…请失主认领) is no notice.
			if (
				tables.spans.some((t) => t.start >= n.end && t.start - n.end < 300) &&
				/以下|下列/.test(page.norm.slice(n.start, n.end))
			)
				continue;
			const r = buildItemRecord(page, n);
			if (r) records.push(r);
		}
		const taken: Span[] = items.map((n) => ({ start: n.start, end: n.end }));
		for (const span of [...lists.spans, ...tables.spans, ...voidTables.spans]) taken.push(span);
		// One by one: a long page holds more notices than a call takes arguments.
		for (const r of parseVoidNotices(page, taken)) records.push(r);
		return records
			.filter((c) => !isExample(page, c.record))
			.sort((a, b) => a.record.source.start - b.record.source.start);
	}
};
