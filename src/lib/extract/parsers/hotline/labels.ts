/**
 * The hotline parsers' patterns, built once from the word lists in constants.ts: what a label
 * says (a purpose, a generic 电话, the newspaper's own lines), list marks, and the words that
 * make a number the subject of a sentence rather than a line to call.
 */
import {
	HOTLINE_LABEL_ENDINGS,
	HOTLINE_LIST_WORDS,
	NEWSPAPER_LINE_WORDS,
	NON_SERVICE_LABEL_WORDS,
	NOTICE_CONTACT_WORDS,
	NUMBER_AS_SUBJECT_WORDS,
	SERVICE_NUMBERS
} from '../../constants';
import { anyOf } from '../../text/patterns';
import { isSpace } from '../../text/spans';

/** A label that ends in one of these says what the line is for (a bare 电话 does not). */
export const PURPOSE_RE = new RegExp(
	`(?:${HOTLINE_LABEL_ENDINGS.filter((w) => w !== '电话' && w !== '联系电话').join('|')})$`
);

/** Words that make "XX电话" a service line when no organisation is named: 便民服务电话. */
export const SERVICE_WORD_RE =
	/服务|咨询|举报|投诉|监督|求助|报警|急救|急诊|门诊|挂号|救援|抢修|值班|办事|受理|查询|预约|客服|便民|政务|援助|维权|报修|预警/;

/** Labels that name no purpose on their own. */
export const GENERIC_RE =
	/^(电话|联系电话|联系方式|电话号码|手机|号码|热线|热线电话|座机|Tel|TEL|tel)$/;

export const LIST_HEAD_RE = anyOf(HOTLINE_LIST_WORDS);

export const NEWSPAPER_RE = new RegExp(
	[
		...NEWSPAPER_LINE_WORDS,
		'本报',
		// 本栏目热线: a column's own line is the paper's too
		'本栏目',
		'报社',
		'投稿',
		'记者',
		'通讯员',
		'编辑',
		'邮发代号',
		'订阅'
	].join('|')
);

/** True when a label or the words before a number speak of the newspaper (本报, 新闻热线 …). */
export function isNewspaperText(s: string): boolean {
	return NEWSPAPER_RE.test(s);
}

export const NON_SERVICE_RE = anyOf(NON_SERVICE_LABEL_WORDS);

/** A name that is only a surname and a title (王女士, 李先生): a private contact, not a line. */
export const PRIVATE_CONTACT_RE = /^[\u4e00-\u9fa5]{1,2}(?:先生|女士|小姐|师傅|老师)$/;

export const NOTICE_RE = anyOf(NOTICE_CONTACT_WORDS);

/** Leading list marks: 1. / (1) / ① / · / - */
export const BULLET_RE =
	/^[\s·•●○◎◆◇■□▲△►▶★☆※\-*]*(?:\(?\d{1,2}[).、.]|[①-⑳]|[一二三四五六七八九十]{1,2}、)?\s*/;

export const SERVICE = new Set<string>(SERVICE_NUMBERS);

/** A bracket after a number that names a line (（消费投诉）), not a note (（白天）). */
export const BRACKET_LABEL_RE = /热线|投诉|举报|服务|咨询|电话|求助|救援|报警|救助/;

/** Clause ends inside a sentence; the organisation is looked for clause by clause. */
export function isClauseSplit(code: number): boolean {
	// /[,;:、\s]/ by UTF-16 code: asked of every character before a number.
	return code === 0x2c || code === 0x3b || code === 0x3a || code === 0x3001 || isSpace(code);
}

/** Sentence ends: the organisation is looked for within the number's sentence. */
export const SENTENCE_END = /[。!?\n]/;

/** How far back (characters) the organisation may be named. */
export const ORG_REACH = 80;

/** Words that lead a clause to its organisation: 可向…投诉, 如有疑问，可致电…. */
export const LEAD_RE =
	/^(?:本报讯|记者从|记者|另据|另悉|据悉|据|如有疑问|如有需要|若有疑问|另外|此外|同时|据了解|具体|(?:市民|群众|用户|乘客|旅客)(?!中心|服务|之家)|也|还|可以|可|请|直接|通过|经|在|从|向|到|至|与|由|致电|拨打|联系|咨询|前往)+/;

/** A sentence that is only a label before its number: 值班电话：. */
export const LABEL_ONLY_RE = /^\s*[\u4e00-\u9fa5]{0,8}(?:电话|热线|专线)[\s:]*$/;

/** What may stand between two numbers of one line: 、 / 或, perhaps after a note (白天). */
export const CONTINUATION_RE = /^\s?(?:\([^()\n]{1,6}\)\s?[、,/或]?|[、,/或])\s?$/;

export const SUBJECT_AFTER_RE = new RegExp(
	`^[^,;。\\n]{0,16}?(?:${NUMBER_AS_SUBJECT_WORDS.join('|')})`
);

export const SUBJECT_BEFORE_RE = new RegExp(`(?:${NUMBER_AS_SUBJECT_WORDS.join('|')})\\s?$`);

/** Who dials before the number when a citizen's call is reported: 市民刘女士拨打 / 市民通过 */
const CALLER_BEFORE_RE =
	/(?:市民|网友|居民|群众|读者|村民|业主|家长|先生|女士|师傅)[^,;。\n可请需应]{0,8}?(?:拨打|通过|致电)\s?$/;
/** …and what the call did after it: 12345反映： / 12345热线反映， */
const CALLER_AFTER_RE = /^[^,;。\n]{0,10}?(?:反映|投诉|举报|求助)/;

/**
 * A number a citizen called, told in a report (市民刘女士拨打12345反映：…), not a line offered
 * to the reader (可拨打12345投诉): the caller stands before the dialling verb.
 */
export function isReportedCall(norm: string, p: { start: number; end: number }): boolean {
	return (
		CALLER_BEFORE_RE.test(norm.slice(Math.max(0, p.start - 16), p.start)) &&
		CALLER_AFTER_RE.test(norm.slice(p.end, p.end + 16))
	);
}

/** A source credit in brackets: （市12345热线服务中心供稿） / （市政务服务中心提供） */
const CREDIT_AFTER_RE = /^[^()\n]{0,24}?(?:供稿|供图|撰稿|整理|提供)\)/;

/** True when the number sits inside a source credit, which credits a writer, not a line. */
export function isInCredit(norm: string, p: { start: number; end: number }): boolean {
	// From before the number to its end: a record's passage may start at the bracket itself.
	const before = norm.slice(Math.max(0, p.start - 24), p.end);
	const open = before.lastIndexOf('(');
	return (
		open >= 0 &&
		!/[)\n]/.test(before.slice(open)) &&
		CREDIT_AFTER_RE.test(norm.slice(p.end, p.end + 30))
	);
}
