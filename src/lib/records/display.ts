/**
 * Display helpers shared by pages and the API. Pure functions, safe on client and server.
 */

/** Text as HTML text: markup in a record's fields shows as characters, never as elements. */
export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

/** `tel:` URI for a normalised number (0731-28681234 → tel:073128681234). */
export function telHref(number: string): string {
	return 'tel:' + number.replace(/[^\d+]/g, '');
}

/** 2024-11-05 → 2024年11月5日; date-times keep their time. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
	if (!m) return iso;
	const date = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
	return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}
