/**
 * The record contract omits unknown fields: no `undefined`, `null`, empty strings or
 * empty optional lists. `phones` and `emails` are always present.
 */
import type { Refiner } from '../pipeline';
import type { ExtractedRecord } from '../../records/types';

const ALWAYS = new Set(['phones', 'emails']);

/** Drops empty fields so records match the contract. */
export const cleanupRefiner: Refiner = {
	name: 'cleanup',
	refine(records: ExtractedRecord[]): ExtractedRecord[] {
		for (const r of records) {
			const o = r as unknown as Record<string, unknown>;
			for (const [k, v] of Object.entries(o)) {
				if (ALWAYS.has(k)) continue;
				if (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))
					delete o[k];
				else if (Array.isArray(v) && v.length === 0) delete o[k];
				else if (typeof v === 'string' && v !== v.trim()) o[k] = v.trim();
			}
			r.phones ??= [];
			r.emails ??= [];
		}
		return records;
	}
};
