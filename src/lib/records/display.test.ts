import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDate, telHref } from './display';

describe('telHref / formatDate', () => {
	it('builds a dialable tel: link', () => {
		expect(telHref('0731-28684239')).toBe('tel:073128684239');
	});
	it('formats ISO dates the Chinese way', () => {
		expect(formatDate('2024-11-05')).toBe('2024年11月5日');
		expect(formatDate('2024-10-28T06:00')).toBe('2024年10月28日 06:00');
	});
});

describe('escapeHtml', () => {
	it('turns markup into text', () => {
		expect(escapeHtml(`区]]>县<b>粗</b> & "引" '号'`)).toBe(
			'区]]&gt;县&lt;b&gt;粗&lt;/b&gt; &amp; &quot;引&quot; &#39;号&#39;'
		);
	});
});
