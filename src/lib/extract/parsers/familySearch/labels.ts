/**
 * The family-search parsers' patterns (on the normalised text), built once from the word lists
 * in constants.ts: headlines, what a notice tells (a found child, a loss, a person taken in),
 * the person's fields and the notice's request.
 */
import {
	FAMILY_NOTICE_ORGANIZATIONS,
	FEATURE_LABELS,
	FEATURE_WORDS,
	MISSING_WORDS,
	REUNION_WORDS,
	TAKEN_IN_WORDS
} from '../../constants';
import { alternation, anyOf } from '../../text/patterns';

/** Headlines of a family-search notice. */
export const HEAD_RE =
	/寻亲|寻人|寻(?:女|儿|子|父|母|妻|夫)启事|寻找.{0,10}(?:亲人|家人|家属|亲属|生父母|父母|家长|监护人|弟弟|哥哥|姐姐|妹妹|儿子|女儿|父亲|母亲|孩子)|查找.{0,12}(?:生父母|亲人|家属|亲属|监护人|父母|家长)|认领公告|弃婴|弃儿|走失|(?:福利院|福利中心|救助管理站|救助站)公告/;

/**
 * A family's own headline for the relative it seeks (寻女启事, 寻子启事): the notice is the
 * family's even when the story tells no loss (a daughter given away decades ago).
 */
export const SEEK_RELATIVE_HEAD_RE = /寻(?<rel>女|儿|子|父|母|妻|夫)启事/;
/** The relatives of a 寻X启事 headline that are male. */
export const MALE_HEAD_RELATIVES = /[儿子父夫]/;

/**
 * Lost pets are lost items (the lost_found parsers file 寻狗启事): an animal in the headline line, or
 * the words only a pet notice uses (品种, 毛色, 一只…犬). 狗 alone in the body is no sign: rural
 * children's pet names (狗娃) use it, and 一只 counts shoes and hands too.
 */
export const ANIMAL_HEAD_RE = /[狗猫犬]|宠物/;
export const ANIMAL_BODY_RE = /宠物|品种|毛色|遛狗|[一两]只[^。,，]{0,8}?[狗猫犬]/;

/**
 * OCR misreads of the words a notice is recognised by (救肋 for 救助): same length, so
 * offsets stay; the text is read as if printed right.
 */
const OCR_MISREADS: ReadonlyArray<[RegExp, string]> = [[/救肋/g, '救助']];

/** `text` with the known OCR misreads put right (same length). */
export function readable(text: string): string {
	let out = text;
	for (const [re, right] of OCR_MISREADS) out = out.replace(re, right);
	return out;
}

/** A found child: the finding verb and the child. */
export const FOUND_CHILD_RE =
	/(?:拾得|抬得|捡到|捡拾|拾获|捡回|遗弃|被弃).{0,20}?(?:婴|男孩|女孩|儿童|孩子|小孩|宝宝)|(?:寻找|查找).{0,8}(?:家长|监护人)|(?<![如若])(?:发现|捡到)[^。,，]{0,12}?(?:男童|女童|男孩|女孩|儿童|小孩)(?!不见|走失|失踪|丢失)|(?:发现|收养|抱养|送至).{0,12}?(?:男婴|女婴|婴儿|弃婴|新生儿)|弃婴|弃儿|(?:查找|寻找).{0,10}(?:亲生)?父母|亲生父母/;

/**
 * An adult who was given away or lost as a child, looking for the birth family, writes in
 * the first person: 我叫…, 约1988年出生 … 寻找亲生父母. The seeker is the person, so this
 * is person_seeking_family, not a found child (whose finder writes).
 */
export const SELF_SEEKER_RE =
	/(?:我叫|我名叫|本人叫|本人名叫|我是|本人)[^。]{0,40}?(?:出生|生于|被抱养|被送养|被拐)/;

export const BIRTH_FAMILY_RE = /亲生父母|生父母|亲人|家人|寻亲|被抱养|被送养|被拐/;

/** A person taken in by an institution, whose family is sought. */
export const TAKEN_IN_RE = anyOf(TAKEN_IN_WORDS);

/** An institution that took someone in and looks for the family. */
export const INSTITUTION_RE =
	/救助|受助|福利院|福利中心|敬老院|养老院|我站|我院|我中心|代为抚养|临时照料/;

/** A relative named by the family that seeks them: 弟弟罗冬生（当年7岁）, 儿子张小明，. */
export const RELATIVE_NAME_RE =
	/(?<rel>弟弟|哥哥|姐姐|妹妹|儿子|女儿|父亲|母亲|爷爷|奶奶|外公|外婆|丈夫|妻子)(?<n>[\u4e00-\u9fa5]{2,3})(?=[(（,，、\s\d]|今年|现年)/;

export const MALE_RELATIVES = /弟弟|哥哥|儿子|父亲|爷爷|外公|丈夫/;

/** 男孩易小川，11岁: the person's word, then the name, then age or sex. */
export const CALLED_RE =
	/(?:男孩|女孩|男童|女童|男子|女子|老人|少年|少女)(?<n>[\u4e00-\u9fa5]{2,3})[,，]\s*(?:\d{1,3}岁|男|女)/;

/** A polite title, not a name: 李先生, 王女士 (the contact, 其父亲李先生). */
export const TITLE_NAME_RE = /(?:先生|女士|小姐|老师|师傅|阿姨|某)$/;

/** What a form prints when the name is unknown. */
export const NO_NAME_RE = /^(?:不详|无名氏|未知|不明|无)$/;

/** A family looking for a relative. */
export const LOST_RE = anyOf(MISSING_WORDS);

/** A request to the reader: call, tell, come and claim. */
export const CALL_RE =
	/(?:请|望|恳请|敬请|如有|若有|如|若|知情|见到|发现|看到|有知道).{0,40}?(?:联系|告知|认领|联络|来电|致电|拨打|报警|通知)/;

/** Words of a happy ending told as news. */
export const REUNION_RE = anyOf(REUNION_WORDS);

/** The notice period: 自公告之日起60日内 / 公告期为六十日. */
export const PERIOD_RE =
	/(?:自|从)?(?:本)?公告(?:发布|刊登|刊发|见报|登报)?(?:之)?日起\s*满?\s*(?<n>\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?<u>个工作日|工作日|日|天|个月)|公告期(?:限)?(?:为|是)?\s*(?<n2>\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?<u2>个工作日|工作日|日|天|个月)/;

/** An explicit end of the notice period: 公告期至2024年12月31日 / 截至…止. */
export const PERIOD_END_RE = /(?:公告期|公告时间|截止|截至|至)\s*[:：]?\s*$/;

/**
 * A place after a lead word: 在…拾得 / 于…被发现. OCR text layers break lines inside a
 * sentence, so one line break may sit inside the place (not one before a labelled line).
 */
export const PLACE_RE =
	/(?:在|从|于(?![\d一二三四五六七八九十]+月|\d{4}年|今|昨|近日|本月|上午|下午|晚|早|凌晨))(?<place>(?:[^,，。;；:：\n]|\n(?![^\n]{0,8}[:：])){2,50}?)(?:处|附近)?(?:独自|一人)?(?:(?:随|跟随|跟着|与)[\u4e00-\u9fa5]{1,4}?)?(?:玩耍|散步|游泳|钓鱼|赶集|买菜|乘车|候车|上学|放学|务工|打工|出门)?(?:时|后)?(?:被[\u4e00-\u9fa5]{0,6}?)?(?:拾得|抬得|捡到|拾获|捡拾|发现|走失|走丢|失踪|失联|未归|救助|救起|遗弃|护送|送至|送来|走散|离家|出走|外出|离开|徘徊|流浪|游荡|乞讨|抱走|抱养)/;

/**
 * Where someone on patrol came on the person: 巡逻至铜霞路一家超市门口时，发现….
 */
export const PATROL_PLACE_RE =
	/(?:巡逻|巡查|行驶|路过|途经|走)(?:至|到)(?<place>[^,，。;；:：\n]{2,30}?)(?:时|处)[,，]?\s*(?:发现|看到|遇到|遇见)/;
/**
 * The household a child was given to, named by its village or town: 送给茶陵县虎踞镇一户人家,
 * 交给攸县网岭镇罗家坪村村民….
 */
export const GIVEN_PLACE_RE =
	/(?:送给|交给|托付给|送到)(?<place>[\u4e00-\u9fa5]{2,20}?(?:镇|乡|村|街道|社区|县|区|市))(?:一户|一家|村民|居民|人家|的)/;

/**
 * A contact named with the relation in brackets, as families sign: 请联系：周桂兰（母亲）.
 */
export const RELATION_CONTACT_RE =
	/联系\s*(?:[:：]\s*)?(?<n>[\u4e00-\u9fa5]{2,4}?)\s*[(（](?:母亲|父亲|儿子|女儿|哥哥|姐姐|弟弟|妹妹|丈夫|妻子|爷爷|奶奶|侄子|侄女|外甥|家属)[)）]/;

export const PLACE_LABEL_RE =
	/(?:拾获|捡拾|拾得|发现|走失|失踪|救助|遗弃|被弃)(?:地点|地址|位置)\s*[:：]\s*(?<place>[^,，。;；\n]{2,50})/;

export const GENDER_LABEL_RE = /性别\s*[:：]?\s*(?<g>男|女)/;

// Each run of blanks is read once (\s*(?:，\s*)? rather than \s*，?\s*): the other way, a long
// run after 男 is split every way between the \s* before failing.
export const GENDER_RE =
	/(?<g>男|女)(?:婴|孩|童|性|子|宝宝|生|,|，|、|\s*(?:[,，]\s*)?(?:(?:约|年约)\s*)?\d+岁)/;

export const AGE_RE = [
	/年龄\s*[:：]?\s*(?<a>(?:约|大约|大概)?\s*[\d一二三四五六七八九十]+\s*(?:岁|周岁|个月|月龄|天)(?:左右|许|多)?|不详|[^,，。;；\n]{1,12}?(?=[,，。;；\n]))/,
	/(?<a>(?:刚刚?出生|出生不久|出生不到[\d一二三四五六七八九十]+(?:天|个月)|新生儿|出生约?[\d一二三四五六七八九十]+(?:天|个月)))/,
	// 约50岁, 今年75岁 (今年 and 现年 say when, not how old: not part of the age).
	/(?:(?<=(?:现年|今年)\s?)|(?=约|大约|大概|年约))(?<a>(?:约|大约|大概|年约)?\s*[\d一二两三四五六七八九十]+\s*(?:岁|周岁|个月|月龄|天)(?:左右|许|多)?)/,
	/(?<a>[\d一二三四五六七八九十]+\s*(?:岁|周岁|个多?月|月龄)(?:左右|许|多)?)(?=的?(?:男|女|婴|孩|童|老|,|，|、|\s))/
];

/** Section labels that introduce features. */
export const FEATURE_LABEL_RE = new RegExp(`(?:${alternation(FEATURE_LABELS)})\\s*[:：]\\s*`, 'g');

/** Words that make a clause a description of the person. */
export const FEATURE_RE = anyOf(FEATURE_WORDS);

/** Clauses that tell the story or ask for a call, not features. */
export const NOT_FEATURE_RE =
	/拾得|捡到|捡拾|拾获|发现|联系|电话|公告|请|如有|知情|认领|至今|无人|打听|送至|送往|护送|救助站|福利院|民政|公安|派出所|报警|走失|失踪|离家|收养|抚养|自公告/;

/** A clause that is another field of a form (出生日期：…, 发现地点：…), not a feature. */
export const OTHER_FIELD_RE =
	/^(?:出生|捡拾|拾获|发现|走失|姓名|性别|年龄|入站)[\u4e00-\u9fa5]{0,3}\s*[:：]/;

/** A subject at the start of a feature clause: 女婴用粉色包被包裹 → 用粉色包被包裹. */
export const SUBJECT_RE =
	/^(?:该|此|这名|这个|其)?(?:弃婴|女婴|男婴|婴儿|孩子|男孩|女孩|儿童|小孩|男子|女子|老人|受助人员|受助人|患者|该人|本人|他|她|其)(?:的)?/;

/** Names of the institutions that publish such notices. */
export const ORG_RE = new RegExp(
	`[\\u4e00-\\u9fa5]{2,24}?(?:${alternation(FAMILY_NOTICE_ORGANIZATIONS)})`,
	'g'
);

/** Characters that cannot be inside an organisation's name in front of its ending. */
export const ORG_STOP = /[与和到至由向经送在被请系于及的了将把为从是已现暂]/;

export const PERSON_NAME_RE =
	/(?:姓名|名叫|名字叫|取名|起名|自称(?:叫|名叫)?|走失人|失踪人|(?:失踪|走失|失联)(?:儿童|老人|人员|者)(?=\s*[:：])|寻找|我叫|本人叫|自己叫|小名叫?|乳名叫?)\s*[:：]?\s*(?:自报|自称)?(?:叫|名叫)?\s*["']?(?<n>[\u4e00-\u9fa5]{2,4}?)(?=["',，。;；、\s(（]|男|女|\d|$)/;

// ---------------------------------------------------------------------------------------
// Finding notices
// ---------------------------------------------------------------------------------------

/** A tag that opens one appeal of a column: 【为他寻亲】, 【寻找父亲】 (【】 read as []). */
export const COLUMN_TAG_RE = /^\[[^\]\n]{2,12}\]/;

/** What starts an unheaded notice: a finding, a loss, a family sought. */
export const TRIGGER_RE =
	/拾得|抬得|捡到|捡拾|拾获|走失|走丢|离家出走|失踪|失联|受助人员|寻亲|寻人启事|寻找.{0,6}(?:亲人|家人|家属)|(?:联系|找)(?:不上|不到)[^。\n]{0,6}?(?:家人|亲人|家属)|(?:发现|遗弃).{0,12}?(?:男婴|女婴|婴儿|弃婴|新生儿)/g;

/** A section label on a line of its own (体貌特征, 联系方式) is no headline. */
export const FEATURE_LABEL_LINE_RE = new RegExp(
	`^(?:${alternation(FEATURE_LABELS)}|联系方式|联系人|联系电话|基本情况)$`
);

/** Verbs of the finding or the loss itself (not 发布, not 送至福利院 alone). */
export const EVENT_VERB_RE =
	/拾得|抬得|捡到|捡拾|拾获|发现|走失|走丢|失踪|失联|未归|离家|出走|走散|遗弃|徘徊|被弃|离开/;

/** Verbs of a finding or a taking-in. */
export const FINDING_RE = /拾得|捡拾|拾获|捡到|发现|遗弃|被弃|救助|护送|送至|送来|送到|走失|失踪/;

/**
 * How one person of a list is introduced: 拾获一名女婴 / 弃婴，女， / 受助人员：男，/ 2. 张某，男.
 * A second paragraph about the same person (该婴于…送至福利院) has none of these.
 */
export const PERSON_INTRO_RE =
	/(?:一|1)(?:名|个|位)(?:男|女)?(?:婴|孩|童|儿|子|性|老人|阿姨|大爷|大妈|老太|老汉|老伯)|^\s*(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}[、.]|[(（][\d一二三四五六七八九十]{1,3}[)）]|[①-⑳])?\s*(?:弃婴|弃儿|男婴|女婴|婴儿|儿童|受助人员|受助人|无名氏|[\u4e00-\u9fa5]{2,4}\s*[,，:：]\s*(?:男|女)|姓名\s*[:：]|性别\s*[:：])/;
