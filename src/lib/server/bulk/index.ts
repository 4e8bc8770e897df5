/**
 * Bulk loaders, one per database (sqlite.ts, postgres.ts), writing the rows rows.ts builds: the
 * same ones insertRecord writes.
 */
export { bulkInsertRecords } from './sqlite';
export { bulkInsertRecordsPostgres } from './postgres';
export { bulkRowsOf, type BulkOptions, type BulkRecord, type BulkResult } from './rows';
