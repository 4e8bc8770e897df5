/**
 * npx tsx scripts/cpuprofile-top.ts PROFILE.cpuprofile [N] [UNDER]
 *
 * The top N functions (default 30) of a V8 CPU profile (`node --cpu-prof`) by self time and by
 * total time, named `function file:line`; regexes appear as `RegExp: <source>`. With UNDER (a
 * function name, e.g. `extract`), only samples taken inside a call of that function count,
 * so a profile of scripts/profile-extract.ts shows the extractor without module loading and
 * page generation. Optimised code inlines small functions into their callers: their time is
 * then the caller's.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [file, topText, under] = process.argv.slice(2);
if (!file) {
	console.error('usage: cpuprofile-top.ts PROFILE.cpuprofile [N] [UNDER]');
	process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topText ?? 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const micros = new Map<number, number>();
profile.samples.forEach((id, i) =>
	micros.set(id, (micros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
);

const name = (n: ProfileNode) =>
	`${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*?\/(src|bench|scripts|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const ancestors = function* (n: ProfileNode): Generator<ProfileNode> {
	for (let c: ProfileNode | undefined = n; c; c = byId.get(parent.get(c.id) ?? -1)) yield c;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const n of profile.nodes) {
	const t = micros.get(n.id) ?? 0;
	if (!t) continue;
	const chain = [...ancestors(n)];
	if (under && !chain.some((c) => c.callFrame.functionName === under)) continue;
	all += t;
	self.set(name(n), (self.get(name(n)) ?? 0) + t);
	// Each function once per sample, however deep its recursion.
	for (const key of new Set(chain.map(name))) total.set(key, (total.get(key) ?? 0) + t);
}

const show = (title: string, m: Map<string, number>) => {
	console.log(`== ${title} (${(all / 1000).toFixed(0)} ms sampled)`);
	for (const [key, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		const line = `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / all).toFixed(1).padStart(5)}%  ${key}`;
		console.log(line.length > 160 ? `${line.slice(0, 159)}…` : line);
	}
};
show('self time', self);
show('total time', total);
