import { nowInBeijing } from '$lib/clock';
import { calendarEventOf, isCalendarOpen, toICalendar } from '$lib/records/icalendar';
import { getDatabase } from '$lib/server/db';
import { upcomingEvents } from '$lib/server/listings';
import { toPublic } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Public: a calendar feed of upcoming events (subscribe once, new 活动 appear on the phone).
 * Events that have ended drop out; a notice with only a deadline appears as a 报名截止 reminder.
 */
export const GET: RequestHandler = async ({ url }) => {
	const { db } = await getDatabase();
	const now = nowInBeijing();
	const rows = toPublic(await upcomingEvents(db, now.slice(0, 10)));
	const events = rows
		.filter((r) => isCalendarOpen(r, now))
		.map((r) =>
			calendarEventOf(r, {
				...(r.location ? { location: r.location } : {}),
				url: new URL(`/records/${r.id}`, url).href
			})
		)
		.filter((e) => e !== undefined);
	return new Response(toICalendar(events, new Date(), '便民 · 活动报名'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
