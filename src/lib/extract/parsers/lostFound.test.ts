import { describe, expect, it } from 'vitest';
import { parseContext, runParser } from '../context';
import type { LostFoundRecord } from '../types';
import { lostFoundParser } from './lostFound';

function parse(text: string, published = '2024-11-05'): LostFoundRecord[] {
	return runParser(
		lostFoundParser,
		parseContext(text, { source: 'page.txt', published })
	) as LostFoundRecord[];
}

/** The printed passage of a record. */
function spanOf(text: string, r: LostFoundRecord): string {
	return text.slice(r.source.start, r.source.end);
}

describe('void notices', () => {
	it('reads a headed column whose items have no ending, joining a number broken by a line', () => {
		const text =
			'下列证件 声明作废\n\n·王大明 遗失\n4302031966010212345\n6号残疾证\n·李红 遗失\nC1203004000000321\n号专业技术职务资格证书\n\n';
		const rs = parse(text);
		expect(rs).toHaveLength(2);
		expect(rs[0]).toMatchObject({
			subtype: 'void_notice',
			holder: '王大明',
			documentType: '残疾证',
			documentNumber: '43020319660102123456',
			title: '王大明遗失残疾证声明'
		});
		expect(spanOf(text, rs[0])).toBe('王大明 遗失\n4302031966010212345\n6号残疾证');
		expect(rs[1]).toMatchObject({
			holder: '李红',
			documentType: '专业技术职务资格证书',
			documentNumber: 'C1203004000000321'
		});
		expect(spanOf(text, rs[1])).toBe('李红 遗失\nC1203004000000321\n号专业技术职务资格证书');
	});

	it('reads a column without bullets: a line that ends a notice ends the holder search', () => {
		const text =
			'遗失声明\n孙立 遗失\n430204198807071234\n号身份证\n周芳 遗失\n湘A55821号道路运输证\n';
		const rs = parse(text);
		expect(rs.map((r) => r.holder)).toEqual(['孙立', '周芳']);
		expect(rs[0].documentNumber).toBe('430204198807071234');
		expect(rs[1].documentType).toBe('道路运输证');
	});

	it('splits several notices run together in one paragraph (full-width punctuation)', () => {
		const text =
			'刘一平遗失居民身份证，号码：43020319851203401X，声明作废。王秀英不慎遗失湖南省残疾人联合会核发的残疾证，证号：43022319760815202342，声明作废。湘东伟业建材有限公司遗失营业执照正副本，统一社会信用代码：91430211MA4Q8KTR6C，特此声明。';
		const rs = parse(text);
		expect(rs).toHaveLength(3);
		expect(rs.map((r) => spanOf(text, r))).toEqual([
			'刘一平遗失居民身份证，号码：43020319851203401X，声明作废。',
			'王秀英不慎遗失湖南省残疾人联合会核发的残疾证，证号：43022319760815202342，声明作废。',
			'湘东伟业建材有限公司遗失营业执照正副本，统一社会信用代码：91430211MA4Q8KTR6C，特此声明。'
		]);
		expect(rs[0]).toMatchObject({ holder: '刘一平', documentType: '居民身份证' });
		expect(rs[0].documentNumber).toBe('43020319851203401X');
		expect(rs[1]).toMatchObject({ holder: '王秀英', documentType: '残疾证' });
		expect(rs[2]).toMatchObject({
			holder: '湘东伟业建材有限公司',
			documentType: '营业执照正副本',
			documentNumber: '91430211MA4Q8KTR6C'
		});
	});

	it('reads the date and place of the loss in front of the verb', () => {
		const text =
			'周志强于2024年10月20日在天元区神龙公园附近不慎遗失机动车驾驶证，证号：430204199002153317，特此声明。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			holder: '周志强',
			date: '2024-10-20',
			place: '天元区神龙公园',
			district: '天元区',
			documentType: '机动车驾驶证'
		});
	});

	it('takes several documents together and keeps a labelled number printed with characters', () => {
		const text =
			'株洲市美佳餐饮店遗失公章、财务专用章各一枚，声明作废。\n株洲顺达物流有限公司遗失车辆道路运输证，证号：湘交运管株字4302110\n08821号，声明作废。';
		const rs = parse(text);
		expect(rs[0]).toMatchObject({ documentType: '公章、财务专用章' });
		expect(rs[0].documentNumber).toBeUndefined();
		expect(rs[1]).toMatchObject({
			holder: '株洲顺达物流有限公司',
			documentNumber: '湘交运管株字430211008821号'
		});
	});

	it('reads traditional script and keeps the printed characters', () => {
		const text = '張小華遺失身份證，號碼：430203199512120021，聲明作廢。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			holder: '張小華',
			documentType: '身份證',
			documentNumber: '430203199512120021',
			title: '張小華遺失身份證聲明'
		});
		expect(spanOf(text, r)).toBe(text);
	});

	it('joins an item without its own ending to the one that ends the sentence', () => {
		const text = '钱多多遗失学生证、赵四遗失户口簿，声明作废。';
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentType])).toEqual([
			['钱多多', '学生证'],
			['赵四', '户口簿']
		]);
	});

	it('is not fooled by a capital-reduction notice, a deregistration or a news story', () => {
		const text = [
			'减资公告',
			'株洲恒达机械有限公司（统一社会信用代码：91430200MA4L2RXX7B）经股东会决议，注册资本由1000万元减少至500万元。请债权人自本公告见报之日起45日内向本公司申报债权，特此公告。',
			'注销公告',
			'株洲某某贸易有限公司经股东决定拟向登记机关申请注销登记，请债权人于45日内向清算组申报债权，特此公告。',
			'记者了解到，不少市民遗失身份证后不知如何补办，其实原证件挂失后即自动作废。'
		].join('\n\n');
		expect(parse(text)).toEqual([]);
	});
});

describe('lost things', () => {
	it('reads a 寻物启事 with its date (in the past), place, phone, contact and reward', () => {
		const text =
			'寻物启事\n\n本人于12月28日下午在芦淞区建设路公交站附近遗失黑色双肩包一个，内有笔记本电脑一台。有拾到者请与李先生联系，电话：13973312468，必有重谢！';
		const [r] = parse(text, '2025-01-03');
		expect(r).toMatchObject({
			subtype: 'lost_item',
			title: '寻物启事：黑色双肩包',
			// The thing itself: its quantity and what it holds are not its name.
			item: '黑色双肩包',
			place: '芦淞区建设路公交站',
			date: '2024-12-28',
			contactName: '李先生',
			reward: '必有重谢'
		});
		expect(r.phones.map((p) => p.number)).toEqual(['13973312468']);
		expect(spanOf(text, r)).toBe(text);
	});

	it('reads a lost thing told in one paragraph without a headline', () => {
		const text =
			'本人11月1日在荷塘区红旗广场遗失棕色皮夹一个，内有身份证及银行卡，有拾到者请联系13800001111，当面酬谢。';
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'lost_item', place: '荷塘区红旗广场', reward: '当面酬谢' });
		expect(r.documentType).toBeUndefined();
	});
});

describe('found things', () => {
	it('reads a 招领启事 with the place to claim it', () => {
		const text =
			'招领启事\n\n10月30日，市民在河西步行街拾得棕色钱包一个，内有现金若干。请失主携带有效证件到泰山路派出所认领，联系电话：0731-22881234。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			subtype: 'found_item',
			item: '棕色钱包',
			place: '河西步行街',
			date: '2024-10-30',
			claimPlace: '泰山路派出所'
		});
		expect(r.phones[0].number).toBe('0731-22881234');
		expect(spanOf(text, r).startsWith('招领启事')).toBe(true);
	});

	it('reads a found thing told in one paragraph', () => {
		const text = '失物招领：11月2日在K16路公交车上拾到黑色手机一部，请失主到公交公司调度室认领。';
		const [r] = parse(text);
		expect(r).toMatchObject({ subtype: 'found_item', claimPlace: '公交公司调度室' });
		expect(r.item).toBe('黑色手机');
	});

	it('leaves a found infant to the family-search parser', () => {
		const text =
			'寻亲公告\n\n2024年3月1日在某村拾得一名女婴，如有知情者请与王五联系，电话：13307330000。';
		expect(parse(text)).toEqual([]);
	});
});

describe('void notices: what is not a notice', () => {
	it('skips a guide sentence that tells how to declare a document void', () => {
		const text =
			'身份证遗失的，需先登报声明作废后再到派出所补办。证件遗失后应及时挂失，声明作废手续可在网上办理。';
		expect(parse(text)).toEqual([]);
	});

	it('reads a notice whose document comes before the verb', () => {
		const text =
			'株洲市红星商贸有限公司不慎将税务登记证副本遗失，声明作废。李冬梅身份证遗失，号码430211197001011111，声明作废。';
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentType])).toEqual([
			['株洲市红星商贸有限公司', '税务登记证副本'],
			['李冬梅', '身份证']
		]);
		expect(rs[1].documentNumber).toBe('430211197001011111');
	});
});

describe('void notices in other layouts', () => {
	it('reads numbered notices, issuers before the document, plates and check digits', () => {
		const text = [
			'遗失声明',
			'1、张三遗失某市第一中学2010年毕业证书，证书编号：431234201000123，声明作废。2、红枫商贸有限公司遗失中国银行芦淞支行开户许可证，核准号：J5520001234501，声明作废。',
			'3.李四遗失增值税专用发票一份（发票代码：4300191130，发票号码：01234567），声明作废。',
			'○王五 遗失 机动车行驶证 湘B·12345 声明作废',
			'遺失聲明：陳大文不慎遺失香港居民身份證，號碼Ｇ１２３４５６（７），特此聲明。'
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentType, r.documentNumber])).toEqual([
			['张三', '毕业证书', '431234201000123'],
			['红枫商贸有限公司', '开户许可证', 'J5520001234501'],
			['李四', '增值税专用发票', '4300191130'],
			['王五', '机动车行驶证', '湘B·12345'],
			['陳大文', '香港居民身份證', 'G123456(7)']
		]);
		expect(text.slice(rs[3].source.start, rs[3].source.end)).toBe(
			'王五 遗失 机动车行驶证 湘B·12345 声明作废'
		);
	});
});

describe('void notices broken by the column', () => {
	it('joins a holder whose name is broken by a line break', () => {
		const text =
			'赵一遗失学生证，号码20230101，声明作废。钱\n多多遗失身份证，号码430203200001011234，声明作废。株洲市云帆\n科技有限公司遗失公章一枚，声明作废。';
		const rs = parse(text);
		expect(rs.map((r) => r.holder)).toEqual(['赵一', '钱多多', '株洲市云帆科技有限公司']);
	});
});

describe('holders whose names contain news-like characters', () => {
	it('keeps 曾, 如 and 后 inside a name', () => {
		const text =
			'曾如意遗失身份证，号码430203199001011111，声明作废。后小军遗失学生证，号码20240001，声明作废。';
		expect(parse(text).map((r) => r.holder)).toEqual(['曾如意', '后小军']);
	});
});

describe('holders and documents read as a reader files them', () => {
	it('keeps two names joined by 、 and drops 夫妇, a vehicle and a school role', () => {
		const text = [
			'朱海峰、彭丽华遗失结婚证，字号：J430211-2016-000871，声明作废。',
			'陈国栋、罗美玲夫妇不慎遗失不动产权证书，证号：湘（2021）株洲市不动产权第0034567号，现声明作废。',
			'攸县新塘湾运输有限公司湘B·57Q18号车遗失道路运输证，证号：430223012288，声明作废。',
			'湖南工业大学学生贺思远遗失学生证，学号20221203417，声明作废。'
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentType, r.documentNumber])).toEqual([
			['朱海峰、彭丽华', '结婚证', 'J430211-2016-000871'],
			['陈国栋、罗美玲', '不动产权证书', '湘(2021)株洲市不动产权第0034567号'],
			['攸县新塘湾运输有限公司', '道路运输证', '430223012288'],
			['贺思远', '学生证', '20221203417']
		]);
		// The passage still starts at the first name and at the company.
		expect(spanOf(text, rs[0])).toBe(
			'朱海峰、彭丽华遗失结婚证，字号：J430211-2016-000871，声明作废。'
		);
		expect(spanOf(text, rs[2]).startsWith('攸县新塘湾运输有限公司湘B·57Q18号车遗失')).toBe(true);
	});

	it('reads past the holder’s bracketed ID to the document lost, with date and place', () => {
		const text =
			'周建平（身份证号：430203197512120016）于2025年8月20日在芦淞区服饰城附近不慎遗失机动车驾驶证，证号同身份证号，声明作废。';
		const [r] = parse(text, '2025-09-01');
		expect(r).toMatchObject({
			holder: '周建平',
			documentType: '机动车驾驶证',
			date: '2025-08-20',
			place: '芦淞区服饰城'
		});
	});

	it('takes the name of 本人某某， before the verb', () => {
		const text = '本人罗小军，遗失残疾人证，证号43020319700101123X42，声明作废。';
		const [r] = parse(text);
		expect(r).toMatchObject({ holder: '罗小军', documentType: '残疾人证' });
		expect(spanOf(text, r)).toBe(text);
	});

	it('keeps the · inside a name but not a bullet’s', () => {
		const text =
			'遗失声明\n·阿依古丽·买买提遗失居民身份证，号码653101199203150028，声明作废。\n·王建军遗失驾驶证，证号430203198001011111，特此公告。';
		expect(parse(text).map((r) => r.holder)).toEqual(['阿依古丽·买买提', '王建军']);
	});

	it('does not join a document and the next holder across 、', () => {
		const text = '张敏遗失身份证、李强遗失户口本，声明作废。';
		expect(parse(text).map((r) => [r.holder, r.documentType])).toEqual([
			['张敏', '身份证'],
			['李强', '户口本']
		]);
	});

	it('reads long document names whole and stops at the unit after a number', () => {
		const text = [
			'龙秀英遗失中华人民共和国残疾人证，证号43020419580312202644，声明作废。',
			'石峰区清水塘街道胜利村村民委员会遗失集体土地所有权证，证号：株石集有（2012）第000215号，声明作废。',
			'蒋立平遗失枫溪家园C区3栋402房购房收据一张，收据编号0012873，声明作废。',
			'衡阳雁城通达货运有限公司遗失湘D·88172挂道路运输证，证号430406007712，声明作废。',
			'贺冬梅遗失不动产登记证明，证号：湘(2022)株洲市不动产证明第0098765号，声明作废。'
		].join('\n');
		expect(parse(text).map((r) => r.documentType)).toEqual([
			'中华人民共和国残疾人证',
			'集体土地所有权证',
			'购房收据',
			'道路运输证',
			'不动产登记证明'
		]);
	});

	it('reads a narrow column: a document name, a number and the ending broken across lines', () => {
		const text =
			'遗失声明\n王晓燕遗失湖南省\n株洲市中心医院出\n生医学证明，编号\nN430567890，声明\n作废。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({
			holder: '王晓燕',
			documentType: '出生医学证明',
			documentNumber: 'N430567890'
		});
		expect(spanOf(text, r).endsWith('声明\n作废。')).toBe(true);
	});

	it('takes a holder labelled in the body when none stands in front', () => {
		const text =
			'遗失居民身份证一张，姓名：陈小龙，号码：430204199511230035，声明作废。\n遗失营业执照正本，名称：株洲市芦淞区阿娟早餐店，统一社会信用代码：92430203MA4M8KC41X，特此声明。';
		expect(parse(text).map((r) => [r.holder, r.documentType, r.documentNumber])).toEqual([
			['陈小龙', '居民身份证', '430204199511230035'],
			['株洲市芦淞区阿娟早餐店', '营业执照正本', '92430203MA4M8KC41X']
		]);
	});

	it('takes the person signing 声明人：… as the holder of a 本人 notice', () => {
		const text =
			'本人不慎遗失中华人民共和国护照，护照号E98765432，特此声明作废。\n声明人：谢志刚\n2025年10月3日';
		const [r] = parse(text);
		expect(r).toMatchObject({ holder: '谢志刚', documentType: '中华人民共和国护照' });
	});

	it('takes the signing organisation as the holder of a 本公司 notice', () => {
		const text =
			'遗失声明\n本公司不慎遗失株洲市房屋买卖合同备案登记证明一份，备案号：ZZ2019-0087654，特此声明作废。\n株洲新湘江置业有限公司\n2025年9月2日\n';
		const [r] = parse(text, '2025-09-04');
		expect(r).toMatchObject({
			holder: '株洲新湘江置业有限公司',
			documentType: '株洲市房屋买卖合同备案登记证明',
			documentNumber: 'ZZ2019-0087654'
		});
		expect(spanOf(text, r)).toBe(
			'本公司不慎遗失株洲市房屋买卖合同备案登记证明一份，备案号：ZZ2019-0087654，特此声明作废。'
		);
	});

	it('reads OCR text: spaced headline, grouped digits, 声朋 and 声明作费', () => {
		const text =
			'遗 失 声 明\n文小娟不慎遺失居民身份证,证号 4302 0319 9006 2314 29,声明作废.\n邹建新遗失湘B 3M8K7号道路运输证,证号:430204 008812,声明作费。\n';
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentType, r.documentNumber])).toEqual([
			['文小娟', '居民身份证', '430203199006231429'],
			['邹建新', '道路运输证', '430204008812']
		]);
		expect(spanOf(text, rs[1]).endsWith('声明作费。')).toBe(true);
	});
});

describe('lost and found things', () => {
	it('names the thing without its quantity, description or who lost it', () => {
		const text =
			'失物招领\n11月10日，K26路公交车驾驶员在车厢内拾到乘客遗失的蓝色雨伞一把、保温杯一个。请失主携带有效证件到公交总站调度室认领，电话：0731-28225566。';
		const [r] = parse(text, '2024-11-12');
		expect(r).toMatchObject({ item: '蓝色雨伞', title: '失物招领：蓝色雨伞', date: '2024-11-10' });
	});

	it('finds a thing put before the verb (将…遗落) and keeps the day of a dated time', () => {
		const text =
			'寻物启事\n10月19日下午4时许，本人在荷塘区乘坐出租车时，将一个棕色皮质公文包遗落在车上，包内有户口本。有拾到者请与谭先生联系，电话：13974185520，当面酬谢1000元。';
		const [r] = parse(text, '2025-10-22');
		expect(r).toMatchObject({
			subtype: 'lost_item',
			item: '棕色皮质公文包',
			date: '2025-10-19',
			contactName: '谭先生',
			reward: '当面酬谢1000元'
		});
	});

	it('ends a headed notice at the next inline notice and leaves out the page’s tip', () => {
		const text = [
			'招领启事',
			'8月11日上午，市民在中心广场拾得黑色手提包一个，请失主到建设路派出所认领。联系电话：0731-28130110。',
			'寻物启事：本人于8月12日在神农公园遗失白色手机一部，必有重谢！联系人：林女士 139 7416 6031',
			'',
			'警方提醒：发现物品遗失可及时拨打110求助。'
		].join('\n');
		const rs = parse(text, '2025-08-14');
		expect(rs.map((r) => [r.subtype, r.item, r.phones.map((p) => p.number)])).toEqual([
			['found_item', '黑色手提包', ['0731-28130110']],
			['lost_item', '白色手机', ['13974166031']]
		]);
		expect(spanOf(text, rs[0]).endsWith('0731-28130110。')).toBe(true);
	});

	it('reads a lost thing whose finder is asked to bring it somewhere, without a phone', () => {
		const text =
			'10月4日下午在神农公园附近丢失一条白色比熊犬，有拾到者请送至神农公园东门保安室，必有重谢。';
		const [r] = parse(text, '2025-10-05');
		expect(r).toMatchObject({ subtype: 'lost_item', item: '白色比熊犬', place: '神农公园' });
	});

	it('names a pet told before its verb (一只橘色狸花猫从小区走失)', () => {
		const text =
			'寻猫启事\n10月1日晚，家中一只橘色狸花猫从石峰区响石岭小区走失，猫咪胆小，左前爪有白斑。悬赏2000元，有线索者请联系：18107330099。';
		const [r] = parse(text, '2025-10-05');
		expect(r).toMatchObject({ subtype: 'lost_item', item: '橘色狸花猫', reward: '悬赏2000元' });
	});

	it('reads a found document with its owner and number', () => {
		const text =
			'招领\n本人于4月14日在湘江风光带拾到居民身份证一张，姓名：卢振宇，身份证号码：430221199207153317。请失主本人与我联系：13974127713（周女士）。';
		const [r] = parse(text, '2025-04-16');
		expect(r).toMatchObject({
			subtype: 'found_item',
			documentType: '居民身份证',
			holder: '卢振宇',
			documentNumber: '430221199207153317',
			contactName: '周女士'
		});
	});

	it('reads a found thing told as news, from the finding to the asking', () => {
		const text = [
			'拾到挎包 民警急寻失主',
			'',
			'5月25日晚，环卫工人肖师傅在红港路清扫时，发现一个深灰色帆布挎包，便将挎包送到了月塘派出所。',
			'',
			'包内有现金两万余元和一本存折。',
			'',
			'民警希望失主看到报道后尽快与月塘派出所陈警官联系，电话0731-28456110。'
		].join('\n');
		const [r] = parse(text, '2025-05-27');
		expect(r).toMatchObject({ subtype: 'found_item', item: '深灰色帆布挎包', date: '2025-05-25' });
		expect(r.phones.map((p) => p.number)).toEqual(['0731-28456110']);
		expect(spanOf(text, r).startsWith('5月25日晚')).toBe(true);
		expect(spanOf(text, r).endsWith('0731-28456110。')).toBe(true);
	});
});

describe('examples are told by their own words, not their neighbours’', () => {
	it('keeps a real notice after one whose holder’s name holds 参考', () => {
		const text =
			'株洲市参考书店遗失营业执照，声明作废。李明遗失身份证，号码430203199001011234，声明作废。';
		expect(parse(text).map((r) => r.holder)).toEqual(['株洲市参考书店', '李明']);
	});
});

describe('missing people are not lost things', () => {
	it('leaves a 寻亲 notice whose family 丢失女儿 to the family-search parser', () => {
		const text =
			'寻亲启事\n我叫李晓梅，1998年在株洲火车站与家人失散时约5岁。家人于当年在火车站丢失女儿后多方寻找未果。如有知情者或见到者请联系13974165432，必有重谢。';
		expect(parse(text)).toEqual([]);
	});
});

describe('lists of found things', () => {
	it('files one record per owner of a list of unclaimed documents', () => {
		const text =
			'以下身份证请失主认领：欧阳文杰、黄淑琴、曹俊。\n\n失主可到公交第三分公司调度中心认领，咨询电话：0731-28226012。';
		const rs = parse(text);
		expect(rs.map((r) => [spanOf(text, r), r.holder, r.documentType])).toEqual([
			['欧阳文杰', '欧阳文杰', '身份证'],
			['黄淑琴', '黄淑琴', '身份证'],
			['曹俊', '曹俊', '身份证']
		]);
		expect(rs.every((r) => r.phones[0]?.number === '0731-28226012')).toBe(true);
		expect(rs[0].claimPlace).toBe('公交第三分公司调度中心');
	});

	it('reads names over the lines below a heading, a padded two-character name as one', () => {
		const text =
			'以下旅客遗失的身份证请失主前来认领：\n谭思远　王丽君\n贺晓峰　周　敏\n\n认领地点：火车站派出所值班室，电话：0731-22123110。';
		const rs = parse(text);
		expect(rs.map((r) => [spanOf(text, r), r.holder])).toEqual([
			['谭思远', '谭思远'],
			['王丽君', '王丽君'],
			['贺晓峰', '贺晓峰'],
			['周　敏', '周敏']
		]);
		expect(rs[3]).toMatchObject({ claimPlace: '火车站派出所值班室', documentType: '身份证' });
	});

	it('keeps a found card whose number is masked in the middle (not a template)', () => {
		const text =
			'招领启事\n6月2日在建设路拾到居民身份证一张，姓名：邓小兵，身份证号码：430203********1234。请失主到建设路派出所认领。';
		const [r] = parse(text, '2025-06-05');
		expect(r).toMatchObject({ holder: '邓小兵', documentType: '居民身份证' });
	});

	it('files one record per line of an unnumbered list, sharing the instructions below it', () => {
		const text =
			'失物招领\n黑色钱包一个（10月3日，人民路公交站）\n蓝色雨伞一把（10月4日，建设路）\n请失主携带有效证件到建设路社区认领，电话0731-28001234。';
		const rs = parse(text, '2025-10-06');
		expect(rs.map((r) => [spanOf(text, r), r.item, r.date, r.claimPlace])).toEqual([
			['黑色钱包一个（10月3日，人民路公交站）', '黑色钱包', '2025-10-03', '建设路社区'],
			['蓝色雨伞一把（10月4日，建设路）', '蓝色雨伞', '2025-10-04', '建设路社区']
		]);
		expect(rs.every((r) => r.phones[0]?.number === '0731-28001234')).toBe(true);
	});

	it('files one record per row of a table of found things, not the paragraph above it', () => {
		const text = [
			'以下物品为6月在地铁车站拾获，至今无人认领。请失主到车站客服中心认领。',
			'',
			'序号　拾获日期　拾获地点　物品名称',
			'1　6月3日　2号线五一广场站　黑色双肩背包',
			'2　6月7日　1号线侯家塘站　银色保温杯',
			'',
			'地铁6号线东延段进入试运行'
		].join('\n');
		const rs = parse(text, '2025-07-03');
		expect(rs.map((r) => [r.item, r.place, r.date])).toEqual([
			['黑色双肩背包', '2号线五一广场站', '2025-06-03'],
			['银色保温杯', '1号线侯家塘站', '2025-06-07']
		]);
		expect(spanOf(text, rs[1])).toBe('2　6月7日　1号线侯家塘站　银色保温杯');
	});
});
