import { getDatabase } from '$lib/server/db';
import { exportBatch } from '$lib/server/exports';
import { toPublic } from '$lib/server/public';
import type { RequestHandler } from './$types';

/**
 * Public bulk export: every public record as one JSON object per line (NDJSON), in id order,
 * masked like every public output (toPublic). Streamed a batch at a time, so the
 * server never holds the whole table; a client can stop reading at any line.
 */
export const GET: RequestHandler = async () => {
	const { db } = await getDatabase();
	let after = 0;
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const batch = toPublic(await exportBatch(db, after));
			if (!batch.length) {
				controller.close();
				return;
			}
			after = batch[batch.length - 1].id;
			controller.enqueue(encoder.encode(batch.map((r) => JSON.stringify(r)).join('\n') + '\n'));
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'application/x-ndjson; charset=utf-8',
			'content-disposition': 'inline; filename="bianmin-records.ndjson"',
			'cache-control': 'public, max-age=300'
		}
	});
};
