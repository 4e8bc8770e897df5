/**
 * The one place forms normalise phone numbers and dates: a thin adapter over the extractor's
 * own normalisers (extract/phone.ts, extract/date.ts), so a number or a date typed by a
 * moderator is stored exactly as the same text printed in a paper would be.
 */
import { today as clockToday } from '../clock';
import { findDates, isoDate } from '../extract/date';
import { normalize } from '../extract/normalize';
import { findPhones } from '../extract/phone';
import type { Phone } from './types';

/** A typed number in the normalised form (0731-28681234, 13307330000, 12345), or undefined. */
export function normalizePhone(printed: string): string | undefined {
	const text = normalize(printed.trim());
	// The whole input must be the number: "0731-2868 1662x" is not a phone.
	const match = findPhones(text, { list: true })[0];
	if (!match || match.start !== 0 || match.end !== text.length) return undefined;
	return match.number;
}

/** True when a number is already in the normalised form. */
export function isNormalizedPhone(number: string): boolean {
	return normalizePhone(number) === number;
}

/**
 * One line of the phones box, `号码 说明` (the number may also stand after its label):
 * the number normalised, the rest as its label. When no number is found, `number` holds the
 * line's first word so that validation can point at it.
 */
export function parsePhoneLine(line: string): Phone {
	const text = line.trim();
	const [first, ...rest] = text.split(/\s+/);
	const direct = normalizePhone(first);
	if (direct) {
		const label = rest.join(' ').trim();
		return { number: direct, raw: first, ...(label ? { label } : {}) };
	}
	const match = findPhones(normalize(text), { list: true })[0];
	if (match) {
		const raw = text.slice(match.start, match.end);
		const label = (text.slice(0, match.start) + ' ' + text.slice(match.end))
			.replace(/\s+/g, ' ')
			.trim();
		return { number: match.number, raw, ...(label ? { label } : {}) };
	}
	return { number: first, raw: first };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/;

/**
 * A typed date as stored: YYYY-MM-DD, or YYYY-MM-DDTHH:mm with a time of day. Accepts what the
 * extractor reads in papers too (2024年11月5日, 2024.11.5, 11月5日 上午9时). Undefined when the
 * input is not exactly one real date.
 */
export function normalizeDateInput(input: string, today = clockToday()): string | undefined {
	const text = normalize(input).trim();
	const iso = ISO.exec(text);
	if (iso) {
		const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
		if (!date) return undefined;
		if (iso[4] === undefined) return date;
		const h = Number(iso[4]);
		const m = Number(iso[5]);
		if (h > 23 || m > 59) return undefined;
		return `${date}T${String(h).padStart(2, '0')}:${iso[5]}`;
	}
	const match = findDates(text, today)[0];
	if (!match || match.until || match.start !== 0) return undefined;
	// Only trailing punctuation may follow the date.
	if (text.slice(match.end).replace(/[\s。.,，]/g, '') !== '') return undefined;
	return match.value;
}
