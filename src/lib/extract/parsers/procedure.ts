/**
 * Procedure records: 网络问政 questions with a department's answer (subtype `qa`) and
 * service guides (办事指南, subtype `guide`).
 *
 * A Q&A is a question marker followed by an answer marker, each opening a paragraph, a line
 * or a sentence. Questions: 网友提问: / 醴陵网友"小吴"留言: / 市民来电反映，/ 一、网友咨询，/
 * 留言板: / 来信: / 【反映】 / 问: / Q1: / a username line (网友 abc 2026-05-12) / numbered
 * question subheads (一、哪些人可以申领？, two or more in an article). Answers: 市教育局回复: /
 * 11月18日，XX局回复， / XX局：已… / 官方回复: / 【部门回复】XX局：/ 答: / A1: / a reply that
 * opens with a greeting (网友您好：) / the text under a 回复单位 line. The department comes
 * from the answer marker, a 回复单位/回复机构 line before the answer or a [经办单位:…] line
 * after it, 'XX表示，' at the answer's start, or the lead of a column of bare 问/答 pairs
 * (以下解答由XX提供, 记者从XX获悉). An item starts at the one or two headline lines printed
 * above its question (路边唱歌扰民，公安局：已进行劝阻), which then give its title.
 *
 * A question without an answer is not a record (news leads quote readers' questions); an
 * answer that shares no content word with its question is kept with low confidence and a
 * flag, because OCR columns often pair a question with the answer printed for another one.
 *
 * A guide is a passage with section headings (办理条件: / 申请材料: / 办理流程: / 办理时限:
 * / 收费标准: / 办理地点: …, also 【所需材料】, ■办理流程, 申请人需提交以下材料：) at line
 * starts; one heading alone is not a guide. A box of several services is cut where a heading
 * repeats, at the service name printed above the next set (居住证怎么办, 事项名称：…). A guide
 * told in a news report (办理…需携带…，到…办理; 先…再…最后…) is a guide record at low
 * confidence, for a moderator to check.
 */
import {
	ANSWER_VERBS,
	ANSWERER_CUES,
	ANSWERER_ROLES,
	ASK_VERBS,
	ASKER_WORDS,
	CARRY_VERBS,
	DEPARTMENT_SUFFIXES,
	GUIDE_SECTIONS,
	GUIDE_TITLE_WORDS,
	STEP_ORDER_WORDS
} from '../constants';
import { emailsIn, isOrganizationName, joinedText, phonesIn, sourceOf } from '../text/fields';
import { lines, nonBlankLines, paragraphs, spanAt, trimBlank, type Span } from '../text/spans';
import type { Candidate, Page, Parser, Passage } from '../pipeline';
import type { ProcedureRecord } from '../types';

/** Finds Q&A pairs and service guides. */
export const procedureParser: Parser = {
	name: 'procedure',
	parse({ page, passages }) {
		const records = [...qaRecords(page), ...guideRecords(page, passages)];
		return records.concat(proseGuides(page, passages, records));
	}
};

// ---------------------------------------------------------------------------------------
// Q&A
// ---------------------------------------------------------------------------------------

const byLength = (a: string, b: string) => b.length - a.length;
const ASKER = [...ASKER_WORDS].sort(byLength).join('|');
const ASK_VERB = [...ASK_VERBS].sort(byLength).join('|');
const ANSWER_VERB = [...ANSWER_VERBS].sort(byLength).join('|');
const SUFFIX = [...DEPARTMENT_SUFFIXES].sort(byLength).join('|');

/** Item numbers that may precede a marker: 1. / 一、 */
const ITEM_NO =
	'(?:\\d{1,2}[.、]|[一二三四五六七八九十]{1,2}[、.]|\\(\\d{1,2}\\)|\\([一二三四五六七八九十]{1,2}\\))\\s?';
/** Bullets printed before a marker or a heading: ■网友问： / ●办理条件： */
const BULLET_RE = /^[■□●○◆◇▲△▶►★☆◎•·]\s?/;
/** A place before the asker: 醴陵网友 / 株洲网友 / 长沙市民. */
const PLACE = '(?:[\\u4e00-\\u9fa5]{2,3}?(?=(?:' + ASKER + ')))?';
/** The asker's name: 网友"小李" / 市民张先生 / 网友549423. */
const ASKER_NAME = `(?:["'][^"'\\n]{1,12}["']|[\\u4e00-\\u9fa5A-Za-z0-9]{0,6}?)?`;

/** What opens a question: 网友提问 / 市民张先生咨询 / 网友"小李" / 问 / 留言内容 / 留言板 / 来信 / Q. */
/** Where or how the asker wrote: 网友在"问政株洲"平台留言称 / 市民拨打12345反映 / 市民通过12345热线反映 */
const WHERE = '(?:(?:在|通过|拨打|致电)[^,:。\\n]{1,16}?)?';
const QUESTION_WORD =
	`${PLACE}(?:${ASKER})${ASKER_NAME}\\s?(?:${WHERE}(?:${ASK_VERB}){1,2}称?)?` +
	'|留言内容|诉求内容|来信内容|咨询内容|问题描述|留言标题|留言主题|标题|留言板|读者来信|来信|问题|留言|提问|问|Q\\d{0,2}' +
	'|反映|诉求|投诉|求助|咨询|建议';
/** The question marker up to its colon, or in brackets: 网友提问: / [问] / 【网友留言】 */
const QUESTION_RE = new RegExp(
	`^(?:${ITEM_NO})?(?:\\[(?:${QUESTION_WORD})\\]\\s?:?|(?:${QUESTION_WORD})\\s?:)`
);
/**
 * Narrative digests open an item with the asker and verb and a comma: 网友反映，… /
 * 市民来电反映，… / 一、网友咨询，… The verb is required, so 网友们, 市民朋友, stay out.
 */
const QUESTION_COMMA_RE = new RegExp(
	`^(?:${ITEM_NO})?${PLACE}(?:${ASKER})${ASKER_NAME}\\s?${WHERE}(?:${ASK_VERB}){1,2}称?\\s?,`
);
/**
 * Who asks, at the start of a question that a bare label (【反映】) opens: 市民王先生来电反映， /
 * 本报读者李女士来电： / 石峰区田心街道居民反映， — dropped from the question text.
 */
const ASKER_LEAD_RE = new RegExp(
	`^[\\u4e00-\\u9fa5]{0,10}?(?:${ASKER})${ASKER_NAME}\\s?(?:${ASK_VERB}){1,2}称?\\s?[,:]`
);
/** A message list's asker line: 网友 zz20260512 2026-05-12 (the message follows on the next line). */
const ASKER_LINE_RE = new RegExp(
	`^(?:${ASKER})\\s?[^\\s:]{1,20}\\s+\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?[^\\n]{0,12}(?=\\n)`
);
/** A reply that opens with a greeting and no marker: 网友您好： / 尊敬的网友： / 易女士：您好！ */
const GREETING_RE =
	/^(?:(?:网友|网民|市民|读者)?您好\s?[:,!。]|尊敬的(?:网友|网民|市民|读者|群众)(?:朋友)?\s?[:,!。]|[\u4e00-\u9fa5]{1,4}(?:先生|女士|同志|师傅|老师|同学)\s?[:,]\s*(?:您|你)好)/;
/** A numbered question line without a marker (1.孩子第一次办身份证，需要带什么？), answered by 答:. */
const NUMBERED_QUESTION_RE = new RegExp(`^${ITEM_NO}(?=[^\\n]{4,80}\\?\\s*(?:\\n|$))`);
/** Bare answer words: 答: / 回复内容: / 办理结果: / A: */
const ANSWER_WORD = `${ANSWER_VERB}|回复内容|答复内容|办理结果|处理结果|办理情况|部门回复|部门答复|部门回应|部门答|官方回复|官方答复|A\\d{0,2}`;
/** An answering organisation: ends in a department suffix, with an optional bracketed alias. */
const ORG = `[\\u4e00-\\u9fa5]{1,24}?(?:${SUFFIX})(?:\\([\\u4e00-\\u9fa5、]{2,20}\\))?`;
/**
 * 市教育局回复: / 市住建局(市人防办)回复: / 芦淞区政府: / 11月18日，XX局回复， / XX政府回复称， /
 * 对此，XX局回复称， / XX公司回复如下： / 答（市社保中心）：
 * / 答: / [答] — the answer marker. The organisation must end in a department suffix; the
 * verb is optional before a colon and required before a comma.
 */
const ANSWER_RE = new RegExp(
	`^(?:\\d{1,2}月\\d{1,2}日\\s?,?\\s?|(?:对此|就此|针对此事|针对上述问题|针对网友反映的问题)\\s?,?\\s?)?(?:(?<org>${ORG})\\s?(?:(?<verb>${ANSWER_VERB})(?:称|说|表示|如下)?\\s?[:,]|:)|\\[(?<bbare>${ANSWER_WORD})\\]\\s?:?|(?<bare>${ANSWER_WORD})\\s?(?:\\((?<borg>${ORG})\\)\\s?)?:)`
);
/** An answer that names its organisation first: 部门回复：市公安局表示，… / 【部门回复】XX局：… */
const ANSWER_ORG_LEAD_RE = new RegExp(`^(${ORG})(?:(?:表示|称|介绍|回复称|答复称)\\s?[,:]|\\s?:)`);
/**
 * A line naming who answers, in structured columns: 回复单位:市住建局 (a 回复时间 on the
 * same line is skipped) or after the answer on message boards: [经办单位:…]
 */
const DEPARTMENT_LINE_RE =
	/^(?<open>[[(])?(?:(?:回复|答复|办理|承办|经办)(?:单位|部门|机构|机关)|责任单位)\s?:\s?(?<org>[^\s\]):]{2,30})[\])]?(?:\s*(?:回复|答复|办结|办理)时间\s?:[^\n]*)?\s*(?=\n|$)/;
/**
 * Where the lead names who answers a column of bare 问/答 pairs: 以下解答由市不动产登记中心提供,
 * 记者从市公安局户政支队获悉, ——市医疗保障局解答….
 */
const CONTEXT_DEPARTMENT_RE = new RegExp(
	`(?:由|从|请|向|--)\\s?(${ORG})(?:${[...ANSWERER_ROLES].join('|')})?(?:${[...ANSWERER_CUES].join('|')})` +
		// 市人社局有关负责人就群众关心的问题作了解答
		`|(?:^|[,。;:!?\\s"')]|采访了?|据)(${ORG})(?:有关|相关)?(?:${[...ANSWERER_ROLES].join('|')})[^。\\n]{0,24}?(?:${[...ANSWERER_CUES].join('|')})`,
	'g'
);
/** How far back from a bare answer the lead may name its department. */
const CONTEXT_WINDOW = 600;

interface Marker {
	kind: 'q' | 'a' | 'd';
	/** Where the marker starts and where its text starts (after the colon). */
	start: number;
	textStart: number;
	/** The paragraph the marker is in. */
	para: Span;
	/** The answering organisation (answer and department markers). */
	org?: Span;
	/** A department line in brackets ([经办单位:…]): it closes the item above it. */
	closing?: boolean;
	/** End of a department marker's line. */
	lineEnd?: number;
	/** A numbered question line without a marker word (一、哪些人可以申领？). */
	numbered?: boolean;
}

/** Every question, department and answer marker of the page, in order. */
function findMarkers(page: Page): Marker[] {
	const out: Marker[] = [];
	for (const para of paragraphs(page.norm)) {
		const text = page.norm.slice(para.start, para.end);
		// Markers open a paragraph, a line, or a sentence inside one (…路灯不亮。区政府回复:…).
		const starts = [0];
		// …or a cell of a table row set apart by a tab (问题：…<TAB>答复：…).
		const re = /[。!?]["')\]]*\s*|\n\s*|\t\s*/g;
		for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
		for (const s of starts) {
			if (s >= text.length) continue;
			// A bullet stays in the item (its start) but not in the text the patterns read.
			const bullet = BULLET_RE.exec(text.slice(s, s + 2))?.[0].length ?? 0;
			const head = text.slice(s + bullet, s + bullet + 100);
			const at = para.start + s;
			const dept = DEPARTMENT_LINE_RE.exec(head);
			if (dept?.groups) {
				const orgAt = at + bullet + head.indexOf(dept.groups.org);
				out.push({
					kind: 'd',
					start: at,
					textStart: at + bullet + dept[0].length,
					para,
					org: { start: orgAt, end: orgAt + dept.groups.org.length },
					closing: dept.groups.open !== undefined,
					lineEnd: at + bullet + dept[0].length
				});
				continue;
			}
			// 网友您好： reads as the asker 网友 named 您好: a greeting is a reply.
			if (GREETING_RE.test(head)) {
				// 您好！ right under 回复内容： or 回复单位： is that reply's first word, not a new one.
				const last = out[out.length - 1];
				if (!last || last.kind === 'q') out.push({ kind: 'a', start: at, textStart: at, para });
				continue;
			}
			const ans = ANSWER_RE.exec(head);
			const q = QUESTION_RE.exec(head) ?? QUESTION_COMMA_RE.exec(head);
			// 市民政局回复: reads as 市民 + …; an organisation with an answer verb wins.
			const g = ans?.groups;
			if (ans && g && (g.verb || g.bare || g.bbare || !q)) {
				const marker: Marker = {
					kind: 'a',
					start: at,
					textStart: at + bullet + ans[0].length,
					para
				};
				// 答（市社会保险服务中心）： names the office in the label.
				const org = g.org ?? g.borg;
				if (org) {
					const orgAt = at + bullet + ans[0].indexOf(org);
					marker.org = { start: orgAt, end: orgAt + org.length };
				}
				out.push(marker);
			} else if (q) {
				out.push({ kind: 'q', start: at, textStart: at + bullet + q[0].length, para });
			} else if (ASKER_LINE_RE.test(head)) {
				const lineEnd = at + bullet + (ASKER_LINE_RE.exec(head)?.[0].length ?? 0);
				out.push({ kind: 'q', start: at, textStart: lineEnd, para });
			} else {
				const n = NUMBERED_QUESTION_RE.exec(head);
				if (n)
					out.push({
						kind: 'q',
						start: at,
						textStart: at + bullet + n[0].length,
						para,
						numbered: true
					});
			}
		}
	}
	return out;
}

/** Paragraph openings that carry an answer on after a full stop. */
const CONTINUATION_RE =
	/^(?:[二三四五六七八九十][、是.]|\(?[二三四五六七八九十]\)|[2-9][.、)]|[②-⑩]|若|如|此外|另外|同时|目前|下一步|因此|综上|总之|对于|其中|具体|以上)/;
/** Paragraphs that end an answer whatever they say: page furniture. */
const FURNITURE_RE = /^(?:扫一扫|扫描|\(?图|责任编辑|本版|记者|通讯员|来源|株洲日报|新闻热线)/;
/** The longest answer we read: beyond it, the text is something else. */
const ANSWER_MAX = 3000;
/** An office in brackets at the end of an answer: …手续。（市公安局户政支队） */
const TRAILING_ORG_RE = /\(([\u4e00-\u9fa5]{3,30})\)\s*$/;
/** Lines a message board prints under a message or a reply: 留言时间：… / 回复时间：… / 满意度：… */
const META_LINE_RE =
	/\n\s*(?:(?:留言|回复|答复|办结|办理|提问|发布|受理)时间|满意度|评价|办理状态|处理状态|来自|留言人|浏览次数)\s?:/;
/** The date a reply is signed with: 2026年2月10日 on a line of its own. */
const SIGNED_DATE_RE = /(?:^|\n)\s*\d{4}年\d{1,2}月\d{1,2}日\s*$/;

/** Where an answer that starts in `para` ends: it runs on over continuation paragraphs. */
function answerEnd(page: Page, paras: Span[], index: number, stopAt: number): number {
	let end = Math.min(paras[index].end, stopAt);
	for (let k = index + 1; k < paras.length; k++) {
		const p = paras[k];
		if (p.start >= stopAt || p.end - paras[index].start > ANSWER_MAX) break;
		const prevText = page.norm.slice(paras[k - 1].start, paras[k - 1].end);
		const text = page.norm.slice(p.start, p.end);
		if (FURNITURE_RE.test(text)) break;
		// A signed reply ends with its date; a one-line question after it is the next headline.
		if (SIGNED_DATE_RE.test(prevText) || (!text.includes('\n') && /\?$/.test(text))) break;
		// Meta lines close a reply; a bulleted heading opens the next block.
		if (META_LINE_RE.test(prevText) || BULLET_RE.test(text)) break;
		const midSentence = !/[。!?;:"')\]]$/.test(prevText);
		if (midSentence || CONTINUATION_RE.test(text)) end = Math.min(p.end, stopAt);
		else break;
	}
	return end;
}

/** A paragraph that only signs the text above it: ——天元区读者 周先生. */
function isSignature(page: Page, para: Span): boolean {
	const t = page.norm.slice(para.start, para.end);
	return t.length <= 30 && !t.includes('\n') && /^-{1,2}/.test(t);
}

/**
 * A line that can be an item's own headline (路边唱歌扰民，公安局：已进行劝阻): short, no full
 * stop, not a label line (本期关注：…), not a byline or page furniture.
 */
function isItemHeadline(line: string): boolean {
	const t = line.trim();
	return (
		t.length >= 7 &&
		t.length <= 40 &&
		!/[。;:,]$/.test(t) &&
		!t.includes('。') &&
		!/^[^:]{1,6}:/.test(t) &&
		!/\s{3,}/.test(t) &&
		!/^[([■□]/.test(t) &&
		!t.includes('·') &&
		!/记者|通讯员|整理|编辑|摄|来源|选登|本期|本栏|以下/.test(t) &&
		!FURNITURE_RE.test(t)
	);
}

/**
 * Where an item starts: at its question marker, or at the one or two headline lines printed
 * right above it (in the same paragraph, or as the paragraph before), when nothing of the
 * previous item is there.
 */
function itemStart(page: Page, paras: Span[], paraIndex: number, q: Marker, floor: number): number {
	const { norm } = page;
	if (q.start > q.para.start) {
		// Only the two lines above the marker are read: a paragraph can be a whole page.
		if (q.para.start < floor || q.start - q.para.start > 100) return q.start;
		const before = norm.slice(q.para.start, q.start);
		if (!/\n\s*$/.test(before)) return q.start;
		const heads = before.split('\n').filter((l) => l.trim());
		return heads.length <= 2 && heads.every(isItemHeadline) ? q.para.start : q.start;
	}
	const prev = paras[paraIndex - 1];
	if (!prev || prev.start < floor) return q.start;
	const text = norm.slice(prev.start, prev.end);
	const heads = text.split('\n');
	return heads.length <= 2 && heads.every(isItemHeadline) ? prev.start : q.start;
}

/** Every place the page names an answering department (以下解答由XX提供), found once per page. */
const contextCache = new WeakMap<Page, { end: number; org: Span }[]>();

/** The department a column's lead names for its bare 问/答 answers (以下解答由XX提供). */
function contextDepartment(page: Page, before: number): Span | undefined {
	let found = contextCache.get(page);
	if (!found) {
		found = [];
		CONTEXT_DEPARTMENT_RE.lastIndex = 0;
		for (
			let m = CONTEXT_DEPARTMENT_RE.exec(page.norm);
			m;
			m = CONTEXT_DEPARTMENT_RE.exec(page.norm)
		) {
			// ，请市医保局工作人员解答: the second pattern starts at the comma and takes 请 along.
			const org = (m[1] ?? m[2]).replace(/^[请由从向据]/, '');
			const at = m.index + m[0].lastIndexOf(org);
			found.push({ end: m.index + m[0].length, org: { start: at, end: at + org.length } });
		}
		contextCache.set(page, found);
	}
	// The last one that ends before the question, at most CONTEXT_WINDOW back.
	let lo = 0;
	let hi = found.length - 1;
	let best = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (found[mid].end <= before) {
			best = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return best >= 0 && found[best].org.start >= before - CONTEXT_WINDOW
		? found[best].org
		: undefined;
}

function qaRecords(page: Page): Candidate<ProcedureRecord>[] {
	const markers = findMarkers(page);
	const paras = paragraphs(page.norm);
	const paraIndex = new Map(paras.map((p, k) => [p.start, k]));
	const indexOf = (m: Marker) => paraIndex.get(m.para.start) ?? -1;
	/** Each marker sits in the paragraph of the one before, opens the next, or follows a signature. */
	const follows = (prev: Marker, m: Marker) => {
		const a = indexOf(prev);
		const b = indexOf(m);
		if (b === a) return true;
		if (m.start !== m.para.start) return false;
		return b === a + 1 || (b === a + 2 && isSignature(page, paras[a + 1]));
	};
	// Questions printed as numbered subheads are answered by the paragraph under them, but
	// only in an article of several of them (one "1.…？" line is just a rhetorical question).
	const numberedQuestions = markers.filter((m) => m.numbered).length;
	const out: Candidate<ProcedureRecord>[] = [];
	/** Records that took a headline, with the title and start they had without it. */
	const headlined = new Map<ProcedureRecord, { title: string; start: number }>();
	let floor = 0;
	for (let i = 0; i < markers.length; i++) {
		const q = markers[i];
		if (q.kind !== 'q') continue;
		// q, then an optional 回复单位 line, then the answer (or the text after the 回复单位 line).
		let j = i + 1;
		const d = markers[j]?.kind === 'd' && !markers[j].closing ? markers[j] : undefined;
		if (d) j++;
		let a: Marker | undefined = markers[j]?.kind === 'a' ? markers[j] : undefined;
		if (!a && d) a = implicitAnswer(page, paras, d, markers[j]);
		else if (!a && q.numbered && numberedQuestions >= 2) a = lineAnswer(page, paras, q, markers[j]);
		else if (a) j++;
		if (!a) continue;
		const chain = d ? [q, d, a] : [q, a];
		if (!chain.every((m, k) => k === 0 || follows(chain[k - 1], m))) continue;
		// [经办单位:…] printed under the answer names who answered it.
		const closing =
			markers[j]?.kind === 'd' && markers[j].closing && follows(a, markers[j])
				? markers[j]
				: undefined;
		const next = markers[closing ? j + 1 : j];
		const stopAt = closing ? closing.start : next ? next.start : page.norm.length;
		let question = trimBlank(page.norm, { start: q.textStart, end: (d ?? a).start });
		const signed = /\n\s*-{1,2}/.exec(page.norm.slice(question.start, question.end));
		if (signed)
			question = trimBlank(page.norm, { ...question, end: question.start + signed.index });
		question = withoutMeta(page, withoutRule(page, question));
		const lead = ASKER_LEAD_RE.exec(page.norm.slice(question.start, question.start + 40));
		if (lead && question.end - question.start > lead[0].length + 2)
			question = trimBlank(page.norm, { ...question, start: question.start + lead[0].length });
		let answer = trimBlank(page.norm, {
			start: a.textStart,
			end: answerEnd(page, paras, indexOf(a), stopAt)
		});
		// The item runs over the reply's signature; the answer text does not.
		const answerEndWithSignature = answer.end;
		const signature = signedAnswer(page, answer);
		answer = signature.span;
		// …as does the office printed in brackets after it: …办理迁出手续。（市公安局户政支队）
		const bracketed = TRAILING_ORG_RE.exec(page.norm.slice(answer.start, answer.end));
		let trailing: Span | undefined;
		if (bracketed && isOrganizationName(bracketed[1])) {
			const at = answer.start + bracketed.index + 1;
			trailing = { start: at, end: at + bracketed[1].length };
			answer = trimBlank(page.norm, { ...answer, end: answer.start + bracketed.index });
		}
		// The office that signs the reply (醴陵市城市管理和综合执法局 / 2026年1月7日) answered it.
		let org = a.org ?? d?.org ?? closing?.org ?? signature.signer ?? trailing;
		if (!org) {
			const lead = ANSWER_ORG_LEAD_RE.exec(page.norm.slice(answer.start, answer.start + 40));
			if (lead) {
				org = { start: answer.start, end: answer.start + lead[1].length };
				answer = trimBlank(page.norm, { ...answer, start: answer.start + lead[0].length });
			} else {
				org = contextDepartment(page, q.start);
			}
		}
		if (question.end <= question.start || answer.end - answer.start < 4) continue;
		// Question subheads without any marker are a department's Q&A only when the article
		// names the department that answers; a columnist's rhetorical questions are not.
		if (q.numbered && !a.org && a.start === a.textStart && !org) continue;
		// An earlier unanswered marker of the same block (留言标题 above 留言内容) starts the item.
		let first = q;
		for (let k = 0; k < 3 && i > 0; k++) {
			const prev = markers[i - 1];
			if (prev.kind !== 'q' || prev.numbered || prev.para.start !== q.para.start) break;
			if (prev.start < floor) break;
			first = markers[--i];
		}
		// 留言标题 is the item's own title: a line above it belongs to the column. Column heads
		// (■留言办理·回音) are no item's headline either.
		const start = /^(?:留言标题|留言主题|标题)/.test(page.norm.slice(first.start, first.textStart))
			? first.start
			: itemStart(page, paras, indexOf(first), first, floor);
		const end = closing?.lineEnd ?? answerEndWithSignature;
		const headline = start < first.start ? { start, end: first.start } : undefined;
		const candidate = qaRecord(page, { start, end }, org, question, withoutMeta(page, answer));
		const record = candidate.record;
		if (headline) {
			headlined.set(record, { title: record.title, start: first.start });
			record.title = headlineText(page, headline);
		} else if (
			first !== q &&
			/^(?:留言标题|留言主题|标题)/.test(page.norm.slice(first.start, first.textStart))
		) {
			// 标题：芦淞区董家塅高科园员工通勤班车太少 — the board's own title for the message.
			const lineEnd = page.norm.indexOf('\n', first.textStart);
			const title = trimBlank(page.norm, {
				start: first.textStart,
				end: lineEnd < 0 ? page.norm.length : lineEnd
			});
			if (title.end > title.start) record.title = page.text.slice(title.start, title.end);
		}
		out.push(candidate);
		floor = end;
		i = j - 1;
	}
	// Items of a column each print their headline; when the next item has none, the headline
	// above the first one is the article's (寒假托管怎么报名？学生资助怎么申请？), not the item's.
	for (let k = 0; k + 1 < out.length; k++) {
		const cur = out[k].record;
		const own = headlined.get(cur);
		const next = out[k + 1].record;
		if (!own || headlined.has(next) || next.source.start - cur.source.end > 400) continue;
		cur.title = own.title;
		cur.source = sourceOf(page, { start: own.start, end: cur.source.end });
	}
	return out;
}

/** A question or answer without the meta lines printed under it (回复时间：…, 满意度：…). */
function withoutMeta(page: Page, span: Span): Span {
	const m = META_LINE_RE.exec(page.norm.slice(span.start, span.end));
	return m ? trimBlank(page.norm, { start: span.start, end: span.start + m.index }) : span;
}

/** A span without the column rules (|, ｜) an OCR layer leaves at its end. */
function withoutRule(page: Page, span: Span): Span {
	let { end } = span;
	while (end > span.start && /[\s|]/.test(page.norm[end - 1])) end--;
	return { start: span.start, end };
}

/** An item's headline lines as one title: 清晨广场舞音响太吵 民警上门劝导降音量. */
function headlineText(page: Page, span: Span): string {
	return nonBlankLines(page.norm, span.start, span.end)
		.map((l) => page.text.slice(l.start, l.end).trim())
		.join(' ');
}

/** The answer without the signature lines under it (株洲市住房公积金管理中心 / 2026年2月10日). */
function signedAnswer(page: Page, answer: Span): { span: Span; signer?: Span } {
	let span = answer;
	let signer: Span | undefined;
	for (let k = 0; k < 2; k++) {
		const text = page.norm.slice(span.start, span.end);
		const cut = text.lastIndexOf('\n');
		if (cut < 0) break;
		const last = trimBlank(page.norm, { start: span.start + cut + 1, end: span.end });
		const line = page.norm.slice(last.start, last.end);
		if (isOrganizationName(line)) signer = last;
		else if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) break;
		span = trimBlank(page.norm, { start: span.start, end: span.start + cut });
	}
	return { span, signer };
}

/** The answer printed under a question subhead (一、哪些人可以申领？), up to the next marker. */
function lineAnswer(
	page: Page,
	paras: Span[],
	q: Marker,
	next: Marker | undefined
): Marker | undefined {
	const lineEnd = page.norm.indexOf('\n', q.textStart);
	if (lineEnd < 0) return undefined;
	const at = trimBlank(page.norm, { start: lineEnd, end: page.norm.length }).start;
	if (at >= page.norm.length || (next && next.start <= at)) return undefined;
	const para = spanAt(paras, at);
	return para ? { kind: 'a', start: at, textStart: at, para } : undefined;
}

/** The reply printed under a 回复单位 line without a marker of its own. */
function implicitAnswer(
	page: Page,
	paras: Span[],
	d: Marker,
	next: Marker | undefined
): Marker | undefined {
	const at = trimBlank(page.norm, { start: d.textStart, end: page.norm.length }).start;
	if (at >= page.norm.length || (next && next.start <= at)) return undefined;
	const para = spanAt(paras, at);
	if (!para) return undefined;
	return { kind: 'a', start: at, textStart: at, para, org: d.org };
}

function qaRecord(
	page: Page,
	span: Span,
	org: Span | undefined,
	question: Span,
	answer: Span
): Candidate<ProcedureRecord> {
	const questionText = joinedText(page.text, question);
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'qa',
		title: titleOf(questionText),
		source: sourceOf(page, span),
		confidence: 0,
		phones: phonesIn(page, answer),
		emails: emailsIn(page, span),
		question: questionText,
		answer: answerText(page.text, answer)
	};
	if (org) record.department = page.text.slice(org.start, org.end);
	const flags: string[] = [];
	const overlap = topicOverlap(
		page.norm.slice(question.start, question.end),
		page.norm.slice(answer.start, answer.end)
	);
	// No content word of the question in the answer at all: a long question shares few of
	// its words with a right answer, but an answer printed for another one shares none.
	if (overlap === 0) {
		flags.push('回复内容疑似与问题不符');
	}
	if (!/[。!?;)"'…]$/.test(page.norm.slice(answer.start, answer.end))) {
		flags.push('回复内容疑似不完整(排版截断)');
	}
	if (flags.length) record.flags = flags;
	return {
		record,
		evidence: {
			rule: 'procedure.qa',
			facts: [
				org && 'department',
				flags.includes('回复内容疑似与问题不符') && 'offTopic',
				flags.includes('回复内容疑似不完整(排版截断)') && 'truncated'
			]
		}
	};
}

/** The question as a title: its first sentence, at most 60 characters. */
function titleOf(question: string): string {
	const first = (/^.+?[?？。!！]/.exec(question)?.[0] ?? question).replace(/[。.]$/, '');
	return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/** A line that opens a numbered point of an answer: 一、 / 二是 / 1. / (1) / ① */
const POINT_RE =
	/^\s*(?:[一二三四五六七八九十]{1,2}[、是]|\d{1,2}[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳])/;

/**
 * Answer text: paragraphs kept apart by a line break, broken lines joined — except before a
 * line that opens a numbered point (一、… / 二、…), which starts a line of its own.
 */
function answerText(text: string, span: Span): string {
	return paragraphs(text, span.start, span.end)
		.map((p) => {
			const out: string[] = [];
			for (const line of nonBlankLines(text, p.start, p.end)) {
				const t = joinedText(text, line);
				if (out.length && POINT_RE.test(t)) out.push('\n' + t);
				else out.push(t);
			}
			return out.join('');
		})
		.join('\n');
}

/** Words that say nothing about the subject of a question. */
const STOP_BIGRAMS = new Set(
	(
		'何时 如何 什么 能否 是否 需要 请问 问题 相关 部门 解决 合理 进展 可以 怎么 为什么 哪里 ' +
		'多少 怎样 能不 不能 希望 建议 反映 咨询 提问 一下 这个 那个 我们 你们 他们 现在 目前 ' +
		'情况 有关 请求 协调 尽快 时候 具备 条件 办理 能够'
	).split(' ')
);

/**
 * Share of the question's content bigrams that the answer repeats. Answers restate what
 * they answer (the road, the school, the permit); an answer about another subject shares
 * none of it.
 */
export function topicOverlap(question: string, answer: string): number {
	const grams = new Set<string>();
	const runs = question.match(/[\u4e00-\u9fa5]{2,}|[A-Za-z]{2,}/g) ?? [];
	for (const run of runs) {
		if (/^[A-Za-z]+$/.test(run)) {
			grams.add(run.toLowerCase());
			continue;
		}
		for (let i = 0; i + 2 <= run.length; i++) {
			const g = run.slice(i, i + 2);
			if (!STOP_BIGRAMS.has(g)) grams.add(g);
		}
	}
	if (!grams.size) return 1;
	const a = answer.toLowerCase();
	let hit = 0;
	for (const g of grams) if (a.includes(g)) hit++;
	return hit / grams.size;
}

// ---------------------------------------------------------------------------------------
// Guides
// ---------------------------------------------------------------------------------------

type SectionKind = keyof typeof GUIDE_SECTIONS;

const SECTION_WORDS: [string, SectionKind][] = (
	Object.entries(GUIDE_SECTIONS) as [SectionKind, readonly string[]][]
)
	.flatMap(([kind, words]) => words.map((w): [string, SectionKind] => [w, kind]))
	.sort((a, b) => b[0].length - a[0].length);
const SECTION_KIND = new Map(SECTION_WORDS);
/** A section heading: optional numbering or bracket, the word, then a colon, bracket or line end. */
const SECTION_RE = new RegExp(
	`^(?:[■□●○◆◇▲△▶►★☆◎•·]\\s?)?(?:[一二三四五六七八九十]{1,2}[、.]|\\(?[一二三四五六七八九十\\d]{1,2}\\)|\\d{1,2}[.、]|[①-⑳])?\\s?\\[?(${SECTION_WORDS.map((w) => w[0]).join('|')})((?:[、及和与][\\u4e00-\\u9fa5]{1,6}){0,3})(?:如下)?\\]?\\s?(?::|$|(?=\\]))`
);
/** A materials heading written as a sentence: 四、申请人需提交以下材料： */
const MATERIALS_SENTENCE_RE =
	/^(?:[一二三四五六七八九十]{1,2}[、.]|\(?[一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、])?\s?(?:申请人|办事群众|市民|当事人)?(?:需要|需|须|应)(?:提交|提供|携带|准备)(?:以下|下列|如下)?(?:材料|资料|证件)(?:如下)?\s?:/;
const GUIDE_TITLE_RE = new RegExp(GUIDE_TITLE_WORDS.join('|'));

interface Section {
	kind: SectionKind;
	/** The heading word as printed (normalised): 申请条件, 所需材料. */
	word: string;
	start: number;
	/** Start of the section's content (after the heading). */
	bodyStart: number;
	end: number;
}

/** Section headings of a passage: at line starts and after a sentence end (…5个工作日。收费标准:). */
function findSections(page: Page, passage: Span): Section[] {
	const out: Section[] = [];
	for (const line of nonBlankLines(page.norm, passage.start, passage.end)) {
		const text = page.norm.slice(line.start, line.end);
		const starts = [0];
		const re = /[。;]\s*/g;
		for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
		for (const s of starts) {
			const head = text.slice(s, s + 40);
			const start = line.start + s;
			const sentence = MATERIALS_SENTENCE_RE.exec(head);
			if (sentence) {
				const bodyStart = start + sentence[0].length;
				out.push({ kind: 'requirements', word: '需提交材料', start, bodyStart, end: passage.end });
				continue;
			}
			const m = SECTION_RE.exec(head);
			if (!m) continue;
			const kind = SECTION_KIND.get(m[1]);
			if (!kind) continue;
			let bodyStart = start + m[0].length;
			if (page.norm[bodyStart] === ']') bodyStart++;
			// 办理时间、地点及联系方式: one heading over sub-items that repeat its first word.
			out.push({ kind, word: m[1] + m[2], start, bodyStart, end: passage.end });
		}
	}
	for (let k = 0; k + 1 < out.length; k++) out[k].end = out[k + 1].start;
	return out;
}

/** Kinds that make a passage a guide when two or more of them are headings. */
const CORE_KINDS: SectionKind[] = ['requirements', 'steps', 'timeLimit', 'fee', 'location'];

function guideRecords(page: Page, passages: readonly Passage[]): Candidate<ProcedureRecord>[] {
	const out: Candidate<ProcedureRecord>[] = [];
	for (const passage of passages) {
		const sections = findSections(page, passage);
		if (!sections.length) continue;
		const titled = GUIDE_TITLE_RE.test(
			page.norm.slice(passage.start, Math.min(passage.end, passage.start + 80))
		);
		// Split where a heading repeats: a page of guides prints one set of sections per service.
		const groups: Section[][] = [];
		for (const s of sections) {
			const cur = groups[groups.length - 1];
			if (cur && !cur.some((x) => x.word === s.word)) cur.push(s);
			else groups.push([s]);
		}
		// The next service's name printed above its first heading ends the section before it.
		const titleAt = new Map<Section[], number>();
		for (let k = 1; k < groups.length; k++) {
			const prev = groups[k - 1][groups[k - 1].length - 1];
			const ls = nonBlankLines(page.norm, prev.bodyStart, groups[k][0].start);
			const last = ls[ls.length - 1];
			if (ls.length >= 2 && isServiceName(page.norm.slice(last.start, last.end))) {
				prev.end = last.start;
				titleAt.set(groups[k], last.start);
			}
		}
		let from = passage.start;
		for (const group of groups) {
			from = titleAt.get(group) ?? from;
			const core = new Set(group.filter((s) => CORE_KINDS.includes(s.kind)).map((s) => s.kind));
			const enough = core.size >= 2 || (titled && core.size >= 1 && group.length >= 2);
			if (!enough || !(core.has('requirements') || core.has('steps') || core.size >= 3)) {
				from = group[group.length - 1].end;
				continue;
			}
			out.push(guideRecord(page, passage, from, group, core.size));
			from = group[group.length - 1].end;
		}
	}
	return out;
}

function guideRecord(
	page: Page,
	passage: Passage,
	from: number,
	group: Section[],
	coreCount: number
): Candidate<ProcedureRecord> {
	const first = group[0];
	const last = group[group.length - 1];
	const title = guideTitle(page, passage, from, first.start);
	last.end = lastSectionEnd(page, last);
	const span = trimBlank(page.text, { start: title?.start ?? from, end: last.end });
	const record: ProcedureRecord = {
		kind: 'procedure',
		subtype: 'guide',
		title: title?.text ?? '办事指南',
		source: sourceOf(page, span),
		confidence: 0,
		phones: phonesIn(page, span),
		emails: emailsIn(page, span)
	};
	if (title) record.question = title.text;
	else record.flags = ['未找到办事指南的名称'];
	const requirements: string[] = [];
	const steps: string[] = [];
	for (const s of group) {
		const body = trimBlank(page.norm, { start: s.bodyStart, end: s.end });
		if (body.end <= body.start) continue;
		const value = sectionValue(page, body);
		switch (s.kind) {
			case 'requirements':
				for (const item of items(page, body)) requirements.push(item);
				break;
			case 'steps':
				for (const item of items(page, body)) steps.push(item);
				break;
			case 'timeLimit':
				record.timeLimit ??= firstSentence(value);
				break;
			case 'fee':
				record.fee ??= firstSentence(value);
				break;
			case 'location':
				record.location ??= firstSentence(value);
				break;
			case 'department':
				record.department ??= firstSentence(value);
				break;
			default:
				break;
		}
	}
	if (requirements.length) record.requirements = requirements;
	if (steps.length) record.steps = steps;
	return {
		record,
		evidence: {
			rule: 'procedure.guide',
			facts: title ? ['title', coreCount >= 3 && 'coreSections'] : []
		}
	};
}

/** A section's first sentence, without its full stop (a ；-list of cases stays whole). */
function firstSentence(s: string): string {
	const m = /^[^。\n]+/.exec(s);
	return (m ? m[0] : s).replace(/[;,]$/, '').trim();
}

/**
 * The text of a one-value section (时限, 收费, 地点, 受理部门): its lines up to a blank line, a
 * line that ends a sentence, or a line that opens another label (温馨提示：…).
 */
function sectionValue(page: Page, body: Span): string {
	return joinedText(page.text, { start: body.start, end: valueEnd(page, body) }).replace(
		/^[:\s]+/,
		''
	);
}

function valueEnd(page: Page, body: Span): number {
	let end = body.start;
	let started = false;
	for (const line of lines(page.norm, body.start, body.end)) {
		const t = page.norm.slice(line.start, line.end).trim();
		if (!t) {
			if (started) break;
			continue;
		}
		if (started && (/^[^\s:]{2,8}:/.test(t) || /[。]$/.test(page.norm.slice(body.start, end))))
			break;
		started = true;
		end = line.end;
	}
	return end;
}

/** Notes printed under a guide's last section still belong to it. */
const GUIDE_NOTE_RE = /^\[?(?:温馨提示|温馨提醒|特别提示|特别提醒|注意事项|友情提示|备注)/;
/** Item marks that carry a list on across a blank line. */
const LIST_ITEM_RE =
	/^(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十\d]{1,2}步)/;

/**
 * Where a guide's last section ends: a one-value section after its value, a list after its
 * last item; notes (温馨提示：…) right under it are kept. What follows (the next article, a
 * Q&A) is not part of the guide.
 */
function lastSectionEnd(page: Page, s: Section): number {
	const body = { start: s.bodyStart, end: s.end };
	const list = s.kind === 'requirements' || s.kind === 'steps';
	let end = list ? s.bodyStart : valueEnd(page, body);
	for (const p of paragraphs(page.norm, s.bodyStart, s.end)) {
		const t = page.norm.slice(p.start, p.end);
		if (p.end <= end) continue;
		if (p.start <= end || (list && LIST_ITEM_RE.test(t)) || GUIDE_NOTE_RE.test(t)) end = p.end;
		else break;
	}
	return Math.max(end, s.bodyStart);
}

/** A line that names the service: 事项名称：城乡居民养老保险参保登记. */
const NAME_LABEL_RE = /^(?:事项名称|服务事项|办理事项|业务名称|服务名称|事项)\s?:\s?/;

/** A service's name on its own line above its sections: 居住证怎么办, 事项名称：…. */
function isServiceName(line: string): boolean {
	const t = line.trim();
	if (NAME_LABEL_RE.test(t)) return t.length <= 50;
	return t.length >= 2 && t.length <= 40 && !/[。;:,]/.test(t) && !SECTION_RE.test(t);
}

/** Item marks of a list: 1. / (1) / ① / 一是 / 第一步 / 一、 */
const ITEM_MARK_RE =
	/(?:^|(?<=[\s。;:]))(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十\d]{1,2}步[:,]?|[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\))/g;

/**
 * The items of a list section: one per numbered item, else one per line, else one per
 * sentence; a single short sentence of 、-separated documents is split at 、.
 */
function items(page: Page, body: Span): string[] {
	const norm = page.norm.slice(body.start, body.end);
	const marks: number[] = [];
	ITEM_MARK_RE.lastIndex = 0;
	for (let m = ITEM_MARK_RE.exec(norm); m; m = ITEM_MARK_RE.exec(norm)) {
		marks.push(m.index);
		if (m[0].length === 0) ITEM_MARK_RE.lastIndex++;
	}
	let spans: Span[];
	if (marks.length >= 2) {
		spans = marks.map((m, k) => ({
			start: body.start + m,
			end: body.start + (marks[k + 1] ?? norm.length)
		}));
		if (marks[0] > 0) spans.unshift({ start: body.start, end: body.start + marks[0] });
	} else {
		spans = nonBlankLines(page.norm, body.start, body.end);
		if (spans.length === 1) {
			// 照相→登记指纹→领证: a flow printed with arrows is one step per arrow.
			const arrows = /→|->|=>/.test(norm);
			// 居民身份证 体检证明 照片: documents set apart by wide spaces, no punctuation.
			const spaced = !/[,;。、:]/.test(norm.trim()) && /\S\s{1,}\S/.test(norm.trim());
			const parts = arrows
				? norm.split(/(?<=→|->|=>)/)
				: spaced
					? norm.split(/(?<=\S)(?=\s+\S)/)
					: norm.split(/(?<=[;。])/);
			if (parts.length > 1) {
				let at = body.start;
				spans = parts.map((p) => {
					const s = { start: at, end: at + p.length };
					at += p.length;
					return s;
				});
			} else if (
				/、/.test(norm) &&
				norm.length <= 120 &&
				norm.split('、').every((x) => x.length <= 24) &&
				// A sentence (with commas) or a description of who qualifies (…的城乡居民) is
				// one requirement, not a list of documents.
				!/,/.test(norm) &&
				!/(?:人员|居民|人|者|对象)[。;]?\s*$/.test(norm)
			) {
				let at = body.start;
				spans = norm.split('、').map((p) => {
					const s = { start: at, end: at + p.length };
					at += p.length + 1;
					return s;
				});
			}
		}
	}
	return spans
		.map((s) => joinedText(page.text, stripItem(page.norm, s)))
		.filter((s) => s.length > 0);
}

const ITEM_LEAD_RE =
	/^[\s:;,。、]*(?:\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}[是、]|第[一二三四五六七八九十\d]{1,2}步[:,]?|\([一二三四五六七八九十]{1,2}\))?\s*/;

/** An item's span without its number mark and edge punctuation (decided on `norm`). */
function stripItem(norm: string, span: Span): Span {
	let { start, end } = trimBlank(norm, span);
	const lead = ITEM_LEAD_RE.exec(norm.slice(start, end));
	if (lead) start += lead[0].length;
	while (end > start && /[\s:;,。、→>=-]/.test(norm[end - 1])) end--;
	return { start, end };
}

/**
 * The guide's name: a line before the first section that is not just "办事指南"
 * (【办事指南】新生儿如何办理落户 → 新生儿如何办理落户), else the passage headline.
 */
function guideTitle(
	page: Page,
	passage: Passage,
	from: number,
	firstSection: number
): { text: string; start: number } | undefined {
	// A source or date line (来源：…, 发布时间：…) is not the guide's name; 办事指南：XX is.
	const label = new RegExp(`^(?!(?:${GUIDE_TITLE_WORDS.join('|')}))[^:]{1,6}:`);
	const lines = nonBlankLines(page.norm, from, firstSection).filter((l) => {
		const t = page.norm.slice(l.start, l.end);
		return NAME_LABEL_RE.test(t) || (t.length <= 40 && !/[。;]$/.test(t) && !label.test(t));
	});
	const candidates = lines.length
		? lines
		: passage.headline
			? [{ start: passage.start, end: passage.start + passage.headline.length }]
			: [];
	for (const l of [...candidates].reverse()) {
		let text = page.norm.slice(l.start, l.end);
		let start = l.start;
		// Strip a leading tag: 【办事指南】, 办事指南:, 办事指南|
		// 【便民】机动车驾驶证到期换证怎么办？: a column tag before the name.
		const tag =
			NAME_LABEL_RE.exec(text) ??
			/^\[[\u4e00-\u9fa5]{1,6}\]\s?(?=\S{2})/.exec(text) ??
			new RegExp(`^\\[?(?:${GUIDE_TITLE_WORDS.slice(0, 6).join('|')})\\]?\\s?[:|丨/·-]?\\s?`).exec(
				text
			);
		if (tag) {
			start += tag[0].length;
			text = text.slice(tag[0].length);
		}
		if (text.trim().length >= 2) {
			const span = trimBlank(page.norm, { start, end: l.end });
			return { text: joinedText(page.text, span), start: l.start };
		}
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------
// Guides told in a news report
// ---------------------------------------------------------------------------------------

/**
 * 办理公交优待卡需携带本人身份证原件和一张一寸免冠照片，到市公交集团卡务中心办理 / 学生或家长可
 * 持学生证、户口簿到…申请办理 — what to bring and where to go, in one sentence. `提交` alone is not enough: reform news says
 * "所需提交的材料从12份减少到4份" without telling anyone what to bring.
 */
const PROSE_GUIDE_RE = new RegExp(
	`(?:(?:办理|申领|申请|补办|换领)[^。;\\n]{0,24}?)?(?:需要|需|须|应|要|可以|可)(?:${CARRY_VERBS.filter((v) => v !== '提交').join('|')})(?<what>[^。;\\n]{2,80}?),?\\s?(?:到|至|前往)(?<where>[^。;,\\n]{2,60}?)(?:办理|申领|申请)`
);
/** 先在窗口填写申请表，再由工作人员核验身份，最后领卡 — the steps of a prose guide. */
const STEP_ORDER_RE = new RegExp(`,?(?:${[...STEP_ORDER_WORDS].join('|')})(?:由)?`);
const PROSE_STEPS_RE = /先([^。;\n]{4,160}?)(?:。|;|$)/;
/** 不收取任何费用 / 免收工本费 / 不收费 / 收取工本费20元 */
const PROSE_FEE_RE =
	/不收取任何费用|免收[\u4e00-\u9fa5]{0,6}费|不收费|免费办理|收取工本费[^,;。\n]{0,12}/;
const PROSE_TIME_RE =
	/\d{1,3}个工作日(?:内)?(?:办结|完成|寄达)?|当场(?:即可)?(?:领取|办结|领卡|拿证|发证)/;
/** Paragraphs that still belong to a prose guide: they say how, where, what it costs or whom to call. */
const PROSE_CUE_RE = /流程|步骤|材料|携带|办理|咨询|拨打|地点|费用|收费|先.{0,40}再/;

function proseGuides(
	page: Page,
	passages: readonly Passage[],
	taken: readonly Candidate<ProcedureRecord>[]
): Candidate<ProcedureRecord>[] {
	const out: Candidate<ProcedureRecord>[] = [];
	const paras = paragraphs(page.norm);
	const busy = (at: number) =>
		taken.some(({ record: r }) => r.source.start <= at && at < r.source.end);
	for (let k = 0; k < paras.length; k++) {
		const para = paras[k];
		const text = page.norm.slice(para.start, para.end);
		if (!CARRY_VERBS.some((v) => text.includes(v))) continue;
		const m = PROSE_GUIDE_RE.exec(text);
		// A Q&A answer that tells what to bring is that answer, not a guide of its own.
		if (!m?.groups || busy(para.start + m.index)) continue;
		const passage = spanAt(passages, para.start);
		const start = passage?.headline ? passage.start : para.start;
		let end = para.end;
		let last = k;
		while (
			last + 1 < paras.length &&
			(!passage || paras[last + 1].start < passage.end) &&
			PROSE_CUE_RE.test(page.norm.slice(paras[last + 1].start, paras[last + 1].end))
		) {
			last++;
			end = paras[last].end;
		}
		const title = passage ? guideTitle(page, passage, passage.start, para.start) : undefined;
		const span = { start: title ? headlineStart(page, title.start) : start, end };
		const norm = page.norm.slice(span.start, span.end);
		const at = para.start + m.index;
		const what = at + m[0].indexOf(m.groups.what);
		const where = at + m[0].lastIndexOf(m.groups.where);
		const record: ProcedureRecord = {
			kind: 'procedure',
			subtype: 'guide',
			title: title?.text ?? '办事指南',
			source: sourceOf(page, span),
			confidence: 0,
			flags: ['办事指南取自新闻报道，请核对'],
			phones: phonesIn(page, span),
			emails: emailsIn(page, span),
			requirements: splitList(page, { start: what, end: what + m.groups.what.length }),
			location: joinedText(page.text, { start: where, end: where + m.groups.where.length })
		};
		if (title) record.question = title.text;
		const steps = PROSE_STEPS_RE.exec(norm);
		if (steps) {
			const from = span.start + steps.index + 1;
			record.steps = splitAt(page, { start: from, end: from + steps[1].length }, STEP_ORDER_RE);
		}
		const fee = PROSE_FEE_RE.exec(norm);
		if (fee)
			record.fee = page.text.slice(span.start + fee.index, span.start + fee.index + fee[0].length);
		const time = PROSE_TIME_RE.exec(norm);
		if (time)
			record.timeLimit = page.text.slice(
				span.start + time.index,
				span.start + time.index + time[0].length
			);
		// A guide pieced together from a report: a moderator checks it before it is published.
		out.push({ record, evidence: { rule: 'procedure.reportedGuide' } });
		k = last;
	}
	return out;
}

/** The first line of a headline block that ends with the line at `at` (main title above a subtitle). */
function headlineStart(page: Page, at: number): number {
	let start = at;
	for (let k = 0; k < 2 && start > 0; k++) {
		const prevEnd = start - 1;
		if (page.norm[prevEnd] !== '\n') break;
		const lineStart = page.norm.lastIndexOf('\n', prevEnd - 1) + 1;
		if (!isItemHeadline(page.norm.slice(lineStart, prevEnd))) break;
		start = lineStart;
	}
	return start;
}

/** The things of a "需携带A、B和C" list, from the original text. */
function splitList(page: Page, span: Span): string[] {
	return splitAt(page, span, /、|和|及|以及|,/);
}

/** Cut `span` where `sep` matches (on norm) and return the non-empty pieces of the original. */
function splitAt(page: Page, span: Span, sep: RegExp): string[] {
	const norm = page.norm.slice(span.start, span.end);
	const re = new RegExp(sep.source, 'g');
	const out: string[] = [];
	let from = 0;
	const push = (to: number) => {
		const piece = joinedText(
			page.text,
			trimBlank(page.norm, { start: span.start + from, end: span.start + to })
		);
		if (piece) out.push(piece.replace(/^[,，、]+|[,，、]+$/g, ''));
	};
	for (let m = re.exec(norm); m; m = re.exec(norm)) {
		if (m[0].length === 0) {
			re.lastIndex++;
			continue;
		}
		push(m.index);
		from = m.index + m[0].length;
	}
	push(norm.length);
	return out.filter((x) => x.length > 0);
}
