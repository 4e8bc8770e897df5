/**
 * Word lists of the extractor, in one place. Lists are written in simplified script: the
 * parsers match on the normalised page (see normalize.ts), so traditional spellings need no
 * entries of their own. Keep each section sorted by meaning, not alphabet; add a comment
 * when a word is there for a non-obvious reason.
 */

// ---------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------

/** Emergency numbers: a hotline record with one of these is `emergency: true`. */
export const EMERGENCY_NUMBERS = ['110', '119', '120', '122'] as const;

/** What each emergency number is for, used as the name when a list prints only the digits. */
export const EMERGENCY_NAMES: Record<string, string> = {
	'110': '报警电话',
	'119': '火警电话',
	'120': '急救电话',
	'122': '交通事故报警电话'
};

/**
 * Nationwide service numbers that are short on purpose (government and utility lines).
 * A 5-digit number in this list is taken as a phone next to a phone word; other 12xxx/95xxx/
 * 96xxx numbers need the phone word right before them.
 */
export const SERVICE_NUMBERS = [
	'12345', // 政务服务便民热线
	'12315', // 市场监管投诉举报
	'12348', // 公共法律服务
	'12349', // 民政为老服务
	'12333', // 人社服务
	'12366', // 纳税服务
	'12369', // 环保举报
	'12395', // 水上遇险求救
	'12320', // 卫生健康
	'12319', // 城建服务
	'12351', // 职工维权
	'12355', // 青少年服务
	'12338', // 妇女维权
	'12388', // 纪检监察举报
	'12380', // 组工举报
	'12309', // 检察服务
	'12368', // 诉讼服务
	'12329', // 住房公积金
	'12328', // 交通运输服务监督
	'12306', // 铁路客服
	'12358', // 价格举报
	'12310', // 国家安全举报
	'12331', // 食品药品投诉
	'12356', // 心理援助
	'95598', // 国家电网
	'95588',
	'95533',
	'95566',
	'95599',
	'95555',
	'95559',
	'95580', // 银行客服
	'96333', // 电梯应急
	'96166', // 供水
	'96777', // 燃气
	'10086',
	'10010',
	'10000' // 电信运营商客服
] as const;

/**
 * Words that say "the number next to me is a phone". Matching uses the normalised text.
 * Longer words first so that a regex alternation prefers them.
 */
export const PHONE_WORDS = [
	'联系电话',
	'咨询电话',
	'服务电话',
	'举报电话',
	'投诉电话',
	'监督电话',
	'报名电话',
	'值班电话',
	'求助电话',
	'预约电话',
	'办公电话',
	'服务热线',
	'咨询热线',
	'投诉热线',
	'举报热线',
	'便民热线',
	'联系方式',
	'电话',
	'热线',
	'拨打',
	// 紧急情况请拨110、119、120: the verb without 打
	'请拨',
	'可拨',
	'致电',
	'手机',
	'座机',
	'传真',
	'Tel',
	'TEL',
	'tel'
] as const;

/**
 * Labels of the newspaper's own lines (tip-offs, advertising, circulation). A number with
 * one of these is not a public-service hotline and is not the contact of a nearby notice.
 */
export const NEWSPAPER_LINE_WORDS = [
	'新闻热线',
	'报料热线',
	'爆料热线',
	'新闻报料',
	'广告热线',
	'广告电话',
	'广告接待',
	'广告部',
	'发行热线',
	'发行部',
	'订报热线',
	'征订热线',
	'本报热线',
	'读者热线',
	'总编室',
	'编辑部',
	'印刷',
	// A radio or TV station's own lines in its programme listing, like the paper's own
	'路况热线',
	'节目热线',
	'点歌热线',
	'直播热线',
	'互动热线'
] as const;

// ---------------------------------------------------------------------------------------
// Documents (lost-and-found notices and guides' material lists)
// ---------------------------------------------------------------------------------------

/** Documents people lose and declare void, longest spelling first within a family. */
export const DOCUMENT_TYPES = [
	'居民身份证',
	'身份证',
	'临时身份证',
	'残疾人证',
	'残疾证',
	'营业执照正本',
	'营业执照副本',
	'营业执照',
	'机动车驾驶证',
	'驾驶证',
	'机动车行驶证',
	'行驶证',
	'机动车登记证书',
	'户口本',
	'户口簿',
	'学生证',
	'毕业证书',
	'毕业证',
	'学位证书',
	'学位证',
	'结婚证',
	'离婚证',
	'出生医学证明',
	'准生证',
	'房产证',
	'房屋所有权证',
	'不动产权证书',
	'不动产权证',
	'土地使用证',
	'发票',
	'收据',
	'公章',
	'财务专用章',
	'合同专用章',
	'发票专用章',
	'法人章',
	'银行卡',
	'存折',
	'开户许可证',
	'社保卡',
	'社会保障卡',
	'医保卡',
	'道路运输证',
	'从业资格证',
	'职业资格证书',
	'专业技术职务资格证书',
	'教师资格证',
	'执业证',
	'护照',
	'港澳通行证',
	'军官证',
	'退伍证',
	'税务登记证',
	'组织机构代码证',
	'食品经营许可证',
	'卫生许可证',
	'准考证',
	'工作证',
	'购房合同',
	'收款收据',
	'全国普通高等学校毕业生就业报到证',
	'就业报到证',
	'报到证',
	'法人私章',
	'法人印章',
	'定期存单',
	'存单',
	'校园卡',
	'饭卡',
	'公交卡',
	'市民卡',
	'一卡通'
] as const;

// ---------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------

/**
 * Endings of organisation names (市医疗保障局, 芦淞区政府, 市民政局救助管理站). Used to tell a
 * department's answer line (XX局回复) and a hotline's organisation from ordinary words.
 */
export const DEPARTMENT_SUFFIXES = [
	'委员会',
	'管理局',
	'办公室',
	'服务中心',
	'中心',
	'政府',
	'街道办事处',
	'办事处',
	'街道',
	'公司',
	'集团',
	'医院',
	'卫生院',
	'学校',
	'大学',
	'派出所',
	'大队',
	'支队',
	'分局',
	'局',
	'委',
	'办',
	'厅',
	'署',
	'站',
	'所',
	'院',
	'队',
	'处',
	'部',
	'会',
	'科', // 物业管理科, 户政科: an office of a bureau
	'社区',
	'村委会',
	'科'
] as const;

/** Prefixes that make a following name a government body (市教育局, 区政府, 县民政局). */
export const GOVERNMENT_PREFIXES = ['市', '区', '县', '省', '镇', '乡', '街道'] as const;

// ---------------------------------------------------------------------------------------
// Hotline labels
// ---------------------------------------------------------------------------------------

/**
 * Label endings that say a number is a service line (the part before them says what for):
 * 失业保险咨询电话, 12345政务服务热线, 燃气抢修电话.
 */
export const HOTLINE_LABEL_ENDINGS = [
	'服务热线',
	'咨询热线',
	'投诉热线',
	'举报热线',
	'便民热线',
	'求助热线',
	'热线电话',
	'热线',
	'咨询电话',
	'举报电话',
	'投诉电话',
	'监督电话',
	'服务电话',
	'求助电话',
	'报警电话',
	'急救电话',
	'火警电话',
	'抢修电话',
	'值班电话',
	'救助电话',
	'办事电话',
	'受理电话',
	'预约电话',
	'报修电话',
	'客服电话',
	'查询电话',
	'联系电话',
	'电话'
] as const;

/** Headline words of a list of service numbers (便民电话一览, 常用电话, 服务热线汇总). */
export const HOTLINE_LIST_WORDS = [
	'便民电话',
	'常用电话',
	'电话一览',
	'服务热线',
	'热线一览',
	'热线汇总',
	'号码一览',
	'联系方式一览',
	'电话号码',
	'求助电话',
	'电话簿',
	'通讯录'
] as const;

/** Words of a line that gives office hours. */
export const HOURS_WORDS = [
	'工作时间',
	'受理时间',
	'服务时间',
	'办公时间',
	'开放时间',
	'接听时间',
	'办理时间',
	'咨询时间',
	'营业时间'
] as const;

/** Words that introduce an address. */
export const ADDRESS_WORDS = [
	'办公地址',
	'办理地点',
	'服务地址',
	'受理地点',
	'地址',
	'地点'
] as const;

// ---------------------------------------------------------------------------------------
// Procedures (网络问政 Q&A, 办事指南)
// ---------------------------------------------------------------------------------------

/** Who asks in a 网络问政 column: 网友提问:…, 市民咨询:…, 读者来信:… */
export const ASKER_WORDS = [
	'网友',
	'网民',
	'市民',
	'民众',
	'读者',
	'群众',
	'居民',
	'村民',
	'家长',
	'业主',
	'职工',
	'用户',
	'来信人'
] as const;

/** What the asker does: the word after the asker, before the colon. */
export const ASK_VERBS = [
	'提问',
	'咨询',
	'问',
	'建议',
	'反映',
	'投诉',
	'求助',
	'留言',
	'来信',
	'举报',
	'询问',
	'来电反映',
	'来电咨询',
	'来电'
] as const;

/**
 * What a department does with the question: XX局回复:… (回覆 / 答覆 are the Taiwan and
 * Hong Kong spellings; 覆 is also a simplified character, so normalisation keeps it).
 */
export const ANSWER_VERBS = ['回复', '答复', '回覆', '答覆', '回应', '解答', '回答', '答'] as const;

/**
 * Who in a department answers a column of questions (请市医保局工作人员逐一解答), and the
 * words that say the lead names the answering department (以下解答由XX中心提供, 记者从XX获悉).
 */
export const ANSWERER_ROLES = ['工作人员', '相关负责人', '负责人', '民警', '专家'] as const;
export const ANSWERER_CUES = [
	'逐一解答',
	'解答',
	'作答',
	'答疑',
	'提供',
	'获悉',
	'了解到',
	'介绍'
] as const;

/**
 * Section headings of a service guide, by the field they fill. A heading is one of these
 * words at a line start (after optional numbering) followed by a colon or line end.
 */
export const GUIDE_SECTIONS = {
	requirements: [
		'办理条件',
		'申请条件',
		'申办条件',
		'受理条件',
		'适用对象',
		'服务对象',
		'办理对象',
		'申请对象',
		'申请材料',
		'所需材料',
		'办理材料',
		'提交材料',
		'申报材料',
		'需要材料',
		'所需资料',
		'申请资料',
		'提供材料',
		'携带材料',
		'申请资格',
		'所需文件',
		'所需证件',
		'申请文件',
		'材料清单',
		'所需材料清单',
		// Taiwan-style labels (traditional-script pages, folded to simplified): 應備文件
		'应备文件',
		'应备证件',
		// Question-style headings of 一图读懂 cards
		'需要带什么',
		'要带什么'
	],
	steps: [
		'办理流程',
		'办理程序',
		'办事流程',
		'申请流程',
		'办理步骤',
		'办理方式',
		'申请程序',
		'操作流程',
		'流程',
		'申请手续',
		'办理手续',
		'申办流程',
		'申办程序',
		'怎么办理',
		'怎么办'
	],
	timeLimit: [
		'办理时限',
		'承诺时限',
		'法定时限',
		'办结时限',
		'承诺期限',
		'办理期限',
		'时限',
		'处理时间',
		'处理期限',
		'多久办好',
		'多久能办好'
	],
	fee: ['收费标准', '收费依据', '是否收费', '办理费用', '收费情况', '费用', '规费', '收费'],
	location: [
		'办理地点',
		'受理地点',
		'办公地址',
		'服务窗口',
		'办理窗口',
		'受理窗口',
		'办理地址',
		'线下办理',
		'在哪办',
		'去哪办'
	],
	department: ['受理部门', '办理部门', '实施主体', '受理单位', '实施机关', '主管部门', '责任单位'],
	phone: ['咨询电话', '联系电话', '监督电话', '投诉电话', '咨询方式', '洽询电话'],
	hours: ['办理时间', '受理时间', '工作时间', '办公时间'],
	/** Headings of the official template that fill no field but end the section above them. */
	other: [
		'受理范围',
		'适用范围',
		'办理依据',
		'设定依据',
		'法律依据',
		'政策依据',
		'实施依据',
		'结果送达',
		'审批结果',
		'监督投诉',
		'常见问题'
	]
} as const;

/**
 * Verbs that tell a reader what to bring, in a guide told as news (办理…需携带身份证原件，到…办理),
 * and the words that order its steps (先…再…最后…).
 */
export const CARRY_VERBS = ['携带', '带上', '带齐', '准备', '提供', '提交', '持'] as const;
export const STEP_ORDER_WORDS = ['然后', '接着', '随后', '最后', '再'] as const;

/** Headline words of a service guide. */
export const GUIDE_TITLE_WORDS = [
	'办事指南',
	'办理指南',
	'服务指南',
	'申办指南',
	'操作指南',
	'便民指南',
	'怎么办',
	'如何办理'
] as const;

/**
 * Label words of numbers that are someone's contact, not a public service: an event's
 * 报名电话, a shop's 订购电话, a property ad's 售楼热线.
 */
export const NON_SERVICE_LABEL_WORDS = [
	'报名',
	'订票',
	'购票',
	'订购',
	'订餐',
	'预订',
	'团购',
	'招商',
	'销售',
	'售楼',
	'看房',
	'招聘',
	'加盟',
	'代理',
	'联系人',
	// A school's or training firm's advertisement
	'招生电话',
	'招生热线',
	// A race's or contest's organising committee: the event's contact, gone when it is over
	'组委会'
] as const;

/**
 * Words of a notice whose phone is the notice's own contact (lost documents, found people):
 * such a phone belongs to that notice's record, not to a hotline.
 */
export const NOTICE_CONTACT_WORDS = [
	'遗失',
	'丢失',
	'声明作废',
	'作废',
	'寻物',
	'招领',
	'拾得',
	'拾到',
	'捡到',
	'寻亲',
	'寻人',
	'认领',
	'走失',
	'失踪',
	'弃婴',
	'遗弃',
	'生父母',
	'减资',
	'注销',
	'清算'
] as const;

// ---------------------------------------------------------------------------------------
// Notices: lost and found, family search, events (parsers/lostFound, familySearch, event)
// ---------------------------------------------------------------------------------------

/** Verbs of a lost document or thing. */
export const LOST_VERBS = ['遗失', '丢失', '遗落', '被盗', '失窃'] as const;

/**
 * Animals a 寻狗 / 寻猫 notice looks for. A pet is a lost thing (lost_found, lost_item), never a
 * 寻亲 notice, even when it has a name (名叫“豆豆”) and an age.
 */
export const PET_WORDS = ['狗', '犬', '猫', '宠物', '鹦鹉'] as const;

/** Verbs of finding a thing (or a child: familySearch takes those). */
export const FOUND_VERBS = ['拾到', '拾得', '拾获', '捡到', '捡拾', '捡获'] as const;

/** How OCR misreads the found verbs (拾 read as 抬); only trusted next to 失主 / 认领 / 招领. */
export const FOUND_VERBS_OCR = ['抬到', '抬得', '抬获'] as const;

/**
 * Words that mark a notice as an example or a template, not a real one (how-to guides,
 * agencies' adverts, notes to advertisers): 示例：张三遗失身份证… / 【模板1】xxx公司遗失….
 */
export const TEMPLATE_WORDS = [
	'示例',
	'示范',
	'模板',
	'范本',
	'范例',
	'样本',
	'样例',
	'格式',
	'写法',
	'例如',
	'比如',
	'参照',
	'参考',
	'套用'
] as const;

/** Names used as samples in templates; a notice by them next to TEMPLATE_WORDS is an example. */
export const SAMPLE_NAMES = [
	'张三',
	'李四',
	'王五',
	'赵六',
	'某某',
	'王某',
	'张某',
	'李某'
] as const;

/** Labels printed in front of a document number, longest first within a family. */
export const DOCUMENT_NUMBER_LABELS = [
	'统一社会信用代码',
	'社会信用代码',
	'信用代码',
	'注册号',
	'公民身份号码',
	'身份证号码',
	'身份证号',
	'证件号码',
	'证件号',
	'证书编号',
	'证书号码',
	'证书号',
	'证照编号',
	'发票号码',
	'发票代码',
	'许可证号',
	'许可证编号',
	'核准号',
	'登记号',
	'车牌号码',
	'车牌号',
	'号牌号码',
	'车架号',
	'账号',
	'卡号',
	'证号',
	'编号',
	'号码',
	'代码',
	'号'
] as const;

/** Endings that make a run of characters a document's name when DOCUMENT_TYPES lacks it. */
export const DOCUMENT_SUFFIXES = [
	'证书',
	'证明',
	'执照',
	'许可证',
	'通行证',
	'登记证',
	'证',
	'专用章',
	'公章',
	'印章',
	'章',
	'发票',
	'收据',
	'存折',
	'存单',
	'卡',
	'护照',
	'合同',
	'簿',
	'户口本'
] as const;

/** Endings of an issuer printed in front of a document (市残疾人联合会残疾证 → 残疾证). */
export const ISSUER_ENDINGS = [
	'联合会',
	'委员会',
	'管理局',
	'公安局',
	'分局',
	'局',
	'银行',
	'支行',
	'分行',
	'公司',
	'中心',
	'学校',
	'大学',
	'学院',
	'医院',
	'厅',
	'委',
	'所',
	'站',
	'院'
] as const;

/** Company notices that carry 声明 and numbers but declare nothing lost (减资, 注销 …). */
export const NOT_VOID_WORDS = [
	'减资',
	'减少注册资本',
	'清算',
	'债权',
	'债务',
	'拍卖',
	'招标',
	'投标',
	'竞买',
	'合并',
	'分立',
	'注销登记'
] as const;

/**
 * Words in front of 遗失 that make the sentence reporting, not a notice (记者了解到，不少市民
 * 遗失…). Single characters are left out on purpose: 曾, 如, 后 are also in names.
 */
export const NEWS_WORDS = [
	'记者',
	'据悉',
	'据了解',
	'了解到',
	'市民',
	'网友',
	'群众',
	'如果',
	'假如',
	'一旦',
	'若是',
	'之后',
	'以后',
	'如何',
	'怎么',
	'需要',
	'可以',
	'不少',
	'很多',
	'许多',
	'一些',
	'有人',
	'他们',
	'她们',
	'我们',
	'大家',
	'曾经',
	'经常',
	'容易'
] as const;

/** Places that take a person in and then look for the family (救助站寻亲). */
export const TAKEN_IN_WORDS = [
	'救助管理站',
	'救助站',
	'救助中心',
	'受助人员',
	'受助人',
	'流浪',
	'乞讨',
	'福利院',
	'敬老院',
	'养老院',
	'精神病院',
	'医院',
	'收治',
	'救治',
	'收留',
	'护送'
] as const;

/** Words of a family's loss (寻人启事). */
export const MISSING_WORDS = [
	'寻人启事',
	'走失',
	'走丢',
	'离家出走',
	'出走',
	'失踪',
	'失联',
	'下落不明',
	'失散',
	'被拐',
	'拐走',
	'被人抱走',
	'被抱走',
	'外出未归',
	'未归'
] as const;

/** Words of a happy ending told as news: such a story asks nothing of the reader. */
export const REUNION_WORDS = [
	'团聚',
	'团圆',
	'相认',
	'寻亲成功',
	'成功寻亲',
	'找到亲人',
	'找到了亲人',
	'找到家人',
	'与家人见面',
	'回到家',
	'回到了家',
	'回家了',
	'终于',
	'喜极而泣'
] as const;

/** Section labels that introduce a person's features (体貌特征：…). */
export const FEATURE_LABELS = [
	'体貌特征',
	'身体特征',
	'外貌特征',
	'生理特征',
	'体征',
	'特征',
	'身体状况',
	'健康状况',
	'随身物品',
	'携带物品',
	'随身携带',
	'衣着',
	'穿着',
	'着装',
	'体貌'
] as const;

/** Words that make a clause a description of a person (包被, 胎记, 身高, 穿 …). */
export const FEATURE_WORDS = [
	'包被',
	'包裹',
	'襁褓',
	'棉被',
	'被子',
	'毛毯',
	'毯子',
	'胎记',
	'文身',
	'纹身',
	'刺青',
	'痣',
	'疤',
	'伤',
	'体重',
	'身高',
	'身长',
	'斤',
	'公斤',
	'千克',
	'克',
	'cm',
	'厘米',
	'米',
	'身穿',
	'穿着',
	'穿',
	'衣',
	'裤',
	'鞋',
	'帽',
	'袜',
	'随身',
	'携带',
	'身上',
	'红包',
	'纸条',
	'字条',
	'字样',
	'写有',
	'奶粉',
	'奶瓶',
	'健康',
	'患',
	'疾病',
	'残疾',
	'缺',
	'唇裂',
	'腭裂',
	'发育',
	'智力',
	'肤',
	'头发',
	'发型',
	'短发',
	'长发',
	'白发',
	'黑发',
	'卷发',
	'光头',
	'秃',
	'眼',
	'眉',
	'脸',
	'耳',
	'鼻',
	'口音',
	'方言',
	'说话',
	'言语',
	'身材',
	'体型',
	'偏瘦',
	'偏胖',
	'微胖',
	'消瘦',
	'戴',
	'佩'
] as const;

/** Words read as a contact's name after 与…联系 that name no one to ask for. */
export const NOT_CONTACT_NAMES = [
	'该所',
	'该站',
	'我站',
	'我院',
	'本站',
	'家人',
	'家属',
	'其家人',
	'其家属',
	'我们',
	'警方',
	'民警',
	'派出所'
] as const;

/** Institutions that publish family-search notices, as the ending of their name. */
export const FAMILY_NOTICE_ORGANIZATIONS = [
	'儿童福利院',
	'社会福利院',
	'福利院',
	'儿童福利中心',
	'社会福利中心',
	'福利中心',
	'救助管理站',
	'救助站',
	'救助中心',
	'民政局',
	'民政事务局',
	'公安局',
	'公安分局',
	'派出所'
] as const;

/** Words that invite readers to take part in an event. */
export const SIGNUP_WORDS = [
	'报名',
	'招募',
	'征集',
	'征稿',
	'征文',
	'参赛',
	'招生',
	'投稿方式',
	'投稿渠道',
	'投稿办法',
	'投稿要求',
	'预约报名',
	'预约参加',
	'预约参与',
	'预约参观',
	'预约入场',
	'预约观看'
] as const;

/** Markers of a report about an event that already took place. */
export const PAST_EVENT_WORDS = [
	'举行了',
	'举办了',
	'开展了',
	'落下帷幕',
	'落幕',
	'圆满结束',
	'圆满成功',
	'闭幕',
	'已结束',
	'顺利举行',
	'成功举办'
] as const;

/** Markers of an event still to come or a registration still open. */
export const OPEN_EVENT_WORDS = [
	'将于',
	'将在',
	'即日起',
	'截止',
	'截至',
	'欢迎',
	'报名方式',
	'报名时间',
	'报名条件',
	'请于',
	'可通过',
	'扫码',
	'扫描',
	'报名电话',
	'仍在',
	'正在',
	'火热',
	'启动',
	'开始报名',
	'邀请',
	'敬请',
	'届时'
] as const;

/** Labels of an event's organisers (主办单位：…); 指导单位 is read but not taken. */
export const ORGANIZER_LABELS = [
	'主办单位',
	'主办方',
	'主办',
	'指导单位',
	'承办单位',
	'承办方',
	'承办',
	'举办单位',
	'组织单位',
	'发起单位'
] as const;

/**
 * Words of a sentence that quotes numbers as a warning, not as lines to call: a fraud
 * warning's numbers (骗子使用的号码…, 冒充…). No number of such a sentence is a directory entry.
 */
export const FRAUD_WARNING_WORDS = ['诈骗', '骗子', '冒充', '伪造', '假冒', '虚拟号'] as const;

/**
 * Words right after a service number that make it the subject of a report, not a line
 * offered to the reader: 12345热线全年受理…万件, 并入12345热线, 与110报警服务台对接.
 */
export const NUMBER_AS_SUBJECT_WORDS = [
	'受理',
	'办结',
	'接通率',
	'满意率',
	'万件',
	'同比',
	'并入',
	'归并',
	'整合',
	'对接'
] as const;
