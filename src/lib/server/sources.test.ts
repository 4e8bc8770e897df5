import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SourceFormSchema } from '../records/schemas';
import { openTestDatabase } from '../../../tests/helpers/database';
import { importPage } from './pageImport';
import { findSource, listSources, updateSource } from './sources';

const PAGE = {
	file: 'p.txt',
	text: '株洲日报 2024年11月5日\n张三不慎遗失居民身份证，声明作废。',
	paper: '株洲日报',
	published: '2024-11-05',
	page: null
};

describe('SourceFormSchema', () => {
	it('reads the date as papers print it, and refuses what is not one real day', () => {
		const ok = v.parse(SourceFormSchema, { paper: ' 株洲日报 ', published: '2024年11月6日' });
		expect(ok).toEqual({ paper: '株洲日报', published: '2024-11-06', page: '' });
		for (const published of ['2024-02-30', '下个月', '2024-11-05 09:30', ''])
			expect(v.safeParse(SourceFormSchema, { paper: '报', published }).success, published).toBe(
				false
			);
		expect(v.safeParse(SourceFormSchema, { paper: '', published: '2024-11-05' }).success).toBe(
			false
		);
	});
});

describe('updateSource', () => {
	it('corrects a page, logs it, and a re-import of the same page keeps the correction', async () => {
		const { db } = await openTestDatabase();
		const { id: userId } = await db
			.insertInto('users')
			.values({ username: 'mod', password_hash: 'x', role: 'moderator' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const actor = { user: { id: userId, username: 'mod', role: 'moderator' as const }, ip: null };
		const { sourceId } = await importPage(db, PAGE, []);
		const input = { paper: '株洲日报', published: '2024-11-06', page: 'A03' };
		expect(await updateSource(db, sourceId, input, actor)).toBe(true);
		expect(await updateSource(db, sourceId, input, actor)).toBe(false);
		expect(await findSource(db, sourceId)).toMatchObject({ published: '2024-11-06', page: 'A03' });
		const log = await db.selectFrom('audit_log').selectAll().execute();
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ action: 'source-edit', target_type: 'source' });
		expect(JSON.parse(log[0].detail!)).toEqual({
			before: { paper: '株洲日报', published: '2024-11-05', page: null },
			after: { paper: '株洲日报', published: '2024-11-06', page: 'A03' }
		});

		const again = await importPage(db, PAGE, []);
		expect(again).toMatchObject({ sourceId, newSource: false });
		const { rows, total } = await listSources(db, 1);
		expect(total).toBe(1);
		expect(rows[0]).toMatchObject({ published: '2024-11-06', page: 'A03', records: 0 });
		await db.destroy();
	});
});
