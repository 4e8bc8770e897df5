import { error } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { calendarEventOf, isCalendarOpen, toICalendar } from '$lib/records/icalendar';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findPublicRecord } from '$lib/server/publicRecord';
import type { RequestHandler } from './$types';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Public: an event (or its registration deadline) as an iCalendar file, so a phone can add it
 * to its calendar. Only while the event is ahead: an ended one answers 410 Gone.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const id = idParam(params.id);
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record || record.kind !== 'event') error(404, '没有这条活动');
	const f = record.fields as Record<string, unknown>;
	const dates = { startsOn: str(f.startsOn), endsOn: str(f.endsOn), deadline: record.deadline };
	const event = calendarEventOf(
		{ id: record.id, title: record.title, ...dates },
		{
			description: [
				record.deadline ? `报名截止：${record.deadline.replace('T', ' ')}` : '',
				...record.phones.map((p) => `电话：${p.number}`)
			]
				.filter(Boolean)
				.join('\n'),
			...(str(f.location) ? { location: str(f.location) } : {}),
			url: new URL(`/records/${record.id}`, url).href
		}
	);
	if (!event) error(404, '这条活动没有日期');
	if (!isCalendarOpen(dates, nowInBeijing())) error(410, '这条活动已经结束');
	return new Response(toICalendar([event], new Date()), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="event-${record.id}.ics"`
		}
	});
};
