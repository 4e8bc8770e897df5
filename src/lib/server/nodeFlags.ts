/**
 * Node flags the production server runs with: `npm start` (scripts/start.ts) passes them, and
 * `npm run bench` starts the server with the same ones so it measures what runs in production.
 *
 * --max-semi-space-size=8 (MB): V8's young generation otherwise grows to 3 × 32 MB under
 * load, and the server's peak RSS with it — 376 MB at 25 connections, over the 300 MB budget,
 * while live data stays near 25 MB. V8 rounds the size to a power of two (8 gives a 16 MB new
 * space under load, 10 to 16 give 32 MB: v8.getHeapSpaceStatistics). From the fourth to the
 * eighth session it was 12: a search page's render was kept alive through two scavenges by
 * getters Svelte and SvelteKit made per request (scripts/lib/libraryPatches.ts), and the larger
 * young generation promoted less of it. With those getters shared, 8 and 12 ran the search mix
 * at the same speed (671 against 672 req/s, main thread 1.42 against 1.43 ms per request, 28
 * alternating phases), and 8 peaked 20 MB lower (211 against 231 MB).
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

/**
 * Environment the production server starts with unless it is set already (`npm start`, and
 * `npm run bench` for the same reason as the flags).
 *
 * MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own malloc arena (up to 8 per
 * core), and each arena keeps what was freed in it. The server's threads (V8's compiler and
 * garbage-collector helpers, the SQLite reader) held 36–43 MB in them at a million records, and
 * the peak RSS under the search mix jumped now and then to 264–279 MB. With two arenas it was
 * 243–262 MB in six runs (251–279 MB in six without, means 251 and 262), with the same
 * throughput within the machine's noise.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
