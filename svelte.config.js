import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'build';
const node = adapter({ out: OUT, precompress: true });

/**
 * adapter-node serves static files (/enhance.js, /_app/*, the favicon) with sirv BEFORE
 * SvelteKit and its hooks run, so hooks.server.ts cannot give them security headers. After the
 * adapter wrote build/, the server's entry (build/index.js, what `node build` runs) gets one
 * middleware in front of the adapter's handler that sets them on every response. The build
 * fails when the entry no longer has the expected shape, rather than serving without them.
 * Pages get the same headers again from handleSecurityHeaders (plus their CSP).
 */
const HEADERS_MIDDLEWARE = `

/** Added by svelte.config.js: every response, static files included, carries these. */
function securityHeaders(req, res, next) {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('X-Frame-Options', 'DENY');
	next();
}
`;

/** @type {import('@sveltejs/kit').Adapter} */
const adapterWithStaticHeaders = {
	...node,
	async adapt(builder) {
		await node.adapt(builder);
		const entry = join(OUT, 'index.js');
		const code = readFileSync(entry, 'utf8');
		const use = '.use(handler)';
		if (code.split(use).length !== 2) throw new Error(`${entry}: expected one ${use}`);
		writeFileSync(entry, code.replace(use, '.use(securityHeaders, handler)') + HEADERS_MIDDLEWARE);
	}
};

const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapterWithStaticHeaders,
		// Note: no inline scripts may run. SvelteKit hashes its own hydration script, so
		// 'self' plus the generated hash is all the page needs.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		// SvelteKit's origin check for form posts stays on (the default); ORIGIN must be set in production.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
