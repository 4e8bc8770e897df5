/**
 * The benchmark's fixed query set: what residents type into the search box. Most queries are
 * written out here; the phone and document numbers are read from records of the corpus itself
 * (spread evenly over it), so they hit real records whatever N is.
 *
 * Note on numbers: the search matches a number or ASCII word from its start (a typed prefix
 * of up to 6 digits finds the whole number; a longer one only the number itself, so that a
 * masked ID cannot be read out digit by digit) but not from its middle — "1路" is not meant to
 * find "11路", nor "3456" the number 0731-28213456 (its local part 28213456 is indexed on its
 * own). So numbers are typed here whole or as the local part, as people type them; a substring
 * scan would also match tails of unrelated numbers, which no one searching means.
 */
import { recordAt } from './synthetic';
import { ORGANIZATIONS } from './vocabulary';

export type QueryGroup =
	| 'short' // one or two characters
	| 'phrase'
	| 'words' // several words separated by spaces
	| 'traditional'
	| 'phone'
	| 'document'
	| 'mixed' // Chinese and ASCII together
	| 'miss';

export interface BenchQuery {
	q: string;
	group: QueryGroup;
}

const SHORT = [
	// one character
	'证',
	'电',
	'医',
	'保',
	'路',
	'站',
	'寻',
	'失',
	'报',
	'区',
	'市',
	'公',
	'车',
	'号',
	'局',
	'社',
	'话',
	'卡',
	'书',
	'水',
	'亲',
	'婴',
	'龙',
	'桥',
	'街',
	'院',
	'费',
	'警',
	'灯',
	'票',
	// two characters
	'医保',
	'社保',
	'公积',
	'身份',
	'遗失',
	'声明',
	'寻亲',
	'寻物',
	'招领',
	'报名',
	'电话',
	'热线',
	'公交',
	'供水',
	'燃气',
	'户口',
	'落户',
	'低保',
	'残疾',
	'驾驶',
	'营业',
	'执照',
	'荷塘',
	'芦淞',
	'天元',
	'石峰',
	'醴陵',
	'攸县',
	'茶陵',
	'炎陵',
	'图书',
	'书法',
	'义诊',
	'救助',
	'福利',
	'弃婴',
	'老人',
	'钱包',
	'手机',
	'钥匙',
	'停车',
	'路灯',
	'施工',
	'噪音',
	'学校',
	'电梯',
	'物业',
	'投诉',
	'举报',
	'急救',
	'火警',
	'税务',
	'婚姻',
	'护照',
	'户籍',
	'社区',
	'街道',
	'窗口',
	'胎记',
	'夹克'
];

const PHRASES = [
	'医保报销咨询电话',
	'异地就医备案',
	'住房公积金提取',
	'新生儿出生登记',
	'居民身份证',
	'遗失居民身份证声明',
	'残疾证',
	'营业执照正副本',
	'寻物启事',
	'招领启事',
	'查找弃婴生父母公告',
	'救助管理站寻亲公告',
	'亲子阅读营',
	'书法公益班',
	'老年智能手机培训班',
	'政务服务中心',
	'不动产登记',
	'失业保险金申领',
	'神农公园',
	'炎帝广场',
	'河西步行街',
	'株洲火车站',
	'建设中路',
	'黄河北路',
	'路灯坏了',
	'施工围挡',
	'老旧小区改造',
	'划片入学',
	'红绿灯',
	'社会保障卡补办',
	'机动车驾驶证',
	'出生医学证明',
	'道路运输证',
	'公章、财务专用章',
	'市救助管理站',
	'株洲市社会福利院',
	'报名截止',
	'义诊活动',
	'防诈骗讲座',
	'身高约1.68米',
	'操湘东口音',
	'右耳后有黑痣',
	'黑色双肩包',
	'棕色钱包',
	'必有重谢',
	'城东派出所',
	'电动自行车上牌',
	'供电故障报修电话',
	'燃气抢修电话',
	'政务服务便民热线'
];

const WORDS = [
	'医保 电话',
	'荷塘区 身份证',
	'公交 恢复',
	'社保卡 补办',
	'天元区 报名',
	'寻亲 老人',
	'遗失 驾驶证',
	'芦淞区 招领',
	'公积金 提取 材料',
	'图书馆 亲子'
];

const TRADITIONAL = ['醫保', '尋親', '身份證', '遺失聲明', '電話', '報名', '護照', '寻亲公告'];

const MIXED = ['CZ1路', 'K8路', 'KTV', 'ktv', 'IC卡', 'APP', 'D101路', 'T3路', '湘B', 'cz2路'];

const MISSES = [
	'量子计算',
	'火星探测',
	'xyzzy',
	'9999999999',
	'区块链',
	'恐龙化石',
	'北京烤鸭',
	'zzz123',
	'冰淇淋',
	'0731-99999999',
	'攀岩俱乐部',
	'企鹅',
	'泸',
	'鬱',
	'qwerty uiop'
];

/** Short service numbers printed in almost every paper. */
const SERVICE_NUMBERS = ['12345', '12315', '95598', '12349'];

/** Every way someone might type a Zhuzhou landline (0731-XXXXXXXX). */
function spellings(number: string): string[] {
	const local = number.slice(5);
	return [
		number,
		local,
		`0731${local}`,
		`0731 ${local.slice(0, 4)} ${local.slice(4)}`,
		`${local.slice(0, 4)} ${local.slice(4)}`,
		`(0731)${local}`,
		`（0731）${local}`
	];
}

/**
 * Switchboards the corpus reuses across many records (vocabulary.ts), typed every way, and
 * the service numbers: numbers a resident knows by heart.
 */
const FIXED_PHONES = [
	...ORGANIZATIONS.map((o) => o.number)
		.filter((n) => /^0731-\d{8}$/.test(n))
		.slice(0, 2)
		.flatMap(spellings),
	...SERVICE_NUMBERS
];

/** Writes a phone number the way someone might type it (several ways per number). */
function typed(number: string, way: number): string {
	if (/^0731-\d{8}$/.test(number)) return spellings(number)[way % 4];
	if (/^1\d{10}$/.test(number))
		return way % 2 ? `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}` : number;
	return number;
}

/**
 * The query set for a corpus of `records` records under `seed`: at least 200 queries, about a
 * third of them one or two characters. Deterministic for (records, seed).
 */
export function benchQueries(records: number, seed = 1): BenchQuery[] {
	const out: BenchQuery[] = [
		...SHORT.map((q) => ({ q, group: 'short' as const })),
		...PHRASES.map((q) => ({ q, group: 'phrase' as const })),
		...WORDS.map((q) => ({ q, group: 'words' as const })),
		...TRADITIONAL.map((q) => ({ q, group: 'traditional' as const })),
		...MIXED.map((q) => ({ q, group: 'mixed' as const })),
		...MISSES.map((q) => ({ q, group: 'miss' as const })),
		...FIXED_PHONES.map((q) => ({ q, group: 'phone' as const }))
	];
	// Numbers from records spread over the corpus: 20 phones and 20 document numbers.
	const phones: string[] = [];
	const documents: string[] = [];
	for (let k = 0; (phones.length < 20 || documents.length < 20) && k < 4000; k++) {
		const index = Math.floor(((k * 0.618033988749895) % 1) * records);
		const r = recordAt(index, seed);
		const number = r.phones[0]?.number;
		if (phones.length < 20 && number && (number.startsWith('0731-') || number.startsWith('1')))
			phones.push(typed(number, phones.length));
		const doc =
			r.kind === 'lost_found' ? (r.fields.documentNumber as string | undefined) : undefined;
		if (documents.length < 20 && doc) {
			// Whole numbers, as an owner types their own: a part of a number of 7 or more digits
			// finds nothing since issue 12 (a prefix would reveal a masked ID digit by digit).
			documents.push(doc);
		}
	}
	out.push(...phones.map((q) => ({ q, group: 'phone' as const })));
	out.push(...documents.map((q) => ({ q, group: 'document' as const })));
	return out;
}
