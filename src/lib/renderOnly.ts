/**
 * Page data that a server-rendered page without client-side JavaScript (`csr = false`) renders
 * and never sends.
 *
 * SvelteKit serialises every page's data for hydration with devalue, even where `csr = false`
 * means the serialised text is thrown away: on the search page that was a tenth of the server's
 * CPU time per request (see the README's benchmark section). A value marked here is an
 * instance of RenderOnly, which the `transport` hook (src/hooks.ts) encodes as a placeholder,
 * so devalue does not walk it. The marked value keeps its own properties, so the page reads it
 * as before.
 *
 * A data request (`__data.json`, a client-side navigation from a hydrated page) does need the
 * data: there the value is returned unmarked and serialised as usual.
 */
export class RenderOnly {}

/** `value` marked as render-only, or `value` itself for a data request. */
export function renderOnly<T extends object>(value: T, isDataRequest: boolean): T {
	return isDataRequest ? value : Object.assign(new RenderOnly(), value);
}
