import type { Plugin } from 'vite';

/**
 * A Vite plugin that patches Svelte and SvelteKit at build time where they cost every request
 * something for nothing. Two kinds of patch, each measured under the search mix:
 *
 * 1. Getters shared by all calls instead of closures made anew for every request (PATCHES'
 *    first two). V8 allocates the pair behind an accessor property (getter and setter) in the
 *    old generation. A getter created per call is young; referenced from an old pair, it
 *    survives every young-generation collection (scavenge) until the next full mark-compact,
 *    and with it all that its closure captured. Two such getters sit on every page request:
 *
 *    - Svelte's `asClassComponent(...).render` (svelte/legacy), through which SvelteKit renders
 *      its root component, returns an object whose `head` and `html` getters capture the render
 *      result: the whole rendered page, its strings and renderer tree.
 *    - SvelteKit's `make_trackable` gives each server `load` a URL whose `href`, `pathname`,
 *      `search`, … getters capture the load's state (its event, its dependency tracking).
 *
 *    So a search page's render stayed alive for the next two scavenges and was promoted to the
 *    old generation: 45 of the 300 kB a request allocated, marked and compacted again about
 *    every 0.35 s under the search mix (scavenge traces of `Server.respond` called in a loop,
 *    12,000 requests). With the getters shared and the per-call state in a symbol-keyed data
 *    property, 11 kB; the same page, byte for byte. (A getter shared by all calls is itself old,
 *    and a per-call *data* property holds nothing across a scavenge: it lives in the young
 *    object.)
 *
 * 2. No CSP nonce where none is used (the last two). SvelteKit draws a random nonce for every
 *    response (`crypto.getRandomValues`, then base64), whatever `kit.csp.mode` says; in 'hash'
 *    mode, ours (svelte.config.js), nothing reads it unless the page template holds
 *    `%sveltekit.nonce%`, which ours does not. Drawn only when read, it costs nothing here.
 *    Together with the memo's cheaper stamp (dialect/sqlite.ts, directChangeStamp) the main
 *    thread's time per search-mix request fell 8 % (1.35 → 1.24 ms, 16 alternating phases).
 *
 * Each rewrite replaces text that must be found exactly once in the installed library; if an
 * upgrade changed it, the build stops here with the file named, so the patch is looked at again
 * (and dropped if upstream has fixed it), never silently skipped.
 */
export function libraryPatches(): Plugin {
	return {
		name: 'bianmin:library-patches',
		enforce: 'pre',
		transform(code, id) {
			const path = normalizeId(id);
			const patch = PATCHES.find((p) => path.endsWith(p.file));
			return patch ? applyPatch(patch, code) : null;
		}
	};
}

export interface Patch {
	/** The module, as the end of its path under node_modules. */
	file: string;
	/** Each `from` must occur exactly once; it is replaced by `to`. */
	replace: { from: string; to: string }[];
	/** Appended to the module: the shared getters. */
	append: string;
}

/** SvelteKit's message for `url.hash` read on the server, as its source spells it. */
const HASH_REFUSED =
	"'Cannot access event.url.hash. Consider using `page.url.hash` inside a component instead'";

export const PATCHES: readonly Patch[] = [
	{
		file: '/svelte/src/legacy/legacy-server.js',
		replace: [
			{
				from: `				head: {
					get: () => result.head
				},
				html: {
					get: () => result.body
				},`,
				to: `				[bianmin_render_result]: { value: result },
				head: { get: bianmin_legacy_head },
				html: { get: bianmin_legacy_html },`
			}
		],
		append: `
// Patched by scripts/lib/libraryPatches.ts: getters shared by every render, not made per call.
const bianmin_render_result = Symbol('render result');
function bianmin_legacy_head() {
	return this[bianmin_render_result].head;
}
function bianmin_legacy_html() {
	return this[bianmin_render_result].body;
}
`
	},
	{
		file: '/@sveltejs/kit/src/utils/url.js',
		replace: [
			{
				from: `	for (const property of tracked_url_properties) {
		Object.defineProperty(tracked, property, {
			get() {
				callback();
				return url[property];
			},`,
				to: `	Object.defineProperty(tracked, bianmin_tracking, { value: { url, callback } });
	for (const property of tracked_url_properties) {
		Object.defineProperty(tracked, property, {
			get: bianmin_tracked_getter(property),`
			},
			{
				from: `	Object.defineProperty(url, 'hash', {
		get() {
			throw new Error(
				${HASH_REFUSED}
			);
		}
	});`,
				to: `	Object.defineProperty(url, 'hash', { get: bianmin_hash_disabled });`
			}
		],
		append: `
// Patched by scripts/lib/libraryPatches.ts: getters shared by every URL, not made per call.
const bianmin_tracking = Symbol('tracking');
/** One getter per property name, made the first time SvelteKit tracks that property. */
const bianmin_tracked_getters = new Map();
function bianmin_tracked_getter(property) {
	let getter = bianmin_tracked_getters.get(property);
	if (!getter) {
		getter = function () {
			const { url, callback } = this[bianmin_tracking];
			callback();
			return url[property];
		};
		bianmin_tracked_getters.set(property, getter);
	}
	return getter;
}
function bianmin_hash_disabled() {
	throw new Error(${HASH_REFUSED});
}
`
	},
	{
		file: '/@sveltejs/kit/src/runtime/server/page/csp.js',
		replace: [
			{
				from: `	nonce = generate_nonce();`,
				to: `	// Patched by scripts/lib/libraryPatches.ts: drawn when first read.
	#bianmin_nonce;
	get nonce() {
		return (this.#bianmin_nonce ??= generate_nonce());
	}`
			},
			{
				from: `		this.csp_provider = new CspProvider(use_hashes, directives, this.nonce);
		this.report_only_provider = new CspReportOnlyProvider(use_hashes, reportOnly, this.nonce);`,
				to: `		// Patched by scripts/lib/libraryPatches.ts: with hashes the providers never read it.
		const nonce = use_hashes ? '' : this.nonce;
		this.csp_provider = new CspProvider(use_hashes, directives, nonce);
		this.report_only_provider = new CspReportOnlyProvider(use_hashes, reportOnly, nonce);`
			}
		],
		append: ''
	},
	{
		file: '/@sveltejs/kit/src/runtime/server/page/render.js',
		replace: [
			{
				from: `		nonce: /** @type {string} */ (csp.nonce),`,
				to: `		nonce: options.app_template_contains_nonce ? csp.nonce : '',`
			}
		],
		append: ''
	}
];

/** Vite ids may carry a query (`?v=…`) and, on Windows, backslashes. */
function normalizeId(id: string): string {
	return id.split('?')[0].replaceAll('\\', '/');
}

export function applyPatch(patch: Patch, code: string): string {
	let out = code;
	for (const { from, to } of patch.replace) {
		const count = out.split(from).length - 1;
		if (count !== 1)
			throw new Error(
				`libraryPatches: expected the text to patch once in ${patch.file}, found it ${count} times. ` +
					'The library changed: check whether the patch is still needed ' +
					'(scripts/lib/libraryPatches.ts) and update or drop it.'
			);
		out = out.replace(from, () => to);
	}
	return out + patch.append;
}
