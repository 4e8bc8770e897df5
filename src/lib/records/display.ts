/**
 * Display helpers shared by pages and the API. Pure functions, safe on client and server.
 */

const ID_CARD = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;

/**
 * Masks mainland ID-card numbers (18 characters) to the first 6 and last 4 characters, so a
 * notice can be recognised by its owner without publishing the number.
 * Note: the full number stays in the database and the search index — a person who types their
 * own number finds their notice — but it never leaves the server unmasked.
 */
export function maskIdNumbers(text: string): string {
	return text.replace(ID_CARD, (_m, a: string, b: string, c: string) => {
		return a + '*'.repeat(b.length + c.length - 4) + c.slice(-4);
	});
}

/** True when the string is (only) an 18-character ID-card number. */
export function isIdNumber(value: string): boolean {
	return /^\d{17}[\dXx]$/.test(value.trim());
}

/** `tel:` URI for a normalised number (0731-28687947 → tel:073128687947). */
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
