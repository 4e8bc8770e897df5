/**
 * The record contract: what `extract()` returns, what `npm run extract -- --json` prints and
 * what the database and pages are built from. Keep it stable: outside checks read it.
 * Fields that are unknown are omitted (never `null`, never empty strings).
 */

import type { FamilySearchSubtype, Kind, LostFoundSubtype, ProcedureSubtype } from './kinds';

/** Where a record came from: `text.slice(start, end)` of the file as JavaScript reads it. */
export interface SourceSpan {
	file: string;
	start: number;
	end: number;
}

export interface Phone {
	/** Normalised: 0731-28681234, 13307330000, 12345, 010-12345678. */
	number: string;
	/** As printed (after joining line breaks). */
	raw: string;
	/** What the number is for, when the text says (e.g. 咨询电话, 联系人 张三). */
	label?: string;
}

interface RecordBase {
	kind: Kind;
	subtype?: string;
	title: string;
	source: SourceSpan;
	/** 0..1; below CONFIDENCE_THRESHOLD the importer stores the record as a draft. */
	confidence: number;
	district?: string;
	phones: Phone[];
	emails: string[];
	/** Why confidence was lowered, in plain words for the moderators' queue. */
	flags?: string[];
}

export interface HotlineRecord extends RecordBase {
	kind: 'hotline';
	name: string;
	organization?: string;
	address?: string;
	hours?: string;
	emergency?: boolean;
}

export interface ProcedureRecord extends RecordBase {
	kind: 'procedure';
	subtype?: ProcedureSubtype;
	question?: string;
	department?: string;
	answer?: string;
	steps?: string[];
	requirements?: string[];
	timeLimit?: string;
	fee?: string;
	location?: string;
}

export interface LostFoundRecord extends RecordBase {
	kind: 'lost_found';
	subtype: LostFoundSubtype;
	holder?: string;
	documentType?: string;
	documentNumber?: string;
	item?: string;
	place?: string;
	date?: string;
	/** Who to contact about a lost or found thing (王先生, 联系人 张三). */
	contactName?: string;
	/** A reward offered for a lost thing, as printed (必有重谢, 酬金500元). */
	reward?: string;
	/** Where a found thing can be claimed (城东派出所). */
	claimPlace?: string;
}

export interface FamilySearchRecord extends RecordBase {
	kind: 'family_search';
	subtype: FamilySearchSubtype;
	foundAt?: string;
	lostAt?: string;
	place?: string;
	gender?: '男' | '女';
	age?: string;
	features?: string[];
	contactName?: string;
	noticeDeadline?: string;
	/** Who publishes the notice (社会福利院, 救助管理站, 民政局). */
	organization?: string;
	/** The name of the person sought or taken in, when printed. */
	personName?: string;
}

export interface EventRecord extends RecordBase {
	kind: 'event';
	organizer?: string;
	startsOn?: string;
	endsOn?: string;
	deadline?: string;
	location?: string;
	howToRegister?: string[];
	fee?: string;
	audience?: string;
}

export type ExtractedRecord =
	HotlineRecord | ProcedureRecord | LostFoundRecord | FamilySearchRecord | EventRecord;
