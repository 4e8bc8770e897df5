/**
 * Structured logs: one JSON object per line on stdout.
 * Note: callers pass paths without query strings, and nothing here ever logs bodies, cookies or
 * tokens; `redact` masks anything shaped like an ID-card number as a second line of defence.
 */
export interface RequestLog {
	id: string;
	method: string;
	path: string;
	status: number;
	ms: number;
}

const ID_LIKE = /\d{6}\d{8}\d{3}[\dXx]/g;

export function redact(text: string): string {
	return text.replace(ID_LIKE, (m) => m.slice(0, 6) + '********' + m.slice(-4));
}

export function logRequest(entry: RequestLog): void {
	if (process.env.LOG_REQUESTS === '0') return;
	process.stdout.write(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			...entry,
			path: redact(entry.path)
		}) + '\n'
	);
}
