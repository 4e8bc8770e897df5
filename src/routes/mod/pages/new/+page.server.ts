import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { today } from '$lib/clock';
import { formErrors, formValues, PageUploadSchema } from '$lib/records/schemas';
import { logAudit } from '$lib/server/audit';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { submitPage } from '$lib/server/pages/jobs';
import { MAX_PAGE_FILE_BYTES, PageFileError } from '$lib/server/pages/read';
import { wakePageWorker } from '$lib/server/pages/worker';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	return { maxBytes: MAX_PAGE_FILE_BYTES };
};

/** The uploaded name without folders or control characters, for display only. */
function displayName(name: string): string {
	const base = name.split(/[/\\]/).at(-1) ?? '';
	// eslint-disable-next-line no-control-regex
	return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120) || '未命名文件';
}

export const actions: Actions = {
	default: async (event) => {
		const user = requireModerator(event);
		const form = await event.request.formData();
		const values = formValues(form);
		const file = form.get('file');
		const upload = file instanceof File && file.size > 0 ? file : null;
		const parsed = v.safeParse(PageUploadSchema, values);
		const errors: Record<string, string> = parsed.success ? {} : formErrors(parsed.issues);
		const pasted = parsed.success ? parsed.output.text.trim() !== '' : !!values.text?.trim();
		if (!upload && !pasted && !errors.text) errors.file = '请选择版面文件，或在下方粘贴版面文字';
		if (upload && pasted) errors.file = '请只选择文件或只粘贴文字，不要同时提供';
		if (upload && upload.size > MAX_PAGE_FILE_BYTES)
			errors.file = `文件太大（最大 ${MAX_PAGE_FILE_BYTES / 1024 / 1024} MB）`;
		if (!parsed.success || Object.keys(errors).length) return fail(400, { values, errors });
		const input = parsed.output;
		const bytes = upload
			? new Uint8Array(await upload.arrayBuffer())
			: new TextEncoder().encode(input.text);
		const name = upload ? displayName(upload.name) : `粘贴文字 ${today()}.txt`;
		const { db } = await getDatabase();
		let submitted;
		try {
			submitted = await submitPage(db, {
				bytes,
				name,
				paper: input.paper,
				published: input.published || null,
				page: input.page || null,
				userId: user.id
			});
		} catch (e) {
			if (!(e instanceof PageFileError)) throw e;
			// A browser never refills a file input: say so, keep the rest of the form.
			return fail(400, {
				values,
				errors: { file: `${e.message}${upload ? '（请重新选择文件）' : ''}` }
			});
		}
		if (!submitted.duplicate) {
			await logAudit(db, {
				user,
				action: 'page-upload',
				targetType: 'page_job',
				targetId: submitted.jobId,
				detail: { name, type: submitted.mediaType, size: bytes.length },
				ip: event.getClientAddress()
			});
			wakePageWorker();
		}
		redirect(303, `/mod/pages/${submitted.jobId}${submitted.duplicate ? '?duplicate=1' : ''}`);
	}
};
