/**
 * One family-search record: the person's fields read from its span, the notice's shared fields,
 * the title and the evidence for the confidence rule.
 */
import type { Candidate, Page } from '../../pipeline';
import { fieldValue, findDistrict } from '../../text/fields';
import type { FamilySearchRecord } from '../../../records/types';
import type { FamilySearchSubtype } from '../../../records/kinds';
import type { Block } from './blocks';
import {
	MALE_HEAD_RELATIVES,
	SEEK_RELATIVE_HEAD_RE,
	CALLED_RE,
	MALE_RELATIVES,
	NO_NAME_RE,
	PERSON_NAME_RE,
	RELATIVE_NAME_RE,
	TITLE_NAME_RE
} from './labels';
import type { Shared } from './notice';
import { eventDate, findAge, findFeatures, findGender, findPlace, subjectOf } from './person';

/** The span a record describes: the whole notice, or one person of a list (numbered). */
interface Unit {
	start: number;
	end: number;
	index?: number;
}

export function buildRecord(
	page: Page,
	b: Block,
	subtype: FamilySearchSubtype,
	u: Unit,
	shared: Shared
): Candidate<FamilySearchRecord> {
	const norm = page.norm;
	// One person of a list: the record's passage is that person's paragraph.
	const span = u.index ? { start: u.start, end: u.end } : { start: b.start, end: b.end };
	const record: FamilySearchRecord = {
		kind: 'family_search',
		subtype,
		title: '',
		source: { file: page.source, ...span },
		confidence: 0,
		phones: shared.phones,
		emails: []
	};
	const when = eventDate(page, u);
	if (when) {
		if (subtype === 'family_seeking') record.lostAt = when;
		else record.foundAt = when;
	}
	const place = findPlace(page, u);
	if (place) record.place = place;
	// 我的弟弟罗冬生: the relation tells the sex when nothing else does.
	const rel0 =
		subtype === 'family_seeking' ? RELATIVE_NAME_RE.exec(norm.slice(u.start, u.end)) : null;
	const rel = rel0?.groups && !TITLE_NAME_RE.test(rel0.groups.n) ? rel0 : null;
	const gender =
		findGender(norm.slice(u.start, u.end)) ??
		(rel?.groups ? (MALE_RELATIVES.test(rel.groups.rel) ? '男' : '女') : undefined) ??
		headGender(page, b);
	if (gender) record.gender = gender;
	const age = findAge(page, u);
	if (age) record.age = age;
	const features = findFeatures(page, u);
	if (features.length) record.features = features;
	if (shared.contactName) record.contactName = shared.contactName;
	if (shared.noticeDeadline) record.noticeDeadline = shared.noticeDeadline;
	if (shared.organization) record.organization = shared.organization;
	const text = norm.slice(u.start, u.end);
	const usable = (m: RegExpExecArray | null) =>
		m?.groups?.n && !NO_NAME_RE.test(m.groups.n) && !TITLE_NAME_RE.test(m.groups.n) ? m : null;
	// 我叫… is the seeker, not the one a family seeks.
	const labelled = usable(PERSON_NAME_RE.exec(text));
	const named =
		labelled && !(subtype === 'family_seeking' && /我叫|本人叫/.test(labelled[0]))
			? labelled
			: null;
	// 李小明，男，8岁: a 寻人启事 starts with the name; so does each child of a 福利院 list
	// (一、株安乐，男，…), whose name is the one the home gave.
	const leading = named
		? null
		: (/^\s*(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、]\s*)?(?<n>[\u4e00-\u9fa5]{2,4})\s*[,，]\s*(?:男|女)[,，]/.exec(
				text
			) ??
			// …or a line of it, after an emoji or a bullet (👴 黄永福，男，79岁 in a forwarded post).
			/(?<=\n)[ \t]*(?:[^\s\u4e00-\u9fa5\w]{1,3}[ \t]*)?(?<n>[\u4e00-\u9fa5]{2,4})\s*[,，]\s*(?:男|女)[,，]/.exec(
				text
			));
	// Else 男孩易小川，11岁, or the relation a family names (我的弟弟罗冬生).
	const person = named ?? leading ?? usable(CALLED_RE.exec(text)) ?? rel;
	// A found infant has no name of its own; the name the home gave (取名, a form's 姓名：) is
	// still useful.
	if (
		person?.groups?.n &&
		(subtype !== 'found_child' ||
			/取名|起名|姓名|自己叫|小名|乳名/.test(person[0]) ||
			(leading && u.index))
	) {
		const s = u.start + person.index + person[0].indexOf(person.groups.n);
		record.personName = fieldValue(page, { start: s, end: s + person.groups.n.length });
	}
	const district = findDistrict(page.norm, span);
	if (district) record.district = district;

	record.title = titleOf(page, b, subtype, record, u, shared.traditional);

	const flags: string[] = [];
	if (!when) flags.push(subtype === 'family_seeking' ? '未识别走失时间' : '未识别发现时间');
	const contact = record.phones.length || record.contactName || record.organization;
	if (!contact) flags.push('没有联系方式');
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'family_search.notice',
			facts: [
				b.head && 'head',
				when && 'date',
				contact && 'contact',
				place && 'place',
				(gender || age) && 'person'
			]
		}
	};
}

/** 寻女启事 seeks a daughter, 寻子启事 a son: the headline tells the sex when the text does not. */
function headGender(page: Page, b: Block): '男' | '女' | undefined {
	if (!b.head) return undefined;
	const m = SEEK_RELATIVE_HEAD_RE.exec(page.norm.slice(b.head.start, b.head.end));
	if (!m?.groups) return undefined;
	return MALE_HEAD_RELATIVES.test(m.groups.rel) ? '男' : '女';
}

/**
 * The headline when it says something, else a short summary in the page's script. One
 * person of a list gets the summary (and its number) after the headline.
 */
export function titleOf(
	page: Page,
	b: Block,
	subtype: FamilySearchSubtype,
	r: FamilySearchRecord,
	u: Unit,
	trad: boolean
): string {
	const head = b.head ? fieldValue(page, b.head) : undefined;
	const from = u.index ? u.start : b.start;
	const to = u.index ? u.end : b.end;
	const norm = page.norm.slice(from, to);
	const subject = subjectOf(norm);
	let subjectText: string | undefined;
	if (subject) {
		const at = from + norm.indexOf(subject);
		subjectText = page.text.slice(at, at + subject.length);
	}
	const who = r.personName ?? subjectText;
	const summary =
		subtype === 'found_child'
			? `${trad ? '尋找' : '寻找'}${who ?? (trad ? '棄嬰' : '弃婴')}${trad ? '親生父母' : '亲生父母'}`
			: subtype === 'family_seeking'
				? `${trad ? '尋找' : '寻找'}${who ?? (trad ? '走失親人' : '走失亲人')}`
				: `${trad ? '為' : '为'}${who ?? (trad ? '受助人員' : '受助人员')}${trad ? '尋親' : '寻亲'}`;
	if (u.index) return `${head ? `${head}：` : ''}${summary}（${u.index}）`;
	// A headline of its own words (查找弃婴生父母公告) is title enough; a bare 寻亲公告 is not.
	if (head && head.length > 6) return head;
	return head ? `${head}：${summary}` : summary;
}
