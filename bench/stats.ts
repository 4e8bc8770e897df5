/** Small statistics helpers for the benchmarks. */

/** The p-th percentile (0–100) of `values` by the nearest-rank method; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Rounds to `digits` decimals (for JSON figures that read well). */
export function round(value: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
