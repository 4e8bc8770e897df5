/**
 * Lost-and-found notices: 遗失声明 (a document declared void), 寻物启事 (someone lost a thing)
 * and 招领启事 / 失物招领 (someone found one).
 *
 * Void notices come in two layouts: one sentence each (`张三遗失身份证，号码…，声明作废。`),
 * often many run together in a paragraph; or a column headed `下列证件声明作废` / `遗失声明`
 * whose items carry no ending of their own (`·张三 遗失 / 4302…4号残疾证`). Each anchor
 * word (遗失/丢失) is one candidate: its holder is read backwards, its document forwards to
 * the ending word or the next holder.
 *
 * One record per what a reader looks up:
 * - a void notice naming several documents of one holder (公章、财务专用章、法人私章各一枚;
 *   身份证、户口本) is ONE record, its documentType the documents joined by 、, its number the
 *   first labelled one: the holder declared them void together, in one passage;
 * - a list of unclaimed documents by owner (以下身份证请失主认领：甲、乙…) is one record per
 *   name, its passage the name: each owner looks for their own name;
 * - a bulletin of numbered found things (1.黑色皮夹…；2.儿童自行车…) is one record per line,
 *   and a table of found things (序号 / 拾获日期 / 拾获地点 / 物品名称) one per row;
 * - examples and templates (示例, 模板, XX公司, ***, 张三 next to 格式) are never records.
 */
import {
	DOCUMENT_NUMBER_LABELS,
	DOCUMENT_SUFFIXES,
	DOCUMENT_TYPES,
	FOUND_VERBS,
	FOUND_VERBS_OCR,
	ISSUER_ENDINGS,
	LOST_VERBS,
	NEWS_WORDS,
	NOT_VOID_WORDS,
	SAMPLE_NAMES,
	TEMPLATE_WORDS
} from '../constants';
import { isEmergencyNumber } from '../phone';
import type { Candidate, Page, Parser } from '../pipeline';
import type { LostFoundRecord } from '../types';
import type { DateMatch } from '../date';
import {
	datesIn,
	fieldValue,
	findContactName,
	findDistrict,
	isTraditional,
	phoneMatchesIn,
	toPhones
} from '../text/fields';
import { isHeadlineLike, isNoticeHeadLine, isSignerLine, noticeBlockEnd } from '../text/layout';
import { eachPageLine, lineStart, paragraphAt } from '../text/lineIndex';
import { alternation, anyOf, BULLETS, isAlnum, isCjk, Occurrences } from '../text/patterns';
import { clauses, lowerBound, SpanSet, trimBlank, trimEdges, type Span } from '../text/spans';

// ---------------------------------------------------------------------------------------
// Patterns (on the normalised text)
// ---------------------------------------------------------------------------------------

/** The verb of a lost document or thing. */
const ANCHOR_RE = new RegExp(`(?:不慎)?(?:${alternation(LOST_VERBS)})`, 'g');

/**
 * An anchor that is part of a headline word (遗失声明, 遗失物品招领), of a narrative
 * (遗失的证件, 遗失后), of advice (营业执照遗失须提供…, 遗失可在网上公示, 遗失则无需登报)
 * or of a form that names the document elsewhere (本人不慎遗失上述证件),
 * not a notice's verb.
 */
const ANCHOR_IS_HEAD_RE =
	/^(?:声明|启事|启示|公告|物|人|的|后|者|时|或|、|须|需|应|可|则|也|上述|以上|前述|该)/;

/** Words after an ending that continue a sentence (声明作废后补办): then it is no ending. */
const END_CONTINUES_RE = /^(?:后|前|的|了|手续|即可|并|再|时|等|才|处理|程序|流程)/;

/**
 * How a void notice ends. Longest first; `特此声明` may follow `声明作废`; OCR reads 作废 as
 * 作费 (声明作费).
 */
const VOID_END_RE =
	/(?:(?:特此|现)?(?:声明|宣布|予以|自愿|自动)?作废(?:处理)?|声明作费|声明无效|特此声明|特此公告|以此为证)[。.!！]?(?:\s*[,，]?\s*特此(?:声明|公告)[。.!！]?)?/g;

/** A headline over a column of void notices: 遗失声明, 下列证件声明作废, 作废声明 … */
const VOID_HEAD_RE =
	/(?:遗失|作废|挂失|丢失)(?:声明|启事|启示|公告)|(?:声明|予以)作废|(?:下列|以下).{0,8}作废/;

/** The start of a column's heading line: 下列证件遗失，声明作废： / 以下证件遗失…. */
const COLUMN_HEAD_RE = /^\s*(?:下列|以下)[^，,。\n]{0,8}$/;

/** Notices that carry 声明 and numbers but declare nothing lost. */
const NOT_VOID_RE = anyOf(NOT_VOID_WORDS);

/** Words that mark an anchor inside reporting rather than a notice. */
const NEWS_HOLDER_RE = anyOf(NEWS_WORDS);

/** Labels in front of a document number. */
const NUMBER_LABEL_RE = new RegExp(
	`(?:${alternation(DOCUMENT_NUMBER_LABELS)})\\s*(?:为|是)?\\s*[:：]?\\s*`,
	'g'
);

/** Endings that make a run of characters a document name when it is not in the word list. */
const DOCUMENT_SUFFIX_RE = anyOf(DOCUMENT_SUFFIXES, 'g');

/** Issuers printed in front of a document name (株洲市残疾人联合会残疾证). */
const ISSUER_END_RE = anyOf(ISSUER_ENDINGS, 'g');

/** Quantity words around a document name: 一本 / 各一枚 / 一份. */
const QUANTITY_RE = /^(?:各)?[一二两三四五六七八九十\d]+(?:本|张|枚|份|个|套|块|联|册)/;

/** Headlines of a lost-thing notice and of a found-thing notice. */
const LOST_HEAD_RE = /寻物启[事示]|寻物公告|寻(?:狗|猫|犬|宠物?)启[事示]|寻物/;
const FOUND_HEAD_RE = /失物招领|招领启[事示]|招领公告|认领启[事示]|招领/;

/** Verbs of finding something. */
const FOUND_VERB_RE = anyOf([...FOUND_VERBS, ...FOUND_VERBS_OCR], 'g');

/** Things found that are people: those notices belong to familySearch. */
const PERSON_RE = /婴|孩|童|儿|男子|女子|老人|老年|人员|患者|流浪|尸|遗体/;
/** An item that names a person (一名男婴, 走失老人), not a thing (儿童滑板车). */
const PERSON_ITEM_RE =
	/(?:婴儿?|孩子?|儿童|男童|女童|男孩|女孩|男子|女子|老人|老年人|人员|患者|流浪\S*|尸体|遗体)$|^(?:[一两二三]?[名个位])?(?:女儿|儿子|孩子|小孩|男孩|女孩|婴儿|老人|父亲|母亲|爷爷|奶奶|外公|外婆|丈夫|妻子|弟弟|妹妹|哥哥|姐姐|家人|亲人)/;
/** A paragraph about a missing person (寻亲, 走失) is family search, whatever else it says. */
const MISSING_PERSON_RE = /寻亲|寻人|走失|失散|离家出走/;

/** A reward for returning a lost thing. */
const REWARD_RE =
	/(?:(?:必有|定有|定当|当面|予以|给予|愿付|付)?(?:重谢|酬谢|感谢费|答谢)|(?:悬赏|酬金|赏金|奖励)\s*[:：]?\s*[\d一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]+\s*元?)(?:\s*[\d一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]+\s*元)?/;

/** Lead words of a place. */
const PLACE_RE =
	/(?:在|于(?![\d一二三四五六七八九十]+月|\d{4}年|今|昨|近日|本月|上午|下午|晚|早))(?<place>[^,，。;；:：]{2,40}?)(?:处|附近|一带|路段)?(?:不慎|被|时|内)?(?=遗失|丢失|遗落|拾到|拾得|拾获|捡到|捡拾|被盗|抬到|抬得|抬获)/;
const PLACE_LABEL_RE =
	/(?:遗失|丢失|拾获|拾得|捡拾|拾到)?地点\s*[:：]\s*(?<place>[^,，。;；\n]{2,40})/;

/** A contact's polite name right after a number: 1397419xxxx（邝先生）, 1382601xxxx陈先生. */
const NAME_AFTER_PHONE_RE =
	/\d\s*[(（]?(?<name>[\u4e00-\u9fa5]{1,3}?(?:先生|女士|小姐|老师|警官|师傅))/;

/** Lead words of where a found thing can be claimed. */
const CLAIM_RE =
	/(?:到|至|前往|来)(?<place>[^,，。;；\n]{2,30}?)(?:认领|领取|办理认领)|认领地点\s*[:：]\s*(?<label>[^,，。;；\n]{2,30})/;

// ---------------------------------------------------------------------------------------
// Document type and number
// ---------------------------------------------------------------------------------------

/**
 * The longest qualifier read in front of a document word: long official names
 * (湖南省道路运输从业人员从业资格证, 行政事业单位国有资产产权登记证) are printed whole.
 */
const MAX_QUALIFIER = 24;

const DOCUMENT_LIST_RE = anyOf(DOCUMENT_TYPES, 'g');

interface Found {
	start: number;
	end: number;
}

/**
 * The document named in `[start, end)`: the first document word (from the list, else a
 * run ending in a document suffix) widened to the left over a qualifier
 * (增值税专用发票, 医疗机构执业许可证) but not over an issuer or a number, and to the right
 * over 正本/副本. Several documents joined by 、/及/和 are taken together.
 */
function findDocument(norm: string, start: number, end: number): Found | undefined {
	const first = firstDocumentWord(norm, start, end);
	if (!first) return undefined;
	let s = first.start;
	// Widen left over a qualifier: CJK characters that are not a verb, issuer or number.
	let k = s;
	// A character right after a number or letter is its unit (402房, 3栋, 湘D·88172挂): the
	// qualifier stops there.
	// A narrow column breaks a name anywhere (…医院出 / 生医学证明): a line break between
	// two ideographs is read through.
	for (;;) {
		if (k > start + 1 && norm[k - 1] === '\n' && isCjk(norm[k - 2]) && isCjk(norm[k])) {
			k--;
			continue;
		}
		if (
			k > start &&
			s - k < MAX_QUALIFIER &&
			isCjk(norm[k - 1]) &&
			!isAlnum(norm[k - 2]) &&
			!/[的号于在遗失发将把被慎了其及和与年月日届级]/.test(norm[k - 1])
		) {
			k--;
			continue;
		}
		break;
	}
	if (k < s) {
		const left = norm.slice(k, s).replace(/\n/g, '\u0000');
		let cut = 0;
		for (const m of left.matchAll(ISSUER_END_RE)) {
			// An issuer needs a name before its ending (市残疾人联合会), not a lone 所 or 院;
			// 所 of 所有权 is no issuer.
			if (m[0] === '所' && left[m.index + 1] === '有') continue;
			if (m.index + m[0].length >= 3) cut = m.index + m[0].length;
		}
		s = k + cut;
		const q = QUANTITY_RE.exec(norm.slice(s, first.start));
		if (q) s += q[0].length;
	}
	// The state's name is part of a document's (中华人民共和国残疾人证); its 和 stopped the widening.
	// Looked for in the few characters before the widened start only: a search back through
	// the page from every notice would grow with the page.
	const from = Math.max(start, s - 7);
	const state = norm.slice(from, s + 1).indexOf('中华人民共和国');
	if (state >= 0 && from + state + 7 <= first.start) s = from + state;
	let e = first.end;
	// A suffix read short: 登记证 of 不动产登记证明, 证 of 合格证书.
	if (norm[e - 1] === '证' && /[明书]/.test(norm[e] ?? '') && e < end) e++;
	// A contract's filing is its own document: 房屋买卖合同备案登记证明.
	const filing = /^(?:备案|登记|备案登记)(?:证明|证|表)/.exec(norm.slice(e, end));
	if (filing && norm.slice(first.start, e).endsWith('合同')) e += filing[0].length;
	const tail =
		/^(?:\s*[(（]?\s*(?:正、副本|正副本|正本及副本|正本和副本|正本、副本|正本|副本|原件|复印件|(?:第)?[一二三四五六七八九十\d]+联)\s*[)）]?)/.exec(
			norm.slice(e, end)
		);
	if (tail) e += tail[0].length;
	// More documents joined by 、/及/和/与.
	for (;;) {
		const m = /^\s*[、及和与]\s*/.exec(norm.slice(e, end));
		if (!m) break;
		const next = firstDocumentWord(norm, e + m[0].length, Math.min(end, e + m[0].length + 12));
		if (!next || next.start !== e + m[0].length) {
			// 公章、财务章 where the second is not listed: a short run ending in a suffix.
			const run = /^[\u4e00-\u9fa5]{1,8}?(?:章|证|卡|本|簿|执照|发票|收据)/.exec(
				norm.slice(e + m[0].length, end)
			);
			if (!run) break;
			e = e + m[0].length + run[0].length;
			continue;
		}
		e = next.end;
	}
	return { start: s, end: e };
}

/** The earliest document word in `[start, end)` (list first; a suffix run as fallback). */
function firstDocumentWord(norm: string, start: number, end: number): Found | undefined {
	const text = norm.slice(start, end);
	DOCUMENT_LIST_RE.lastIndex = 0;
	const listed = DOCUMENT_LIST_RE.exec(text);
	DOCUMENT_SUFFIX_RE.lastIndex = 0;
	let generic: RegExpExecArray | null;
	let fallback: Found | undefined;
	while ((generic = DOCUMENT_SUFFIX_RE.exec(text))) {
		// The suffix must end a word of at least two characters (营业执照, not a lone 证).
		const gs = generic.index;
		if (gs > 0 && isCjk(text[gs - 1]) && !/[的号于在了失]/.test(text[gs - 1])) {
			fallback = { start: start + gs - 1, end: start + gs + generic[0].length };
			break;
		}
		if (generic[0].length >= 2) {
			fallback = { start: start + gs, end: start + gs + generic[0].length };
			break;
		}
	}
	const fromList = listed
		? { start: start + listed.index, end: start + listed.index + listed[0].length }
		: undefined;
	if (fromList && (!fallback || fromList.start <= fallback.start)) return fromList;
	if (fromList && fallback && fallback.end >= fromList.start) return fromList;
	return fallback ?? fromList;
}

/**
 * A run of letters and digits starting at `i`, joined over line breaks: a column breaks a
 * 20-digit number after 19 digits. Hyphens inside the run are kept.
 * @returns the run as printed (line breaks removed) and where it ends in the page.
 */
function numberRun(
	norm: string,
	i: number,
	limit: number,
	spaced = false
): { value: string; end: number } {
	let value = '';
	let k = i;
	while (k < limit) {
		const c = norm[k];
		if (isAlnum(c) || (c === '-' && isAlnum(norm[k + 1]) && value.length > 0)) {
			value += c;
			k++;
			continue;
		}
		// After a label, a number printed in groups (4302 0319 9006 2314 29, 430204 008812)
		// is one number: a single blank between digit groups is joined.
		if (spaced && c === ' ' && /^\d{2,}$/.test(value) && /\d/.test(norm[k + 1] ?? '')) {
			const group = /^\d+/.exec(norm.slice(k + 1, limit))![0];
			if (group.length <= 8 && value.length + group.length <= 20) {
				k++;
				continue;
			}
		}
		// Join over a line break only inside a number (at least 4 characters so far).
		const br = /^[ \t]*\r?\n[ \t]*/.exec(norm.slice(k, limit));
		if (br && value.length >= 4 && isAlnum(norm[k + br[0].length])) {
			k += br[0].length;
			continue;
		}
		break;
	}
	// A check digit printed in brackets belongs to the number: G123456(7).
	const check = /^\([0-9A]\)/.exec(norm.slice(k, limit));
	if (check && value.length >= 4) {
		value += check[0];
		k += check[0].length;
	}
	return { value, end: k };
}

/**
 * A labelled value printed with characters (湘(2019)株洲市不动产权第0012345号), up to the
 * next separator; a line break between two letters or digits is joined like in `numberRun`.
 */
function printedValue(norm: string, i: number, limit: number): string {
	let value = '';
	let k = i;
	while (k < limit && value.length < 40) {
		const c = norm[k];
		if (/[,，;；。、]/.test(c)) break;
		if (/\s/.test(c)) {
			const br = /^[ \t]*\r?\n[ \t]*/.exec(norm.slice(k, limit));
			if (br && isAlnum(norm[k - 1]) && isAlnum(norm[k + br[0].length])) {
				k += br[0].length;
				continue;
			}
			break;
		}
		value += c;
		k++;
	}
	return value;
}

/** A Chinese vehicle plate: province character, letter, five or six letters and digits. */
const PLATE_RE =
	/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]\s?[·.]?\s?[A-Z0-9]{5,6}(?![A-Za-z0-9])/;

/** Digits in a run: a document number has at least four. */
function digitCount(s: string): number {
	return s.replace(/\D/g, '').length;
}

/**
 * The document number in `[start, end)`: after a label (证号, 统一社会信用代码, 号码 …) when
 * there is one, else the longest letter-digit run that is not a date.
 */
function findNumber(norm: string, start: number, end: number): string | undefined {
	const labelled = findLabelledNumber(norm, start, end);
	if (labelled) return labelled;
	const text = norm.slice(start, end);
	let best: string | undefined;
	for (let i = start; i < end; i++) {
		if (!isAlnum(norm[i]) || isAlnum(norm[i - 1])) continue;
		const run = numberRun(norm, i, end);
		// Dates (2024年), amounts (500元) and counts (3个) are not document numbers.
		if (/[年月日时元个岁天楼栋室]/.test(norm[run.end] ?? '')) {
			i = run.end;
			continue;
		}
		if (digitCount(run.value) >= 4 && run.value.length >= 5) {
			if (!best || run.value.length > best.length) best = run.value;
		}
		i = run.end;
	}
	// A vehicle plate (湘B·12345) is the number when no longer number is printed.
	const plate = PLATE_RE.exec(text);
	if (plate && (!best || best.length < 8)) return plate[0];
	return best;
}

/** The first number printed after a document-number label in `[start, end)`. */
function findLabelledNumber(norm: string, start: number, end: number): string | undefined {
	const text = norm.slice(start, end);
	NUMBER_LABEL_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = NUMBER_LABEL_RE.exec(text))) {
		// 电话号码 / 手机号码 label a phone, not a document.
		if (/(?:电话|手机|联系)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
		const at = start + m.index + m[0].length;
		if (isAlnum(norm[at])) {
			const run = numberRun(norm, at, end, true);
			if (run.value.length >= 4 && digitCount(run.value) >= 3) return run.value;
		} else if (isCjk(norm[at]) || norm[at] === '(') {
			// 湘(2019)株洲市不动产权第0012345号, 湘B12345: printed with characters.
			const v = printedValue(norm, at, end);
			if (digitCount(v) >= 4 && !/年|月|日/.test(v)) return v;
		}
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------
// Void notices
// ---------------------------------------------------------------------------------------

interface Anchor {
	/** Where the verb starts and ends. */
	start: number;
	end: number;
	/** Where the notice (its holder) starts. */
	holderStart: number;
}

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
function holderStartOf(page: Page, anchor: number, floor: number): number {
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
	document?: Found;
}

/** Words after a holder's name that are not the holder: 夫妇, a vehicle of the company. */
const HOLDER_TAIL_RE =
	/(?:夫妇|夫妻|二人|两人|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[A-Z][\s·.]?[A-Z0-9]{5,6}(?:号)?(?:车|货车|客车|挂车)?)$/;
/** A member of an organisation named before the person: 某大学学生贺思远, 某厂职工李某. */
const HOLDER_ROLE_RE =
	/^.{2,30}?(?:学生|学员|职工|员工|居民|村民|业主|教师|会员)(?<name>[\u4e00-\u9fa5]{2,4})$/;

function readLead(page: Page, start: number, end: number): Lead {
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
	const stops: RegExp[] = [
		/于(?=[\d一二三四五六七八九十〇零今去本近上前昨日])/,
		/(?<=..)在/,
		/不慎|因故|因/,
		/(?<=..)将/,
		/(?<=..)(?:的)/,
		/[(（]/
	];
	for (const re of stops) {
		const m = re.exec(text);
		if (m && m.index < cut) cut = m.index;
	}
	// 张三身份证遗失: a listed document at the end of the holder's words is the document.
	const own = new RegExp(`(?:${DOCUMENT_LIST_RE.source})(?:正副本|正本|副本)?$`).exec(
		text.slice(0, cut)
	);
	if (own) cut = own.index;
	let { start: hs, end: he } = trimEdges(norm, { start: s, end: s + cut });
	// 陈某、罗某夫妇 / 某公司湘B·57Q18号车 / 某大学学生贺某: the holder is the people or the
	// company, not the couple word, the vehicle or the school.
	const words = norm.slice(hs, he);
	const tail = HOLDER_TAIL_RE.exec(words);
	if (tail && tail.index > 0) he = hs + tail.index;
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
		lead.place = { start: t.start, end: t.end };
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
function isNewsHolder(norm: string, holder: Span | undefined): boolean {
	if (!holder) return false;
	const h = norm.slice(holder.start, holder.end);
	return h.length > 30 || NEWS_HOLDER_RE.test(h) || /^\d/.test(h);
}

/** What may stand between two items of a column: whitespace, bullets, separators. */
const GAP_FILLER_RE = new RegExp(`[\\s${BULLETS},，;；。、:：]`, 'g');

/**
 * True when a line inside a notice's reach heads another notice: it reads as a heading
 * (遗失声明), holds no comma and follows a finished sentence or a blank line — a narrow
 * column's line that happens to end in 声明 (N430567890，声明 / 作废。) does not.
 */
function startsNotice(page: Page, line: { start: number; text: string }): boolean {
	if (!isNoticeHeadLine(line.text) || /[,，]/.test(line.text)) return false;
	let k = line.start;
	while (k > 0 && /[ \t\r\u3000]/.test(page.norm[k - 1])) k--;
	const before = page.norm.slice(Math.max(0, k - 2), k);
	return (
		!/\S\n$/.test(before) ||
		/[。!！?？;；]\n$/.test(before) ||
		isHeadlineLike(page.norm.slice(lineStart(page, Math.max(0, k - 1)), k - 1))
	);
}

interface VoidCandidate {
	anchor: Anchor;
	end: number;
	terminated: boolean;
	zone: boolean;
}

/** Void notices of the page, outside the spans already taken by lost/found notices. */
function parseVoidNotices(page: Page, taken: Span[]): Candidate<LostFoundRecord>[] {
	const norm = page.norm;
	const takenSpans = new SpanSet();
	for (const span of taken) takenSpans.add(span);
	const inTaken = (i: number) => takenSpans.overlaps({ start: i, end: i + 1 });

	const anchors: Anchor[] = [];
	ANCHOR_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = ANCHOR_RE.exec(norm))) {
		const start = m.index;
		const end = start + m[0].length;
		if (inTaken(start)) continue;
		if (ANCHOR_IS_HEAD_RE.test(norm.slice(end, end + 3))) continue;
		// 下列证件遗失，声明作废： heads a column; its 遗失 is no notice's.
		const ls = lineStart(page, start);
		if (COLUMN_HEAD_RE.test(norm.slice(ls, start))) continue;
		anchors.push({ start, end, holderStart: start });
	}
	if (!anchors.length) return [];

	// Ending words, found once for the page. They do not overlap, so both their starts and
	// their ends ascend.
	const ends: Span[] = [];
	const endStarts: number[] = [];
	const endEnds: number[] = [];
	VOID_END_RE.lastIndex = 0;
	while ((m = VOID_END_RE.exec(norm))) {
		const e = m.index + m[0].length;
		if (!/[。.!！]$/.test(m[0]) && END_CONTINUES_RE.test(norm.slice(e, e + 2))) continue;
		ends.push({ start: m.index, end: e });
		endStarts.push(m.index);
		endEnds.push(e);
	}

	let floor = 0;
	for (const a of anchors) {
		// The last ending before the anchor.
		const k = lowerBound(endEnds, a.start + 1) - 1;
		const lastEnd = k >= 0 ? endEnds[k] : 0;
		a.holderStart = holderStartOf(page, a.start, Math.max(floor, lastEnd));
		floor = a.end;
	}

	const candidates: VoidCandidate[] = [];
	for (let k = 0; k < anchors.length; k++) {
		const a = anchors[k];
		const next = anchors[k + 1]?.holderStart ?? norm.length;
		let limit = Math.min(next, a.end + 260);
		// A blank line or another notice's headline ends the notice.
		const blank = /\n[ \t]*\r?\n/.exec(norm.slice(a.end, limit));
		if (blank) limit = a.end + blank.index;
		for (const line of eachPageLine(page, a.end, limit)) {
			if (line.start > a.end && startsNotice(page, line)) {
				limit = Math.min(limit, line.start);
				break;
			}
		}
		// The first ending after the verb, if it starts before the limit.
		const first = lowerBound(endStarts, a.end);
		const end = first < ends.length && ends[first].start < limit ? ends[first] : undefined;
		candidates.push({
			anchor: a,
			end: end ? end.end : trimBlank(norm, { start: a.end, end: limit }).end,
			terminated: !!end,
			zone: false
		});
	}

	// A column headed 下列证件声明作废 / 遗失声明: its items need no ending of their own.
	let zoneOpen = false;
	let prevEnd = 0;
	for (const c of candidates) {
		const gap = norm.slice(prevEnd, c.anchor.holderStart);
		if (VOID_HEAD_RE.test(gap.split('\n').slice(-4).join('\n'))) zoneOpen = true;
		else if (gap.replace(GAP_FILLER_RE, '').length > 0) zoneOpen = false;
		c.zone = zoneOpen;
		prevEnd = c.end;
	}
	// 张三遗失身份证、李四遗失户口本，声明作废: an item joined to a terminated one shares its ending.
	for (let k = candidates.length - 2; k >= 0; k--) {
		const c = candidates[k];
		const n = candidates[k + 1];
		if (c.terminated || c.zone || !(n.terminated || n.zone)) continue;
		if (/^[\s,，、;；和及]*$/.test(norm.slice(c.end, n.anchor.holderStart))) c.terminated = true;
	}

	const records: Candidate<LostFoundRecord>[] = [];
	for (const c of candidates) {
		if (!c.terminated && !c.zone) continue;
		const rec = buildVoidRecord(page, c);
		if (rec) records.push(rec);
	}
	return records;
}

/** A holder who names themself before a comma: 本人罗小军，遗失…. */
const SELF_NAMED_RE = /(?:本人|我叫|声明人)\s*[:：]?\s*(?<name>[\u4e00-\u9fa5]{2,4})\s*[,，]\s*$/;

function buildVoidRecord(page: Page, c: VoidCandidate): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const { start: start, end: end } = trimEdges(norm, { start: c.anchor.holderStart, end: c.end });
	// Keep the closing full stop of the notice inside its span.
	const spanEnd = /[。.!！]/.test(norm[end] ?? '') && end < c.end ? end + 1 : end;
	const whole = norm.slice(start, c.end);
	if (NOT_VOID_RE.test(whole)) return undefined;

	const lead = readLead(page, start, c.anchor.start);
	if (isNewsHolder(norm, lead.holder)) return undefined;
	// 本人罗小军，遗失残疾人证…: the name stands before the comma that stopped the holder.
	let spanStart = start;
	if (!lead.holder) {
		const ls = Math.max(lineStart(page, start), start - 12);
		const self = SELF_NAMED_RE.exec(norm.slice(ls, start));
		if (self?.groups) {
			const ns = start - self[0].length + self[0].indexOf(self.groups.name);
			lead.holder = { start: ns, end: ns + self.groups.name.length };
			spanStart = start - self[0].length;
		}
	}

	// The body runs from the verb to the ending word.
	const bodyEnd = c.terminated ? endOfBody(norm, c.anchor.end, c.end) : c.end;
	const doc = lead.document ?? findDocument(norm, c.anchor.end, bodyEnd);
	const documentNumber = findNumber(norm, start, bodyEnd);
	if (!doc && !documentNumber) return undefined;

	// Without a name in front: a name labelled in the body (遗失居民身份证一张，姓名：某某 /
	// 名称：某店), else the organisation signing under the notice.
	const named = lead.holder ? undefined : labelledHolder(norm, c.anchor.end, bodyEnd);
	const signer = lead.holder || named ? undefined : signerAfter(page, c.end);
	const holderSpan = lead.holder ?? named ?? signer;
	const holder = holderSpan ? fieldValue(page, holderSpan) : undefined;
	const documentType = doc ? fieldValue(page, { start: doc.start, end: doc.end }) : undefined;
	// The title is built in the script of the page: 張三遺失身份證聲明 on a traditional page.
	const traditional = isTraditional(page, { start: start, end: spanEnd });
	const verb = /遗失/.test(norm.slice(c.anchor.start, c.anchor.end))
		? page.text.slice(c.anchor.end - 2, c.anchor.end)
		: '遗失';
	const title = `${holder ?? ''}${verb}${documentType ?? '证件'}${traditional ? '聲明' : '声明'}`;

	const flags: string[] = [];
	if (!holder) flags.push('未识别声明人');
	if (!documentType) flags.push('未识别证件名称');

	const record: LostFoundRecord = {
		kind: 'lost_found',
		subtype: 'void_notice',
		title,
		source: { file: page.source, start: spanStart, end: spanEnd },
		confidence: 0,
		phones: [],
		emails: []
	};
	if (holder) record.holder = holder;
	if (documentType) record.documentType = documentType;
	if (documentNumber) record.documentNumber = documentNumber;
	if (lead.date) record.date = lead.date.value.slice(0, 10);
	if (lead.place) record.place = fieldValue(page, lead.place);
	const district = findDistrict(page.norm, { start: start, end: spanEnd });
	if (district) record.district = district;
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'lost_found.voidNotice',
			facts: [
				// How the notice ends: a closing formula (声明作废), else a column it sits in.
				c.terminated ? 'terminated' : c.zone && 'zone',
				holder && 'holder',
				documentType && 'documentType',
				documentNumber && 'documentNumber'
			]
		}
	};
}

/** A holder named by a label in a notice's body: 姓名：某某, 名称：某店, 户名：某公司. */
const HOLDER_LABEL_RE =
	/(?:姓名|名称|户名|单位名称|持证人|持有人)\s*[:：]\s*(?<name>[^,，。;；\s(（]{2,30})/;

function labelledHolder(norm: string, from: number, to: number): Span | undefined {
	const m = HOLDER_LABEL_RE.exec(norm.slice(from, to));
	if (!m?.groups) return undefined;
	const s = from + m.index + m[0].length - m.groups.name.length;
	return { start: s, end: s + m.groups.name.length };
}

/**
 * The organisation that signs a notice written as 本公司不慎遗失…: the first line under
 * the notice when it is an organisation's name (before a blank line or a date).
 */
function signerAfter(page: Page, end: number): Span | undefined {
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

/** Where the body stops: at the ending word (声明作废 …) inside `[from, to)`. */
function endOfBody(norm: string, from: number, to: number): number {
	VOID_END_RE.lastIndex = 0;
	const m = VOID_END_RE.exec(norm.slice(from, to));
	return m ? from + m.index : to;
}

// ---------------------------------------------------------------------------------------
// Lost things and found things
// ---------------------------------------------------------------------------------------

interface ItemNotice {
	subtype: 'lost_item' | 'found_item';
	start: number;
	end: number;
	/** The headline (寻物启事), when the notice has one. */
	head?: Span;
	/** Where the words naming the thing start, when the usual verbs do not lead to it. */
	itemFrom?: number;
	/** Where the body starts under a news headline that is part of the paragraph. */
	bodyFrom?: number;
	/**
	 * For one line of a bulletin: the bulletin's own words after its last item (请失主…认领，
	 * 电话…), which give every line without a phone or claim place of its own those.
	 */
	shared?: Span;
}

/** Where a paragraph's body starts when its first line is a headline (的哥拾到手机 等失主来领). */
function bodyAfterHeadline(norm: string, s: number, e: number): number | undefined {
	const nl = norm.indexOf('\n', s);
	if (nl < 0 || nl >= e) return undefined;
	return isHeadlineLike(norm.slice(s, nl)) ? nl + 1 : undefined;
}

/** Where a finder is asked to bring a lost thing: 请送至神农公园东门保安室. */
const RETURN_PLACE_RE = /(?:送至|送到|交至|交到|送还至|送还到|送回)[^,，。;；\n]{2,30}/;

/** Words of a paragraph that tells a lost thing: someone who finds it … is asked to call. */
const FINDER_WORDS = ['拾到', '拾获', '捡到', '拾得', '捡拾', '发现', '见到', '抬到'];
const RETURN_WORDS = ['联系', '归还', '送还', '交还', '重谢', '酬谢', '感谢'];
/** The words without which VOID_END_RE cannot match, and each of which it matches. */
const VOID_END_WORDS = ['作废', '声明作费', '声明无效', '特此声明', '特此公告', '以此为证'];

/** Lost/found notices: those under a headline, then those told in one paragraph. */
/**
 * Lost/found notices outside `listed` (the lists and tables already read, sorted by start):
 * a headed block stops where a list or table begins.
 */
function findItemNotices(page: Page, listed: readonly Span[]): ItemNotice[] {
	const norm = page.norm;
	const out: ItemNotice[] = [];
	// The notices found so far, one set per way of finding them: each way finds its
	// notices in text order, which keeps adding to a set cheap.
	const headed = new SpanSet();
	const foundParas = new SpanSet();
	const lostParas = new SpanSet();
	const lists = new SpanSet();
	for (const span of listed) lists.add(span);
	const listStarts = listed.map((span) => span.start);
	const overlaps = (s: number, e: number) =>
		headed.overlaps({ start: s, end: e }) ||
		foundParas.overlaps({ start: s, end: e }) ||
		lostParas.overlaps({ start: s, end: e }) ||
		lists.overlaps({ start: s, end: e });

	// Headed notices: a headline line, or a paragraph that starts with the word and a colon.
	for (const line of eachPageLine(page, 0, norm.length)) {
		const t = line.text.trim();
		if (!t) continue;
		const lostHead = LOST_HEAD_RE.exec(t);
		const foundHead = FOUND_HEAD_RE.exec(t);
		const head = lostHead ?? foundHead;
		if (!head) continue;
		const inline = INLINE_HEAD_RE.test(t);
		if (!inline && !isHeadlineLike(t)) continue;
		// The notice's own headline starts or ends with the word (【失物招领】, 寻物启事);
		// a news headline only mentions it (失物招领处搬新家了).
		if (!inline) {
			const bare = t.replace(/^[[【(（\s]+|[\]】)）!！\s]+$/g, '');
			if (
				!(bare.startsWith(head[0]) && /(?:启[事示]|公告|招领)$/.test(bare)) &&
				!bare.endsWith(head[0])
			)
				continue;
		}
		if (overlaps(line.start, line.end)) continue;
		let end = clipAtNextNotice(page, line.start, noticeBlockEnd(page, line.start));
		const nextList = listStarts[lowerBound(listStarts, line.end)];
		if (nextList !== undefined && nextList < end) end = nextList;
		const { start: s, end: e } = trimBlank(norm, { start: line.start, end: end });
		const hs = line.start + line.text.indexOf(t);
		headed.add({ start: s, end: e });
		out.push({
			subtype: lostHead ? 'lost_item' : 'found_item',
			start: s,
			end: e,
			head: inline
				? { start: hs, end: hs + head.index + head[0].length }
				: { start: hs, end: hs + t.length }
		});
	}

	// A found thing told in a paragraph: 拾到…请失主…认领. A paragraph may hold many verbs:
	// what depends on the paragraph alone is read once for it.
	FOUND_VERB_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	let asks: { start: number; end: number; value: boolean } | undefined;
	while ((m = FOUND_VERB_RE.exec(norm))) {
		const { start: s, end: e } = paragraphAt(page, m.index);
		if (overlaps(s, e)) continue;
		if (asks?.start !== s || asks.end !== e) {
			const para = norm.slice(s, e);
			const value = /失主|认领|领回|领取/.test(para) && /请|望|欢迎/.test(para);
			asks = { start: s, end: e, value };
		}
		if (!asks.value) continue;
		if (PERSON_RE.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
		foundParas.add({ start: s, end: e });
		out.push({ subtype: 'found_item', start: s, end: e, bodyFrom: bodyAfterHeadline(norm, s, e) });
	}
	// A found thing told as news: the finding in one paragraph (…发现一个挎包), the police
	// asking the owner in a later one (希望失主…与…联系，电话…). The notice runs from the
	// finding to the asking.
	OWNER_ASKED_RE.lastIndex = 0;
	while ((m = OWNER_ASKED_RE.exec(norm))) {
		const { start: s, end: e } = paragraphAt(page, m.index);
		if (overlaps(s, e)) continue;
		OWNER_ASKED_RE.lastIndex = Math.max(OWNER_ASKED_RE.lastIndex, e);
		const para = norm.slice(s, e);
		if (!/认领|联系|领回|领取/.test(para) || !/希望|请|望/.test(para)) continue;
		if (!phoneMatchesIn(page, { start: s, end: e }).length && !CLAIM_RE.test(para)) continue;
		const finding = findingBefore(page, s);
		if (!finding || overlaps(finding.start, e)) continue;
		foundParas.add({ start: finding.start, end: e });
		out.push({ subtype: 'found_item', start: finding.start, end: e, itemFrom: finding.itemFrom });
	}
	// A lost thing told in a paragraph: 遗失…有拾到者请联系…(重谢). The words are looked for
	// between the verb and the paragraph's end: where they occur is found once for the page.
	let finders: Occurrences | undefined;
	let returns: Occurrences | undefined;
	let voidEnds: Occurrences | undefined;
	let phoned: { start: number; end: number; value: boolean } | undefined;
	ANCHOR_RE.lastIndex = 0;
	while ((m = ANCHOR_RE.exec(norm))) {
		const { start: s, end: e } = paragraphAt(page, m.index);
		if (overlaps(s, e)) continue;
		finders ??= new Occurrences(norm, FINDER_WORDS);
		if (!finders.within(m.index, e)) continue;
		returns ??= new Occurrences(norm, RETURN_WORDS);
		if (!returns.within(m.index, e)) continue;
		voidEnds ??= new Occurrences(norm, VOID_END_WORDS);
		if (voidEnds.within(m.index, e)) continue;
		if (
			MISSING_PERSON_RE.test(
				norm.slice(Math.max(s, m.index - 200), Math.min(e, m.index + m[0].length + 200))
			)
		)
			continue;
		if (phoned?.start !== s || phoned.end !== e)
			phoned = {
				start: s,
				end: e,
				// A phone, or a place to bring the thing to (请送至…保安室).
				value:
					phoneMatchesIn(page, { start: s, end: e }).length > 0 ||
					RETURN_PLACE_RE.test(norm.slice(s, e))
			};
		if (!phoned.value) continue;
		lostParas.add({ start: s, end: e });
		out.push({ subtype: 'lost_item', start: s, end: e, bodyFrom: bodyAfterHeadline(norm, s, e) });
	}
	return out.sort((a, b) => a.start - b.start);
}

/** A numbered item's mark at the start of its line: 1. / 2、 / (3) / ④. */
const NUMBERED_RE = /^\s*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[①-⑳])\s*/;
/** A bulleted line: ·黑色钱包… */
const BULLET_MARK_RE = new RegExp(`^\\s*[${BULLETS}]\\s*`);
/** What a numbered line needs to be a thing of its own: when or where it was found or lost. */
const ITEM_LINE_RE = /拾|捡|遗失|丢失|遗落|月\s*\d{1,2}\s*日|[\d一二三四五六七八九十]+日/;

/**
 * A bulletin of several things (公告如下：1.黑色皮夹…；2.儿童自行车…) is one record per
 * numbered line, each with its own date, place and phone; the intro and the closing terms
 * belong to none. A notice with fewer than two such lines is kept whole.
 */
function splitNumbered(page: Page, n: ItemNotice): ItemNotice[] {
	const parts: ItemNotice[] = [];
	for (const line of eachPageLine(page, n.start, n.end)) {
		// A numbered or bulleted line; or an unmarked short line naming a counted thing and a
		// day (黑色钱包一个（10月3日，人民路）).
		const mark =
			NUMBERED_RE.exec(line.text) ??
			BULLET_MARK_RE.exec(line.text) ??
			(line.text.length <= 40 && ITEM_ROW_RE.test(line.text) ? /^\s*/.exec(line.text) : null);
		if (!mark || !ITEM_LINE_RE.test(line.text)) continue;
		const { start: s, end: e } = trimBlank(page.norm, {
			start: line.start,
			end: Math.min(line.end, n.end)
		});
		parts.push({ subtype: n.subtype, start: s, end: e, itemFrom: line.start + mark[0].length });
	}
	if (parts.length < 2) return [n];
	const tail: Span = { start: parts[parts.length - 1].end, end: n.end };
	for (const p of parts) p.shared = tail;
	return parts;
}

/** The owner asked for in news of a found thing: 希望失主看到报道后…联系. */
const OWNER_ASKED_RE = /失主/g;
/** How news tells the finding of a thing: 拾到 / 捡到 / 发现 and the thing. */
const FINDING_RE = /(?:捡拾到|拾到|拾得|拾获|捡到|捡获|发现)(?:了)?/g;
/** How many paragraphs before the asking one the finding may be told. */
const FINDING_REACH = 3;

/**
 * The paragraph, at most FINDING_REACH before `asked`, that tells the finding of a thing
 * (not of a person), without crossing a headline: its start and where the thing is named.
 */
function findingBefore(page: Page, asked: number): { start: number; itemFrom: number } | undefined {
	const norm = page.norm;
	let pos = asked;
	let found: { start: number; itemFrom: number } | undefined;
	for (let n = 0; n < FINDING_REACH && pos > 0; n++) {
		let k = pos;
		while (k > 0 && /\s/.test(norm[k - 1])) k--;
		if (k === 0) break;
		const { start: s, end: e } = paragraphAt(page, k - 1);
		const para = norm.slice(s, e);
		if (isHeadlineLike(para)) break;
		FINDING_RE.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = FINDING_RE.exec(para))) {
			const from = s + m.index + m[0].length;
			if (PERSON_RE.test(norm.slice(from, from + 8))) continue;
			found = { start: s, itemFrom: from };
			break;
		}
		pos = s;
	}
	return found;
}

const BULLET_START_RE = new RegExp(`^[${BULLETS}]`);
/** VOID_END_RE without its global flag, to test a line. */
const VOID_END_ONCE_RE = new RegExp(VOID_END_RE.source);

/** A notice that starts its paragraph with its headword: 寻物启事：本人… / 【寻物启事】本人…. */
const INLINE_HEAD_RE =
	/^\s*(?:(?:寻物启[事示]|寻物|失物招领|招领启[事示]|招领)\s*[:：]|[【[]\s*(?:寻物启[事示]|寻物|失物招领|拾物招领|招领启[事示]|招领)\s*[】\]])/;
/** A paragraph of the page's own (a tip, the column's terms) that follows the notices. */
const CLOSING_PARAGRAPH_RE =
	/^[[【]?(?:警方提醒|民警提醒|温馨提示|友情提示|特别提醒|本栏目|本报|编者按|记者提醒)/;

/**
 * A headed lost/found block stops before what follows it: a void notice, the next
 * notice (its headline or an inline 寻物启事：…), or the page's own tip or terms.
 */
function clipAtNextNotice(page: Page, start: number, end: number): number {
	for (const line of eachPageLine(page, start, end)) {
		if (line.start <= start) continue;
		const t = line.text.trim();
		if (BULLET_START_RE.test(t) || (VOID_HEAD_RE.test(t) && isHeadlineLike(t))) return line.start;
		if (/遗失|丢失/.test(t) && VOID_END_ONCE_RE.test(t)) return line.start;
		if (INLINE_HEAD_RE.test(t) || CLOSING_PARAGRAPH_RE.test(t)) return line.start;
		if (isHeadlineLike(t) && (LOST_HEAD_RE.test(t) || FOUND_HEAD_RE.test(t))) return line.start;
	}
	return end;
}

/** A quantity with its measure word: 一个, 两张, 若干串. */
const QUANTITY =
	'(?:[一二两三四五六七八九十\\d]+|若干)(?:个|只|部|台|张|本|件|串|把|块|条|枚|副|份|辆|套|袋|包|箱|顶|双|对|瓶|盒|支|根|片)';
const LEAD_QUANTITY_RE = new RegExp(`^(?:了)?${QUANTITY}`);
const TRAIL_QUANTITY_RE = new RegExp(`${QUANTITY}$`);
/**
 * An unmarked line of a list of things: a counted thing and a day, no sentence. Only tested
 * on lines of at most 40 characters.
 */
const ITEM_ROW_RE = new RegExp(
	`^[^。!！?？]*${QUANTITY}[^。!！?？]*\\d{1,2}月\\d{1,2}日[^。!！?？]*$`
);

/** A thing put in front of the verb: 将一个棕色公文包遗落在车上, 把钥匙丢了. */
const MOVED_ITEM_RE =
	/[将把](?<item>[^,，。;；\n]{2,30}?)(?:不慎)?(?:遗落|遗失|丢失|遗忘|落|丢)(?:在|于|了)?/;
/** A pet that strayed, named before its verb: 一只橘色狸花猫从小区走失. */
const STRAYED_RE =
	/[一两]?(?:只|条|头)(?<item>[\u4e00-\u9fa5]{2,10}?)(?:[从在于][^,，。;；]{0,20})?(?:走失|走丢|跑丢|丢失)/;
/** A thing handed in: 收到群众送交的金色手镯一只. */
const HANDED_IN_RE = /(?:送交|上交|交来|送来|移交)的/;
const LOST_ITEM_VERB_RE = /(?:不慎)?(?:遗失|丢失|遗落|被盗|走失|丢)(?:了)?/;
const FOUND_ITEM_VERB_RE = /(?:捡拾到|捡拾|拾到|拾得|拾获|捡到|捡获|抬到|抬得|抬获)(?:了)?/;
/** Where the name of the thing ends inside its clause: its description or a second thing. */
const ITEM_CUT_RE = /[(（]|以及|及|和|、/;

/**
 * The thing itself, as a reader would file it: 黑色双肩包, not 黑色双肩包一个，内有笔记本
 * 电脑 — the first clause after the verb (or after an 物品： label, or the thing moved in front
 * of the verb with 将/把), cut before a description in brackets or a second thing, without
 * its quantity.
 */
function findItem(
	norm: string,
	start: number,
	end: number,
	subtype: 'lost_item' | 'found_item'
): Span | undefined {
	const text = norm.slice(start, end);
	let from: number | undefined;
	const label = /(?:遗失|丢失|拾得|拾获)?(?:物品|失物|物件)(?:名称)?\s*[:：]\s*/.exec(text);
	const moved = subtype === 'lost_item' && !label ? MOVED_ITEM_RE.exec(text) : null;
	const strayed = subtype === 'lost_item' && !label && !moved ? STRAYED_RE.exec(text) : null;
	if (label) from = start + label.index + label[0].length;
	else if (moved?.groups) {
		const s = start + moved.index + 1;
		return cleanItem(norm, s, s + moved.groups.item.length);
	} else if (strayed?.groups) {
		const s = start + strayed.index + strayed[0].indexOf(strayed.groups.item);
		return cleanItem(norm, s, s + strayed.groups.item.length);
	} else {
		const handed = subtype === 'found_item' ? HANDED_IN_RE.exec(text) : null;
		const verb =
			handed ?? (subtype === 'lost_item' ? LOST_ITEM_VERB_RE : FOUND_ITEM_VERB_RE).exec(text);
		if (verb) from = start + verb.index + verb[0].length;
	}
	if (from === undefined) return undefined;
	const first = clauses(norm, { start: from, end: end })[0];
	return first ? cleanItem(norm, first.start, first.end) : undefined;
}

/** `[s, e)` of a clause naming a thing, cut to the thing's name (see findItem). */
function cleanItem(norm: string, s: number, e: number): Span | undefined {
	// A form's next label ends the value: 遗失物品：黑色钱包一个 / 遗失时间：….
	const label = /\n\s*[\u4e00-\u9fa5]{2,6}\s*[:：]/.exec(norm.slice(s, e));
	if (label) e = s + label.index;
	// 拾到乘客遗失的蓝色雨伞: whose it was is not the thing.
	const whose = /^[\u4e00-\u9fa5]{0,4}(?:遗失|丢失|遗落|遗忘|遗留|丢下)的/.exec(norm.slice(s, e));
	if (whose && whose[0].length < e - s) s += whose[0].length;
	const cut = ITEM_CUT_RE.exec(norm.slice(s, e));
	if (cut && cut.index > 0) e = s + cut.index;
	const lead = LEAD_QUANTITY_RE.exec(norm.slice(s, e));
	if (lead && lead[0].length < e - s) s += lead[0].length;
	const trail = TRAIL_QUANTITY_RE.exec(norm.slice(s, e));
	if (trail && trail.index > 0) e = s + trail.index;
	if (e - s > 40) e = s + 40;
	const span = trimEdges(norm, { start: s, end: e });
	return span.end > span.start ? span : undefined;
}

/** The owner named on a document: 姓名：卢某, 持卡人为高二(5)班罗某, 失主为某某. */
const OWNER_RE =
	/(?:姓名|持证人|持卡人|户名|失主)(?:为|是)?\s*[:：]?\s*(?:[^,，。;；\n]{0,12}?班)?(?<name>[\u4e00-\u9fa5]{2,4})(?=$|[\s,，。;；、(（]|身份证|证号)/;

/** True when `[s, e)` names a document (居民身份证, 机动车驾驶证), not a thing. */
function isDocument(norm: string, s: number, e: number): boolean {
	const doc = firstDocumentWord(norm, s, e);
	return !!doc && doc.end === e;
}

function buildItemRecord(page: Page, n: ItemNotice): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const bodyStart = n.head ? n.head.end : (n.bodyFrom ?? n.start);
	const first =
		n.itemFrom === undefined ? undefined : clauses(norm, { start: n.itemFrom, end: n.end })[0];
	const item = first
		? cleanItem(norm, first.start, first.end)
		: findItem(norm, bodyStart, n.end, n.subtype);
	const itemText = item ? fieldValue(page, item) : undefined;
	if (item && PERSON_ITEM_RE.test(norm.slice(item.start, item.end))) return undefined;

	// A headline with nothing to identify the thing or reach anyone is no notice.
	if (!itemText && !phoneMatchesIn(page, { start: n.start, end: n.end }).length) return undefined;
	const head = n.head ? fieldValue(page, n.head) : undefined;
	// The title names the thing without its description or quantity: 寻物启事：黑色双肩包.
	const title = `${head ?? (n.subtype === 'lost_item' ? '寻物启事' : '失物招领')}${itemText ? `：${itemText}` : ''}`;

	// 110 in a lost/found notice is advice (可拨打110求助), never the way to the thing.
	const own = phoneMatchesIn(page, { start: n.start, end: n.end });
	const phones = toPhones(
		(own.length || !n.shared ? own : phoneMatchesIn(page, n.shared)).filter(
			(p) => !isEmergencyNumber(p.number)
		)
	);

	const record: LostFoundRecord = {
		kind: 'lost_found',
		subtype: n.subtype,
		title,
		source: { file: page.source, start: n.start, end: n.end },
		confidence: 0,
		phones,
		emails: []
	};
	if (itemText) record.item = itemText;
	// A found or lost document carries its owner and number: 拾到居民身份证一张，姓名：某某，
	// 身份证号码：…. Read only when the thing is a document, so a wallet's contents are not.
	if (item && isDocument(norm, item.start, item.end)) {
		record.documentType = itemText;
		const owner = OWNER_RE.exec(norm.slice(bodyStart, n.end));
		if (owner?.groups) {
			const os = bodyStart + owner.index + owner[0].length - owner.groups.name.length;
			record.holder = fieldValue(page, { start: os, end: os + owner.groups.name.length });
		}
		const number = findLabelledNumber(norm, item.end, n.end);
		if (number) record.documentNumber = number;
	}

	const text = norm.slice(bodyStart, n.end);
	const placeLabel = PLACE_LABEL_RE.exec(text);
	const place = placeLabel ?? PLACE_RE.exec(text);
	if (place?.groups?.place) {
		const ps = bodyStart + place.index + place[0].indexOf(place.groups.place);
		const value = fieldValue(page, { start: ps, end: ps + place.groups.place.length });
		// 于10月3日 is a date, not a place.
		if (
			value &&
			!/^[\d一二三四五六七八九十]+月|^\d{4}年|^今|^昨|^近日/.test(norm.slice(ps, ps + 5))
		)
			record.place = value;
	}
	const dates = datesIn(page, { start: bodyStart, end: n.end }, 'past');
	// The day is what a reader looks for; a time printed with it (下午4时许) is dropped.
	if (dates.length) record.date = dates[0].value.slice(0, 10);

	const contact = findContactName(page, { start: bodyStart, end: n.end });
	if (contact) record.contactName = fieldValue(page, { start: contact.start, end: contact.end });
	else {
		// 请致电13974190268（邝先生）: the name in brackets after the number.
		const after = NAME_AFTER_PHONE_RE.exec(text);
		if (after?.groups) {
			const cs = bodyStart + after.index + after[0].indexOf(after.groups.name);
			record.contactName = fieldValue(page, { start: cs, end: cs + after.groups.name.length });
		}
	}
	if (n.subtype === 'found_item') {
		let claimFrom = bodyStart;
		let claim = CLAIM_RE.exec(text);
		if (!claim && n.shared) {
			claimFrom = n.shared.start;
			claim = CLAIM_RE.exec(norm.slice(n.shared.start, n.shared.end));
		}
		const value = claim?.groups?.place ?? claim?.groups?.label;
		if (claim && value) {
			const cs = claimFrom + claim.index + claim[0].indexOf(value);
			record.claimPlace = fieldValue(page, { start: cs, end: cs + value.length });
		}
	} else {
		const reward = REWARD_RE.exec(text);
		if (reward)
			record.reward = fieldValue(page, {
				start: bodyStart + reward.index,
				end: bodyStart + reward.index + reward[0].length
			});
	}
	const district = findDistrict(page.norm, { start: n.start, end: n.end });
	if (district) record.district = district;

	const flags: string[] = [];
	if (!itemText) flags.push('未识别物品');
	const reachable = phones.length || record.claimPlace;
	if (!reachable) flags.push('没有联系方式');
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'lost_found.itemNotice',
			facts: [n.head && 'head', itemText && 'item', reachable && 'contact', record.place && 'place']
		}
	};
}

// ---------------------------------------------------------------------------------------
// Lists: unclaimed documents by owner, tables of found things
// ---------------------------------------------------------------------------------------

/**
 * A list of unclaimed documents by owner name: 以下身份证请失主认领：甲、乙… or
 * …保存着8张身份证，失主分别为甲、乙…. Each name is one record (a reader looks up their own
 * name), its span the name; the list's claiming instructions give each its phones.
 */
const OWNER_LIST_RE =
	/(?:以下|下列)(?<doc>[\u4e00-\u9fa5]{1,10}?)(?:请|望)?(?:失主|机主|证件主人)?(?:尽快|及时|速)?(?:前来|来)?(?:认领|领取)[^:：\n。]{0,8}[:：]|(?:失主|持证人|持卡人|机主)(?:姓名)?分别(?:为|是)[:：]?/g;
/** One owner's name in a list, and what may separate two of them. */
const OWNER_NAME_RE = /^[\u4e00-\u9fa5]{2,4}$/;
const OWNER_SEPARATOR_RE = /[、，,;；\s]+/;
/** How far after a list its claiming instructions may be printed. */
const LIST_REACH = 400;
/** The longest run of names read as one list. */
const MAX_LIST = 400;

interface Listed {
	records: Candidate<LostFoundRecord>[];
	/** The paragraphs the lists take, kept from the other finders. */
	spans: Span[];
}

function findOwnerLists(page: Page): Listed {
	const norm = page.norm;
	const out: Listed = { records: [], spans: [] };
	OWNER_LIST_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = OWNER_LIST_RE.exec(norm))) {
		const listStart = m.index + m[0].length;
		// The names run to the end of the sentence (or the line).
		const listLimit = Math.min(norm.length, listStart + MAX_LIST);
		// The names run to the end of the sentence, or, when the heading line ends with its
		// colon, over the lines below it to a blank line (甲 乙 丙 / 丁 戊, set apart by ideographic spaces).
		const ahead = norm.slice(listStart, listLimit);
		const onLine = /^[ \t]*\r?\n/.test(ahead);
		const stop = onLine ? ahead.search(/\n[ \t]*\r?\n|。/) : ahead.search(/[。\n]/);
		const listEnd = stop < 0 ? listLimit : listStart + stop;
		const docWord = m.groups?.doc
			? firstDocumentWord(norm, m.index, listStart)
			: firstDocumentWord(norm, Math.max(lineStart(page, m.index), m.index - 30), m.index);
		if (!docWord) continue;
		const names: Span[] = [];
		let k = listStart;
		const parts = norm.slice(listStart, listEnd).split(OWNER_SEPARATOR_RE);
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i];
			if (!part) continue;
			const at = norm.indexOf(part, k);
			k = at + part.length;
			// A two-character name is padded to the column's width: 周 敏 with an ideographic space.
			if (part.length === 1 && parts[i + 1]?.length === 1 && isCjk(part) && isCjk(parts[i + 1])) {
				const end = norm.indexOf(parts[i + 1], k) + 1;
				if (end - at <= 3) {
					names.push({ start: at, end: end });
					k = end;
					i++;
					continue;
				}
			}
			const name = part.replace(/等$/, '');
			if (!OWNER_NAME_RE.test(name)) break;
			names.push({ start: at, end: at + name.length });
		}
		if (names.length < 2) continue;
		// The instructions: this paragraph and the next, within reach. Each is read only near
		// the list, so that many lists in one long paragraph do not read it again and again.
		const { start: p0, end: p1 } = paragraphAt(page, m.index);
		const ps = Math.max(p0, m.index - LIST_REACH);
		const pe = Math.min(p1, listEnd + LIST_REACH);
		let ie = pe;
		const next =
			pe === p1 && pe + 2 < norm.length
				? paragraphAt(page, Math.min(norm.length - 1, pe + 2))
				: undefined;
		// …unless the next paragraph is a notice of its own (【寻物启事】…).
		const nextText = next && next.end - pe < LIST_REACH ? norm.slice(next.start, next.end) : '';
		const nextHead = nextText.split('\n')[0];
		if (
			next &&
			next.start > pe &&
			next.end - pe < LIST_REACH &&
			/认领|领取|联系/.test(nextText) &&
			!isHeadlineLike(nextHead) &&
			!INLINE_HEAD_RE.test(nextHead)
		)
			ie = next.end;
		const phones = toPhones(
			phoneMatchesIn(page, { start: ps, end: ie }).filter((p) => !isEmergencyNumber(p.number))
		);
		const claim = CLAIM_RE.exec(norm.slice(ps, ie));
		const claimValue = claim?.groups?.place ?? claim?.groups?.label;
		const documentType = fieldValue(page, { start: docWord.start, end: docWord.end });
		// When and where the documents were found, told before the list.
		const dates = datesIn(page, { start: ps, end: m.index }, 'past');
		const place = PLACE_RE.exec(norm.slice(ps, m.index));
		const placeValue = place?.groups?.place
			? fieldValue(page, {
					start: ps + place.index + place[0].indexOf(place.groups.place),
					end: ps + place.index + place[0].indexOf(place.groups.place) + place.groups.place.length
				})
			: undefined;
		for (const { start: s, end: e } of names) {
			const holder = fieldValue(page, { start: s, end: e })!.replace(/[\s\u3000]+/g, '');
			const r: LostFoundRecord = {
				kind: 'lost_found',
				subtype: 'found_item',
				title: `失物招领：${holder}的${documentType}`,
				source: { file: page.source, start: s, end: e },
				confidence: 0,
				phones,
				emails: [],
				holder,
				item: documentType,
				documentType
			};
			if (claim && claimValue) {
				const cs = ps + claim.index + claim[0].indexOf(claimValue);
				r.claimPlace = fieldValue(page, { start: cs, end: cs + claimValue.length });
			}
			if (dates.length) r.date = dates[0].value.slice(0, 10);
			if (placeValue) r.place = placeValue;
			out.records.push({
				record: r,
				evidence: {
					rule: 'lost_found.holderList',
					facts: [(phones.length || claimValue) && 'contact']
				}
			});
		}
		out.spans.push({ start: ps, end: ie });
		OWNER_LIST_RE.lastIndex = Math.max(OWNER_LIST_RE.lastIndex, listEnd);
	}
	return out;
}

/** A table's cells: split at blanks (NFKC folds the ideographic space) and bars. */
const CELL_SPLIT_RE = /\s*[|｜]\s*|\s+/;
const ITEM_COLUMN_RE = /物品|失物|名称|物件/;
const DATE_COLUMN_RE = /日期|时间/;
const PLACE_COLUMN_RE = /地点|位置|车站|站点|线路|车次/;
/** Words that make a table one of found things. */
const FOUND_TABLE_RE = /拾获|拾得|拾到|捡拾|捡到|招领|认领|失物/;

/**
 * Tables of found things (a metro's 失物招领公告): a header row naming the item column and a
 * date or place column, then one row per thing with as many cells. One record per row.
 */
function findFoundTables(page: Page): Listed {
	const norm = page.norm;
	const out: Listed = { records: [], spans: [] };
	const lines = eachPageLine(page, 0, norm.length);
	let header: { cells: string[]; start: number } | undefined;
	let rowsEnd = 0;
	for (const line of lines) {
		const t = line.text.trim();
		// Only a header or a row under one is split into cells.
		if (!header && (t.length > 60 || !ITEM_COLUMN_RE.test(t))) continue;
		const cells = t ? t.split(CELL_SPLIT_RE) : [];
		if (header) {
			if (cells.length === header.cells.length && !ITEM_COLUMN_RE.test(t)) {
				const r = tableRow(page, line, header.cells, cells);
				if (r) {
					out.records.push(r);
					rowsEnd = line.end;
					continue;
				}
			}
			if (rowsEnd > header.start) out.spans.push({ start: header.start, end: rowsEnd });
			header = undefined;
		}
		if (cells.length < 3 || cells.length > 8 || t.length > 60) continue;
		const item = cells.findIndex((c) => ITEM_COLUMN_RE.test(c) && c.length <= 6);
		if (item < 0) continue;
		if (!cells.some((c) => DATE_COLUMN_RE.test(c) || PLACE_COLUMN_RE.test(c))) continue;
		const context = norm.slice(Math.max(0, line.start - 300), line.end);
		if (!FOUND_TABLE_RE.test(context)) continue;
		header = { cells, start: line.start };
		rowsEnd = line.start;
	}
	if (header && rowsEnd > header.start) out.spans.push({ start: header.start, end: rowsEnd });
	return out;
}

function tableRow(
	page: Page,
	line: { start: number; end: number; text: string },
	head: string[],
	cells: string[]
): Candidate<LostFoundRecord> | undefined {
	const norm = page.norm;
	const { start: s, end: e } = trimBlank(norm, { start: line.start, end: line.end });
	// Each cell's offsets in the page, found in order.
	const at: Span[] = [];
	let k = s;
	for (const c of cells) {
		const i = norm.indexOf(c, k);
		at.push({ start: i, end: i + c.length });
		k = i + c.length;
	}
	const col = (re: RegExp) => head.findIndex((h) => re.test(h));
	const itemCol = col(ITEM_COLUMN_RE);
	const item = fieldValue(page, at[itemCol]);
	if (!item || /^\d+$/.test(item)) return undefined;
	const r: LostFoundRecord = {
		kind: 'lost_found',
		subtype: 'found_item',
		title: `失物招领：${item}`,
		source: { file: page.source, start: s, end: e },
		confidence: 0,
		phones: toPhones(phoneMatchesIn(page, { start: s, end: e })),
		emails: [],
		item
	};
	const dateCol = col(DATE_COLUMN_RE);
	if (dateCol >= 0) {
		const dates = datesIn(page, at[dateCol], 'past');
		if (dates.length) r.date = dates[0].value.slice(0, 10);
	}
	const placeCol = col(PLACE_COLUMN_RE);
	if (placeCol >= 0) {
		const place = fieldValue(page, at[placeCol]);
		if (place) r.place = place;
	}
	return { record: r, evidence: { rule: 'lost_found.tableRow' } };
}

// ---------------------------------------------------------------------------------------
// Examples and templates
// ---------------------------------------------------------------------------------------

/**
 * What a template prints where a real notice has a name or a number: XX公司, xxx, ***,
 * 430xxxxxxxxxxxxxxx (the rest of the number left out), □□. A run between letters or digits
 * is no placeholder: X inside a code (…MA4L2RXX7B), or the middle of a masked ID number
 * (430203********1234) that police lists of found cards print.
 */
const PLACEHOLDER_RE = /(?<![A-Za-z0-9*])[xX*]{2,}|[xX*]{3,}(?![A-Za-z0-9*])|[○□]{2,}/;
/**
 * 某某 standing for a whole value (某某公司遗失…, 编号：某某某某) marks a template; after a
 * surname (王某某) it is a name made anonymous, as news and test pages print them.
 */
const ANONYMISED_RE = /(?:^|[:：]\s*)某某/;
const TEMPLATE_RE = anyOf(TEMPLATE_WORDS);
/** How far before a notice, on its line, an example's label may be printed. */
const LABEL_REACH = 24;
/** How much of the line introducing a notice (…请参照下面的写法：) is read. */
const INTRO_REACH = 60;
const SAMPLE_NAME_RE = new RegExp(`^(?:${alternation(SAMPLE_NAMES)})`);

/**
 * True when a notice is an example (a how-to guide's 示例, an agency's 模板, a note to
 * advertisers): it prints placeholders, its own line or the line that introduces it
 * (…写法如下：) names it an example, or its holder is a sample name (张三, 李四) with such
 * words close by. Such notices must never become records.
 */
function isExample(page: Page, r: LostFoundRecord): boolean {
	const norm = page.norm;
	const { start, end } = r.source;
	const span = norm.slice(start, end);
	if (PLACEHOLDER_RE.test(span)) return true;
	if (r.subtype === 'void_notice' && ANONYMISED_RE.test(span)) return true;
	// The label in front of the notice on its line (示例一：, 【模板1】): a few characters, not
	// the whole of a long line.
	const ls = lineStart(page, start);
	// After the last sentence end: in a run-together column the words before belong to the
	// previous notice (…参考书店遗失…声明作废。).
	const label = norm
		.slice(Math.max(ls, start - LABEL_REACH), start)
		.split(/[。;；!！]/)
		.pop()!;
	if (TEMPLATE_RE.test(label)) return true;
	// The last non-blank line before the notice, when it introduces it (ends with a colon).
	let k = ls;
	while (k > 0 && /\s/.test(norm[k - 1])) k--;
	const prevStart = lineStart(page, Math.max(0, k - 1));
	const prev = norm.slice(Math.max(prevStart, k - INTRO_REACH), k);
	if (/[:：]$/.test(prev) && TEMPLATE_RE.test(prev)) return true;
	if (r.holder && SAMPLE_NAME_RE.test(r.holder)) {
		const around = norm.slice(Math.max(0, start - 200), Math.min(norm.length, end + 100));
		if (TEMPLATE_RE.test(around)) return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------

/** Finds 遗失声明 (void_notice), 寻物启事 (lost_item) and 招领启事 (found_item). */
export const lostFoundParser: Parser = {
	name: 'lostFound',
	parse({ page }) {
		const lists = findOwnerLists(page);
		const tables = findFoundTables(page);
		const listed = [...lists.spans, ...tables.spans].sort((x, y) => x.start - y.start);
		const items = findItemNotices(page, listed).flatMap((n) => splitNumbered(page, n));
		const records: Candidate<LostFoundRecord>[] = [...lists.records, ...tables.records];
		for (const n of items) {
			// A paragraph that announces the table below it (以下物品…请失主认领) is no notice.
			if (
				tables.spans.some(({ start: a }) => a >= n.end && a - n.end < 300) &&
				/以下|下列/.test(page.norm.slice(n.start, n.end))
			)
				continue;
			const r = buildItemRecord(page, n);
			if (r) records.push(r);
		}
		const taken = items.map((n): Span => ({ start: n.start, end: n.end }));
		for (const span of [...lists.spans, ...tables.spans]) taken.push(span);
		// One by one: a long page holds more notices than a call takes arguments.
		for (const r of parseVoidNotices(page, taken)) records.push(r);
		return records
			.filter((c) => !isExample(page, c.record))
			.sort((a, b) => a.record.source.start - b.record.source.start);
	}
};
