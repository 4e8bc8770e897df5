import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';

/** A Chinese telephone area code: 010, 020 … 029, or 0 + three digits (0731). */
export const AREA_CODE_RE = /^0(?:[12]\d|[3-9]\d{2})$/;

/**
 * `manifest.json` beside newspaper page files says which paper, date and page each file is.
 * The page label is null where the text does not print it; a moderator can correct it later.
 * `areaCode` is the paper's city's (default 0731, Zhuzhou).
 */
export const ManifestSchema = v.object({
	pages: v.array(
		v.object({
			file: v.pipe(v.string(), v.minLength(1)),
			paper: v.pipe(v.string(), v.minLength(1)),
			published: v.pipe(v.string(), v.isoDate()),
			page: v.nullable(v.string()),
			/** The paper's telephone area code (0931 …), given to numbers printed without one. */
			areaCode: v.optional(
				v.pipe(v.string(), v.regex(AREA_CODE_RE, 'areaCode must look like 0731'))
			)
		})
	)
});

export type ManifestEntry = v.InferOutput<typeof ManifestSchema>['pages'][number];

const cache = new Map<string, Map<string, ManifestEntry> | Error>();

/**
 * The manifest entry for a page file, looked up in the manifest.json of the file's own folder.
 * Returns an Error (not thrown) when the manifest exists but is invalid, so callers can report it.
 */
export function manifestEntryFor(file: string): ManifestEntry | Error | undefined {
	const path = join(dirname(file), 'manifest.json');
	let entries = cache.get(path);
	if (!entries) {
		if (!existsSync(path)) return undefined;
		try {
			const parsed = v.safeParse(ManifestSchema, JSON.parse(readFileSync(path, 'utf8')));
			entries = parsed.success
				? new Map(parsed.output.pages.map((p) => [p.file, p]))
				: new Error(
						`${path}: ${parsed.issues[0].message} at ${v.getDotPath(parsed.issues[0]) ?? '?'}`
					);
		} catch (error) {
			entries = new Error(`${path}: not valid JSON (${(error as Error).message})`);
		}
		cache.set(path, entries);
	}
	if (entries instanceof Error) return entries;
	return entries.get(basename(file));
}
