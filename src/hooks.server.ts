import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import {
	deleteSessionTokenCookie,
	SESSION_COOKIE,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { compressResponse } from '$lib/server/compression';
import { getDatabase, readerOf } from '$lib/server/db';
import { logRequest } from '$lib/server/log';
import { understand } from '$lib/server/search/understand';
import { startPageWorker } from '$lib/server/pages/worker';

/**
 * Open and migrate the database before the first request, so a bad database fails fast; and
 * load the search's word segmenter and pinyin table (0.2–1 s, once), so the first resident to
 * search does not wait for them.
 */
export const init: ServerInit = async () => {
	const { db } = await getDatabase();
	// Uploaded pages are read (PDF, OCR) and imported by a worker in this process, not in requests.
	if (process.env.BIANMIN_WORKER !== '0') await startPageWorker(db);
	// adapter-node emits this once the HTTP server has closed (SIGTERM, a rolling restart of one
	// of several servers): close the database and the search's reader thread, so a PostgreSQL
	// pool does not hold the process open for its idle timeout, and SQLite checkpoints its WAL.
	process.once('sveltekit:shutdown', () => {
		if (readerOf(db) !== db) void readerOf(db).destroy();
		void db.destroy();
	});
	understand('医保电话 yibao');
};

/** One structured log line per request (no query strings: they may hold ID numbers). */
const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = randomUUID();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} finally {
		logRequest({
			id: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status,
			ms: Math.round((performance.now() - started) * 10) / 10
		});
	}
};

/** Requests other than a page upload keep the small body limit every form had before uploads. */
export const FORM_BODY_LIMIT = 1024 * 1024;
/** Thrown from a handle, an error skips handleError: its message is what the page shows. */
const TOO_LARGE = '提交的内容太大，请删减后再试';
const UPLOAD_PATHS = new Set(['/mod/pages/new']);

/**
 * Reads and discards the rest of a refused body. The client is still sending it: a connection
 * closed under it (what cancelling the body does) makes it see a reset instead of our 413.
 * Bounded by BODY_SIZE_LIMIT, at which adapter-node stops the stream.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done);
	} catch {
		// Over BODY_SIZE_LIMIT, or the client went away: nothing more to read either way.
	}
}

/** The body, failing with a 413 once more than `limit` bytes have arrived. */
function limitBody(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
	const reader = body.getReader();
	let size = 0;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await reader.read();
			if (done) return controller.close();
			size += value.byteLength;
			if (size <= limit) return controller.enqueue(value);
			try {
				error(413, TOO_LARGE);
			} catch (e) {
				controller.error(e);
			}
			void drain(reader);
		},
		cancel: (reason) => reader.cancel(reason)
	});
}

/**
 * BODY_SIZE_LIMIT (adapter-node) must admit a page upload (20 MB); every other request is held
 * to FORM_BODY_LIMIT here: by its Content-Length, or counted as it streams when it has none.
 * Over it: 413, 「提交的内容太大」.
 */
const handleBodyLimit: Handle = async ({ event, resolve }) => {
	const body = event.request.body;
	if (!body || UPLOAD_PATHS.has(event.url.pathname)) return resolve(event);
	const length = Number(event.request.headers.get('content-length') ?? NaN);
	if (length > FORM_BODY_LIMIT) {
		await drain(body.getReader());
		error(413, TOO_LARGE);
	}
	if (Number.isNaN(length)) {
		event.request = new Request(event.request, {
			body: limitBody(body, FORM_BODY_LIMIT),
			duplex: 'half'
		} as RequestInit);
	}
	return resolve(event);
};

/** Rendered HTML, JSON and feeds go out gzip/brotli compressed when the client accepts it. */
const handleCompression: Handle = async ({ event, resolve }) =>
	compressResponse(event.request, await resolve(event));

/** Public read-only outputs other sites may fetch from their pages (CORS, GET only). */
const OPEN_PATHS = /^\/(api\/|feed\.xml$|events\.ics$|records\/\d+\/calendar\.ics$)/;

/**
 * The public API and feeds answer any origin's GET (they are public and need no cookie); the
 * preflight of a cross-site GET is answered here. Nothing else is opened: moderation and forms
 * keep the same-origin rule.
 */
const handleCors: Handle = async ({ event, resolve }) => {
	if (!OPEN_PATHS.test(event.url.pathname) || event.url.pathname.startsWith('/api/mod'))
		return resolve(event);
	if (event.request.method === 'OPTIONS')
		return new Response(null, {
			status: 204,
			headers: {
				'access-control-allow-origin': '*',
				'access-control-allow-methods': 'GET, HEAD, OPTIONS',
				'access-control-allow-headers': 'Accept, Accept-Language, Content-Type',
				'access-control-max-age': '86400'
			}
		});
	const response = await resolve(event);
	if (event.request.method === 'GET' || event.request.method === 'HEAD')
		response.headers.set('access-control-allow-origin', '*');
	return response;
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	// SvelteKit sends pages as bare text/html: say UTF-8, so no browser guesses another charset.
	const type = response.headers.get('content-type');
	if (type && /^text\/html\s*(;|$)/i.test(type) && !/charset=/i.test(type)) {
		response.headers.set('content-type', 'text/html; charset=utf-8');
	}
	return response;
};

/** The body tag as src/app.html writes it (the class goes right after it). */
const BODY_TAG = '<body';

/**
 * 长辈模式 is a cookie, so it works without JavaScript and is rendered on the server. Only its
 * pages are rewritten: a replace over every page copied the whole HTML (about 45 kB of
 * UTF-16 for a search page) once more per request.
 */
const handleLargeText: Handle = async ({ event, resolve }) => {
	event.locals.largeText = event.cookies.get('large_text') === '1';
	if (!event.locals.largeText) return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace(BODY_TAG, `${BODY_TAG} class="large-text"`)
	});
};

/**
 * Sessions the Lucia way: always sets locals.user / locals.session (null when signed out),
 * re-sends the cookie when the session was extended, clears a cookie that no longer works.
 * Responses to a signed-in user are never stored by shared caches.
 */
const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const { db } = await getDatabase();
		const { session, user, fresh } = await validateSessionToken(db, token);
		if (session) {
			event.locals.user = user;
			event.locals.session = session;
			if (fresh) setSessionTokenCookie(event, token, session.expiresAt);
		} else {
			deleteSessionTokenCookie(event);
		}
	}
	const response = await resolve(event);
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle: Handle = sequence(
	handleRequestLog,
	handleBodyLimit,
	handleCompression,
	handleCors,
	handleSecurityHeaders,
	handleAuth,
	handleLargeText
);

/**
 * Unexpected errors are logged (one JSON line on stderr). Errors SvelteKit raises for a bad
 * request — a body over BODY_SIZE_LIMIT (413), a body that is no form (415) — are the client's:
 * the request log line records their status, and the page says what was wrong.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500) {
		console.error(
			JSON.stringify({
				level: 'error',
				id: event.locals.requestId,
				path: event.url.pathname,
				error: String((error as Error)?.stack ?? error)
			})
		);
	}
	return {
		message:
			status === 404
				? '页面不存在'
				: status === 413
					? '提交的内容太大，请删减后再试'
					: status < 500
						? '请求无效，请返回上一页重试'
						: '服务器出了点问题，请稍后再试',
		requestId: event.locals.requestId
	};
};
