import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../../context';
import type { FamilySearchRecord } from '../../../records/types';
import { familySearchParser } from '.';

function parse(text: string, published = '2024-11-05'): FamilySearchRecord[] {
	return runParser(
		familySearchParser,
		parseContext(text, { source: 'page.txt', published })
	) as FamilySearchRecord[];
}

describe('tables of persons', () => {
	it('files one record per row, fields taken from their columns', () => {
		const row1 = '1　株秋实　男　2026年6月（估）　2026年7月8日　某区某社区垃圾站旁';
		const row2 = '2　株秋月　女　2026年7月2日　2026年7月15日　某区一废弃岗亭内';
		const text = `某市儿童福利院查找弃婴生父母公告\n\n下列儿童由公安机关送我院代养，请其生父母自本公告发布之日起60日内到我院认领。\n\n序号\u3000姓名\u3000性别\u3000出生日期\u3000捡拾日期\u3000捡拾地点\n${row1}\n${row2}\n\n联系电话：0731-22190000`;
		const records = parse(text, '2026-09-01');
		expect(records.map((r) => text.slice(r.source.start, r.source.end))).toEqual([row1, row2]);
		// The found date is the 捡拾日期 column, not the first date of the row (出生日期).
		expect(records[1]).toMatchObject({
			personName: '株秋月',
			gender: '女',
			foundAt: '2026-07-15',
			place: '某区一废弃岗亭内',
			noticeDeadline: '2026-10-31'
		});
		expect(records[0].phones.map((p) => p.number)).toEqual(['0731-22190000']);
	});
});
