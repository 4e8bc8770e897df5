import { error } from '@sveltejs/kit';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { describeJob, findPageJob } from '$lib/server/pages/jobs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const id = idParam(event.params.job);
	const { db } = await getDatabase();
	const job = await findPageJob(db, id);
	if (!job) error(404, '没有这个上传任务');
	return {
		job,
		status: describeJob(job),
		duplicate: event.url.searchParams.get('duplicate') === '1'
	};
};
