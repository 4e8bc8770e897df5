import { error } from '@sveltejs/kit';
import * as v from 'valibot';

/** A positive whole number posted as a string (record, user, revision ids). */
export const IdField = v.pipe(
	v.string('缺少编号'),
	v.trim(),
	v.regex(/^\d{1,12}$/, '请填写记录编号（数字）'),
	v.toNumber(),
	v.minValue(1, '请填写记录编号（数字）')
);

/** The record version a form was loaded with (optimistic locking). */
export const VersionField = v.pipe(
	v.string('缺少版本号'),
	v.regex(/^\d{1,9}$/, '版本号不对'),
	v.toNumber(),
	v.minValue(1, '版本号不对')
);

/**
 * The `[id]` of a route, or a 404. Digits only, as written in our links: /records/0x10, 1e1,
 * %201 (" 1"), 1.0 or 01 would each name a record Number() accepts, and one record must not
 * have many addresses (caches, logs and crawlers count them apart).
 */
export function idParam(raw: string): number {
	if (!/^[1-9]\d{0,11}$/.test(raw)) error(404, '没有这条记录');
	return Number(raw);
}

/** The first message of each top-level field of a failed parse (a missing field: 请填写此项). */
export function flatErrors(
	issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]
): Record<string, string> {
	const flat = v.flatten(
		issues.map((issue) =>
			issue.type === 'object' && issue.input === undefined && issue.path?.length
				? { ...issue, message: '请填写此项' }
				: issue
		) as typeof issues
	);
	const errors: Record<string, string> = {};
	if (flat.root?.length) errors._form = flat.root[0];
	for (const [key, messages] of Object.entries(flat.nested ?? {})) {
		const name = key.split('.')[0];
		if (messages?.length && !errors[name]) errors[name] = messages[0];
	}
	return errors;
}

/** The message every optimistic-lock refusal shows. */
export const CONFLICT_MESSAGE = '该记录已被其他管理员修改，请刷新后再编辑（您的修改仍保留在下方）';
