import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';

/**
 * `manifest.json` beside newspaper page files says which paper, date and page each file is.
 * The page label is null where the text does not print it; a moderator can correct it later.
 */
export const ManifestSchema = v.object({
	pages: v.array(
		v.object({
			file: v.pipe(v.string(), v.minLength(1)),
			paper: v.pipe(v.string(), v.minLength(1)),
			published: v.pipe(v.string(), v.isoDate()),
			page: v.nullable(v.string())
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
