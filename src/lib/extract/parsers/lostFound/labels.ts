/**
 * The lost-and-found parsers' patterns, built once from the word lists in constants.ts: the verbs
 * of losing and finding, how a void notice ends, the headlines of each format, and the words that
 * make a notice someone else's (a missing person is family_search).
 */
import {
	DOCUMENT_NUMBER_LABELS,
	DOCUMENT_SUFFIXES,
	FOUND_VERBS,
	FOUND_VERBS_OCR,
	ISSUER_ENDINGS,
	LOST_VERBS,
	PET_WORDS,
	NEWS_WORDS,
	NOT_VOID_WORDS
} from '../../constants';
import { alternation, anyOf, BULLETS } from '../../text/patterns';

/** The verb of a lost document or thing. */
export const ANCHOR_RE = new RegExp(`(?:不慎)?(?:${alternation(LOST_VERBS)})`, 'g');

/**
 * An anchor that is part of a headline word (遗失声明, 遗失物品招领), of a narrative
 * (遗失的证件, 遗失后), of advice (营业执照遗失须提供…, 遗失可在网上公示, 遗失则无需登报)
 * or of a form that names the document elsewhere (本人不慎遗失上述证件),
 * not a notice's verb.
 */
export const ANCHOR_IS_HEAD_RE =
	/^(?:声明|启事|启示|公告|物|人|的|后|者|时|或|、|须|需|应|可|则|也|上述|以上|前述|该)/;

/** Words after an ending that continue a sentence (声明作废后补办): then it is no ending. */
export const END_CONTINUES_RE = /^(?:后|前|的|了|手续|即可|并|再|时|等|才|处理|程序|流程)/;

/**
 * How a void notice ends. Longest first; `特此声明` may follow `声明作废`; OCR reads 作废 as
 * 作费 (声明作费).
 */
export const VOID_END_RE =
	/(?:(?:特此|现)?(?:声明|宣布|予以|自愿|自动)?作废(?:处理)?|声明作费|声明无效|特此声明|特此公告|以此为证)[。.!！]?(?:\s*[,，]?\s*特此(?:声明|公告)[。.!！]?)?/g;

/** A headline over a column of void notices: 遗失声明, 下列证件声明作废, 作废声明 … */
export const VOID_HEAD_RE =
	/(?:遗失|作废|挂失|丢失)(?:声明|启事|启示|公告)|(?:声明|予以)作废|(?:下列|以下).{0,8}作废/;

/** The start of a column's heading line: 下列证件遗失，声明作废： / 以下证件遗失…. */
export const COLUMN_HEAD_RE = /^\s*(?:下列|以下)[^，,。\n]{0,8}$/;

/** Notices that carry 声明 and numbers but declare nothing lost. */
export const NOT_VOID_RE = anyOf(NOT_VOID_WORDS);

/** Words that mark an anchor inside reporting rather than a notice. */
export const NEWS_HOLDER_RE = anyOf(NEWS_WORDS);

/** Labels in front of a document number. */
export const NUMBER_LABEL_RE = new RegExp(
	`(?:${alternation(DOCUMENT_NUMBER_LABELS)})\\s*(?:为|是)?\\s*[:：]?\\s*`,
	'g'
);

/** Endings that make a run of characters a document name when it is not in the word list. */
export const DOCUMENT_SUFFIX_RE = anyOf(DOCUMENT_SUFFIXES, 'g');

/** Issuers printed in front of a document name (株洲市残疾人联合会残疾证). */
export const ISSUER_END_RE = anyOf(ISSUER_ENDINGS, 'g');

/** Quantity words around a document name: 一本 / 各一枚 / 一份. */
export const QUANTITY_RE = /^(?:各)?[一二两三四五六七八九十\d]+(?:本|张|枚|份|个|套|块|联|册)/;

/** A pet that strayed, named after its verb (走失一只柯基犬) or before it (一只橘猫走丢了). */
export const PET_STRAYED_RE = new RegExp(
	`(?:走失|走丢|跑丢|丢失)[^,，。;；]{0,8}?(?:${alternation(PET_WORDS)})|(?:${alternation(PET_WORDS)})[^,，。;；]{0,8}?(?:走失|走丢|跑丢)`,
	'g'
);

/** Headlines of a lost-thing notice (寻物启事, 寻狗启事, 【寻猫】) and of a found-thing notice. */
export const LOST_HEAD_RE = new RegExp(
	`寻物启[事示]|寻物公告|寻(?:找)?(?:爱)?(?:${alternation(PET_WORDS)})(?:启[事示]|公告)?|寻物`
);

export const FOUND_HEAD_RE = /失物招领|招领启[事示]|招领公告|认领启[事示]|招领/;

/** Verbs of finding something. */
export const FOUND_VERB_RE = anyOf([...FOUND_VERBS, ...FOUND_VERBS_OCR], 'g');

/** Things found that are people: those notices belong to familySearch. */
export const PERSON_RE = /婴|孩|童|儿|男子|女子|老人|老年|人员|患者|流浪|尸|遗体/;

/** An item that names a person (一名男婴, 走失老人), not a thing (儿童滑板车). */
export const PERSON_ITEM_RE =
	/(?:婴儿?|孩子?|儿童|男童|女童|男孩|女孩|男子|女子|老人|老年人|人员|患者|流浪\S*|尸体|遗体)$|^(?:[一两二三]?[名个位])?(?:女儿|儿子|孩子|小孩|男孩|女孩|婴儿|老人|父亲|母亲|爷爷|奶奶|外公|外婆|丈夫|妻子|弟弟|妹妹|哥哥|姐姐|家人|亲人)/;

/** A paragraph about a missing person (寻亲, 走失) is family search, whatever else it says. */
export const MISSING_PERSON_RE = /寻亲|寻人|走失|失散|离家出走/;

/**
 * A found child's notice (弃婴公告: 捡拾时间 / 捡拾地点 …, 请生父母…认领) is family search: its
 * 捡拾 and 认领 are about a person.
 */
export const FOUND_PERSON_RE = /弃婴|生父母|寻亲|亲生父母/;

/** The promise in front of a reward: 必有重谢, 定当酬谢500元. */
export const REWARD_PROMISE_RE = /^(?:必有|定有|定当|当面|予以|给予|愿付|付)/;

/** A reward for returning a lost thing. */
export const REWARD_RE =
	/(?:(?:必有|定有|定当|当面|予以|给予|愿付|付)?(?:重谢|酬谢|感谢费|答谢)|(?:悬赏|酬金|赏金|奖励)\s*[:：]?\s*[\d一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]+\s*元?)(?:\s*[\d一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]+\s*元)?/;

/** Lead words of a place; what someone was doing there (遛狗时) is not part of it. */
export const PLACE_RE =
	/(?:在|于(?![\d一二三四五六七八九十]+月|\d{4}年|今|昨|近日|本月|上午|下午|晚|早))(?<place>[^,，。;；:：]{2,40}?)(?:处|附近|一带|路段)?(?:(?:遛狗|遛弯|散步|锻炼|购物|乘车|玩耍|游玩)时)?(?:不慎|被|时|内)?(?=遗失|丢失|遗落|拾到|拾得|拾获|捡到|捡拾|被盗|抬到|抬得|抬获|走失|走丢|跑丢)/;

export const PLACE_LABEL_RE =
	/(?:遗失|丢失|拾获|拾得|捡拾|拾到)?地点\s*[:：]\s*(?<place>[^,，。;；\n]{2,40})/;

/** A contact's polite name right after a number: 1397419xxxx（邝先生）, 1382601xxxx陈先生. */
export const NAME_AFTER_PHONE_RE =
	/\d\s*[(（]?(?<name>[\u4e00-\u9fa5]{1,3}?(?:先生|女士|小姐|老师|警官|师傅))/;

/**
 * Lead words of where a found thing can be claimed: the 到/至 nearest the verb, so an opening
 * time in front (週二至週日9:00—17:00）到一樓服務中心認領) is not read as the place.
 */
export const CLAIM_RE =
	/(?:到|至(?!今)|前往|来)(?<place>[^,，。;；\n到至]{2,30}?)(?:认领|领取|办理认领)|认领地点\s*[:：]\s*(?<label>[^,，。;；\n]{2,30})/;

/** The words without which VOID_END_RE cannot match, and each of which it matches. */
export const VOID_END_WORDS = ['作废', '声明作费', '声明无效', '特此声明', '特此公告', '以此为证'];

export const BULLET_START_RE = new RegExp(`^[${BULLETS}]`);

/** VOID_END_RE without its global flag, to test a line. */
export const VOID_END_ONCE_RE = new RegExp(VOID_END_RE.source);

/**
 * A notice that starts its paragraph with its headword: 寻物启事：本人… / 【寻物启事】本人… /
 * 寻物启事 本人… (a run-together classified column sets the headword off by a space).
 */
export const INLINE_HEAD_RE =
	/^\s*(?:(?:寻物启[事示]|寻物|失物招领|招领启[事示]|招领)(?:\s*[:：]|[ \t]+(?=\S))|[【[]\s*(?:寻物启[事示]|寻物|失物招领|拾物招领|招领启[事示]|招领)\s*[】\]])/;

/** A paragraph of the page's own (a tip, the column's terms) that follows the notices. */
export const CLOSING_PARAGRAPH_RE =
	/^[[【]?(?:警方提醒|民警提醒|温馨提示|友情提示|特别提醒|本栏目|本报|编者按|记者提醒)/;

/** A quantity with its measure word: 一个, 两张, 若干串. */
const QUANTITY =
	'(?:[一二两三四五六七八九十\\d]+|若干)(?:个|只|部|台|张|本|件|串|把|块|条|枚|副|份|辆|套|袋|包|箱|顶|双|对|瓶|盒|支|根|片)';

export const LEAD_QUANTITY_RE = new RegExp(`^(?:了)?${QUANTITY}`);

export const TRAIL_QUANTITY_RE = new RegExp(`${QUANTITY}$`);

/**
 * An unmarked line of a list of things: a counted thing and a day, no sentence. Only tested
 * on lines of at most 40 characters.
 */
export const ITEM_ROW_RE = new RegExp(
	`^[^。!！?？]*${QUANTITY}[^。!！?？]*\\d{1,2}月\\d{1,2}日[^。!！?？]*$`
);
