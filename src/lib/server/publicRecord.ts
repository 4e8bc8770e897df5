import { today } from '../clock';
import { formatDate } from '../records/display';
import { toColumns } from '../records/columns';
import { PUBLIC_STATUSES } from '../records/kinds';
import { maskPersonalNumbers } from '../records/privacy';
import type { DB } from './db';
import { cachedRead } from './db/readCache';
import { findTwins, type Twin } from './listings';
import { findRelatedPublic, type RelatedRecord } from './matches';
import { toPublic } from './public';
import { findRecordById, findSourceText, type RecordDetail, type RecordInput } from './records';

export interface PublicSource {
	paper: string;
	published: string;
	page: string | null;
	/** What the public is told of the page: paper, date and page label (never a server path). */
	label: string;
	start: number;
	end: number;
	/** The record's passage from the page, personal numbers masked. */
	passage: string;
}

export type PublicRecord = Omit<
	RecordDetail,
	'sources' | 'humanEdited' | 'confidence' | 'flags'
> & {
	sources: PublicSource[];
};

/** 株洲日报 · 2024年11月5日 · B05 */
export function sourceLabel(s: { paper: string; published: string; page: string | null }): string {
	return [s.paper, formatDate(s.published), s.page].filter(Boolean).join(' · ');
}

/**
 * A record as the public may see it (through toPublic), or undefined when it does not exist or
 * is not public (drafts, rejected and archived records are for moderators only).
 */
export async function findPublicRecord(db: DB, id: number): Promise<PublicRecord | undefined> {
	const record = await findRecordById(db, id);
	if (!record || !(PUBLIC_STATUSES as readonly string[]).includes(record.status)) return undefined;
	const sources = await publicSources(db, record);
	const { humanEdited: _h, confidence: _c, flags: _f, sources: _s, ...rest } = record;
	return toPublic({ ...rest, sources });
}

/** What a record's public page shows from the database. */
export interface PublicRecordPage {
	record: PublicRecord;
	/** Other published printings of the same notice. */
	twins: Twin[];
	/** Records a moderator linked to this one, public ones only. */
	related: RelatedRecord[];
}

/**
 * A record's public page (findPublicRecord, its twins and related records, all through
 * toPublic), or undefined as findPublicRecord. Memoised until the next write when asked for
 * again soon (keep: 'repeated'): a notice people share is opened again and again, and each
 * view ran nine statements and masked the whole source page for its passage (0.4–0.8 ms).
 * Shared between requests: read-only.
 */
export function findPublicRecordPage(db: DB, id: number): Promise<PublicRecordPage | undefined> {
	return cachedRead(
		db,
		`record-page:${id}`,
		async () => {
			const record = await findPublicRecord(db, id);
			if (!record) return undefined;
			return {
				record,
				twins: toPublic(await findTwins(db, id)),
				related: toPublic(await findRelatedPublic(db, id))
			};
		},
		{ keep: 'repeated' }
	);
}

/** A record's source passages as the public sees them (personal numbers masked). */
async function publicSources(db: DB, record: RecordDetail): Promise<PublicSource[]> {
	const sources: PublicSource[] = [];
	for (const s of record.sources) {
		const text = (await findSourceText(db, s.sourceId)) ?? '';
		sources.push({
			paper: s.paper,
			published: s.published,
			page: s.page,
			label: sourceLabel(s),
			start: s.start,
			end: s.end,
			// Masked before cutting (masking keeps offsets): a passage that starts or ends inside a
			// number would otherwise show the part of it that lies within the passage.
			passage: maskPersonalNumbers(text).slice(s.start, s.end)
		});
	}
	return sources;
}

/**
 * What the public page would show for `content` — a moderator's new notice, or an edit of
 * record `id` — before it is saved: the same shape as findPublicRecord and through the same
 * masking (toPublic), so the preview is the public page, not a moderator's view of it.
 * An edited record keeps its sources and printing date; a new one is dated today (Beijing).
 */
export async function previewPublicRecord(
	db: DB,
	content: RecordInput,
	id?: number
): Promise<PublicRecord> {
	const existing = id === undefined ? undefined : await findRecordById(db, id);
	const columns = toColumns(content.kind, content.fields);
	const now = new Date().toISOString();
	return toPublic({
		id: existing?.id ?? 0,
		kind: content.kind,
		subtype: content.subtype,
		title: content.title,
		// As it will be once published (a resolved notice stays resolved).
		status:
			existing && existing.status !== 'draft' && existing.status !== 'rejected'
				? existing.status
				: 'published',
		district: content.district,
		fields: content.fields,
		phones: content.phones,
		emails: content.emails,
		version: existing?.version ?? 0,
		duplicateOf: existing?.duplicateOf ?? null,
		createdAt: existing?.createdAt ?? now,
		updatedAt: now,
		publishedAt: existing?.publishedAt ?? now,
		dateStart: columns.date_start,
		dateEnd: columns.date_end,
		deadline: columns.deadline,
		issuedOn: existing?.issuedOn ?? today(),
		sources: existing ? await publicSources(db, existing) : []
	});
}
