import { readFileSync } from 'node:fs';
import { extract } from '../src/lib/extract/index';
const slug = process.argv[2];
const dir = `src/lib/extract/fixtures/corpus/${slug}`;
const meta = JSON.parse(readFileSync(`${dir}/meta.json`, 'utf8'));
const rs = extract(readFileSync(`${dir}/source.txt`, 'utf8'), { source: 'x', published: meta.published, ...(meta.areaCode ? { areaCode: meta.areaCode } : {}) });
for (const r of rs) console.log(JSON.stringify(r));
