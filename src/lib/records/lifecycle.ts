/**
 * What a moderator may do with a record in each status. Pure and client-safe: the server
 * checks a transition with `canTransition` before writing; pages show only allowed buttons.
 */
import type { RecordStatus, Kind } from './kinds';
import { RESOLVED_LABEL } from './states';

export type Transition =
	| 'publish'
	| 'unpublish'
	| 'reject'
	| 'unreject'
	| 'resolve'
	| 'unresolve'
	| 'archive'
	| 'delete'
	| 'restore';

interface TransitionDef {
	from: readonly RecordStatus[];
	/** The new status; `restore` goes back to the status before archiving. */
	to: RecordStatus | 'previous';
	/** Only these kinds (resolving is for notices that can be resolved). */
	kinds?: readonly Kind[];
	label: string;
	hint: string;
}

/** Every transition: allowed source statuses, target, and its button text. */
export const TRANSITIONS: Record<Transition, TransitionDef> = {
	publish: {
		from: ['draft', 'rejected'],
		to: 'published',
		label: '发布',
		hint: '公开显示这条信息'
	},
	// The undo of a publication (the 撤销 after 发布, one record or several): back to review.
	unpublish: { from: ['published'], to: 'draft', label: '撤销发布', hint: '不再公开，退回待审核' },
	reject: { from: ['draft'], to: 'rejected', label: '驳回', hint: '不发布，记录保留' },
	// The undo of a rejection (the link in the message after 驳回).
	unreject: { from: ['rejected'], to: 'draft', label: '撤销驳回', hint: '退回待审核' },
	resolve: {
		from: ['published', 'expired'],
		to: 'resolved',
		kinds: ['lost_found', 'family_search'],
		label: '标记已解决',
		hint: '仍可查看，但不再出现在默认列表中'
	},
	unresolve: { from: ['resolved'], to: 'published', label: '撤销“已解决”', hint: '' },
	archive: {
		from: ['published', 'expired', 'resolved'],
		to: 'archived',
		label: '归档（下架）',
		hint: '信息已过时：不再公开，记录保留'
	},
	delete: {
		from: ['draft', 'published', 'expired', 'resolved', 'rejected'],
		to: 'archived',
		label: '删除',
		hint: '删除的记录移入归档，可以恢复'
	},
	restore: { from: ['archived'], to: 'previous', label: '从归档恢复', hint: '恢复到归档前的状态' }
};

/** The label of the resolve button, in the public pages' words (records/states.ts). */
export function resolveLabel(kind: Kind): string {
	return '标记为' + (RESOLVED_LABEL[kind] ?? '已解决');
}

/** True when the transition is allowed for a record of this kind in this status. */
export function canTransition(t: Transition, kind: Kind, status: RecordStatus): boolean {
	const def = TRANSITIONS[t];
	return def.from.includes(status) && (!def.kinds || def.kinds.includes(kind));
}

/** The transitions a record allows, in button order. */
export function allowedTransitions(kind: Kind, status: RecordStatus): Transition[] {
	return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => canTransition(t, kind, status));
}

/**
 * Whether a record in this status may be of this kind: only notices that can be resolved may
 * be 已解决 (a moderator changing a resolved 寻物启事 into a hotline must first undo that).
 */
export function statusFitsKind(status: RecordStatus, kind: Kind): boolean {
	return status !== 'resolved' || (TRANSITIONS.resolve.kinds ?? []).includes(kind);
}
