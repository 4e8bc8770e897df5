import { describe, expect, it } from 'vitest';
import { parse, spanOf } from '../../../../../tests/helpers/lostFoundParser';

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
			['李四', '增值税专用发票', '01234567'],
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

describe('void notices: numbers and holders as a reader files them', () => {
	it('keeps a number the paper printed masked whole', () => {
		const text =
			'遗失声明\n▲邹明辉遗失居民身份证，证号430211********3314，声明作废。\n▲谭丽娟遗失中国建设银行株洲分行存折一本，账号6217****5521，声明作废。';
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentNumber])).toEqual([
			['邹明辉', '430211********3314'],
			['谭丽娟', '6217****5521']
		]);
	});

	it("files an invoice by its 发票号码, not its 发票代码, and keeps a range's dash", () => {
		const text =
			'株洲市湘韵茶行遗失增值税普通发票两份，发票代码：043001900211，发票号码：00347781—00347782，声明作废。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			holder: '株洲市湘韵茶行',
			documentType: '增值税普通发票',
			documentNumber: '00347781—00347782'
		});
	});

	it("takes a vehicle's owner (车主) as holder and the number labelled in the body", () => {
		const text =
			'车牌号湘B·7K2Q19的小型货车遗失道路运输证，证号：湘交运管株字430203998877号，车主株洲顺达搬家服务有限公司，声明作废。';
		const [r] = parse(text);
		expect(r).toMatchObject({
			holder: '株洲顺达搬家服务有限公司',
			documentType: '道路运输证',
			documentNumber: '湘交运管株字430203998877号'
		});
	});

	it('takes the organisation named before its legal representative', () => {
		const text =
			'声明\n株洲市石峰区好邻居便利店，法定代表人：曾春华，遗失公章一枚，声明作废。\n▲株洲市荷塘区惠民药房，负责人：易美玲，遗失药品经营许可证正本，声明作废。';
		const rs = parse(text);
		expect(rs.map((r) => [r.holder, r.documentType])).toEqual([
			['株洲市石峰区好邻居便利店', '公章'],
			['株洲市荷塘区惠民药房', '药品经营许可证正本']
		]);
		expect(spanOf(text, rs[0]).startsWith('株洲市石峰区好邻居便利店')).toBe(true);
	});

	it('drops the school in front of a graduate', () => {
		const text =
			'株洲市第八中学2021届毕业生贺晓萌遗失普通高中毕业证书，证书编号：430200202100456，声明作废。';
		expect(parse(text)[0]).toMatchObject({
			holder: '贺晓萌',
			documentType: '普通高中毕业证书',
			documentNumber: '430200202100456'
		});
	});

	it('reads a table of void notices as one notice per row', () => {
		const text = [
			'遗失声明',
			'序号　遗失人　　证件名称　　证件号码',
			'1　　王小军　　居民身份证　　430203199001011234',
			'2　　株洲市恒达商贸有限公司　　开户许可证　　J5520001234501',
			'以上证件声明作废。',
			''
		].join('\n');
		const rs = parse(text);
		expect(rs.map((r) => [r.subtype, r.holder, r.documentType, r.documentNumber])).toEqual([
			['void_notice', '王小军', '居民身份证', '430203199001011234'],
			['void_notice', '株洲市恒达商贸有限公司', '开户许可证', 'J5520001234501']
		]);
		expect(spanOf(text, rs[0])).toBe('1　　王小军　　居民身份证　　430203199001011234');
	});

	it('ends a number printed in brackets at its closing bracket', () => {
		const text =
			'挂失声明\n　　本人贺文斌不慎将房屋所有权证（证号：株房权证石字第00456789号）遗失，自登报之日起作废。\n';
		const [r] = parse(text);
		expect(r).toMatchObject({ holder: '贺文斌', documentNumber: '株房权证石字第00456789号' });
	});
});
