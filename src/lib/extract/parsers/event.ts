/**
 * Events readers can sign up for: 报名 / 招募 / 征集 notices and the news items that
 * announce a training, a contest or a call for entries *and* say how or by when to join.
 *
 * One passage (a headline and its body) is one candidate. It becomes a record only with a
 * registration word AND a way or a time to register (a phone, an email, 扫码, 现场报名, a
 * deadline). A report of an event that already took place ("吸引了200多名市民报名参加")
 * has the word but no way, so it is not a record. A deadline already passed does not stop
 * a record: the interface shows 报名已截止.
 */
import { OPEN_EVENT_WORDS, ORGANIZER_LABELS, PAST_EVENT_WORDS, SIGNUP_WORDS } from '../constants';
import type { Candidate, Page, Parser, Passage } from '../pipeline';
import type { DateMatch } from '../date';
import type { EventRecord } from '../types';
import {
	datesIn,
	emailsIn,
	fieldValue,
	findDistrict,
	phoneMatchesIn,
	toPhones
} from '../text/fields';
import { isHeadlineLike, isMastheadLine, isNewspaperLine, isSignerLine } from '../text/layout';
import { eachPageLine, lineStart, pageLines, pageParagraphs } from '../text/lineIndex';
import { alternation, anyOf, BULLETS, Occurrences } from '../text/patterns';
import { clauses, lowerBound, trimBlank, trimEdges, type Span } from '../text/spans';

// ---------------------------------------------------------------------------------------
// Patterns (on the normalised text)
// ---------------------------------------------------------------------------------------

/** Words that invite readers to take part. */
const SIGNUP_RE = anyOf(SIGNUP_WORDS);

/** What a 征集 collects when it is no event: opinions, suggestions, tip-offs. */
const NOT_AN_EVENT_RE = /征[集求][^。;；]{0,24}?(?:意见|建议|线索|举报)/;

/** Booking a place (电话预约, 提前预约): a way to sign up for a talk or a class. */
const BOOKING_RE = /(?:电话|提前|扫码|在线|网上|微信)预约|预约(?:报名|参加|入场|参观)/;
/** Headline words of an event one books a place at. */
const EVENT_NOUN_RE = /讲座|课堂|讲堂|体验课|公开课|培训|展览|演出|观影|参观|义诊|沙龙|分享会/;
/** Job recruitment and exams: out of scope however they say 报名. */
const RECRUITMENT_RE = /招聘(?!会)|招考|报考|笔试/;

/** Ways to register; each match makes the clause around it one method. */
const METHOD_RE =
	/扫码|扫描.{0,10}二维码|二维码|小程序|公众号|微信|微博|抖音|登录|网址|网站|https?:\/\/|www\.|邮箱|电子邮件|e-?mail|@[A-Za-z0-9-]+\.|报名电话|报名热线|咨询电话|联系电话|电话报名|电话预约|预约电话|拨打|致电|现场报名|到.{1,20}报名|前往.{1,20}报名|报名地点|报名地址|线上报名|网上报名|在线报名|APP|app|客户端/;

/** A labelled list of ways: 报名方式：… / 投稿方式如下：… */
const METHOD_LABEL_RE =
	/(?:报名|参与|参加|投稿|征集|申报|预约)(?:方式|途径|办法|渠道)(?:如下)?\]?\s*[:：]?/;

/** Markers of a report about something that already happened. */
const PAST_RE = new RegExp(
	`${alternation(PAST_EVENT_WORDS)}|日前.{0,10}举行|吸引了?.{0,12}(?:报名|参加|参与)`
);

/** Markers of something still to come or still open. */
const OPEN_RE = anyOf(OPEN_EVENT_WORDS);

/** Deadlines: 报名截止时间：X / 截至X / 即日起至X / X前(报名|投稿). */
const DEADLINE_BEFORE_RE =
	/(?:截止|截至|截止到|截止日期|截止时间|报名时间|征集时间|投稿时间|征稿时间|截稿|即日起(?:至|到)?|即日起—|报名日期|报名载止)[^。;；\n]{0,8}$/;
/** A deadline moved later (报名截止时间延长至11月20日): the new date replaces the old one. */
const EXTENDED_BEFORE_RE = /(?:延长|延期|推迟|顺延|延)(?:至|到)\s*$/;
const DEADLINE_AFTER_RE = /^\s*(?:前|之前|以前|止|截止)/;

/** When the event itself happens: 活动时间：X / 将于X举行. */
const START_BEFORE_RE =
	/(?:活动|比赛|培训|讲座|赛事|展览|演出|开营|开赛|开班|举办|举行|开课)?(?:时间|日期|时问)\s*[:：]\s*$|(?:营期|赛期|展期|会期|课期)\s*[:：]\s*$|将于\s*$|定于\s*$|于\s*$/;
const START_AFTER_RE =
	/^\s*(?:正式)?(?:举行|举办|开始|开幕|开赛|开营|开班|开课|启动|开展|进行|上线|开播|开放)/;
/**
 * A date whose own clause says the event happens (今明两天在神农城广场举行, 本周五下午3点，在…
 * 开讲): the clause after the date, and after a comma too when the date opens its sentence.
 */
const HAPPENS = '(?:举行|举办|开展|开讲|开赛|开幕|开课|开班|开营|开跑|组织|进行)';
const START_CLAUSE_RE = new RegExp(`^[^。;；,，\\n]{0,24}?${HAPPENS}`);
const START_SENTENCE_RE = new RegExp(
	`^\\s*(?:上午|下午|中午|晚上|傍晚|早上)?\\s*[,，][^。;；\\n]{0,30}?${HAPPENS}`
);

/** Where: 活动地点：X / 在X举行. */
const LOCATION_RE = [
	/(?:活动|比赛|培训|讲座|赛事|展览|演出|举办|举行|集合|上课)(?:地点|地址|场地)\]?\s*(?:[:：]|\n)\s*(?<v>[^。;；\n]{2,40})/,
	/(?<!报名|联系)(?:地点|地址|营地|场地|赛场|会场)\]?\s*(?:[:：]|[ \t]*\n)\s*(?<v>[^。;；\n]{2,40})/,
	/在(?<v>[^,，。;；:：\n]{2,30}?)(?:举行|举办|开展|进行|开赛|开营|开班|开讲|开课|鸣枪|开跑|开幕|开演)/
];

/** Who organises: 主办单位：X / 由X主办 / X联合Y推出的. */
const ORGANIZER_LABEL_RE = new RegExp(
	`(?:${alternation(ORGANIZER_LABELS)})\\s*[:：]\\s*(?<v>[^。;；\\n]{2,60})`,
	'g'
);
/** The subject of a sentence that announces: 株洲市图书馆将于…举办. */
const ORGANIZER_SUBJECT_RE =
	/(?:^|[,，。!！?？;；\s])(?<v>[\u4e00-\u9fa5“”"]{3,30}?)(?:将于|定于|将在|拟于|计划于)/;
const ORGANIZER_VERB_RE =
	/(?:^|[,，。!！?？;；:：\s])(?:由)?(?<v>[\u4e00-\u9fa5A-Za-z0-9“”"()]{3,40}?)(?:共同|联合举办|携手)?(?:主办|承办|举办|推出|发起|开展|组织|启动)(?:的|了)?/;

/** Fees: 费用：X / 免费参加 / 不收取费用. */
const FEE_RE = [
	/(?:费用|收费标准|收费|报名费|参赛费|活动费|培训费|学费)\s*(?:[:：为]|[ \t]*\n)\s*(?<v>[^。;；,，\n]{1,30})/,
	/(?<v>(?:全程)?免费(?:参加|参与|报名|入场|观看|培训|学习|体验|开放|提供)|不收取(?:任何)?费用|不收费|公益免费|费用全免|免收[^。;；,，\n]{0,8}费)/,
	/(?<v>\d+(?:\.\d+)?\s*元\s*\/\s*(?:人|位|组|队|次|课时|期))/,
	/(?:活动|讲座|课程|参观|观展|入场|培训)(?<v>免费)(?=[。,，;；\s]|$)/,
	// 限20人，免费。: a clause that is only the word.
	/[,，;；]\s*(?<v>(?:全程|全部|均)?免费)\s*(?=[。,，;；\n]|$)/
];

/** Who may register. */
const AUDIENCE_RE = [
	/(?:报名|参赛|参加|招募|征集|活动|培训|服务|招生|面向)对象\]?\s*[:：]?\s*(?<v>[^。;；\n]{2,50})/,
	/(?:^|\n)\s*对象\s*[:：]\s*(?<v>[^。;；\n]{2,50})/,
	/(?:报名|参赛|参加)(?:条件|要求)\s*[:：]\s*(?<v>[^。;；\n]{2,50})/,
	/面向(?<v>[^。;；,，\n]{2,30}?)(?:招募|征集|开放|开展|举办|报名|开设|推出|免费|征稿|招收|招生)/,
	/(?:欢迎|适合|限)(?<v>[^。;；,，\n]{2,20}?)(?:报名|参加|参与)/,
	// 面向辖区居民，不收摊位费: the clause after 面向 is the audience.
	/面向(?<v>[^。;；,，\n]{2,20}?)(?=[,，。;；\n])/
];

/** A labelled field line (时间：…, 地点：…): short like a headline, but already the body. */
const FIELD_LINE_RE = /^[\u4e00-\u9fa5]{1,6}\s*[:：]\s*\S/;

/** A byline or an editor's line: never the title of what follows. */
const BYLINE_RE = /记者|通讯员|^(?:责任)?编辑|校对|^作者|^来源|供图|^摄影\s*[:：/]|\s摄$|整理$/;

// ---------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------

/**
 * The passage's headline among the short lines before its body: the one that invites
 * (报名, 招募 …), else the longest — a section label (文体·活动) is short. Bylines never.
 */
function headlineOf(page: Page, p: Passage): Span | undefined {
	const candidates: Span[] = [];
	for (const line of eachPageLine(page, p.start, p.end)) {
		const t = line.text.trim();
		if (!t) continue;
		if ((BYLINE_RE.test(t) && t.length < 60) || isMastheadLine(t)) continue;
		if (!isHeadlineLike(t) || /[。]/.test(t) || FIELD_LINE_RE.test(t)) break;
		const s = line.start + line.text.indexOf(t);
		candidates.push({ start: s, end: s + t.length });
	}
	const text = (c: Span) => page.norm.slice(c.start, c.end);
	return (
		candidates.find((c) => SIGNUP_RE.test(text(c))) ??
		candidates.reduce<Span | undefined>(
			(best, c) => (!best || c.end - c.start > best.end - best.start ? c : best),
			undefined
		)
	);
}

/** Where the body starts: after the headline lines and bylines. */
function bodyStartOf(page: Page, p: Passage): number {
	for (const line of eachPageLine(page, p.start, p.end)) {
		const t = line.text.trim();
		if (!t) continue;
		if (FIELD_LINE_RE.test(t)) return line.start;
		if (isHeadlineLike(t) && !/[。]/.test(t) && !SIGNUP_RE.test(t)) continue;
		if (BYLINE_RE.test(t) && t.length < 40) continue;
		return line.start;
	}
	return p.start;
}

/**
 * Ways to register: the items of a 报名方式 section when there is one (1./①/（1） or one
 * per sentence), else each clause that names a way (扫码, 邮箱, 报名电话, 现场报名 …).
 */
function findMethods(page: Page, start: number, end: number): string[] {
	const norm = page.norm;
	const out: string[] = [];
	const seen = new Set<string>();
	const push = (s: number, e: number) => {
		// Leading subject and modal words: 市民朋友也可以前往… → 前往….
		const lead = /^[^,，。]{0,10}?(?:也可以|还可以|也可|可以|可通过|均可|可|请)(?=.)/.exec(
			norm.slice(s, e)
		);
		const { start: a, end: b } = trimEdges(norm, {
			start: s + (lead && lead[0].length < e - s - 4 ? lead[0].length : 0),
			end: e
		});
		const v = b > a ? fieldValue(page, { start: a, end: b }) : undefined;
		if (v && v.length >= 2 && v.length <= 80 && !seen.has(v)) {
			seen.add(v);
			out.push(v);
		}
	};
	const label = METHOD_LABEL_RE.exec(norm.slice(start, end));
	if (label) {
		const from = start + label.index + label[0].length;
		// Numbered items below the label: one method each, named by its own label.
		const items = numberedItems(norm, from, end);
		if (items.length) {
			for (const { start: s, end: e } of items) {
				const named = /^([^:：,，。]{2,8})[:：]/.exec(norm.slice(s, e));
				if (named) {
					const contact = contactIn(page, s, e);
					const name = fieldValue(page, { start: s, end: s + named[1].length });
					const v = contact ? `${name}：${contact}` : name;
					if (v && !seen.has(v)) {
						seen.add(v);
						out.push(v);
					}
				} else push(s, Math.min(e, s + 80));
			}
			return out;
		}
		// Unnumbered: the label's own sentence, one way per part (携带…到…现场报名；或致电…);
		// under a heading on its own line ([报名方式]), the next line.
		let at = from;
		while (at < end && /[\s:：]/.test(norm[at])) at++;
		const stop = /[。\n]/.exec(norm.slice(at, end));
		const to = stop ? at + stop.index : end;
		for (const { start: s, end: e } of splitAt(norm, at, to, /[;；]/)) push(s, e);
		if (out.length) return out;
	}
	// Sentence ends and "after registering" words of the span, to ask about each clause's
	// sentence without reading the sentence again for every clause.
	let stops: number[] | undefined;
	let afterWords: Occurrences | undefined;
	// Clauses never run over a line break: labelled lines (报名电话：…) have no comma before
	// the next label.
	for (const { start: s, end: e } of pageLines(page, start, end).flatMap((l) =>
		clauses(norm, { start: Math.max(l.start, start), end: Math.min(l.end, end) })
	)) {
		const c = norm.slice(s, e);
		if (!METHOD_RE.test(c)) continue;
		// A way to register must say it is one (报名电话, 发送至邮箱, 扫码报名 …).
		if (!/报名|参与|参加|投稿|报送|发送|提交|预约|参赛/.test(c)) continue;
		// Instructions for after registering (报名成功后…发送至邮箱) are not a way to register.
		stops ??= sentenceStops(norm, start, end);
		afterWords ??= new Occurrences(norm, AFTER_SIGNUP_WORDS, start, end);
		if (afterWords.within(sentenceStart(stops, s, start), s)) continue;
		// The newspaper's own QR codes (扫一扫,关注…公众号) are not a way to register.
		if (/^扫一扫/.test(c) && !/报名/.test(c)) continue;
		push(s, e);
	}
	return out;
}

/** `[from, to)` cut at each character matching `sep`, parts trimmed, empty parts dropped. */
function splitAt(norm: string, from: number, to: number, sep: RegExp): Span[] {
	const out: Span[] = [];
	let s = from;
	for (let i = from; i <= to; i++) {
		if (i === to || sep.test(norm[i])) {
			const part = trimEdges(norm, { start: s, end: i });
			if (part.end > part.start) out.push(part);
			s = i + 1;
		}
	}
	return out;
}

/** Words that tell what to do once registered: 报名成功后… */
const AFTER_SIGNUP_WORDS = ['报名成功后', '参加成功后', '成功报名后'];

/** Offsets of the sentence ends (a full stop or a line break) in `[from, to)`. */
function sentenceStops(norm: string, from: number, to: number): number[] {
	const out: number[] = [];
	for (let i = from; i < to; i++) if (/[。!！?？\n]/.test(norm[i])) out.push(i);
	return out;
}

/**
 * Where the sentence that holds `pos` starts (after a full stop or a line break), not
 * before `floor`; `stops` are the sentence ends from `floor` on.
 */
function sentenceStart(stops: number[], pos: number, floor: number): number {
	const k = lowerBound(stops, pos) - 1;
	return k >= 0 ? Math.max(floor, stops[k] + 1) : floor;
}

/** Items of a numbered list starting in `[from, to)`: 1. … / (1) … / ① …, each up to the next. */
function numberedItems(norm: string, from: number, to: number): Span[] {
	const re =
		/(?:^|\n|[。;；]\s*)\s*(?:\(?[1-9]\d?[).、.](?!\d)|[①-⑩]|[一二三四五六七八九十][、.])\s*/g;
	const text = norm.slice(from, Math.min(to, from + 1200));
	const marks: Span[] = [];
	for (const m of text.matchAll(re))
		marks.push({ start: from + m.index, end: from + m.index + m[0].length });
	const out: Span[] = [];
	for (let k = 0; k < marks.length; k++) {
		const s = marks[k].end;
		let e = k + 1 < marks.length ? marks[k + 1].start : Math.min(to, from + 1200);
		// An item ends with its sentence (the last one also with its paragraph).
		const stop = norm.slice(s, e).search(/[。]|\n\s*\n/);
		if (stop >= 0) e = s + stop;
		out.push(trimEdges(norm, { start: s, end: e }));
	}
	// A single "1." is not a list.
	return out.length >= 2 ? out : [];
}

/** The email, URL or phone in an item, as printed. */
function contactIn(page: Page, start: number, end: number): string | undefined {
	const email = emailsIn(page, { start: start, end: end })[0];
	if (email) return email;
	const url = /https?:\/\/[^\s,，。;；)）]+|www\.[^\s,，。;；)）]+/.exec(
		page.norm.slice(start, end)
	);
	if (url) return url[0];
	return phoneMatchesIn(page, { start: start, end: end })[0]?.raw;
}

interface When {
	startsOn?: string;
	endsOn?: string;
	deadline?: string;
}

/**
 * When the event happens and when registration closes. `item`: the span is one item of a
 * programme (1．绘本故事会：11月1日上午10:00，…), whose first date that is no deadline is
 * the event's own.
 */
function findWhen(page: Page, start: number, end: number, item = false): When {
	const norm = page.norm;
	const out: When = {};
	let other: DateMatch | undefined;
	for (const d of datesIn(page, { start: start, end: end }, 'nearest')) {
		const ls = lineStart(page, d.start);
		let before = norm.slice(Math.max(ls, d.start - 16), d.start);
		// A date at the start of a line under a heading line (二、活动时间): the heading is
		// its label.
		if (!before.trim()) before = headingAbove(page, ls, start);
		const after = norm.slice(d.end, d.end + 8);
		if (EXTENDED_BEFORE_RE.test(before)) {
			out.deadline = (d.until ?? d.value).slice(0, 10);
			continue;
		}
		if (!out.deadline && (DEADLINE_BEFORE_RE.test(before) || DEADLINE_AFTER_RE.test(after))) {
			// 报名时间：5月1日至5月15日 → the deadline is the range's end.
			out.deadline = (d.until ?? d.value).slice(0, 10);
			continue;
		}
		const rest = norm.slice(d.end, d.end + 40);
		// 此外，10月25日下午，…: a linking word does not stop the date opening its sentence.
		const opensSentence =
			/^\s*$/.test(norm.slice(ls, d.start)) ||
			/(?:[。!！?？]|^\s*(?:此外|另外|同时|其中|另悉)[,，]?)\s*$/.test(before);
		if (
			!out.startsOn &&
			(START_BEFORE_RE.test(before) ||
				START_AFTER_RE.test(after) ||
				START_CLAUSE_RE.test(rest) ||
				(opensSentence && START_SENTENCE_RE.test(rest)))
		) {
			out.startsOn = d.value;
			if (d.until) out.endsOn = d.until;
		}
		other ??= d;
	}
	if (item && !out.startsOn && other) {
		out.startsOn = other.value;
		if (other.until) out.endsOn = other.until;
	}
	return out;
}

/** The short line right above `ls` (a section heading), numbering removed, with a colon. */
function headingAbove(page: Page, ls: number, floor: number): string {
	const norm = page.norm;
	let e = ls - 1;
	while (e > floor && /\s/.test(norm[e - 1])) e--;
	const s = lineStart(page, e);
	if (s < floor) return '';
	const t = norm
		.slice(s, e)
		.trim()
		.replace(
			/^(?:[一二三四五六七八九十]+[、.]|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,2}[)）])\s*/,
			''
		)
		// [活动时间] (【活动时间】): the brackets are no part of the label.
		.replace(/^\[(.*)\]$/, '$1');
	return t.length <= 12 && !/[:：]/.test(t) ? `${t}:` : '';
}

function findLabelled(page: Page, res: RegExp[], start: number, end: number): string | undefined {
	const text = page.norm.slice(start, end);
	for (const re of res) {
		const m = re.exec(text);
		if (!m?.groups?.v) continue;
		const s = start + m.index + m[0].indexOf(m.groups.v);
		const v = fieldValue(page, { start: s, end: s + m.groups.v.length });
		if (v) return v;
	}
	return undefined;
}

function findOrganizer(page: Page, start: number, end: number): string | undefined {
	const norm = page.norm;
	const text = norm.slice(start, end);
	// The first labelled organiser (主办单位：…; 指导单位 is no organiser).
	for (const m of text.matchAll(ORGANIZER_LABEL_RE)) {
		if (/指导/.test(m[0])) continue;
		const s = start + m.index + m[0].indexOf(m.groups!.v);
		const v = fieldValue(page, { start: s, end: s + m.groups!.v.length });
		if (v) return v;
	}
	for (const sentence of text.split(/(?<=[。!！?？])/)) {
		const subject = ORGANIZER_SUBJECT_RE.exec(sentence);
		if (subject?.groups?.v && isSignerLine(subject.groups.v)) {
			const s =
				start + text.indexOf(sentence) + subject.index + subject[0].indexOf(subject.groups.v);
			return fieldValue(page, { start: s, end: s + subject.groups.v.length });
		}
		const m = ORGANIZER_VERB_RE.exec(sentence);
		if (!m?.groups?.v) continue;
		// 协会本周六上午9时将组织: the time is not part of the name, nor is the modal word
		// (市图书馆将举办).
		let v = m.groups.v
			.replace(/(?:(?:本|下|这|每|今|明)(?:周|星期|天|日|年|月)|[0-9]|上午|下午|晚上|凌晨).*$/, '')
			.replace(/(?:将|已|正|再次|也|还|于|特|拟|计划|共同|联合)+$/, '');
		// X联合Y: both organise.
		const parts = v.split(/联合|携手|与|和/);
		if (!parts.every((p) => p.length >= 3)) continue;
		if (!parts.some((p) => isSignerLine(p) || /网|协会|中心|工作室|馆|团|株洲/.test(p))) continue;
		// Leading time words: 近日,株洲文明网 → 株洲文明网.
		v = v.replace(/^(?:近日|日前|今年|目前|近期|为|由)/, '');
		const at = start + text.indexOf(sentence) + m.index + m[0].indexOf(m.groups.v);
		const s = at + m.groups.v.indexOf(v);
		return fieldValue(page, { start: s, end: s + v.length })?.replace(/联合|携手/g, '、');
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------

/**
 * `item`: the span is one item of a list ('list': 1．绘本故事会：…, named by its first words)
 * or one paragraph of a story that announces several activities ('story', named by the
 * quoted activity or the story's headline).
 */
function buildRecord(
	page: Page,
	p: Passage,
	item?: 'list' | 'story',
	headline?: Span
): Candidate<EventRecord> | undefined {
	const norm = page.norm;
	const text = norm.slice(p.start, p.end);
	// 征集意见 / 征集线索 (a consultation, a call for tip-offs) invite no one to take part.
	const consultation = NOT_AN_EVENT_RE.test(text);
	const invites = [...text.matchAll(new RegExp(SIGNUP_RE.source, 'g'))].filter(
		(m) => !(consultation && /^征/.test(m[0]))
	);
	const bodyStart = bodyStartOf(page, p);
	// 讲座…请提前电话预约: booking a seat is signing up, when the headline lines name an event
	// or the span is one item of a programme (a guide's 预约办理 is not one).
	const booking =
		BOOKING_RE.test(text) &&
		(item !== undefined || EVENT_NOUN_RE.test(norm.slice(p.start, Math.max(p.start, bodyStart))));
	if (!invites.length && !booking) return undefined;
	// Job recruitment and exams (招聘, 报考, 笔试) are not activities residents sign up for.
	if (RECRUITMENT_RE.test(text)) return undefined;
	const methods = findMethods(page, bodyStart, p.end);
	const when = findWhen(page, bodyStart, p.end, item !== undefined);
	// A registration word AND a way or a time to register.
	if (!methods.length && !when.deadline) return undefined;
	// A report of what already happened, with nothing still open, is news.
	if (PAST_RE.test(text) && !OPEN_RE.test(text)) return undefined;

	const head = headlineOf(page, p);
	const phones = toPhones(phoneMatchesIn(page, { start: bodyStart, end: p.end }));
	const record: EventRecord = {
		kind: 'event',
		title: '',
		// The record starts at its headline: a section label above it is not the event's.
		source: {
			file: page.source,
			start: head ? head.start : p.start,
			end: usefulEnd(page, bodyStart, p.end)
		},
		confidence: 0,
		phones,
		emails: emailsIn(page, { start: bodyStart, end: p.end })
	};
	// The headline as printed (quotes included: “悦读童年”…).
	record.title =
		(item === 'list' ? itemName(page, p) : undefined) ??
		(item === 'story' ? activityName(page, p.start, p.end) : undefined) ??
		(head ? page.text.slice(head.start, head.end) : undefined) ??
		(headline ? page.text.slice(headline.start, headline.end) : undefined) ??
		activityName(page, bodyStart, p.end) ??
		'活动报名';
	const organizer = findOrganizer(page, bodyStart, p.end);
	if (organizer) record.organizer = organizer;
	if (when.startsOn) record.startsOn = when.startsOn;
	if (when.endsOn) record.endsOn = when.endsOn;
	if (when.deadline) record.deadline = when.deadline;
	const location = findLabelled(page, LOCATION_RE, bodyStart, p.end);
	if (location) record.location = location;
	if (methods.length) record.howToRegister = methods;
	const fee = findLabelled(page, FEE_RE, bodyStart, p.end);
	if (fee) record.fee = fee;
	const audience = findLabelled(page, AUDIENCE_RE, bodyStart, p.end);
	if (audience) record.audience = audience;
	const district = findDistrict(page.norm, { start: p.start, end: p.end });
	if (district) record.district = district;

	const flags: string[] = [];
	if (!methods.length) flags.push('没有报名方式');
	if (!when.deadline && !when.startsOn) flags.push('没有活动或报名时间');
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'event.signup',
			facts: [
				methods.length > 0 && 'howToRegister',
				(when.deadline || when.startsOn) && 'date',
				head && 'head',
				(organizer || location) && 'organizerOrLocation'
			]
		}
	};
}

/**
 * Where the record's passage ends: after its last paragraph that says something about the
 * event (a registration word, a way, a date, a number, a labelled field). A news story
 * goes on about other things (会议指出…), and the page's 新闻热线 line is no part of it.
 */
function usefulEnd(page: Page, start: number, end: number): number {
	const norm = page.norm;
	let last = -1;
	for (const { start: s, end: e } of pageParagraphs(page, { start, end })) {
		const t = norm.slice(s, e);
		if (isNewspaperLine(t) || isMastheadLine(t)) continue;
		if (
			SIGNUP_RE.test(t) ||
			METHOD_RE.test(t) ||
			BOOKING_RE.test(t) ||
			EVENT_FIELD_RE.test(t) ||
			datesIn(page, { start: s, end: e }).length > 0 ||
			phoneMatchesIn(page, { start: s, end: e }).length > 0
		)
			last = e;
	}
	return last > start ? last : end;
}

/** A line that labels a field of the event (活动地点：, 主办单位：, 咨询电话：); 小贴士： is none. */
const EVENT_FIELD_RE =
	/^\s*(?:[\u4e00-\u9fa5]{0,4}(?:时间|日期|地点|地址|对象|费用|方式|截止|电话|单位|要求|营期|营地|名额)|主办|承办|协办|联系人?|备注|注)\s*[:：]/m;

/**
 * The name of one item of a list, as printed: its first line without the bullet or the
 * number, up to the first colon or comma (1．绘本故事会：11月1日… → 绘本故事会).
 */
function itemName(page: Page, p: Passage): string | undefined {
	const norm = page.norm;
	const lead = new RegExp(
		`^[${BULLETS}\\s]*(?:\\d{1,2}[.、]|[(（]\\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?\\s*`
	).exec(norm.slice(p.start, p.end));
	const s = p.start + (lead ? lead[0].length : 0);
	const stop = /[:：,，。\n]/.exec(norm.slice(s, Math.min(p.end, s + 40)));
	const e = stop ? s + stop.index : Math.min(p.end, s + 40);
	// As printed, quotes kept (“冬日暖阳”亲子徒步).
	const name = page.text.slice(s, e).trim();
	return name.length >= 2 ? name : undefined;
}

/** A quoted activity name when the passage has no headline: “…”活动 / …大赛. */
function activityName(page: Page, start: number, end: number): string | undefined {
	const m =
		/"[^"]{2,30}"[\u4e00-\u9fa5]{0,12}?(?:活动|大赛|比赛|培训|讲座|征集|征文|夏令营|招募|展演|演出|展览|晚会|音乐会|分享会|故事会|沙龙|体验课|公开课|运动会|健步走|马拉松)/.exec(
			page.norm.slice(start, end)
		);
	if (!m) return undefined;
	return page.text.slice(start + m.index, start + m.index + m[0].length);
}

/** Labels of the fields printed at the foot of a notice. */
const TRAILING_LABEL_RE =
	/^(?:主办|承办|协办|指导|支持|联办|出品|联系|咨询|地址|电话|报名|活动|时间|地点|费用|备注|注)[\u4e00-\u9fa5]{0,4}\s*[:：]/;

/** True when a passage is only a notice's trailing fields or signature. */
function isTrailingFields(page: Page, p: Passage): boolean {
	const lines = pageLines(page, p.start, p.end)
		.map((l) => l.text.trim())
		.filter(Boolean);
	if (!lines.length || lines.length > 4) return false;
	return lines.every((t) => TRAILING_LABEL_RE.test(t) && t.length <= 60);
}

/** A bullet that opens one item of a list of events (■非遗剪纸体验课). */
const ITEM_HEAD_RE = new RegExp(`^[${BULLETS}]\\s*\\S`);
/**
 * A number that opens one item of a programme (1．绘本故事会：11月1日…). A notice numbers
 * its ways to register too, so a numbered list is a programme only when every item has a
 * date of its own.
 */
const NUMBERED_HEAD_RE =
	/^(?:\d{1,2}[.、](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*\S/;

/**
 * The items of an events list (活动预告: ■ headline, 时间/地点/报名 lines, next ■ …), each
 * from its bullet line to the next; none unless at least two items each have a date or a
 * registration word. One item is one event.
 */
function listItems(page: Page, p: Passage): Passage[] {
	const lines = pageLines(page, p.start, p.end);
	const bulleted = lines.filter((l) => ITEM_HEAD_RE.test(l.text.trim()));
	const numbered = lines.filter((l) => NUMBERED_HEAD_RE.test(l.text.trim()));
	const heads = bulleted.length >= 2 ? bulleted : numbered;
	if (heads.length < 2) return [];
	const items = heads.map((l, k): Passage => {
		const s = l.start + l.text.indexOf(l.text.trim());
		const e = k + 1 < heads.length ? heads[k + 1].start : p.end;
		return { start: s, end: trimBlank(page.norm, { start: s, end: e }).end };
	});
	const eventful = items.filter(
		(it) =>
			datesIn(page, { start: it.start, end: it.end }).length > 0 ||
			SIGNUP_RE.test(page.norm.slice(it.start, it.end))
	);
	if (heads === numbered)
		return items.every((it) => datesIn(page, { start: it.start, end: it.end }).length > 0)
			? items
			: [];
	return eventful.length >= 2 ? items : [];
}

/**
 * A story that announces several activities, one paragraph each (10月24日…合唱展演…报名。
 * 此外，10月25日…书画活动…报名): two or more prose paragraphs that each say when their
 * activity happens, with a registration word and a way. Labelled lines (报名时间：…) are
 * one notice's fields, never separate activities.
 */
function storyItems(page: Page, p: Passage): Passage[] {
	const norm = page.norm;
	const out: Passage[] = [];
	const starts = new Set<string>();
	for (const { start: s, end: e } of pageParagraphs(page, p)) {
		const t = norm.slice(s, e);
		if (FIELD_LINE_RE.test(t) || !(SIGNUP_RE.test(t) || BOOKING_RE.test(t)) || !METHOD_RE.test(t))
			continue;
		const when = findWhen(page, s, e);
		if (!when.startsOn) continue;
		out.push({ start: s, end: e });
		starts.add(when.startsOn.slice(0, 10));
	}
	// Two paragraphs of one activity (its day said twice) are no two activities.
	return out.length >= 2 && starts.size === out.length ? out : [];
}

/** A key that is the same for a passage printed twice (the pages repeat paragraphs). */
function eventKey(r: EventRecord): string {
	return JSON.stringify([
		r.howToRegister ?? [],
		r.deadline,
		r.phones.map((p) => p.number),
		r.emails
	]);
}

/** Finds events with a way to sign up (报名 / 招募 / 征集 + how or by when). */
export const eventParser: Parser = {
	name: 'event',
	parse({ page, passages }) {
		const list = passages.length ? passages : [{ start: 0, end: page.text.length }];
		const records: Candidate<EventRecord>[] = [];
		const keys = new Set<string>();
		for (let k = 0; k < list.length; k++) {
			let p = list[k];
			// A notice's last lines (主办单位：…, a signature) are short and read as a new
			// headline to the passage cutter; they belong to the notice above.
			while (k + 1 < list.length && isTrailingFields(page, list[k + 1])) {
				p = { ...p, end: list[k + 1].end };
				k++;
			}
			const items = listItems(page, p);
			const stories = items.length ? [] : storyItems(page, p);
			const parts = items.length ? items : stories.length ? stories : [p];
			for (const part of parts) {
				const c = stories.length
					? buildRecord(page, part, 'story', headlineOf(page, p))
					: buildRecord(page, part, items.length ? 'list' : undefined);
				if (!c) continue;
				// A paragraph printed again under another headline is the same event.
				const key = eventKey(c.record);
				if (keys.has(key)) continue;
				keys.add(key);
				records.push(c);
			}
		}
		return records;
	}
};
