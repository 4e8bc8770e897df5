/**
 * Naming a number: what its label says it is for (a purpose, an emergency or nationwide service
 * number, a generic label after an organisation), and the hotline record made from it with the
 * confidence rule its naming earned.
 */
import { EMERGENCY_NAMES, HOTLINE_LABEL_ENDINGS } from '../../constants';
import { isEmergencyNumber, type PhoneMatch } from '../../phone';
import type { Candidate, Page } from '../../pipeline';
import type { RuleName } from '../../refiners/confidence';
import { emailsIn, sourceOf, toPhone } from '../../text/fields';
import { organizationAtEnd, splitOrganization } from '../../text/organizations';
import type { Span } from '../../text/spans';
import type { HotlineRecord } from '../../../records/types';
import { GENERIC_RE, PURPOSE_RE, SERVICE, SERVICE_WORD_RE } from './labels';
import { organizationAfter } from './organization';

/** The label of a phone in the normalised script. */
export function normLabel(page: Page, p: PhoneMatch): string {
	if (p.labelStart === undefined || p.labelEnd === undefined) return '';
	return page.norm.slice(p.labelStart, p.labelEnd);
}

interface Named {
	name: string;
	organization?: string;
	/** How the name was found: the rule its confidence is scored by. */
	rule: RuleName & `hotline.${string}`;
}

/**
 * What the number is for, or undefined when the text does not say. A purpose label (…咨询
 *电话, …热线) is the name; a generic 联系电话 counts only with an organisation named just
 * before it (请联系石峰区人才办(联系电话:…)).
 */
export function nameOf(page: Page, p: PhoneMatch, sentence: Span): Named | undefined {
	const norm = normLabel(page, p);
	const label = p.label ?? '';
	if (isEmergencyNumber(p.number)) {
		const purpose =
			norm && PURPOSE_RE.test(norm) && !GENERIC_RE.test(norm) && !/^联系人/.test(norm);
		return { name: purpose ? label : EMERGENCY_NAMES[p.number], rule: 'hotline.emergency' };
	}
	// A nationwide service number needs no more than its digits: 拨打12345热线 → 12345热线,
	// 咨询电话:95598 → 95598咨询电话.
	const bareLabel = (HOTLINE_LABEL_ENDINGS as readonly string[]).includes(norm);
	// 0838-12345 is 12345 dialled from outside the city; 市民在外地可拨打 names no purpose.
	const local = p.number.slice(p.number.indexOf('-') + 1);
	if (
		p.type === 'service' &&
		SERVICE.has(local) &&
		(!norm || GENERIC_RE.test(norm) || bareLabel || /(?:拨打|致电|拨|打)$/.test(norm))
	) {
		if (/(?:拨打|致电|拨|打)$/.test(norm))
			return { name: `${local}服务热线`, rule: 'hotline.service' };
		return { name: `${p.number}${norm ? label : '服务热线'}`, rule: 'hotline.service' };
	}
	if (!norm || /^联系人/.test(norm) || p.labelStart === undefined) return undefined;
	const split = splitOrganization(norm);
	// 报灾电话：0731-28658110（市自然资源和规划局）: the department may follow in brackets.
	const after = organizationAfter(page, p);
	const organization = split.organization ?? after?.text;
	const purpose =
		PURPOSE_RE.test(norm) ||
		/热线|专线|服务台/.test(norm) ||
		(/电话$/.test(norm) && (organization !== undefined || SERVICE_WORD_RE.test(norm)));
	// A bare "咨询电话" says what kind of line, not whose: it needs an organisation before it.
	const bare = (HOTLINE_LABEL_ENDINGS as readonly string[]).includes(norm);
	if (!GENERIC_RE.test(norm) && purpose && !bare) {
		const named: Named = { name: label, rule: 'hotline.labelled' };
		if (split.organization) {
			const at = p.labelStart + norm.indexOf(split.organization);
			named.organization = page.text.slice(at, at + split.organization.length);
		} else if (after) named.organization = page.text.slice(after.start, after.end);
		return named;
	}
	if (GENERIC_RE.test(norm) || bare) {
		// The organisation right before the label: 请联系石峰区人才办(联系电话:…)
		const from = Math.max(sentence.start, p.labelStart - 30);
		const lead = page.norm.slice(from, p.labelStart).replace(/[\s(:,]+$/, '');
		const org = organizationAtEnd(lead)?.replace(/^.*(?:咨询|联系|致电|拨打|请)/, '');
		if (!org || org.length < 3) {
			// TEL：0731-28661111（市公安局出入境管理支队）: the office in brackets after it.
			if (!after) return undefined;
			const orgText = page.text.slice(after.start, after.end);
			const purpose = /[A-Za-z]/.test(label) ? '电话' : label;
			return { name: `${orgText}${purpose}`, organization: orgText, rule: 'hotline.organization' };
		}
		const at = from + lead.length - org.length;
		const orgText = page.text.slice(at, at + org.length);
		return { name: `${orgText}${label}`, organization: orgText, rule: 'hotline.organization' };
	}
	return undefined;
}

export function makeRecord(
	page: Page,
	span: Span,
	p: PhoneMatch,
	name: string,
	rule: Named['rule']
): Candidate<HotlineRecord> {
	const record: HotlineRecord = {
		kind: 'hotline',
		title: name,
		name,
		source: sourceOf(page, span),
		confidence: 0,
		phones: [toPhone(p)],
		emails: emailsIn(page, span)
	};
	if (isEmergencyNumber(p.number)) record.emergency = true;
	return { record, evidence: { rule } };
}
