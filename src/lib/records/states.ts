import { passedAt } from '../clock';
import { formatDate } from './display';
import type { Kind } from './kinds';

/**
 * The ONE vocabulary of a record's public state, per kind, used by every public page (listings,
 * search results, the record page, the home page), so a resident never reads 已解决 in a list
 * and 已找到 on the record. Dates expire by themselves against the Beijing clock: nobody has to
 * mark a 公告期 as over.
 */

/** What a resolved notice is called, per kind (the moderator's button says the same). */
export const RESOLVED_LABEL: Partial<Record<Kind, string>> = {
	lost_found: '已认领',
	family_search: '已找到'
};

export type StateTone = 'done' | 'closed' | 'open';

export interface RecordState {
	label: string;
	/** done: resolved; closed: a date has passed; open: a date still ahead. */
	tone: StateTone;
}

/** The parts of a record its state depends on (listing rows and full records both have them). */
export interface StateInput {
	kind: Kind;
	status: string;
	/** Event: sign-up deadline. */
	deadline: string | null;
	/** Event: start; 寻亲: found/lost date. */
	dateStart: string | null;
	/** Event: end; 寻亲: end of the 公告期 (noticeDeadline). */
	dateEnd?: string | null;
}

/** The last day an event runs: its end, else its start, else its sign-up deadline. */
export function eventLastDay(r: StateInput): string | null {
	return r.dateEnd ?? r.dateStart ?? r.deadline;
}

/**
 * The states to show beside a record, most important first. `now` is the request's Beijing
 * wall-clock reading (clock.nowInBeijing), read once per request.
 */
export function recordStates(r: StateInput, now: string): RecordState[] {
	const states: RecordState[] = [];
	if (r.status === 'resolved') {
		states.push({ label: RESOLVED_LABEL[r.kind] ?? '已解决', tone: 'done' });
	} else if (r.status === 'expired') {
		states.push({ label: '已过期', tone: 'closed' });
	}
	if (r.kind === 'family_search' && r.dateEnd) {
		states.push(
			passedAt(r.dateEnd, now)
				? { label: '公告期已满', tone: 'closed' }
				: { label: `公告期至 ${formatDate(r.dateEnd)}`, tone: 'open' }
		);
	}
	if (r.kind === 'event') {
		const last = eventLastDay(r);
		if (last && passedAt(last, now)) states.push({ label: '活动已结束', tone: 'closed' });
		else if (r.deadline)
			states.push(
				passedAt(r.deadline, now)
					? { label: '报名已截止', tone: 'closed' }
					: { label: `报名截止 ${formatDate(r.deadline)}`, tone: 'open' }
			);
	}
	return states;
}
