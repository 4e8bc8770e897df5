/**
 * The home city: what the domain knows about 株洲 that every layer needs — the extractor (numbers
 * printed without an area code, places in a notice), the forms (the district list) and the
 * listings (one name per district in facets).
 */

/**
 * Area code given to local numbers printed without one, unless the page's manifest entry (or
 * `--area-code`) names its paper's city. Note: 0731 is shared by 长沙 / 株洲 / 湘潭, so the
 * numbers stay correct within the region.
 */
export const DEFAULT_AREA_CODE = '0731';

/** Districts, counties and county-level cities of the home city, as printed. */
export const DISTRICTS = [
	'芦淞区',
	'天元区',
	'荷塘区',
	'石峰区',
	'渌口区',
	'醴陵市',
	'攸县',
	'茶陵县',
	'炎陵县',
	'株洲经开区',
	'云龙示范区',
	'株洲高新区',
	'高新区'
] as const;

/**
 * Short forms that name a district without its suffix. Only those that are unambiguous
 * in a news text are listed (a bare 天元 or 石峰 is often part of a company or road name).
 */
export const DISTRICT_ALIASES: Record<string, string> = {
	渌口: '渌口区',
	醴陵: '醴陵市',
	茶陵: '茶陵县',
	炎陵: '炎陵县'
};
