import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedRecord } from '../records/types';
import { type DB } from './db';
import { openTestDatabase } from '../../../tests/helpers/database';
import { importFiles } from './importer';
import { findRecordById, updateRecord } from './records';
import { importPage, inputFromExtracted } from './pageImport';

const dir = mkdtempSync(join(tmpdir(), 'bianmin-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTICE_PAGE = [
	'本报讯 今日天气晴。',
	'',
	'遗失声明',
	'王某某遗失身份证，证号430203199912120011，声明作废。',
	'',
	'寻物启事',
	'本人于11月1日在火车站遗失黑色双肩包一个，内有笔记本电脑，请拾到者联系13307330000，必有重谢。'
].join('\n');

describe('importFiles', () => {
	let db: DB;
	beforeAll(async () => {
		({ db } = await openTestDatabase());
	});

	it('imports the seed pages, and a second import adds and changes nothing', async () => {
		const first = await importFiles(db, ['seeds']);
		expect(first.pages).toBe(5);
		expect(first.newPages).toBe(5);
		expect(first.records.new).toBeGreaterThan(10);
		expect(first.problems).toEqual([]);
		const sources = await db.selectFrom('sources').select(['file', 'published', 'paper']).execute();
		expect(sources).toContainEqual({
			file: 'seeds/003_8a439d4fb982b5de.txt',
			published: '2024-11-05',
			paper: '株洲日报'
		});
		const count = async () =>
			Number(
				(
					await db
						.selectFrom('records')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const before = await count();
		const revisionsBefore = (await db.selectFrom('revisions').select('id').execute()).length;
		const second = await importFiles(db, ['seeds']);
		expect(second.records).toEqual({
			new: 0,
			unchanged: first.records.new,
			updated: 0,
			suggested: 0
		});
		expect(second.newPages).toBe(0);
		expect(await count()).toBe(before);
		expect((await db.selectFrom('revisions').select('id').execute()).length).toBe(revisionsBefore);
	});

	it('reports bad files by name and goes on with the rest', async () => {
		writeFileSync(join(dir, 'a-empty.txt'), '');
		writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
		writeFileSync(join(dir, 'c-good.txt'), NOTICE_PAGE);
		// GB18030 bytes of "遗失声明\n李某遗失学生证，声明作废。"
		writeFileSync(
			join(dir, 'd-gbk.txt'),
			new TextEncoderGb().encode('遗失声明\n李某遗失学生证，声明作废。')
		);
		const summary = await importFiles(db, [dir], { published: '2024-11-05' });
		expect(summary.skipped).toBe(2);
		expect(summary.pages).toBe(2);
		expect(summary.problems.map((p) => p.file.split('/').pop())).toEqual(
			expect.arrayContaining(['a-empty.txt', 'b-binary.txt', 'd-gbk.txt'])
		);
		expect(summary.problems.find((p) => p.file.endsWith('d-gbk.txt'))?.message).toMatch(/gb18030/);
		const kinds = await db
			.selectFrom('records')
			.innerJoin('provenance', 'provenance.record_id', 'records.id')
			.innerJoin('sources', 'sources.id', 'provenance.source_id')
			.select(['records.kind', 'records.subtype', 'sources.file'])
			.where('sources.file', 'like', `${dir}%`)
			.execute();
		expect(kinds).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ subtype: 'void_notice', file: join(dir, 'c-good.txt') }),
				expect.objectContaining({ subtype: 'void_notice', file: join(dir, 'd-gbk.txt') })
			])
		);
	});

	it("gives a page's numbers its manifest entry's area code, else the option's, else 0731", async () => {
		// Pages are told apart by their text (a page imported again is the same source).
		const page = (n: string) => `兰州晚报 ${n}\n\n市人社局就业创业服务咨询电话：8468001。\n`;
		const withManifest = join(dir, 'lanzhou');
		const without = join(dir, 'no-manifest');
		for (const d of [withManifest, without]) {
			rmSync(d, { recursive: true, force: true });
			mkdirSync(d);
		}
		writeFileSync(join(withManifest, 'a.txt'), page('A07'));
		writeFileSync(
			join(withManifest, 'manifest.json'),
			JSON.stringify({
				pages: [
					{
						file: 'a.txt',
						paper: '兰州晚报',
						published: '2024-09-05',
						page: 'A07',
						areaCode: '0931'
					}
				]
			})
		);
		writeFileSync(join(without, 'b.txt'), page('A08'));
		const numbers = async (file: string) =>
			(
				await db
					.selectFrom('record_phones')
					.innerJoin('provenance', 'provenance.record_id', 'record_phones.record_id')
					.innerJoin('sources', 'sources.id', 'provenance.source_id')
					.select('record_phones.number')
					.where('sources.file', '=', file)
					.execute()
			).map((r) => r.number);
		await importFiles(db, [withManifest], { areaCode: '0738' });
		expect(await numbers(join(withManifest, 'a.txt'))).toEqual(['0931-8468001']);
		// No manifest: a 7-digit number is no Zhuzhou number, but it is one of the option's city.
		await importFiles(db, [without], { published: '2024-09-05' });
		expect(await numbers(join(without, 'b.txt'))).toEqual([]);
		rmSync(join(without, 'b.txt'));
		writeFileSync(join(without, 'c.txt'), page('A09'));
		await importFiles(db, [without], { published: '2024-09-05', areaCode: '0931' });
		expect(await numbers(join(without, 'c.txt'))).toEqual(['0931-8468001']);
	});
});

/** Minimal GB18030 encoder for the few characters the test needs (Node has only a decoder). */
class TextEncoderGb {
	encode(text: string): Uint8Array {
		const bytes: number[] = [];
		const decoder = new TextDecoder('gb18030');
		for (const ch of text) {
			if (ch.charCodeAt(0) < 128) {
				bytes.push(ch.charCodeAt(0));
				continue;
			}
			// Search the two-byte GBK range for the character (fast enough for a dozen characters).
			let found = false;
			for (let hi = 0x81; hi <= 0xfe && !found; hi++) {
				for (let lo = 0x40; lo <= 0xfe; lo++) {
					if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
						bytes.push(hi, lo);
						found = true;
						break;
					}
				}
			}
			if (!found) throw new Error(`no GBK code for ${ch}`);
		}
		return new Uint8Array(bytes);
	}
}

describe('importPage and moderator edits', () => {
	const page = {
		file: 'p.txt',
		text: NOTICE_PAGE,
		paper: '测试报',
		published: '2024-11-05',
		page: 'A1'
	};
	const record = (holder: string): ExtractedRecord => ({
		kind: 'lost_found',
		subtype: 'void_notice',
		title: `${holder}遗失身份证声明`,
		source: { file: 'p.txt', start: 18, end: 50 },
		confidence: 0.9,
		phones: [],
		emails: [],
		holder,
		documentType: '身份证',
		documentNumber: '430203199912120011'
	});

	it('never overwrites a moderator edit: a changed extraction becomes a suggestion', async () => {
		const { db } = await openTestDatabase();
		const first = await importPage(db, page, [record('王某某')]);
		expect(first.outcomes.new).toBe(1);
		const [{ id }] = await db.selectFrom('records').select('id').execute();
		expect((await findRecordById(db, id))?.status).toBe('published');

		await db.transaction().execute((trx) =>
			updateRecord(
				trx,
				id,
				{ ...inputFromExtracted(record('王某某')), title: '王某某遗失身份证（已核实）' },
				{
					userId: null,
					action: 'edit',
					humanEdited: true,
					expectedVersion: 1
				}
			)
		);
		const again = await importPage(db, page, [record('王某')]);
		expect(again.outcomes).toEqual({ new: 0, unchanged: 0, updated: 0, suggested: 1 });
		expect((await findRecordById(db, id))?.title).toBe('王某某遗失身份证（已核实）');
		const suggestions = await db.selectFrom('suggestions').selectAll().execute();
		expect(suggestions).toHaveLength(1);
		expect(JSON.parse(suggestions[0].data).fields.holder).toBe('王某');
		// The same changed extraction again does not pile up suggestions.
		expect((await importPage(db, page, [record('王某')])).outcomes.suggested).toBe(0);
	});

	it('updates a record nobody edited when the extraction changes, with a revision', async () => {
		const { db } = await openTestDatabase();
		await importPage(db, page, [record('王某某')]);
		const changed = await importPage(db, page, [record('王某')]);
		expect(changed.outcomes.updated).toBe(1);
		const revisions = await db
			.selectFrom('revisions')
			.select(['version', 'action'])
			.orderBy('id')
			.execute();
		expect(revisions).toEqual([
			{ version: 1, action: 'import' },
			{ version: 2, action: 'reimport' }
		]);
	});

	it('imports low-confidence records as drafts and flags probable duplicates', async () => {
		const { db } = await openTestDatabase();
		await importPage(db, page, [{ ...record('赵某'), confidence: 0.4, flags: ['测试：信息不全'] }]);
		const other = { ...page, text: page.text + '\n（重复刊登）' };
		await importPage(db, other, [record('赵某')]);
		const rows = await db
			.selectFrom('records')
			.select(['status', 'flags', 'duplicate_of'])
			.orderBy('id')
			.execute();
		expect(rows[0]).toMatchObject({ status: 'draft', flags: JSON.stringify(['测试：信息不全']) });
		expect(rows[1].status).toBe('draft');
		expect(rows[1].duplicate_of).not.toBeNull();
		expect(JSON.parse(rows[1].flags)[0]).toMatch(/重复/);
	});
});

describe('importFiles with PDF and image pages', () => {
	it('imports a PDF through the same path as an upload, once', async () => {
		const { db } = await openTestDatabase();
		const pdfDir = mkdtempSync(join(tmpdir(), 'bianmin-import-pdf-'));
		try {
			// A one-page PDF with a text layer, written by mupdf (the reader the importer uses).
			const mupdf = await import('mupdf');
			const doc = new mupdf.PDFDocument();
			const font = doc.addSimpleFont(new mupdf.Font('Helvetica'));
			const resources = doc.addObject({ Font: { F1: font } });
			const content = 'BT /F1 14 Tf 40 760 Td (Hotline 0731-28812345) Tj ET';
			doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, resources, content));
			const path = join(pdfDir, 'page.pdf');
			writeFileSync(path, doc.saveToBuffer('').asUint8Array());
			writeFileSync(
				join(pdfDir, 'manifest.json'),
				JSON.stringify({
					pages: [{ file: 'page.pdf', paper: '株洲晚报', published: '2026-11-24', page: 'A02' }]
				})
			);
			const first = await importFiles(db, [pdfDir]);
			expect(first.problems).toEqual([]);
			expect(first.pages).toBe(1);
			expect(first.newPages).toBe(1);
			const source = await db
				.selectFrom('sources')
				.innerJoin('source_files', 'source_files.source_id', 'sources.id')
				.select(['sources.paper', 'sources.published', 'sources.page', 'sources.text'])
				.executeTakeFirstOrThrow();
			expect(source).toMatchObject({ paper: '株洲晚报', published: '2026-11-24', page: 'A02' });
			expect(source.text).toContain('0731-28812345');
			const again = await importFiles(db, [pdfDir]);
			expect(again.newPages).toBe(0);
			expect(again.problems[0].message).toMatch(/same file as upload #1/);
			const files = await db.selectFrom('page_files').select('id').execute();
			expect(files).toHaveLength(1);
		} finally {
			rmSync(pdfDir, { recursive: true, force: true });
			await db.destroy();
		}
	});
});
