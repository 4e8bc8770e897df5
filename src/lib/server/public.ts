import { RenderOnly } from '../renderOnly';
import { maskPersonalNumbers } from '../records/privacy';

/**
 * THE public boundary: every public load function and endpoint (pages, /api/*, the feed, the
 * calendar file) passes what it sends through toPublic, so a personal number stored anywhere in
 * a record — title, fields, district, organisation, passage, snippet — is masked by the one
 * function that decides what is personal (records/privacy.ts). Moderator pages (/mod) do not
 * use it: moderators check numbers against the page.
 * `src/lib/server/public.test.ts` fails when a public route does not import this module.
 *
 * Note: search snippets are cut from text that was masked first (records/highlight.ts
 * `snippet`), since a window cut inside a number would otherwise show its middle unmasked.
 */
export function toPublic<T>(value: T): T {
	if (typeof value === 'string') return maskPersonalNumbers(value) as T;
	if (Array.isArray(value)) {
		let out: unknown[] | undefined;
		for (let i = 0; i < value.length; i++) {
			const masked = toPublic(value[i]);
			if (!out && masked !== value[i]) out = value.slice(0, i);
			out?.push(masked);
		}
		return (out ?? value) as T;
	}
	// Masked like any object, and still marked (a value marked before masking is masked too).
	if (value instanceof RenderOnly) return maskedObject(value, () => new RenderOnly()) as T;
	if (value && typeof value === 'object' && isPlainObject(value))
		return maskedObject(value as Record<string, unknown>, () => ({})) as T;
	return value;
}

/**
 * `value` with every property masked: `value` itself when masking changed nothing, else a new
 * object from `create` with all its keys. Most of what a page sends holds no ID number, and a
 * search page sends a few hundred objects: copied every time, they were 7 % of what a search
 * request allocated (heap profile of the mix at a million records). Callers treat what they
 * get as read-only, as they treat memoised reads.
 */
function maskedObject(value: object, create: () => object): object {
	const source = value as Record<string, unknown>;
	const keys = Object.keys(source);
	let out: Record<string, unknown> | undefined;
	for (let k = 0; k < keys.length; k++) {
		const masked = toPublic(source[keys[k]]);
		if (!out) {
			if (masked === source[keys[k]]) continue;
			out = create() as Record<string, unknown>;
			for (let j = 0; j < k; j++) setKey(out, keys[j], source[keys[j]]);
		}
		setKey(out, keys[k], masked);
	}
	return out ?? value;
}

function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
	// A key named __proto__ stays a key (assigning it would set the prototype).
	if (key === '__proto__')
		Object.defineProperty(object, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true
		});
	else object[key] = value;
}

function isPlainObject(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
