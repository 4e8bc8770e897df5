/**
 * HTTP benchmark: the built app (adapter-node) under autocannon, beside a plain node:http
 * server that returns the same bytes (the ceiling for this machine and this Node), plus the
 * weight of the pages and the server's peak memory.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../src/lib/server/nodeFlags';
import { isPostgresUrl } from '../src/lib/server/db/index';

export interface LoadFigures {
	/** Mean requests per second. */
	rps: number;
	p50Ms: number;
	p99Ms: number;
	requests: number;
	/** Non-2xx answers and socket errors: must be 0 for the figure to mean anything. */
	failures: number;
}

export interface PageFigures {
	/** The app under load. */
	app: LoadFigures;
	/** A plain node:http server returning the same bytes. */
	baseline: LoadFigures;
}

export interface PageWeight {
	/** HTML + CSS + JS bodies as sent (brotli or gzip where the server compresses). */
	bytes: number;
	htmlBytes: number;
	cssBytes: number;
	/** JavaScript the page loads, gzip-compressed. */
	jsGzipBytes: number;
	/** JavaScript as sent with brotli. */
	jsBytes: number;
	files: number;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Copies the built app to `dir`/build so a concurrent `vite build` (which rewrites build/)
 * cannot change it mid-run. `dir` must be inside the project, where node_modules resolve.
 */
export function copyBuild(root: string, dir: string): string {
	const from = join(root, 'build');
	if (!existsSync(join(from, 'index.js')))
		throw new Error('no build/ found: run `npm run build` first (or pass --build)');
	const to = join(dir, 'build');
	cpSync(from, to, { recursive: true });
	return to;
}

function waitForOutput(child: ChildProcess, text: string, ms: number): Promise<void> {
	return new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`no "${text}" within ${ms} ms: ${seen}`)), ms);
		const onData = (chunk: Buffer) => {
			seen += chunk.toString();
			if (seen.includes(text)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited (${code}): ${seen}`));
		});
	});
}

export interface RunningServer {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
	return () =>
		new Promise((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
}

/**
 * Starts the built app on a free port against `location` (an SQLite path, or a PostgreSQL URL
 * given as DATABASE_URL as `npm run test:pg` does), with the Node flags and environment of
 * `npm start`; resolves once it listens.
 */
export async function startApp(buildDir: string, location: string): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, buildDir], {
		env: {
			...SERVER_ENV,
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			// DATABASE_URL may be set in the environment (scripts/pg.sh): always say which one.
			...(isPostgresUrl(location)
				? { DATABASE_URL: location, DATABASE_PATH: '' }
				: { DATABASE_PATH: location, DATABASE_URL: '' }),
			LOG_REQUESTS: '0'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// adapter-node prints "Listening on …" once the port is open.
	await waitForOutput(child, 'Listening on', 60_000);
	child.stdout?.resume();
	child.stderr?.resume();
	return { url, pid: child.pid!, stop: stopper(child) };
}

const PLAIN_SERVER = `
import http from 'node:http';
import { readFileSync } from 'node:fs';
const body = readFileSync(process.env.BODY_FILE);
const headers = { ...JSON.parse(process.env.HEADERS), 'content-length': body.length };
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
	.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

/** A plain node:http server (own process, like the app) answering every request with `body`. */
export async function startPlain(
	body: Buffer,
	headers: Record<string, string>,
	scratch: string
): Promise<RunningServer> {
	const port = await freePort();
	const file = join(scratch, `plain-${port}.bin`);
	writeFileSync(file, body);
	const child = spawn(process.execPath, ['--input-type=module', '-e', PLAIN_SERVER], {
		env: {
			...process.env,
			PORT: String(port),
			BODY_FILE: file,
			HEADERS: JSON.stringify(headers)
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await waitForOutput(child, 'ready', 10_000);
	return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: stopper(child) };
}

export interface Fetched {
	status: number;
	headers: Record<string, string>;
	/** The body as sent (still compressed when content-encoding is set). */
	body: Buffer;
}

/** GET without decompressing, so sizes are what travelled. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const out: Record<string, string> = {};
					for (const [k, v] of Object.entries(res.headers))
						if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
					resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
				});
				res.on('error', reject);
			})
			.on('error', reject);
	});
}

/** Headers worth replaying from the app's answer on the baseline server. */
export function replayableHeaders(headers: Record<string, string>): Record<string, string> {
	const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
	return Object.fromEntries(Object.entries(headers).filter(([k]) => !skip.has(k)));
}

/**
 * Runs autocannon: 25 connections for `seconds` against `url`, or against `paths` taken in
 * turn across all connections (so consecutive requests never ask for the same page).
 */
export async function load(
	url: string,
	options: { seconds: number; connections: number; paths?: string[] }
): Promise<LoadFigures> {
	let next = 0;
	const paths = options.paths;
	const result = await autocannon({
		url,
		connections: options.connections,
		duration: options.seconds,
		...(paths
			? {
					requests: [
						{
							method: 'GET',
							setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] })
						}
					]
				}
			: {})
	});
	return {
		rps: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		requests: result.requests.total,
		failures: result.non2xx + result.errors
	};
}

const LINK = /<link\b[^>]*>/gi;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i');
/** Static imports in minified ES modules: `from"./x.js"` and `import"./x.js"`. */
const STATIC_IMPORT = /\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The CSS and JavaScript files an HTML page loads on its own (not on later navigation). */
export function assetsOf(html: string, pageUrl: string): { css: string[]; js: string[] } {
	const css = new Set<string>();
	const js = new Set<string>();
	for (const [tag] of html.matchAll(LINK)) {
		const rel = ATTR('rel').exec(tag)?.[1]?.toLowerCase() ?? '';
		const href = ATTR('href').exec(tag)?.[1];
		if (!href) continue;
		if (rel === 'stylesheet') css.add(new URL(href, pageUrl).href);
		if (rel === 'modulepreload') js.add(new URL(href, pageUrl).href);
	}
	for (const [tag, inline] of html.matchAll(SCRIPT)) {
		const src = ATTR('src').exec(tag)?.[1];
		if (src) js.add(new URL(src, pageUrl).href);
		// SvelteKit's bootstrap script imports its entry points.
		for (const m of inline.matchAll(DYNAMIC_IMPORT)) js.add(new URL(m[1], pageUrl).href);
	}
	return { css: [...css], js: [...js] };
}

/** Bytes a browser downloads for `path` (HTML + CSS + JS), and its JavaScript gzipped. */
export async function pageWeight(base: string, path: string): Promise<PageWeight> {
	const pageUrl = base + path;
	const page = await get(pageUrl, { 'accept-encoding': 'br, gzip' });
	if (page.status !== 200) throw new Error(`${path}: HTTP ${page.status}`);
	// The server compresses HTML (hooks: handleCompression): read the links from the decoded page.
	const encoding = page.headers['content-encoding'];
	const html = (
		encoding === 'br'
			? brotliDecompressSync(page.body)
			: encoding === 'gzip'
				? gunzipSync(page.body)
				: page.body
	).toString('utf8');
	const { css, js } = assetsOf(html, pageUrl);
	let cssBytes = 0;
	for (const href of css)
		cssBytes += (await get(href, { 'accept-encoding': 'br, gzip' })).body.length;
	// Follow static imports too: a chunk the page needs but forgot to preload still loads.
	const queue = [...js];
	const seen = new Set(queue);
	let jsBytes = 0;
	let jsGzipBytes = 0;
	while (queue.length) {
		const href = queue.shift()!;
		const sent = await get(href, { 'accept-encoding': 'br, gzip' });
		if (sent.status !== 200) throw new Error(`${href}: HTTP ${sent.status}`);
		jsBytes += sent.body.length;
		const plain = await get(href);
		const gz = await get(href, { 'accept-encoding': 'gzip' });
		jsGzipBytes +=
			gz.headers['content-encoding'] === 'gzip' ? gz.body.length : gzipSync(plain.body).length;
		for (const m of plain.body.toString('utf8').matchAll(STATIC_IMPORT)) {
			const spec = m[1] ?? m[2];
			if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
			const url = new URL(spec, href).href;
			if (!seen.has(url)) {
				seen.add(url);
				queue.push(url);
			}
		}
	}
	return {
		bytes: page.body.length + cssBytes + jsBytes,
		htmlBytes: page.body.length,
		cssBytes,
		jsGzipBytes,
		jsBytes,
		files: 1 + css.length + seen.size
	};
}

/** Peak resident memory of a process (VmHWM), in MB; 0 where /proc is missing. */
export function peakRssMb(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
		return kb ? Number(kb) / 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * CPU time a process has used so far (user + system), in ms; 0 where /proc is missing. On a
 * shared machine req/s depends on what else runs; CPU per request does not (much).
 */
export function cpuMs(pid: number): number {
	return statCpuMs(`/proc/${pid}/stat`);
}

/**
 * CPU time of a process's main thread so far, in ms (0 where /proc is missing). JavaScript,
 * SQLite and rendering all run on it, so 1000 / (its ms per request) is the most requests per
 * second the server can answer, however many cores the machine has; the rest of cpuMs is
 * V8's garbage-collector and compiler threads.
 */
export function mainThreadCpuMs(pid: number): number {
	return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

function statCpuMs(file: string): number {
	try {
		const stat = readFileSync(file, 'utf8');
		// Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
	} catch {
		return 0;
	}
}
