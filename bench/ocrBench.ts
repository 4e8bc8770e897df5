/**
 * Bench of a photographed page: a full newspaper page (seeds/003 laid out in four columns, the
 * classified notices of tests/fixtures/pages/notice-page.html at its foot) rendered by Chromium
 * to a 2000 px wide PNG, then read the way an uploaded photo is (Tesseract, one thread) and
 * extracted. One page, timed once: OCR dominates and its time is what a moderator waits.
 * Skipped (null) where Chromium or Tesseract is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/lib/extract/index';
import { readPageFile } from '../src/lib/server/pages/read';

export interface OcrFigures {
	width: number;
	height: number;
	/** Characters the OCR read. */
	chars: number;
	ocrSeconds: number;
	extractMs: number;
	records: number;
	/** OCR + extraction: what one uploaded page photo costs. */
	secondsPerPage: number;
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

export async function benchOcrPage(root: string): Promise<OcrFigures | null> {
	const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	try {
		execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
	} catch {
		return null;
	}
	if (!existsSync(chromiumPath)) return null;
	const { chromium } = await import('@playwright/test');
	const article = readFileSync(join(root, 'seeds/003_8a439d4fb982b5de.txt'), 'utf8').slice(0, 5000);
	const notices = readFileSync(join(root, 'tests/fixtures/pages/notice-page.html'), 'utf8')
		.replace(/^[\s\S]*<h1>/, '<h1>')
		.replace(/<footer>[\s\S]*$/, '');
	const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="margin:40px;
		font: 22px/1.5 'Noto Serif CJK SC', serif; width: 1920px; background: #fff">
		<div style="column-count: 4; column-gap: 40px">${article
			.split(/\n+/)
			.map((p) => `<p>${escapeHtml(p)}</p>`)
			.join(
				''
			)}</div><div style="column-count: 2; column-gap: 40px">${notices}</div></body></html>`;
	const browser = await chromium.launch({ executablePath: chromiumPath });
	let png: Buffer;
	try {
		const page = await browser.newPage({ viewport: { width: 2000, height: 1000 } });
		await page.setContent(html);
		png = await page.screenshot({ fullPage: true });
	} finally {
		await browser.close();
	}
	const started = performance.now();
	const read = await readPageFile(png, 'image/png');
	const ocrSeconds = (performance.now() - started) / 1000;
	const t = performance.now();
	const records = extract(read.text, { source: 'bench.png', published: '2026-11-24' });
	const extractMs = performance.now() - t;
	return {
		width: read.images[0].width,
		height: read.images[0].height,
		chars: read.text.length,
		ocrSeconds,
		extractMs,
		records: records.length,
		secondsPerPage: ocrSeconds + extractMs / 1000
	};
}
