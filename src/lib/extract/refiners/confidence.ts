/**
 * Confidence, in one place. Parsers never write a number: each reports `Evidence` — the
 * rule its record was found by and the facts it saw — and `scored` turns that into a
 * confidence by the table below. Then, over all records, `confidenceRefiner` lowers it
 * where a record misses what makes it useful, explains why in `flags` (moderators read
 * them), and clamps it to [0, 1].
 */
import type { Candidate, Refiner } from '../pipeline';
import type { ExtractedRecord } from '../../records/types';

interface Rule {
	/** Confidence of a record found by this rule with none of the facts. */
	base: number;
	/** Added for each fact seen, in the order listed. */
	add?: Readonly<Record<string, number>>;
	/** An upper bound set by a fact (a doubt), applied after the additions. */
	cap?: Readonly<Record<string, number>>;
	/** The most the additions may reach: sure records still leave moderators a margin. */
	max?: number;
}

/**
 * Every way a record is found, and what its evidence is worth. Names are `kind.how`.
 * Numbers were set by hand against the golden fixtures; change them there, not in parsers.
 */
export const RULES = {
	/** 110 / 119 / 120 / 12345… named by its purpose or its well-known name. */
	'hotline.emergency': { base: 0.9 },
	/** A nationwide service number (12315, 12348…) with or without its label. */
	'hotline.service': { base: 0.8 },
	/** An entry line of a list of numbers (便民电话一览). */
	'hotline.listEntry': { base: 0.85 },
	/** A number after a label that names it (市民服务热线：…). */
	'hotline.labelled': { base: 0.85 },
	/** A number after an organisation and a generic label (市医保局咨询电话). */
	'hotline.organization': { base: 0.75 },
	/** 电话：… on its own line under the office's name. */
	'hotline.office': { base: 0.8 },
	/**
	 * A public number inside another record, filed again as a hotline (refiners/directory.ts):
	 * above the publishing threshold, below the parser's labelled numbers.
	 */
	'hotline.directory': { base: 0.75 },
	/** A Q&A pair; the answering department named adds trust, doubts cap it. */
	'procedure.qa': {
		base: 0.75,
		add: { department: 0.1 },
		cap: { offTopic: 0.45, truncated: 0.65 }
	},
	/** A 办事指南 in sections: titled, and with three or more core sections. */
	'procedure.guide': { base: 0.6, add: { title: 0.15, coreSections: 0.1 } },
	/** A guide pieced together from a news report: a moderator checks it first. */
	'procedure.reportedGuide': { base: 0.65 },
	/** 遗失声明 / 声明作废: how the notice ends and which fields were read. */
	'lost_found.voidNotice': {
		base: 0.6,
		add: { terminated: 0.15, zone: 0.1, holder: 0.1, documentType: 0.1, documentNumber: 0.05 },
		max: 0.95
	},
	/** 寻物启事 / 招领启事 as a notice. */
	'lost_found.itemNotice': {
		base: 0.6,
		add: { head: 0.1, item: 0.1, contact: 0.1, place: 0.05 },
		max: 0.95
	},
	/** A 失主分别为 list: one record per holder. */
	'lost_found.holderList': { base: 0.75, add: { contact: 0.1 } },
	/** A row of a 失物招领 table. */
	'lost_found.tableRow': { base: 0.8 },
	/** 寻亲 / 查找弃婴生父母 / 寻人 notices. */
	'family_search.notice': {
		base: 0.6,
		add: { head: 0.1, date: 0.1, contact: 0.1, place: 0.05, person: 0.05 },
		max: 0.95
	},
	/** 活动报名 notices. */
	'event.signup': {
		base: 0.6,
		add: { howToRegister: 0.1, date: 0.1, head: 0.05, organizerOrLocation: 0.05 },
		max: 0.95
	}
} as const satisfies Record<string, Rule>;

export type RuleName = keyof typeof RULES;
type FactOf<R extends RuleName> =
	| ((typeof RULES)[R] extends { add: infer A } ? keyof A : never)
	| ((typeof RULES)[R] extends { cap: infer C } ? keyof C : never);

/**
 * What a parser saw: the rule it found the record by and the facts of that rule it saw.
 * Falsy entries are facts not seen, so a parser can write `[holder && 'holder', …]`.
 */
export type Evidence = {
	[R in RuleName]: { rule: R; facts?: ReadonlyArray<FactOf<R> | Falsy> };
}[RuleName];
type Falsy = false | '' | 0 | null | undefined;

/** The confidence that some evidence is worth, rounded to hundredths. */
export function scoreOf(evidence: Evidence): number {
	const rule: Rule = RULES[evidence.rule];
	const facts = new Set<string>();
	for (const f of evidence.facts ?? []) if (f) facts.add(f);
	let c = rule.base;
	for (const [fact, weight] of Object.entries(rule.add ?? {})) if (facts.has(fact)) c += weight;
	c = Math.round(c * 100) / 100;
	if (rule.max !== undefined) c = Math.min(rule.max, c);
	for (const [fact, bound] of Object.entries(rule.cap ?? {}))
		if (facts.has(fact)) c = Math.min(c, bound);
	return c;
}

/** A parser's candidate as a record, its confidence set from its evidence. */
export function scored(candidate: Candidate): ExtractedRecord {
	candidate.record.confidence = scoreOf(candidate.evidence);
	return candidate.record;
}

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
