import { error } from '@sveltejs/kit';
import { createEvent, type DateArray, type EventAttributes } from 'ics';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findPublicRecord } from '$lib/server/publicRecord';
import type { RequestHandler } from './$types';

/** 2024-11-05 → [2024, 11, 5]; 2024-11-05T09:30 → [2024, 11, 5, 9, 30]. */
function toDateArray(iso: string): DateArray | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
	if (!m) return undefined;
	const parts = m
		.slice(1)
		.filter((p) => p !== undefined)
		.map(Number);
	return parts as DateArray;
}

/**
 * Public: an event (or its registration deadline) as an iCalendar file, so a phone can add it
 * to its calendar. Built with the `ics` package rather than by hand: escaping, line folding and
 * all-day dates are easy to get subtly wrong.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const id = idParam(params.id);
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record || record.kind !== 'event') error(404, '没有这条活动');
	const f = record.fields as Record<string, unknown>;
	const startsOn = typeof f.startsOn === 'string' ? f.startsOn : undefined;
	const endsOn = typeof f.endsOn === 'string' ? f.endsOn : undefined;
	const when = startsOn ?? record.deadline ?? undefined;
	const start = when ? toDateArray(when) : undefined;
	if (!start) error(404, '这条活动没有日期');
	const event: EventAttributes = {
		uid: `record-${record.id}@bianmin`,
		title: startsOn ? record.title : `报名截止：${record.title}`,
		start,
		...(endsOn && toDateArray(endsOn)
			? { end: toDateArray(endsOn.length === 10 ? nextDay(endsOn) : endsOn)! }
			: start.length === 3
				? { duration: { days: 1 } }
				: { duration: { hours: 2 } }),
		description: [
			record.deadline ? `报名截止：${record.deadline}` : '',
			...record.phones.map((p) => `电话：${p.number}`)
		]
			.filter(Boolean)
			.join('\n'),
		location: typeof f.location === 'string' ? f.location : undefined,
		url: new URL(`/records/${record.id}`, url).href,
		productId: 'bianmin'
	};
	const { error: icsError, value } = createEvent(event);
	if (icsError || !value) error(500, '无法生成日历文件');
	return new Response(value, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="event-${record.id}.ics"`
		}
	});
};

/** All-day ends are exclusive in iCalendar: an event ending on the 5th ends at the 6th. */
function nextDay(iso: string): string {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}
