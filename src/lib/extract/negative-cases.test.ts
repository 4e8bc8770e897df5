/**
 * Text that must NOT produce hotline or procedure records, run through the whole pipeline
 * (chrono's negative_cases habit). The notice kinds have their own file
 * (negative-cases-notices.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';

function records(text: string, kinds = ['hotline', 'procedure']) {
	return extract(text, { source: 'negative.txt', published: '2020-05-08' }).filter((r) =>
		kinds.includes(r.kind)
	);
}

describe('negative cases: hotlines and procedures', () => {
	const cases: Array<[string, string]> = [
		[
			'a radio station’s own line in a programme listing',
			'本周电视广播节目\n\n株洲交通频率FM99.9\n17:00—19:00 晚高峰路况播报　路况热线：0731-22109900\n'
		],
		[
			'a race’s organising committee',
			'2026炎陵环湖跑开跑\n\n比赛设半程和10公里两个组别。七、组委会咨询电话：0731-26229900\n'
		],
		[
			'a training school’s 招生电话 advertisement',
			'暑期书法班火热报名中\n\n小班教学，名师授课。招生电话：0731-22660000\n'
		],
		[
			'a citizen’s call told in a report and a source credit',
			'市民蒋先生拨打12345反映：楼下烧烤店油烟太大。\n\n（市12345热线服务中心供稿）\n'
		],
		[
			'an opinion article that talks about procedures',
			'坚持把法律援助这项“民生工程”做实做好\n\n刘文清\n\n法律援助是解决困难群众“打官司难”的一项制度设计。要优化办理流程,缩短办理时限,让群众少跑腿。办理条件要更宽,申请材料要更简,这是群众的期盼。\n\n(作者系市司法局副局长)'
		],
		[
			'a company capital-reduction notice',
			'减资公告\n\n株洲某某机械有限公司经股东会决议,注册资本由1000万元减少至500万元。请债权人自本公告见报之日起45日内向本公司申报债权。联系电话:28881234。特此公告。'
		],
		[
			'a company deregistration notice',
			'注销公告\n\n株洲某某贸易有限公司拟向登记机关申请注销登记,请债权人于45日内向清算组申报债权。联系人:王五,电话:13307330001。'
		],
		[
			'a news lead quoting a reader question without an answer',
			'网友提问:“墨兰怎么养?”“发财树如何进行室内养护?”近日,市园林绿化中心“植物医生”线上问诊平台启用,免费为市民提供园艺咨询服务。\n\n早在2019年8月,技术服务站便开门“坐诊”。'
		],
		[
			'the newspaper footer tip line',
			'寻物启事\n\n本人不慎遗失钱包一个,请拾到者与我联系,电话:13307330002。\n\n广告接待热线 28835396\n\n新闻热线:28835000 发行热线:28835111'
		],
		[
			'a reporter byline with a phone',
			'本报记者 李明 电话:13307330003\n\n昨日,市区多条道路完成改造。'
		],
		[
			'ID and certificate numbers in a notice column',
			'下列证件声明作废\n\n·陈某 遗失\n4302021982072260164\n4号残疾证\n·张某 遗失身份证 430202195901010011'
		],
		[
			'an event sign-up line',
			'想学习广场舞的市民注意了!市民朋友可以前往健身中心现场报名,报名电话:28684239。'
		],
		[
			'a message board statistics report',
			'本报讯 12月，“问政株洲”平台共受理网民留言1234件，办结1187件，办结率96.2%。\n\n回复量排名前五的单位为：\n天元区政府（136件）\n市教育局（87件）\n\n另有3家单位超期未回复，已由市政务服务中心督办。'
		],
		[
			'an editorial quoting a boilerplate reply',
			'“已转相关部门”不该是问政的终点\n\n有网友问路灯什么时候修好，得到的是“已转相关部门办理”；过了一个月再问，回复还是这一句。群众留言，要的是结果。\n\n（作者系本报评论员）'
		],
		[
			'the lead of a daily selection naming the departments that replied',
			'10月15日，“问政株洲”栏目共有612条网友留言受到重视。醴陵市公安局、天元区市场监督管理局等单位回复积极。\n\n留言精选：'
		],
		[
			'reform news counting documents and trips',
			'“一件事一次办”再扩容\n\n以“新生儿出生一件事”为例，群众所需提交的材料从12份减少到4份，跑动次数由5次减少为1次，办理时间压缩了一半以上。'
		],
		[
			'readers quoted in a news lead and a general statement of a department',
			'开学后家长最关心什么？\n\n“校服什么时候发？”“课后服务要不要另外交钱？”开学两周，本报陆续接到家长询问。\n\n对此，市教育局表示，将督促各校公开收费标准，家长有疑问可先向班主任了解。'
		],
		[
			'a utility notice that opens with a greeting',
			'停水通知\n\n尊敬的用户：您好！因供水管网改造施工，1月16日8时至20时部分区域暂停供水，敬请谅解。\n\n株洲市自来水有限公司\n2026年1月13日'
		],
		[
			'an opinion piece with rhetorical numbered question subheads',
			'垃圾分类，难在哪里？\n\n一、为什么总是分不清？\n分类指引贴在不起眼的地方，宣传还没有走进楼栋。\n\n二、怎样才能坚持下去？\n要让分类成为习惯，需要社区、物业和居民一起用力。\n\n（作者系本报评论员）'
		],
		[
			'numbers that are amounts, dates and counts',
			'2019年全市办理案件3968件,补贴2000—3000元,20200417开工,共120多件。'
		],
		[
			'a masthead and an imprint box',
			'株洲日报\n新闻热线：0731-28832000　广告热线：0731-28832111　发行热线：0731-28832222\n订报热线：0731-28832333\n\n湘江风光带二期工程全面完工\n\n本报地址：天元区天台路50号　邮政编码：412007　印刷：株洲日报社印务中心　电话：0731-28832444'
		],
		[
			'hotline statistics and a merger of lines',
			'12345热线去年受理群众诉求86.3万件\n\n本报讯　2025年，株洲12345政务服务便民热线全年共受理群众诉求86.3万件，按时办结率99.2%。今年将推进12345热线与110报警服务台高效对接，另有14条热线将整合并入12345。'
		],
		[
			'the numbers of a fraud warning',
			'据警方介绍，骗子使用的号码为95013开头的虚拟号段和外省手机号13800000001，冒充公检法时还会显示0731-28001110等伪造号码。'
		],
		[
			'a 7-digit number on a Zhuzhou page and a number with no such area code',
			'咨询电话：2868086。联系电话：011-12345678。'
		]
	];
	for (const [why, text] of cases) {
		it(why, () => {
			expect(records(text)).toEqual([]);
		});
	}

	it('survives arbitrary and pathological input', () => {
		const inputs = [
			'',
			'\n\n\n',
			'1'.repeat(100_000),
			'网友提问:'.repeat(5_000),
			'电话:' + '2'.repeat(50_000),
			'办理条件:\n'.repeat(3_000),
			'((((('.repeat(10_000),
			'\u0000\uffff\ud800',
			'回复:'.repeat(10_000)
		];
		// How fast such pages go is measured by `npm run bench` (see worstCases.ts).
		for (const input of inputs)
			expect(() => extract(input, { source: 'x', published: '2020-01-01' })).not.toThrow();
	});
});
