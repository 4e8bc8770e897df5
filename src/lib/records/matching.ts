/**
 * Which notices may be about the same person or thing: a family seeking a child ↔ a found
 * infant or a person at a rescue station; a lost item ↔ a found one; a lost document ↔ a
 * found document. Scored on what the texts give — sides, gender, age or birth year, dates
 * (with the precision printed), place (same district or county), document type and number,
 * holder, features — and explained in reasons a moderator can check. Pure: moderators confirm
 * a link before anything is shown to the public.
 */
import { DISTRICT_ALIASES, DISTRICTS } from './city';
import { normalize } from '../extract/normalize';

export interface MatchRecord {
	id: number;
	kind: string;
	subtype: string | null;
	title: string;
	district: string | null;
	/** Publication date of the notice (YYYY-MM-DD): stands in for an event date not printed. */
	published: string | null;
	fields: Record<string, unknown>;
}

export interface MatchResult {
	/** 0..1; candidates below MATCH_THRESHOLD are not offered. */
	score: number;
	reasons: string[];
}

export const MATCH_THRESHOLD = 0.45;

/** Which subtypes look for which: the two sides of a search. */
const SIDES: Record<string, readonly string[]> = {
	family_seeking: ['found_child', 'person_seeking_family'],
	found_child: ['family_seeking'],
	person_seeking_family: ['family_seeking'],
	lost_item: ['found_item'],
	found_item: ['lost_item', 'void_notice'],
	void_notice: ['found_item']
};

/** The subtypes a record's candidates come from. */
export function otherSides(subtype: string | null): readonly string[] {
	return subtype ? (SIDES[subtype] ?? []) : [];
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const fold = (s: string) => normalize(s).replace(/\s+/g, '');

/** The district or county a place names (株洲高新区 and 高新区 are 天元区's). */
export function districtOf(text: string | undefined): string | undefined {
	if (!text) return undefined;
	const t = fold(text);
	for (const d of DISTRICTS) {
		if (t.includes(d)) return d === '株洲高新区' || d === '高新区' ? '天元区' : d;
	}
	for (const [alias, d] of Object.entries(DISTRICT_ALIASES)) if (t.includes(alias)) return d;
	return undefined;
}

/** The date a notice is about: lost, found or the item's date, else its publication. */
function eventDate(r: MatchRecord): string | undefined {
	const f = r.fields;
	return (str(f.lostAt) ?? str(f.foundAt) ?? str(f.date) ?? r.published ?? undefined)?.slice(0, 10);
}

function daysBetween(a: string, b: string): number {
	return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/**
 * An age as printed (约5岁, 3个月, 七十岁左右, 出生约10天, 2020年出生) → the birth year it
 * implies on the notice's date, with a tolerance that grows with the vagueness of the text.
 */
export function birthYear(
	age: string | undefined,
	onDate: string | undefined
): { year: number; slack: number } | undefined {
	if (!age || !onDate) return undefined;
	const year = Number(onDate.slice(0, 4));
	const t = normalize(age);
	const born = /(\d{4})年(?:出生|生)/.exec(t);
	if (born) return { year: Number(born[1]), slack: 0.5 };
	if (/(天|周|个月|月龄|新生)/.test(t) && !/岁/.test(t)) return { year, slack: 1 };
	const n = /(\d{1,3})\s*(?:周)?岁/.exec(t) ?? /(\d{1,3})/.exec(t);
	if (n) {
		const years = Number(n[1]);
		// 约/左右/多 widen the window; old ages are guessed more loosely than children's.
		const vague = /约|左右|多|余|大概|估计/.test(t);
		return { year: year - years, slack: (years >= 18 ? 5 : 2) + (vague ? 1 : 0) };
	}
	return undefined;
}

const DOC_ALIASES: [RegExp, string][] = [
	[/居民身份证|身份证/, '身份证'],
	[/驾驶证|驾照/, '驾驶证'],
	[/社保卡|社会保障卡/, '社保卡'],
	[/银行卡/, '银行卡'],
	[/学生证/, '学生证'],
	[/户口(?:簿|本)/, '户口簿'],
	[/出生医学证明/, '出生医学证明'],
	[/残疾证/, '残疾证']
];

function docType(text: string | undefined): string | undefined {
	if (!text) return undefined;
	const t = fold(text);
	return DOC_ALIASES.find(([re]) => re.test(t))?.[1];
}

/**
 * What both descriptions say, as runs of shared character pairs (Chinese descriptions share
 * words like 黑色, 双肩包, 胎记 rather than whole sentences): the runs for the reasons, and the
 * number of distinct pairs for the score. Each field is read on its own, so no pair spans two.
 */
function sharedRuns(a: readonly string[], b: readonly string[]): { runs: string[]; pairs: number } {
	const other = b.map(fold).join('|');
	const runs = new Set<string>();
	const pairs = new Set<string>();
	for (const part of a.map(fold)) {
		let run = '';
		for (let i = 0; i + 1 <= part.length; i++) {
			const w = part.slice(i, i + 2);
			const shared = /^[\u4e00-\u9fff]{2}$/.test(w) && !COMMON_PAIRS.has(w) && other.includes(w);
			if (shared) {
				pairs.add(w);
				run = run ? run + w[1] : w;
			} else {
				if (run) runs.add(run);
				run = '';
			}
		}
		if (run) runs.add(run);
	}
	return { runs: [...runs], pairs: pairs.size };
}

/** Pairs every notice shares, which say nothing about a match. */
const COMMON_PAIRS = new Set([
	'一个',
	'一名',
	'一只',
	'联系',
	'电话',
	'失主',
	'认领',
	'拾到',
	'遗失',
	'丢失',
	'启事',
	'寻找',
	'左右',
	'身高',
	'特征',
	'有关',
	'请与',
	'知情',
	'发现',
	'家属',
	'附近',
	'本人',
	'当天',
	'时许',
	'寻物',
	'招领',
	'物启'
]);

/** What the thing or person looks like (not where: places are scored on their own). */
function looks(r: MatchRecord): string[] {
	const f = r.fields;
	const parts = [str(f.item), str(f.documentType)];
	if (Array.isArray(f.features))
		parts.push(...f.features.filter((x): x is string => typeof x === 'string'));
	if (!str(f.item)) parts.push(r.title);
	return parts.filter((x): x is string => !!x);
}

/**
 * How likely `b` answers `a` (the order does not matter). Undefined when they cannot be the
 * same: not opposite sides, different genders or documents, or found before it was lost.
 */
export function scoreMatch(a: MatchRecord, b: MatchRecord): MatchResult | undefined {
	if (a.id === b.id || a.kind !== b.kind || !otherSides(a.subtype).includes(b.subtype ?? ''))
		return undefined;
	const [lost, found] = ['family_seeking', 'lost_item', 'void_notice'].includes(a.subtype ?? '')
		? [a, b]
		: [b, a];
	const reasons: string[] = [];
	let score = 0;
	const add = (points: number, reason?: string) => {
		score += points;
		if (reason) reasons.push(reason);
	};

	// Dates: nothing is found before it is lost (a few days' slack for dates printed loosely).
	const lostOn = eventDate(lost);
	const foundOn = eventDate(found);
	if (lostOn && foundOn) {
		const gap = daysBetween(lostOn, foundOn);
		if (gap < -7) return undefined;
		if (gap <= 3) add(0.25, `日期相近（${lostOn} / ${foundOn}）`);
		else if (gap <= 30) add(0.15, `相隔 ${Math.round(gap)} 天`);
		else if (gap <= 366) score += 0.05;
		else if (a.kind === 'lost_found') return undefined; // a wallet is not found years later
	}

	// Place: the same district or county, or the same place named.
	const da = a.district ?? districtOf(str(a.fields.place));
	const db = b.district ?? districtOf(str(b.fields.place));
	if (da && db) {
		if (da === db) add(0.2, `同在${da}`);
		else score -= 0.1;
	}

	if (a.kind === 'family_search') {
		const ga = str(a.fields.gender);
		const gb = str(b.fields.gender);
		if (ga && gb) {
			if (ga !== gb) return undefined;
			score += 0.15;
			reasons.push(`性别相同（${ga}）`);
		}
		const ya = birthYear(str(a.fields.age), eventDate(a));
		const yb = birthYear(str(b.fields.age), eventDate(b));
		if (ya && yb) {
			const diff = Math.abs(ya.year - yb.year);
			if (diff > ya.slack + yb.slack) return undefined;
			score += 0.25;
			reasons.push(`年龄相符（约 ${Math.round(ya.year)} 年 / ${Math.round(yb.year)} 年出生）`);
		}
		const na = str(a.fields.personName);
		const nb = str(b.fields.personName);
		if (na && nb && fold(na) === fold(nb)) add(0.3, `姓名相同（${na}）`);
	} else {
		// A document: the same type, and the same number or holder when both print them.
		const ta = docType(str(a.fields.documentType) ?? str(a.fields.item));
		const tb = docType(str(b.fields.documentType) ?? str(b.fields.item));
		if (a.subtype === 'void_notice' || b.subtype === 'void_notice') {
			if (!ta || !tb || ta !== tb) return undefined;
			score += 0.2;
			reasons.push(`证件类型相同（${ta}）`);
		} else if (ta && tb && ta !== tb) return undefined;
		const numA = str(a.fields.documentNumber)?.replace(/\s/g, '').toUpperCase();
		const numB = str(b.fields.documentNumber)?.replace(/\s/g, '').toUpperCase();
		if (numA && numB) {
			if (numA !== numB) return undefined;
			score += 0.5;
			reasons.push('证件号码相同');
		}
		const ha = str(a.fields.holder);
		const hb = str(b.fields.holder);
		if (ha && hb) {
			if (fold(ha) !== fold(hb)) return undefined;
			score += 0.4;
			reasons.push(`失主姓名相同（${ha}）`);
		}
	}

	const place = sharedRuns([str(a.fields.place) ?? ''], [str(b.fields.place) ?? '']);
	// The district alone was scored above; a shared street, park or station adds to it.
	place.runs = place.runs.filter(
		(run) => districtOf(run) !== run && !DISTRICTS.some((d) => d.startsWith(run))
	);
	if (place.runs.length) {
		score += 0.1;
		reasons.push(`地点相近：${place.runs.join('、')}`);
	}
	const shared = sharedRuns(looks(a), looks(b));
	if (shared.pairs) {
		score += Math.min(0.3, 0.1 * shared.pairs);
		reasons.push(`描述相同：${shared.runs.slice(0, 4).join('、')}`);
	}
	score = Math.max(0, Math.min(1, score));
	return score >= MATCH_THRESHOLD ? { score: Math.round(score * 100) / 100, reasons } : undefined;
}

/** The best `limit` candidates for a record, best first. */
export function rankMatches(
	record: MatchRecord,
	candidates: readonly MatchRecord[],
	limit = 3
): (MatchResult & { record: MatchRecord })[] {
	const out: (MatchResult & { record: MatchRecord })[] = [];
	for (const c of candidates) {
		const m = scoreMatch(record, c);
		if (m) out.push({ ...m, record: c });
	}
	return out.sort((x, y) => y.score - x.score || y.record.id - x.record.id).slice(0, limit);
}
