/**
 * Last word on confidence: lower it where a record misses what makes it useful, explain
 * why in `flags` (moderators read them), and clamp to [0, 1].
 */
import type { Refiner } from '../pipeline';
import type { ExtractedRecord } from '../types';

/** What each kind needs to be worth publishing, with the flag shown when it is missing. */
function missing(r: ExtractedRecord): string[] {
	const out: string[] = [];
	switch (r.kind) {
		case 'hotline':
			if (!r.phones.length) out.push('缺少电话号码');
			if (!r.name) out.push('缺少热线名称');
			break;
		case 'procedure':
			if (r.subtype === 'qa' && !r.answer) out.push('缺少回复内容');
			if (r.subtype === 'guide' && !r.requirements?.length && !r.steps?.length) {
				out.push('缺少办理条件或办理流程');
			}
			break;
		default:
			break;
	}
	if (!r.title.trim()) out.push('缺少标题');
	return out;
}

/** Each missing field costs this much confidence. */
const PENALTY = 0.15;

/** Lowers confidence for missing key fields (with a flag) and clamps it to [0, 1]. */
export const confidenceRefiner: Refiner = {
	name: 'confidence',
	refine(records: ExtractedRecord[]): ExtractedRecord[] {
		for (const r of records) {
			const gaps = missing(r).filter((g) => !r.flags?.includes(g));
			if (gaps.length) {
				r.confidence -= PENALTY * gaps.length;
				r.flags = [...(r.flags ?? []), ...gaps];
			}
			const c = Number.isFinite(r.confidence) ? r.confidence : 0;
			r.confidence = Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;
		}
		return records;
	}
};
