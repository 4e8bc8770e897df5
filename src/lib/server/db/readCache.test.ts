import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord, updateRecord, findRecordInput } from '../records';
import { lostNotice } from '../../../../tests/helpers/processes';
import { openTwoHandles } from '../../../../tests/helpers/twoHandles';
import { sql } from 'kysely';
import { UNVERSIONED_TABLES } from '../../../../migrations/0009_shared_state';
import { testingPostgres } from '../../../../tests/helpers/database';
import { cachedRead, changeStamp, READ_CACHE_SIZE } from './readCache';
import { DATA_VERSION_TTL_MS } from './dialect/sqlite';
import type { DB } from './index';

let a: DB;
let b: DB;
let close: () => Promise<void>;
beforeAll(async () => ({ a, b, close } = await openTwoHandles()));
afterAll(() => close());

/** What server `db` answers for the number of published records, and whether it computed it. */
async function publishedCount(db: DB): Promise<{ n: number; computed: boolean }> {
	let computed = false;
	const n = await cachedRead(db, 'test:published', async () => {
		computed = true;
		const row = await db
			.selectFrom('records')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'published')
			.executeTakeFirstOrThrow();
		return Number(row.n);
	});
	return { n, computed };
}

/**
 * Waits out DATA_VERSION_TTL_MS: on SQLite a server notices another connection's commit within
 * it (its own at once); see directChangeStamp's test for the bound itself.
 */
const afterAnotherServerWrote = () =>
	new Promise((resolve) => setTimeout(resolve, DATA_VERSION_TTL_MS + 5));

describe('the read memo with several processes on one database', () => {
	it('serves a repeated read from the memo while nothing is written', async () => {
		await a
			.transaction()
			.execute((trx) => insertRecord(trx, lostNotice(1), { status: 'published' }));
		expect(await publishedCount(a)).toEqual({ n: 1, computed: true });
		expect(await publishedCount(a)).toEqual({ n: 1, computed: false });
		expect(await publishedCount(b)).toEqual({ n: 1, computed: true });
		expect(await publishedCount(b)).toEqual({ n: 1, computed: false });
	});

	it('drops the memo of every server when one of them writes', async () => {
		expect((await publishedCount(a)).computed).toBe(false);
		// Server b (or the import CLI) adds a record: a's memo must not answer 1 any more.
		await b
			.transaction()
			.execute((trx) => insertRecord(trx, lostNotice(2), { status: 'published' }));
		await afterAnotherServerWrote();
		expect(await publishedCount(a)).toEqual({ n: 2, computed: true });
		expect(await publishedCount(b)).toEqual({ n: 2, computed: true });
	});

	it('sees an edit saved on the other server (a moderator behind a load balancer)', async () => {
		const id = await a
			.transaction()
			.execute((trx) => insertRecord(trx, lostNotice(3), { status: 'draft' }));
		const title = async (db: DB) =>
			cachedRead(db, `test:title:${id}`, async () => {
				const r = await db
					.selectFrom('records')
					.select('title')
					.where('id', '=', id)
					.executeTakeFirstOrThrow();
				return r.title;
			});
		expect(await title(a)).toBe('张三3遗失居民身份证');
		const input = (await findRecordInput(b, id))!;
		const version = await b
			.selectFrom('records')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		await b.transaction().execute((trx) =>
			updateRecord(
				trx,
				id,
				{ ...input, title: '李四遗失居民身份证' },
				{
					expectedVersion: version.version,
					userId: null,
					action: 'edit',
					humanEdited: true
				}
			)
		);
		await afterAnotherServerWrote();
		expect(await title(a)).toBe('李四遗失居民身份证');
	});

	it('answers a read made inside another as of the outer one; the next read sees the write', async () => {
		const { n } = await publishedCount(a);
		// A search's page (outer) reads its scan (inner) from the memo. Another server writes in
		// between: the inner read still answers as of the moment the outer one began.
		const inner = await cachedRead(a, 'test:outer', async () => {
			await b
				.transaction()
				.execute((trx) => insertRecord(trx, lostNotice(9), { status: 'published' }));
			return publishedCount(a);
		});
		expect(inner).toEqual({ n, computed: false });
		await afterAnotherServerWrote();
		expect(await publishedCount(a)).toEqual({ n: n + 1, computed: true });
	});

	it('the stamp stays put while only reads happen, and moves with a write elsewhere', async () => {
		const before = await changeStamp(a);
		await publishedCount(b);
		expect(await changeStamp(a)).toBe(before);
		await b.updateTable('records').set({ district: '芦淞区' }).where('id', '=', 1).execute();
		expect(await changeStamp(a)).not.toBe(before);
	});
});

describe('reads asked for while the same read runs', () => {
	it('share one computation', async () => {
		let computed = 0;
		const slow = async () => {
			computed++;
			await new Promise((resolve) => setTimeout(resolve, 20));
			return computed;
		};
		const answers = await Promise.all(
			Array.from({ length: 5 }, () => cachedRead(a, 'test:shared', slow))
		);
		expect(answers).toEqual([1, 1, 1, 1, 1]);
		expect(computed).toBe(1);
	});

	it('share a failure, which is not remembered', async () => {
		let calls = 0;
		const failing = async () => {
			calls++;
			// Long enough for the second call to read its stamp and join this one: on PostgreSQL
			// that read is a statement over the network, and under CI's load it took over 5 ms.
			await new Promise((resolve) => setTimeout(resolve, 50));
			if (calls === 1) throw new Error('database is locked');
			return 'ok';
		};
		const first = await Promise.allSettled([
			cachedRead(a, 'test:fails', failing),
			cachedRead(a, 'test:fails', failing)
		]);
		expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await cachedRead(a, 'test:fails', failing)).toBe('ok');
		expect(calls).toBe(2);
	});
});

describe("reads kept only when they are asked for again (keep: 'repeated')", () => {
	/** Reads `key`, counting computations in `computed`; each takes `ms` (or a turn of the loop). */
	const counted = (key: string, computed: Map<string, number>, ms = 0) =>
		cachedRead(
			a,
			key,
			async () => {
				computed.set(key, (computed.get(key) ?? 0) + 1);
				await new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
				return key.length;
			},
			{ keep: 'repeated' }
		);

	it('computes the first and second request, then serves the memo', async () => {
		const computed = new Map<string, number>();
		for (let i = 0; i < 4; i++) expect(await counted('test:page-1', computed)).toBe(11);
		expect(computed.get('test:page-1')).toBe(2);
	});

	it('shares one computation between requests that come while it runs', async () => {
		const computed = new Map<string, number>();
		// 20 ms: on PostgreSQL each call first reads the stamp over the network, and a shorter
		// computation could end before the last call asks.
		await Promise.all(Array.from({ length: 5 }, () => counted('test:burst', computed, 20)));
		expect(computed.get('test:burst')).toBe(1);
	});

	it('is not kept when asked again only after READ_CACHE_SIZE other such reads', async () => {
		const computed = new Map<string, number>();
		await counted('test:rare', computed);
		for (let i = 0; i < READ_CACHE_SIZE; i++) await counted(`test:other-${i}`, computed);
		await counted('test:rare', computed);
		await counted('test:rare', computed);
		// Asked again only after 500 others: computed and let go, as the first time. Asked again
		// at once: computed and kept, so the fourth request is served from the memo.
		expect(computed.get('test:rare')).toBe(3);
		await counted('test:rare', computed);
		expect(computed.get('test:rare')).toBe(3);
	});
});

describe('the change counter on PostgreSQL', () => {
	it.runIf(testingPostgres())(
		'every table but the bookkeeping ones bumps data_version when written',
		async () => {
			const { rows } = await sql<{ name: string; versioned: boolean }>`
				select t.tablename as name, exists (
					select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
					where c.relname = t.tablename and g.tgname = t.tablename || '_data_version'
				) as versioned
				from pg_tables t where t.schemaname = current_schema()`.execute(a);
			expect(rows.length).toBeGreaterThan(20);
			const wrong = rows.filter((r) => r.versioned === UNVERSIONED_TABLES.includes(r.name));
			expect(wrong).toEqual([]);
		}
	);
});
