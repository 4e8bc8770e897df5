/**
 * Residents take part: notices posted without an account (always reviewed before anyone sees
 * them), the poster's private link, 信息有误 reports, and the limits that keep both usable
 * for people on old phones while keeping floods out.
 *
 * Abuse controls, in the order a post meets them: a blocked address; the honeypot field; the
 * signed time the form was shown (faster than a person can type, or older than a day); the
 * record schema; the limits per address and per phone (counted on accepted posts, so a typo
 * costs nothing); a duplicate of a post still waiting for review. Every attempt, accepted or
 * refused, is one row in participation_events: the limits count them, moderators read them.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import * as v from 'valibot';
import { normalize } from '../extract/normalize';
import { canTransition } from '../records/lifecycle';
import { RecordFormSchema, formErrors, toRecordContent } from '../records/schemas';
import { defaultTitle, ReportSchema, type SubmitType } from '../records/submission';
import type { DB } from './db';
import { sql, type Transaction } from 'kysely';
import type { Database, ReportStatus } from './db/schema';
import type { RecordStatus } from '../records/kinds';
import { logAudit } from './audit';
import { withKeyLocks } from './db/keyLocks';
import type { Actor } from './moderation';
import {
	findRecordById,
	insertRecord,
	setRecordStatus,
	updateRecord,
	type RecordInput
} from './records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Limits, generous for a family posting a few notices and tight for a script. */
export const LIMITS = {
	postsPerAddressPerHour: 3,
	postsPerAddressPerDay: 10,
	postsPerPhonePerDay: 3,
	reportsPerAddressPerHour: 5,
	/** Nobody fills in a notice in under 5 seconds; scripts do. */
	minFillMs: 5_000,
	/** A form shown more than a day ago is stale (the page was left open, or replayed). */
	maxFillMs: DAY
} as const;

/** The flag a resident's post carries in the moderators' queue. */
export const SUBMISSION_FLAG = '市民投稿，请核实后发布';

export type RefusalReason =
	| 'blocked'
	| 'honeypot'
	| 'too_fast'
	| 'stale_form'
	| 'address_limit'
	| 'phone_limit'
	| 'duplicate';

/** What the poster reads; the same words whether the refusal is a bot trap or a limit. */
export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
	blocked: '您所在的网络暂时不能提交，请拨打 12345 或联系报社。',
	honeypot: '提交没有成功，请刷新页面后重试。',
	too_fast: '提交太快了，请检查填写的内容后再提交一次。',
	stale_form: '页面打开太久，已经过期。您填写的内容还在，请再提交一次。',
	address_limit: '同一网络提交次数过多，请过一小时后再试。',
	phone_limit: '这个联系电话今天提交次数过多，请明天再试。',
	duplicate: '您已经提交过相同的信息，正在等待审核，不必重复提交。'
};

export type SubmitResult =
	| { ok: true; recordId: number; token: string }
	| { ok: false; refused: RefusalReason; message: string }
	| { ok: false; errors: Record<string, string> };

// ---- signed form time -------------------------------------------------------------------

async function formSecret(db: DB): Promise<Uint8Array> {
	const existing = await db
		.selectFrom('app_secrets')
		.select('value')
		.where('name', '=', 'form_time')
		.executeTakeFirst();
	if (existing) return hexBytes(existing.value);
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	// Two first requests may race: the first insert wins and both read it back.
	await db
		.insertInto('app_secrets')
		.values({ name: 'form_time', value: encodeHexLowerCase(bytes) })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	return formSecret(db);
}

function hexBytes(hex: string): Uint8Array {
	return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

function mac(secret: Uint8Array, text: string): string {
	return encodeHexLowerCase(hmac(SHA256, secret, new TextEncoder().encode(text)));
}

/** The value of the hidden form-time field: when the form was shown, signed. */
export async function signFormTime(db: DB, now = Date.now()): Promise<string> {
	return `${now}.${mac(await formSecret(db), String(now))}`;
}

/** Whether a posted form time is genuine and in range; a forged one counts as a bot. */
export async function checkFormTime(
	db: DB,
	value: string | undefined,
	now = Date.now()
): Promise<'ok' | 'honeypot' | 'too_fast' | 'stale_form'> {
	const m = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(value ?? '');
	if (!m || mac(await formSecret(db), m[1]) !== m[2]) return 'honeypot';
	const elapsed = now - Number(m[1]);
	if (elapsed < LIMITS.minFillMs) return 'too_fast';
	if (elapsed > LIMITS.maxFillMs) return 'stale_form';
	return 'ok';
}

// ---- limits and history -----------------------------------------------------------------

const addressKey = (address: string) => `ip:${address}`;
const phoneKey = (digits: string) => `phone:${digits}`;

async function acceptedSince(
	db: DB | Transaction<Database>,
	key: string,
	action: 'submit' | 'report',
	since: number
) {
	const row = await db
		.selectFrom('participation_events')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('key', '=', key)
		.where('action', '=', action)
		.where('outcome', '=', 'accepted')
		.where('at', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

async function logEvent(
	db: DB | Transaction<Database>,
	keys: string[],
	action: 'submit' | 'report',
	outcome: string,
	now: number
): Promise<void> {
	await db
		.insertInto('participation_events')
		.values(keys.map((key) => ({ key, action, outcome, at: now })))
		.execute();
}

export async function isBlocked(db: DB, address: string): Promise<boolean> {
	const row = await db
		.selectFrom('blocked_addresses')
		.select('address')
		.where('address', '=', address)
		.executeTakeFirst();
	return row !== undefined;
}

// ---- posting ----------------------------------------------------------------------------

/** 20 random bytes as base32: the poster's private link. Only its SHA-256 is stored. */
function newToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function tokenHash(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Same sort of notice, same title and phone (folded): the same post sent twice. */
function fingerprintOf(input: RecordInput): string {
	const fold = (s: string) => normalize(s).replace(/\s+/g, '');
	return tokenHash(
		[input.kind, input.subtype ?? '', fold(input.title), input.phones[0]?.number ?? ''].join('|')
	);
}

/** The posted strings of the public form → a record, or field errors in Chinese. */
function parsePost(
	type: SubmitType,
	values: Record<string, string>
): { input: RecordInput } | { errors: Record<string, string> } {
	const form: Record<string, string> = {};
	for (const name of [...type.fields, 'title', 'phones', 'district']) {
		if (values[name] !== undefined) form[name] = values[name];
	}
	form.kind = type.kind;
	form.subtype = type.subtype;
	if (!(form.title ?? '').trim()) form.title = defaultTitle(type, values);
	const errors: Record<string, string> = {};
	for (const name of type.required) {
		if (!(values[name] ?? '').trim()) errors[name] = '请填写此项';
	}
	if (!(values.phones ?? '').trim()) errors.phones = '请留一个联系电话，方便对方联系您';
	const parsed = v.safeParse(RecordFormSchema, form);
	if (!parsed.success) Object.assign(errors, formErrors(parsed.issues));
	if (Object.keys(errors).length || !parsed.success) return { errors };
	return { input: toRecordContent(parsed.output) };
}

/**
 * A resident's notice: checked, limited, stored as a draft for review with the private link's
 * hash, all in one transaction (a refused or failed post leaves nothing but its history row).
 */
export async function submitNotice(
	db: DB,
	post: { type: SubmitType; values: Record<string, string>; address: string },
	now = Date.now()
): Promise<SubmitResult> {
	const { type, values, address } = post;
	const refuse = async (reason: RefusalReason, keys = [addressKey(address)]) => {
		await logEvent(db, keys, 'submit', `refused:${reason}`, now);
		return { ok: false as const, refused: reason, message: REFUSAL_MESSAGES[reason] };
	};
	if (await isBlocked(db, address)) return refuse('blocked');
	if ((values.website ?? '') !== '') return refuse('honeypot');
	const time = await checkFormTime(db, values.form_time, now);
	if (time !== 'ok') return refuse(time);

	const parsed = parsePost(type, values);
	if ('errors' in parsed) return { ok: false, errors: parsed.errors };
	const { input } = parsed;
	const digits = input.phones[0]?.number.replace(/\D/g, '') ?? null;
	const keys = [addressKey(address), ...(digits ? [phoneKey(digits)] : [])];

	const fingerprint = fingerprintOf(input);
	const token = newToken();
	// The limits are counted and the post stored under the address's and the phone's locks, so
	// posts sent at once (to different app servers, too) cannot all pass a limit of 3.
	const outcome = await withKeyLocks(
		db,
		keys,
		async (trx): Promise<number | RefusalReason> => {
			const byHour = await acceptedSince(trx, addressKey(address), 'submit', now - HOUR);
			const byDay = await acceptedSince(trx, addressKey(address), 'submit', now - DAY);
			if (byHour >= LIMITS.postsPerAddressPerHour || byDay >= LIMITS.postsPerAddressPerDay) {
				return 'address_limit';
			}
			if (
				digits &&
				(await acceptedSince(trx, phoneKey(digits), 'submit', now - DAY)) >=
					LIMITS.postsPerPhonePerDay
			) {
				return 'phone_limit';
			}
			const pending = await trx
				.selectFrom('submissions')
				.innerJoin('records', 'records.id', 'submissions.record_id')
				.select('submissions.id')
				.where('submissions.fingerprint', '=', fingerprint)
				.where('records.status', '=', 'draft')
				.executeTakeFirst();
			if (pending) return 'duplicate';

			const id = await insertRecord(trx, input, {
				status: 'draft',
				flags: [SUBMISSION_FLAG],
				action: 'submit'
			});
			await trx
				.insertInto('submissions')
				.values({
					record_id: id,
					token_hash: tokenHash(token),
					address,
					phone_digits: digits,
					fingerprint
				})
				.execute();
			await logEvent(trx, keys, 'submit', 'accepted', now);
			return id;
		},
		now
	);
	if (typeof outcome === 'string') return refuse(outcome, keys);
	const recordId = outcome;
	return { ok: true, recordId, token };
}

// ---- the poster's private link ----------------------------------------------------------

export interface OwnSubmission {
	recordId: number;
	status: RecordStatus;
	version: number;
	input: RecordInput;
	createdAt: string;
}

/** The post behind a private link, or undefined for an unknown token. */
export async function findSubmissionByToken(
	db: DB,
	token: string
): Promise<OwnSubmission | undefined> {
	if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
	const row = await db
		.selectFrom('submissions')
		.innerJoin('records', 'records.id', 'submissions.record_id')
		.select(['records.id', 'records.status', 'records.version', 'submissions.created_at'])
		.where('submissions.token_hash', '=', tokenHash(token))
		.executeTakeFirst();
	if (!row) return undefined;
	const record = await findRecordById(db, row.id);
	if (!record) return undefined;
	return {
		recordId: row.id,
		status: row.status,
		version: row.version,
		createdAt: row.created_at,
		input: {
			kind: record.kind,
			subtype: record.subtype,
			title: record.title,
			district: record.district,
			fields: record.fields,
			phones: record.phones,
			emails: record.emails
		}
	};
}

export class SubmissionError extends Error {}

/** The poster corrects their post; only while it waits for review (a published one is the moderators'). */
export async function editSubmission(
	db: DB,
	own: OwnSubmission,
	type: SubmitType,
	values: Record<string, string>
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
	const parsed = parsePost(type, values);
	if ('errors' in parsed) return { ok: false, errors: parsed.errors };
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('records')
			.select('status')
			.where('id', '=', own.recordId)
			.executeTakeFirst();
		if (row?.status !== 'draft')
			throw new SubmissionError('信息已经审核，不能再修改；如需更正请使用「信息有误？」');
		await updateRecord(trx, own.recordId, parsed.input, {
			userId: null,
			action: 'submitter-edit',
			expectedVersion: own.version,
			flags: [SUBMISSION_FLAG]
		});
		await trx
			.updateTable('submissions')
			.set({ fingerprint: fingerprintOf(parsed.input) })
			.where('record_id', '=', own.recordId)
			.execute();
	});
	return { ok: true };
}

/** Withdraw (any time) or mark as found/claimed (once published). */
export async function changeOwnStatus(
	db: DB,
	own: OwnSubmission,
	action: 'withdraw' | 'resolve'
): Promise<RecordStatus> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('records')
			.select(['status', 'kind'])
			.where('id', '=', own.recordId)
			.executeTakeFirstOrThrow();
		let to: RecordStatus;
		if (action === 'withdraw') {
			if (row.status === 'archived' || row.status === 'rejected')
				throw new SubmissionError('这条信息已经撤下');
			// A draft nobody reviewed is simply rejected (kept, as every record is); a public one archived.
			to = row.status === 'draft' ? 'rejected' : 'archived';
		} else {
			if (!canTransition('resolve', row.kind, row.status)) {
				throw new SubmissionError('信息发布后才能标记为已找到或已认领');
			}
			to = 'resolved';
		}
		await setRecordStatus(trx, own.recordId, to, { userId: null, action: `submitter-${action}` });
		return to;
	});
}

// ---- 信息有误 reports -------------------------------------------------------------------

export type ReportResult =
	| { ok: true }
	| { ok: false; refused: RefusalReason; message: string }
	| { ok: false; errors: Record<string, string> };

/** A reader says a public record is wrong; it waits for a moderator next to the record. */
export async function reportRecord(
	db: DB,
	report: { recordId: number; values: Record<string, string>; address: string },
	now = Date.now()
): Promise<ReportResult> {
	const key = addressKey(report.address);
	const refuse = async (reason: RefusalReason) => {
		await logEvent(db, [key], 'report', `refused:${reason}`, now);
		return { ok: false as const, refused: reason, message: REFUSAL_MESSAGES[reason] };
	};
	if (await isBlocked(db, report.address)) return refuse('blocked');
	if ((report.values.website ?? '') !== '') return refuse('honeypot');
	const parsed = v.safeParse(ReportSchema, report.values);
	if (!parsed.success) return { ok: false, errors: formErrors(parsed.issues) };
	// Counted and stored under the address's lock (see submitNotice).
	const accepted = await withKeyLocks(
		db,
		[key],
		async (trx) => {
			const recent = await acceptedSince(trx, key, 'report', now - HOUR);
			if (recent >= LIMITS.reportsPerAddressPerHour) return false;
			await trx
				.insertInto('reports')
				.values({
					record_id: report.recordId,
					message: parsed.output.message,
					contact: parsed.output.contact || null,
					address: report.address
				})
				.execute();
			await logEvent(trx, [key], 'report', 'accepted', now);
			return true;
		},
		now
	);
	if (!accepted) return refuse('address_limit');
	return { ok: true };
}

export interface ReportItem {
	id: number;
	recordId: number;
	recordTitle: string;
	message: string;
	contact: string | null;
	address: string;
	status: ReportStatus;
	reply: string | null;
	createdAt: string;
}

export async function listReports(
	db: DB,
	status: ReportStatus | 'all' = 'open',
	limit = 100
): Promise<ReportItem[]> {
	let q = db
		.selectFrom('reports')
		.innerJoin('records', 'records.id', 'reports.record_id')
		.select([
			'reports.id',
			'reports.record_id as recordId',
			'records.title as recordTitle',
			'reports.message',
			'reports.contact',
			'reports.address',
			'reports.status',
			'reports.reply',
			'reports.created_at as createdAt'
		]);
	if (status !== 'all') q = q.where('reports.status', '=', status);
	return q.orderBy('reports.id', 'desc').limit(limit).execute();
}

export async function countOpenReports(db: DB): Promise<number> {
	const row = await db
		.selectFrom('reports')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'open')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export const ResolveReportSchema = v.object({
	id: v.pipe(v.string(), v.regex(/^\d{1,12}$/, '无效的编号'), v.transform(Number)),
	status: v.picklist(['fixed', 'no_change'], '请选择处理结果'),
	reply: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, '不能超过 500 个字')), '')
});

/** A moderator closes a report: corrected, or no change needed, with an optional reply. */
export async function resolveReport(
	db: DB,
	input: v.InferOutput<typeof ResolveReportSchema>,
	actor: Actor
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable('reports')
			.set({
				status: input.status,
				reply: input.reply || null,
				resolved_by: actor.user.id,
				resolved_at: new Date().toISOString()
			})
			.where('id', '=', input.id)
			.where('status', '=', 'open')
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1) throw new SubmissionError('这条反馈已经处理过了');
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'report-resolve',
			targetType: 'report',
			targetId: input.id,
			detail: { status: input.status }
		});
	});
}

// ---- moderators: who posted, and blocking -----------------------------------------------

export interface SubmitterHistory {
	address: string;
	blocked: boolean;
	/** The last 24 hours, newest first. */
	events: { action: string; outcome: string; at: number }[];
}

export async function submitterHistory(
	db: DB,
	address: string,
	now = Date.now()
): Promise<SubmitterHistory> {
	const events = await db
		.selectFrom('participation_events')
		.select(['action', 'outcome', 'at'])
		.where('key', '=', addressKey(address))
		.where('at', '>', now - DAY)
		.orderBy('at', 'desc')
		.limit(200)
		.execute();
	return { address, blocked: await isBlocked(db, address), events };
}

export async function submissionAddress(db: DB, recordId: number): Promise<string | undefined> {
	const row = await db
		.selectFrom('submissions')
		.select('address')
		.where('record_id', '=', recordId)
		.executeTakeFirst();
	return row?.address;
}

export async function setAddressBlocked(
	db: DB,
	input: { address: string; blocked: boolean; reason?: string },
	actor: Actor
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (input.blocked) {
			await trx
				.insertInto('blocked_addresses')
				.values({ address: input.address, reason: input.reason ?? null, blocked_by: actor.user.id })
				.onConflict((oc) => oc.column('address').doNothing())
				.execute();
		} else {
			await trx.deleteFrom('blocked_addresses').where('address', '=', input.address).execute();
		}
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: input.blocked ? 'address-block' : 'address-unblock',
			targetType: 'address',
			targetId: null,
			detail: { address: input.address, reason: input.reason ?? null }
		});
	});
}

export interface SubmissionRow {
	recordId: number;
	title: string;
	status: RecordStatus;
	address: string;
	phoneDigits: string | null;
	createdAt: string;
	blocked: boolean;
	/** Posts and reports from the same address in the last 24 hours, accepted or refused. */
	recentFromAddress: number;
	refusedFromAddress: number;
}

/** The newest posts with who sent them, for moderators deciding whether to block. */
export async function listSubmissions(
	db: DB,
	limit = 50,
	now = Date.now()
): Promise<SubmissionRow[]> {
	// One grouped read of the last day's events per address, not one count per row.
	const recent = db
		.selectFrom('participation_events')
		.select((eb) => [
			'key',
			eb.fn.countAll<number>().as('all'),
			eb.fn
				.sum<number>(eb.case().when('outcome', '!=', 'accepted').then(1).else(0).end())
				.as('refused')
		])
		.where('key', 'like', 'ip:%')
		.where('at', '>', now - DAY)
		.groupBy('key')
		.as('recent');
	const rows = await db
		.selectFrom('submissions')
		.innerJoin('records', 'records.id', 'submissions.record_id')
		.leftJoin('blocked_addresses', 'blocked_addresses.address', 'submissions.address')
		.leftJoin(recent, (join) => join.on(sql`recent.key`, '=', sql`'ip:' || submissions.address`))
		.select([
			'records.id as recordId',
			'records.title',
			'records.status',
			'submissions.address',
			'submissions.phone_digits as phoneDigits',
			'submissions.created_at as createdAt',
			'blocked_addresses.address as blockedAddress',
			'recent.all',
			'recent.refused'
		])
		.orderBy('submissions.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		recordId: r.recordId,
		title: r.title,
		status: r.status,
		address: r.address,
		phoneDigits: r.phoneDigits,
		createdAt: r.createdAt,
		blocked: r.blockedAddress !== null,
		recentFromAddress: Number(r.all ?? 0),
		refusedFromAddress: Number(r.refused ?? 0)
	}));
}
