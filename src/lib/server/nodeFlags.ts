/**
 * Node flags the production server runs with: `npm start` (scripts/start.ts) passes them, and
 * `npm run bench` starts the server with the same ones so it measures what runs in production.
 *
 * --max-semi-space-size=8 (MB): V8's young generation otherwise grows to 3 × 32 MB under load,
 * and the server's peak RSS with it — 376 MB at 25 connections, over the 300 MB budget, while
 * live data stays near 25 MB. With 8 MB semi-spaces the peak is ~275 MB at a million records
 * and throughput is unchanged within noise (1045 vs 1085 req/s home, 811 vs 890 search).
 *
 * --max-old-space-size=192 (MB): under load the old generation otherwise fills with garbage
 * before V8 collects it — a run at a million records peaked at 309 MB. With the limit V8
 * collects sooner: 247 → 164 MB under 25 connections on the seed pages, with the same p99
 * (55 vs 58 ms on a record page). Live data stays near 25–40 MB (the read memo is capped at
 * 500 entries; imports and backups run in their own processes), so the limit is about five
 * times what the server holds. (--optimize-for-size, tried too, cut memory further but put
 * the search page's p99 over its 75 ms budget.)
 */
export const SERVER_NODE_FLAGS: readonly string[] = [
	'--max-semi-space-size=8',
	'--max-old-space-size=192'
];
