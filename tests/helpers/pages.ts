/**
 * Deterministic synthetic newspaper pages for crash and load tests: the same seed gives the same
 * pages byte for byte, so a failure can be replayed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, well-mixed PRNG; good enough for test data. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '谭', '彭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明'];
const DISTRICTS = ['荷塘区', '芦淞区', '石峰区', '天元区', '渌口区'];
const ORGS = ['供水', '供电', '燃气', '公交', '医保', '社保', '不动产登记', '市场监管'];
const DOCUMENTS = ['居民身份证', '社会保障卡', '机动车驾驶证', '营业执照正本', '残疾人证'];
const FILLER =
	'本报讯 近日，我市持续推进民生实事项目建设，各项工作有序开展，群众满意度稳步提升。' +
	'相关负责人表示，下一步将进一步优化服务流程，让办事群众少跑腿。';

/** One page of text: a masthead, void notices, a hotline list, a found-person notice, filler. */
export function syntheticPage(index: number, seed = 7): string {
	const r = prng(seed * 100_003 + index);
	const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
	const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
	const name = () => pick(SURNAMES) + pick(GIVEN) + (r() < 0.5 ? pick(GIVEN) : '');
	const lines: string[] = [`株洲日报 便民信息 第${index + 1}期`, '', '遗失声明'];
	const notices = 2 + Math.floor(r() * 3);
	for (let i = 0; i < notices; i++) {
		const doc = pick(DOCUMENTS);
		const number = doc === '居民身份证' ? `，证号430${digits(3)}19${digits(6)}${digits(4)}` : '';
		lines.push(`${name()}不慎遗失${doc}${number}，声明作废。`);
	}
	lines.push('', '便民热线');
	for (let i = 0; i < 2 + Math.floor(r() * 2); i++) {
		lines.push(`${pick(DISTRICTS)}${pick(ORGS)}服务热线：0731-2${digits(7)}`);
	}
	if (r() < 0.5) {
		lines.push(
			'',
			'寻亲启事',
			`${2020 + Math.floor(r() * 5)}年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日，` +
				`在${pick(DISTRICTS)}发现一名走失老人，约${60 + Math.floor(r() * 30)}岁。` +
				`请其亲属与救助站联系，电话：0731-2${digits(7)}。`
		);
	}
	lines.push('', FILLER.repeat(1 + Math.floor(r() * 3)), '');
	return lines.join('\n');
}

/** Writes `count` pages as page-000.txt … into `dir`; returns their paths in import order. */
export function writeSyntheticPages(dir: string, count: number, seed = 7): string[] {
	mkdirSync(dir, { recursive: true });
	return Array.from({ length: count }, (_, i) => {
		const path = join(dir, `page-${String(i).padStart(3, '0')}.txt`);
		writeFileSync(path, syntheticPage(i, seed));
		return path;
	});
}
