import { error } from '@sveltejs/kit';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { findPageImage } from '$lib/server/pages/images';
import type { RequestHandler } from './$types';

/** The picture of one page of an uploaded file, for the crop beside a record under review. */
export const GET: RequestHandler = async (event) => {
	requireModerator(event);
	const fileId = idParam(event.params.file);
	const page = idParam(event.params.page);
	const { db } = await getDatabase();
	const image = await findPageImage(db, fileId, page);
	if (!image) error(404, '没有这一页的图片');
	return new Response(new Uint8Array(image.bytes), {
		headers: {
			// The type was judged from the bytes at upload (lib/pages/sniff.ts), never the name.
			'Content-Type': image.mediaType,
			'Content-Length': String(image.bytes.length),
			// Private (it may show ID numbers), but the same page is shown for every record on it.
			'Cache-Control': 'private, max-age=3600'
		}
	});
};
