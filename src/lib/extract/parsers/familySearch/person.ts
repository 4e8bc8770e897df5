/**
 * The person a notice is about: when and where found or lost, sex, age, features, and the word
 * that names them in a title (女婴, 老人 …).
 */
import type { Page } from '../../pipeline';
import { datesIn, fieldValue } from '../../text/fields';
import { SIGNATURE_DATE_RE } from '../../text/passages';
import { pageLines } from '../../text/lineIndex';
import { clauseEnd, clauses, SpanSet, trimEdges, type Span } from '../../text/spans';
import {
	AGE_RE,
	EVENT_VERB_RE,
	FEATURE_LABEL_RE,
	FEATURE_RE,
	GENDER_LABEL_RE,
	GENDER_RE,
	NOT_FEATURE_RE,
	OTHER_FIELD_RE,
	GIVEN_PLACE_RE,
	PATROL_PLACE_RE,
	PLACE_LABEL_RE,
	PLACE_RE,
	SUBJECT_RE
} from './labels';

/** The date of the finding or the loss: the first date that is not a birth, a note or a signature. */
export function eventDate(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	let first: string | undefined;
	for (const d of datesIn(page, span, 'past')) {
		const before = page.norm.slice(Math.max(start, d.start - 8), d.start);
		const after = page.norm.slice(d.end, d.end + 6);
		if (/出生|生于|写有|写着|字样|截至|截止|至$|期限/.test(before)) continue;
		if (/^的?字样|^出生|^止|^前/.test(after)) continue;
		const line = pageLines(page, d.start, d.start + 1)[0];
		if (line && SIGNATURE_DATE_RE.test(line.text)) continue;
		// 8月8日，派出所发布寻人启事：…8月7日下午5时许…未归: the date of the sentence that
		// tells the finding or the loss, not of the appeal.
		const stop = /[。\n]/.exec(page.norm.slice(d.end, Math.min(end, d.end + 80)));
		const sentence = page.norm.slice(d.end, stop ? d.end + stop.index : Math.min(end, d.end + 80));
		if (EVENT_VERB_RE.test(sentence)) return d.value;
		first ??= d.value;
	}
	return first;
}

/** A line a post marks as a place with a pin (📍 某区某广场), when no sentence says where. */
const PIN_PLACE_RE = /(?:^|\n)[ \t]*📍[ \t]*(?<place>[^\n:：,，。;；]{2,30})[ \t]*(?=\n|$)/;

export function findPlace(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const text = page.norm.slice(start, end);
	const m =
		PLACE_LABEL_RE.exec(text) ??
		PLACE_RE.exec(text) ??
		PATROL_PLACE_RE.exec(text) ??
		GIVEN_PLACE_RE.exec(text) ??
		PIN_PLACE_RE.exec(text);
	if (!m?.groups?.place) return undefined;
	const s = start + m.index + m[0].indexOf(m.groups.place);
	let e = s + m.groups.place.length;
	if (page.norm[e - 1] === '处' && e - s > 2) e--;
	return fieldValue(page, { start: s, end: e });
}

/** How a person is introduced says the sex: 一位阿姨, 一名老汉. */
const INTRODUCED_AS_RE =
	/[一1](?:名|个|位)(?:(?<f>阿姨|大妈|老太|奶奶|妇女)|(?<m>大爷|老汉|老伯|爷爷))/;

export function findGender(norm: string): '男' | '女' | undefined {
	const m = GENDER_LABEL_RE.exec(norm) ?? GENDER_RE.exec(norm);
	if (m?.groups?.g) return m.groups.g as '男' | '女';
	const intro = INTRODUCED_AS_RE.exec(norm);
	return intro?.groups?.f ? '女' : intro?.groups?.m ? '男' : undefined;
}

export function findAge(page: Page, span: Span): string | undefined {
	const { start, end } = span;
	const text = page.norm.slice(start, end);
	for (const re of AGE_RE) {
		const m = re.exec(text);
		if (!m?.groups?.a) continue;
		// 我叫罗秋生，今年68岁: the seeker's own age, not the sought person's.
		if (/我叫|我是|本人|我今年/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
		const s = start + m.index + m[0].indexOf(m.groups.a);
		return fieldValue(page, { start: s, end: s + m.groups.a.length });
	}
	return undefined;
}

/**
 * Features: every clause of a 特征：/ 随身物品：… section, and elsewhere every clause that
 * describes the person (包被, 胎记, 身高, 穿着 …), in text order.
 */
export function findFeatures(page: Page, span: Span): string[] {
	const { start, end } = span;
	const norm = page.norm;
	const found: Span[] = [];
	const sections = new SpanSet();
	let last: Span | undefined;
	for (const m of norm.slice(start, end).matchAll(FEATURE_LABEL_RE)) {
		const s = start + m.index + m[0].length;
		let e: number;
		let parts: Span[];
		if (last && s <= last.end) {
			// A label inside the last section (特征：…，随身物品：…) ends where it ends, and its
			// clauses after the first are the last section's: only the first is new.
			e = last.end;
			parts = clauses(norm, { start: s, end: clauseEnd(norm, { start: s, end: e }) });
		} else {
			// The section runs to the end of its sentence or line.
			const stop = /[。\n]/.exec(norm.slice(s, end));
			e = stop ? s + stop.index : end;
			parts = clauses(norm, { start: s, end: e });
		}
		last = { start: s, end: e };
		sections.add(last);
		for (const part of parts) {
			// Gender and age have fields of their own.
			if (
				!/^(?:性别\s*[:：]?\s*)?[男女]$|^(?:年龄\s*[:：]?\s*)?约?\d+岁/.test(
					norm.slice(part.start, part.end)
				)
			)
				found.push(part);
		}
	}
	for (const { start: a0, end: b } of clauses(norm, span)) {
		if (sections.overlaps({ start: a0, end: b })) continue;
		// 拾获时身穿白色连体衣: the time of the finding is not part of the feature.
		const lead = /^(?:拾获|拾得|捡到|捡拾|发现|被发现|救助|走失|离家)时\s*/.exec(norm.slice(a0, b));
		const a = a0 + (lead ? lead[0].length : 0);
		const c = norm.slice(a, b);
		if (!FEATURE_RE.test(c) || NOT_FEATURE_RE.test(c) || OTHER_FIELD_RE.test(c) || c.length > 60)
			continue;
		found.push({ start: a, end: b });
	}
	const out: string[] = [];
	const seen = new Set<string>();
	for (const { start: s, end: e } of found.sort((x, y) => x.start - y.start)) {
		const sub = SUBJECT_RE.exec(norm.slice(s, e));
		const { start: a, end: b } = trimEdges(norm, { start: s + (sub ? sub[0].length : 0), end: e });
		const v = b > a ? fieldValue(page, { start: a, end: b }) : undefined;
		if (v && v.length >= 2 && !seen.has(v)) {
			seen.add(v);
			out.push(v);
		}
	}
	return out;
}

/** What the notice is about, for the title: 女婴, 男子, 老人 … */
export function subjectOf(norm: string): string | undefined {
	const m =
		/(?:男|女)(?:婴|孩|童|子|性)|弃婴|婴儿|新生儿|老人|老太|老汉|男孩|女孩|儿童|受助人员|流浪人员/.exec(
			norm
		);
	return m?.[0];
}

// ---------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------
