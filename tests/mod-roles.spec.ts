/**
 * The role walk: every route under src/routes/mod (read from the file system, `[id]` replaced
 * by a real record) and every /api write endpoint must refuse anonymous requests, and
 * admin-only routes must refuse moderators — for page loads and for every form action.
 * Also a static check that every load and action begins with its own guard.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { baseUrl } from './fixtures/mod';
import { E2E_ACCOUNTS, type E2eAccount } from './fixtures/seed';

const ROUTES = 'src/routes';

interface Action {
	name: string;
	body: string;
}
interface Route {
	/** /mod/records/[id] */
	pattern: string;
	hasPage: boolean;
	loadSource: string | null;
	actions: Action[];
	server: string | null;
}

function walk(dir: string): string[] {
	const out = [dir];
	for (const entry of readdirSync(dir, { withFileTypes: true }))
		if (entry.isDirectory()) out.push(...walk(join(dir, entry.name)));
	return out;
}

/** Routes under a folder: their page/server files, load and actions as source text. */
function discover(folder: string): Route[] {
	return walk(join(ROUTES, folder))
		.map((dir) => {
			const pattern = '/' + relative(ROUTES, dir).split(sep).join('/');
			const serverFile = join(dir, '+page.server.ts');
			const server = existsSync(serverFile) ? readFileSync(serverFile, 'utf8') : null;
			const hasPage = existsSync(join(dir, '+page.svelte')) || server !== null;
			const loadAt = server?.indexOf('export const load') ?? -1;
			const actionsAt = server?.indexOf('export const actions') ?? -1;
			const loadSource =
				server && loadAt >= 0
					? server.slice(loadAt, actionsAt > loadAt ? actionsAt : undefined)
					: null;
			const actions: Action[] = [];
			if (server && actionsAt >= 0) {
				const block = server.slice(actionsAt);
				const starts = [...block.matchAll(/^\t(\w+): async \(event\) => \{$/gm)];
				starts.forEach((m, i) => {
					const body = block.slice(m.index, starts[i + 1]?.index);
					actions.push({ name: m[1], body });
				});
			}
			return {
				pattern,
				hasPage,
				loadSource,
				actions,
				server
			};
		})
		.filter((r) => r.hasPage || existsSync(join(ROUTES, r.pattern, '+server.ts')));
}

const modRoutes = discover('mod');
let recordId = 0;
let jobId = 0;
// [source]: the first imported page (the test server imports seeds/ before anything else);
// [job]: an upload of our own; [file], [page]: 1 (only the picture route has them, no page).
const url = (pattern: string) =>
	pattern
		.replaceAll('[id]', String(recordId))
		.replaceAll('[job]', String(jobId))
		.replace(/\[(source|file|page)\]/g, '1');
const actionUrl = (pattern: string, name: string) =>
	url(pattern) + (name === 'default' ? '' : `?/${name}`);

/** The pages and actions anyone may use: signing in. */
const PUBLIC = new Set(['/mod/login', '/mod/login?/login']);
/** Routes for admins only (the spec, not read from the code): every load and action. */
const ADMIN_ONLY = new Set(['/mod/audit', '/mod/users', '/mod/records/[id]/delete']);

async function signedIn(account: E2eAccount | null): Promise<APIRequestContext> {
	const ctx = await request.newContext({
		baseURL: baseUrl(),
		extraHTTPHeaders: { origin: baseUrl(), accept: 'text/html' }
	});
	if (account) {
		const response = await ctx.post('/mod/login?/login', {
			form: { username: account.username, password: account.password },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
	}
	return ctx;
}

let anonymous: APIRequestContext;
let moderator: APIRequestContext;
let admin: APIRequestContext;

test.beforeAll(async () => {
	[anonymous, moderator, admin] = await Promise.all([
		signedIn(null),
		signedIn(E2E_ACCOUNTS.moderator),
		signedIn(E2E_ACCOUNTS.admin)
	]);
	// A record of our own for the [id] routes (the walk never changes it: every write is refused).
	const response = await admin.post('/mod/records/new', {
		form: { kind: 'hotline', intent: 'draft', title: '角色测试记录', name: '角色测试' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	recordId = Number(/\/mod\/records\/(\d+)/.exec(response.headers().location)![1]);
	// An upload (pasted text) for the [job] route.
	const upload = await admin.post('/mod/pages/new', {
		multipart: { paper: '株洲日报', text: `角色测试版面 ${Date.now()}\n便民热线 0731-28812345` },
		maxRedirects: 0
	});
	expect(upload.status()).toBe(303);
	jobId = Number(/\/mod\/pages\/(\d+)/.exec(upload.headers().location)![1]);
});
test.afterAll(async () => {
	await Promise.all([anonymous, moderator, admin].map((c) => c.dispose()));
});

/** Refused: a redirect to the sign-in page, 401 or 403 — never a page with data. */
function expectRefused(status: number, location: string | undefined, what: string) {
	if (status === 303 || status === 302) {
		expect(location, what).toMatch(/^\/mod\/login(\?|$)/);
	} else {
		expect([401, 403], `${what} → ${status}`).toContain(status);
	}
}

test('the walk finds every moderator route and action', () => {
	const patterns = modRoutes.map((r) => r.pattern);
	for (const p of [
		'/mod',
		'/mod/login',
		'/mod/records',
		'/mod/records/new',
		'/mod/records/[id]',
		'/mod/records/[id]/history',
		'/mod/records/[id]/delete',
		'/mod/audit',
		'/mod/users',
		'/mod/account',
		'/mod/sessions'
	])
		expect(patterns).toContain(p);
	const actions = modRoutes.flatMap((r) => r.actions.map((a) => actionUrl(r.pattern, a.name)));
	expect(actions.length).toBeGreaterThanOrEqual(15);
});

test('every load and every action starts with its own guard line', () => {
	for (const route of modRoutes) {
		if (!route.server) continue;
		const guard = ADMIN_ONLY.has(route.pattern) ? 'requireAdmin' : 'require(Moderator|Admin)';
		if (route.loadSource && route.pattern !== '/mod/login') {
			const first = route.loadSource.split('\n').find((l) => l.startsWith('\t'))!;
			expect(first, `${route.pattern} load`).toMatch(
				new RegExp(`^\\t(const \\w+ = )?${guard}\\(event\\);$`)
			);
		}
		for (const action of route.actions) {
			if (PUBLIC.has(actionUrl(route.pattern, action.name))) continue;
			const first = action.body.split('\n')[1];
			expect(first, `${route.pattern} ${action.name}`).toMatch(
				new RegExp(`^\\t\\tconst \\w+ = ${guard}\\(event\\);$`)
			);
		}
	}
});

test('anonymous requests to every page and every action are refused', async () => {
	for (const route of modRoutes) {
		if (route.hasPage && !PUBLIC.has(route.pattern)) {
			const response = await anonymous.get(url(route.pattern), { maxRedirects: 0 });
			expectRefused(response.status(), response.headers().location, `GET ${route.pattern}`);
			// The client-side navigation data endpoint is guarded the same way.
			const data = await anonymous.get(url(route.pattern).replace(/\/?$/, '/__data.json'), {
				maxRedirects: 0
			});
			const body = await data.text();
			expect(body, `__data.json ${route.pattern}`).toMatch(/"type":"redirect"|"status":40[13]/);
		}
		for (const action of route.actions) {
			const target = actionUrl(route.pattern, action.name);
			if (PUBLIC.has(target)) continue;
			const response = await anonymous.post(target, {
				form: { id: String(recordId), version: '1', user: '1', confirm: 'yes' },
				maxRedirects: 0
			});
			expectRefused(response.status(), response.headers().location, `POST ${target}`);
		}
	}
	// The record is untouched.
	const page = await admin.get(url('/mod/records/[id]'));
	expect(await page.text()).toContain('第 1 版');
});

test('moderators are refused on admin-only pages and actions, and reach the others', async () => {
	let adminOnly = 0;
	for (const route of modRoutes) {
		if (route.hasPage && route.pattern !== '/mod/login') {
			const response = await moderator.get(url(route.pattern), { maxRedirects: 0 });
			if (ADMIN_ONLY.has(route.pattern)) {
				adminOnly++;
				expect(response.status(), `GET ${route.pattern}`).toBe(403);
			} else expect(response.status(), `GET ${route.pattern}`).toBe(200);
			// Admins reach every page: the walk hits real routes.
			expect((await admin.get(url(route.pattern), { maxRedirects: 0 })).status()).toBe(200);
		}
		for (const action of ADMIN_ONLY.has(route.pattern) ? route.actions : []) {
			adminOnly++;
			const target = actionUrl(route.pattern, action.name);
			const response = await moderator.post(target, {
				form: { id: String(recordId), user: '1', confirm: 'yes', password: 'x'.repeat(12) },
				maxRedirects: 0
			});
			expect(response.status(), `POST ${target}`).toBe(403);
		}
	}
	expect(adminOnly).toBeGreaterThanOrEqual(7);
	const stillThere = await admin.get(url('/mod/records/[id]'), { maxRedirects: 0 });
	expect(stillThere.status()).toBe(200);
});

test('every /api write endpoint refuses anonymous requests', async () => {
	const endpoints = walk(join(ROUTES, 'api'))
		.map((dir) => join(dir, '+server.ts'))
		.filter(existsSync);
	expect(endpoints.length).toBeGreaterThan(0);
	for (const file of endpoints) {
		const source = readFileSync(file, 'utf8');
		const pattern = '/' + relative(ROUTES, file).split(sep).slice(0, -1).join('/');
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
			const declared = new RegExp(`export (const|async function|function) ${method}\\b`).test(
				source
			);
			const response = await anonymous.fetch(url(pattern).replace(/\[\w+\]/g, String(recordId)), {
				method,
				data: {},
				maxRedirects: 0
			});
			if (declared) {
				expectRefused(response.status(), response.headers().location, `${method} ${pattern}`);
			} else {
				// Not declared: SvelteKit answers 405 — nothing to walk.
				expect(response.status(), `${method} ${pattern}`).toBe(405);
			}
		}
	}
});
