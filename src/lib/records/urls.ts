/** A URL's path and query with some parameters replaced (undefined/null/'' removes one). */
export function hrefWith(
	url: URL,
	changes: Record<string, string | number | null | undefined>
): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined || value === null || value === '') params.delete(key);
		else params.set(key, String(value));
	}
	const qs = params.toString();
	return url.pathname + (qs ? `?${qs}` : '');
}
