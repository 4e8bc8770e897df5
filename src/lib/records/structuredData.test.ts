import { describe, expect, it } from 'vitest';
import {
	jsonLdText,
	recordDescription,
	structuredData,
	type StructuredInput
} from './structuredData';

/**
 * The part of the schema.org vocabulary Bianmin uses, written from schema.org's type pages
 * (https://schema.org/Event, /Place, /Organization, /ContactPoint, /GovernmentService,
 * /Service, /Question, /Answer, /City): each type's parent and the properties it adds, each
 * with the types its values may have. A property or type not in this table fails the test, so
 * a typo (startdate, Organisation) cannot ship.
 */
const TYPES: Record<string, { parent?: string; props: Record<string, string[]> }> = {
	Thing: { props: { name: ['Text'], description: ['Text'], url: ['URL'] } },
	CreativeWork: {
		parent: 'Thing',
		props: { text: ['Text'], dateCreated: ['Date', 'DateTime'], author: ['Organization', 'Person'] }
	},
	Comment: { parent: 'CreativeWork', props: {} },
	Question: {
		parent: 'Comment',
		props: { acceptedAnswer: ['Answer', 'ItemList'], answerCount: ['Integer'] }
	},
	Answer: { parent: 'Comment', props: {} },
	Event: {
		parent: 'Thing',
		props: {
			startDate: ['Date', 'DateTime'],
			endDate: ['Date', 'DateTime'],
			location: ['Place', 'PostalAddress', 'Text', 'VirtualLocation'],
			organizer: ['Organization', 'Person'],
			eventAttendanceMode: ['EventAttendanceModeEnumeration']
		}
	},
	Place: { parent: 'Thing', props: { address: ['PostalAddress', 'Text'] } },
	AdministrativeArea: { parent: 'Place', props: {} },
	City: { parent: 'AdministrativeArea', props: {} },
	Organization: {
		parent: 'Thing',
		props: {
			address: ['PostalAddress', 'Text'],
			contactPoint: ['ContactPoint'],
			telephone: ['Text'],
			areaServed: ['AdministrativeArea', 'GeoShape', 'Place', 'Text']
		}
	},
	GovernmentOrganization: { parent: 'Organization', props: {} },
	ContactPoint: {
		parent: 'Thing',
		props: {
			telephone: ['Text'],
			contactType: ['Text'],
			areaServed: ['AdministrativeArea', 'GeoShape', 'Place', 'Text'],
			availableLanguage: ['Language', 'Text']
		}
	},
	Service: {
		parent: 'Thing',
		props: {
			provider: ['Organization', 'Person'],
			areaServed: ['AdministrativeArea', 'GeoShape', 'Place', 'Text'],
			serviceType: ['Text']
		}
	},
	GovernmentService: { parent: 'Service', props: { serviceOperator: ['Organization'] } }
};

/** Members of the enumerations used, as schema.org URLs. */
const ENUMERATIONS: Record<string, string[]> = {
	EventAttendanceModeEnumeration: [
		'https://schema.org/OfflineEventAttendanceMode',
		'https://schema.org/OnlineEventAttendanceMode',
		'https://schema.org/MixedEventAttendanceMode'
	]
};

function isA(type: string, wanted: string): boolean {
	for (let t: string | undefined = type; t; t = TYPES[t]?.parent) if (t === wanted) return true;
	return false;
}

function propsOf(type: string): Record<string, string[]> {
	const all: Record<string, string[]> = {};
	for (let t: string | undefined = type; t; t = TYPES[t]?.parent)
		Object.assign(all, TYPES[t].props);
	return all;
}

function fits(value: unknown, range: string): boolean {
	switch (range) {
		case 'Text':
		case 'Language':
			return typeof value === 'string' && value.length > 0;
		case 'URL':
			return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
		case 'Date':
			return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value);
		case 'DateTime':
			return (
				typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(value)
			);
		case 'Integer':
			return Number.isInteger(value);
		default:
			if (ENUMERATIONS[range]) return ENUMERATIONS[range].includes(value as string);
			return (
				!!value &&
				typeof value === 'object' &&
				typeof (value as { '@type'?: unknown })['@type'] === 'string' &&
				isA((value as { '@type': string })['@type'], range)
			);
	}
}

/** Every problem with a JSON-LD node and its children, as readable strings. */
function validate(node: Record<string, unknown>, path = '$'): string[] {
	const type = node['@type'];
	if (typeof type !== 'string' || !TYPES[type]) return [`${path}: unknown @type ${String(type)}`];
	const allowed = propsOf(type);
	const problems: string[] = [];
	for (const [key, value] of Object.entries(node)) {
		if (key === '@type' || key === '@context') continue;
		const range = allowed[key];
		if (!range) {
			problems.push(`${path}.${key}: not a property of ${type}`);
			continue;
		}
		for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
			const at = Array.isArray(value) ? `${path}.${key}[${i}]` : `${path}.${key}`;
			if (!range.some((r) => fits(item, r))) problems.push(`${at}: not a ${range.join('/')}`);
			else if (item && typeof item === 'object')
				problems.push(...validate(item as Record<string, unknown>, at));
		}
	}
	return problems;
}

const ORIGIN = 'https://bm.example';
const base: Omit<StructuredInput, 'kind' | 'fields'> = {
	id: 7,
	subtype: null,
	title: '示例',
	district: '天元区',
	issuedOn: '2026-03-02',
	phones: [{ number: '0731-28680001', label: '咨询电话' }]
};

describe('structuredData', () => {
	it('describes an event with start, end, location and organizer, in Beijing time', () => {
		const data = structuredData(
			{
				...base,
				kind: 'event',
				fields: {
					startsOn: '2026-05-01T09:30',
					endsOn: '2026-05-01T11:30',
					location: '神农公园',
					organizer: '某某街道办事处'
				}
			},
			ORIGIN
		) as Record<string, unknown>;
		expect(validate(data)).toEqual([]);
		expect(data).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Event',
			startDate: '2026-05-01T09:30:00+08:00',
			endDate: '2026-05-01T11:30:00+08:00',
			organizer: { '@type': 'Organization', name: '某某街道办事处' },
			url: 'https://bm.example/records/7'
		});
		// No start date: no Event at all (startDate is required).
		expect(structuredData({ ...base, kind: 'event', fields: {} }, ORIGIN)).toBeUndefined();
	});

	it('describes guides as GovernmentService and Q&A as Question/Answer', () => {
		const guide = structuredData(
			{ ...base, kind: 'procedure', subtype: 'guide', fields: { department: '市医疗保障局' } },
			ORIGIN
		) as Record<string, unknown>;
		expect(guide['@type']).toBe('GovernmentService');
		expect(validate(guide)).toEqual([]);
		const qa = structuredData(
			{
				...base,
				kind: 'procedure',
				subtype: 'qa',
				fields: {
					question: '医保卡丢了怎么补？',
					answer: '带身份证到窗口办理。',
					department: '市医保局'
				}
			},
			ORIGIN
		) as Record<string, unknown>;
		expect(qa).toMatchObject({
			'@type': 'Question',
			acceptedAnswer: { '@type': 'Answer', text: '带身份证到窗口办理。' }
		});
		expect(validate(qa)).toEqual([]);
	});

	it('describes a hotline as an Organization with a ContactPoint per number', () => {
		const data = structuredData(
			{ ...base, kind: 'hotline', fields: { name: '燃气报修', organization: '某燃气公司' } },
			ORIGIN
		) as Record<string, unknown>;
		expect(validate(data)).toEqual([]);
		expect(data).toMatchObject({
			'@type': 'Organization',
			contactPoint: [{ '@type': 'ContactPoint', telephone: '0731-28680001' }]
		});
	});

	it('says nothing machine-readable about private notices', () => {
		for (const kind of ['lost_found', 'family_search'] as const)
			expect(structuredData({ ...base, kind, fields: {} }, ORIGIN)).toBeUndefined();
	});

	it('the validator itself refuses wrong properties, types and values', () => {
		expect(validate({ '@type': 'Event', startdate: '2026-01-01' })).toEqual([
			'$.startdate: not a property of Event'
		]);
		expect(validate({ '@type': 'Organisation' })).toHaveLength(1);
		expect(validate({ '@type': 'Event', startDate: '2026-05-01T09:30' })).toHaveLength(1);
		expect(validate({ '@type': 'Event', organizer: { '@type': 'Place', name: 'x' } })).toHaveLength(
			1
		);
	});
});

describe('jsonLdText and recordDescription', () => {
	it('cannot close the script element it sits in', () => {
		expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).not.toContain('<');
	});

	it('summarises a record with its number and the date it was printed', () => {
		expect(
			recordDescription({ ...base, kind: 'hotline', fields: { organization: '某燃气公司' } })
		).toBe('便民电话：示例；电话 0731-28680001；某燃气公司；天元区；2026年3月2日刊登。');
	});
});
