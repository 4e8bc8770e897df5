import { formatDate } from './display';
import { KIND_LABELS, SUBTYPE_LABELS, type Kind } from './kinds';

/**
 * What other sites and services read from a record page: a meta description and schema.org
 * JSON-LD. Built from the public record, already masked (findPublicRecord → toPublic), so no
 * ID number reaches either. Types and properties are checked against a vocabulary table in
 * structuredData.test.ts, written from schema.org.
 */

export interface StructuredInput {
	id: number;
	kind: Kind;
	subtype: string | null;
	title: string;
	district: string | null;
	issuedOn: string | null;
	fields: Record<string, unknown>;
	phones: { number: string; label?: string | null }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** A Beijing wall-clock reading as schema.org Date or DateTime (with the +08:00 offset). */
export function schemaDate(value: string | undefined): string | undefined {
	if (!value) return undefined;
	if (/^\d{4}-\d\d-\d\d$/.test(value)) return value;
	const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(value);
	return m ? `${m[1]}T${m[2]}:00+08:00` : undefined;
}

/** One or two sentences for <meta name="description"> and og:description (≤ 150 characters). */
export function recordDescription(r: StructuredInput): string {
	const f = r.fields;
	const kindLabel = (r.subtype && SUBTYPE_LABELS[r.subtype]) ?? KIND_LABELS[r.kind];
	const parts = [
		`${kindLabel}：${r.title}`,
		r.phones[0] ? `电话 ${r.phones[0].number}` : undefined,
		str(f.organization) ?? str(f.department) ?? str(f.organizer),
		str(f.hours),
		r.kind === 'event' && str(f.startsOn) ? `活动时间 ${formatDate(str(f.startsOn))}` : undefined,
		r.kind === 'event' && str(f.deadline) ? `报名截止 ${formatDate(str(f.deadline))}` : undefined,
		str(f.location) ?? str(f.place),
		r.district ?? undefined,
		r.issuedOn ? `${formatDate(r.issuedOn)}刊登` : undefined
	].filter(Boolean);
	const text = parts.join('；') + '。';
	return text.length <= 150 ? text : text.slice(0, 149) + '…';
}

const ZHUZHOU = { '@type': 'City', name: '株洲市' } as const;

/**
 * schema.org JSON-LD for a record, or undefined for kinds it has no fitting type for (lost
 * documents and 寻亲 notices are about private people: nothing is offered to crawlers beyond
 * the page itself).
 */
export function structuredData(r: StructuredInput, origin: string): object | undefined {
	const f = r.fields;
	const url = `${origin}/records/${r.id}`;
	const base = { '@context': 'https://schema.org', url };
	switch (r.kind) {
		case 'event': {
			const startDate = schemaDate(str(f.startsOn));
			// Event requires a start; without one a page is better undescribed than described wrong.
			if (!startDate) return undefined;
			return {
				...base,
				'@type': 'Event',
				name: r.title,
				description: recordDescription(r),
				startDate,
				...(schemaDate(str(f.endsOn)) ? { endDate: schemaDate(str(f.endsOn)) } : {}),
				eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
				location: {
					'@type': 'Place',
					name: str(f.location) ?? r.district ?? '株洲市',
					address: [r.district, str(f.location)].filter(Boolean).join(' ') || '株洲市'
				},
				...(str(f.organizer)
					? { organizer: { '@type': 'Organization', name: str(f.organizer) } }
					: {})
			};
		}
		case 'procedure': {
			const department = str(f.department);
			const provider = department
				? { provider: { '@type': 'GovernmentOrganization', name: department } }
				: {};
			if (r.subtype === 'qa' && str(f.question) && str(f.answer))
				return {
					...base,
					'@type': 'Question',
					name: r.title,
					text: str(f.question),
					answerCount: 1,
					...(r.issuedOn ? { dateCreated: r.issuedOn } : {}),
					acceptedAnswer: {
						'@type': 'Answer',
						text: str(f.answer),
						...(department
							? { author: { '@type': 'GovernmentOrganization', name: department } }
							: {})
					}
				};
			return {
				...base,
				'@type': 'GovernmentService',
				name: r.title,
				description: recordDescription(r),
				areaServed: ZHUZHOU,
				...provider
			};
		}
		case 'hotline': {
			if (!r.phones.length) return undefined;
			return {
				...base,
				'@type': 'Organization',
				name: str(f.organization) ?? str(f.name) ?? r.title,
				...(str(f.address) ? { address: str(f.address) } : {}),
				contactPoint: r.phones.map((p) => ({
					'@type': 'ContactPoint',
					telephone: p.number,
					contactType: p.label ?? str(f.name) ?? r.title,
					areaServed: ZHUZHOU,
					availableLanguage: 'zh-CN'
				}))
			};
		}
		default:
			return undefined;
	}
}

/**
 * JSON for inside a <script type="application/ld+json">: `<` escaped so a record's text can
 * never close the script element (</script>) or open a comment.
 */
export function jsonLdText(data: object): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
