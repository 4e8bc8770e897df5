/**
 * Organisation names: whether a label is one (市住房公积金管理中心), where it ends inside a
 * label (芦淞区教育局 + 监督举报电话), and one named at the end of a clause (请联系石峰区人才办).
 * An organisation is a name ending in a department suffix of constants.ts.
 */
import { DEPARTMENT_SUFFIXES } from '../constants';
import { alternation } from './patterns';

/**
 * Department suffixes that are also the first character of common words (办理, 会议, 所需);
 * the lookahead keeps 业务办理 from reading as the organisation 业务办.
 */
const SUFFIX_RE = new RegExp(
	`(?:${[...DEPARTMENT_SUFFIXES]
		.sort((a, b) => b.length - a.length)
		// 社会 / 机会 / 体会 are no organisations, but 市人社局 is one: only 会 looks behind.
		.map((w) => (w === '会' ? '(?<![社机体])会' : w))
		.join('|')})(?![理事公法议员有需门分面点长])`,
	'g'
);

/**
 * Split a label into organisation and purpose: 芦淞区教育局监督举报电话 → 芦淞区教育局 +
 * 监督举报电话. The organisation is the longest prefix ending in a department suffix.
 */
export function splitOrganization(label: string): { organization?: string; rest: string } {
	// A bare organisation name (市住房公积金管理中心) is all organisation.
	if (isOrganizationName(label)) return { organization: label, rest: '' };
	let cut = -1;
	SUFFIX_RE.lastIndex = 0;
	for (let m = SUFFIX_RE.exec(label); m; m = SUFFIX_RE.exec(label)) {
		const end = m.index + m[0].length;
		if (end >= 3 && end < label.length) cut = end;
	}
	if (cut < 0) return { rest: label };
	const organization = label.slice(0, cut).replace(/^[\s"“(]+/, '');
	if (organization.length < 3 || /[,。:;]/.test(organization)) return { rest: label };
	return { organization, rest: label.slice(cut) };
}

/** True when the whole of `s` is an organisation name (ends in a department suffix). */
export function isOrganizationName(s: string): boolean {
	if (s.length < 3 || s.length > 30 || /[,。:;\s]/.test(s)) return false;
	SUFFIX_RE.lastIndex = 0;
	let last: RegExpExecArray | null = null;
	for (let m = SUFFIX_RE.exec(s); m; m = SUFFIX_RE.exec(s)) last = m;
	return last !== null && last.index + last[0].length === s.length;
}

const ORGANIZATION_AT_END_RE = new RegExp(
	`([\\u4e00-\\u9fa5()]{2,24}?(?:${alternation(DEPARTMENT_SUFFIXES)}))$`
);
/** An organisation named at the end of `s` (请联系石峰区人才办 → 石峰区人才办). */
export function organizationAtEnd(s: string): string | undefined {
	const m = ORGANIZATION_AT_END_RE.exec(s);
	if (!m) return undefined;
	const org = m[1].replace(
		/^(如有疑问|如有|请|可|或|也可|需|要|向|与|到|至|联系|咨询|拨打|致电)+/,
		''
	);
	return org.length >= 3 ? org : undefined;
}
