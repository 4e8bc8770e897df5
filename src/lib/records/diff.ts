/**
 * Field-by-field differences between two revision snapshots (see snapshotOf in
 * server/records.ts), in words a moderator reads. Pure and client-safe.
 */
import { type Kind, KIND_LABELS, STATUS_LABELS, SUBTYPE_LABELS } from './kinds';
import { COMMON_LABELS, KIND_FIELDS, phoneLine } from './formFields';

export interface FieldChange {
	field: string;
	label: string;
	before: string;
	after: string;
}

interface Snapshot {
	kind?: Kind;
	subtype?: string | null;
	title?: string;
	status?: string;
	district?: string | null;
	fields?: Record<string, unknown>;
	phones?: { number: string; raw: string; label?: string }[];
	emails?: string[];
}

function parse(json: string | null): Snapshot {
	if (!json) return {};
	try {
		return JSON.parse(json) as Snapshot;
	} catch {
		return {};
	}
}

function show(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'boolean') return value ? '是' : '否';
	if (Array.isArray(value)) return value.map(show).join('\n');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** A snapshot as label → readable value, in form order. */
function readable(s: Snapshot, kind: Kind | undefined): Map<string, string> {
	const out = new Map<string, string>();
	out.set('kind', s.kind ? (KIND_LABELS[s.kind] ?? s.kind) : '');
	out.set('title', s.title ?? '');
	out.set('status', s.status ? (STATUS_LABELS[s.status] ?? s.status) : '');
	out.set('subtype', s.subtype ? (SUBTYPE_LABELS[s.subtype] ?? s.subtype) : '');
	out.set('district', s.district ?? '');
	out.set('phones', (s.phones ?? []).map((p) => `${phoneLine(p)}（${p.number}）`).join('\n'));
	out.set('emails', (s.emails ?? []).join('\n'));
	const fields = s.fields ?? {};
	const known = kind ? KIND_FIELDS[kind].map((f) => f.name) : [];
	for (const name of known) out.set(name, show(fields[name]));
	for (const [name, value] of Object.entries(fields))
		if (!out.has(name)) out.set(name, show(value));
	return out;
}

/** The fields that differ between two snapshots; `before` null for a record's first revision. */
export function diffSnapshots(before: string | null, after: string): FieldChange[] {
	const a = parse(before);
	const b = parse(after);
	const kind = b.kind ?? a.kind;
	const ra = readable(a, kind);
	const rb = readable(b, kind);
	const names = [...new Set([...rb.keys(), ...ra.keys()])];
	// Labels of both kinds: a kind change drops fields of the old one (shown as emptied).
	const labels = Object.fromEntries(
		[a.kind, b.kind].flatMap((k) => (k ? KIND_FIELDS[k].map((f) => [f.name, f.label]) : []))
	) as Record<string, string>;
	const changes: FieldChange[] = [];
	for (const field of names) {
		const x = ra.get(field) ?? '';
		const y = rb.get(field) ?? '';
		if (x !== y)
			changes.push({
				field,
				label: COMMON_LABELS[field] ?? labels[field] ?? field,
				before: x,
				after: y
			});
	}
	return changes;
}

/** An ISO instant as China time for people: 2024-11-05 14:30. */
export function formatDateTime(iso: string): string {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return iso;
	return new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
