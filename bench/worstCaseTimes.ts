/**
 * Extraction on pages built to make it hang (src/lib/extract/worstCases.ts): each page's time,
 * the slowest, and the throughput on a directory page of 150,000 hotlines. The unit tests only
 * check these pages yield valid records; how long they take is measured here.
 */
import { extract } from '../src/lib/extract/index';
import { HUGE_LIST_ENTRIES, WORST_CASES, hotlineList } from '../src/lib/extract/worstCases';

export interface WorstCaseFigures {
	pages: number;
	slowest: { name: string; chars: number; ms: number };
	/** Every page, in milliseconds (the best of two runs). */
	ms: Record<string, number>;
	hugeList: { entries: number; mb: number; records: number; ms: number; mbPerSec: number };
}

const OPTIONS = { source: 'worst.txt', published: '2024-11-05' };

function timed(text: string): { ms: number; records: number } {
	let best = Infinity;
	let records = 0;
	for (let run = 0; run < 2; run++) {
		const started = performance.now();
		records = extract(text, OPTIONS).length;
		best = Math.min(best, performance.now() - started);
	}
	return { ms: best, records };
}

export function benchWorstCases(): WorstCaseFigures {
	const ms: Record<string, number> = {};
	let slowest = { name: '', chars: 0, ms: -1 };
	for (const [name, text] of Object.entries(WORST_CASES)) {
		ms[name] = timed(text).ms;
		if (ms[name] > slowest.ms) slowest = { name, chars: text.length, ms: ms[name] };
	}
	const list = hotlineList(HUGE_LIST_ENTRIES);
	const mb = Buffer.byteLength(list, 'utf8') / 1e6;
	const huge = timed(list);
	return {
		pages: Object.keys(WORST_CASES).length,
		slowest,
		ms,
		hugeList: {
			entries: HUGE_LIST_ENTRIES,
			mb,
			records: huge.records,
			ms: huge.ms,
			mbPerSec: mb / (huge.ms / 1000)
		}
	};
}
