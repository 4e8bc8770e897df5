/**
 * Fill `district` from the record's own passage when it names one (芦淞区政府回复 → 芦淞区).
 * Parsers that know better set it themselves; this only fills the gap.
 */
import { findDistrict } from '../text/fields';
import type { Page, Refiner } from '../pipeline';
import type { ExtractedRecord } from '../../records/types';

/** Fills `district` from the record passage when the parser left it empty. */
export const districtRefiner: Refiner = {
	name: 'district',
	refine(records: ExtractedRecord[], page: Page): ExtractedRecord[] {
		for (const r of records) {
			if (r.district) continue;
			const d = findDistrict(page.norm, r.source);
			if (d) r.district = d;
		}
		return records;
	}
};
