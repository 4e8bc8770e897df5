import { error, json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findPublicRecord } from '$lib/server/publicRecord';
import type { RequestHandler } from './$types';

/** Public, read-only: GET /api/records/:id → the record with its provenance (findPublicRecord: through toPublic). */
export const GET: RequestHandler = async ({ params }) => {
	const id = idParam(params.id);
	const { db } = await getDatabase();
	const record = await findPublicRecord(db, id);
	if (!record) error(404, '没有这条信息');
	return json(record);
};
