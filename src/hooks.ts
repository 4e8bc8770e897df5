import type { Transport } from '@sveltejs/kit';
import { RenderOnly } from '$lib/renderOnly';

export const transport: Transport = {
	// Render-only page data (src/lib/renderOnly.ts) is written as a placeholder, never walked.
	// Only pages without client-side JavaScript mark data, so the browser never decodes one.
	RenderOnly: {
		encode: (value) => value instanceof RenderOnly && 1,
		decode: () => {
			throw new Error('render-only page data reached the browser');
		}
	}
};
