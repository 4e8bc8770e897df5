import { error } from '@sveltejs/kit';
import { nowInBeijing } from '$lib/clock';
import { getDatabase } from '$lib/server/db';
import { findTwins } from '$lib/server/listings';
import { findPublicRecord } from '$lib/server/publicRecord';
import type { PageServerLoad } from './$types';

/** Server-rendered only, like home and search: the copy buttons come from static/enhance.js. */
export const csr = false;

// Public page: only public statuses are shown (findPublicRecord), ID numbers masked.
export const load: PageServerLoad = async ({ params }) => {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, '没有这条信息');
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record) error(404, '没有这条信息，可能已被撤下');
	return { record, twins: await findTwins(db, id), now: nowInBeijing() };
};
