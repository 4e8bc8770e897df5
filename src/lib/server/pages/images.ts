/** Page pictures of uploaded files, for the crops beside records under review. */
import type { DB } from '../db';

export interface PageImageBytes {
	mediaType: string;
	bytes: Buffer;
}

/** The picture of a page of an uploaded file (a rendered PDF page, or the original image). */
export async function findPageImage(
	db: DB,
	fileId: number,
	page: number
): Promise<PageImageBytes | undefined> {
	const row = await db
		.selectFrom('page_images as i')
		.innerJoin('page_files as f', 'f.id', 'i.file_id')
		.select(['i.media_type', 'i.bytes', 'f.bytes as original'])
		.where('i.file_id', '=', fileId)
		.where('i.page_no', '=', page)
		.executeTakeFirst();
	if (!row) return undefined;
	return { mediaType: row.media_type, bytes: row.bytes ?? row.original };
}
