/**
 * The event parsers' patterns (on the normalised text), built once from the word lists in
 * constants.ts: invitations, ways to register, dates, places, organisers, fees, audiences and
 * the layout of notices and programmes.
 */
import {
	OPEN_EVENT_WORDS,
	ORGANIZER_LABELS,
	PAST_EVENT_WORDS,
	SIGNUP_WORDS
} from '../../constants';
import { alternation, anyOf, BULLETS } from '../../text/patterns';

/** Words that invite readers to take part. */
export const SIGNUP_RE = anyOf(SIGNUP_WORDS);

/** What a 征集 collects when it is no event: opinions, suggestions, tip-offs. */
export const NOT_AN_EVENT_RE = /征[集求][^。;；]{0,24}?(?:意见|建议|线索|举报)/;

/** Booking a place (电话预约, 提前预约): a way to sign up for a talk or a class. */
export const BOOKING_RE =
	/(?:电话|提前|扫码|在线|网上|微信)预约|预约(?:报名|参加|入场|参观|成功)|通过[^。;；\n]{0,40}预约/;

/** Headline words of an event one books a place at. */
export const EVENT_NOUN_RE =
	/讲座|课堂|讲堂|体验课|公开课|培训|展览|演出|观影|参观|义诊|沙龙|分享会/;

/** A sentence that says an activity is held (每周六上午举办“周末故事屋”绘本共读活动). */
export const HELD_ACTIVITY_RE =
	/(?:举办|举行|开展)[^。;；\n]{0,30}(?:活动|讲座|课堂|故事会|沙龙|培训|展览|演出)/;
/** Job recruitment and exams: out of scope however they say 报名. */
export const RECRUITMENT_RE = /招聘(?!会)|招考|报考|笔试/;
/**
 * A question or an answer of a 网络问政 Q&A (■部门答：…以自愿报名为原则): a reply tells how
 * something works; it announces no event.
 */
export const QA_TURN_RE = new RegExp(
	`^[${BULLETS}\\s]*(?:网友问|市民问|网民问|部门答|单位答|回复单位|问|答|回复)\\s*[:：]`
);
/** Tenders and procurement (招标公告, 投标人): firms 报名 for a contract, no event. */
export const TENDER_RE = /招标|投标|采购项目|中标|竞争性磋商|询价公告/;

/** Ways to register; each match makes the clause around it one method. */
export const METHOD_RE =
	/扫码|扫描.{0,10}二维码|二维码|小程序|公众号|微信|微博|抖音|登录|网址|网站|https?:\/\/|www\.|邮箱|电子邮件|e-?mail|@[A-Za-z0-9-]+\.|报名电话|报名热线|咨询电话|联系电话|电话报名|电话预约|预约电话|拨打|致电|现场报名|到.{1,20}报名|前往.{1,20}报名|报名地点|报名地址|线上报名|网上报名|在线报名|APP|app|客户端/;

/** A labelled list of ways: 报名方式：… / 投稿方式如下：… */
export const METHOD_LABEL_RE =
	/(?:报名|参与|参加|投稿|征集|申报|预约)(?:方式|途径|办法|渠道)(?:如下)?\]?\s*[:：]?/;

/** Markers of a report about something that already happened. */
export const PAST_RE = new RegExp(
	`${alternation(PAST_EVENT_WORDS)}|日前.{0,10}举行|吸引了?.{0,12}(?:报名|参加|参与)`
);

/** Markers of something still to come or still open. */
export const OPEN_RE = anyOf(OPEN_EVENT_WORDS);

/** Deadlines: 报名截止时间：X / 截至X / 即日起至X / X前(报名|投稿). */
export const DEADLINE_BEFORE_RE =
	/(?:截止|截至|截止到|截止日期|截止时间|报名时间|征集时间|投稿时间|征稿时间|截稿|即日起(?:至|到)?|即日起—|报名日期|报名载止)[^。;；\n]{0,8}$/;

/** A deadline moved later (报名截止时间延长至11月20日): the new date replaces the old one. */
export const EXTENDED_BEFORE_RE = /(?:延长|延期|推迟|顺延|延)(?:至|到)\s*$/;

export const DEADLINE_AFTER_RE = /^\s*(?:前|之前|以前|止|截止)/;

/** When the event itself happens: 活动时间：X / 营期：第一期X / 将于X举行. */
export const START_BEFORE_RE =
	/(?:(?:活动|比赛|培训|讲座|赛事|展览|演出|开营|开赛|开班|举办|举行|开课)?(?:时间|日期|时问)|营期|赛期|展期|会期|课期)\s*[:：]\s*(?:第[一二三四五六七八九十\d]{1,2}(?:期|批|场|轮)\s*[:：]?\s*)?$|将于\s*$|定于\s*$|于\s*$/;

export const START_AFTER_RE =
	/^\s*(?:正式)?(?:举行|举办|开始|开幕|开赛|开营|开班|开课|启动|开展|进行|上线|开播|开放)/;

/**
 * A date whose own clause says the event happens (今明两天在神农城广场举行, 本周五下午3点，在…
 * 开讲): the clause after the date, and after a comma too when the date opens its sentence.
 */
const HAPPENS = '(?:举行|举办|开展|开讲|开赛|开幕|开课|开班|开营|开跑|组织|进行)';

export const START_CLAUSE_RE = new RegExp(`^[^。;；,，\\n]{0,24}?${HAPPENS}`);

export const START_SENTENCE_RE = new RegExp(
	`^\\s*(?:上午|下午|中午|晚上|傍晚|早上)?\\s*[,，][^。;；\\n]{0,30}?${HAPPENS}`
);

/** Where: 活动地点：X / 在X举行. */
export const LOCATION_RE = [
	/(?:活动|比赛|培训|讲座|赛事|展览|演出|举办|举行|集合|上课)(?:地点|地址|场地)\]?\s*(?:[:：]|\n)\s*(?<v>[^。;；\n]{2,40})/,
	/(?<!报名|联系)(?:地点|地址|营地|场地|赛场|会场)\]?\s*(?:[:：]|[ \t]*\n)\s*(?<v>[^。;；\n]{2,40})/,
	/在(?<v>[^,，。;；:：\n]{2,30}?)(?:举行|举办|开展|进行|开赛|开营|开班|开讲|开课|鸣枪|开跑|开幕|开演|开设|开办)/,
	// 在街道社区卫生服务中心为辖区老人免费接种: a service given at a place to residents.
	// 图书馆少儿阅览室每周六上午举办…: a room said as the subject of a recurring activity.
	/(?:^|[,，。])\s*(?<v>[\u4e00-\u9fa5]{2,24}?(?:室|厅))(?=每(?:周|天|日|月|晚))/,
	/在(?<v>[^,，。;；:：\n]{2,20}?)为[^。,，;；\n]{2,30}?(?:接种|义诊|体检|检查|理发|维修|讲解)/
];

/** Who organises: 主办单位：X / 由X主办 / X联合Y推出的. */
export const ORGANIZER_LABEL_RE = new RegExp(
	`(?:${alternation(ORGANIZER_LABELS)})\\s*[:：]\\s*(?<v>[^。;；\\n]{2,60})`,
	'g'
);

/** The subject of a sentence that announces: 株洲市图书馆将于…举办. */
export const ORGANIZER_SUBJECT_RE =
	/(?:^|[,，。!！?？;；\s])(?<v>[\u4e00-\u9fa5“”"]{3,30}?)(?:将于|定于|将在|拟于|计划于|现(?:面向|招募|征集|开放))/;

/** The subject that recruits (醴陵市志愿者协会现面向社会招募): preferred to an event's own name. */
export const RECRUITER_SUBJECT_RE =
	/(?:^|[,，。!！?？;；\s])(?<v>[\u4e00-\u9fa5“”"]{3,30}?)现(?:面向|招募|征集|开放)/;

export const ORGANIZER_VERB_RE =
	/(?:^|[,，。!！?？;；:：\s])(?:由)?(?<v>(?:[\u4e00-\u9fa5A-Za-z0-9“”"()]|(?<=\d)[:：](?=\d)){3,40}?)(?:共同|联合举办|携手)?(?:主办|承办|举办|推出|发起|开展|组织|启动)(?:的|了)?/;

/** Fees: 费用：X / 免费参加 / 不收取费用. */
export const FEE_RE = [
	// A fee line of its own (费用：免费，每个家庭带1本…; 项目设置及报名费：A 100元/人；B 60元/人) is
	// read to its end: the fees of all groups and the conditions are the value.
	/(?:^|\n)[ \t]*(?:[一二三四五六七八九十]{1,3}、)?[^\n:：。]{0,8}(?:费[ \t]*用|收费标准|报名费|参赛费|活动费|培训费|学费)\s*[:：]\s*(?<v>[^。\n]{1,80})/,
	/(?:费用|收费标准|收费|报名费|参赛费|活动费|培训费|学费)\s*(?:[:：为]|[ \t]*\n)\s*(?<v>[^。;；,，\n]{1,30})/,
	// 免费参加: the fee is 免费; the verb after it says what is free.
	/(?<v>(?:全程)?免费(?=参加|参与|报名|入场|观看|培训|学习|体验|开放|提供)|不收取(?:任何)?(?:报名|参赛|活动)?费用?|不收费|公益免费|费用全免|免收[^。;；,，\n]{0,8}费)/,
	/(?<v>\d+(?:\.\d+)?\s*元\s*\/\s*(?:人|位|组|队|次|课时|期))/,
	/(?:活动|讲座|课程|参观|观展|入场|培训)(?<v>免费)(?=[。,，;；\s]|$)/,
	// 限20人，免费。: a clause that is only the word.
	/[,，;；]\s*(?<v>(?:全程|全部|均)?免费)\s*(?=[。,，;；\n]|$)/,
	// 开设为期5天的免费面点培训班: the class itself said free.
	/(?<v>免费)(?=[\u4e00-\u9fa5]{0,6}(?:培训班|训练营|讲座|课程|公开课|体验课))/
];

/** Who may register. */
export const AUDIENCE_RE = [
	/(?:报名|参赛|参加|招募|征集|活动|培训|服务|招生|面向)对象\]?\s*[:：]?\s*(?<v>[^。;；\n]{2,50})/,
	/(?:^|\n)\s*对象\s*[:：]\s*(?<v>[^。;；\n]{2,50})/,
	/(?:报名|参赛|参加)(?:条件|要求)\s*[:：]\s*(?<v>[^。;；\n]{2,50})/,
	// 面向社会招募: the whole public is no audience worth filing.
	/面向(?!(?:全|广大)?社会(?:各界)?(?:公开)?(?:招募|征集|开放|招收|招生|[,，]))(?<v>[^。;；,，\n]{2,30}?)(?:招募|征集|开放|开展|举办|报名|开设|推出|免费|征稿|招收|招生)/,
	/(?:欢迎|适合|限)(?<v>[^。;；,，\n]{2,20}?)(?:报名|参加|参与)/,
	// 面向辖区居民，不收摊位费: the clause after 面向 is the audience.
	/面向(?!(?:全|广大)?社会(?:各界)?(?:公开)?(?:招募|征集|开放|招收|招生|[,，]))(?<v>[^。;；,，\n]{2,20}?)(?=[,，。;；\n])/,
	// 比赛设亲子组（家长1名＋6至12岁儿童1名）: a contest's group says who may enter.
	/设[\u4e00-\u9fa5]{1,8}组\s*\((?<v>[^()\n]{2,30})\)/,
	// 面向社会招募1500名年满18周岁的志愿者: the age condition says who may apply.
	/(?<v>年满\d{1,2}周?岁(?:以上|至\d{1,2}周?岁)?)/
];

/**
 * A labelled field line (时间：…, 地点：…, or numbered like a 竞赛规程: 二、比赛日期：…): short
 * like a headline, but already the body.
 */
export const FIELD_LINE_RE =
	/^(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.](?!\d))?\s*[\u4e00-\u9fa5]{1,10}\s*[:：]\s*\S/;

/** A byline or an editor's line: never the title of what follows. */
export const BYLINE_RE =
	/记者|通讯员|^(?:责任)?编辑|校对|^作者|^来源|供图|^摄影\s*[:：/]|\s摄$|整理$/;

// ---------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------

/** Words that tell what to do once registered: 报名成功后… */
export const AFTER_SIGNUP_WORDS = ['报名成功后', '参加成功后', '成功报名后'];

/** A line that labels a field of the event (活动地点：, 主办单位：, 咨询电话：); 小贴士： is none. */
export const EVENT_FIELD_RE =
	/^\s*(?:[\u4e00-\u9fa5]{0,4}(?:时间|日期|地点|地址|对象|费用|方式|截止|电话|单位|要求|营期|营地|名额)|主办|承办|协办|联系人?|备注|注)\s*[:：]/m;

/** Labels of the fields printed at the foot of a notice. */
export const TRAILING_LABEL_RE =
	/^(?:主办|承办|协办|指导|支持|联办|出品|联系|咨询|地址|电话|报名|活动|时间|地点|费用|备注|注)[\u4e00-\u9fa5]{0,4}\s*[:：]/;

/** A bullet that opens one item of a list of events (■非遗剪纸体验课). */
export const ITEM_HEAD_RE = new RegExp(`^[${BULLETS}]\\s*\\S`);

/**
 * A number that opens one item of a programme (1．绘本故事会：11月1日…). A notice numbers
 * its ways to register too, so a numbered list is a programme only when every item has a
 * date of its own.
 */
export const NUMBERED_HEAD_RE =
	/^(?:\d{1,2}[.、](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*\S/;
