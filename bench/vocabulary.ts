/**
 * Word lists for the synthetic corpus: what 株洲's papers print in their service pages. Kept
 * apart from corpus.ts so the generator reads as logic. Lists are simplified script; about one
 * record in twenty is converted to traditional script by the generator.
 */

/** Splits a list written as one space-separated string (compact, and Prettier keeps it). */
export const words = (list: string): string[] => list.split(' ');

export const SURNAMES = words(
	'张 李 王 刘 陈 杨 赵 黄 周 吴 谭 彭 邓 罗 曾 唐 易 贺 肖 廖 龙 蒋 胡 文 邹 何 郭 段 欧阳 颜 钟 朱'
);

export const GIVEN = words(
	'伟 芳 娜 敏 静 强 磊 军 洋 勇 艳 杰 涛 明 超 秀 英 华 平 刚 桂 兰 建 国 志 红 丽 斌 晓 燕 欣 可 宇 浩 婷 雪 玲 辉 鹏 霞 梅 飞 亮 俊 思 佳 子 雨'
);

export const STREETS = words(
	'建设中路 新华西路 红旗路 长江北路 黄河北路 泰山路 株洲大道 车站路 人民路 荷塘大道 天台路 钻石路 建宁大道 炎帝大道 珠江北路 湘江南路 庆云路 文化路 解放街 芦淞路 董家塅大道 时代大道 神农大道 滨江北路 桂花路 向阳北街 新华东路 合泰路 响石岭路 清水塘路 栗雨路 天易大道 云龙大道 学林路'
);

export const LANDMARKS = words(
	'神农公园 炎帝广场 株洲火车站 芦淞服饰市场 王府井百货 河西步行街 湘江风光带 石峰公园 株洲西站 汽车南站 中心广场 市中心医院 株洲方特 神农城 湖南工业大学 白石港湿地公园 平和堂 华晨神农湾 万达广场 市图书馆 体育中心 龙母河大桥'
);

export const COMMUNITIES = words(
	'新华社区 月塘社区 建设村 桂花社区 白石社区 红港社区 栗雨社区 泰山社区 贺家土社区 枫溪社区 大桥社区 明珠社区 宋家桥社区 钟鼓岭社区 清水塘社区'
);

/**
 * Organisations that print hotlines, with their short service words. `line` names the
 * hotline (title = district + org short name + line); `number` is the switchboard, reused
 * across many records as in real papers.
 */
export const ORGANIZATIONS: { org: string; short: string; lines: string[]; number: string }[] = [
	{
		org: '市医疗保障局',
		short: '医保',
		lines: ['报销咨询电话', '异地就医备案咨询', '参保缴费咨询', '基金监管举报电话'],
		number: '0731-28213456'
	},
	{
		org: '市人力资源和社会保障局',
		short: '社保',
		lines: ['社保咨询电话', '养老保险咨询', '工伤保险咨询', '劳动保障监察投诉电话'],
		number: '0731-28663333'
	},
	{
		org: '市住房公积金管理中心',
		short: '公积金',
		lines: ['提取咨询电话', '贷款咨询电话', '服务热线'],
		number: '0731-28112233'
	},
	{
		org: '市公安局户政大队',
		short: '户政',
		lines: ['户籍业务咨询', '身份证办理咨询', '居住证办理咨询'],
		number: '0731-28221100'
	},
	{
		org: '市自来水公司',
		short: '供水',
		lines: ['服务热线', '抢修电话', '水表过户咨询'],
		number: '0731-28829999'
	},
	{
		org: '国网株洲供电公司',
		short: '供电',
		lines: ['服务热线', '故障报修电话', '电费咨询'],
		number: '95598'
	},
	{
		org: '市燃气公司',
		short: '燃气',
		lines: ['抢修电话', '开户咨询电话', '安全检查预约'],
		number: '0731-22336677'
	},
	{
		org: '市公交集团',
		short: '公交',
		lines: ['服务热线', '失物招领电话', '线路咨询电话', 'IC卡充值咨询'],
		number: '0731-22198888'
	},
	{
		org: '市不动产登记中心',
		short: '不动产登记',
		lines: ['业务咨询电话', '预约电话'],
		number: '0731-28556677'
	},
	{
		org: '市市场监督管理局',
		short: '市场监管',
		lines: ['投诉举报电话', '食品安全举报', '营业执照办理咨询'],
		number: '12315'
	},
	{
		org: '市政务服务中心',
		short: '政务服务',
		lines: ['便民热线', '办事咨询电话', '预约服务电话'],
		number: '12345'
	},
	{
		org: '市救助管理站',
		short: '救助站',
		lines: ['救助热线', '寻亲服务电话'],
		number: '0731-28440110'
	},
	{
		org: '市社会福利院',
		short: '福利院',
		lines: ['值班电话', '收养咨询电话'],
		number: '0731-22567890'
	},
	{
		org: '株洲市图书馆',
		short: '图书馆',
		lines: ['咨询电话', '活动报名电话', '借阅证办理咨询'],
		number: '0731-22345678'
	},
	{
		org: '市中心医院',
		short: '中心医院',
		lines: ['预约挂号电话', '急诊电话', '体检中心咨询'],
		number: '0731-28561000'
	},
	{
		org: '市妇幼保健院',
		short: '妇幼保健院',
		lines: ['预约挂号电话', '孕产咨询电话', '疫苗接种咨询'],
		number: '0731-28272222'
	},
	{
		org: '市教育局',
		short: '教育',
		lines: ['招生咨询电话', '学籍咨询电话', '教育督导投诉电话'],
		number: '0731-28226666'
	},
	{
		org: '市城管执法局',
		short: '城管',
		lines: ['投诉电话', '占道经营举报', '噪音扰民投诉'],
		number: '0731-28612345'
	},
	{
		org: '市公安局交警支队',
		short: '交警',
		lines: ['车管所咨询电话', '违章处理咨询', '事故处理咨询'],
		number: '122'
	},
	{
		org: '国家税务总局株洲市税务局',
		short: '税务',
		lines: ['纳税服务热线', '个税汇算咨询'],
		number: '12366'
	},
	{
		org: '市民政局',
		short: '民政',
		lines: ['婚姻登记咨询', '低保申请咨询', '养老服务热线'],
		number: '12349'
	},
	{
		org: '市残疾人联合会',
		short: '残联',
		lines: ['残疾证办理咨询', '康复服务咨询'],
		number: '0731-28251234'
	},
	{ org: '市司法局', short: '法律援助', lines: ['法律援助热线', '公证咨询电话'], number: '12348' },
	{
		org: '市退役军人事务局',
		short: '退役军人',
		lines: ['服务热线', '优抚咨询电话'],
		number: '0731-28680011'
	},
	{ org: '市生态环境局', short: '环保', lines: ['举报电话', '环境投诉热线'], number: '12369' },
	{
		org: '市住房和城乡建设局',
		short: '住建',
		lines: ['物业投诉电话', '建筑工地投诉', '房屋安全咨询'],
		number: '0731-28215678'
	},
	{
		org: '市卫生健康委员会',
		short: '卫健',
		lines: ['健康咨询热线', '医疗投诉电话'],
		number: '12320'
	},
	{ org: '市总工会', short: '工会', lines: ['职工维权热线', '困难职工帮扶咨询'], number: '12351' },
	{ org: '团市委', short: '青少年', lines: ['青少年服务热线', '心理咨询热线'], number: '12355' },
	{ org: '市妇联', short: '妇联', lines: ['妇女维权热线', '家庭纠纷调解电话'], number: '12338' },
	{ org: '市消防救援支队', short: '消防', lines: ['火警电话', '消防安全咨询'], number: '119' },
	{ org: '市急救中心', short: '急救', lines: ['医疗急救电话'], number: '120' },
	{ org: '市公安局', short: '公安', lines: ['报警电话', '出入境咨询电话'], number: '110' },
	{
		org: '市文化旅游广电体育局',
		short: '文旅',
		lines: ['旅游投诉电话', '文化活动咨询'],
		number: '0731-28291234'
	},
	{
		org: '市农业农村局',
		short: '农业',
		lines: ['农技服务热线', '农资打假举报'],
		number: '0731-28681234'
	},
	{ org: '株洲高铁站', short: '高铁站', lines: ['问讯处电话', '失物招领处'], number: '12306' }
];

export const HOURS = words(
	'工作日8:30-17:30 周一至周五9:00-17:00 24小时 工作日上午8:00-12:00，下午14:30-17:30 节假日照常值班 每天8:00-20:00'
);

export const SERVICES = words(
	'新生儿出生登记 居民身份证换领 社会保障卡补办 医保异地就医备案 住房公积金提取 不动产登记 个体工商户营业执照办理 结婚登记 老年人优待证办理 残疾人证办理 居住证办理 机动车驾驶证换证 失业保险金申领 城乡居民医保参保 退休人员养老金领取资格认证 生育津贴申领 灵活就业人员社保缴纳 二手房过户 户口迁移 护照办理 公租房申请 低保申请 高龄津贴申领 新能源汽车充电桩报装 燃气开户 自来水过户 电动自行车上牌 义务教育入学报名 残疾人两项补贴申领'
);

export const REQUIREMENTS = words(
	'申请人居民身份证原件及复印件 户口簿原件 近期一寸免冠彩色照片两张 《出生医学证明》原件 结婚证原件 社会保障卡 不动产权证书 购房合同及发票 营业执照副本 本人银行卡 医院出具的诊断证明 居住证 劳动合同或离职证明 委托书及受托人身份证 村（居）委会出具的证明 《残疾人证》原件 学籍证明 完税证明 房屋租赁合同 申请表（现场领取）'
);

export const STEPS = words(
	'携带材料到窗口提出申请 工作人员审核材料，符合条件的当场受理 审核通过后缴纳费用 在“株洲政务服务”小程序上预约 填写申请表并签字确认 现场拍照并采集指纹 等待短信通知领取 凭回执到原窗口领取证件 登录湖南政务服务网在线提交 社区初审后报街道复核 公示七日无异议后发放 通过“湘医保”APP提交备案 到银行网点激活社保卡金融功能'
);

export const TIME_LIMITS = words('当场办结 3个工作日 5个工作日 10个工作日 15个工作日 20个工作日');
export const FEES = words('不收费 免费 工本费20元 工本费10元 按规定标准收取 每件80元');

export const DEPARTMENTS = words(
	'市政务服务中心 区政府 市公安局 市住建局 市人社局 市医保局 市教育局 市交通运输局 市公交集团 市城管执法局 区住建局 街道办事处 市自然资源和规划局 市生态环境局 市市场监管局 市民政局 市卫健委 市水务投资集团 国网株洲供电公司 市燃气公司'
);

/** Openings of questions residents send to the 网络问政 column; {x} is filled by the generator. */
export const QUESTIONS = words(
	'{street}的路灯坏了很久，什么时候能修好？ {community}小区门口的公交站能不能恢复？ {route}公交什么时候恢复原线路运行？ {service}需要带哪些材料，可以在网上办吗？ {street}施工围挡什么时候拆除？ {community}附近的菜市场噪音太大，能否管一管？ 孩子明年上小学，{community}对应哪所学校？ {street}和{street2}交叉口能不能加装红绿灯？ 在外地住院，医保怎么报销？ 退休人员{service}在哪里办理？ {landmark}附近停车太难，能否增加停车位？ 小区电梯经常停运，物业不管怎么办？ {street}的下水道堵塞，雨天积水严重怎么办？ 老旧小区改造{community}有没有纳入计划？ {landmark}周边的KTV深夜噪音扰民，能否处理？'
);

/** Sentences of replies; an answer is three to eight of them (100–400 characters). */
export const ANSWER_SENTENCES = words(
	'经调查核实，您反映的问题属实，我单位已安排工作人员到现场查看。 目前该项目正在办理相关审批手续，预计下月底前完成施工。 根据《株洲市城市管理条例》相关规定，我局已责令相关单位限期整改。 市民可携带本人居民身份证到就近的政务服务中心窗口办理，也可通过“株洲政务服务”小程序在线申请。 由于管网改造需要，该路段将分段施工，给您带来的不便敬请谅解。 我们已将您的建议转交市交通运输局研究，如有进展将及时向社会公布。 该小区已纳入今年老旧小区改造计划，改造内容包括雨污分流、外墙翻新和加装电梯等。 经与区教育局了解，义务教育阶段学校招生按照划片入学的原则进行，具体片区以当年公布为准。 感谢您对我市城市建设的关注和支持。 如仍有疑问，可在工作日拨打咨询电话，我们将安排专人解答。 下一步，我们将加大巡查力度，发现一起查处一起，切实维护群众合法权益。 异地就医的参保人员需先办理备案手续，备案后可在就医地直接结算。 相关线路调整方案已报市公交集团审定，将于近期恢复原线路运行。 执法人员已对涉事商户进行了约谈，并要求其在晚上十点后停止营业性演出。 该路口的信号灯设置方案已列入年度交通设施建设计划。 目前已完成前期勘察设计，正在进行招投标工作。 根据规定，申请人须在本市连续缴纳社会保险满十二个月。'
);

export const DOCUMENT_TYPES: {
	type: string;
	number: 'id' | 'disability' | 'credit' | 'plate' | 'digits' | 'none';
	company?: boolean;
}[] = [
	{ type: '居民身份证', number: 'id' },
	{ type: '残疾证', number: 'disability' },
	{ type: '社会保障卡', number: 'id' },
	{ type: '机动车驾驶证', number: 'id' },
	{ type: '出生医学证明', number: 'digits' },
	{ type: '教师资格证', number: 'digits' },
	{ type: '不动产权证书', number: 'digits' },
	{ type: '学生证', number: 'digits' },
	{ type: '营业执照正副本', number: 'credit', company: true },
	{ type: '车辆道路运输证', number: 'digits', company: true },
	{ type: '公章、财务专用章', number: 'none', company: true },
	{ type: '机动车行驶证', number: 'plate' },
	{ type: '房屋收据', number: 'digits' },
	{ type: '医师执业证书', number: 'digits' }
];

export const COMPANY_WORDS = words(
	'湘东 伟业 顺达 恒达 美佳 鑫源 华瑞 兴旺 长江 金桥 炎帝 神农 宏图 新城 永安 天和'
);
export const COMPANY_TRADES = words(
	'建材有限公司 物流有限公司 餐饮店 商贸有限公司 服饰店 机械有限公司 装饰工程有限公司 便利店 汽车维修厂 电子科技有限公司'
);

export const LOST_ITEMS = words(
	'黑色双肩包一个，内有笔记本电脑一台 棕色钱包一个，内有现金若干及银行卡两张 苹果手机一部 钥匙一串 蓝色行李箱一个 金手镯一只 身份证、银行卡等证件若干 白色泰迪犬一只，名叫“豆豆” 黑色电动车一辆 老花镜一副 文件袋一个，内有合同原件 儿童手表一块 灰色羽绒服一件'
);

export const FEATURES = words(
	'身高约1.68米 体型偏瘦 头发花白 操湘东口音 左手背有一处烫伤疤痕 上身穿灰色夹克 下身穿黑色长裤 脚穿蓝色拖鞋 身穿白色连体衣 用粉红色毛毯包裹 右小腿有一处浅褐色胎记 智力有障碍 不能说清家庭住址 戴黑框眼镜 右耳后有黑痣 身穿红色外套 说醴陵方言 随身带有一个编织袋 走路微跛 圆脸，单眼皮'
);

export const EVENT_THEMES = words(
	'悦读童年 书香株洲 童心向党 健康生活 邻里守望 绿色出行 非遗传承 银龄课堂 科技周末 湘江夜跑 社区好声音 我们的节日'
);

export const EVENT_KINDS = words(
	'暑期亲子阅读营 书法公益班 全民健身跑 摄影比赛 义诊活动 插花体验课 防诈骗讲座 少儿编程体验营 广场舞大赛 志愿者招募 老年智能手机培训班 非遗剪纸体验课 亲子运动会'
);

export const AUDIENCES = words(
	'6至10岁儿童及其家长，共30组家庭，额满即止 全市60岁以上老年人 本市中小学生 全体市民 辖区居民 18至45岁的市民，身体健康 热爱摄影的市民朋友'
);

/** Headlines of the news articles around the notices. */
export const NEWS_HEADLINES = [
	'春季供水管网改造启动',
	'社区“邻里节”拉近居民距离',
	'全民健身运动会落下帷幕',
	'老旧小区改造惠及万户居民',
	'我市新增三条公交线路',
	'整治形式主义 推动基层减负见效',
	'离家十八年 老人终于回家',
	'温馨提示：近期气温变化较大',
	'政务服务“一件事一次办”再提速',
	'湘江风光带将添新景观'
];

/** Filler sentences for the news articles around the notices on a synthetic page. */
export const NEWS_SENTENCES = [
	'本报讯 近日，我市持续推进民生实事项目建设，各项工作有序开展，群众满意度稳步提升。',
	'相关负责人表示，下一步将进一步优化服务流程，让办事群众少跑腿、好办事。',
	'今年以来，全市新增城镇就业岗位一万余个，重点群体就业保持稳定。',
	'活动现场，志愿者们为居民提供了义诊、理发、家电维修等服务，受到群众欢迎。',
	'据了解，该项目总投资约三亿元，建成后将有效缓解周边交通压力。',
	'记者在现场看到，施工人员正在加紧作业，工程进度已完成百分之八十。',
	'市气象台预计，本周我市以多云天气为主，气温逐步回升，早晚温差较大。',
	'下一步，该区将以群众需求为导向，持续开展“我为群众办实事”实践活动。',
	'株洲日报讯（全媒体记者 李明）11月4日，市委常委会召开会议，研究部署近期重点工作。',
	'会议强调，要坚持问题导向，扎实做好安全生产、森林防火和疫情防控等各项工作。',
	'据统计，“五一”假期全市共接待游客一百二十万人次，实现旅游收入八亿元。',
	'该负责人介绍，新建的社区服务中心设有日间照料室、阅览室和活动室，方便老年人就近活动。'
];

export const PAPERS = words('株洲日报 株洲晚报 湘东晚报');
