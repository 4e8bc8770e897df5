import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { formErrors, formValues } from '$lib/records/schemas';
import { requireModerator } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { listSubmissions, setAddressBlocked, submitterHistory } from '$lib/server/participation';
import type { Actions, PageServerLoad } from './$types';

const AddressSchema = v.object({
	address: v.pipe(v.string(), v.trim(), v.nonEmpty('缺少地址'), v.maxLength(100, '地址太长')),
	reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '不能超过 200 个字')), '')
});

export const load: PageServerLoad = async (event) => {
	requireModerator(event);
	const { db } = await getDatabase();
	const address = event.url.searchParams.get('address');
	return {
		submissions: await listSubmissions(db),
		history: address && address.length <= 100 ? await submitterHistory(db, address) : null
	};
};

async function setBlocked(event: Parameters<Actions[string]>[0], blocked: boolean) {
	const values = formValues(await event.request.formData());
	const parsed = v.safeParse(AddressSchema, values);
	if (!parsed.success) return { failed: fail(400, { errors: formErrors(parsed.issues) }) };
	const { db } = await getDatabase();
	return { db, parsed: parsed.output, blocked };
}

export const actions: Actions = {
	block: async (event) => {
		const user = requireModerator(event);
		const r = await setBlocked(event, true);
		if ('failed' in r) return r.failed;
		await setAddressBlocked(
			r.db,
			{ ...r.parsed, blocked: true },
			{ user, ip: event.getClientAddress() }
		);
		return { done: `已封禁 ${r.parsed.address}` };
	},
	unblock: async (event) => {
		const user = requireModerator(event);
		const r = await setBlocked(event, false);
		if ('failed' in r) return r.failed;
		await setAddressBlocked(
			r.db,
			{ ...r.parsed, blocked: false },
			{ user, ip: event.getClientAddress() }
		);
		return { done: `已解除封禁 ${r.parsed.address}` };
	}
};
