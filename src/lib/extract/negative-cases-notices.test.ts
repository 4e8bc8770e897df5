/**
 * Text that must NOT become a lost-and-found, family-search or event record, run through
 * the whole pipeline (chrono's negative_cases.test.ts habit). Each case names why it
 * looks like a notice and why it is not one.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';

const NOTICE_KINDS = ['lost_found', 'family_search', 'event'];

function noticeRecords(text: string, published = '2024-11-05') {
	return extract(text, { source: 'negative.txt', published }).filter((r) =>
		NOTICE_KINDS.includes(r.kind)
	);
}

describe('negative cases: notices', () => {
	const cases: Array<[string, string]> = [
		[
			'a capital-reduction notice (公告, 特此公告, a credit code) is no lost document',
			'减资公告\n\n株洲某某机械有限公司（统一社会信用代码：91430200MA4L2RXX7B）经股东会决议，注册资本由1000万元减少至500万元。请债权人自本公告见报之日起45日内向本公司申报债权，特此公告。\n\n株洲某某机械有限公司\n2024年11月5日'
		],
		[
			'a deregistration notice is no lost document',
			'注销公告\n\n株洲某某贸易有限公司经股东决定，拟向登记机关申请注销登记，请债权人于本公告发布之日起45日内向清算组申报债权。特此公告。'
		],
		[
			'an auction notice with numbers and 特此公告',
			'拍卖公告\n\n受委托，我公司定于2024年11月20日上午10时在本公司拍卖厅公开拍卖车牌号为湘B12345的小型轿车一辆，竞买人须于11月19日前交纳保证金。特此公告。'
		],
		[
			'a news story that mentions losing an ID card',
			'记者了解到，不少市民遗失身份证后不知如何补办。民警提醒，身份证遗失后应及时挂失，原证件会自动作废。'
		],
		[
			'a guide sentence about declaring a document void',
			'营业执照遗失的，应当在报纸上刊登遗失声明，声明作废后方可申请补领。'
		],
		[
			'news of a reunion (寻亲成功) asks nothing of the reader',
			'漂泊二十年 他终于回家了\n\n近日，在市救助管理站的帮助下，走失二十年的王某与家人团聚。2004年，王某外出务工时走失，家人多方寻找未果。今年9月，救助站通过人像比对为他找到了亲人，一家人喜极而泣。'
		],
		[
			'a safety tip about lost elderly people',
			'民警提醒：家中有老人的要防止走失，如发现走失老人，请及时拨打110报警。'
		],
		[
			'a report of an event that already took place',
			'全民健身运动会落下帷幕\n\n记者 李某\n\n11月1日，某区第三届全民健身运动会圆满结束。本届运动会吸引了2000多名市民报名参加，共设12个比赛项目。'
		],
		[
			'a news story that mentions recruiting, with no way to sign up',
			'街头艺术站启用\n\n项目由政府免费提供场地，公开向社会招募站点主理人，同时鼓励全市文艺爱好者报名参与站点演出。'
		],
		[
			'a public consultation (征集意见) with a deadline and an email',
			'关于公开征集《某市养犬管理条例（草案）》修改意见的公告\n\n为提高立法质量，现向社会公开征集修改意见。征集时间：即日起至12月5日。社会各界可将意见发送至邮箱 fzb@example.com。'
		],
		[
			'a job recruitment notice says 报名 but is no activity to sign up for',
			'某市2024年事业单位公开招聘工作人员公告\n\n一、报考资格：全日制本科及以上学历。\n二、报名方式：网上报名。\n三、报名时间：2024年11月16日至11月22日。\n四、笔试时间：2024年12月6日。'
		],
		[
			'a legal explainer on 弃婴 and the 60-day notice period, about no child',
			'遗弃婴儿，要担什么责任？\n\n律师介绍，市民捡拾弃婴后应及时报警。查找不到生父母的，由福利机构发布查找弃婴生父母公告，自公告之日起满60日仍无人认领的，视为查找不到生父母的儿童。'
		],
		[
			'a winners list recalls the entries (报名参赛作品) and gives a number for objections',
			'书画大赛获奖名单公示\n\n大赛共收到报名参赛作品1260件，现将获奖名单予以公示。公示期为2024年11月5日至11月11日，如有异议，请向组委会反映，电话：0731-28290000。'
		],
		[
			'a rescue station’s yearly figures (寻亲成功 218 人) seek no one',
			'去年救助流浪乞讨人员3200余人次\n\n2023年全市救助管理机构共救助3216人次，通过人脸识别、DNA比对、发布寻亲公告等方式，帮助218名受助人员寻亲成功。'
		],
		[
			'safety tips under a 走失 headline describe no one',
			'防走失，这几点要记牢\n\n警方提醒，应为认知障碍老人准备写有家人电话的联系卡；老人一旦走失，家属应立即报警。市民如发现疑似走失老人，可拨打110。'
		],
		[
			'the newspaper’s own contribution box and advertising line',
			'投稿邮箱：news@example.com\n\n广告接待热线 28800000'
		]
	];
	for (const [why, text] of cases) {
		it(why, () => {
			expect(noticeRecords(text)).toEqual([]);
		});
	}
});

describe('negative cases: templates and examples of lost-and-found notices', () => {
	const cases: Array<[string, string]> = [
		[
			'a how-to guide’s examples with 张三, XX公司 and masked numbers',
			'遗失声明这样写\n\n示例一（个人）：张三不慎遗失居民身份证，证号：430xxxxxxxxxxxxxxx，声明作废。\n示例二（单位）：XX公司遗失营业执照正本，统一社会信用代码：XXXXXXXXXXXXXXXXXX，声明作废。'
		],
		[
			'an agency’s templates with xxx, *** and a bracketed 模板 label',
			'常用声明模板\n【模板1】xxx公司/个人遗失道路运输证，证号：***，声明作废。\n【模板2】XX公司遗失营业执照正本声明\n【模板4】李四遗失房产证（格式：姓名+遗失+证件名称+证号+声明作废）'
		],
		[
			'a sample notice introduced by the line before it, with sample names and 某某',
			'请参照下面的写法，把姓名和编号换成自己的：\n\n李四（父亲：张三，母亲：王五）遗失出生医学证明，编号：某某某某某某，声明作废。'
		],
		[
			'a real-looking name in an example line is still an example',
			'登报格式示例：王建国遗失居民身份证，证号430203198001011234，声明作废。'
		],
		[
			'a 寻物启事 template with placeholders',
			'寻物启事范文：本人于X月X日在XX路遗失黑色钱包一个，有拾到者请联系138xxxxxxxx，必有重谢。'
		],
		[
			'advice: a document 遗失须/可/则 …',
			'办理须知：公章、营业执照遗失须提供公安机关报案回执。随着营业执照遗失可在网上免费公示，身份证遗失则无需登报。'
		],
		[
			'aggregate statistics of notices and lost property',
			'今年本报共刊登各类遗失声明3000余条。市公交集团失物招领中心今年共收到乘客遗失物品4600余件，已归还4100余件。'
		],
		[
			'a classified rate card',
			'广告价格（元/行）\n遗失声明　25元/行（3行起）\n寻人寻物启事　20元/行\n广告热线：0731-22880000'
		],
		[
			'a wallet already returned (拾金不昧 news)',
			'11月3日上午，市民王女士在荷塘区月塘路拾到一个黑色钱包，她随即将钱包交到月塘派出所。民警联系上失主刘先生，当天下午刘先生便领回了钱包。'
		]
	];
	for (const [why, text] of cases) {
		it(why, () => {
			expect(noticeRecords(text)).toEqual([]);
		});
	}
});

describe('negative cases: headlines that mention lost and found', () => {
	it('a news story about a lost-property office is no found-item notice', () => {
		const text =
			'公交失物招领处搬新家了\n\n记者从市公交集团获悉，失物招领处已搬至公交大厦一楼，市民可前往查询。';
		expect(noticeRecords(text)).toEqual([]);
	});
});
