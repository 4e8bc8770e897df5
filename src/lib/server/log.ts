/**
 * Structured logs: one JSON object per line on stdout.
 * Note: callers pass paths without query strings, and nothing here ever logs bodies, cookies or
 * tokens; `redact` masks anything shaped like an ID-card number as a second line of defence.
 */
import { maskPersonalNumbers } from '../records/privacy';

export interface RequestLog {
	id: string;
	method: string;
	path: string;
	status: number;
	ms: number;
}

/** Masks personal numbers with the one function that decides what is personal. */
export function redact(text: string): string {
	return maskPersonalNumbers(text);
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
