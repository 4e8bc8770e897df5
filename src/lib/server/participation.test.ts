import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitTypeBySlug } from '../records/submission';
import { type DB } from './db';
import { openModeratorDatabase } from '../../../tests/helpers/moderatorDb';
import { openTwoHandles } from '../../../tests/helpers/twoHandles';
import type { Actor } from './moderation';
import {
	changeOwnStatus,
	checkFormTime,
	editSubmission,
	findSubmissionByToken,
	LIMITS,
	listReports,
	listSubmissions,
	reportRecord,
	resolveReport,
	setAddressBlocked,
	signFormTime,
	submitNotice,
	submitterHistory,
	SUBMISSION_FLAG,
	SubmissionError,
	tokenHash
} from './participation';
import { findRecordById, setRecordStatus } from './records';

let db: DB;
let actor: Actor;
const T0 = Date.UTC(2026, 10, 30, 2, 0, 0);
const lostItem = submitTypeBySlug('lost_item')!;

/** A genuine form, shown 30 seconds before `at`. */
async function post(values: Record<string, string>, at = T0, address = '203.0.113.7') {
	const form_time = await signFormTime(db, at - 30_000);
	return submitNotice(db, { type: lostItem, values: { form_time, ...values }, address }, at);
}

const WALLET = { item: '棕色皮夹', place: '神农公园', date: '2026-11-28', phones: '13974110001' };

async function count(table: 'records' | 'submissions' | 'participation_events') {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

beforeEach(async () => {
	({ db, actor } = await openModeratorDatabase());
});
afterEach(async () => {
	await db.destroy();
});

describe('posting a notice', () => {
	it('stores a draft for review with a default title, and keeps only the link hash', async () => {
		const result = await post(WALLET);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const record = await findRecordById(db, result.recordId);
		expect(record?.status).toBe('draft');
		expect(record?.title).toBe('寻物启事：棕色皮夹');
		expect(record?.subtype).toBe('lost_item');
		expect(record?.flags).toContain(SUBMISSION_FLAG);
		expect(record?.phones.map((p) => p.number)).toEqual(['13974110001']);
		const stored = await db.selectFrom('submissions').selectAll().executeTakeFirstOrThrow();
		expect(stored.token_hash).toBe(tokenHash(result.token));
		expect(JSON.stringify(stored)).not.toContain(result.token);
	});

	it('reports missing fields in Chinese and stores nothing', async () => {
		const result = await post({ place: '公园' });
		expect(result).toMatchObject({ ok: false, errors: { item: '请填写此项' } });
		if (result.ok || !('errors' in result)) throw new Error('expected field errors');
		expect(result.errors.phones).toContain('联系电话');
		expect(await count('records')).toBe(0);
	});

	it('refuses the honeypot, forged and too-fast forms', async () => {
		expect(await post({ ...WALLET, website: 'http://spam' })).toMatchObject({
			refused: 'honeypot'
		});
		const forged = await submitNotice(
			db,
			{
				type: lostItem,
				values: { ...WALLET, form_time: `${T0 - 60_000}.${'0'.repeat(64)}` },
				address: 'a'
			},
			T0
		);
		expect(forged).toMatchObject({ refused: 'honeypot' });
		const fast = await submitNotice(
			db,
			{
				type: lostItem,
				values: { ...WALLET, form_time: await signFormTime(db, T0 - 2_000) },
				address: 'a'
			},
			T0
		);
		expect(fast).toMatchObject({ refused: 'too_fast' });
		expect(await checkFormTime(db, await signFormTime(db, T0 - 2 * 86_400_000), T0)).toBe(
			'stale_form'
		);
		expect(await count('records')).toBe(0);
	});

	it('refuses a second copy of a post still waiting for review', async () => {
		expect((await post(WALLET)).ok).toBe(true);
		expect(await post({ ...WALLET, item: ' 棕色皮夹 ' }, T0 + 60_000)).toMatchObject({
			refused: 'duplicate'
		});
		expect(await count('records')).toBe(1);
	});

	it('100 rapid posts from one address: the allowed few stored, the rest refused, nothing half-stored', async () => {
		const results = [];
		for (let i = 0; i < 100; i++) {
			results.push(
				await post(
					{ ...WALLET, item: `物品${i}`, phones: `139741${String(i).padStart(5, '0')}` },
					T0 + i * 1000
				)
			);
		}
		const accepted = results.filter((r) => r.ok);
		expect(accepted).toHaveLength(LIMITS.postsPerAddressPerHour);
		for (const r of results.slice(LIMITS.postsPerAddressPerHour)) {
			expect(r).toMatchObject({
				ok: false,
				refused: 'address_limit',
				message: expect.stringContaining('一小时')
			});
		}
		expect(await count('records')).toBe(LIMITS.postsPerAddressPerHour);
		expect(await count('submissions')).toBe(LIMITS.postsPerAddressPerHour);
		// An hour later the address may post again.
		expect(
			(await post({ ...WALLET, item: '雨伞', phones: '13974119999' }, T0 + 3_700_000)).ok
		).toBe(true);
	});

	it('posts sent at once cannot all pass the limit (the count and the insert are one step)', async () => {
		const form_time = await signFormTime(db, T0 - 30_000);
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				submitNotice(
					db,
					{
						type: lostItem,
						values: {
							form_time,
							...WALLET,
							item: `物品${i}`,
							phones: `1397412${String(i).padStart(4, '0')}`
						},
						address: '203.0.113.9'
					},
					T0 + i
				)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(LIMITS.postsPerAddressPerHour);
		expect(await count('submissions')).toBe(LIMITS.postsPerAddressPerHour);
	});

	it('limits one phone number across addresses', async () => {
		for (let i = 0; i < LIMITS.postsPerPhonePerDay; i++) {
			expect((await post({ ...WALLET, item: `物品${i}` }, T0 + i, `198.51.100.${i}`)).ok).toBe(
				true
			);
		}
		expect(await post({ ...WALLET, item: '又一件' }, T0 + 10, '198.51.100.99')).toMatchObject({
			refused: 'phone_limit'
		});
	});

	it('a blocked address is refused; moderators see its history', async () => {
		await post(WALLET);
		await setAddressBlocked(db, { address: '203.0.113.7', blocked: true, reason: '广告' }, actor);
		expect(await post({ ...WALLET, item: '钥匙' }, T0 + 1000)).toMatchObject({
			refused: 'blocked'
		});
		const history = await submitterHistory(db, '203.0.113.7', T0 + 2000);
		expect(history.blocked).toBe(true);
		expect(history.events.map((e) => e.outcome)).toEqual(['refused:blocked', 'accepted']);
		const [row] = await listSubmissions(db, 50, T0 + 2000);
		expect(row).toMatchObject({
			title: '寻物启事：棕色皮夹',
			address: '203.0.113.7',
			blocked: true,
			recentFromAddress: 2,
			refusedFromAddress: 1
		});
	});
});

describe('the private link', () => {
	it('finds the post, edits it before review, not after; withdraws and resolves', async () => {
		const result = await post(WALLET);
		if (!result.ok) throw new Error('post refused');
		expect(await findSubmissionByToken(db, 'a'.repeat(32))).toBeUndefined();
		expect(await findSubmissionByToken(db, '../../etc')).toBeUndefined();
		let own = (await findSubmissionByToken(db, result.token))!;
		expect(own.status).toBe('draft');

		const edited = await editSubmission(db, own, lostItem, { ...WALLET, item: '黑色皮夹' });
		expect(edited.ok).toBe(true);
		expect((await findRecordById(db, result.recordId))?.fields.item).toBe('黑色皮夹');

		// Resolving needs a published notice.
		own = (await findSubmissionByToken(db, result.token))!;
		await expect(changeOwnStatus(db, own, 'resolve')).rejects.toThrow(SubmissionError);
		await db.transaction().execute((trx) =>
			setRecordStatus(trx, result.recordId, 'published', {
				userId: actor.user.id,
				action: 'publish'
			})
		);
		own = (await findSubmissionByToken(db, result.token))!;
		await expect(editSubmission(db, own, lostItem, WALLET)).rejects.toThrow(SubmissionError);
		expect(await changeOwnStatus(db, own, 'resolve')).toBe('resolved');
		own = (await findSubmissionByToken(db, result.token))!;
		expect(await changeOwnStatus(db, own, 'withdraw')).toBe('archived');
	});
});

describe('信息有误 reports', () => {
	it('are stored for moderators, limited per address, and resolved once', async () => {
		const result = await post(WALLET);
		if (!result.ok) throw new Error('post refused');
		const values = { message: '电话号码少了一位', contact: '' };
		expect(
			await reportRecord(
				db,
				{ recordId: result.recordId, values: { message: ' ' }, address: 'x' },
				T0
			)
		).toMatchObject({
			errors: { message: '请说明哪里有误' }
		});
		for (let i = 0; i < LIMITS.reportsPerAddressPerHour; i++) {
			expect(
				(await reportRecord(db, { recordId: result.recordId, values, address: 'x' }, T0 + i)).ok
			).toBe(true);
		}
		expect(
			await reportRecord(db, { recordId: result.recordId, values, address: 'x' }, T0 + 99)
		).toMatchObject({
			refused: 'address_limit'
		});
		const open = await listReports(db);
		expect(open).toHaveLength(LIMITS.reportsPerAddressPerHour);
		expect(open[0]).toMatchObject({
			recordTitle: '寻物启事：棕色皮夹',
			message: '电话号码少了一位'
		});
		await resolveReport(db, { id: open[0].id, status: 'fixed', reply: '已更正' }, actor);
		await expect(
			resolveReport(db, { id: open[0].id, status: 'fixed', reply: '' }, actor)
		).rejects.toThrow(SubmissionError);
		expect(await listReports(db)).toHaveLength(LIMITS.reportsPerAddressPerHour - 1);
	});
});

describe('several app servers on one database', () => {
	it('a form shown by one server is accepted by another, and the limits count both', async () => {
		const { a, b, close } = await openTwoHandles();
		try {
			const results = [];
			for (let i = 0; i < 6; i++) {
				// The form comes from one server, the post lands on the other (a load balancer).
				const form_time = await signFormTime(i % 2 ? a : b, T0 + i * 1000 - 30_000);
				results.push(
					await submitNotice(
						i % 2 ? b : a,
						{
							type: lostItem,
							values: { form_time, ...WALLET, item: `物品${i}`, phones: `1397413000${i}` },
							address: '203.0.113.10'
						},
						T0 + i * 1000
					)
				);
			}
			expect(results.map((r) => (r.ok ? 'ok' : 'refused' in r ? r.refused : 'errors'))).toEqual([
				'ok',
				'ok',
				'ok',
				'address_limit',
				'address_limit',
				'address_limit'
			]);
		} finally {
			await close();
		}
	});
});
