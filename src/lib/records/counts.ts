/**
 * An estimated count as residents read it (search counts above 1,000 matches are estimates,
 * see src/lib/server/search/query.ts): 约 860, 约 2300, 约 1.2 万, 约 45 万. Chinese groups
 * large numbers by 万 (10,000), so 12,000 reads 1.2 万, not 12000 or 12k.
 */
export function approximately(n: number): string {
	if (n >= 10_000) {
		const wan = n / 10_000;
		// One decimal below 10 万 (1.2 万), none above (45 万): two significant digits either way.
		const text = wan < 10 ? String(Math.round(wan * 10) / 10) : String(Math.round(wan));
		return `约 ${text} 万`;
	}
	return `约 ${Math.round(n)}`;
}
