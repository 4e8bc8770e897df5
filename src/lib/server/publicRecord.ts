import { formatDate } from '../records/display';
import { PUBLIC_STATUSES } from '../records/kinds';
import { maskPersonalNumbers } from '../records/privacy';
import type { DB } from './db';
import { toPublic } from './public';
import { findRecordById, findSourceText, type RecordDetail } from './records';

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
	const { humanEdited: _h, confidence: _c, flags: _f, sources: _s, ...rest } = record;
	return toPublic({ ...rest, sources });
}
