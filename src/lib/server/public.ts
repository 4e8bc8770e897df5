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
	if (Array.isArray(value)) return value.map((v) => toPublic(v)) as T;
	// Masked like any object, and still marked (a value marked before masking is masked too).
	if (value instanceof RenderOnly)
		return Object.assign(new RenderOnly(), toPublic({ ...value })) as T;
	if (value && typeof value === 'object' && isPlainObject(value)) {
		// A loop, not fromEntries(entries(…).map(…)): a search page sends a few hundred objects
		// through here, and the arrays in between were work for the garbage collector.
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value)) {
			const masked = toPublic((value as Record<string, unknown>)[key]);
			// A key named __proto__ stays a key (assigning it would set the prototype).
			if (key === '__proto__')
				Object.defineProperty(out, key, {
					value: masked,
					enumerable: true,
					writable: true,
					configurable: true
				});
			else out[key] = masked;
		}
		return out as T;
	}
	return value;
}

function isPlainObject(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
