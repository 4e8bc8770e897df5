/**
 * Who declares a document void: the words in front of the verb (read backwards to a stop sign),
 * a name labelled in the body (姓名：…), or the organisation signing under the notice.
 */
import type { DateMatch } from '../../date';
import type { Page } from '../../pipeline';
import { datesIn } from '../../text/fields';
import { isNoticeHeadLine, isSignerLine } from '../../text/passages';
import { eachPageLine, lineStart } from '../../text/lineIndex';
import { BULLETS, isAlnum, isCjk } from '../../text/patterns';
import { trimEdges, type Span } from '../../text/spans';
import { DOCUMENT_LIST_RE, findDocument, firstDocumentWord } from './document';
import { NEWS_HOLDER_RE, VOID_HEAD_RE } from './labels';

/** A listed document at the end of a holder's words (张三身份证遗失), built once. */
const OWN_DOCUMENT_RE = new RegExp(`(?:${DOCUMENT_LIST_RE.source})(?:正副本|正本|副本)?$`);

/** The longest first half of a holder's words on the line above the anchor's. */
const MAX_HOLDER_HALF = 24;

/** Characters that end whatever came before a holder. */
const HARD_STOP = new RegExp(`[。;；!！?？:：,，、】\\]${BULLETS}]`);

/** A short personal name: two to four ideographs. */
const SHORT_NAME_RE = /^[\u4e00-\u9fa5]{2,4}$/;

/**
 * True when the stop sign at `i` lies inside a holder: the 、 between two names
 * (朱海峰、彭丽华遗失结婚证), the · of a vehicle plate (湘B·57Q18号车遗失…) or of a name
 * (阿依古丽·买买提遗失…).
 */
function joinsHolder(norm: string, i: number, min: number): boolean {
	const c = norm[i];
	// 湘B·57Q18 (a plate) or 阿依古丽·买买提 (a name): · between letters or ideographs.
	if (c === '·' && isCjk(norm[i - 1]) && isCjk(norm[i + 1])) return true;
	if (c === '·' || c === '.') return /[A-Z]/.test(norm[i - 1] ?? '') && isAlnum(norm[i + 1]);
	if (c !== '、') return false;
	let k = i;
	while (k > min && isCjk(norm[k - 1])) k--;
	// A run cut by the scan's floor follows the previous notice's verb: a document, no name.
	const starts = k > min ? !isCjk(norm[k - 1]) : k === 0;
	return starts && SHORT_NAME_RE.test(norm.slice(k, i));
}

/**
 * Where the holder in front of an anchor begins: read backwards to a stop sign, a bullet,
 * a blank line, or a line that ends a previous notice (it names a document or a number).
 * Brackets are skipped whole: (统一社会信用代码:…) belongs to the holder.
 */
export function holderStartOf(page: Page, anchor: number, floor: number): number {
	const norm = page.norm;
	let k = anchor;
	let depth = 0;
	const min = Math.max(floor, anchor - 80);
	while (k > min) {
		const c = norm[k - 1];
		if (c === ')' || c === '）') depth++;
		else if ((c === '(' || c === '（') && depth > 0) depth--;
		else if (depth === 0) {
			if (HARD_STOP.test(c) && !joinsHolder(norm, k - 1, min)) break;
			if (c === '\n') {
				// A blank line, or a line that reads as a headline or the end of another notice.
				// OCR spaces a headline out (遗 失 声 明): it is read without its blanks.
				const ls = lineStart(page, k - 1);
				const prev = norm.slice(ls, k - 1).trim();
				if (!prev) break;
				if (isNoticeHeadLine(prev) || isNoticeHeadLine(prev.replace(/[ \t\u3000]+/g, ''))) break;
				// Only the words after the last stop sign can be the holder's first half
				// (…声明作废。张 / 三遗失…). Longer than that, they are no holder's: the scan
				// stops there rather than read a long line back to its start.
				let ts = k - 1;
				while (ts > ls && ts >= k - 1 - MAX_HOLDER_HALF && !HARD_STOP.test(norm[ts - 1])) ts--;
				if (k - 1 - ts > MAX_HOLDER_HALF) break;
				const tail = norm.slice(ts, k - 1);
				if (VOID_HEAD_RE.test(tail) || /\d|号/.test(tail) || firstDocumentWord(norm, ts, k - 1))
					break;
			}
		}
		k--;
	}
	return k;
}

/** The holder, date and place read from the words in front of the anchor. */
interface Lead {
	holder?: Span;
	place?: Span;
	date?: DateMatch;
	/** A document named in front of the anchor: 张三的身份证遗失. */
	document?: Span;
}

/** Words after a holder's name that are not the holder: 夫妇, a vehicle of the company. */
const HOLDER_TAIL_RE =
	/(?:夫妇|夫妻|二人|两人|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[A-Z][\s·.]?[A-Z0-9]{5,6}(?:号)?(?:车|货车|客车|挂车)?)$/;

/**
 * A member of an organisation named before the person: 某大学学生贺思远, 某厂职工李某,
 * 某中学2019届毕业生龙某. The person is the holder; the school only says which one.
 */
const HOLDER_ROLE_RE =
	/^.{2,30}?(?:毕业生|研究生|学生|学员|职工|员工|居民|村民|业主|教师|会员)(?<name>[\u4e00-\u9fa5]{2,4})$/;
/** Words in front of a plate that name the vehicle, not its owner: 车牌号湘B·…的货车. */
const VEHICLE_LABEL_RE = /^(?:车牌号码?|号牌号码|车号|车辆|机动车)$/;

/** Where a holder's name ends: 于<date>, 在<place>, 不慎, 将, 因, or 的<document>. */
const HOLDER_STOPS: readonly RegExp[] = [
	/于(?=[\d一二三四五六七八九十〇零今去本近上前昨日])/,
	/(?<=..)在/,
	/不慎|因故|因/,
	/(?<=..)将/,
	/(?<=..)(?:的)/,
	/[(（]/
];

export function readLead(page: Page, start: number, end: number): Lead {
	const norm = page.norm;
	const { start: s0, end: e } = trimEdges(norm, { start: start, end: end });
	let s = s0;
	// Numbering and a headline word before the holder: 1. / (2) / ① / 声明：
	const pre = /^(?:\(?\d{1,2}[).、.]|[①-⑳]|(?:遗失)?声明\s*[:：]?|本人|本公司|本单位)\s*/.exec(
		norm.slice(s, e)
	);
	if (pre) s += pre[0].length;
	const lead: Lead = {};
	const text = norm.slice(s, e);
	// Where the holder's name ends: 于<date>, 在<place>, 不慎, 将, 因, or 的<document>.
	let cut = text.length;
	for (const re of HOLDER_STOPS) {
		const m = re.exec(text);
		if (m && m.index < cut) cut = m.index;
	}
	// 张三身份证遗失: a listed document at the end of the holder's words is the document.
	const own = OWN_DOCUMENT_RE.exec(text.slice(0, cut));
	if (own) cut = own.index;
	let { start: hs, end: he } = trimEdges(norm, { start: s, end: s + cut });
	// 陈某、罗某夫妇 / 某公司湘B·57Q18号车 / 某大学学生贺某: the holder is the people or the
	// company, not the couple word, the vehicle or the school.
	const words = norm.slice(hs, he);
	const tail = HOLDER_TAIL_RE.exec(words);
	if (tail && tail.index > 0) he = hs + tail.index;
	// 车牌号湘B·…的货车遗失…: the vehicle is no holder; its owner is named in the body (车主…).
	if (tail && VEHICLE_LABEL_RE.test(norm.slice(hs, he))) he = hs;
	const role = HOLDER_ROLE_RE.exec(norm.slice(hs, he));
	if (role?.groups && !/[会司部所院站厂店社处局队心]$/.test(role.groups.name))
		hs = he - role.groups.name.length;
	if (he > hs) lead.holder = { start: hs, end: he };
	const rest = norm.slice(s + cut, e);
	const dates = datesIn(page, { start: s + cut, end: e }, 'past');
	if (dates.length) lead.date = dates[0];
	const place = /在(?<place>[^,，。;；\n]{2,40}?)(?:处|附近|一带)?(?:不慎|被|时)?$/.exec(rest);
	if (place?.groups) {
		const ps = s + cut + place.index + 1;
		const t = trimEdges(norm, { start: ps, end: ps + place.groups.place.length });
		lead.place = t;
	}
	// A document named in brackets after the holder (（身份证号：…）) is a label of the
	// holder, not the document lost: it is looked for after the brackets.
	let docFrom = s + cut;
	if (/[(（]/.test(norm[docFrom] ?? '')) {
		const close = norm.slice(docFrom, e).search(/[)）]/);
		if (close >= 0) docFrom += close + 1;
	}
	const doc = firstDocumentWord(norm, docFrom, e);
	if (doc && !/^号/.test(norm.slice(doc.end, doc.end + 1)))
		lead.document = findDocument(norm, docFrom, e);
	return lead;
}

/** True when the holder reads as reporting, not as a name. */
export function isNewsHolder(norm: string, holder: Span | undefined): boolean {
	if (!holder) return false;
	const h = norm.slice(holder.start, holder.end);
	return h.length > 30 || NEWS_HOLDER_RE.test(h) || /^\d/.test(h);
}

/**
 * An organisation named before its legal representative, both set off by commas:
 * 某便利店，法定代表人：某某，遗失公章一枚…. The organisation is the holder.
 */
export const LEGAL_REP_RE = new RegExp(
	`(?<org>[^,，。;；:：\\n\\d${BULLETS}]{2,40})[,，]\\s*(?:法定代表人|法人代表|负责人|经营者)\\s*[:：]?\\s*[\\u4e00-\\u9fa5]{2,4}\\s*[,，]\\s*$`
);

/** A holder who names themself before a comma: 本人罗小军，遗失…. */
export const SELF_NAMED_RE =
	/(?:本人|我叫|声明人)\s*[:：]?\s*(?<name>[\u4e00-\u9fa5]{2,4})\s*[,，]\s*$/;

/**
 * A holder named by a label in a notice's body: 姓名：某某, 名称：某店, 户名：某公司, or a
 * vehicle's owner (车主某公司, 车辆所有人：某某) when the notice starts with the vehicle.
 */
const HOLDER_LABEL_RE =
	/(?:姓名|名称|户名|单位名称|持证人|持有人)\s*[:：]\s*(?<name>[^,，。;；\s(（]{2,30})|(?:车主|车辆所有人)(?:为|是)?\s*[:：]?\s*(?<owner>[^,，。;；\s(（]{2,30})/;

export function labelledHolder(norm: string, from: number, to: number): Span | undefined {
	const m = HOLDER_LABEL_RE.exec(norm.slice(from, to));
	const name = m?.groups?.name ?? m?.groups?.owner;
	if (!m || !name) return undefined;
	const s = from + m.index + m[0].length - name.length;
	return { start: s, end: s + name.length };
}

/**
 * The organisation that signs a notice written as 本公司不慎遗失…: the first line under
 * the notice when it is an organisation's name (before a blank line or a date).
 */
export function signerAfter(page: Page, end: number): Span | undefined {
	let seen = 0;
	for (const line of eachPageLine(page, end, Math.min(page.norm.length, end + 120))) {
		if (line.start < end) continue;
		const t = line.text.trim();
		if (!t || ++seen > 2) return undefined;
		const named = /^(?:声明单位|声明人)\s*[:：]\s*/.exec(t);
		const name = named ? t.slice(named[0].length) : t;
		// An organisation signs by its name alone; a person only after 声明人：.
		if (isSignerLine(name) || (named && /^[\u4e00-\u9fa5]{2,4}$/.test(name))) {
			const s = line.start + line.text.indexOf(name);
			return { start: s, end: s + name.length };
		}
	}
	return undefined;
}
