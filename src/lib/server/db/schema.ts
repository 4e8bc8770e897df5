import type { ColumnType, Generated } from 'kysely';
import type { PageMediaType } from '../../pages/sniff';
import type { DerivedColumns } from '../../records/columns';
import type { Kind, RecordStatus } from '../../records/kinds';

/** A timestamp column SQLite fills with an ISO string by default. */
type CreatedAt = ColumnType<string, string | undefined, string>;

export interface SourcesTable {
	id: Generated<number>;
	paper: string;
	published: string;
	page: string | null;
	file: string;
	text: string;
	content_hash: string;
	created_at: CreatedAt;
}

export type Role = 'admin' | 'moderator';

export interface UsersTable {
	id: Generated<number>;
	username: string;
	password_hash: string;
	role: Role;
	disabled: ColumnType<number, number | undefined, number>;
	created_at: CreatedAt;
	updated_at: CreatedAt;
}

export interface SessionsTable {
	id: string;
	user_id: number;
	expires_at: number;
	created_at: CreatedAt;
}

export interface LoginAttemptsTable {
	id: Generated<number>;
	key: string;
	at: number;
}

/**
 * The columns listings filter and sort on are derived from a record's fields by toColumns
 * (records/columns.ts); they are declared there once. `keys` goes to the search index only.
 */
export interface RecordsTable extends Omit<DerivedColumns, 'body' | 'keys'> {
	id: Generated<number>;
	kind: Kind;
	subtype: string | null;
	title: string;
	status: ColumnType<RecordStatus, RecordStatus | undefined, RecordStatus>;
	district: string | null;
	body: ColumnType<string, string | undefined, string>;
	data: ColumnType<string, string | undefined, string>;
	confidence: number | null;
	flags: ColumnType<string, string | undefined, string>;
	source_key: string | null;
	extracted_hash: string | null;
	human_edited: ColumnType<number, number | undefined, number>;
	duplicate_of: number | null;
	version: ColumnType<number, number | undefined, number>;
	created_by: number | null;
	created_at: CreatedAt;
	updated_at: CreatedAt;
	published_at: string | null;
	/** Date the information was printed (newest source page) or posted; kept by triggers (0005). */
	issued_on: ColumnType<string | null, string | null | undefined, string | null>;
	/** The first phone number (record_phones by position); kept by triggers (0005). */
	main_phone: ColumnType<string | null, string | null | undefined, string | null>;
	/** Lost & found and 寻亲: what makes a reprint the same notice, hashed (0007, reprints.ts). */
	fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProvenanceTable {
	id: Generated<number>;
	record_id: number;
	source_id: number;
	start: number;
	end: number;
	/** JSON PageRegion (lib/pages/layout.ts) for pages read from a PDF or image; else null. */
	region: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: CreatedAt;
}

export interface RecordPhonesTable {
	id: Generated<number>;
	record_id: number;
	number: string;
	digits: string;
	raw: string;
	label: string | null;
	position: ColumnType<number, number | undefined, number>;
}

export interface RecordEmailsTable {
	id: Generated<number>;
	record_id: number;
	email: string;
}

export interface SuggestionsTable {
	id: Generated<number>;
	record_id: number;
	source_id: number | null;
	data: string;
	status: ColumnType<
		'open' | 'applied' | 'dismissed',
		'open' | undefined,
		'open' | 'applied' | 'dismissed'
	>;
	created_at: CreatedAt;
}

export interface RevisionsTable {
	id: Generated<number>;
	record_id: number;
	version: number;
	user_id: number | null;
	action: string;
	before: string | null;
	after: string;
	created_at: CreatedAt;
}

export interface AuditLogTable {
	id: Generated<number>;
	user_id: number | null;
	username: string | null;
	action: string;
	target_type: string | null;
	target_id: number | null;
	detail: ColumnType<string, string | undefined, string>;
	ip: string | null;
	created_at: CreatedAt;
}

/** The FTS5 index (contentless; rowid = records.id). Written only through search/index.ts. */
export interface RecordFtsTable {
	rowid: number;
	title: string;
	keys: string;
	body: string;
	phones: string;
	/** Title and organisation as pinyin words and initials (migration 0003). */
	pinyin: string;
}

/**
 * Kind and status of each record as one small code, kept by triggers (migration 0002): what
 * search counts its matches with. Never written by the app.
 */
export interface RecordFacetsTable {
	id: number;
	facet: number;
}

/** The facet codes, with the number of records of each (kind, status); kept by triggers. */
export interface RecordFacetCountsTable {
	code: number;
	kind: RecordsTable['kind'];
	status: RecordStatus;
	n: number;
}

export interface SubmissionsTable {
	id: Generated<number>;
	record_id: number;
	token_hash: string;
	address: string;
	phone_digits: string | null;
	fingerprint: string;
	created_at: CreatedAt;
}

export type ReportStatus = 'open' | 'fixed' | 'no_change';

export interface ReportsTable {
	id: Generated<number>;
	record_id: number;
	message: string;
	contact: string | null;
	address: string;
	status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
	reply: string | null;
	resolved_by: number | null;
	resolved_at: string | null;
	created_at: CreatedAt;
}

export interface ParticipationEventsTable {
	id: Generated<number>;
	key: string;
	action: 'submit' | 'report';
	outcome: string;
	at: number;
}

export interface BlockedAddressesTable {
	address: string;
	reason: string | null;
	blocked_by: number | null;
	created_at: CreatedAt;
}

export interface RecordLinksTable {
	/** The smaller record id of the pair. */
	record_a: number;
	record_b: number;
	score: number;
	/** JSON array of the reasons shown when it was confirmed. */
	reasons: ColumnType<string, string | undefined, string>;
	confirmed_by: number | null;
	created_at: CreatedAt;
}

export interface AppSecretsTable {
	name: string;
	value: string;
}

/** An uploaded page file, stored once per content (sha256). */
export interface PageFilesTable {
	id: Generated<number>;
	sha256: string;
	media_type: PageMediaType;
	name: string;
	size: number;
	bytes: Buffer;
	created_by: number | null;
	created_at: CreatedAt;
}

export type PageJobState = 'queued' | 'running' | 'done' | 'failed';

/** One upload's way through the worker (lib/server/pages/jobs.ts). */
export interface PageJobsTable {
	id: Generated<number>;
	file_id: number;
	paper: string;
	published: string | null;
	page: string | null;
	state: ColumnType<PageJobState, PageJobState | undefined, PageJobState>;
	step: ColumnType<string, string | undefined, string>;
	step_done: ColumnType<number, number | undefined, number>;
	step_total: ColumnType<number, number | undefined, number>;
	attempts: ColumnType<number, number | undefined, number>;
	records: number | null;
	source_id: number | null;
	error: string | null;
	created_by: number | null;
	created_at: CreatedAt;
	updated_at: CreatedAt;
	/** Unix ms, refreshed while a process runs the job; null when none does. */
	heartbeat_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A picture of one page of a file, with where each line of its text sits (JSON PageLine[]). */
export interface PageImagesTable {
	id: Generated<number>;
	file_id: number;
	page_no: number;
	media_type: string;
	width: number;
	height: number;
	bytes: Buffer | null;
	lines: ColumnType<string, string | undefined, string>;
}

export interface SourceFilesTable {
	source_id: number;
	file_id: number;
}

/** A row a transaction upserts first to serialise a check-then-write on its key (keyLocks.ts). */
export interface KeyLocksTable {
	key: string;
	locked_at: number;
}

/** One ID-number search from an address (rateLimit.ts), kept for one window. */
export interface IdSearchAttemptsTable {
	key: string;
	at: number;
}

/** PostgreSQL only: bumped by every write to a content table (migration 0007, readCache.ts). */
export interface DataVersionTable {
	id: number;
	version: number;
}

export interface Database {
	page_files: PageFilesTable;
	page_jobs: PageJobsTable;
	page_images: PageImagesTable;
	source_files: SourceFilesTable;
	sources: SourcesTable;
	users: UsersTable;
	sessions: SessionsTable;
	login_attempts: LoginAttemptsTable;
	records: RecordsTable;
	provenance: ProvenanceTable;
	record_phones: RecordPhonesTable;
	record_emails: RecordEmailsTable;
	suggestions: SuggestionsTable;
	revisions: RevisionsTable;
	audit_log: AuditLogTable;
	record_fts: RecordFtsTable;
	record_facets: RecordFacetsTable;
	record_facet_counts: RecordFacetCountsTable;
	submissions: SubmissionsTable;
	reports: ReportsTable;
	participation_events: ParticipationEventsTable;
	blocked_addresses: BlockedAddressesTable;
	app_secrets: AppSecretsTable;
	record_links: RecordLinksTable;
	key_locks: KeyLocksTable;
	id_search_attempts: IdSearchAttemptsTable;
	data_version: DataVersionTable;
}
