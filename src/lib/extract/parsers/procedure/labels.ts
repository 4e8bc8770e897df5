/**
 * The procedure parsers' patterns, built once from the word lists in constants.ts: question and
 * answer markers of Q&A boards and letters, guide section headings, and the cues of a guide told
 * in a news report.
 */
import {
	ANSWER_VERBS,
	ANSWERER_CUES,
	ANSWERER_ROLES,
	ASK_VERBS,
	ASKER_WORDS,
	CARRY_VERBS,
	DEPARTMENT_SUFFIXES,
	GUIDE_SECTIONS,
	GUIDE_TITLE_WORDS,
	STEP_ORDER_WORDS
} from '../../constants';
import { normalize } from '../../normalize';
import { alternation, anyOf } from '../../text/patterns';
import { SPACE_CODES } from '../../text/spans';

// The word lists as alternations, longest first, built once.
const ASKER = alternation(ASKER_WORDS);
const ASK_VERB = alternation(ASK_VERBS);
const ANSWER_VERB = alternation(ANSWER_VERBS);
const SUFFIX = alternation(DEPARTMENT_SUFFIXES);

/** Item numbers that may precede a marker: 1. / 一、 */
const ITEM_NO =
	'(?:\\d{1,2}[.、]|[一二三四五六七八九十]{1,2}[、.]|\\(\\d{1,2}\\)|\\([一二三四五六七八九十]{1,2}\\))\\s?';

/** Bullets printed before a marker or a heading: ■网友问： / ●办理条件： */
export const BULLET_RE = /^[■□●○◆◇▲△▶►★☆◎•·]\s?/;

/** A place before the asker: 醴陵网友 / 株洲网友 / 长沙市民. */
const PLACE = '(?:[\\u4e00-\\u9fa5]{2,3}?(?=(?:' + ASKER + ')))?';

/** The asker's name: 网友"小李" / 市民张先生 / 网友549423. */
const ASKER_NAME = `(?:["'][^"'\\n]{1,12}["']|[\\u4e00-\\u9fa5A-Za-z0-9]{0,6}?)?`;

/** What opens a question: 网友提问 / 市民张先生咨询 / 网友"小李" / 问 / 留言内容 / 留言板 / 来信 / Q. */
/** Where or how the asker wrote: 网友在"问政株洲"平台留言称 / 市民拨打12345反映 / 市民通过12345热线反映 */
const WHERE = '(?:(?:在|通过|拨打|致电)[^,:。\\n]{1,16}?)?';

const QUESTION_WORD =
	`${PLACE}(?:${ASKER})${ASKER_NAME}\\s?(?:${WHERE}(?:${ASK_VERB}){1,2}称?)?` +
	'|留言内容|诉求内容|来信内容|咨询内容|问题描述|留言标题|留言主题|标题|留言板|读者来信|来信|问题|留言|提问|问|Q\\d{0,2}' +
	// 民声·回声 columns: [民声]读者…：the problem, [回声]XX街道：the answer.
	'|民声' +
	// Deputies' suggestions and members' proposals with the handling unit's reply.
	'|代表建议|委员提案|提案内容|建议内容' +
	'|反映|诉求|投诉|求助|咨询|建议';

/** The question marker up to its colon, or in brackets: 网友提问: / [问] / 【网友留言】 */
export const QUESTION_RE = new RegExp(
	`^(?:${ITEM_NO})?(?:\\[(?:${QUESTION_WORD})\\]\\s?:?|(?:${QUESTION_WORD})\\s?:)`
);

/**
 * Narrative digests open an item with the asker and verb and a comma: 网友反映，… /
 * 市民来电反映，… / 一、网友咨询，… The verb is required, so 网友们, 市民朋友, stay out.
 */
export const QUESTION_COMMA_RE = new RegExp(
	`^(?:${ITEM_NO})?${PLACE}(?:${ASKER})${ASKER_NAME}\\s?${WHERE}(?:${ASK_VERB}){1,2}称?\\s?,`
);

/**
 * Who asks, at the start of a question that a bare label (【反映】) opens: 市民王先生来电反映， /
 * 本报读者李女士来电： / 石峰区田心街道居民反映， — dropped from the question text.
 */
export const ASKER_LEAD_RE = new RegExp(
	`^[\\u4e00-\\u9fa5]{0,10}?(?:${ASKER})${ASKER_NAME}\\s?(?:${ASK_VERB}){1,2}称?\\s?[,:]`
);

/** A message list's asker line: 网友 zz20260512 2026-05-12 (the message follows on the next line). */
export const ASKER_LINE_RE = new RegExp(
	`^(?:${ASKER})\\s?[^\\s:]{1,20}\\s+\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?[^\\n]{0,12}(?=\\n)`
);

/** A reply that opens with a greeting and no marker: 网友您好： / 尊敬的网友： / 易女士：您好！ */
export const GREETING_RE =
	/^(?:(?:网友|网民|市民|读者)?您好\s?[:,!。]|尊敬的(?:网友|网民|市民|读者|群众)(?:朋友)?\s?[:,!。]|[\u4e00-\u9fa5]{1,4}(?:先生|女士|同志|师傅|老师|同学)\s?[:,]\s*(?:您|你)好)/;

/** A numbered question line without a marker (1.孩子第一次办身份证，需要带什么？), answered by 答:. */
export const NUMBERED_QUESTION_RE = new RegExp(`^${ITEM_NO}(?=[^\\n]{4,80}\\?\\s*(?:\\n|$))`);

/** Bare answer words: 答: / 回复内容: / 办理结果: / A: */
const ANSWER_WORD = `${ANSWER_VERB}|回声|办理答复|答复意见|回复内容|答复内容|办理结果|处理结果|办理情况|部门回复|部门答复|部门回应|部门答|官方回复|官方答复|A\\d{0,2}`;

/** An answering organisation: ends in a department suffix, with an optional bracketed alias. */
const ORG = `[\\u4e00-\\u9fa5]{1,24}?(?:${SUFFIX})(?:\\([\\u4e00-\\u9fa5、]{2,20}\\))?`;

/**
 * 市教育局回复: / 市住建局(市人防办)回复: / 芦淞区政府: / 11月18日，XX局回复， / XX政府回复称， /
 * 对此，XX局回复称， / XX公司回复如下： / 答（市社保中心）：
 * / 答: / [答] — the answer marker. The organisation must end in a department suffix; the
 * verb is optional before a colon and required before a comma.
 */
export const ANSWER_RE = new RegExp(
	`^(?:\\d{1,2}月\\d{1,2}日\\s?,?\\s?|(?:对此|就此|针对此事|针对上述问题|针对网友反映的问题)\\s?,?\\s?)?(?:(?<org>${ORG})\\s?(?:(?<verb>${ANSWER_VERB})(?:称|说|表示|如下)?\\s?[:,]|:)|\\[(?<bbare>${ANSWER_WORD})\\]\\s?:?|(?<bare>${ANSWER_WORD})\\s?(?:\\((?<borg>${ORG})\\)\\s?)?:)`
);

/** An answer that names its organisation first: 部门回复：市公安局表示，… / 【部门回复】XX局：… */
export const ANSWER_ORG_LEAD_RE = new RegExp(
	`^(${ORG})(?:(?:表示|称|介绍|回复称|答复称)\\s?[,:]|\\s?:)`
);

/**
 * A line naming who answers, in structured columns: 回复单位:市住建局 (a 回复时间 on the
 * same line is skipped) or after the answer on message boards: [经办单位:…]
 */
export const DEPARTMENT_LINE_RE =
	/^(?<open>[[(])?(?:(?:回复|答复|办理|承办|经办)(?:单位|部门|机构|机关)|责任单位)\s?:\s?(?<org>[^\s\]):]{2,30})[\])]?(?:\s*(?:回复|答复|办结|办理)时间\s?:[^\n]*)?\s*(?=\n|$)/;

/**
 * Where the lead names who answers a column of bare 问/答 pairs: 以下解答由市不动产登记中心提供,
 * 记者从市公安局户政支队获悉, ——市医疗保障局解答….
 */
export const CONTEXT_DEPARTMENT_RE = new RegExp(
	`(?:由|从|请|向|--)\\s?(${ORG})(?:${[...ANSWERER_ROLES].join('|')})?(?:${[...ANSWERER_CUES].join('|')})` +
		// 市人社局有关负责人就群众关心的问题作了解答
		`|(?:^|[,。;:!?\\s"')]|采访了?|据)(${ORG})(?:有关|相关)?(?:${[...ANSWERER_ROLES].join('|')})[^。\\n]{0,24}?(?:${[...ANSWERER_CUES].join('|')})`,
	'g'
);

/** Paragraph openings that carry an answer on after a full stop. */
export const CONTINUATION_RE =
	/^(?:[二三四五六七八九十][、是.]|\(?[二三四五六七八九十]\)|[2-9][.、)]|[②-⑩]|若|如|此外|另外|同时|目前|下一步|因此|综上|总之|对于|其中|具体|以上)/;

/** Paragraphs that end an answer whatever they say: page furniture. */
export const FURNITURE_RE =
	/^(?:扫一扫|扫描|\(?图|责任编辑|本版|记者|通讯员|来源|株洲日报|新闻热线)/;

/**
 * An office in brackets at the end of an answer: …手续。（市公安局户政支队） / （承办单位：XX局） /
 * （市民政局，11月13日15:20） with the time the reply was posted.
 */
export const TRAILING_ORG_RE =
	/\((?:(?:回复|答复|承办|办理|经办)单位\s?:\s?)?([\u4e00-\u9fa5]{3,30})(?:,\s?[^()\n]{1,20})?\)\s*$/;

/** Who asked and when, in brackets after a question: （网友“小蔡”，11月14日20:05） */
export const TRAILING_ASKER_RE = /\((?:网友|网民|市民|读者|来电人|留言人)[^()\n]{0,30}\)\s*$/;

/**
 * A reference in brackets before a marker, skipped like a bullet: 【工单号：ZZ2026…】市民来电反映：
 */
export const REFERENCE_RE =
	/^\[(?:工单号|工单编号|编号|信件编号|来信编号|留言编号|受理编号)\s?:?\s?[A-Za-z0-9-]{3,24}\]\s?/;

/** Lines a message board prints under a message or a reply: 留言时间：… / 回复时间：… / 满意度：… */
export const META_LINE_RE =
	/\n\s*(?:(?:留言|回复|答复|办结|办理|提问|发布|受理)时间|满意度|评价|办理状态|处理状态|来自|留言人|浏览次数)\s?:/;

/** The date a reply is signed with: 2026年2月10日 on a line of its own. */
export const SIGNED_DATE_RE = /(?:^|\n)\s*\d{4}年\d{1,2}月\d{1,2}日\s*$/;

/** A line that opens a numbered point of an answer: 一、 / 二是 / 1. / (1) / ① */
export const POINT_RE =
	/^\s*(?:[一二三四五六七八九十]{1,2}[、是]|\d{1,2}[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳])/;

export type SectionKind = keyof typeof GUIDE_SECTIONS;

const SECTION_WORDS: [string, SectionKind][] = (
	Object.entries(GUIDE_SECTIONS) as [SectionKind, readonly string[]][]
)
	// Headings are matched on the folded page, where 什么 reads 什幺: fold the words alike.
	.flatMap(([kind, words]) => words.map((w): [string, SectionKind] => [normalize(w), kind]))
	.sort((a, b) => b[0].length - a[0].length);

export const SECTION_KIND = new Map(SECTION_WORDS);

/** A section heading: optional numbering or bracket, the word, then a colon, bracket or line end. */
export const SECTION_RE = new RegExp(
	// Official accounts mark headings with emoji (📌办理对象, 👉第一步).
	`^(?:(?:[■□●○◆◇▲△▶►★☆◎•·]|📌|📍|🔹|🔸|✅|👉|▪️?)\\s?)?(?:[一二三四五六七八九十]{1,2}[、.]|\\(?[一二三四五六七八九十\\d]{1,2}\\)|\\d{1,2}[.、]|[①-⑳])?\\s?\\[?(${SECTION_WORDS.map((w) => w[0]).join('|')})((?:[、及和与][\\u4e00-\\u9fa5]{1,6}){0,3})(?:如下)?\\]?\\s?(?::|$|(?=\\]))`
);

/**
 * Per UTF-16 unit: 1 when a SECTION_RE match can start with it — a bullet or an emoji's first
 * unit, a numbering character, a blank, a bracket or the first character of a heading word.
 * A line or sentence that starts with anything else is no heading, and is not matched.
 */
export const SECTION_LEAD = new Uint8Array(0x10000);
for (const c of '■□●○◆◇▲△▶►★☆◎•·📌📍🔹🔸✅👉▪一二三四五六七八九十(0123456789[')
	SECTION_LEAD[c.charCodeAt(0)] = 1;
for (let c = 0x2460; c <= 0x2473; c++) SECTION_LEAD[c] = 1; // ①-⑳
for (const c of SPACE_CODES) SECTION_LEAD[c] = 1;
for (const [word] of SECTION_WORDS) SECTION_LEAD[word.charCodeAt(0)] = 1;

/** A materials heading written as a sentence: 四、申请人需提交以下材料： */
export const MATERIALS_SENTENCE_RE =
	/^(?:[一二三四五六七八九十]{1,2}[、.]|\(?[一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、])?\s?(?:申请人|办事群众|市民|当事人)?(?:需要|需|须|应)(?:提交|提供|携带|准备)(?:以下|下列|如下)?(?:材料|资料|证件)(?:如下)?\s?:/;

/** Likewise for MATERIALS_SENTENCE_RE: a numbering character, a blank, or 申办市当需须应. */
export const MATERIALS_LEAD = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十(0123456789申办市当需须应')
	MATERIALS_LEAD[c.charCodeAt(0)] = 1;
for (const c of SPACE_CODES) MATERIALS_LEAD[c] = 1;

export const GUIDE_TITLE_RE = anyOf(GUIDE_TITLE_WORDS);

/** A source or date line (来源：…, 发布时间：…) above a guide: no name; 办事指南：XX is one. */
export const OTHER_LABEL_RE = new RegExp(`^(?!(?:${GUIDE_TITLE_WORDS.join('|')}))[^:]{1,6}:`);

/** A guide tag in front of the service's name: 【办事指南】, 办事指南:, 办事指南| */
export const GUIDE_TAG_RE = new RegExp(
	`^\\[?(?:${GUIDE_TITLE_WORDS.slice(0, 6).join('|')})\\]?\\s?[:|丨/·-]?\\s?`
);

/** Notes printed under a guide's last section still belong to it. */
export const GUIDE_NOTE_RE = /^\[?(?:温馨提示|温馨提醒|特别提示|特别提醒|注意事项|友情提示|备注)/;

/** Item marks that carry a list on across a blank line. */
export const LIST_ITEM_RE =
	/^(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十\d]{1,2}步)/;

/** A line that names the service: 事项名称：城乡居民养老保险参保登记. */
export const NAME_LABEL_RE = /^(?:事项名称|服务事项|办理事项|业务名称|服务名称|事项)\s?:\s?/;

/** Item marks of a list: 1. / (1) / ① / 一是 / 第一步 / 一、 */
export const ITEM_MARK_RE =
	/(?:^|(?<=[\s。;:]))(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十\d]{1,2}步[:,]?|[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\))/g;

export const ITEM_LEAD_RE =
	/^[\s:;,。、]*(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}[是、]|第[一二三四五六七八九十\d]{1,2}步[:,]?|\([一二三四五六七八九十]{1,2}\))?\s*/;

/**
 * 办理公交优待卡需携带本人身份证原件和一张一寸免冠照片，到市公交集团卡务中心办理 / 学生或家长可
 * 持学生证、户口簿到…申请办理 — what to bring and where to go, in one sentence. `提交` alone is not enough: reform news says
 * "所需提交的材料从12份减少到4份" without telling anyone what to bring.
 */
export const PROSE_GUIDE_RE = new RegExp(
	`(?:(?:办理|申领|申请|补办|换领)[^。;\\n]{0,24}?)?(?:需要|需|须|应|要|可以|可)(?:${CARRY_VERBS.filter((v) => v !== '提交').join('|')})(?<what>[^。;\\n]{2,80}?),?\\s?(?:到|至|前往)(?<where>[^。;,\\n]{2,60}?)(?:办理|申领|申请)`
);

/** 先在窗口填写申请表，再由工作人员核验身份，最后领卡 — the steps of a prose guide. */
export const STEP_ORDER_RE = new RegExp(`,?(?:${[...STEP_ORDER_WORDS].join('|')})(?:由)?`);

export const PROSE_STEPS_RE = /先([^。;\n]{4,160}?)(?:。|;|$)/;

/** 不收取任何费用 / 免收工本费 / 不收费 / 收取工本费20元 */
export const PROSE_FEE_RE =
	/不收取任何费用|免收[\u4e00-\u9fa5]{0,6}费|不收费|免费办理|收取工本费[^,;。\n]{0,12}/;

export const PROSE_TIME_RE =
	/\d{1,3}个工作日(?:内)?(?:办结|完成|寄达)?|当场(?:即可)?(?:领取|办结|领卡|拿证|发证)/;

/** Paragraphs that still belong to a prose guide: they say how, where, what it costs or whom to call. */
export const PROSE_CUE_RE = /流程|步骤|材料|携带|办理|咨询|拨打|地点|费用|收费|先.{0,40}再/;
