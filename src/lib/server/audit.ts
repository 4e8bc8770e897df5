import type { Transaction } from 'kysely';
import type { DB } from './db';
import type { Database } from './db/schema';

import type { AuditAction } from '../records/auditActions';

export interface AuditEntryInput {
	/** Who acted; for a failed sign-in the name as typed and the id only if it exists. */
	user: { id: number | null; username: string } | null;
	action: AuditAction;
	targetType?:
		'record' | 'user' | 'suggestion' | 'source' | 'report' | 'address' | 'page_job' | null;
	targetId?: number | null;
	detail?: Record<string, unknown>;
	ip?: string | null;
}

/** Writes one line of the moderation log (inside the caller's transaction when given one). */
export async function logAudit(db: DB | Transaction<Database>, entry: AuditEntryInput) {
	await db
		.insertInto('audit_log')
		.values({
			user_id: entry.user?.id ?? null,
			username: entry.user?.username ?? null,
			action: entry.action,
			target_type: entry.targetType ?? null,
			target_id: entry.targetId ?? null,
			detail: JSON.stringify(entry.detail ?? {}),
			ip: entry.ip ?? null
		})
		.execute();
}

export interface AuditFilter {
	action?: AuditAction;
	username?: string;
	/** Inclusive ISO instants (UTC). */
	from?: string;
	to?: string;
	page?: number;
}

export interface AuditEntry {
	id: number;
	username: string | null;
	action: string;
	targetType: string | null;
	targetId: number | null;
	detail: Record<string, unknown>;
	ip: string | null;
	createdAt: string;
}

/** Log lines per page. */
export const AUDIT_PAGE_SIZE = 50;

/** Log lines matching the filter, newest first, one page at a time. */
export async function listAudit(
	db: DB,
	filter: AuditFilter
): Promise<{ entries: AuditEntry[]; total: number }> {
	let q = db.selectFrom('audit_log');
	if (filter.action) q = q.where('action', '=', filter.action);
	if (filter.username) q = q.where('username', '=', filter.username);
	if (filter.from) q = q.where('created_at', '>=', filter.from);
	if (filter.to) q = q.where('created_at', '<=', filter.to);
	const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const page = Math.max(1, filter.page ?? 1);
	const rows = await q
		.select(['id', 'username', 'action', 'target_type', 'target_id', 'detail', 'ip', 'created_at'])
		.orderBy('id', 'desc')
		.limit(AUDIT_PAGE_SIZE)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.execute();
	return {
		total: Number(n),
		entries: rows.map((r) => ({
			id: r.id,
			username: r.username,
			action: r.action,
			targetType: r.target_type,
			targetId: r.target_id,
			detail: JSON.parse(r.detail) as Record<string, unknown>,
			ip: r.ip,
			createdAt: r.created_at
		}))
	};
}

/** The names that appear in the log, for the filter's list. */
export async function listAuditUsernames(db: DB): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_log')
		.select('username')
		.distinct()
		.where('username', 'is not', null)
		.orderBy('username')
		.execute();
	return rows.map((r) => r.username!);
}
