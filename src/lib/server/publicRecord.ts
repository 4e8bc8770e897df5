import { maskIdNumbers } from '../records/display';
import { PUBLIC_STATUSES } from '../records/kinds';
import type { DB } from './db';
import { findRecordById, findSourceText, type RecordDetail } from './records';

/** Deeply masks ID-card numbers in every string of a value. */
export function maskDeep<T>(value: T): T {
	if (typeof value === 'string') return maskIdNumbers(value) as T;
	if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)])) as T;
	}
	return value;
}

export interface PublicSource {
	paper: string;
	published: string;
	page: string | null;
	file: string;
	start: number;
	end: number;
	/** The record's passage from the page, ID numbers masked. */
	passage: string;
}

export type PublicRecord = Omit<
	RecordDetail,
	'sources' | 'humanEdited' | 'confidence' | 'flags'
> & {
	sources: PublicSource[];
};

/**
 * A record as the public may see it (masked), or undefined when it does not exist or is not
 * public (drafts, rejected and archived records are for moderators only).
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
			file: s.file,
			start: s.start,
			end: s.end,
			passage: maskIdNumbers(text.slice(s.start, s.end))
		});
	}
	const { humanEdited: _h, confidence: _c, flags: _f, sources: _s, ...rest } = record;
	return { ...maskDeep(rest), sources };
}
