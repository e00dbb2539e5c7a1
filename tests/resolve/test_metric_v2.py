"""The metric resolver against contract v2's rules, with made-up sentences."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import Extract, Find


@pytest.mark.parametrize(
    ("body", "surface", "metric"),
    [
        # a topic carries through its paragraph
        ("本周实施减班休息的企业有所减少。实施单位共320家，人数4500人。", "320家", "furlough_employers"),
        ("本周实施减班休息的企业有所减少。实施单位共320家，人数4500人。", "4500人", "furloughed_workers"),
        # recipients of support
        ("全市向350家企业发放稳岗补贴1200万元。", "350家", "support_recipients"),
    ],
)
def test_metric_v2_rules(record: Find, body: str, surface: str, metric: str) -> None:
    assert record(body, surface).metric.value == metric


@pytest.mark.parametrize(
    ("body", "surface"),
    [
        # a number that defines a class is part of the subject, not a record
        ("全市用工100人以上的企业320家已全部复工。", "100人"),
        ("复产率超70%的企业占81.2%。", "70%"),
        # tax relief in general is business-cost relief, not support for jobs
        ("今年前三季度，全国小微企业享受税费减免9461亿元，同比增长6.7%。", "9461亿元"),
        # 创造 names jobs only in a sentence about jobs (创造辉煌, 创新创造)
        ("7个故事像7个闪光的足迹，记录了中国人民艰苦奋斗创造辉煌的历史进程。", "7个"),
        # people moved out of a flood (紧急转移安置, two out-of-scope words that overlap) and patients
        ("安徽共有5市24县受灾，累计紧急转移安置6.4万人。", "6.4万人"),
        ("医院拥有8000多名员工，每天接诊人数超过2000人。", "2000人"),
        # a share in a sentence about disinfectant, water supply, land or foreign investment
        ("公司员工进出，都会采用75%的酒精消毒。", "75%"),
        ("规模化供水工程覆盖农村人口比例达到60%。", "60%"),
        # school statistics and entrance exams are education, not work
        ("普通小学招生1869.0万人，在校生10561.2万人，毕业生1647.9万人。", "1647.9万人"),
        ("录取阶段，高考成绩将占综合成绩的85%。", "85%"),
        # money lent that is not tied to jobs is out of scope
        ("银行向企业发放流动资金贷款5亿元。", "5亿元"),
        # one person's wage in an anecdote
        ("他说，一个月工资不到2000元。", "2000元"),
        # money lent: the loan is named in an earlier clause of the sentence
        ("银行复工复产专项贷款已完成投放，共发放1200亿元。", "1200亿元"),
        # a bare change inherits the out-of-scope measure of the clauses before it
        ("一季度企业的订单量同比增长18%，仅3月份就增长了30%。", "30%"),
        ("全国一般公共预算支出近7万亿元，同比增长2.9%，就业支出分别增长3.7%。", "2.9%"),
        # what the people counted did is outside the contract, in a paragraph about work
        ("村里的就业工作扎实推进，2018年601人实现脱贫。", "601人"),
        # those a bank lent to, in a sentence not about jobs
        ("春节以来，某银行已为700多家小微企业发放贷款超10亿元。", "700多家"),
        # 进场 and 缺口 name a metric only in a sentence about work
        ("此役4113人进场，创下主场观众新纪录。", "4113人"),
        ("三部机组合计是90万千瓦，供电尚有缺口。", "90万"),
        # people carried are workers transported only in a sentence about work or workers
        ("据日本厚生劳动省消息，乘日本政府包机回国的首批206名日本人抵达东京。", "206名"),
        # 请了 in 申请了 and 签约 outside hiring name no job matches
        ("已有超350万名消费者申请了电动自行车以旧换新补贴。", "350万名"),
        ("全国家庭医生达139.1万人，全国老年人签约人数达1.8亿人。", "1.8亿人"),
        # training in a public service is no employment support
        ("三年来，全市累计培训中小学骨干教师640名。", "640名"),
        ("他带过的兵在各自岗位发光，其中12人当上干部。", "12人"),
        # 走上领导岗位 and 医疗人才 put no paragraph on work
        ("他带出的学员中，6名走上领导岗位，200多名成为业务骨干。", "200多名"),
        ("全区医疗卫生机构达到1548个，卫生人员2.4万余人。", "2.4万余人"),
        ("全区还有24万建档立卡贫困人口未脱贫，就业帮扶任务艰巨。", "24万"),
        ("全国36个个人养老金先行城市开立账户人数4030万人，就业稳定。", "36个"),
        # hardship aid named after the number, general business-cost relief, patients' relief
        ("总工会紧急下拨3.96亿元中央财政职工困难帮扶资金，用于职工帮扶。", "3.96亿元"),
        ("深入开展暖企行动，2019年为企业减负超过300亿元。", "300亿元"),
        ("医保目录连续调整，为患者减负4600亿元，职工受益。", "4600亿元"),
        # 工作专班 is a task force, not a bus
        ("服务专班推进50个重大工业项目复工，抓好惠企21条落实。", "21条"),
        # macro and education rates, interviews, promotions and residents are no labour figures
        ("去年全省城镇化率达到61.5%，农民工就业稳定。", "61.5%"),
        ("今年大学招生缺额率达8.2%，毕业生就业压力大。", "8.2%"),
        ("记者采访了5位坚守岗位的一线职工。", "5位"),
        ("今年该县已提拔31名年轻干部到乡镇岗位任职。", "31名"),
        ("社区常住2100户、6300人，复工企业有序恢复。", "6300人"),
        # a count of goods is no enterprise count: 双 is a measure of its own
        ("这家鞋厂一年能卖出2.4亿双鞋，带动就业。", "2.4亿"),
        # recipients of business-cost relief are out with the relief (v2)
        ("采取降低税费、减免房租等措施，预计可为27万家中小微企业减负60亿元以上。", "27万家"),
        # share prices, social-security card coverage and poverty-transition funds are no labour figures
        ("除了薪资高，酒厂如今股价达人民币484元，员工招聘火爆。", "484元"),
        ("就业服务网络基本形成，社会保障卡覆盖98%的人口。", "98%"),
        ("中央财政累计安排衔接资金6731亿元，脱贫劳动力务工就业规模稳中有增。", "6731亿元"),
        # ...but money and shares after a ； are other measures as often as not
        ("制造业获得减税降费近1.5万亿元；服务业获得支持超8700亿元。", "8700亿元"),
        # government units, police branches, cadres and service-performance rates (fourth blind set)
        ("从市直26家单位抽调39名专家，组建服务企业专家团队。", "26家"),
        ("按照职能融合的原则，把22个警种撤并为9个，干部保留原职级，就业稳定。", "22个"),
        ("1263名帮扶干部立下军令状，扶产业、促就业。", "1263名"),
        ("对企业反映的问题，办结率、回访率均达到100%，企业用工顺畅。", "100%"),
        # channels for job notices are no notices (4条农民工用工信息对接渠道)
        ("进一步畅通各村与县内企业等4条农民工用工信息对接渠道，强化点对点服务。", "4条"),
        # medical teams are no labour figures
        ("医疗队由11所医院的医务工作者组成，共144人，就业服务同步开展。", "144人"),
        # aid funds of one region for another (援疆) are public spending, not support for jobs
        ("三年来，各援疆省市投入教育援疆资金170多亿元，就业稳定。", "170多亿元"),
        # business volume: contract and executed amounts, and their growth
        ("企业承接服务外包合同额1.6万亿元，执行额1.1万亿元，同比分别增长17.6%和14.5%，吸纳就业稳定。",
         "17.6%"),
        # people in a video call, medical staff who died on duty
        ("复工后，办公平台只允许9人同时开会，升级后可支持300人视频会议。", "300人"),
        ("殉职的医生人数已经上升到24人，其中包括返回岗位的退休医生。", "24人"),
        # one person's or one family's pay, also in a quote; a class defined by a wage; income raised
        ("“当时在外面打工，一个月工资不到2000元。", "2000元"),
        ("如克也木说，现在丈夫每月工资有4600元左右，能寄回家3000元。", "4600元"),
        ("劳动部解释，月薪低于2万元的18.3万名劳工属全职。", "2万元"),
        ("职缺平均薪资为3万2000元，其中月薪4万元以上的职缺近400个。", "4万元"),
        ("通过技能培训，让老艺人带新人，带动近2000人增收致富。", "2000人"),
        # party members, village secretaries, aid units and workshops counted behind describing words
        ("对全省26.9万名流动党员，流入地党组织齐抓共管，做好就业服务。", "26.9万名"),
        ("本版刊发5名来自不同地区的第一书记在春节假期坚守岗位的报道。", "5名"),
        ("天津、山东和37家中央定点帮扶单位，累计为甘肃实施项目，农村劳动力实现就业。", "37家"),
        ("目前，浙江已建成8800多家“共富工坊”，吸纳农民就业。", "8800多家"),
        ("从分类评价、岗位聘任实行聘期制、加强监管3个方面，完善教师岗位聘任。", "3个"),
        # relocation and medical relief are welfare, not work
        ("脱贫攻坚战中，我国有960多万贫困群众通过易地扶贫搬迁告别贫困，就业增收。", "960多万"),
        ("健康扶贫累计救治1200多万贫困人口，就业扶贫成效明显。", "1200多万"),
        # a multiple of a figure that is no record (aid funds, projects) is none either
        ("东部九省市投入财政帮扶资金177亿元，是上年的3倍；帮扶144万贫困人口转移就业。", "3倍"),
        ("全市新开工亿元以上工业项目34个，是2018年同期的1.8倍，带动就业。", "1.8倍"),
        # deaths, discipline, inspections, scholarships and long-term care are no labour figures
        ("我们永远不能忘记，4600多名同胞不幸罹难，一批干部职工因公殉职。", "4600多名"),
        ("两轮巡视期间，追责问责129人，企业用工稳定。", "129人"),
        ("累计资助贫困学生超过6000人次，提供公益扶贫岗位1482个。", "6000人次"),
        ("长期护理保险累计超225万失能人员享受待遇，就业稳定。", "225万"),
        # village task forces on duty, and party or union bodies of firms
        ("今年春节，全疆7.7万名驻村工作队队员坚守在岗位上。", "7.7万名"),
        ("黄埔区成立了21家规模以上企业党委，带动就业。", "21家"),
        # a bare number never counts money (元 is always written)
        ("全年落实生态补偿资金19.63亿元，58.41万农牧户受益。", "58.41万"),
        # from the second audit: rates of the economy, welfare and poverty figures, procedure
        # numbers of recruitment notices, exchange rates, hotels, relocated households, hypotheses
        ("主要农产品加工转化率达到75%，企业用工稳定。", "75%"),
        ("全国近3亿人领取养老金，必须确保按时足额发放，就业稳定。", "3亿人"),
        ("全村建档立卡贫困户现在只剩下15户34人未脱贫，就业帮扶持续。", "34人"),
        ("每名考生限报1个岗位，笔试占40%，招聘工作有序。", "40%"),
        ("月薪约为15万卢布（1卢布约合0.10元人民币）。", "0.10元"),
        ("亚运会确定的72家官方接待酒店开展服务培训。", "72家"),
        ("安排就近就业，让全区9256户易地扶贫搬迁户持续稳定增收。", "9256户"),
        ("如果以一名员工月薪一万元算，企业负担很重。", "一万元"),
        ("中央财政安排资金支持4.1万所特色学校，带动就业。", "4.1万"),
        # from the third audit: health programmes, housing and relief, fiscal funds, judicial and
        # military staff, volunteers, residents, a quoted headline figure, households of welfare
        ("受训村医6689人，线上培训平台参训村医5042人次。", "6689人"),
        ("近年来累计建设的8000多万套保障房和棚改安置房，帮助2亿多人安了家。", "2亿多人"),
        ("学生资助补助经费增长9.6%，就业补助资金增长5%。", "9.6%"),
        ("全年培训干警61.5万人次。", "61.5万人次"),
        ("近年来，从基地走出了新兵6800名、学员兵8900名。", "6800名"),
        ("全国已累计开工改造城镇老旧小区近28万个，惠及1.2亿居民，带动就业。", "1.2亿"),
        ("“1361万人”——去年我国城镇新增就业人数创新高，完成全年目标。", "1361万人"),
        ("巩固脱贫攻坚成果，完成贫困户危房改造1561户，带动就业。", "1561户"),
        ("例如，一名员工每月的原净工资性收入为2500欧元，因采取短时工作制降至1200欧元。", "1200欧元"),
        ("南昌大学项目服务面积10万余亩，帮助农户就业增收。", "10万"),
        # a class defined by a production level; staffing quotas; inspections; patients
        ("达到正常生产水平一半以上的企业占六成，复工稳步推进。", "一半"),
        ("这个班组编制11人，只有8人在岗。", "11人"),
        ("检查过往车辆近5000台，检查人员近万人，企业复工有序。", "万人"),
        # student aid, disability welfare, water supply and federations of business are no labour figures
        ("全国发放国家助学贷款474.44万人，发放金额346.07亿元，就业帮扶同步推进。", "474.44万人"),
        ("截至2024年12月，1191.4万残疾人领取困难残疾人生活补贴，1623.1万重度残疾人领取护理补贴。", "1623.1万"),
        ("农村自来水普及率达到94%，务工收入稳定增长。", "94%"),
        ("全国工商联发动3000多个基层工商联组织、5万多家所属商会全面摸排民营企业岗位需求。", "5万多家"),
        ("“3.8%”——去年末，全国城镇登记失业率为3.9%，处于低位。", "3.8%"),
        # from a fourth audit: poverty headcounts, disability allowances, ticket prices, grid load,
        # market shares, loan balances, clinics, awards to comrades, rest stations for workers
        ("全省农村贫困人口由建档立卡之初的126万人减少到2019年底的1.42万人，就业帮扶成效明显。", "1.42万人"),
        ("残疾人两项补贴分别惠及1188.4万困难残疾人和1640万重度残疾人。", "1188.4万"),
        ("随着复工复产加快，出行需求增加，飞机票价格上涨5.6%。", "5.6%"),
        ("广东电网统调负荷最高达到1.19亿千瓦，比2018年最高负荷增长8.4%，企业复工。", "8.4%"),
        ("去年阳光大姐安置就业22万人次，占济南市场的70%。", "70%"),
        ("人民币贷款余额151.6万亿元，比上年末增长12.5%，企业融资稳就业。", "12.5%"),
        ("王玉凤、申小惠等10名同志获得全国劳动模范称号。", "10名"),
        ("重庆江北区将辖区内的36个劳动者港湾对骑手开放。", "36个"),
        ("实施降准释放1.75万亿元资金，支持企业稳定就业。", "1.75万亿元"),
        # minimum-income aid, pupils, pensioners, shares of student-aid funds are no labour figures
        ("年末全国共有861万人享受城市最低生活保障，就业帮扶同步推进。", "861万人"),
        ("普通小学招生1869.0万人，在校生10561.2万人，教师就业稳定。", "10561.2万人"),
        ("继续提高3亿多退休职工和城乡居民的基本养老金，就业稳定。", "3亿多"),
        ("银行发放国家助学贷款346.07亿元，占高校资助资金总额的26.28%。", "26.28%"),
        # military drills, honours, pension funds are no labour figures
        ("导弹旅组织实弹演练，200多名官兵参加。", "200多名"),
        ("他被授予技术能手称号，全市共评选标兵30名。", "30名"),
        # a pull-out box (■) of the page is display text even when the body does not repeat it
        ("■据不完全统计，铁路建设已经聘用工人3.2万多人次。\n正文说的是别的事情。\n", "3.2万多人次"),
        # support that is not about work or firms' operation: welfare, health, public works
        ("全市建设保障性住房5900多套，惠及困难群众1.4万多人。", "1.4万多人"),
        ("车队免费接送一线医务工作者，共覆盖8600多人。", "8600多人"),
        ("今年投入4.95亿元用于洼地治理，惠及沿线村民。", "4.95亿元"),
        # projects that start are no record; projects that resume work are
        ("总投资203亿元的30个项目在合肥集中签约、开工，带动就业5000人。", "30个"),
        # a word for "some", and people killed or hurt
        ("近日，辽宁一批重点项目开工建设，项目总投资超3000亿元。", "一批"),
        ("列车撞死2名铁路工人。", "2名"),
        ("事故造成3名核电站员工受伤。", "3名"),
        # the noun that closes the phrase after the number is one the contract leaves out
        ("北京组织5万余名机关企事业单位党员、干部编入社区工作团队。", "5万余名"),
        # a share of loans, public spending or health-care refunds is no labour-market share
        ("小微企业贷款余额17万亿元，支农支小贷款占各项贷款比例保持在80%左右，稳就业。", "80%"),
        ("中央部门的非急需非刚性支出压缩了一半以上，调出资金用于保就业。", "一半"),
        ("贫困人口住院医疗费用实际报销比例达91.5%，就业帮扶同步推进。", "91.5%"),
        ("规上工业增加值占全部规上工业比重达35.9%，企业用工稳定。", "35.9%"),
        ("行政审批事项削减超过40%，企业开办时间压缩，就业环境改善。", "40%"),
        # the progress of a construction or a repayment is no labour figure
        ("该项目开工以来，目前已完成施工进度的40%，工人们正加紧作业。", "40%"),
        ("截至9月底共清偿拖欠中小企业账款4834亿元，清偿进度达到55.8%，企业用工稳定。", "55.8%"),
        # a bank's reserve ratio is monetary policy, not employment support
        ("阶段性将金融租赁公司存款准备金率从5%调降至0%，支持企业稳岗。", "0%"),
        # investment growth and rent relief are no employment support
        ("今年上半年，高技术产业投资同比增长13.5%，新增就业岗位增加。", "13.5%"),
        ("5.76万家小微企业享受到国企房屋租金减免约87.49亿元，稳住了就业。", "87.49亿元"),
        # school admissions are no hires
        ("今年该校有100多名学生报考，其中20名分别被9所军校录取，就业率高。", "20名"),
        # institutions, bank clients, suspects and academicians are not what the contract counts
        ("医保基金监管检查核查75万家医药机构，处理违规企业。", "75万家"),
        ("截至年末，该行小微企业贷款客户8.17万户，稳就业作用明显。", "8.17万户"),
        ("实验室引进10名两院院士、52名青年人才，带动就业。", "10名"),
        # a multiple of an output or an area is no labour figure
        ("育秧生产线3个工人就能操作，效率比过去提升了三倍。", "三倍"),
        ("他成了管理者，管理的仓库面积扩大近5倍，工资也涨了。", "5倍"),
        # money that pays for epidemic control, culture or schools is no employment support
        ("各级财政累计下达疫情防控补助资金470亿元，主要用于患者救治。", "470亿元"),
        ("中央补助地方公共文化服务体系建设专项资金支出147亿元。", "147亿元"),
        # evacuees are no workforce, whoever employs them; people taken into welfare are welfare
        ("从黎巴嫩撤离的146名中国公民中，有137人为在黎中资企业员工。", "137人"),
        ("截至2019年底，全国共有1857万建档立卡贫困人口纳入低保或特困供养，参保就业稳定。", "1857万"),
        # labour inspections are law enforcement, whatever they count
        ("目前，全区已检查用人单位1093户，涉及职工5.35万人，其中农民工4.29万人。", "5.35万人"),
        # fiscal spending on 社会保障和就业 is a budget figure, not employment (reading 35)
        ("1至11月，全国一般公共预算支出中，教育、社会保障和就业、卫生健康方面同比分别增长4.4%、8.1%和4.7%。",
         "8.1%"),
        # capacity utilisation as a macro indicator, in a paragraph that names no resumption
        ("供给侧结构性改革继续深化，企业效益改善。全年全国工业产能利用率为76.6%，比上年提高0.1个百分点。",
         "76.6%"),
        ("供给侧结构性改革继续深化，企业效益改善。全年全国工业产能利用率为76.6%，比上年提高0.1个百分点。",
         "0.1个百分点"),
    ],
)
def test_metric_v2_not_records(extract: Extract, body: str, surface: str) -> None:
    assert surface not in [r.value_text for r in extract(body).records]


@pytest.mark.parametrize(
    ("body", "surface", "metric"),
    [
        ("全市用工100人以上的企业320家已全部复工。", "320家", "enterprises_resumed"),
        ("复产率超70%的企业占81.2%。", "81.2%", "other"),
        ("全市八成以上的企业已陆续开工。", "八成", "resumption_rate"),
        ("今年以来已发放创业担保贷款2860万元。", "2860万元", "support_amount"),
        ("公司现有员工近1000名。", "1000名", "workers_at_work"),
        ("全市城镇就业人数为56.3万人。", "56.3万人", "workers_at_work"),
        ("全市为9000名农民工追回欠薪500万元。", "9000名", "support_recipients"),
        ("开通返岗专列12趟。", "12趟", "transport_services"),
        # vehicles counted in words are counted (一家, 两名 are not)
        ("出发前，两辆返岗专车都进行了全面消毒。", "两辆", "transport_services"),
        ("郑州交运集团派出3台专车，接回47名员工。", "3台", "transport_services"),
        # people helped into work are new jobs; a community before the count does not exclude it
        ("工作队帮助106名村民实现就近就地就业。", "106名", "jobs_created"),
        ("园区带动社区1809名搬迁群众实现家门口就业。", "1809名", "jobs_created"),
        ("园区带动社区1809名搬迁群众实现家门口就地务工。", "1809名", "jobs_created"),
        # insurance relief stays support even beside financing words
        ("降低企业融资成本，社保减免预计为企业减负约6000亿元。", "6000亿元", "support_amount"),
        # a growth stated for the same measure as the clause before it keeps that measure
        ("一季度全省新增就业5万人，同比增长3%。", "3%", "jobs_created"),
        # recipients: 为/向/对 a few words before the number, a service after the noun
        ("2个月共为全市1.7万家企业免征社保费5.32亿元。", "1.7万家", "support_recipients"),
        ("对疫情防控保供的42家企业发放一次性吸纳就业补贴1272.5万元。", "42家", "support_recipients"),
        # the support noun before a count whose noun comes first, and the service in the next clause
        ("全市发放稳岗返还企业4698家、稳岗返还资金2660万元。", "4698家", "support_recipients"),
        ("为32家重点保障企业新吸纳的416人，发放一次性吸纳就业补贴资金83.2万元。", "32家",
         "support_recipients"),
        # workers of the new forms of employment are a stock of workers, not new jobs
        ("我国新就业形态劳动者达到8400万人。", "8400万人", "workers_at_work"),
        # the growth of a count with no metric word is that count's (新登记企业 … 以创业带动了就业)
        ("去年全国新登记企业670万户，比上年增长10.3%，以创业有力带动了就业。", "10.3%", "other"),
        # firms whose postings are published recruit; those who signed up at a fair seek work
        ("直播招聘开播，发布170余家重点企业招聘信息，网上“点对点”报名人数达到4892人。", "170余家",
         "employers_recruiting"),
        ("直播招聘开播，发布170余家重点企业招聘信息，网上“点对点”报名人数达到4892人。", "4892人",
         "job_seekers"),
        # 为/向 people with no noun after the number, and a service after: recipients, unless what
        # they get is training or a hire
        ("向农民工等重点群体1200多万人发放职业培训补贴。", "1200多万人", "support_recipients"),
        ("该项目为20名来自尼泊尔的青年提供为期6个月的职业技能培训。", "20名", "trainees"),
        # people hired for an employer (为…招聘N人) are job matches; a need to hire stays a vacancy
        ("截至2月17日，县里为耕德电子公司招聘1700名务工人员。", "1700名", "job_matches"),
        ("为了生产防护服需要临时招聘20名缝纫工。", "20名", "job_vacancies"),
        # firms of a performance band among those counted are other (v2), not what the firms did
        ("复工企业中满负荷生产的有56家。", "56家", "other"),
        ("全市规上企业386家，其中产值过亿元的114家。", "114家", "other"),
        ("全市企业中已复工的达300家。", "300家", "enterprises_resumed"),
        # openings posted as a headcount (岗位需求N人次) are vacancies
        ("已有165万家用人单位发布岗位需求1725万人次。", "1725万人次", "job_vacancies"),
        # a time between firms and what they did does not part them
        ("山东32家韩资汽车配件企业2月15日前全部复工。", "32家", "enterprises_resumed"),
        # the labour force an area has, and the insured counted as a total
        ("全县现有农村劳动力二十一万人，外出务工十三万八千人。", "二十一万人", "labour_force"),
        ("新增参保人数2.3万人，区内企业参保职工总数突破92万人。", "92万人", "insured_persons"),
        # 点对点 names a way of hiring before 招工, not a trip; 补贴 before people makes recipients
        ("12月，两江新区为398家重点企业“点对点”招工7,600余人。", "7,600余人", "job_matches"),
        ("本期减班休息人数增加，安心就业计划已核定补贴5,632人、金额约6,300万元。", "5,632人",
         "support_recipients"),
        # job seekers who reached an agreement are counted by what they reached
        ("已举办网上招聘会18场次，1.36万名求职者与用人单位达成就业意向。", "1.36万名", "job_matches"),
        # people newly hired are job matches
        ("苏宁今年已新招员工约5万人。", "5万人", "job_matches"),
        # those an insurance covers are its insured
        ("基本养老保险覆盖人数达9.68亿人。", "9.68亿人", "insured_persons"),
        # people a programme grants support to (核定补助N人) are its recipients
        ("截至1月31日，安心就业计划核定补助8731人。", "8731人", "support_recipients"),
        # a loan ceiling raised by a rule is a cap
        ("创业担保贷款额度由15万元提高至20万元。", "20万元", "policy_cap"),
        # 服务 in 服务业 is no verb of support
        ("全市服务业企业达120家，复工率90%。", "120家", "enterprises_total"),
        # a share of last year's migrant workers is the at-work rate
        ("全市已外出务工32.6万人，占去年外出务工总数的78.5%。", "78.5%", "at_work_rate"),
        # enterprises surveyed and new enterprises are other, not a population (v2)
        ("对全国8200余家重点外资企业调查显示，复工企业占九成。", "8200余家", "other"),
        ("3月份，全市新增就业5.23万人，新增个体工商户2.1万户。", "2.1万户", "other"),
        # the total of rural labour transferred is a stock
        ("截至3月底，全省农村劳动力转移就业总量达3150万人。", "3150万人", "workers_at_work"),
        # the noun counted after a rank and a quoted label
        ("截至目前，全国2万多家省级“专精特新”中小企业复工率达53.6%。", "2万多家", "enterprises_total"),
        # a population: the noun before with 增至/总量达到, or a trade before the firm
        ("截至目前，全市家庭农场增至1.2万家，带动3万多农民就近就业。", "1.2万家", "enterprises_total"),
        # more linking words, and a time, between the firms and their number
        ("截至2018年底，各类市场主体总数已达到1.10亿户，吸纳就业稳定。", "1.10亿户", "enterprises_total"),
        ("全县餐饮市场主体从2015年的760家发展到今年的1691家，从业人员达4239人。", "760家", "enterprises_total"),
        ("全县餐饮市场主体从2015年的760家发展到今年的1691家，从业人员达4239人。", "1691家", "enterprises_total"),
        ("全国9711家饲料企业，已有6384家开工复产。", "9711家", "enterprises_total"),
        ("全国9711家饲料企业，已有6384家开工复产。", "6384家", "enterprises_resumed"),
        # teachers trained for skills teaching are trainees
        ("全省技工院校推行一体化教学，培训一体化教师1.8万余人。", "1.8万余人", "trainees"),
        # a metric word two clauses after the number is another subject's
        ("今年全市高校毕业生将达到3.1万人，市残联联动多部门，推出就业指导服务。", "3.1万人", "other"),
        # migrant workers counted as a stock are a workforce at work; as the subject of
        # something else they are not
        ("如今，我国有2.88亿农民工，他们在城乡之间流动。", "2.88亿", "workers_at_work"),
        ("2019年，本地农民工11652万人，增长0.7%。", "11652万人", "workers_at_work"),
        ("2019年，本地农民工11652万人，增长0.7%。", "0.7%", "workers_at_work"),
        ("个别承包商导致100多名农民工工资被冒领。", "100多名", "other"),
        # 开工 that names the projects counted after it (新开工项目2.73万个) names no firms resuming
        ("1—11月，新开工项目2.73万个，同比增长10.5%。", "10.5%", "other"),
        # a verb before a comma is its own number's, not the next clause's (复工，3家)
        ("全市已有18家工厂全面复工，3家工厂部分复工。", "18家", "enterprises_resumed"),
        # 复工面 is the resumption rate (v2); a word before a comma names no number after it
        ("江苏全省规上工业企业复工总数3.8万家，复工面85%。", "85%", "resumption_rate"),
        ("全市已有6384家复工企业，500名返岗员工。", "6384家", "enterprises_resumed"),
        # rural labour transferred is a stock (v2); only new transfer of a period is new jobs
        ("截至6月底，全县已有4200名贫困人口转移就业。", "4200名", "workers_at_work"),
        ("一季度，全省新增农村劳动力转移就业3.2万人。", "3.2万人", "jobs_created"),
        ("全市农村劳动力转移就业新增8000余人。", "8000余人", "jobs_created"),
        ("春节后，全省已外出农民工52.1万人。", "52.1万人", "workers_at_work"),
        # new employment counted by 就业人数, and jobs a trade brings, are new jobs
        ("去年，该行业新增就业人数达到3.6万人。", "3.6万人", "jobs_created"),
        ("数字经济已累计为当地增加约15万个就业岗位。", "15万个", "jobs_created"),
        ("光伏产业链带动上万个就业岗位。", "万个", "jobs_created"),
        # 累计 before one count is no stock for the next clause's count (带动…就业增收)
        ("全年累计培训农民就业技能1.3万人次，带动5200多名农民就业增收。", "5200多名", "jobs_created"),
        ("全年累计培训农民就业技能1.3万人次，带动5200多名农民就业增收。", "1.3万人次", "trainees"),
        ("2018年，全市累计实现就业再就业12.4万人。", "12.4万人", "jobs_created"),
        # people carried back to work, and labour sent out to work elsewhere
        ("公司包机于当晚搭载156名员工返回厂区。", "156名", "workers_transported"),
        ("截至2月底，全县输出就业人员达到2.6万人。", "2.6万人", "workers_transported"),
        # posted openings are vacancies: 岗位信息 counted, openings a fair releases, an announced hiring
        ("活动共享岗位信息12万多个，吸引招聘单位3000余家。", "12万多个", "job_vacancies"),
        # ...but notices counted by 条 are postings, other (reading 15)
        ("专场招聘会上线招聘岗位信息8.7万多条。", "8.7万多条", "other"),
        ("目前已发送出超5万条就业信息，招收贫困地区员工超500名。", "5万条", "other"),
        # a small ratio written in words is a figure (一家, 两名 are not)
        ("中美制造业劳工的实质时薪差距，十年间从13倍缩小到三倍。", "三倍", "other"),
        # new enterprises put a paragraph on the operation of enterprises (v2: other)
        ("前两个月，全国新设立外商投资企业7574家，同比增长5.8%。", "7574家", "other"),
        ("博览会共有112家厂商参与，释出6,214个工作机会。", "6,214个", "job_vacancies"),
        ("酒厂日前公告招聘337名制酒工人，吸引数十万人报名。", "337名", "job_vacancies"),
        ("腾讯面向全国招聘10000名实习生，加快实习生转化录用。", "10000名", "job_vacancies"),
        ("这家化工企业的AI特训营迎来了20多名新老员工。", "20多名", "trainees"),
        # a firm's money for its staff's training is other; support for gig workers is support
        ("今年，企业加快数智化改造，投入数千万元用于员工培训。", "数千万元", "other"),
        ("日前，滴滴投入10亿元专项资金，用于增加网约车司机补贴。", "10亿元", "support_amount"),
        # people helped to an outcome are counted by it, not as recipients of support
        ("智慧平台已帮助10万多名毕业生签订了就业协议。", "10万多名", "job_matches"),
        ("就业服务站已帮助3000多名毕业生在家门口找到了工作。", "3000多名", "jobs_created"),
        ("截至目前，全省约33万名毕业生已经签订了相关就业协议。", "33万名", "job_matches"),
        # the at-work rate of staff, people at work in a place, people who want work, people sent out
        ("信达生物董事长说，目前企业人员复工率已经达到80%。", "80%", "at_work_rate"),
        ("目前，在珠海就业的怒江贫困人口达6722人。", "6722人", "workers_at_work"),
        ("全省建档立卡贫困劳动力中有就业意愿的187.4万人。", "187.4万人", "other"),
        ("截至2月21日，贵州输送赴省外就业人员已达71.25万人。", "71.25万人", "workers_transported"),
        # skills certified and technicians appointed are other
        ("2025年，全国410多万人次取得高级工以上证书，评聘首席技师近3000人。", "410多万人次", "other"),
        # an item of a list that goes on after ； takes the list's metric (statistics releases)
        ("按行业观察，工业部门就业人数为406万7千人；农业部门为51万7千人，较上月减少1千人。",
         "51万7千人", "workers_at_work"),
        # a generic staff word names who was hired, not what: the verb decides
        ("目前已发送出超5万条就业信息，招收贫困地区员工超500名。", "500名", "job_matches"),
        ("目前，已有490家运输企业恢复运营。", "490家", "enterprises_resumed"),
        # a trade that adds jobs every year creates them
        ("风向标在每年净增近2000万个岗位的服务业。", "2000万个", "jobs_created"),
        ("特高压工程能增加产值285亿元，增加就业岗位2.8万个。", "2.8万个", "jobs_created"),
        # sessions of training held are counted events (other)
        ("就业服务局开设了与月嫂相关的18期培训班，每年培训超过2000人。", "18期", "other"),
        ("两地联合开展技能培训158期，培训贫困劳动力4026人次。", "158期", "other"),
        ("举办培训班278个、培训学员2万多人次。", "278个", "other"),
        # a group's pay without a population word; 挣 and 工钱 are pay words
        ("中国劳工观察表示，工厂薪水低到每小时仅1美元，违反劳动法。", "1美元", "other"),
        ("他们与企业签订劳动合同，每月拿到手的工资不低于2000元。", "2000元", "other"),
        ("合作社吸纳妇女就业，她们每月挣2000多元。", "2000多元", "other"),
        # holiday and site duty is work; 就业规模 and 就业人口 count people in work
        ("两河口电站，1000余名建设者坚守在工程现场，完成厂房开挖。", "1000余名", "workers_at_work"),
        ("在运河工程现场，700多名建设者在春节期间留守工地、加紧建设。", "700多名", "workers_at_work"),
        ("共打造了310个特色劳务品牌，品牌就业规模300余万人。", "300余万人", "workers_at_work"),
        ("竹科拥有14万余就业人口，是新竹县大票仓。", "14万余", "workers_at_work"),
        # people supported into transferred work, and a bare count with 多 before 万
        ("东部省市帮扶144万贫困人口转移就业，是上年的7.2倍。", "144万", "jobs_created"),
        ("目前，浙江已建成多家工坊，吸纳40多万农民就业。", "40多万", "jobs_created"),
        # non-farm payrolls are employment; the multiple of a record stays one
        ("4月份美国非农就业岗位减少2050万个，失业率环比飙升10.3个百分点至14.7%。", "2050万个",
         "workers_at_work"),
        ("4月份美国非农就业岗位减少2050万个，失业率环比飙升10.3个百分点至14.7%。", "10.3个百分点",
         "unemployment_rate"),
        ("帮扶144万贫困人口转移就业，是上年的7.2倍。", "7.2倍", "other"),
        # site crews, hiring still to be done, people who draw a benefit
        ("在工地现场，3000多名建设者抢抓工期。", "3000多名", "workers_at_work"),
        ("公司需要临时招聘20名工人，月底前到岗。", "20名", "job_vacancies"),
        ("全年461.2万失业人员领取失业保险金。", "461.2万", "support_recipients"),
        # people who rode and arrived were moved
        ("3月16日，莎车县1800余名转移就业人员一起乘坐转移就业专列，抵达乌鲁木齐。", "1800余名",
         "workers_transported"),
        # firms on a hiring platform or at a fair are employers recruiting (not when jobs are created)
        ("当日，宝应县举行首场招聘会，236家单位进行现场招聘，提供岗位3000多个。", "236家", "employers_recruiting"),
        ("“国聘行动”推出5年来，入驻企业已近5万家，提供职位超过500万个。", "5万家", "employers_recruiting"),
        # from the recall audits: people engaged (请了), opening rates, staff staying over the festival,
        # shares written as fractions
        ("城口一共请了200多名护林员看护林场。", "200多名", "job_matches"),
        ("超市网点的开业率达到95%，企业复工有序。", "95%", "resumption_rate"),
        ("预计春节期间将有5万名家政人员留京。", "5万名", "workers_at_work"),
        ("据介绍，重庆目前有大约2/3的劳动力转移就业。", "2/3", "other"),
        # people who have work (有N人就业) are a stock; matches with 初步; people fetched (接来) are moved
        ("我们的零工经济也有2亿人就业。", "2亿人", "workers_at_work"),
        ("招聘会共达成初步就业意向3000多人。", "3000多人", "job_matches"),
        ("为复工，公司最终从湖南、江西等地陆续接来150多人。", "150多人", "workers_transported"),
        # a graduate cohort entering the market, and wages paid to workers
        ("今年还有874万的高校毕业生进入就业市场。", "874万", "other"),
        ("园区吸纳村民务工，蓝莓园支付务工费就超过500万元。", "500万元", "other"),
        # posts an employer cuts are other, like layoffs
        ("为削减开支，一家连锁超市一次性裁减了450个岗位。", "450个", "other"),
        # people drawing benefit, people brought into migrant work, people signing up
        ("年末全国领取失业保险金人数228万人。", "228万人", "support_recipients"),
        ("园区农户加入合作社，带动1.5万农民务工。", "1.5万", "jobs_created"),
        ("招聘消息传开，村民踊跃报名，人数接近200人。", "200人", "job_seekers"),
        # people still lacking are vacancies
        ("企业复工后还缺200人。", "200人", "job_vacancies"),
        # permits to practise are access to work: other
        ("目前3100多名港澳专业人士取得内地注册执业资格，就业渠道拓宽。", "3100多名", "other"),
        # people who benefit, counted after the number
        ("全年落实就业补贴资金19.63亿元，58.41万农牧户受益。", "58.41万", "support_recipients"),
        # over so many new firms is no class of firms
        ("每天新增1.5万户以上小微企业，提供了大量就业岗位。", "1.5万户", "other"),
        # an excluded noun that only says which posts
        ("2019年德国共有12.4万个信息技术专家位置空缺。", "12.4万个", "job_vacancies"),
        # support for work keeps its recipients
        ("人社局向35家企业发放补贴，惠及职工1200人。", "35家", "support_recipients"),
        ("我们共帮助2600家企业解决缺工10.3万人。", "2600家", "support_recipients"),
        # firms counted for something they did are no population
        ("全市企业复工复产有序推进，27家企业在省股交中心科创板等板块挂牌。", "27家", "other"),
        ("全市企业复工复产有序推进，鸿贝科技等11家企业成功升规。", "11家", "other"),
        # workers on strike are counted, not as a workforce at work (reading 59)
        ("英国约2万名铁路员工今天开始举行罢工。", "2万名", "other"),
        # what a rule grants each member of a class is a policy's amount; a total paid is support
        ("对引进的博士、硕士员工分别给予18万元（5年）、5.4万元（3年）补贴。", "5.4万元", "policy_cap"),
        ("对吸纳贫困劳动力就业的企业给予一次性奖补5000元。", "5000元", "policy_cap"),
        ("今年已对320家企业给予稳岗补贴1200万元。", "1200万元", "support_amount"),
        ("滴滴投入10亿元专项资金，增加网约车司机补贴。", "10亿元", "support_amount"),
        # new jobs a plan or an economy adds are jobs created, not openings
        ("辽宁全年计划新增就业岗位约120万个。", "120万个", "jobs_created"),
        ("7月美国非农业部门新增就业岗位7.3万，远低于市场预期。", "7.3万", "jobs_created"),
        # a rate of change written right after a count is that count's change, in its metric
        ("5月就业人数为1162万人，较上年同月增加6万4千人或0.55%。", "0.55%", "workers_at_work"),
        ("二季度末，外出务工农村劳动力总量1.87亿人，同比增长2.1%。", "2.1%", "workers_at_work"),
        ("5月劳动力人数为1203万人，较上年同月增加6万人或0.50%。", "0.50%", "labour_force"),
        # firms counted by 家 with a trade or a rank between: a population of enterprises
        ("目前，全省共有370多家国家级专精特新“小巨人”企业，用工稳定。", "370多家", "enterprises_total"),
        ("在沈阳，7万多家民营小微企业可以在线提交用工需求。", "7万多家", "enterprises_total"),
        # units taking part in a fair that offers jobs; 助就业 in the campaign's name creates none
        ("“春风助就业”网络招聘活动已有900余家单位参与，提供岗位近1.5万个。", "900余家", "employers_recruiting"),
        # jobs a project, a zone or an industry gives a place are new jobs; a fair's stay openings
        ("据了解，经贸合作区直接为当地提供就业岗位3500余个，用工稳定。", "3500余个", "jobs_created"),
        ("在施工高峰时段，项目共为当地提供近2300个就业岗位。", "2300个", "jobs_created"),
        ("2018年，有机农业为法国带来直接就业岗位约15.5万个。", "15.5万个", "jobs_created"),
        ("广州高校毕业生专场招聘会举行，40家企业带来700多个就业岗位。", "700多个", "job_vacancies"),
        ("招聘会为求职者提供就业岗位2万个。", "2万个", "job_vacancies"),
        # wages recovered for workers are support money; people helped into work, new jobs
        ("全区已为5055名劳动者追回工资4934.489万元，用工稳定。", "4934.489万元", "support_amount"),
        ("全区已为5055名劳动者追回工资4934.489万元，用工稳定。", "5055名", "support_recipients"),
        ("全区带动就业1690人，帮助2150名困难人员就业。", "2150名", "jobs_created"),
        ("今年以来，全市帮助1200名就业困难人员再就业。", "1200名", "jobs_created"),
        # a bare share right after a count of firms that resumed is the resumption rate
        ("全市277家重点工业企业里，已复工复产192家，占比69.3%。", "69.3%", "resumption_rate"),
        # capacity utilisation where the paragraph names resumption: firms resuming work
        ("湖北汽车零部件供应恢复了！我国汽车行业产能利用率迅速攀升至80%以上。", "80%", "resumption_rate"),
        ("截至2月11日，全国口罩产能利用率已达94%。", "94%", "resumption_rate"),
    ],
)
def test_metric_v2_records(record: Find, body: str, surface: str, metric: str) -> None:
    assert record(body, surface).metric.value == metric


def test_metric_v2_a_summary_box_that_repeats_the_body_is_no_record(extract: Extract) -> None:
    box = "截至4月21日，全国规模以上工业企业平均开工率和复岗率分别达99.1%和95.1%"
    body = f"99.1%\n{box}\n产业链各个环节互相配合、顺畅转动。{box}。\n"
    document = extract(body)
    found = [r for r in document.records if r.value_text == "99.1%"]
    assert len(found) == 1 and found[0].span[0] > document.text.index("产业链")  # the body's


@pytest.mark.parametrize(
    "body", ["今年以来，全区为贫困户提供技能培训，惠及贫困户19657户。", "科技特派员项目带动农户411户增收就业。"]
)
def test_metric_v2_households_are_no_businesses(extract: Extract, body: str) -> None:
    units = {r.unit.value for r in extract(body).records if r.value_text.endswith("户")}
    assert "enterprise" not in units


@pytest.mark.parametrize(("body", "surface", "subject"), [
    ("孵化园已为100多家退役军人企业提供创业场所，解决500多名退役军人的就业问题。", "100多家", "退役军人企业"),
])
def test_metric_v2_firms_named_by_their_peoples_noun_receive_support(
        record: Find, body: str, surface: str, subject: str) -> None:
    found = record(body, surface)
    assert (found.metric.value, found.subject) == ("support_recipients", subject)


def test_metric_v2_firms_counted_before_a_yearly_class_are_counted(record: Find) -> None:
    # 30家年产值…企业: 年 starts the class's words, it is no count of years
    assert record("全市30家年产值超亿元企业已全部复工。", "30家").metric.value == "enterprises_resumed"


@pytest.mark.parametrize(("body", "surface", "metric"), [
    # a class's definition between a count of firms and their noun
    ("武汉15家年产值50亿元以上工业企业产能利用率达到95%及以上，用工稳定。", "15家", "enterprises_total"),
    # a subset of the firms named before, whose band is the rate right after its number
    ("25户产值50亿元以上的工业企业中，有15家产能利用率达到95%以上，用工稳定。", "15家", "other"),
    # the firms' own verb before the rate: what they did
    ("截至4月16日，全市452家规上企业中444家复工、复工率98.2%。", "444家", "enterprises_resumed"),
])
def test_metric_v2_firm_counts_before_a_class_or_a_band(
        record: Find, body: str, surface: str, metric: str) -> None:
    assert record(body, surface).metric.value == metric


def test_metric_v2_capacity_is_one_word_not_a_modal(record: Find) -> None:
    # 15家产能利用率: 家 / 产能 (not 家产 / 能, which read 能 as "can" and projected the share)
    body = "重大项目已全面复工；25户产值50亿元以上的工业企业中，有15家产能利用率达到95%以上，用工稳定。"
    assert record(body, "95%").projected is False


def test_metric_v2_furlough_staff_of_firms_counted(record: Find) -> None:
    body = "截至4月24日，德国已有75.1万家企业提交了短时工作制申请，涉及雇员数量约为1010万人。"
    assert record(body, "75.1万家").metric.value == "furlough_employers"
    assert record(body, "1010万人").metric.value == "furloughed_workers"
    body = "全市实施减班休息的企业120家，涉及职工3000人。"
    assert record(body, "3000人").metric.value == "furloughed_workers"
