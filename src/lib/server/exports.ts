import { type Kind, PUBLIC_STATUSES } from '../records/kinds';
import type { DB } from './db';

/** One line of the bulk export: a public record with its fields, numbers and where it was printed. */
export interface ExportedRecord {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: string;
	district: string | null;
	issuedOn: string | null;
	fields: Record<string, unknown>;
	phones: { number: string; label: string | null }[];
	emails: string[];
	sources: { paper: string; published: string; page: string | null }[];
	url: string;
}

export const EXPORT_BATCH = 500;

/**
 * A batch of public records with ids above `afterId`, in id order, NOT masked (the route sends it
 * through toPublic, the one public boundary) — read a
 * batch at a time so exporting a million records never holds them all in memory.
 */
export async function exportBatch(
	db: DB,
	afterId: number,
	limit = EXPORT_BATCH
): Promise<ExportedRecord[]> {
	const rows = await db
		.selectFrom('records')
		.select(['id', 'kind', 'subtype', 'title', 'status', 'district', 'issued_on', 'data'])
		.where('status', 'in', [...PUBLIC_STATUSES])
		.where('id', '>', afterId)
		.orderBy('id')
		.limit(limit)
		.execute();
	if (!rows.length) return [];
	const ids = rows.map((r) => r.id);
	const [phones, emails, sources] = await Promise.all([
		db
			.selectFrom('record_phones')
			.select(['record_id', 'number', 'label'])
			.where('record_id', 'in', ids)
			.orderBy('record_id')
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('record_emails')
			.select(['record_id', 'email'])
			.where('record_id', 'in', ids)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('provenance')
			.innerJoin('sources', 'sources.id', 'provenance.source_id')
			.select(['provenance.record_id', 'sources.paper', 'sources.published', 'sources.page'])
			.where('provenance.record_id', 'in', ids)
			.orderBy('sources.published')
			.execute()
	]);
	const byRecord = <T extends { record_id: number }>(list: T[]) => {
		const map = new Map<number, T[]>();
		for (const item of list) map.set(item.record_id, [...(map.get(item.record_id) ?? []), item]);
		return map;
	};
	const phonesOf = byRecord(phones);
	const emailsOf = byRecord(emails);
	const sourcesOf = byRecord(sources);
	return rows.map((r): ExportedRecord => ({
		id: r.id,
		kind: r.kind,
		subtype: r.subtype,
		title: r.title,
		status: r.status,
		district: r.district,
		issuedOn: r.issued_on,
		fields: JSON.parse(r.data) as Record<string, unknown>,
		phones: (phonesOf.get(r.id) ?? []).map((p) => ({ number: p.number, label: p.label })),
		emails: (emailsOf.get(r.id) ?? []).map((e) => e.email),
		sources: (sourcesOf.get(r.id) ?? []).map((s) => ({
			paper: s.paper,
			published: s.published,
			page: s.page
		})),
		url: `/records/${r.id}`
	}));
}
