/**
 * When two printings are the same notice. Hotlines, procedures and events: same kind, title
 * and main number (the lists' rule in server/listings.ts). Lost & found and 寻亲 need more: a
 * 福利院 prints many 查找弃婴生父母公告 under one title and one number, each about another
 * child, and many people lose a 身份证 under the same kind of title. So their key also holds
 * what tells one notice from another — the document number of a 遗失声明 / 寻物 / 招领, the
 * person's sex, age, dates, place and name of a 寻亲 — each folded the way readers would not
 * notice (traditional → simplified, full-width → half-width, spaces and punctuation dropped).
 * Pure; the server stores a hash of the key (records.fingerprint, migration 0007).
 */
import { normalize } from '../extract/normalize';
import type { Kind } from './kinds';
import type { RecordFields } from './columns';

export interface ReprintInput {
	kind: Kind;
	subtype: string | null;
	title: string;
	fields: RecordFields;
	phones: { number: string }[];
}

/** Kinds folded by reprintKey (the others by title and main number). */
export const FOLDED_BY_KEY: readonly Kind[] = ['lost_found', 'family_search'];

/** Folds text to what a reader sees as the same: 遗失 身份证。 = 遗失身份证 = 遺失身份證. */
export function foldForReprint(text: unknown): string {
	if (typeof text !== 'string') return '';
	return normalize(text)
		.toLowerCase()
		.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The key two printings of one notice share, or null for kinds folded otherwise. */
export function reprintKey(r: ReprintInput): string | null {
	const f = r.fields as Record<string, unknown>;
	const common = [r.kind, r.subtype ?? '', foldForReprint(r.title), r.phones[0]?.number ?? ''];
	if (r.kind === 'lost_found') return JSON.stringify([...common, foldForReprint(f.documentNumber)]);
	if (r.kind === 'family_search')
		return JSON.stringify([
			...common,
			...['gender', 'age', 'foundAt', 'lostAt', 'place', 'personName'].map((k) =>
				foldForReprint(f[k])
			)
		]);
	return null;
}
