/**
 * The public boundary: every public route sends its data through toPublic, and a record holding
 * an ID number — however printed, wherever stored — never comes out of it unmasked.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedRecord } from '../records/types';
import {
	digitsOnly,
	printedId,
	surrounding,
	type PrintedId
} from '../../../tests/helpers/privacyArbitraries';
import { type DB } from './db';
import { openTestDatabase } from '../../../tests/helpers/database';
import { facetValues, listRecords, newestRecords } from './listings';
import { RenderOnly, renderOnly } from '../renderOnly';
import { toPublic } from './public';
import { findPublicRecord } from './publicRecord';
import { importPage } from './pageImport';
import { searchRecords } from './search/query';

describe('toPublic', () => {
	it('masks every string, deep, and leaves other values alone', () => {
		const value = {
			title: '王某遗失身份证430203198502173310声明',
			n: 430203198502173310,
			ok: true,
			none: null,
			list: ['残疾证 43020219820722601644', { deep: '4302031985\n02173310' }]
		};
		expect(toPublic(value)).toEqual({
			title: '王某遗失身份证430203********3310声明',
			n: 430203198502173310,
			ok: true,
			none: null,
			list: ['残疾证 430202********6016**', { deep: '430203****\n****3310' }]
		});
	});

	it('returns what holds no ID number as it is, and copies only what it masks', () => {
		const clean = { title: '失物招领', phones: [{ number: '0731-22334455' }], n: 3 };
		expect(toPublic(clean)).toBe(clean);
		expect(toPublic(clean.phones)).toBe(clean.phones);
		const marked = renderOnly({ results: [clean] }, false);
		expect(toPublic(marked)).toBe(marked);

		const personal = {
			a: '失物',
			b: '证号430203198502173310',
			c: clean,
			d: ['x', '4302031985 02173310']
		};
		const before = structuredClone(personal);
		const shown = toPublic(personal);
		expect(shown).not.toBe(personal);
		expect(shown).toEqual({
			a: '失物',
			b: '证号430203********3310',
			c: clean,
			d: ['x', '430203**** ****3310']
		});
		// The parts without a number are shared, and the input is left as it was.
		expect(shown.c).toBe(clean);
		expect(personal).toEqual(before);
		expect(Object.keys(shown)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('keeps every key, __proto__ included, as a key of its own', () => {
		const shown = toPublic(JSON.parse('{"__proto__": "430203198502173310", "a": 1}'));
		expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
		expect(Object.keys(shown)).toEqual(['__proto__', 'a']);
		expect(Object.getOwnPropertyDescriptor(shown, '__proto__')?.value).toBe('430203********3310');
	});

	it('masks render-only page data and keeps it marked', () => {
		const marked = renderOnly({ title: '王某遗失身份证430203198502173310声明' }, false);
		const shown = toPublic({ result: marked });
		expect(shown.result).toBeInstanceOf(RenderOnly);
		expect(shown.result.title).toBe('王某遗失身份证430203********3310声明');
		expect(toPublic(renderOnly({ id: '430203198502173310' }, true))).toEqual({
			id: '430203********3310'
		});
	});
});

const ROUTES = join(process.cwd(), 'src/routes');

function serverFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? serverFiles(join(dir, e.name))
			: /^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(e.name)
				? [join(dir, e.name)]
				: []
	);
}

describe('public routes', () => {
	// The private page of a resident's own post (/submit/t/<token>): the token is the key.
	const OWNER_ONLY = ['submit/t/[token]/+page.server.ts'];
	// Routes that send no record data at all.
	const NO_RECORD_DATA = [
		'+layout.server.ts',
		'submit/+page.server.ts',
		// URLs only: record ids, never their text.
		'robots.txt/+server.ts',
		'sitemap.xml/+server.ts',
		'healthz/+server.ts',
		'settings/large-text/+page.server.ts'
	];

	it('send what they read through toPublic (directly or through findPublicRecord)', () => {
		const files = serverFiles(ROUTES)
			.map((f) => relative(ROUTES, f))
			.filter(
				(f) => !f.startsWith('mod/') && !NO_RECORD_DATA.includes(f) && !OWNER_ONLY.includes(f)
			);
		expect(files.length).toBeGreaterThanOrEqual(8);
		for (const file of files) {
			const code = readFileSync(join(ROUTES, file), 'utf8');
			expect(code, file).toMatch(/from '\$lib\/server\/public(Record)?'/);
		}
	});

	it('show a poster their own notice, unmasked so they can correct it, only behind its private link', () => {
		for (const file of OWNER_ONLY) {
			const code = readFileSync(join(ROUTES, file), 'utf8');
			expect(code, file).toMatch(/findSubmissionByToken\(db, event\.params\.token\)/);
			expect(code, file).toMatch(/error\(404/);
		}
	});

	it('list the routes without record data on purpose (they read no records)', () => {
		for (const file of NO_RECORD_DATA) {
			const code = readFileSync(join(ROUTES, file), 'utf8');
			expect(code, file).not.toMatch(/server\/(records|listings|search|publicRecord)/);
		}
	});
});

describe('public outputs of a record holding a randomly printed ID number', () => {
	let db: DB;
	beforeAll(async () => {
		({ db } = await openTestDatabase());
	});
	afterAll(() => db.destroy());

	/** Every string in a value, folded to the digits a reader could copy out of it. */
	function strings(value: unknown): string[] {
		if (typeof value === 'string') return [value];
		if (Array.isArray(value)) return value.flatMap(strings);
		if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
		return [];
	}

	let page = 0;
	async function store(before: string, printed: PrintedId, after: string): Promise<number> {
		const notice = `陈某${before}遗失残疾证，证号${printed.text}${after}，声明作废。`;
		const text = `株洲日报 分类广告\n${notice}\n广告热线：0731-28680000\n`;
		const start = text.indexOf(notice);
		const record: ExtractedRecord = {
			kind: 'lost_found',
			subtype: 'void_notice',
			title: `陈某遗失残疾证${printed.text}声明`,
			source: { file: `p${page}.txt`, start, end: start + notice.length },
			confidence: 0.95,
			district: `芦淞区${printed.text}`,
			phones: [],
			emails: [],
			holder: '陈某',
			documentType: '残疾证',
			documentNumber: printed.text + after,
			place: before + printed.text
		};
		page++;
		const published = `2024-11-${String((page % 28) + 1).padStart(2, '0')}`;
		const { sourceId } = await importPage(
			db,
			{ file: `p${page}.txt`, text, paper: '株洲日报', published, page: 'B0' + page },
			[record]
		);
		const row = await db
			.selectFrom('provenance')
			.select('record_id')
			.where('source_id', '=', sourceId)
			.executeTakeFirstOrThrow();
		return row.record_id;
	}

	it('never contains its birth date in the record, its passage, search, listings or facets', async () => {
		await fc.assert(
			fc.asyncProperty(surrounding, printedId, surrounding, async (before, printed, after) => {
				const id = await store(before, printed, after);
				const birth = printed.id.slice(6, 14);
				const byNumber = toPublic(await searchRecords(db, { q: printed.id }));
				const outputs = [
					await findPublicRecord(db, id),
					toPublic(await searchRecords(db, { q: '陈某' })),
					byNumber,
					toPublic(await newestRecords(db, 8)),
					toPublic(await listRecords(db, 'lost_found', {})),
					toPublic(await facetValues(db, 'lost_found', 'district'))
				];
				expect(outputs[0]).toBeDefined();
				for (const s of strings(outputs)) expect(digitsOnly(s)).not.toContain(birth);
				// The owner typing the whole number still finds the notice.
				expect(byNumber.results.map((r) => r.id)).toContain(id);
			}),
			{ numRuns: 60 }
		);
	});
});
