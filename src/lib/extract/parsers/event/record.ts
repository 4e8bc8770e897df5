/**
 * One event record: an invitation with a way or a time to register, its fields, and the evidence
 * for the confidence rule.
 */
import type { Candidate, Page, Passage } from '../../pipeline';
import { emailsIn, findDistrict, phoneMatchesIn, toPhones } from '../../text/fields';
import type { Span } from '../../text/spans';
import type { EventRecord } from '../../../records/types';
import { activityName, findLabelled, findOrganizer } from './labelled';
import {
	AUDIENCE_RE,
	BOOKING_RE,
	EVENT_NOUN_RE,
	HELD_ACTIVITY_RE,
	FEE_RE,
	LOCATION_RE,
	NOT_AN_EVENT_RE,
	OPEN_RE,
	PAST_RE,
	QA_TURN_RE,
	RECRUITMENT_RE,
	TENDER_RE,
	SIGNUP_RE
} from './labels';
import { bodyStartOf, headlineOf, usefulEnd } from './parts';
import { findMethods } from './methods';
import { itemName } from './programme';
import { findWhen } from './when';

/** Every registration word of a text (matchAll copies it, so its lastIndex stays 0). */
const SIGNUP_ALL_RE = new RegExp(SIGNUP_RE.source, 'g');

/**
 * `item`: the span is one item of a list ('list': 1．绘本故事会：…, named by its first words)
 * or one paragraph of a story that announces several activities ('story', named by the
 * quoted activity or the story's headline).
 */
export function buildRecord(
	page: Page,
	p: Passage,
	item?: 'list' | 'story',
	headline?: Span
): Candidate<EventRecord> | undefined {
	const norm = page.norm;
	const text = norm.slice(p.start, p.end);
	// 征集意见 / 征集线索 (a consultation, a call for tip-offs) invite no one to take part.
	const consultation = NOT_AN_EVENT_RE.test(text);
	const invites = [...text.matchAll(SIGNUP_ALL_RE)].filter(
		(m) => !(consultation && /^征/.test(m[0]))
	);
	const booked = BOOKING_RE.test(text);
	// Most passages of a page are neither: asked before the body's start is looked for.
	if (!invites.length && !booked) return undefined;
	const bodyStart = bodyStartOf(page, p);
	// 讲座…请提前电话预约: booking a seat is signing up, when the headline lines name an event
	// or the span is one item of a programme (a guide's 预约办理 is not one).
	const booking =
		booked &&
		(item !== undefined ||
			EVENT_NOUN_RE.test(norm.slice(p.start, Math.max(p.start, bodyStart))) ||
			HELD_ACTIVITY_RE.test(text));
	if (!invites.length && !booking) return undefined;
	// Job recruitment and exams (招聘, 报考, 笔试) are not activities residents sign up for.
	if (RECRUITMENT_RE.test(text)) return undefined;
	if (QA_TURN_RE.test(text)) return undefined;
	// Nor are tenders (招标公告: 报名时间, 报名方式 for bidders).
	if (TENDER_RE.test(text)) return undefined;
	const methods = findMethods(page, { start: bodyStart, end: p.end });
	const when = findWhen(page, { start: bodyStart, end: p.end }, item !== undefined);
	// A registration word AND a way or a time to register.
	if (!methods.length && !when.deadline) return undefined;
	// A report of what already happened, with nothing still open, is news.
	if (PAST_RE.test(text) && !OPEN_RE.test(text)) return undefined;

	const head = headlineOf(page, p);
	const phones = toPhones(phoneMatchesIn(page, { start: bodyStart, end: p.end }));
	const record: EventRecord = {
		kind: 'event',
		title: '',
		// The record starts at its headline: a section label above it is not the event's.
		source: {
			file: page.source,
			start: head ? head.start : p.start,
			end: usefulEnd(page, { start: bodyStart, end: p.end })
		},
		confidence: 0,
		phones,
		emails: emailsIn(page, { start: bodyStart, end: p.end })
	};
	// The headline as printed (quotes included: “悦读童年”…).
	record.title =
		(item === 'list' ? itemName(page, p) : undefined) ??
		(item === 'story' ? activityName(page, p) : undefined) ??
		(head ? page.text.slice(head.start, head.end) : undefined) ??
		(headline ? page.text.slice(headline.start, headline.end) : undefined) ??
		activityName(page, { start: bodyStart, end: p.end }) ??
		'活动报名';
	const organizer = findOrganizer(page, { start: bodyStart, end: p.end });
	if (organizer) record.organizer = organizer;
	if (when.startsOn) record.startsOn = when.startsOn;
	if (when.endsOn) record.endsOn = when.endsOn;
	if (when.deadline) record.deadline = when.deadline;
	const location = findLabelled(page, LOCATION_RE, bodyStart, p.end);
	if (location) record.location = location;
	if (methods.length) record.howToRegister = methods;
	const fee = findLabelled(page, FEE_RE, bodyStart, p.end);
	if (fee) record.fee = fee;
	const audience = findLabelled(page, AUDIENCE_RE, bodyStart, p.end);
	if (audience) record.audience = audience;
	const district = findDistrict(page.norm, p);
	if (district) record.district = district;

	const flags: string[] = [];
	if (!methods.length) flags.push('没有报名方式');
	if (!when.deadline && !when.startsOn) flags.push('没有活动或报名时间');
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'event.signup',
			facts: [
				methods.length > 0 && 'howToRegister',
				(when.deadline || when.startsOn) && 'date',
				head && 'head',
				(organizer || location) && 'organizerOrLocation'
			]
		}
	};
}

/** A key that is the same for a passage printed twice (the pages repeat paragraphs). */
export function eventKey(r: EventRecord): string {
	return JSON.stringify([
		r.howToRegister ?? [],
		r.deadline,
		r.phones.map((p) => p.number),
		r.emails
	]);
}
