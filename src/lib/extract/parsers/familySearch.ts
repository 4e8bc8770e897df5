/**
 * Family-search notices: a found infant whose parents are sought (查找弃婴生父母公告, a
 * 寻亲公告 about a child someone took in), a family looking for a lost relative (寻人启事),
 * and a rescue station looking for a person's family (救助站寻亲公告).
 *
 * A notice is a headline (寻亲公告, 寻人启事, 查找…生父母公告) and the paragraphs below it,
 * or, without a headline, one paragraph that tells the finding and asks readers to call.
 * News about a reunion (寻亲成功, 团聚) asks nothing of the reader and is not a record.
 */
import {
	FAMILY_NOTICE_ORGANIZATIONS,
	FEATURE_LABELS,
	FEATURE_WORDS,
	MISSING_WORDS,
	NOT_CONTACT_NAMES,
	REUNION_WORDS,
	TAKEN_IN_WORDS
} from '../constants';
import { addDuration, parseCnNumber } from '../date';
import type { Candidate, Page, Parser } from '../pipeline';
import type { FamilySearchRecord, FamilySearchSubtype } from '../types';
import {
	datesIn,
	durationsIn,
	fieldValue,
	findContactName,
	findDistrict,
	isTraditional,
	phoneMatchesIn,
	toPhones
} from '../text/fields';
import {
	isHeadlineLike,
	isNewspaperLine,
	isSignerLine,
	noticeBlockEnd,
	SIGNATURE_DATE_RE
} from '../text/layout';
import { eachPageLine, lineEnd, pageLines, paragraphAt, pageParagraphs } from '../text/lineIndex';
import { alternation, anyOf } from '../text/patterns';
import { clauseEnd, clauses, SpanSet, trimEdges, type Span } from '../text/spans';

// ---------------------------------------------------------------------------------------
// Patterns (on the normalised text)
// ---------------------------------------------------------------------------------------

/** Headlines of a family-search notice. */
const HEAD_RE =
	/寻亲|寻人|寻(?:女|儿|子|父|母|妻|夫)启事|寻找.{0,10}(?:亲人|家人|家属|亲属|生父母|父母|家长|监护人|弟弟|哥哥|姐姐|妹妹|儿子|女儿|父亲|母亲|孩子)|查找.{0,12}(?:生父母|亲人|家属|亲属|监护人|父母|家长)|认领公告|弃婴|弃儿|走失/;

/** A found child: the finding verb and the child. */
const FOUND_CHILD_RE =
	/(?:拾得|抬得|捡到|捡拾|拾获|捡回|遗弃|被弃).{0,20}?(?:婴|男孩|女孩|儿童|孩子|小孩|宝宝)|(?:寻找|查找).{0,8}(?:家长|监护人)|(?<![如若])(?:发现|捡到)[^。,，]{0,12}?(?:男童|女童|男孩|女孩|儿童|小孩)(?!不见|走失|失踪|丢失)|(?:发现|收养|抱养|送至).{0,12}?(?:男婴|女婴|婴儿|弃婴|新生儿)|弃婴|弃儿|(?:查找|寻找).{0,10}(?:亲生)?父母|亲生父母/;

/**
 * An adult who was given away or lost as a child, looking for the birth family, writes in
 * the first person: 我叫…, 约1988年出生 … 寻找亲生父母. The seeker is the person, so this
 * is person_seeking_family, not a found child (whose finder writes).
 */
const SELF_SEEKER_RE =
	/(?:我叫|我名叫|本人叫|本人名叫|我是|本人)[^。]{0,40}?(?:出生|生于|被抱养|被送养|被拐)/;
const BIRTH_FAMILY_RE = /亲生父母|生父母|亲人|家人|寻亲|被抱养|被送养|被拐/;

/** A person taken in by an institution, whose family is sought. */
const TAKEN_IN_RE = anyOf(TAKEN_IN_WORDS);

/** An institution that took someone in and looks for the family. */
const INSTITUTION_RE = /救助|受助|福利院|福利中心|敬老院|养老院|我站|我院|我中心|代为抚养|临时照料/;

/** A relative named by the family that seeks them: 弟弟罗冬生（当年7岁）, 儿子张小明，. */
const RELATIVE_NAME_RE =
	/(?<rel>弟弟|哥哥|姐姐|妹妹|儿子|女儿|父亲|母亲|爷爷|奶奶|外公|外婆|丈夫|妻子)(?<n>[\u4e00-\u9fa5]{2,3})(?=[(（,，、\s])/;
const MALE_RELATIVES = /弟弟|哥哥|儿子|父亲|爷爷|外公|丈夫/;
/** 男孩易小川，11岁: the person's word, then the name, then age or sex. */
const CALLED_RE =
	/(?:男孩|女孩|男童|女童|男子|女子|老人|少年|少女)(?<n>[\u4e00-\u9fa5]{2,3})[,，]\s*(?:\d{1,3}岁|男|女)/;
/** A polite title, not a name: 李先生, 王女士 (the contact, 其父亲李先生). */
const TITLE_NAME_RE = /(?:先生|女士|小姐|老师|师傅|阿姨|某)$/;
/** What a form prints when the name is unknown. */
const NO_NAME_RE = /^(?:不详|无名氏|未知|不明|无)$/;

/** A family looking for a relative. */
const LOST_RE = anyOf(MISSING_WORDS);

/** A request to the reader: call, tell, come and claim. */
const CALL_RE =
	/(?:请|望|恳请|敬请|如有|若有|如|若|知情|见到|发现|看到|有知道).{0,40}?(?:联系|告知|认领|联络|来电|致电|拨打|报警|通知)/;

/** Words of a happy ending told as news. */
const REUNION_RE = anyOf(REUNION_WORDS);

/** The notice period: 自公告之日起60日内 / 公告期为六十日. */
const PERIOD_RE =
	/(?:自|从)?(?:本)?公告(?:发布|刊登|刊发|见报|登报)?(?:之)?日起\s*满?\s*(?<n>\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?<u>个工作日|工作日|日|天|个月)|公告期(?:限)?(?:为|是)?\s*(?<n2>\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?<u2>个工作日|工作日|日|天|个月)/;

/** An explicit end of the notice period: 公告期至2024年12月31日 / 截至…止. */
const PERIOD_END_RE = /(?:公告期|公告时间|截止|截至|至)\s*[:：]?\s*$/;

/** A place after a lead word: 在…拾得 / 于…被发现 / 拾获地点：…. */
const PLACE_RE =
	/(?:在|从|于(?![\d一二三四五六七八九十]+月|\d{4}年|今|昨|近日|本月|上午|下午|晚|早|凌晨))(?<place>[^,，。;；:：\n]{2,50}?)(?:处|附近)?(?:独自|一人)?(?:(?:随|跟随|跟着|与)[\u4e00-\u9fa5]{1,4}?)?(?:玩耍|散步|游泳|钓鱼|赶集|买菜|乘车|候车|上学|放学|务工|打工)?(?:时|后)?(?:被[\u4e00-\u9fa5]{0,6}?)?(?:拾得|抬得|捡到|拾获|捡拾|发现|走失|走丢|失踪|失联|未归|救助|救起|遗弃|护送|送至|走散|离家|出走|外出|离开|徘徊|流浪|游荡|乞讨|抱走|抱养)/;
const PLACE_LABEL_RE =
	/(?:拾获|捡拾|拾得|发现|走失|失踪|救助|遗弃|被弃)(?:地点|地址|位置)\s*[:：]\s*(?<place>[^,，。;；\n]{2,50})/;

const GENDER_LABEL_RE = /性别\s*[:：]?\s*(?<g>男|女)/;
// Each run of blanks is read once (\s*(?:，\s*)? rather than \s*，?\s*): the other way, a long
// run after 男 is split every way between the \s* before failing.
const GENDER_RE =
	/(?<g>男|女)(?:婴|孩|童|性|子|宝宝|生|,|，|、|\s*(?:[,，]\s*)?(?:(?:约|年约)\s*)?\d+岁)/;

const AGE_RE = [
	/年龄\s*[:：]?\s*(?<a>(?:约|大约|大概)?\s*[\d一二三四五六七八九十]+\s*(?:岁|周岁|个月|月龄|天)(?:左右|许|多)?|不详|[^,，。;；\n]{1,12}?(?=[,，。;；\n]))/,
	/(?<a>(?:刚刚?出生|出生不久|出生不到[\d一二三四五六七八九十]+(?:天|个月)|新生儿|出生约?[\d一二三四五六七八九十]+(?:天|个月)))/,
	/(?<a>(?:约|大约|大概|年约|现年|今年)\s*[\d一二两三四五六七八九十]+\s*(?:岁|周岁|个月|月龄|天)(?:左右|许|多)?)/,
	/(?<a>[\d一二三四五六七八九十]+\s*(?:岁|周岁|个多?月|月龄)(?:左右|许|多)?)(?=的?(?:男|女|婴|孩|童|老|,|，|、|\s))/
];

/** Section labels that introduce features. */
const FEATURE_LABEL_RE = new RegExp(`(?:${alternation(FEATURE_LABELS)})\\s*[:：]\\s*`, 'g');

/** Words that make a clause a description of the person. */
const FEATURE_RE = anyOf(FEATURE_WORDS);

/** Clauses that tell the story or ask for a call, not features. */
const NOT_FEATURE_RE =
	/拾得|捡到|捡拾|拾获|发现|联系|电话|公告|请|如有|知情|认领|至今|无人|打听|送至|送往|护送|救助站|福利院|民政|公安|派出所|报警|走失|失踪|离家|收养|抚养|自公告/;

/** A clause that is another field of a form (出生日期：…, 发现地点：…), not a feature. */
const OTHER_FIELD_RE =
	/^(?:出生|捡拾|拾获|发现|走失|姓名|性别|年龄|入站)[\u4e00-\u9fa5]{0,3}\s*[:：]/;

/** A subject at the start of a feature clause: 女婴用粉色包被包裹 → 用粉色包被包裹. */
const SUBJECT_RE =
	/^(?:该|此|这名|这个|其)?(?:弃婴|女婴|男婴|婴儿|孩子|男孩|女孩|儿童|小孩|男子|女子|老人|受助人员|受助人|患者|该人|本人|他|她|其)(?:的)?/;

/** Names of the institutions that publish such notices. */
const ORG_RE = new RegExp(
	`[\\u4e00-\\u9fa5]{2,24}?(?:${alternation(FAMILY_NOTICE_ORGANIZATIONS)})`,
	'g'
);

/** Characters that cannot be inside an organisation's name in front of its ending. */
const ORG_STOP = /[与和到至由向经送在被请系于及的了将把为从是已现暂]/;

const PERSON_NAME_RE =
	/(?:姓名|名叫|名字叫|取名|起名|自称(?:叫|名叫)?|走失人|失踪人|寻找|我叫|本人叫)\s*[:：]?\s*(?:自报|自称)?(?:叫|名叫)?\s*["']?(?<n>[\u4e00-\u9fa5]{2,4}?)(?=["',，。;；、\s(（]|男|女|\d|$)/;

// ---------------------------------------------------------------------------------------
// Finding notices
// ---------------------------------------------------------------------------------------

interface Block {
	start: number;
	end: number;
	head?: Span;
}

function findBlocks(page: Page): Block[] {
	const norm = page.norm;
	const out: Block[] = [];
	// Blocks found so far, one set per way of finding them (each finds them in text order).
	const headed = new SpanSet();
	const paras = new SpanSet();
	const overlaps = (s: number, e: number) =>
		headed.overlaps({ start: s, end: e }) || paras.overlaps({ start: s, end: e });
	for (const line of eachPageLine(page, 0, norm.length)) {
		const t = line.text.trim();
		// OCR text layers space headlines out letter by letter (查 找 弃 婴 …).
		if (!t || !isHeadlineLike(t) || !HEAD_RE.test(t.replace(/[ \t]+/g, ''))) continue;
		if (overlaps(line.start, line.end)) continue;
		const end = withTable(
			page,
			nextHeadlineCut(page, line.start, noticeBlockEnd(page, line.start))
		);
		const hs = line.start + line.text.indexOf(t);
		headed.add({ start: hs, end });
		const items = columnItems(page, line.end, end);
		if (items.length) out.push(...items);
		else out.push({ start: hs, end, head: { start: hs, end: hs + t.length } });
	}
	// Unheaded: one paragraph that tells a finding or a loss, or a news story of a few.
	for (const m of norm.matchAll(TRIGGER_RE)) {
		const { start: s, end: e0 } = paragraphAt(page, m.index);
		if (e0 <= s || overlaps(s, e0)) continue;
		const e = storyEnd(page, s, e0);
		paras.add({ start: s, end: e });
		out.push({ start: s, end: e });
	}
	return out.sort((a, b) => a.start - b.start);
}

/** A tag that opens one appeal of a column: 【为他寻亲】, 【寻找父亲】 (【】 read as []). */
const COLUMN_TAG_RE = /^\[[^\]\n]{2,12}\]/;

/**
 * A 寻亲栏 prints several short appeals under one headline, each a paragraph opened by a
 * tag in brackets. Two or more such paragraphs are separate notices, each headed by its tag.
 */
function columnItems(page: Page, start: number, end: number): Block[] {
	const out: Block[] = [];
	for (const { start: s, end: e } of pageParagraphs(page, { start, end })) {
		const tag = COLUMN_TAG_RE.exec(page.norm.slice(s, e));
		if (tag) out.push({ start: s, end: e, head: { start: s, end: s + tag[0].length } });
	}
	return out.length >= 2 ? out : [];
}

/** What starts an unheaded notice: a finding, a loss, a family sought. */
const TRIGGER_RE =
	/拾得|抬得|捡到|捡拾|拾获|走失|走丢|离家出走|失踪|失联|受助人员|寻亲|寻人启事|寻找.{0,6}(?:亲人|家人|家属)|(?:发现|遗弃).{0,12}?(?:男婴|女婴|婴儿|弃婴|新生儿)/g;

/** A request with a way to act on it: a notice period, a number, 请…联系. */
function reachable(page: Page, start: number, end: number): boolean {
	const text = page.norm.slice(start, end);
	if (PERIOD_RE.test(text) || /(?:请|望|恳请|敬请).{0,40}?(?:联系|认领|告知)/.test(text))
		return true;
	return phoneMatchesIn(page, { start: start, end: end }).some((p) => p.type !== 'emergency');
}

/** How many more paragraphs a news story may take to get to its request. */
const STORY_PARAGRAPHS = 3;

/**
 * A finding told as news (昨日凌晨…发现一名男婴) asks readers only in a later paragraph
 * (请男婴的亲生父母…联系): the block runs on through the story's paragraphs up to the one
 * that asks, never past a headline. Without such a paragraph it stays one paragraph.
 */
function storyEnd(page: Page, start: number, end: number): number {
	const norm = page.norm;
	if (reachable(page, start, end)) return end;
	let e = end;
	for (let k = 0; k < STORY_PARAGRAPHS; k++) {
		let n = e;
		while (n < norm.length && /\s/.test(norm[n])) n++;
		if (n >= norm.length) break;
		const first = norm.slice(n, lineEnd(page, n)).trim();
		if (isHeadlineLike(first) || isNewspaperLine(first)) break;
		e = paragraphAt(page, n).end;
		if (reachable(page, start, e)) return e;
	}
	return end;
}

/**
 * A headed notice in a column of classifieds ends where the next item's headline starts
 * (房屋出租 after the contacts of a 寻人启事): a short line without digits or a colon,
 * after a blank line, followed by text. Signatures (an organisation, a date) stay.
 */
function nextHeadlineCut(page: Page, start: number, end: number): number {
	let last = -1;
	let blank = false;
	let cut = -1;
	for (const line of eachPageLine(page, start, end)) {
		const t = line.text.trim();
		if (!t) {
			blank = true;
			continue;
		}
		if (cut >= 0) return last;
		if (
			last >= 0 &&
			blank &&
			isHeadlineLike(t) &&
			!/[\d:：]/.test(t) &&
			!isSignerLine(t) &&
			!SIGNATURE_DATE_RE.test(t) &&
			!FEATURE_LABEL_LINE_RE.test(t) &&
			// A table's header row (序号 姓名 性别 …) is no headline.
			cellsOf(t, 0, t.length).length < 3
		)
			cut = line.start;
		else last = Math.min(line.end, end);
		blank = false;
	}
	return end;
}

/** A section label on a line of its own (体貌特征, 联系方式) is no headline. */
const FEATURE_LABEL_LINE_RE = new RegExp(
	`^(?:${alternation(FEATURE_LABELS)}|联系方式|联系人|联系电话|基本情况)$`
);

function classify(text: string): FamilySearchSubtype | undefined {
	if (SELF_SEEKER_RE.test(text) && BIRTH_FAMILY_RE.test(text)) return 'person_seeking_family';
	if (FOUND_CHILD_RE.test(text)) return 'found_child';
	// A family's notice may name a hospital (从…医院离开后失联); only an institution that
	// took the person in (救助站, 福利院, 我站) makes it a search for the person's family.
	if (LOST_RE.test(text) && !INSTITUTION_RE.test(text)) return 'family_seeking';
	if (TAKEN_IN_RE.test(text) && /寻亲|亲属|家属|亲人|家人|认领|领回/.test(text))
		return 'person_seeking_family';
	if (LOST_RE.test(text)) return 'family_seeking';
	return undefined;
}

// ---------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------

/** The date of the finding or the loss: the first date that is not a birth, a note or a signature. */
function eventDate(page: Page, start: number, end: number): string | undefined {
	let first: string | undefined;
	for (const d of datesIn(page, { start: start, end: end }, 'past')) {
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

/** Verbs of the finding or the loss itself (not 发布, not 送至福利院 alone). */
const EVENT_VERB_RE =
	/拾得|抬得|捡到|捡拾|拾获|发现|走失|走丢|失踪|失联|未归|离家|出走|走散|遗弃|徘徊|被弃|离开/;

function findPlace(page: Page, start: number, end: number): string | undefined {
	const text = page.norm.slice(start, end);
	const m = PLACE_LABEL_RE.exec(text) ?? PLACE_RE.exec(text);
	if (!m?.groups?.place) return undefined;
	const s = start + m.index + m[0].indexOf(m.groups.place);
	let e = s + m.groups.place.length;
	if (page.norm[e - 1] === '处' && e - s > 2) e--;
	return fieldValue(page, { start: s, end: e });
}

function findGender(norm: string): '男' | '女' | undefined {
	const m = GENDER_LABEL_RE.exec(norm) ?? GENDER_RE.exec(norm);
	return m?.groups?.g as '男' | '女' | undefined;
}

function findAge(page: Page, start: number, end: number): string | undefined {
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
function findFeatures(page: Page, start: number, end: number): string[] {
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
		sections.add({ start: s, end: e });
		for (const { start: a, end: b } of parts) {
			// Gender and age have fields of their own.
			if (!/^(?:性别\s*[:：]?\s*)?[男女]$|^(?:年龄\s*[:：]?\s*)?约?\d+岁/.test(norm.slice(a, b)))
				found.push({ start: a, end: b });
		}
	}
	for (const { start: a0, end: b } of clauses(norm, { start: start, end: end })) {
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

function findOrganization(page: Page, start: number, end: number): string | undefined {
	const norm = page.norm;
	// A signature line at the foot of the notice names the publisher.
	const lines = pageLines(page, start, end).filter((l) => l.text.trim());
	for (const l of lines.slice(-3)) {
		const t = l.text.trim();
		if (isHeadlineLike(t) && isSignerLine(t) && !SIGNATURE_DATE_RE.test(t)) {
			const s = l.start + l.text.indexOf(t);
			return fieldValue(page, { start: s, end: s + t.length });
		}
	}
	ORG_RE.lastIndex = 0;
	const m = ORG_RE.exec(norm.slice(start, end));
	if (!m) return undefined;
	let s = start + m.index;
	const e = s + m[0].length;
	for (let k = e - 1; k > s; k--) {
		if (ORG_STOP.test(norm[k - 1])) {
			s = k;
			break;
		}
	}
	return fieldValue(page, { start: s, end: e });
}

/** The end of the notice period, from 自公告之日起N日 or an explicit date. */
function findDeadline(page: Page, start: number, end: number): string | undefined {
	const norm = page.norm;
	const text = norm.slice(start, end);
	const m = PERIOD_RE.exec(text);
	if (m?.groups) {
		const n = parseCnNumber(m.groups.n ?? m.groups.n2 ?? '');
		const u = m.groups.u ?? m.groups.u2;
		if (n) {
			const unit = u === '个月' ? 'month' : u.includes('工作日') ? 'workday' : 'day';
			return addDuration(page.published, { amount: n, unit });
		}
	}
	// 公告期至2024年12月31日止.
	for (const d of datesIn(page, { start: start, end: end }, 'future')) {
		if (PERIOD_END_RE.test(norm.slice(Math.max(start, d.start - 8), d.start)))
			return d.value.slice(0, 10);
	}
	// A bare duration next to 公告: 公告60日.
	for (const d of durationsIn(norm, { start: start, end: end })) {
		if (/公告/.test(norm.slice(Math.max(start, d.start - 6), d.start)))
			return addDuration(page.published, d);
	}
	return undefined;
}

/** What the notice is about, for the title: 女婴, 男子, 老人 … */
function subjectOf(norm: string): string | undefined {
	const m =
		/(?:男|女)(?:婴|孩|童|子|性)|弃婴|婴儿|新生儿|老人|老太|老汉|男孩|女孩|儿童|受助人员|流浪人员/.exec(
			norm
		);
	return m?.[0];
}

// ---------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------

/**
 * The persons of a notice that lists several (a 福利院 notice with three infants, a rescue
 * station with two people): paragraphs — or lines of one paragraph — that each tell a
 * finding with its date. Fewer than two means the notice is about one person.
 */
function personUnits(page: Page, start: number, end: number): Span[] {
	const norm = page.norm;
	const qualifies = ({ start: s, end: e }: Span) =>
		FINDING_RE.test(norm.slice(s, e)) &&
		PERSON_INTRO_RE.test(norm.slice(s, e)) &&
		datesIn(page, { start: s, end: e }, 'past').length > 0;
	let units = pageParagraphs(page, { start, end }).filter(qualifies);
	if (units.length < 2) {
		units = pageLines(page, start, end)
			.map((l) => trimEdges(norm, l))
			.filter((t) => t.end > t.start)
			.filter(qualifies);
	}
	return units.length >= 2 ? units : [];
}

/** Verbs of a finding or a taking-in. */
const FINDING_RE = /拾得|捡拾|拾获|捡到|发现|遗弃|被弃|救助|护送|送至|走失|失踪/;
/**
 * How one person of a list is introduced: 拾获一名女婴 / 弃婴，女， / 受助人员：男，/ 2. 张某，男.
 * A second paragraph about the same person (该婴于…送至福利院) has none of these.
 */
const PERSON_INTRO_RE =
	/(?:一|1)(?:名|个)(?:男|女)?(?:婴|孩|童|儿|子|性|老人)|^\s*(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}[、.]|[(（][\d一二三四五六七八九十]{1,3}[)）]|[①-⑳])?\s*(?:弃婴|弃儿|男婴|女婴|婴儿|儿童|受助人员|受助人|无名氏|[\u4e00-\u9fa5]{2,4}\s*[,，:：]\s*(?:男|女)|姓名\s*[:：]|性别\s*[:：])/;

/** What the whole notice says once for all its persons. */
interface Shared {
	phones: FamilySearchRecord['phones'];
	/** The notice is printed in traditional script. */
	traditional: boolean;
	contactName?: string;
	noticeDeadline?: string;
	organization?: string;
}

function buildRecords(page: Page, b: Block): Candidate<FamilySearchRecord>[] {
	const norm = page.norm;
	const text = norm.slice(b.start, b.end);
	const subtype = classify(text);
	if (!subtype) return [];
	const asks = CALL_RE.test(text);
	// 110 and 120 are how to reach the police, not the family or the home: never a contact.
	const phoneHits = phoneMatchesIn(page, { start: b.start, end: b.end }).filter(
		(p) => p.type !== 'emergency'
	);
	const hasDeadline = PERIOD_RE.test(text);
	// A reunion told as news asks nothing of the reader (联系上了他的儿子 is no request).
	if (REUNION_RE.test(text) && !hasDeadline && !phoneHits.length) return [];
	if (!asks && !phoneHits.length && !hasDeadline) return [];

	const bodyStart = b.head ? b.head.end : b.start;
	const contact = findContactName(page, { start: bodyStart, end: b.end });
	const shared: Shared = {
		phones: toPhones(phoneHits),
		traditional: isTraditional(page, { start: b.start, end: b.end })
	};
	const contactName = contact
		? fieldValue(page, { start: contact.start, end: contact.end })
		: undefined;
	// 与该所联系, 与家人联系: a pronoun or a relation, not someone to ask for.
	if (contactName && !NOT_CONTACT_NAMES.includes(contactName as (typeof NOT_CONTACT_NAMES)[number]))
		shared.contactName = contactName;
	const deadline = findDeadline(page, bodyStart, b.end);
	if (deadline) shared.noticeDeadline = deadline;
	const organization = findOrganization(page, bodyStart, b.end);
	if (organization) shared.organization = organization;

	if (subtype !== 'family_seeking') {
		const table = tableOf(page, bodyStart, b.end);
		if (table) {
			return table.rows.map((row, k) =>
				tableRecord(page, b, subtype, row, table.columns, k + 1, shared)
			);
		}
		const units = personUnits(page, bodyStart, b.end);
		if (units.length) {
			return units.map(({ start: s, end: e }, k) =>
				buildRecord(page, b, subtype, { start: s, end: e, index: k + 1 }, shared)
			);
		}
	}
	const c = buildRecord(page, b, subtype, { start: bodyStart, end: b.end }, shared);
	const r = c.record;
	// Without a headline the paragraph must describe one person and give a way to reach
	// someone: a safety tip ("发现走失老人请拨打110") is no notice.
	const when = r.foundAt ?? r.lostAt;
	if (!b.head && !(when && (r.gender || r.age) && (phoneHits.length || contact || hasDeadline)))
		return [];
	// Under a headline (防走失，这几点要记牢) it must still be about someone.
	if (b.head && !(when || r.gender || r.age || r.personName)) return [];
	return [c];
}

// ---------------------------------------------------------------------------------------
// Tables of persons (序号 姓名 性别 出生日期 捡拾日期 捡拾地点, one row per line)
// ---------------------------------------------------------------------------------------

type Column = 'name' | 'gender' | 'age' | 'found' | 'place';

/** Header words of the columns a record takes; other columns (序号, 出生日期) are skipped. */
const TABLE_COLUMNS: Array<[RegExp, Column]> = [
	[/^姓名$/, 'name'],
	[/^性别$/, 'gender'],
	[/^年龄$/, 'age'],
	[/^(?:捡拾|拾获|拾得|发现|入站|救助)(?:日期|时间)$/, 'found'],
	[/^(?:捡拾|拾获|拾得|发现)(?:地点|地址)$/, 'place']
];

interface Row {
	start: number;
	end: number;
	cells: Span[];
}

/** The cells of a line: runs of text between blanks (a table row in a text layer). */
function cellsOf(norm: string, start: number, end: number): Span[] {
	const out: Span[] = [];
	let s = -1;
	for (let i = start; i <= end; i++) {
		const blank = i === end || /[ \t]/.test(norm[i]);
		if (blank && s >= 0) {
			out.push({ start: s, end: i });
			s = -1;
		} else if (!blank && s < 0) s = i;
	}
	return out;
}

/**
 * A table of persons: a header line of at least three cells, two of them a found date and
 * a place or a sex, then the lines right below with as many cells. Undefined when none.
 */
function tableOf(
	page: Page,
	start: number,
	end: number
): { columns: Array<Column | undefined>; rows: Row[] } | undefined {
	const norm = page.norm;
	const lines = pageLines(page, start, end);
	for (let k = 0; k < lines.length; k++) {
		const head = cellsOf(norm, lines[k].start, lines[k].end);
		if (head.length < 3) continue;
		const columns = head.map(
			({ start: a, end: b }) => TABLE_COLUMNS.find(([re]) => re.test(norm.slice(a, b)))?.[1]
		);
		if (columns.filter(Boolean).length < 2 || !columns.some((c) => c === 'found' || c === 'place'))
			continue;
		const rows: Row[] = [];
		for (const line of lines.slice(k + 1)) {
			const cells = cellsOf(norm, line.start, line.end);
			if (cells.length !== head.length) break;
			rows.push({ start: cells[0].start, end: cells[cells.length - 1].end, cells });
		}
		if (rows.length) return { columns, rows };
	}
	return undefined;
}

/**
 * A notice's table of persons starts after a blank line with a short header row, which
 * reads as the next headline: when the block stops right before one, it runs on through it.
 */
function withTable(page: Page, end: number): number {
	const norm = page.norm;
	let n = end;
	while (n < norm.length && /\s/.test(norm[n])) n++;
	if (n >= norm.length) return end;
	const le = lineEnd(page, n);
	if (!tableOf(page, n, Math.min(norm.length, le + 1 + 400))) return end;
	return Math.max(end, noticeBlockEnd(page, n));
}

/** One row of a table as a record: the row is the passage, the columns give the fields. */
function tableRecord(
	page: Page,
	b: Block,
	subtype: FamilySearchSubtype,
	row: Row,
	columns: Array<Column | undefined>,
	index: number,
	shared: Shared
): Candidate<FamilySearchRecord> {
	const c = buildRecord(page, b, subtype, { start: row.start, end: row.end, index }, shared);
	const r = c.record;
	row.cells.forEach(({ start: a, end: c }, k) => {
		const v = fieldValue(page, { start: a, end: c });
		if (!v) return;
		const norm = page.norm.slice(a, c);
		switch (columns[k]) {
			case 'name':
				if (!NO_NAME_RE.test(norm)) r.personName = v;
				break;
			case 'gender':
				if (norm === '男' || norm === '女') r.gender = norm;
				break;
			case 'age':
				r.age = v;
				break;
			case 'found': {
				const d = datesIn(page, { start: a, end: c }, 'past')[0]?.value;
				if (d) r.foundAt = d;
				break;
			}
			case 'place':
				r.place = v;
				break;
		}
	});
	r.title = titleOf(
		page,
		b,
		subtype,
		r,
		{ start: row.start, end: row.end, index },
		shared.traditional
	);
	return c;
}

/** The span a record describes: the whole notice, or one person of a list (numbered). */
interface Unit {
	start: number;
	end: number;
	index?: number;
}

function buildRecord(
	page: Page,
	b: Block,
	subtype: FamilySearchSubtype,
	u: Unit,
	shared: Shared
): Candidate<FamilySearchRecord> {
	const norm = page.norm;
	// One person of a list: the record's passage is that person's paragraph.
	const span = u.index ? { start: u.start, end: u.end } : { start: b.start, end: b.end };
	const record: FamilySearchRecord = {
		kind: 'family_search',
		subtype,
		title: '',
		source: { file: page.source, ...span },
		confidence: 0,
		phones: shared.phones,
		emails: []
	};
	const when = eventDate(page, u.start, u.end);
	if (when) {
		if (subtype === 'family_seeking') record.lostAt = when;
		else record.foundAt = when;
	}
	const place = findPlace(page, u.start, u.end);
	if (place) record.place = place;
	// 我的弟弟罗冬生: the relation tells the sex when nothing else does.
	const rel0 =
		subtype === 'family_seeking' ? RELATIVE_NAME_RE.exec(norm.slice(u.start, u.end)) : null;
	const rel = rel0?.groups && !TITLE_NAME_RE.test(rel0.groups.n) ? rel0 : null;
	const gender =
		findGender(norm.slice(u.start, u.end)) ??
		(rel?.groups ? (MALE_RELATIVES.test(rel.groups.rel) ? '男' : '女') : undefined);
	if (gender) record.gender = gender;
	const age = findAge(page, u.start, u.end);
	if (age) record.age = age;
	const features = findFeatures(page, u.start, u.end);
	if (features.length) record.features = features;
	if (shared.contactName) record.contactName = shared.contactName;
	if (shared.noticeDeadline) record.noticeDeadline = shared.noticeDeadline;
	if (shared.organization) record.organization = shared.organization;
	const text = norm.slice(u.start, u.end);
	const usable = (m: RegExpExecArray | null) =>
		m?.groups?.n && !NO_NAME_RE.test(m.groups.n) && !TITLE_NAME_RE.test(m.groups.n) ? m : null;
	// 我叫… is the seeker, not the one a family seeks.
	const labelled = usable(PERSON_NAME_RE.exec(text));
	const named =
		labelled && !(subtype === 'family_seeking' && /我叫|本人叫/.test(labelled[0]))
			? labelled
			: null;
	// 李小明，男，8岁: a 寻人启事 starts with the name; so does each child of a 福利院 list
	// (一、株安乐，男，…), whose name is the one the home gave.
	const leading = named
		? null
		: /^\s*(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、]\s*)?(?<n>[\u4e00-\u9fa5]{2,4})\s*[,，]\s*(?:男|女)[,，]/.exec(
				text
			);
	// Else 男孩易小川，11岁, or the relation a family names (我的弟弟罗冬生).
	const person = named ?? leading ?? usable(CALLED_RE.exec(text)) ?? rel;
	// A found infant has no name of its own; the name the home gave (取名, a form's 姓名：) is
	// still useful.
	if (
		person?.groups?.n &&
		(subtype !== 'found_child' || /取名|起名|姓名/.test(person[0]) || (leading && u.index))
	) {
		const s = u.start + person.index + person[0].indexOf(person.groups.n);
		record.personName = fieldValue(page, { start: s, end: s + person.groups.n.length });
	}
	const district = findDistrict(page.norm, { start: span.start, end: span.end });
	if (district) record.district = district;

	record.title = titleOf(page, b, subtype, record, u, shared.traditional);

	const flags: string[] = [];
	if (!when) flags.push(subtype === 'family_seeking' ? '未识别走失时间' : '未识别发现时间');
	const contact = record.phones.length || record.contactName || record.organization;
	if (!contact) flags.push('没有联系方式');
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'family_search.notice',
			facts: [
				b.head && 'head',
				when && 'date',
				contact && 'contact',
				place && 'place',
				(gender || age) && 'person'
			]
		}
	};
}

/**
 * The headline when it says something, else a short summary in the page's script. One
 * person of a list gets the summary (and its number) after the headline.
 */
function titleOf(
	page: Page,
	b: Block,
	subtype: FamilySearchSubtype,
	r: FamilySearchRecord,
	u: Unit,
	trad: boolean
): string {
	const head = b.head ? fieldValue(page, b.head) : undefined;
	const from = u.index ? u.start : b.start;
	const to = u.index ? u.end : b.end;
	const norm = page.norm.slice(from, to);
	const subject = subjectOf(norm);
	let subjectText: string | undefined;
	if (subject) {
		const at = from + norm.indexOf(subject);
		subjectText = page.text.slice(at, at + subject.length);
	}
	const who = r.personName ?? subjectText;
	const summary =
		subtype === 'found_child'
			? `${trad ? '尋找' : '寻找'}${who ?? (trad ? '棄嬰' : '弃婴')}${trad ? '親生父母' : '亲生父母'}`
			: subtype === 'family_seeking'
				? `${trad ? '尋找' : '寻找'}${who ?? (trad ? '走失親人' : '走失亲人')}`
				: `${trad ? '為' : '为'}${who ?? (trad ? '受助人員' : '受助人员')}${trad ? '尋親' : '寻亲'}`;
	if (u.index) return `${head ? `${head}：` : ''}${summary}（${u.index}）`;
	// A headline of its own words (查找弃婴生父母公告) is title enough; a bare 寻亲公告 is not.
	if (head && head.length > 6) return head;
	return head ? `${head}：${summary}` : summary;
}

/** Finds 查找弃婴生父母公告 (found_child), 寻人启事 (family_seeking), 救助站寻亲 (person_seeking_family). */
export const familySearchParser: Parser = {
	name: 'familySearch',
	parse({ page }) {
		const records: Candidate<FamilySearchRecord>[] = [];
		for (const b of findBlocks(page)) {
			for (const r of buildRecords(page, b)) records.push(r);
		}
		return records;
	}
};
