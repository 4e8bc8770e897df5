/**
 * Candidate matches between notices (records/matching.ts scores them) and the links a
 * moderator confirmed. Suggestions are for moderators only; the public sees a link only once
 * confirmed, and only while both records are public.
 */
import { sql } from 'kysely';
import { PUBLIC_STATUSES } from '../records/kinds';
import { otherSides, rankMatches, type MatchRecord, type MatchResult } from '../records/matching';
import { logAudit } from './audit';
import type { DB } from './db';
import type { Actor } from './moderation';

/** How many of the newest notices of the other side are scored (a bounded scan). */
const CANDIDATE_POOL = 5000;

async function matchRecords(
	db: DB,
	where: { id?: number; kind?: string; subtypes?: readonly string[] }
) {
	let q = db
		.selectFrom('records')
		.select([
			'records.id',
			'records.kind',
			'records.subtype',
			'records.title',
			'records.district',
			'records.data',
			// The first page the notice was printed on stands in for dates the text lacks.
			sql<
				string | null
			>`coalesce((select min(s.published) from provenance p join sources s on s.id = p.source_id where p.record_id = records.id), substr(records.published_at, 1, 10), substr(records.created_at, 1, 10))`.as(
				'published'
			)
		])
		.where('records.status', 'in', ['draft', 'published', 'resolved', 'expired']);
	if (where.id !== undefined) q = q.where('records.id', '=', where.id);
	if (where.kind) q = q.where('records.kind', '=', where.kind as 'lost_found');
	if (where.subtypes) q = q.where('records.subtype', 'in', [...where.subtypes]);
	const rows = await q.orderBy('records.id', 'desc').limit(CANDIDATE_POOL).execute();
	return rows.map((r): MatchRecord => ({
		id: r.id,
		kind: r.kind,
		subtype: r.subtype,
		title: r.title,
		district: r.district,
		published: r.published,
		fields: JSON.parse(r.data) as Record<string, unknown>
	}));
}

export interface Candidate extends MatchResult {
	id: number;
	title: string;
	subtype: string | null;
	linked: boolean;
}

/** The best candidates from the other side for a record, with reasons; linked ones marked. */
export async function findCandidates(db: DB, recordId: number, limit = 3): Promise<Candidate[]> {
	const [record] = await matchRecords(db, { id: recordId });
	if (!record || !otherSides(record.subtype).length) return [];
	const pool = await matchRecords(db, { kind: record.kind, subtypes: otherSides(record.subtype) });
	const linked = new Set((await linkedIds(db, recordId)).map((l) => l.id));
	return rankMatches(record, pool, limit).map((m) => ({
		id: m.record.id,
		title: m.record.title,
		subtype: m.record.subtype,
		score: m.score,
		reasons: m.reasons,
		linked: linked.has(m.record.id)
	}));
}

async function linkedIds(db: DB, recordId: number) {
	return db
		.selectFrom('record_links')
		.select([
			sql<number>`case when record_a = ${recordId} then record_b else record_a end`.as('id'),
			'reasons'
		])
		.where((eb) => eb.or([eb('record_a', '=', recordId), eb('record_b', '=', recordId)]))
		.execute();
}

/** A moderator confirms two notices may be about the same person or thing. */
export async function confirmLink(
	db: DB,
	recordId: number,
	otherId: number,
	actor: Actor
): Promise<void> {
	const candidates = await findCandidates(db, recordId, 50);
	const match = candidates.find((c) => c.id === otherId);
	const [a, b] = recordId < otherId ? [recordId, otherId] : [otherId, recordId];
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('record_links')
			.values({
				record_a: a,
				record_b: b,
				score: match?.score ?? 0,
				reasons: JSON.stringify(match?.reasons ?? []),
				confirmed_by: actor.user.id
			})
			.onConflict((oc) => oc.columns(['record_a', 'record_b']).doNothing())
			.execute();
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'link-confirm',
			targetType: 'record',
			targetId: recordId,
			detail: { other: otherId }
		});
	});
}

export async function removeLink(
	db: DB,
	recordId: number,
	otherId: number,
	actor: Actor
): Promise<void> {
	const [a, b] = recordId < otherId ? [recordId, otherId] : [otherId, recordId];
	await db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('record_links')
			.where('record_a', '=', a)
			.where('record_b', '=', b)
			.execute();
		await logAudit(trx, {
			user: actor.user,
			ip: actor.ip,
			action: 'link-remove',
			targetType: 'record',
			targetId: recordId,
			detail: { other: otherId }
		});
	});
}

export interface RelatedRecord {
	id: number;
	title: string;
	kind: string;
	subtype: string | null;
}

/** Confirmed links of a public record to other public records: 「可能相关的信息」. */
export async function findRelatedPublic(db: DB, recordId: number): Promise<RelatedRecord[]> {
	const ids = (await linkedIds(db, recordId)).map((l) => l.id);
	if (!ids.length) return [];
	return db
		.selectFrom('records')
		.select(['id', 'title', 'kind', 'subtype'])
		.where('id', 'in', ids)
		.where('status', 'in', [...PUBLIC_STATUSES])
		.orderBy('id', 'desc')
		.execute();
}
