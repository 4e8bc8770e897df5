import { error, fail, redirect } from '@sveltejs/kit';
import { logAudit } from '$lib/server/audit';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/server/forms';
import { describeJob, findPageJob, retryPageJob } from '$lib/server/pages/jobs';
import { wakePageWorker } from '$lib/server/pages/worker';
import type { Actions, PageServerLoad } from './$types';

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

export const actions: Actions = {
	retry: async (event) => {
		const user = requireModerator(event);
		const id = idParam(event.params.job);
		const { db } = await getDatabase();
		const job = await findPageJob(db, id);
		if (!job) error(404, '没有这个上传任务');
		if (!(await retryPageJob(db, id))) return fail(400, { message: '只有失败的任务可以重新处理' });
		await logAudit(db, {
			user,
			action: 'page-upload',
			targetType: 'page_job',
			targetId: id,
			detail: { name: job.name, retry: true, error: job.error },
			ip: event.getClientAddress()
		});
		wakePageWorker();
		redirect(303, `/mod/pages/${id}`);
	}
};
