import type { ExtractedRecord, Phone } from './types';
import type { Kind } from './kinds';

/**
 * The kind-specific part of a record: everything in the extractor's record except what every
 * record has (kind, subtype, title, source, confidence, district, phones, emails, flags).
 * Stored as JSON in `records.data`; the filterable parts are copied into columns by toColumns().
 */
export type RecordFields = Record<string, unknown>;

const COMMON = new Set([
	'kind',
	'subtype',
	'title',
	'source',
	'confidence',
	'district',
	'phones',
	'emails',
	'flags'
]);

/** Splits an extracted record into its kind-specific fields. */
export function fieldsOf(record: ExtractedRecord): RecordFields {
	const fields: RecordFields = {};
	for (const [key, value] of Object.entries(record)) {
		if (!COMMON.has(key) && value !== undefined && value !== null && value !== '')
			fields[key] = value;
	}
	return fields;
}

function str(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function list(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Column values derived from a record's fields: what listings filter and sort on. */
export interface DerivedColumns {
	organization: string | null;
	document_type: string | null;
	document_number: string | null;
	gender: string | null;
	place: string | null;
	date_start: string | null;
	date_end: string | null;
	deadline: string | null;
	/** The readable text of the record, for search and snippets. */
	body: string;
	/** Short key fields that rank above the body in search. */
	keys: string;
}

export function toColumns(kind: Kind, f: RecordFields): DerivedColumns {
	const c: DerivedColumns = {
		organization: null,
		document_type: null,
		document_number: null,
		gender: null,
		place: null,
		date_start: null,
		date_end: null,
		deadline: null,
		body: '',
		keys: ''
	};
	switch (kind) {
		case 'hotline':
			c.organization = str(f.organization);
			c.place = str(f.address);
			c.keys = [f.name, f.organization].map(str).filter(Boolean).join(' ');
			c.body = [f.name, f.organization, f.address, f.hours].map(str).filter(Boolean).join('\n');
			break;
		case 'procedure':
			c.organization = str(f.department);
			c.place = str(f.location);
			c.keys = [f.question, f.department].map(str).filter(Boolean).join(' ');
			c.body = [
				str(f.question),
				str(f.answer),
				...list(f.requirements),
				...list(f.steps),
				str(f.timeLimit),
				str(f.fee),
				str(f.location)
			]
				.filter(Boolean)
				.join('\n');
			break;
		case 'lost_found':
			c.document_type = str(f.documentType);
			c.document_number = str(f.documentNumber);
			c.place = str(f.place);
			c.date_start = str(f.date);
			c.keys = [f.holder, f.documentType, f.documentNumber, f.item]
				.map(str)
				.filter(Boolean)
				.join(' ');
			c.body = [f.holder, f.documentType, f.documentNumber, f.item, f.place]
				.map(str)
				.filter(Boolean)
				.join('\n');
			break;
		case 'family_search':
			c.gender = str(f.gender);
			c.place = str(f.place);
			c.date_start = str(f.foundAt) ?? str(f.lostAt);
			c.date_end = str(f.noticeDeadline);
			c.keys = [f.place, f.contactName].map(str).filter(Boolean).join(' ');
			c.body = [str(f.place), str(f.gender), str(f.age), ...list(f.features), str(f.contactName)]
				.filter(Boolean)
				.join('\n');
			break;
		case 'event':
			c.organization = str(f.organizer);
			c.place = str(f.location);
			c.date_start = str(f.startsOn);
			c.date_end = str(f.endsOn);
			c.deadline = str(f.deadline);
			c.keys = [f.organizer, f.location].map(str).filter(Boolean).join(' ');
			c.body = [
				str(f.organizer),
				str(f.location),
				str(f.audience),
				str(f.fee),
				...list(f.howToRegister)
			]
				.filter(Boolean)
				.join('\n');
			break;
	}
	return c;
}

/** Digits of a normalised number plus, for a local number with area code, the local part. */
export function phoneSearchTerms(phone: Pick<Phone, 'number'>): string[] {
	const digits = phone.number.replace(/\D/g, '');
	const terms = [digits];
	const m = /^0\d{2,3}-(\d{7,8})$/.exec(phone.number);
	if (m) terms.push(m[1]);
	return terms;
}
