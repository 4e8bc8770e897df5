/**
 * Every public number is in the directory: a department's number printed inside an answer,
 * a guide, a notice or an article (可致电…物业管理科，电话：…, …可拨打服务热线28299999) is also
 * filed as a hotline record of that department, while the Q&A or notice keeps it too.
 *
 * The hotline parser files numbers whose own label names a purpose; this step files the
 * rest that a department stands behind: the organisation is the nearest one named before the
 * number in its sentence (the clause of the number first, then the clauses before it), or the
 * department of the Q&A the number sits in. Left out: mobiles (private people's), the
 * paper's own lines, sign-up and sales lines (报名电话), numbers quoted in fraud warnings or statistics,
 * and a notice's contact unless the notice names the organisation right before the number.
 */
import { FRAUD_WARNING_WORDS, NUMBER_AS_SUBJECT_WORDS } from '../constants';
import { emailsIn, pagePhones, toPhone } from '../text/fields';
import {
	isInCredit,
	isNewspaperText,
	isReportedCall,
	NON_SERVICE_RE,
	ORG_REACH,
	SENTENCE_END
} from '../parsers/hotline/labels';
import { anyOf } from '../text/patterns';
import { isOrganizationName, splitOrganization } from '../text/organizations';
import { lineStart } from '../text/lineIndex';
import { organizationBefore, type Department } from '../parsers/hotline/organization';
import { continuesLine } from '../parsers/hotline/prose';
import { isEmergencyNumber, type PhoneMatch } from '../phone';
import type { Page, Refiner } from '../pipeline';
import { scoreOf } from './confidence';
import type { ExtractedRecord, HotlineRecord } from '../../records/types';

const FRAUD_RE = anyOf(FRAUD_WARNING_WORDS);
const SUBJECT_RE = new RegExp(`^[^,;。\\n]{0,14}?(?:${NUMBER_AS_SUBJECT_WORDS.join('|')})`);
/** A purpose word right before the number: 投诉电话：, 服务热线, 抢修专线. */
const LABEL_RE = /([\u4e00-\u9fa5]{0,6}(?:电话|热线|专线))[\s:(]*$/;

export const directoryRefiner: Refiner = {
	name: 'directory',
	refine(records: ExtractedRecord[], page: Page): ExtractedRecord[] {
		const phones = unfiledPhones(page, records);
		if (!phones.length) return records;
		const filed = filedNumbers(records);
		const holders = new Holders(records);
		const noticeNumbers = new Set(
			records
				.filter((r) => r.kind === 'lost_found' || r.kind === 'family_search')
				.flatMap((r) => r.phones.map((q) => q.number))
		);
		const added: HotlineRecord[] = [];
		/** Numbers this step filed already (a Set: the page may be huge). */
		const addedNumbers = new Set<string>();
		let last: PhoneMatch | undefined;
		for (const p of phones) {
			// A second number of the line just filed (…（白天）0731-28201235（夜间）) joins it.
			const prev = added[added.length - 1];
			if (prev && last && continuesLine(page.norm, last, p)) {
				if (!prev.phones.some((q) => q.number === p.number)) prev.phones.push(toPhone(p));
				addedNumbers.add(p.number);
				prev.source.end = Math.max(prev.source.end, p.end);
				last = p;
				continue;
			}
			const holder = holders.at(p);
			if (p.type === 'mobile' || p.newspaperLine || (filed.get(p.number) ?? Infinity) <= p.end)
				continue;
			const found = organizationBefore(page, p);
			const department =
				found ??
				(holder?.kind === 'procedure'
					? (departmentOf(page, holder, p) ??
						// The same 咨询电话 printed under two guides is one line of the directory.
						(addedNumbers.has(p.number) ? undefined : guideDesk(page, holder, p)))
					: undefined);
			if (!department) continue;
			// A notice's contact is its own, unless the organisation is named right at the number
			// (also a bulletin's shared contact under its items: 请失主…认领，联系电话：…).
			const notice =
				holder?.kind === 'lost_found' ||
				holder?.kind === 'family_search' ||
				noticeNumbers.has(p.number);
			if (notice && (!found || found.clauses > 0 || BARE_OFFICE_RE.test(found.name))) continue;
			if (!isPublicLine(page, p, department.start)) continue;
			addedNumbers.add(p.number);
			added.push(record(page, p, department));
			last = p;
		}
		return added.length ? records.concat(added) : records;
	}
};

/**
 * The phones of the page outside the hotline records' passages (those are filed already): a
 * list of 150,000 entries leaves only line breaks to look at.
 */
function unfiledPhones(page: Page, records: readonly ExtractedRecord[]): PhoneMatch[] {
	const spans = records
		.filter((r) => r.kind === 'hotline')
		.map((r) => r.source)
		.sort((a, b) => a.start - b.start);
	const out: PhoneMatch[] = [];
	let from = 0;
	const scan = (end: number) => {
		// No number fits in a gap shorter than 3 characters (the line break between entries).
		if (end - from < 3) return;
		const found = pagePhones(page, { start: from, end });
		for (const p of found) if (p.end <= end || end === page.norm.length) out.push(p);
	};
	for (const s of spans) {
		scan(s.start);
		from = Math.max(from, s.end);
	}
	scan(page.norm.length);
	return out;
}

/**
 * Numbers that hotline records already hold, with the earliest start of such a record: a
 * number is filed when a hotline at or before it holds it (a repeat later on the page is too).
 */
function filedNumbers(records: readonly ExtractedRecord[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of records) {
		if (r.kind !== 'hotline') continue;
		for (const ph of r.phones) {
			out.set(ph.number, Math.min(out.get(ph.number) ?? Infinity, r.source.start));
		}
	}
	return out;
}

/**
 * The other-kind record whose passage holds a number (the Q&A, the notice, the event), for
 * numbers asked in page order: one sweep over the records sorted by start, so a page of
 * 100,000 notices and numbers is not 10^10 comparisons.
 */
class Holders {
	private readonly sorted: ExtractedRecord[];
	private next = 0;
	private open: ExtractedRecord[] = [];
	constructor(records: readonly ExtractedRecord[]) {
		this.sorted = records
			.filter((r) => r.kind !== 'hotline')
			.sort((a, b) => a.source.start - b.source.start);
	}
	at(p: PhoneMatch): ExtractedRecord | undefined {
		while (this.next < this.sorted.length && this.sorted[this.next].source.start <= p.start) {
			this.open.push(this.sorted[this.next++]);
		}
		this.open = this.open.filter((r) => r.source.end >= p.start);
		let best: ExtractedRecord | undefined;
		for (const r of this.open) {
			if (r.source.end < p.end) continue;
			if (!best || r.source.end - r.source.start < best.source.end - best.source.start) best = r;
		}
		return best;
	}
}

/** The department of the Q&A the number is in (荷塘区住房和城乡建设局回复：…). */
function departmentOf(page: Page, r: ExtractedRecord, p: PhoneMatch): Department | undefined {
	if (r.kind !== 'procedure' || !r.department) return undefined;
	const at = page.text.lastIndexOf(r.department, p.start);
	return { name: r.department, start: at >= r.source.start ? at : p.start, clauses: 9 };
}

/** A guide's own 咨询电话 line: the number answers questions about that service. */
/** 户籍所在地社区 / 各乡镇政府 / 就近派出所: a kind of office, not one the directory can name. */
const GENERIC_OFFICE_RE = /^(?:户籍所在地|居住地|所在地|各|当地|就近|辖区|任一|任意|属地)/;
/** An office named only by its kind (与派出所联系): which one is the notice's business. */
const BARE_OFFICE_RE = /^(?:派出所|民警|社区|街道|村委会|居委会|物业|福利院|救助站|服务台)$/;
const CONSULT_LABEL_RE = /^(?:咨询|服务|业务咨询|政策咨询|洽询)(?:电话|热线)$/;

/**
 * The desk behind a guide's 咨询电话 (【咨询电话】0731-…): the office of its 办理地点 when that
 * names one (芦淞区政务服务中心一楼…窗口), else the service itself (居住证怎么办), so the
 * guide's number is in the directory under what a resident would look for.
 */
function guideDesk(page: Page, r: ExtractedRecord, p: PhoneMatch): Department | undefined {
	if (r.kind !== 'procedure' || r.subtype !== 'guide') return;
	// The words before the number on its line: 咨询电话： / 【咨询电话】 / 3.咨询电话：
	const before = /(?:^|\n)[\s\d.、[]*([\u4e00-\u9fa5]{2,6})\]?\s?:?\s*$/.exec(
		page.norm.slice(Math.max(lineStart(page, p.start), p.start - 16), p.start)
	);
	if (!before || !CONSULT_LABEL_RE.test(before[1])) return;
	const office = r.location ? splitOrganization(r.location).organization : undefined;
	const start = p.start - before[0].length + before[0].indexOf(before[1]);
	if (office && isOrganizationName(office.normalize('NFKC')) && !GENERIC_OFFICE_RE.test(office))
		return { name: office, start, clauses: 0 };
	const service = r.question ?? r.title;
	return service ? { name: service, start, clauses: 0, service: true } : undefined;
}

/** Not the paper's, not an event's sign-up, not a number quoted in a warning or a report. */
function isPublicLine(page: Page, p: PhoneMatch, orgStart: number): boolean {
	const before = page.norm.slice(Math.max(orgStart, p.start - ORG_REACH), p.start);
	const label = p.labelStart !== undefined ? page.norm.slice(p.labelStart, p.labelEnd) : '';
	if (isNewspaperText(before) || isNewspaperText(label)) return false;
	if (NON_SERVICE_RE.test(label) || NON_SERVICE_RE.test(before.slice(-12))) return false;
	let s = p.start;
	while (s > 0 && p.start - s < 200 && !SENTENCE_END.test(page.norm[s - 1])) s--;
	let e = p.end;
	while (e < page.norm.length && e - p.end < 200 && !SENTENCE_END.test(page.norm[e])) e++;
	if (FRAUD_RE.test(page.norm.slice(s, e))) return false;
	if (SUBJECT_RE.test(page.norm.slice(p.end, p.end + 24))) return false;
	if (isReportedCall(page.norm, p) || isInCredit(page.norm, p)) return false;
	return true;
}

function record(page: Page, p: PhoneMatch, d: Department): HotlineRecord {
	// A purpose word between the organisation and the number: 投诉电话, 服务热线.
	const from = Math.max(Math.min(d.start + d.name.length, p.start), p.start - 12);
	const m = LABEL_RE.exec(page.norm.slice(from, p.start));
	let label = '';
	if (m) {
		// 可拨打服务热线 → 服务热线: the dialling verb is not part of the line's name.
		const verb = /^.*(?:拨打|致电|请拨|可拨|联系(?!电话)|或)|^[可请也]+/.exec(m[1]);
		const at = from + m.index + (verb ? verb[0].length : 0);
		label = page.text.slice(at, from + m.index + m[1].length);
	}
	if (label.startsWith(d.name) || d.name.endsWith(label)) label = '';
	const purpose = label || (p.type === 'service' ? `${p.number}热线` : '电话');
	const name = `${d.name}${purpose}`;
	// The passage: from the organisation to the number, with the sentence's end mark.
	let end = p.end;
	if (/[。;]/.test(page.norm[end] ?? '')) end++;
	const start = Math.min(d.start, p.start);
	const out: HotlineRecord = {
		kind: 'hotline',
		title: name,
		name,
		// A guide's service name (居住证怎么办) names the line, but no organisation.
		organization: d.service ? undefined : d.name,
		source: { file: page.source, start, end },
		confidence: scoreOf({ rule: 'hotline.directory' }),
		phones: [toPhone(p)],
		emails: emailsIn(page, { start, end })
	};
	if (isEmergencyNumber(p.number)) out.emergency = true;
	return out;
}
