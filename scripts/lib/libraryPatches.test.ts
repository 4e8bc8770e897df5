import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from 'svelte/compiler';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { applyPatch, PATCHES, type Patch } from './libraryPatches';

const require = createRequire(import.meta.url);
const svelteDir = dirname(require.resolve('svelte/package.json'));
const kitDir = dirname(require.resolve('@sveltejs/kit/package.json'));
const installed = (patch: Patch) =>
	patch.file.startsWith('/svelte/')
		? join(svelteDir, patch.file.slice('/svelte/'.length))
		: join(kitDir, patch.file.slice('/@sveltejs/kit/'.length));
const patchOf = (suffix: string) => PATCHES.find((p) => p.file.endsWith(suffix))!;

const temp = mkdtempSync(join(tmpdir(), 'bianmin-library-patches-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes the patched module to a temporary file, its relative imports made absolute. */
async function importPatched(patch: Patch, name: string, rewrite = (code: string) => code) {
	const file = installed(patch);
	const code = rewrite(applyPatch(patch, readFileSync(file, 'utf8'))).replace(
		/from '(\.\.?\/[^']+)'/g,
		(_, spec: string) => `from '${new URL(spec, pathToFileURL(file)).href}'`
	);
	const path = join(temp, name);
	writeFileSync(path, code);
	return import(/* @vite-ignore */ pathToFileURL(path).href);
}

describe('the patches match the installed libraries', () => {
	it.each(PATCHES.map((p) => [p.file, p] as const))('%s', (_, patch) => {
		const patched = applyPatch(patch, readFileSync(installed(patch), 'utf8'));
		for (const { to } of patch.replace) expect(patched).toContain(to);
	});

	it('stop the build, naming the file, when the text to patch is not there', () => {
		const patch = patchOf('legacy-server.js');
		expect(() => applyPatch(patch, 'export const nothing = 1;')).toThrow(
			/legacy-server\.js, found it 0 times/
		);
	});
});

describe("Svelte's legacy render, patched", () => {
	it('gives each render its own head and html through getters shared by all renders', async () => {
		const { asClassComponent } = await importPatched(
			patchOf('legacy-server.js'),
			'legacy-server.mjs'
		);
		const component = compile(
			'<script>let { name } = $props();</script><svelte:head><title>{name}</title></svelte:head><p>你好，{name}</p>',
			{ generate: 'server', name: 'Hello' }
		).js.code.replace(
			"from 'svelte/internal/server'",
			`from '${pathToFileURL(join(svelteDir, 'src/internal/server/index.js')).href}'`
		);
		writeFileSync(join(temp, 'Hello.mjs'), component);
		const { default: Hello } = await import(
			/* @vite-ignore */ pathToFileURL(join(temp, 'Hello.mjs')).href
		);
		const Legacy = asClassComponent(Hello);

		const a = Legacy.render({ name: '株洲' });
		const b = Legacy.render({ name: '芦淞' });
		expect(a.html).toContain('你好，株洲');
		expect(b.html).toContain('你好，芦淞');
		expect(a.head).toContain('<title>株洲</title>');
		expect(a.css).toEqual({ code: '', map: null });
		// What SvelteKit does with it: await the thenable.
		const awaited = await a;
		expect(awaited).toEqual({ css: { code: '', map: null }, head: a.head, html: a.html });
		// The point of the patch: the same getter function for every render.
		const getter = (o: object, key: string) => Object.getOwnPropertyDescriptor(o, key)?.get;
		expect(getter(a, 'html')).toBeTypeOf('function');
		expect(getter(a, 'html')).toBe(getter(b, 'html'));
		expect(getter(a, 'head')).toBe(getter(b, 'head'));
	});
});

describe("SvelteKit's tracked URL, patched", () => {
	const load = () =>
		importPatched(patchOf('/utils/url.js'), 'url.mjs', (code) =>
			code.replace("import { BROWSER, DEV } from 'esm-env';", 'const BROWSER = false, DEV = false;')
		);

	it('reads each URL through getters shared by all URLs, and tracks every read', async () => {
		const { make_trackable } = await load();
		const reads: string[] = [];
		const a = make_trackable(
			new URL('https://bianmin.example/search?q=医保&page=2'),
			() => reads.push('url'),
			(param: string) => reads.push(`param:${param}`)
		);
		const b = make_trackable(
			new URL('https://bianmin.example/records/7'),
			() => reads.push('b'),
			() => {}
		);

		expect(a.pathname).toBe('/search');
		expect(b.pathname).toBe('/records/7');
		expect(a.search).toBe('?q=%E5%8C%BB%E4%BF%9D&page=2');
		expect(a.href).toBe('https://bianmin.example/search?q=%E5%8C%BB%E4%BF%9D&page=2');
		expect(String(b)).toBe('https://bianmin.example/records/7');
		expect(JSON.stringify({ b })).toBe('{"b":"https://bianmin.example/records/7"}');
		expect(a.searchParams.get('q')).toBe('医保');
		expect(reads).toEqual(['url', 'b', 'url', 'url', 'b', 'b', 'param:q']);
		expect(() => a.hash).toThrow(/Cannot access event.url.hash/);

		const descriptor = (o: object, key: string) => Object.getOwnPropertyDescriptor(o, key);
		expect(descriptor(a, 'pathname')?.get).toBe(descriptor(b, 'pathname')?.get);
		expect(descriptor(a, 'pathname')?.enumerable).toBe(true);
		expect(descriptor(a, 'hash')?.get).toBe(descriptor(b, 'hash')?.get);
	});

	it('tracks the hash where it is allowed', async () => {
		const { make_trackable } = await load();
		let reads = 0;
		const url = make_trackable(
			new URL('https://bianmin.example/#top'),
			() => reads++,
			() => {},
			true
		);
		expect(url.hash).toBe('#top');
		expect(reads).toBe(1);
	});
});

describe("SvelteKit's CSP, patched", () => {
	const csp = patchOf('/page/csp.js');
	const load = () => importPatched(csp, 'csp.mjs');
	const loadUnpatched = () => importPatched({ ...csp, replace: [] }, 'csp-unpatched.mjs');
	const config = (mode: 'hash' | 'nonce' | 'auto') => ({
		mode,
		directives: { 'script-src': ['self'] },
		reportOnly: { 'script-src': ['self'], 'report-uri': ['/csp-report'] }
	});
	afterEach(() => vi.restoreAllMocks());

	it('draws no nonce in hash mode; scripts are allowed by their hash', async () => {
		const { Csp } = await load();
		const draws = vi.spyOn(globalThis.crypto, 'getRandomValues');
		const policy = new Csp(config('hash'), { prerender: false });
		policy.add_script('console.log(1)');
		const header: string = policy.csp_provider.get_header();
		expect(draws).not.toHaveBeenCalled();
		expect(header).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}'/);
		expect(header).not.toContain('nonce-');
		expect(policy.report_only_provider.get_header()).toContain("'sha256-");
	});

	it('draws one nonce, used in both headers, where nonces are the mode', async () => {
		const { Csp } = await load();
		for (const [mode, prerender] of [
			['nonce', false],
			['auto', false]
		] as const) {
			const draws = vi.spyOn(globalThis.crypto, 'getRandomValues');
			const policy = new Csp(config(mode), { prerender });
			policy.add_script('console.log(1)');
			const nonce: string = policy.nonce;
			expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
			expect(policy.nonce).toBe(nonce);
			expect(policy.csp_provider.get_header()).toContain(`'nonce-${nonce}'`);
			expect(policy.report_only_provider.get_header()).toContain(`'nonce-${nonce}'`);
			expect(draws).toHaveBeenCalledTimes(1);
			expect(new Csp(config(mode), { prerender }).nonce).not.toBe(nonce);
			vi.restoreAllMocks();
		}
	});

	it('(unpatched, SvelteKit draws a nonce for every response even in hash mode)', async () => {
		const { Csp } = await loadUnpatched();
		const draws = vi.spyOn(globalThis.crypto, 'getRandomValues');
		new Csp(config('hash'), { prerender: false });
		expect(draws).toHaveBeenCalledTimes(1);
	});

	it('gives the page template the nonce only when it asks for one', () => {
		const render = readFileSync(installed(patchOf('/page/render.js')), 'utf8');
		const patched = applyPatch(patchOf('/page/render.js'), render);
		expect(patched).toContain(`nonce: options.app_template_contains_nonce ? csp.nonce : '',`);
		// Every other read of the nonce in the render is behind script_needs_nonce or
		// style_needs_nonce, which hash mode never sets.
		const reads = patched.split('\n').filter((line) => line.includes('csp.nonce'));
		expect(reads.length).toBeGreaterThan(0);
		for (const line of reads) expect(line).toMatch(/needs_nonce|app_template_contains_nonce/);
	});
});
