/**
 * Node flags the production server runs with: `npm start` (scripts/start.ts) passes them, and
 * `npm run bench` starts the server with the same ones so it measures what runs in production.
 *
 * --max-semi-space-size=8 (MB): V8's young generation otherwise grows to 3 × 32 MB under load,
 * and the server's peak RSS with it — 376 MB at 25 connections, over the 300 MB budget, while
 * live data stays near 25 MB. With 8 MB semi-spaces the peak is ~275 MB at a million records
 * and throughput is unchanged within noise (1045 vs 1085 req/s home, 811 vs 890 search).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
