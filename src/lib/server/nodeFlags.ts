/**
 * Node flags the production server runs with: `npm start` (scripts/start.ts) passes them, and
 * `npm run bench` starts the server with the same ones so it measures what runs in production.
 *
 * --max-semi-space-size=12 (MB): V8's young generation otherwise grows to 3 × 32 MB under
 * load, and the server's peak RSS with it — 376 MB at 25 connections, over the 300 MB budget,
 * while live data stays near 25 MB. It was 8 MB at first (peak ~275 MB at a million records,
 * throughput unchanged within noise). In the search mix, though, a request lives about 50 ms
 * (25 connections queue for the one thread), as long as 8 MB of young generation lasted: what
 * requests in flight held survived two scavenges and was promoted, to be marked and compacted
 * in the old generation. With 12 MB the mix ran at 465–493 against 354–479 req/s (five
 * alternating pairs, each of 12 MB won), for 2–8 MB more peak memory, paid for by the main
 * connection's smaller page cache (db/index.ts, getDatabase). V8 rounds the size to a power of
 * two: under the mix the new space was 32 MB with any value from 10 to 16, and 16 MB with 8
 * (v8.getHeapSpaceStatistics), so 12 acts as 16 would.
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
	'--max-semi-space-size=12',
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
