/**
 * 预览 (previewPublicRecord): what a moderator is shown before publishing or saving is what the
 * public page will show — the same masking, the record's sources and printing date kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedRecord } from '../records/types';
import { openDatabase } from './db';
import { findPublicRecord, findPublicRecordPage, previewPublicRecord } from './publicRecord';
import { insertRecord, type RecordInput } from './records';
import { importPage } from './pageImport';

const ID = '430203199001013310';
const content = (title: string): RecordInput => ({
	kind: 'lost_found',
	subtype: 'void_notice',
	title,
	district: '芦淞区',
	fields: { holder: '王小明', documentType: '居民身份证', documentNumber: ID },
	phones: [{ number: '13974100123', raw: '13974100123' }],
	emails: []
});

describe('previewPublicRecord', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('masks a new notice as the public page would, dated today in Beijing, with no sources', async () => {
		const { db } = await openDatabase(':memory:');
		// 00:30 on 2 May in Beijing, still 1 May in UTC.
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-05-01T16:30:00Z'));
		const preview = await previewPublicRecord(db, content(`王小明遗失身份证${ID}声明`));
		expect(preview.title).toBe('王小明遗失身份证430203********3310声明');
		expect(preview.fields).toMatchObject({ documentNumber: '430203********3310' });
		expect(JSON.stringify(preview)).not.toContain('19900101');
		expect(preview.phones[0].number).toBe('13974100123');
		expect(preview.status).toBe('published');
		expect(preview.issuedOn).toBe('2026-05-02');
		expect(preview.sources).toEqual([]);
	});

	it('shows an edit of a printed record with its passage and date, nothing saved', async () => {
		const { db } = await openDatabase(':memory:');
		const text = `株洲日报\n王小明不慎遗失居民身份证，号码${ID}，声明作废。`;
		const record: ExtractedRecord = {
			kind: 'lost_found',
			subtype: 'void_notice',
			title: '王小明遗失居民身份证声明',
			source: { file: 'p.txt', start: 5, end: text.length },
			confidence: 0.95,
			phones: [],
			emails: [],
			holder: '王小明',
			documentType: '居民身份证',
			documentNumber: ID
		};
		await importPage(
			db,
			{ file: 'p.txt', text, paper: '株洲日报', published: '2024-11-05', page: 'B05' },
			[record]
		);
		const { id } = await db.selectFrom('records').select('id').executeTakeFirstOrThrow();
		const preview = await previewPublicRecord(db, content('王小明遗失居民身份证声明（更正）'), id);
		const live = (await findPublicRecord(db, id))!;
		expect(preview.id).toBe(id);
		expect(preview.title).toBe('王小明遗失居民身份证声明（更正）');
		expect(preview.issuedOn).toBe('2024-11-05');
		expect(preview.sources).toEqual(live.sources);
		expect(preview.sources[0].passage).toContain('430203********3310');
		// Nothing was saved.
		expect(live.title).toBe('王小明遗失居民身份证声明');
	});
});

describe('findPublicRecordPage', () => {
	it('is the public record with its printings, masked; a draft has none; a write is seen', async () => {
		const { db } = await openDatabase(':memory:');
		const write = (status: 'published' | 'draft') =>
			db
				.transaction()
				.execute((trx) =>
					insertRecord(trx, content(`王小明遗失身份证${ID}声明`), { status, confidence: 1 })
				);
		const first = await write('published');
		const draft = await write('draft');
		expect(await findPublicRecordPage(db, draft)).toBeUndefined();

		const page = (await findPublicRecordPage(db, first))!;
		expect(page.record.id).toBe(first);
		expect(page.record.title).toBe('王小明遗失身份证430203********3310声明');
		expect(JSON.stringify(page)).not.toContain('19900101');
		expect(page.twins).toEqual([]);
		expect(page.related).toEqual([]);
		// Asked for again soon: kept, and served as it is.
		const kept = await findPublicRecordPage(db, first);
		expect(await findPublicRecordPage(db, first)).toBe(kept);

		// Printed again: the first page now lists the new printing, not what it was memoised as.
		const again = await write('published');
		const after = (await findPublicRecordPage(db, first))!;
		expect(after.twins.map((t) => t.id)).toEqual([again]);
	});
});
