import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { describeJob, listPageJobs } from '$lib/server/pages/jobs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const { db } = await getDatabase();
	const jobs = await listPageJobs(db);
	return { jobs: jobs.map((job) => ({ ...job, status: describeJob(job) })) };
};
