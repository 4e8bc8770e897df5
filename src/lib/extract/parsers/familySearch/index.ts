/**
 * Family-search notices: a found infant whose parents are sought (查找弃婴生父母公告, a
 * 寻亲公告 about a child someone took in), a family looking for a lost relative (寻人启事),
 * and a rescue station looking for a person's family (救助站寻亲公告).
 *
 * A notice is a headline (寻亲公告, 寻人启事, 查找…生父母公告) and the paragraphs below it,
 * or, without a headline, one paragraph that tells the finding and asks readers to call.
 * News about a reunion (寻亲成功, 团聚) asks nothing of the reader and is not a record.
 * A notice becomes one record, or one per person of its table or list.
 */
import { NOT_CONTACT_NAMES } from '../../constants';
import type { Candidate, Page, Parser } from '../../pipeline';
import {
	fieldValue,
	findContactName,
	isTraditional,
	phoneMatchesIn,
	toPhones
} from '../../text/fields';
import type { FamilySearchRecord } from '../../../records/types';
import type { Span } from '../../text/spans';
import { type Block, classify, findBlocks, isAboutAnimal } from './blocks';
import { CALL_RE, PERIOD_RE, readable, RELATION_CONTACT_RE, REUNION_RE } from './labels';
import { findDeadline, findOrganization, type Shared } from './notice';
import { personUnits } from './persons';
import { buildRecord } from './record';
import { tableOf, tableRecord } from './table';

/** 请联系：周桂兰（母亲）: a family's contact, named with the relation. */
function relationContact(page: Page, span: Span): Span | undefined {
	const { start, end } = span;
	const m = RELATION_CONTACT_RE.exec(page.norm.slice(start, end));
	if (!m?.groups) return undefined;
	const s = start + m.index + m[0].indexOf(m.groups.n);
	return { start: s, end: s + m.groups.n.length };
}

function buildRecords(page: Page, b: Block): Candidate<FamilySearchRecord>[] {
	const norm = page.norm;
	const text = readable(norm.slice(b.start, b.end));
	const subtype = classify(text, b.head ? norm.slice(b.head.start, b.head.end) : '');
	if (!subtype || isAboutAnimal(page, b)) return [];
	const asks = CALL_RE.test(text);
	// 110 and 120 are how to reach the police, not the family or the home: never a contact.
	const phoneHits = phoneMatchesIn(page, b).filter((p) => p.type !== 'emergency');
	const bodyStart = b.head ? b.head.end : b.start;
	// 自公告之日起60日内, or a date: 请于2027年1月13日前…认领.
	const deadline = findDeadline(page, { start: bodyStart, end: b.end });
	const hasDeadline = PERIOD_RE.test(text) || deadline !== undefined;
	// A reunion told as news asks nothing of the reader (联系上了他的儿子 is no request).
	if (REUNION_RE.test(text) && !hasDeadline && !phoneHits.length) return [];
	if (!asks && !phoneHits.length && !hasDeadline) return [];

	const contact =
		findContactName(page, { start: bodyStart, end: b.end }) ??
		relationContact(page, { start: bodyStart, end: b.end });
	const shared: Shared = {
		phones: toPhones(phoneHits),
		traditional: isTraditional(page, b)
	};
	const contactName = contact ? fieldValue(page, contact) : undefined;
	// 与该所联系, 与家人联系: a pronoun or a relation, not someone to ask for.
	if (contactName && !NOT_CONTACT_NAMES.includes(contactName as (typeof NOT_CONTACT_NAMES)[number]))
		shared.contactName = contactName;
	if (deadline) shared.noticeDeadline = deadline;
	const organization = findOrganization(page, { start: bodyStart, end: b.end });
	if (organization) shared.organization = organization;

	if (subtype !== 'family_seeking') {
		const table = tableOf(page, bodyStart, b.end);
		if (table) {
			return table.rows.map((row, k) =>
				tableRecord(page, b, subtype, row, table.columns, k + 1, shared)
			);
		}
		const units = personUnits(page, { start: bodyStart, end: b.end });
		if (units.length) {
			return units.map((u, k) => buildRecord(page, b, subtype, { ...u, index: k + 1 }, shared));
		}
	}
	const c = buildRecord(page, b, subtype, { start: bodyStart, end: b.end }, shared);
	const r = c.record;
	// Without a headline the paragraph must describe one person and give a way to reach
	// someone: a safety tip ("发现走失老人请拨打110") is no notice.
	const when = r.foundAt ?? r.lostAt;
	if (!b.head && !(when && (r.gender || r.age) && (phoneHits.length || contact || hasDeadline)))
		return [];
	// Under a headline (防走失，这几点要记牢) it must still be about someone.
	if (b.head && !(when || r.gender || r.age || r.personName)) return [];
	return [c];
}

// ---------------------------------------------------------------------------------------
// Tables of persons (序号 姓名 性别 出生日期 捡拾日期 捡拾地点, one row per line)
// ---------------------------------------------------------------------------------------

/** Finds 查找弃婴生父母公告 (found_child), 寻人启事 (family_seeking), 救助站寻亲 (person_seeking_family). */
export const familySearchParser: Parser = {
	name: 'familySearch',
	parse({ page }) {
		const records: Candidate<FamilySearchRecord>[] = [];
		for (const b of findBlocks(page)) {
			for (const r of buildRecords(page, b)) records.push(r);
		}
		return records;
	}
};
