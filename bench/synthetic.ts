/**
 * A deterministic synthetic corpus for the benchmarks: records of all five kinds as the
 * importer would store them, and newspaper pages for the import benchmark.
 *
 * Random access, not just a stream: record i is generated from its own PRNG seeded by
 * (seed, i), so `recordAt(i)` costs the same for i = 0 and i = 999,999, `corpus(n)` streams
 * without ever holding more than one record, and the query set can take real phone and
 * document numbers from chosen records without generating the ones in between.
 */
import { Converter } from 'opencc-js/cn2t';
import { DISTRICTS } from '../src/lib/records/city';
import type { Phone } from '../src/lib/records/types';
import type { Kind, RecordStatus } from '../src/lib/records/kinds';
import type { RecordInput } from '../src/lib/server/records';
import { prng } from '../tests/helpers/pages';
import * as V from './vocabulary';

/** A record of the corpus: what the importer writes, plus the status and date it would have. */
export interface CorpusRecord extends RecordInput {
	status: RecordStatus;
	confidence: number;
	/** ISO date-time the record was published (or imported, for drafts). */
	publishedAt: string;
	/** True when the record's text is in traditional script. */
	traditional: boolean;
}

/** Share of each kind, as in a year of the papers' service pages (void notices dominate). */
const KIND_WEIGHTS: [Kind, number][] = [
	['lost_found', 0.38],
	['procedure', 0.2],
	['hotline', 0.17],
	['event', 0.15],
	['family_search', 0.1]
];

/** Roughly one record in twenty comes from a paper printed in traditional script. */
export const TRADITIONAL_SHARE = 0.05;

/** Records get one publication day per this many indexes: 1M records span about nine years. */
const RECORDS_PER_DAY = 300;
const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAY_MS = 86_400_000;

/** Helpers over one record's PRNG. */
class Dice {
	constructor(readonly r: () => number) {}
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.r() * (hi - lo + 1));
	}
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.r() * list.length)];
	}
	chance(p: number): boolean {
		return this.r() < p;
	}
	digits(n: number): string {
		let s = '';
		for (let i = 0; i < n; i++) s += Math.floor(this.r() * 10);
		return s;
	}
	/** k distinct items in list order. */
	some<T>(list: readonly T[], lo: number, hi: number): T[] {
		const k = Math.min(list.length, this.int(lo, hi));
		const out = new Set<number>();
		while (out.size < k) out.add(Math.floor(this.r() * list.length));
		return [...out].sort((a, b) => a - b).map((i) => list[i]);
	}
	name(): string {
		return (
			this.pick(V.SURNAMES) + this.pick(V.GIVEN) + (this.chance(0.6) ? this.pick(V.GIVEN) : '')
		);
	}
}

/** Area codes of 株洲's districts and counties in ID-card numbers. */
const ID_REGIONS = [
	'430202',
	'430203',
	'430204',
	'430211',
	'430212',
	'430223',
	'430224',
	'430225',
	'430281'
];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-character mainland ID number with a real birth date and a correct check character. */
function idNumber(d: Dice): string {
	const year = d.int(1940, 2015);
	const month = String(d.int(1, 12)).padStart(2, '0');
	const day = String(d.int(1, 28)).padStart(2, '0');
	const body = d.pick(ID_REGIONS) + year + month + day + d.digits(3);
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
	return body + '10X98765432'[sum % 11];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(d: Dice): string {
	let s = '9143020' + d.int(1, 9) + 'MA';
	for (let i = 0; i < 8; i++) s += CREDIT_CHARS[Math.floor(d.r() * CREDIT_CHARS.length)];
	return s;
}

const MOBILE_PREFIXES = V.words(
	'133 135 136 137 138 139 150 151 152 158 159 173 177 180 181 186 187 188 189 199'
);

/** A phone as the extractor reports it: normalised number plus the raw form as printed. */
function landline(d: Dice, label?: string): Phone {
	const local = '2' + d.digits(7);
	const number = '0731-' + local;
	const raw = d.pick([
		number,
		local,
		`(0731)${local}`,
		`0731 ${local.slice(0, 4)} ${local.slice(4)}`
	]);
	return label ? { number, raw, label } : { number, raw };
}
function mobile(d: Dice, label?: string): Phone {
	const number = d.pick(MOBILE_PREFIXES) + d.digits(8);
	const raw = d.chance(0.3)
		? `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`
		: number;
	return label ? { number, raw, label } : { number, raw };
}
function known(number: string, label?: string): Phone {
	return label ? { number, raw: number, label } : { number, raw: number };
}

const BUS_ROUTES = V.words('CZ1路 K8路 T3路 11路 26路 D101路 T16路 K25路 CZ2路 36路');

function fill(template: string, d: Dice): string {
	return template
		.replace('{street2}', d.pick(V.STREETS))
		.replace('{street}', d.pick(V.STREETS))
		.replace('{community}', d.pick(V.COMMUNITIES))
		.replace('{service}', d.pick(V.SERVICES))
		.replace('{landmark}', d.pick(V.LANDMARKS))
		.replace('{route}', d.pick(BUS_ROUTES));
}

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

function hotline(d: Dice, district: string | null): RecordInput {
	const o = d.pick(V.ORGANIZATIONS);
	const line = d.pick(o.lines);
	// A district branch prints its own number; the city-level organisation its switchboard.
	const local = district !== null && o.number.startsWith('0731') && d.chance(0.6);
	const community = d.chance(0.15) ? d.pick(V.COMMUNITIES) : null;
	const name = community
		? `${community}服务中心${d.pick(['值班电话', '便民服务热线', '网格员电话'])}`
		: `${local ? district : ''}${o.short}${line}`;
	const organization = community
		? `${district ?? ''}${community}`
		: local
			? `${district}${o.org.replace(/^市/, '')}`
			: o.org;
	const phones = [community || local ? landline(d, name) : known(o.number, name)];
	if (d.chance(0.2)) phones.push(landline(d));
	const fields: Record<string, unknown> = { name, organization };
	if (d.chance(0.4))
		fields.address = `${district ?? d.pick(DISTRICTS)}${d.pick(V.STREETS)}${d.int(1, 300)}号`;
	if (d.chance(0.5)) fields.hours = d.pick(V.HOURS);
	if (['110', '119', '120', '122'].includes(phones[0].number)) fields.emergency = true;
	return { kind: 'hotline', subtype: null, title: name, district, fields, phones, emails: [] };
}

function answer(d: Dice, department: string): string {
	const sentences = d.some(V.ANSWER_SENTENCES, 3, 8);
	return `${department}回复：${sentences.join('')}`;
}

function procedure(d: Dice, district: string | null): RecordInput {
	const department = d.pick(V.DEPARTMENTS);
	const phones = d.chance(0.6) ? [landline(d, '咨询电话')] : [];
	if (d.chance(0.55)) {
		const question = fill(d.pick(V.QUESTIONS), d);
		return {
			kind: 'procedure',
			subtype: 'qa',
			title: question,
			district,
			fields: { question, answer: answer(d, department), department },
			phones,
			emails: []
		};
	}
	const service = d.pick(V.SERVICES);
	const title = d.pick([`${service}怎么办`, `办事指南：${service}`, service, `${service}办理流程`]);
	return {
		kind: 'procedure',
		subtype: 'guide',
		title,
		district,
		fields: {
			question: title,
			department,
			requirements: d.some(V.REQUIREMENTS, 2, 5),
			steps: d.some(V.STEPS, 2, 5),
			timeLimit: d.pick(V.TIME_LIMITS),
			fee: d.pick(V.FEES),
			location: `${district ?? '市'}政务服务中心${d.int(1, 3)}楼${d.int(1, 40)}号窗口（${d.pick(V.STREETS)}${d.int(1, 200)}号）`
		},
		phones,
		emails: []
	};
}

function documentNumber(
	d: Dice,
	kind: (typeof V.DOCUMENT_TYPES)[number]['number']
): string | undefined {
	switch (kind) {
		case 'id':
			return idNumber(d);
		case 'disability':
			return idNumber(d) + d.int(1, 7) + d.int(1, 4);
		case 'credit':
			return creditCode(d);
		case 'plate':
			return '湘B' + creditCode(d).slice(-5);
		case 'digits':
			return (d.chance(0.3) ? d.pick(['P', 'J', 'No.']) : '') + '4302' + d.digits(d.int(6, 10));
		case 'none':
			return undefined;
	}
}

function lostFound(d: Dice, district: string | null, day: string): RecordInput {
	const roll = d.r();
	if (roll < 0.75) {
		const doc = d.pick(V.DOCUMENT_TYPES);
		const holder = doc.company
			? `株洲${d.pick(V.COMPANY_WORDS)}${d.pick(V.COMPANY_TRADES)}`
			: d.name();
		const fields: Record<string, unknown> = { holder, documentType: doc.type };
		const number = documentNumber(d, doc.number);
		if (number) fields.documentNumber = number;
		return {
			kind: 'lost_found',
			subtype: 'void_notice',
			title: `${holder}遗失${doc.type}声明`,
			district,
			fields,
			phones: [],
			emails: []
		};
	}
	const item = d.pick(V.LOST_ITEMS);
	const place = `${district ?? ''}${d.pick([...V.STREETS, ...V.LANDMARKS])}附近`;
	if (roll < 0.9) {
		const contactName = d.pick(V.SURNAMES) + d.pick(['先生', '女士']);
		return {
			kind: 'lost_found',
			subtype: 'lost_item',
			title: `寻物启事：${item.split('，')[0]}`,
			district,
			fields: {
				item,
				place,
				date: day,
				contactName,
				...(d.chance(0.5) ? { reward: d.pick(['必有重谢', '酬金500元', '酬金200元']) } : {})
			},
			phones: [mobile(d, `联系人 ${contactName}`)],
			emails: []
		};
	}
	const claimPlace = `${district ?? d.pick(DISTRICTS)}${d.pick(['城东', '城西', '建设', '泰山路', '车站'])}派出所`;
	return {
		kind: 'lost_found',
		subtype: 'found_item',
		title: `招领启事：${item.split('，')[0]}`,
		district,
		fields: { item, place, date: day, claimPlace },
		phones: [landline(d, '联系电话')],
		emails: []
	};
}

function familySearch(d: Dice, district: string | null, dayMs: number): RecordInput {
	const subtype = d.pick(['found_child', 'family_seeking', 'person_seeking_family'] as const);
	const gender = d.pick(['男', '女'] as const);
	const place = `${district ?? d.pick(DISTRICTS)}${d.pick(V.STREETS)}${d.pick(['附近', '公交站', '路口', '一小区楼道内'])}`;
	const found = isoDay(dayMs - d.int(3, 40) * DAY_MS);
	const features = d.some(V.FEATURES, 3, 7);
	if (subtype === 'found_child') {
		return {
			kind: 'family_search',
			subtype,
			title: '查找弃婴生父母公告',
			district,
			fields: {
				foundAt: found,
				place,
				gender,
				age: d.pick(['出生不久', '约3个月', '约1岁', '约2岁']),
				features,
				contactName: d.pick(['陈老师', '刘老师', '王老师']),
				noticeDeadline: isoDay(dayMs + 60 * DAY_MS),
				organization: '株洲市社会福利院'
			},
			phones: [known('0731-22567890', '联系人 陈老师')],
			emails: []
		};
	}
	if (subtype === 'person_seeking_family') {
		const personName = d.chance(0.5) ? d.name() : undefined;
		return {
			kind: 'family_search',
			subtype,
			title: '株洲市救助管理站寻亲公告',
			district,
			fields: {
				foundAt: found,
				place,
				gender,
				age: `约${d.int(15, 85)}岁`,
				features,
				contactName: d.pick(V.SURNAMES) + '先生',
				noticeDeadline: isoDay(dayMs + 30 * DAY_MS),
				organization: '株洲市救助管理站',
				...(personName ? { personName } : {})
			},
			phones: [known('0731-28440110', '联系电话'), ...(d.chance(0.4) ? [mobile(d)] : [])],
			emails: []
		};
	}
	const personName = d.name();
	const relation = d.pick(['父亲', '母亲', '儿子', '女儿', '哥哥', '爷爷']);
	const contactName = d.name();
	return {
		kind: 'family_search',
		subtype,
		title: `寻人启事：寻找${relation}${personName}`,
		district,
		fields: {
			lostAt: found,
			place,
			gender,
			age: `${d.int(5, 85)}岁`,
			features,
			contactName,
			personName
		},
		phones: [mobile(d, `联系人 ${contactName}`)],
		emails: []
	};
}

function event(d: Dice, district: string | null, dayMs: number): RecordInput {
	const theme = d.pick(V.EVENT_THEMES);
	const what = d.pick(V.EVENT_KINDS);
	const organizer = d.pick([
		'株洲市图书馆',
		`${district ?? '市'}文化馆`,
		`${d.pick(V.COMMUNITIES)}居委会`,
		'市总工会',
		'团市委',
		'市老年大学',
		'市体育中心'
	]);
	const start = dayMs + d.int(5, 40) * DAY_MS;
	const phone = landline(d, '报名电话');
	const how = [`电话报名：${phone.raw}`];
	const emails: string[] = [];
	if (d.chance(0.5)) how.push(`扫描下方二维码，关注“${organizer}”公众号在线报名`);
	if (d.chance(0.2)) {
		emails.push(`${theme === '书香株洲' ? 'sxzz' : 'hd'}${d.digits(4)}@163.com`);
		how.push(`将姓名、年龄、联系电话发送至邮箱${emails[0]}`);
	}
	return {
		kind: 'event',
		subtype: null,
		title: `“${theme}”${what}开始报名`,
		district,
		fields: {
			organizer,
			startsOn: isoDay(start),
			...(d.chance(0.6) ? { endsOn: isoDay(start + d.int(1, 10) * DAY_MS) } : {}),
			deadline: isoDay(start - d.int(1, 5) * DAY_MS),
			location: `${district ?? ''}${d.pick(V.LANDMARKS)}${d.pick(['', '多功能厅', '东侧广场', '二楼报告厅'])}`,
			howToRegister: how,
			fee: d.pick(['免费', '免费，所需材料由主办方提供', '每人50元', '每组家庭100元']),
			audience: d.pick(V.AUDIENCES)
		},
		phones: [phone],
		emails
	};
}

let toTraditional: Map<string, string> | undefined;

/**
 * Simplified → traditional, one character for one (as a paper printed in traditional script
 * would have it). Built once from OpenCC over the CJK block, then applied per character.
 */
export function traditional(text: string): string {
	if (!toTraditional) {
		toTraditional = new Map();
		const chars: string[] = [];
		for (let c = 0x4e00; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
		const out = Converter({ from: 'cn', to: 'tw' })(chars.join('\n')).split('\n');
		if (out.length === chars.length) {
			for (let i = 0; i < chars.length; i++)
				if (out[i].length === 1 && out[i] !== chars[i]) toTraditional.set(chars[i], out[i]);
		}
	}
	let s = '';
	for (const ch of text) s += toTraditional.get(ch) ?? ch;
	return s;
}

function traditionalDeep(value: unknown): unknown {
	if (typeof value === 'string') return traditional(value);
	if (Array.isArray(value)) return value.map(traditionalDeep);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, traditionalDeep(v)]));
	return value;
}

function pickKind(x: number): Kind {
	let acc = 0;
	for (const [kind, w] of KIND_WEIGHTS) {
		acc += w;
		if (x < acc) return kind;
	}
	return 'lost_found';
}

/** The PRNG of record `index` under `seed`: independent of every other record's. */
function diceFor(seed: number, index: number, salt = 0): Dice {
	// Mix seed and index so neighbouring indexes do not get correlated streams.
	const h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ salt;
	return new Dice(prng(h >>> 0));
}

/** Record number `index` (0-based) of the corpus for `seed`. Pure: same input, same record. */
export function recordAt(index: number, seed = 1): CorpusRecord {
	return makeRecord(diceFor(seed, index), FIRST_DAY + Math.floor(index / RECORDS_PER_DAY) * DAY_MS);
}

function makeRecord(d: Dice, dayMs: number): CorpusRecord {
	const day = isoDay(dayMs);
	const district = d.chance(0.8) ? d.pick(DISTRICTS) : null;
	const kind = pickKind(d.r());
	let input: RecordInput;
	switch (kind) {
		case 'hotline':
			input = hotline(d, district);
			break;
		case 'procedure':
			input = procedure(d, district);
			break;
		case 'lost_found':
			input = lostFound(d, district, day);
			break;
		case 'family_search':
			input = familySearch(d, district, dayMs);
			break;
		case 'event':
			input = event(d, district, dayMs);
			break;
	}
	const roll = d.r();
	let status: RecordStatus = 'published';
	if (roll < 0.03) status = 'draft';
	else if (roll < 0.035) status = 'rejected';
	else if (roll < 0.045) status = 'archived';
	else if (roll < 0.07 && (kind === 'lost_found' || kind === 'family_search')) status = 'resolved';
	else if (roll < 0.07 && kind === 'event') status = 'expired';
	const isTraditional = d.chance(TRADITIONAL_SHARE);
	if (isTraditional) {
		input = {
			...input,
			title: traditional(input.title),
			fields: traditionalDeep(input.fields) as Record<string, unknown>,
			phones: input.phones.map((p) => (p.label ? { ...p, label: traditional(p.label) } : p))
		};
	}
	const seconds = d.int(6 * 3600, 22 * 3600);
	return {
		...input,
		status,
		confidence: (status === 'draft' ? d.int(50, 69) : d.int(80, 99)) / 100,
		publishedAt: new Date(dayMs + seconds * 1000).toISOString(),
		traditional: isTraditional
	};
}

/** The first `n` records of the corpus, one at a time (never the whole corpus in memory). */
export function* corpus(n: number, seed = 1): Generator<CorpusRecord> {
	for (let i = 0; i < n; i++) yield recordAt(i, seed);
}

// ---------------------------------------------------------------------------------------
// Newspaper pages for the import benchmark
// ---------------------------------------------------------------------------------------

export interface SyntheticPage {
	/** File name, e.g. page-00012.txt. */
	name: string;
	text: string;
	published: string;
}

function article(d: Dice): string {
	const head = d.pick(V.NEWS_HEADLINES);
	return `${head}\n\n${d.some(V.NEWS_SENTENCES, 4, 9).join('')}\n\n${d.some(V.NEWS_SENTENCES, 2, 6).join('')}`;
}

/** One notice in the print formats the extractor reads (see src/lib/extract/fixtures). */
function notice(r: CorpusRecord): string {
	const f = r.fields as Record<string, string | string[] | undefined>;
	const phone = r.phones[0]?.raw;
	switch (r.kind) {
		case 'hotline':
			return `${r.title}\u3000${phone ?? '12345'}`;
		case 'procedure':
			if (r.subtype === 'qa') return `网友提问：${f.question}\n${f.answer}`;
			return [
				`办事指南：${r.title}`,
				'',
				'一、申请材料',
				...(f.requirements as string[]).map((x, i) => `${i + 1}.${x}；`),
				'',
				'二、办理流程',
				...(f.steps as string[]).map((x, i) => `${i + 1}.${x}；`),
				'',
				`三、办理时限：${f.timeLimit}。`,
				'',
				`四、收费标准：${f.fee}。`,
				'',
				`五、办理地点：${f.location}`,
				...(phone ? ['', `六、咨询电话：${phone}`] : [])
			].join('\n');
		case 'lost_found':
			if (r.subtype === 'void_notice')
				return `${f.holder}遗失${f.documentType}${f.documentNumber ? `，证号：${f.documentNumber}` : ''}，声明作废。`;
			if (r.subtype === 'lost_item')
				return `寻物启事\n\n本人于${f.date}在${f.place}不慎遗失${f.item}。有拾到者请与${f.contactName}联系，电话：${phone}，${f.reward ?? '必有重谢'}！`;
			return `招领启事\n\n${f.date}，市民在${f.place}拾得${f.item}。请失主携带有效证件到${f.claimPlace}认领，联系电话：${phone}。`;
		case 'family_search':
			return [
				r.title,
				'',
				`${f.foundAt}，在${f.place}发现一名${f.gender}性，${f.age}。体貌特征：${(f.features as string[]).join('，')}。`,
				`请其亲属自本公告刊登之日起三十日内与${f.organization ?? '我站'}联系。联系人：${f.contactName}，联系电话：${phone}。`
			].join('\n');
		case 'event':
			return [
				r.title,
				'',
				`活动时间：${f.startsOn}${f.endsOn ? `至${f.endsOn}` : ''}。`,
				'',
				`活动地点：${f.location}。`,
				'',
				`报名对象：${f.audience}。`,
				'',
				`报名截止：${f.deadline}。`,
				'',
				`报名方式：${(f.howToRegister as string[]).map((x, i) => `${i + 1}．${x}`).join('；')}。`,
				'',
				`活动费用：${f.fee}。`,
				'',
				`主办单位：${f.organizer}`
			].join('\n');
	}
}

const PAGE_SECTIONS: Record<Kind, string> = {
	lost_found: '分类广告',
	hotline: '便民电话一览',
	procedure: '政务服务',
	family_search: '社会',
	event: '文体·活动'
};

/**
 * Page number `index` of the synthetic paper: a masthead with the date, news articles, and
 * notices of every kind in print formats (records of their own PRNG stream, so imported notices
 * are new records, not copies of the benchmark's). About 20 kB of UTF-8 text.
 */
export function pageAt(index: number, seed = 1): SyntheticPage {
	const d = diceFor(seed, index, 0x5eed);
	const dayMs = FIRST_DAY + 3000 * DAY_MS + index * DAY_MS;
	const published = isoDay(dayMs);
	const [y, m, dd] = published.split('-').map(Number);
	const parts: string[] = [
		`${d.pick(V.PAPERS)}\u3000${y}年${m}月${dd}日\u3000第A${String(d.int(1, 16)).padStart(2, '0')}版`
	];
	const notices = d.int(8, 14);
	for (let k = 0; k < notices; k++) {
		parts.push(article(d));
		const r = makeRecord(diceFor(seed, index * 16 + k, 0xface), dayMs - d.int(0, 3) * DAY_MS);
		const title =
			r.kind === 'lost_found' && r.subtype === 'void_notice' ? '遗失声明' : PAGE_SECTIONS[r.kind];
		parts.push(`${title}\n\n${notice(r)}`);
	}
	parts.push(article(d), `新闻热线：0731-28839110\u3000\u3000广告热线：0731-28839120`);
	const text = parts.join('\n\n') + '\n';
	return {
		name: `page-${String(index).padStart(5, '0')}.txt`,
		// Papers printed in traditional script exist too; the extractor reads both.
		text: d.chance(TRADITIONAL_SHARE) ? traditional(text) : text,
		published
	};
}

/** The first `n` synthetic pages, one at a time. */
export function* pages(n: number, seed = 1): Generator<SyntheticPage> {
	for (let i = 0; i < n; i++) yield pageAt(i, seed);
}
