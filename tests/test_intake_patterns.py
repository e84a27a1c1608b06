"""Report intake on the sentence shapes issue 17 lists (made-up names in the same shapes as real reports).

Each test is one way reports write: who is visited and who visits, a title and unit before the name,
a comma between them, names before their title, shared and ranged amounts, function words that
must not make names. The corpus (test_intake_corpus.py) measures the same on real reports.
"""

from __future__ import annotations

import pytest

from honours.core.intake import analyse_text
from honours.core.intake.titles import find_titles


def _people(text: str, **options) -> dict:
    return {p.name: p.honouree for p in analyse_text(text, **options).proposals}


def _honours(h) -> list[tuple[str, str]]:
    return [(x.title, x.level) for x in h.honours]


def _level_reasons(text: str, name: str) -> list[str]:
    """The Chinese reasons for the levels of `name`'s honours, as the review dialog shows them."""
    proposal = next(p for p in analyse_text(text).proposals if p.name == name)
    return [r.text("zh") for r in proposal.reasons if r.code == "level"]


def _yuan(h) -> list[int]:
    return [d.amount_fen // 100 for d in h.donations if d.amount_fen is not None]


def test_the_visited_model_worker_is_proposed_not_the_visitor():
    people = _people("市总工会副主席王建国来到省劳模李明华家中慰问。")
    assert set(people) == {"李明华"}
    assert _honours(people["李明华"]) == [("省劳模", "provincial")]


def test_visitors_joined_by_a_comma_or_going_along_are_not_proposed():
    text = (
        "4月29日下午，区委副书记唐志强，区人大常委会副主任、区总工会主席陆建新先后走访慰问两位劳模。"
        "区总工会党组书记、主席刘建平与区劳模协会工作人员一起走访慰问高龄劳模。"
        "在县总工会主席陈国伟同志的带领下，干部职工来到劳模家中慰问。"
    )
    assert _people(text) == {}


def test_the_one_accompanied_is_the_honouree():
    people = _people("市委书记王建华陪同省劳模张丽参观。")
    assert set(people) == {"张丽"}


def test_bare_model_worker_title_right_before_a_name():
    people = _people(
        "期间，走访慰问高龄劳模付春生、钟长海，询问他们的身体状况。劳模陈翠兰激动地说：“感谢工会。”"
    )
    assert set(people) == {"付春生", "钟长海", "陈翠兰"}
    assert all(_honours(h) == [("劳模", "other")] for h in people.values())


def test_informal_provincial_title():
    people = _people("今年已经90多岁的浙江省先进张树林激动地说：“谢谢你们。”")
    assert _honours(people["张树林"]) == [("浙江省先进", "provincial")]


def test_unit_and_post_before_the_title():
    people = _people("某某建材集团公司董事长、全国劳动模范张国栋捐款10万元。")
    h = people["张国栋"]
    assert (h.unit, h.position, _honours(h), _yuan(h)) == (
        "某某建材集团公司",
        "董事长",
        [("全国劳动模范", "national")],
        [100_000],
    )


def test_a_comma_between_the_title_and_the_unit_keeps_the_honour():
    people = _people("淮南市劳动模范，淮南市富华服饰有限公司董事长文志兵积极筹措资金捐款10万元。")
    h = people["文志兵"]
    assert _honours(h) == [("淮南市劳动模范", "municipal")]
    assert (h.unit, h.position, _yuan(h)) == ("淮南市富华服饰有限公司", "董事长", [100_000])


def test_names_before_the_title_with_shared_and_ranged_amounts():
    text = (
        "副总经理杨小林、企管部副部长魏冬青等3名省级劳模各捐款1000元，"
        "邓小强、贾志明、安志国等市级劳模各捐款500元，"
        "李新华、秦鹏飞、毛建涛等县级劳模各捐款200元至500元不等。"
    )
    people = _people(text)
    assert set(people) == {"杨小林", "魏冬青", "邓小强", "贾志明", "安志国", "李新华", "秦鹏飞", "毛建涛"}
    for name in ("杨小林", "魏冬青"):
        assert _honours(people[name]) == [("省级劳模", "provincial")]
        assert _yuan(people[name]) == [1000]
    for name in ("邓小强", "贾志明", "安志国"):
        assert _honours(people[name]) == [("市级劳模", "municipal")]
        assert _yuan(people[name]) == [500]
    for name in ("李新华", "秦鹏飞", "毛建涛"):
        assert _honours(people[name]) == [("县级劳模", "county")]
        assert _yuan(people[name]) == []  # 200元至500元不等 is a range, not 200 each


def test_names_listed_before_an_award_verb():
    people = _people("张建军、李红梅，刘志刚、王丽华、赵小平5名职工荣获省五一劳动奖章。")
    assert set(people) == {"张建军", "李红梅", "刘志刚", "王丽华", "赵小平"}
    people = _people("陈志刚等30人获“市劳动模范”称号，周建国等19人获“市先进工作者”称号。")
    assert _honours(people["陈志刚"]) == [("市劳动模范", "municipal")]
    assert _honours(people["周建国"]) == [("市先进工作者", "municipal")]


def test_model_worker_representatives_listed_after_the_title():
    people = _people("劳模代表张志强、李秀英、王海东参加座谈并发言。")
    assert set(people) == {"张志强", "李秀英", "王海东"}


def test_the_department_stays_with_the_post():
    people = _people("武汉市第一医院感染性疾病科主任刘德明带领团队救治患者，荣获全国五一劳动奖章。")
    h = people["刘德明"]
    assert (h.unit, h.position) == ("武汉市第一医院", "感染性疾病科主任")


def test_function_words_do_not_make_names():
    assert _people("各级劳模和爱心企业共捐款300万元。县总工会看望劳模和困难职工。") == {}
    people = _people("全国五一劳动奖章获得者陈平代表全县劳模将12.6万元捐款转交给县红十字会。")
    assert set(people) == {"陈平"}


def test_a_joint_gift_is_credited_to_both_givers():
    people = _people(
        "近日，全国五一劳动奖章获得者孙娟、省劳动模范崔冬玲共同向发热门诊捐赠价值5000元的慰问品。"
    )
    assert _yuan(people["孙娟"]) == _yuan(people["崔冬玲"]) == [5000]
    assert people["孙娟"].donations[0].note.endswith("金额为合计数")


def test_the_company_s_own_gift_is_not_the_person_s():
    people = _people(
        "省劳模、河南某能源股份有限公司总经理王明中个人捐款8万元，其企业捐款150万元用于疫情防控。"
    )
    assert _yuan(people["王明中"]) == [80_000]


def test_list_lines_under_a_title_heading():
    text = "全国五一劳动奖章\n贺 彪 国网某省电力有限公司某供电分公司配网带电作业班工作负责人\n王云英 长沙市实验小学校长\n"
    people = _people(text)
    assert set(people) == {"贺彪", "王云英"}
    assert (people["贺彪"].unit, people["贺彪"].position) == (
        "国网某省电力有限公司某供电分公司",
        "配网带电作业班工作负责人",
    )
    assert _honours(people["王云英"]) == [("全国五一劳动奖章", "national")]


def test_a_colon_list_after_a_title_and_a_count():
    people = _people("其中，全国劳模3人：张建国、李秀梅、王海涛。")
    assert set(people) == {"张建国", "李秀梅", "王海涛"}
    assert all(_honours(h) == [("全国劳模", "national")] for h in people.values())


def test_names_ended_by_a_count_of_people():
    people = _people("会上，刘德胜、孙丽娜两位同志获评“最美职工”。")
    assert set(people) == {"刘德胜", "孙丽娜"}


def test_the_one_named_after_the_title_and_de():
    people = _people("荣获2020年度全国劳动模范称号的张文华，是某钢铁公司的一名焊工。")
    h = people["张文华"]
    assert [(x.title, x.level, x.year) for x in h.honours] == [("全国劳动模范", "national", 2020)]
    assert (h.unit, h.position) == ("某钢铁公司", "焊工")


def test_titles_in_brackets_after_the_name_with_their_reason():
    result = analyse_text("张志勇（全国劳动模范、某集团总工程师）捐款5万元。")
    proposal = result.proposals[0]
    h = proposal.honouree
    assert (h.name, _honours(h), h.unit, h.position) == (
        "张志勇",
        [("全国劳动模范", "national")],
        "某集团",
        "总工程师",
    )
    reason = next(r for r in proposal.reasons if r.code == "title_in_brackets")
    assert reason.text("zh") == "姓名后的括号内写明荣誉称号：全国劳动模范"


def test_a_list_before_its_title_says_so_and_keeps_its_sentence():
    text = "倡议发出后，邓小强、贾志明等市级劳模各捐款500元。"
    proposal = next(p for p in analyse_text(text).proposals if p.name == "贾志明")
    assert {"listed_before_title", "shared_each"} <= {r.code for r in proposal.reasons}
    assert proposal.honouree.source.sentence == text.rstrip("。")


def test_the_unit_before_a_list_of_posts_is_kept():
    people = _people("某某化工有限公司设备主管、工程师张立新获得省五一劳动奖章。")
    h = people["张立新"]
    assert (h.unit, h.position) == ("某某化工有限公司", "设备主管、工程师")


def test_money_taken_out_and_goods_of_a_value_are_gifts():
    people = _people("省劳模赵金平是某公司生产科科长。赵金平从工资中拿出2000元汇到红十字会账户。")
    assert _yuan(people["赵金平"]) == [2000]
    people = _people("省劳动模范唐志飞分别向慈善协会捐赠抗疫善款20万元，向某镇捐赠2500元的抗疫物资。")
    assert sorted(_yuan(people["唐志飞"])) == [2500, 200_000]
    assert _people("杜崇山转身走进里屋，拿出一个红塑料袋。") == {}


def test_money_fronted_by_jiang_is_the_giver_s_unless_handed_over_for_others():
    people = _people("近日，市总工会退休老人廖乐平将自己原计划用于出书的5万元悉数捐到市总工会支持抗疫。")
    assert _yuan(people["廖乐平"]) == [50_000]
    people = _people(
        "全国五一劳动奖章获得者、某控股集团有限公司副总经理陈建平代表全县劳模群体将12.6万元捐款转交给县红十字会。"
    )
    assert _yuan(people["陈建平"]) == []


def test_a_colon_list_of_units_posts_and_names():
    text = (
        "荣获全国劳动模范称号3人，分别是：某汽车有限公司质量部部长赖志强、某旅游有限公司排工黄盛文、"
        "某发电有限公司燃运主管余红。荣获全国先进工作者称号1人，分别是：市第一医院党委书记黄跃进。"
    )
    people = _people(text)
    assert set(people) == {"赖志强", "黄盛文", "余红", "黄跃进"}
    assert (people["黄盛文"].unit, people["黄盛文"].position) == ("某旅游有限公司", "排工")
    assert _honours(people["余红"]) == [("全国劳动模范", "national")]
    assert _honours(people["黄跃进"]) == [("全国先进工作者", "national")]


def test_an_official_who_congratulates_is_not_proposed():
    text = "表彰大会后，集团公司党委副书记姬世龙代表集团公司向两位劳模表示祝贺。"
    assert _people(text) == {}


# -- lists that state their honour once (issue 17, second round) -------------------------------------
def test_name_bracket_unit_items_after_fenbieshi_share_the_title():
    text = "会上表扬年度模范劳工，分别是林美玲（某国民小学）、郭永和（某县卫生所）、赖秋月（某客运公司）等共3位。"
    people = _people(text)
    assert set(people) == {"林美玲", "郭永和", "赖秋月"}  # 永和 ends a given name when the bracket bounds it
    assert people["郭永和"].unit == "某县卫生所"
    assert _honours(people["赖秋月"]) == [("模范劳工", "other")]


def test_a_list_below_the_report_s_counted_group_gets_its_title_and_year():
    text = (
        "昨日，我市12名全省劳动模范起程前往省城，参加2019年省劳动模范表彰大会。\n"
        "附：名单\n王德昌（某食用菌专业合作社）\n丁秀英（某米业）\n"
    )
    people = _people(text)
    assert set(people) == {"王德昌", "丁秀英"}
    honour = people["丁秀英"].honours[0]
    assert (honour.title, honour.level, honour.year) == ("全省劳动模范", "provincial", 2019)
    assert people["丁秀英"].unit == "某米业"


def test_numbered_items_under_a_heading_line():
    text = "二、湖南五一劳动奖章推荐对象\n1.刘海波 某省体育局游泳队运动员\n2.陈志华 某地质调查中心主任\n"
    people = _people(text)
    assert set(people) == {"刘海波", "陈志华"}
    assert _honours(people["陈志华"]) == [("湖南五一劳动奖章", "provincial")]
    assert people["陈志华"].position.endswith("主任")


def test_speaker_lines_with_unit_and_posts_before_the_name():
    text = (
        "2021年“大国工匠年度人物”发布，八位大国工匠讲述心得。\n"
        "某航天公司数控车工、高级技师，蒋国栋：把最普通的事情干到极致。\n"
        "某港口集团有限公司起重机司机，叶美华：工作就是要静心。\n"
    )
    people = _people(text)
    assert set(people) == {"蒋国栋", "叶美华"}
    assert people["蒋国栋"].unit == "某航天公司" and people["蒋国栋"].position == "数控车工、高级技师"
    honour = people["叶美华"].honours[0]
    assert (honour.title, honour.year) == ("大国工匠年度人物", 2021)


def test_a_title_before_a_nominee_list_and_the_report_year():
    text = (
        "中华全国总工会公示了2018年全国五一劳动奖拟表彰人选。"
        "我市入选全国五一劳动奖章拟表彰名单的有：某汽车有限公司技术员孙立新、某建工集团有限公司砌筑工李长顺。"
    )
    people = _people(text)
    assert set(people) == {"孙立新", "李长顺"}
    honour = people["李长顺"].honours[0]
    assert (honour.title, honour.year) == ("全国五一劳动奖章", 2018)
    assert people["孙立新"].position == "技术员"


def test_people_described_between_commas_share_what_fenbie_says():
    text = "省劳动模范、某市代市长曹振东，某林业局党委书记马玉林，某区工会主席韩延年等也分别捐款1000元。"
    people = _people(text)
    assert set(people) == {"曹振东", "马玉林", "韩延年"}  # 玉林 and 延年 are whole given names here
    assert all(_yuan(h) == [1000] for h in people.values())
    assert people["曹振东"].position == "代市长"


def test_the_visited_listed_before_a_title_and_jiazhong():
    text = "县总工会常务副主席周红梅带领班子成员，到杜文斌、鲁长江等省部级以上劳动模范家中开展慰问。"
    people = _people(text)
    assert set(people) == {"杜文斌", "鲁长江"}


def test_a_group_counted_under_the_pair_of_titles_keeps_the_pair():
    text = (
        "我市3名全国劳动模范和先进工作者接受表彰。"
        "某养殖专业合作社理事长汪其德，某酒业有限公司灌装车间主任吴建平，某研究所所长、推广研究员郑志高"
        "当选为全国劳动模范和先进工作者。"
    )
    people = _people(text)
    assert set(people) == {"汪其德", "吴建平", "郑志高"}  # 其 opens a given name
    assert all(_honours(h) == [("全国劳动模范和先进工作者", "national")] for h in people.values())
    assert people["郑志高"].unit == "某研究所" and people["郑志高"].position == "所长、推广研究员"


def test_a_colon_list_takes_the_group_the_report_counts():
    text = (
        "泉州市举行仪式欢送11名全国劳动模范和先进工作者进京接受表彰。"
        "他们分别是：某集团有限公司董事长林国华、某小学校长曾晓晴。"
    )
    people = _people(text)
    assert set(people) == {"林国华", "曾晓晴"}
    assert _honours(people["曾晓晴"]) == [("全国劳动模范和先进工作者", "national")]


def test_an_autonomous_region_s_title_is_provincial_and_a_job_the_dictionary_lacks():
    text = "某基地管理中心潜航员董海涛等14人被授予自治区劳动模范荣誉称号。"
    people = _people(text)
    assert _honours(people["董海涛"]) == [("自治区劳动模范", "provincial")]
    assert (people["董海涛"].unit, people["董海涛"].position) == ("某基地管理中心", "潜航员")


def test_a_holder_s_representative_is_still_the_holder():
    text = "全国五一劳动奖章获得者代表、某科技股份有限公司模具设计师胡向东出席大会。"
    people = _people(text)
    assert _honours(people["胡向东"]) == [("全国五一劳动奖章", "national")]


def test_a_level_word_before_a_quoted_title_and_a_speaker_whose_surname_is_a_word():
    text = "全国“五一劳动奖章”获得者、某烟花爆竹有限公司经理陶立新带头捐款5000元。"
    assert _honours(_people(text)["陶立新"]) == [("五一劳动奖章", "national")]
    lines = "十位大国工匠讲述心得。\n某港集团有限公司装卸机械司机、高级技师，成卫国：每一次变革都是进步。\n某局桥式起重机司机，田秀梅：要静心。\n"
    assert set(_people(lines)) == {"成卫国", "田秀梅"}


def test_a_unit_and_de_before_a_name_whose_surname_is_a_word():
    people = _people("某电缆股份有限公司的平国强获得上海市五一劳动奖章（右一）")
    assert people["平国强"].unit == "某电缆股份有限公司"
    assert _honours(people["平国强"]) == [("上海市五一劳动奖章", "provincial")]


def test_jiyuan_is_a_prefecture():
    people = _people("济源“五一劳动奖章”获得者、某药业有限公司董事长张立海捐赠价值50万元药品。")
    assert _honours(people["张立海"]) == [("五一劳动奖章", "municipal")]


def test_a_year_before_each_name_of_a_list():
    text = "这是该厂历史上的第四位全国劳动模范，前三位分别是1959年陈有根、1989年俞如海、2005年蒋兴国。"
    people = _people(text)
    assert set(people) == {"陈有根", "俞如海", "蒋兴国"}
    assert [(h.title, h.year) for h in people["俞如海"].honours] == [("全国劳动模范", 1989)]


def test_a_name_whose_given_name_is_a_word_bounded_by_a_unit_and_a_verb():
    people = _people("西子集团子公司杭锅集团于惠民被授予“全国劳动模范”称号。")
    assert people["于惠民"].unit == "杭锅集团"


def test_profiles_under_the_one_honour_the_lead_announces():
    text = (
        "走近“最美职工”\n\n"
        "中央宣传部、全国总工会向全社会公开发布2022年“最美职工”先进事迹。\n\n"
        "不断创新，助推大国重器发展\n\n"
        "“博观而约取”，这是胡兴旺的座右铭。\n\n"
        "2020年，胡兴旺加入某研究院，短短一年间，他就改进多项生产设备。\n\n"
        "胡兴旺，某研究院钳工，多年来改进多项生产设备。\n"
    )
    people = _people(text)
    assert set(people) == {"胡兴旺"}
    assert [(h.title, h.year) for h in people["胡兴旺"].honours] == [("最美职工", 2022)]


def test_bare_names_of_a_list_are_read_by_shape_and_he_joins_the_last_two():
    text = (
        "我县此次当选西安市劳动模范的有：杨卫国、雒志刚、万东明、弋志和，纪文静。"
        "马立新、钱世法、师永全和华日刚等4名同志被授予“全国绿化劳动模范”荣誉称号。"
        "省政府决定授予王从亮等519人“四川省劳动模范”称号。"
    )
    people = _people(text)
    assert {"杨卫国", "雒志刚", "万东明", "弋志和", "纪文静"} <= set(people)
    assert {"马立新", "钱世法", "师永全", "华日刚", "王从亮"} <= set(people)
    assert _honours(people["华日刚"]) == [("全国绿化劳动模范", "national")]
    assert _honours(people["万东明"]) == [("西安市劳动模范", "municipal")]


def test_hosts_listed_in_a_report_about_a_counted_group_do_not_take_its_title():
    text = (
        "我市16名全省劳动模范起程前往省城。出席欢送仪式的领导有：市总工会主席王海、副市长李明华。"
        "附：名单\n陈斌（某合作社）\n何平高（某米业）\n"
    )
    people = _people(text)
    assert set(people) == {"陈斌", "何平高"}


# -- the rotation of issue 17: shapes of the former held-out reports (made-up names) ----------------


def test_a_list_after_fenbie_shi_with_no_colon_takes_the_title_named_before_it():
    text = (
        "其中，3名同志获得“全国劳动模范”荣誉称号，他们分别是某某集团有限公司党委书记、总经理隋文凤，"
        "某某车辆有限公司货车分厂电焊工张敬国，某某二机床(集团)有限责任公司压力机分公司班组长吴作强﹔"
        "2名同志获得“全国先进工作者”荣誉称号，他们分别是某市培智学校党支部书记、校长蒋宗会，某市第一医院心内一科主任王书林。"
    )
    people = _people(text)
    assert set(people) == {"隋文凤", "张敬国", "吴作强", "蒋宗会", "王书林"}
    assert _honours(people["吴作强"]) == [("全国劳动模范", "national")]
    assert people["吴作强"].unit == "某某二机床(集团)有限责任公司压力机分公司"
    assert _honours(people["蒋宗会"]) == [("全国先进工作者", "national")]
    assert people["隋文凤"].position == "党委书记、总经理"


def test_name_is_title_and_name_gets_title():
    text = (
        "巩孝文是省级劳模，现已卧病在床。王小明同志是我县首位全国劳动模范。"
        "今年53岁的牛忠贵于1988年获得合肥市劳模称号。杜崇和老人获得1958年省劳模称号。"
        "上海某某电缆股份有限公司的平庆海获得上海市五一劳动奖章。"
    )
    people = _people(text)
    assert _honours(people["巩孝文"]) == [("省级劳模", "provincial")]
    assert _honours(people["王小明"]) == [("全国劳动模范", "national")]
    assert [(h.title, h.year) for h in people["牛忠贵"].honours] == [("合肥市劳模", 1988)]
    assert [(h.title, h.year) for h in people["杜崇和"].honours] == [("省劳模", 1958)]
    assert people["平庆海"].unit == "上海某某电缆股份有限公司"


def test_visited_list_with_words_describing_the_people_takes_the_level_the_report_names():
    text = (
        "区总工会一行走访慰问90周岁以上的省级高龄劳模。"
        "慰问组先后走访看望了高西兰、卢世华,、郑偕山,、李金花等4位高龄劳模，详细了解他们的身体状况。"
    )
    people = _people(text)
    assert set(people) == {"高西兰", "卢世华", "郑偕山", "李金花"}
    assert all(_honours(h) == [("劳模", "provincial")] for h in people.values())


def test_a_leader_and_his_party_are_officials_and_take_no_title_from_those_they_lead():
    text = (
        "省委常委、省总工会主席戴玉明率领我省新当选的141名全国劳动模范和先进工作者赴京参加大会。"
        "市红十字会党组书记、常务副会长席先民一行到某公司送上“中国红十字会奉献奖章”和证书。"
        "截至目前我省各级劳模和爱心企业累计捐款1.3亿元。"
    )
    assert _people(text) == {}


def test_names_joined_by_he_before_a_verb_and_a_comma_between_described_items():
    text = (
        "全国劳模董兰芳和芦巨才将捐款送到市总工会。其中省五一奖章获得者韩庆个人捐资100万元。"
        "据悉，某县黑石山茶厂研发部主任石濡雪，某天然气有限公司客服客户经理、初级燃气管道工陈健明获得“全国劳动模范”称号。"
    )
    people = _people(text)
    assert {"董兰芳", "芦巨才", "韩庆", "石濡雪", "陈健明"} <= set(people)
    assert _honours(people["芦巨才"]) == [("全国劳模", "national")]
    assert _honours(people["石濡雪"]) == [("全国劳动模范", "national")]
    assert people["陈健明"].position == "客服客户经理、初级燃气管道工"


def test_the_first_of_several_posts_names_the_unit_and_a_birth_year_is_no_honour_year():
    people = _people(
        "某市红十字会医院专职党委副书记、某市健康保健中心副主任、原心血管内科主任欧永刚获得了“全国先进工作者”称号。"
        "张国强，男，1965年出生，全国劳动模范，现任某某公司总经理。"
    )
    assert (people["欧永刚"].unit, people["欧永刚"].position) == ("某市红十字会医院", "专职党委副书记")
    assert [(h.title, h.year) for h in people["张国强"].honours] == [("全国劳动模范", None)]


def test_common_jobs_are_posts_and_a_post_after_a_post_is_no_name():
    people = _people(
        "李红英，女，某某纺织厂挡车工，2010年被评为全国劳动模范。"
        "刘丽华是某油田的一名采油工班长，2020年被评为全国劳动模范。"
    )
    assert (people["李红英"].unit, people["李红英"].position) == ("某某纺织厂", "挡车工")
    assert "班长" not in people


def test_a_word_describing_the_holder_does_not_break_a_chain_of_titles():
    people = _people("最后，他看望了全国五一劳动奖章获得者、一线劳模张金山。")
    assert ("全国五一劳动奖章", "national") in _honours(people["张金山"])


def test_a_list_after_including_takes_the_title_named_before_it():
    people = _people(
        "在拟表彰对象中，多人拟获全国先进工作者称号，包括某省竞技训练中心运动员张小东、"
        "某省球类管理中心乒乓球队运动员王小昱（女）、某省体育局冰上运动中心主任朱大松。"
    )
    assert set(people) == {"张小东", "王小昱", "朱大松"}
    assert all(_honours(h) == [("全国先进工作者", "national")] for h in people.values())
    assert (people["王小昱"].unit, people["王小昱"].position) == ("某省球类管理中心", "乒乓球队运动员")


def test_title_then_colon_heads_lists_split_by_a_semicolon():
    people = _people(
        "本次受奖的全国劳动模范是：某某建设集团有限公司党委书记、董事长赵大明，"
        "某某控股集团有限公司首席技师王大军，某县某镇某村党支部书记徐小收；"
        "全国先进工作者是：某市城市管理执法支队三级调研员张小凤，某市妇幼保健院院长助理、新生儿科主任张大元，"
        "某某教育集团幼儿园园长、一级教师孙小琳。"
    )
    assert set(people) == {"赵大明", "王大军", "徐小收", "张小凤", "张大元", "孙小琳"}
    for name in ("赵大明", "王大军", "徐小收"):
        assert _honours(people[name]) == [("全国劳动模范", "national")]
    for name in ("张小凤", "张大元", "孙小琳"):
        assert _honours(people[name]) == [("全国先进工作者", "national")]
    assert (people["赵大明"].unit, people["赵大明"].position) == ("某某建设集团有限公司", "党委书记、董事长")
    assert (people["王大军"].unit, people["王大军"].position) == ("某某控股集团有限公司", "首席技师")
    assert (people["张小凤"].unit, people["张小凤"].position) == ("某市城市管理执法支队", "三级调研员")
    assert (people["张大元"].unit, people["张大元"].position) == ("某市妇幼保健院", "院长助理、新生儿科主任")
    assert (people["孙小琳"].unit, people["孙小琳"].position) == ("某某教育集团幼儿园", "园长、一级教师")


def test_officials_named_as_leaders_acting_for_a_body_or_receiving_for_it_are_not_proposed():
    text = (
        "某市总工会副主席、市劳模协会会长杜大伟，某市慈善基金会常务副秘书长曹小玲，某纪念馆馆长倪大祥等领导，"
        "李大斌、徐小虎等劳模代表出席了仪式。某集团张大安总裁代表集团向市劳模协会捐赠善款，"
        "市劳模协会会长杜大伟接受捐赠并向某集团颁发证书。"
        "市总工会经费审查委员会主任张大宏，宣传教育部部长王大坡代表市总工会领导班子到某区开展送温暖活动。"
    )
    people = _people(text)
    assert set(people) == {"李大斌", "徐小虎"}


def test_and_after_a_job_word_and_the_one_given_to_are_no_honourees():
    text = (
        "此次评选面向基层，侧重从生产一线的职工、农民和女职工中推荐。"
        "全国劳模郑大强将奖金10000元捐赠给李学生的女儿李小敏。"
    )
    people = _people(text)
    assert set(people) == {"郑大强"}


def test_people_a_counted_group_holds_one_to_a_have_clause():
    people = _people(
        "某某市欢迎3位受表彰的全国劳动模范载誉归来。\n"
        "他们中有扎根一线的电力工人李小军，有积极研发新药的樊小振，有承担焊接任务的“开路先锋”李小文……"
        "他们身份不同，但都秉承着劳模精神。"
    )
    assert set(people) == {"李小军", "樊小振", "李小文"}
    assert all(_honours(h) == [("全国劳动模范", "national")] for h in people.values())


def test_a_colon_list_closed_by_a_collective_and_numbered_units():
    people = _people(
        "这5位“最美职工”分别是：某某航空发动机有限责任公司工人、高级技师洪小光，"
        "某省地质矿产勘查局313地质队高级工程师张小东，某某钢构有限公司华南大区综合工长、工程师胡从兵，"
        "某某建筑安装工程有限公司抹灰工祝小辉，以及某某纺织集团有限公司一分厂纺部车间乙班赵某某小组。"
    )
    assert set(people) == {"洪小光", "张小东", "胡从兵", "祝小辉"}
    assert (people["洪小光"].unit, people["洪小光"].position) == (
        "某某航空发动机有限责任公司",
        "工人、高级技师",
    )
    assert (people["张小东"].unit, people["张小东"].position) == ("某省地质矿产勘查局313地质队", "高级工程师")
    assert people["胡从兵"].unit == "某某钢构有限公司"


def test_the_year_of_the_paired_roll_holds_for_its_second_title():
    people = _people(
        "11月24日，2020年全国劳动模范和先进工作者表彰大会在北京举行。"
        "受表彰的全国劳动模范是：某某集团有限公司高级技师王大军；全国先进工作者是：某市中心医院主任医师张小凤。"
    )
    assert [(h.title, h.year) for h in people["王大军"].honours] == [("全国劳动模范", 2020)]
    assert [(h.title, h.year) for h in people["张小凤"].honours] == [("全国先进工作者", 2020)]


def test_a_line_that_opens_with_a_name_and_a_colon_and_a_unit_after_laizi():
    people = _people(
        "特别引人注目的是3位院士入选“全国先进工作者”，他们分别是：\n"
        "龚大雅: 某某大学院士,教授\n"
        "杨春和 : 某某研究所油气中心负责人,研究员\n"
        "钱小东 : 某某科技大学院士,教授\n"
        "年龄最大的是62岁的教授级高级工程师徐大义，来自某某设计院集团有限公司。"
    )
    assert {"龚大雅", "杨春和", "钱小东"} <= set(people)
    assert (people["钱小东"].unit, people["钱小东"].position) == ("某某科技大学", "院士,教授")
    assert people["徐大义"].unit == "某某设计院集团有限公司"


def test_a_numbered_profile_with_a_year_before_the_title_and_a_job_word_after_the_unit():
    people = _people("1、郑小兰，2000年全国劳动模范，某县公路段养路工人，浙江省第九、十届人大代表。")
    h = people["郑小兰"]
    assert [(x.title, x.level, x.year) for x in h.honours] == [("全国劳动模范", "national", 2000)]
    assert (h.unit, h.position) == ("某县公路段", "养路工人")


def test_the_one_whose_home_is_visited_in_a_report_about_model_workers():
    text = (
        "临近国庆，省总工会领导分赴各地看望慰问各级劳模代表。"
        "随后，赵大群来到某某农场退休职工杨小通的家里，详细询问了他的身体情况。"
        "他们又来到困难职工厉小新家里。"
    )
    result = analyse_text(text)
    people = {p.name: p for p in result.proposals}
    assert set(people) == {"杨小通"}
    h = people["杨小通"].honouree
    assert (h.unit, h.position) == ("某某农场", "退休职工")
    assert [r.code for r in people["杨小通"].reasons] == ["visited"]
    assert "杨小通的家里" in h.source.sentence
    assert _people("赵大群来到某某农场职工杨小通的家里，询问了他的身体情况。") == {}


def test_a_profile_named_twice_with_unit_and_post_holds_the_announced_honour():
    text = (
        "走近2023年“最美职工”\n"
        "中央宣传部、全国总工会发布2023年“最美职工”先进事迹。\n"
        "现为某某高技术开发有限公司车间主任的陈小林，一直在与0.01毫米的距离较真。\n"
        "自1985年参加工作以来，陈小林完成了多项大科学装置核心部件的总装调试工作。"
    )
    h = _people(text)["陈小林"]
    assert (h.unit, h.position) == ("某某高技术开发有限公司", "车间主任")
    assert _honours(h) == [("最美职工", "national")]


def test_advanced_producer_titles_with_a_bracketed_alternative():
    people = _people("某某电缆股份有限公司的韩大忠教授获得2014-2016年度某某区先进生产(工作)者(左一)")
    h = people["韩大忠"]
    assert (h.unit, h.position) == ("某某电缆股份有限公司", "教授")
    assert [x.title for x in h.honours] == ["某某区先进生产(工作)者"]
    assert _honours(_people("王小刚被评为全国先进生产者。")["王小刚"]) == [("全国先进生产者", "national")]


def test_people_included_among_the_holders_of_a_title():
    people = _people(
        "见面会上，包括刘小丽在内5位新当选的全国劳动模范代表讲述了奋斗故事。"
        "包括张大山、李小河在内的10名省劳模参加了座谈。"
    )
    assert _honours(people["刘小丽"]) == [("全国劳动模范", "national")]
    assert _honours(people["张大山"]) == _honours(people["李小河"]) == [("省劳模", "provincial")]


def test_posts_over_a_list_mark_before_a_title_and_a_gift_made_for_the_body():
    people = _people(
        "某启控股集团董事局主席、全国劳动模范张大荣，某启胶建集团党委书记、总经理、青岛市劳动模范郭大盛出席会议，"
        "并代表集团向某市劳动模范慈善基金捐赠10万元。"
    )
    assert (people["张大荣"].unit, people["张大荣"].position) == ("某启控股集团", "董事局主席")
    assert (people["郭大盛"].unit, people["郭大盛"].position) == ("某启胶建集团", "党委书记、总经理")
    assert _yuan(people["郭大盛"]) == [] and _yuan(people["张大荣"]) == []


def test_a_speaker_credited_before_gives_later_and_goods_with_their_total_value():
    people = _people(
        "“我们要主动捐款捐物。”某市劳动模范、某某食品有限公司总经理张大锋说。"
        "本轮疫情发生后，张大锋向县消防大队捐赠了价值5万余元的冷鲜肉物资。"
        "全国劳模胡大峰已向当地村委捐赠爱心款和抗疫物资累计价值20000余元。"
    )
    assert _yuan(people["张大锋"]) == [50000]
    assert _yuan(people["胡大峰"]) == [20000]


def test_where_they_work_after_joining_and_a_union_of_cooperatives():
    people = _people(
        "2020年，全国五一劳动奖章获得者胡小盛放弃了其他企业优渥的待遇，加入某某集团第二研究院，展现了突出的能力。"
        "某市种植专业合作社联合社理事长赵小霞获得全国劳动模范称号。"
    )
    assert people["胡小盛"].unit == "某某集团第二研究院"
    assert (people["赵小霞"].unit, people["赵小霞"].position) == ("某市种植专业合作社联合社", "理事长")


def test_visited_model_worker_given_to_and_shapes_of_award_sentences():
    people = _people(
        "在慰问中，刘国庆向劳模张玉兰送上慰问金2000元。"
        "获得2023年省五一劳动奖章的是某某机床厂钳工周建国。"
        "吴秀芬，女，汉族，1975年生，中共党员，某某市人民医院护士长，2015年被评为全国先进工作者。"
    )
    assert set(people) == {"张玉兰", "周建国", "吴秀芬"}
    assert _honours(people["张玉兰"]) == [("劳模", "other")] and _yuan(people["张玉兰"]) == []
    assert (people["周建国"].unit, people["周建国"].position) == ("某某机床厂", "钳工")
    assert (people["吴秀芬"].unit, people["吴秀芬"].position) == ("某某市人民医院", "护士长")


def test_a_colon_list_takes_the_title_the_sentence_before_counts():
    people = _people(
        "记者从市总工会获悉，我市共有12人获评省劳动模范。"
        "他们是：某某电力公司运维班班长陈志强、某某中学教师林秀梅、某某村党支部书记黄永福。"
    )
    assert set(people) == {"陈志强", "林秀梅", "黄永福"}
    assert all(_honours(h) == [("省劳动模范", "provincial")] for h in people.values())


def test_titled_items_joined_by_a_list_mark_share_each_amount():
    people = _people("市劳模黎小东、省劳模罗小英各捐款1000元，全国劳模韦大川捐款5000元。")
    assert _yuan(people["黎小东"]) == _yuan(people["罗小英"]) == [1000]
    assert _yuan(people["韦大川"]) == [5000]


def test_a_numbered_heading_with_a_count_over_lines_of_name_and_unit():
    people = _people(
        "2024年省五一劳动奖章拟表彰对象公示\n"
        "一、省五一劳动奖状（2个）\n某某市第一人民医院\n某某建设集团有限公司\n"
        "二、省五一劳动奖章（3名）\n"
        "张伟民  某某市第一人民医院心内科主任医师\n刘晓燕  某某纺织有限公司挡车工\n蒋国华  某某县农机站站长\n"
        "联系人：苏建明  电话：0571-12345678\n"
    )
    assert set(people) == {"张伟民", "刘晓燕", "蒋国华"}
    assert all(_honours(h) == [("省五一劳动奖章", "provincial")] for h in people.values())
    assert (people["蒋国华"].unit, people["蒋国华"].position) == ("某某县农机站", "站长")


def test_a_model_workers_representative_before_a_unit_and_post_who_speaks():
    people = _people(
        "大会授予何建平等50名同志“市劳动模范”荣誉称号。劳模代表、市公交集团驾驶员孔令华作表态发言。"
    )
    assert set(people) == {"何建平", "孔令华"}
    assert (people["孔令华"].unit, people["孔令华"].position) == ("市公交集团", "驾驶员")
    assert _honours(people["孔令华"]) == [("劳模", "municipal")]


def test_bracketed_units_and_posts_after_names_in_a_colon_list():
    people = _people("荣获全国五一劳动奖章的有：曹建军（某某石化公司焊工）、龙小梅（某某纺织厂）。")
    assert (people["曹建军"].unit, people["曹建军"].position) == ("某某石化公司", "焊工")
    assert people["龙小梅"].unit == "某某纺织厂"
    assert _honours(people["龙小梅"]) == [("全国五一劳动奖章", "national")]


def test_quoted_wuyi_in_a_medal_its_givers_level_and_examples_of_its_holders():
    text = (
        "全国一千多名先进模范人物节日前夕获“五一”劳动奖章\n"
        "“五一”前夕全国有一千多名先进模范人物获得全国总工会颁发的“五一”劳动奖章。\n"
        "这些获奖者中的许多普通工人引人注目，如为乘客送温暖的某市10路汽车售票员杨小莉、"
        "以“小扁担”精神为人民服务的某某轮服务员杨大远等。"
    )
    people = _people(text)
    assert set(people) == {"杨小莉", "杨大远"}
    assert all(_honours(h) == [("五一劳动奖章", "national")] for h in people.values())
    assert _honours(_people("全国“五一”劳动奖章获得者张小三在会上发言。")["张小三"]) == [
        ("全国五一劳动奖章", "national")
    ]


def test_a_title_heading_a_list_that_is_then_given_another_title():
    for text in (
        "市劳动模范邵丽萍、甘小燕、苗建华等15人被授予“抗疫先锋”称号。",
        "市劳动模范邵丽萍、某某医院护士长甘小燕、苗建华等15人被授予“抗疫先锋”称号。",
    ):
        people = _people(text)
        assert set(people) == {"邵丽萍", "甘小燕", "苗建华"}, text
        for h in people.values():
            assert _honours(h) == [("市劳动模范", "municipal"), ("抗疫先锋", "other")], text


def test_lines_of_unit_post_and_name_under_a_heading_that_refers_back():
    people = _people(
        "4月27日，表彰大会召开，会议表彰了2024年度省劳动模范和先进工作者。我市共有3人获此殊荣，分别是：\n"
        "某某市中心医院院长  欧阳明\n某某化工集团总工程师  王建军\n某某村党支部书记  赵亮\n"
    )
    assert set(people) == {"欧阳明", "王建军", "赵亮"}
    assert (people["王建军"].unit, people["王建军"].position) == ("某某化工集团", "总工程师")
    assert all(
        [(x.title, x.level, x.year) for x in h.honours] == [("省劳动模范和先进工作者", "provincial", 2024)]
        for h in people.values()
    )


def test_people_around_an_honouree_are_not_proposed():
    people = _people(
        "全国劳模田春生资助了贫困学生刘小雨完成学业。刘小雨的母亲李桂兰说，田春生就像亲人一样。"
        "在他的带领下，徒弟谢文斌、郝建国都成长为技术骨干。患者家属孟庆华专门送来锦旗。"
        "省劳模贺立群的儿子贺晨在外地工作。“我要向劳模学习。”青年职工龚晓伟说。"
        "劳模倪桂英和丈夫一起照顾孤寡老人陶秀珍。"
    )
    assert set(people) == {"田春生", "贺立群", "倪桂英"}
    assert _yuan(_people("省劳模李建国的妻子王丽也捐出了1000元。")["王丽"]) == [1000]


def test_a_name_whose_end_is_unclear_is_settled_by_the_report_writing_it_clearly_elsewhere():
    for verb in ("走进", "分享", "攻克", "呼吁"):
        people = _people(f"全国劳模田春生{verb}了这里。田春生说，这是应该的。")
        assert set(people) == {"田春生"}, verb
    assert set(_people("全国劳模田春生走进了这里。")) <= {"田春生"}  # alone: no name is made up (田春生走)
    for verb in ("回到", "收到", "投身"):
        assert set(_people(f"全国劳模田春{verb}了这里。田春说，这是应该的。")) == {"田春"}, verb


def test_examples_of_the_holders_that_go_on_in_the_next_sentence():
    text = (
        "全国一千多名先进模范人物节日前夕获“五一”劳动奖章\n"
        "“五一”前夕全国有一千多名先进模范人物获得全国总工会颁发的“五一”劳动奖章。\n"
        "“五一”劳动奖章的获得者中还包括了一大批厂长、经理。如石家庄市造纸厂厂长马大利、"
        "以善于管理搞活企业的广西某某机械厂厂长桂小敬等。"
    )
    people = _people(text)
    assert set(people) == {"马大利", "桂小敬"}
    assert people["马大利"].unit == "石家庄市造纸厂"
    assert all(_honours(h) == [("五一劳动奖章", "national")] for h in people.values())


def test_a_name_credited_before_after_departments_and_a_post():
    people = _people(
        "某某集团子公司杭锅集团于惠民被授予“全国劳动模范”称号。"
        "杭锅集团容器车间主动焊接班班长于惠民同志光荣地出席了表彰大会。"
    )
    assert (people["于惠民"].unit, people["于惠民"].position) == ("杭锅集团", "容器车间主动焊接班班长")


def test_names_after_a_holders_colon_parted_by_list_marks_or_spaces():
    for text in (
        "省级劳模获得者：党建华、侯玉梅、毛国栋、邬建平",
        "省级劳模获得者：王建华 侯玉梅 毛国栋 邬建平",
        "省级劳模获得者：\n王建华 侯玉梅 毛国栋 邬建平\n",
    ):
        people = _people(text)
        assert len(people) == 4 and "侯玉梅" in people, text
        assert all(_honours(h) == [("省级劳模", "provincial")] for h in people.values()), text


def test_goods_and_what_they_come_to_after_a_comma():
    people = _people("市劳模简爱华向困难群众捐赠大米、食用油等物资，折合人民币1.2万元。")
    assert 12000 in _yuan(people["简爱华"])


def test_a_worker_who_only_speaks_at_a_meeting_is_no_honouree():
    text = (
        "1月15日，市总工会召开全委（扩大）会议。市委常委、组织部部长骆建新出席并讲话，"
        "市总工会党组书记、主席覃丽华作工作报告。会上，市总工会副主席幸志明宣读了表彰决定。"
        "某某公司职工宫小军、某某厂工人屈大鹏在会上作了交流发言。"
    )
    assert _people(text) == {}


def test_a_quoted_name_inside_a_unit_does_not_end_a_list():
    people = _people(
        "记者了解到，国家某某局第二研究所所长李大彪、某某省渔政总队“某某3111”船政委林小强荣获“全国五一劳动奖章”。"
    )
    assert set(people) == {"李大彪", "林小强"}
    assert (people["李大彪"].unit, people["李大彪"].position) == ("国家某某局第二研究所", "所长")
    assert all(_honours(h) == [("全国五一劳动奖章", "national")] for h in people.values())


def test_a_clause_opening_with_zuowei_describes_the_name_that_opens_the_next():
    text = (
        "走近2022年“最美职工”\n中央宣传部、全国总工会发布2022年“最美职工”先进事迹。\n"
        "作为南京某某集团有限公司的一名科研技术骨干，成红霞长期从事微波器件的研制工作。"
        "凭借扎实的科研水平，成红霞勇挑重担。"
    )
    h = _people(text)["成红霞"]
    assert (h.unit, h.position) == ("南京某某集团有限公司", "科研技术骨干")
    assert _honours(h) == [("最美职工", "national")]
    h = _people("刘大海，长沙某某机械公司的一名普通焊工，2020年被评为全国劳动模范。")["刘大海"]
    assert (h.unit, h.position) == ("长沙某某机械公司", "焊工")


def test_name_shi_unit_de_yiming_post_then_the_award():
    people = _people("刘丽芳是某某油田的一名采油工班长，2020年被评为全国劳动模范。")
    h = people["刘丽芳"]
    assert (h.unit, h.position) == ("某某油田", "采油工班长")
    assert [(x.title, x.year) for x in h.honours] == [("全国劳动模范", 2020)]


def test_the_short_and_the_full_name_of_one_honour_are_one_honour():
    people = _people("“我要带头做好防疫工作。”市劳动模范黎小东说。市劳模黎小东、省劳模罗小英各捐款1000元。")
    assert _honours(people["黎小东"]) == [("市劳动模范", "municipal")]


def test_the_oldest_and_youngest_of_the_holders():
    people = _people(
        "在此次表彰的全国劳模中，年龄最大的是72岁的农民专家苟大贵。"
        "本市省劳动模范平均年龄为47岁左右，年龄最大的是62岁的教授级高级工程师徐大义，来自某某设计院集团有限公司；"
        "年龄最小的是33岁的高级技师陈小龙。"
    )
    assert _honours(people["苟大贵"]) == [("全国劳模", "national")]
    assert [x.level for x in people["徐大义"].honours] == ["provincial"]
    assert [x.level for x in people["陈小龙"].honours] == ["provincial"]


def test_a_woman_worker_is_a_post():
    text = (
        "全国一千多名先进模范人物节日前夕获“五一”劳动奖章\n"
        "“五一”前夕全国有一千多名先进模范人物获得全国总工会颁发的“五一”劳动奖章。\n"
        "这些获奖者中的许多普通工人引人注目，如十四年干完五十三年工作量的湖南女工彭小玲等。"
    )
    assert _honours(_people(text)["彭小玲"]) == [("五一劳动奖章", "national")]


def test_a_list_under_the_ceremony_for_one_honour():
    people = _people(
        "台湾省模范劳工表扬大会昨日举行，本县共有三人获选，分别是：某电力公司技术员游小明、"
        "某自来水公司领班赖小琴、某农会推广员蔡小成。"
    )
    assert set(people) == {"游小明", "赖小琴", "蔡小成"}
    assert all(_honours(h) == [("台湾省模范劳工", "provincial")] for h in people.values())
    assert (people["赖小琴"].unit, people["赖小琴"].position) == ("某自来水公司", "领班")


def test_two_described_items_joined_by_ji_at_a_lists_end():
    people = _people(
        "本县共有三人获选省模范劳工，分别是：某电力公司技术员游小明、某县立医院护理师潘小玲及某农会推广员蔡小成。"
    )
    assert set(people) == {"游小明", "潘小玲", "蔡小成"}
    assert (people["潘小玲"].unit, people["潘小玲"].position) == ("某县立医院", "护理师")
    assert all(_honours(h) == [("省模范劳工", "provincial")] for h in people.values())


def test_a_report_that_names_no_honour_proposes_no_one_for_a_deed():
    text = (
        "社区志愿服务活动侧记\n"
        "参加活动的志愿者中有退休教师杨文华，有在校大学生刘佳琪，有社区干部孙立群。\n"
        "包括社区书记王海燕在内的20余名志愿者参与了活动。\n"
        "随后，志愿者们来到独居老人周桂英家中，为她打扫卫生。\n"
        "据了解，如某某社区网格员沈立华等人也积极参与。\n"
    )
    assert _people(text) == {}


def test_described_items_over_commas_whose_posts_carry_a_grade():
    people = _people(
        "市长宣读了获奖名单。其中东平县人民医院外科主任、主任医师王立新，西山市实验小学校长、高级教师李春梅，"
        "南岭果蔬专业合作社理事、高级农技师赵大海被授予全国五一劳动奖章。"
    )
    assert set(people) == {"王立新", "李春梅", "赵大海"}
    assert (people["王立新"].unit, people["王立新"].position) == ("东平县人民医院", "外科主任、主任医师")
    assert (people["李春梅"].unit, people["李春梅"].position) == ("西山市实验小学", "校长、高级教师")
    assert (people["赵大海"].unit, people["赵大海"].position) == ("南岭果蔬专业合作社", "理事、高级农技师")
    assert all(_honours(h) == [("全国五一劳动奖章", "national")] for h in people.values())


def test_a_unit_keeps_no_function_word_the_sentence_put_before_it():
    people = _people(
        "获得省五一劳动奖章的东山机械有限公司董事长孙志远表示，将再接再厉。"
        "区劳动模范钱立群作为南湖置业有限公司董事长，多次捐赠物资。"
        "全国劳动模范王大明今年65岁，退休前是东山机械有限公司的焊工。"
    )
    assert people["孙志远"].unit == "东山机械有限公司"
    assert people["钱立群"].unit == "南湖置业有限公司"
    assert (people["王大明"].unit, people["王大明"].position) == ("东山机械有限公司", "焊工")


def test_a_described_item_whose_posts_run_over_several_commas_of_a_series():
    people = _people(
        "东平县人民医院外科主任王立新，西山有限责任公司工程部技术人员、工程师、中级工谭小飞，"
        "北湖有限公司职工孙小明3名职工荣获湖南省五一劳动奖章。"
    )
    assert set(people) == {"王立新", "谭小飞", "孙小明"}
    assert (people["谭小飞"].unit, people["谭小飞"].position) == (
        "西山有限责任公司",
        "工程部技术人员、工程师、中级工",
    )
    assert all(_honours(h) == [("湖南省五一劳动奖章", "provincial")] for h in people.values())


def test_medals_take_the_year_of_the_may_day_celebration_the_report_is_about():
    people = _people(
        "4月28日，湖南省召开2024年庆祝“五一”国际劳动节暨表彰大会。"
        "我市东山机械有限公司技师周大勇荣获湖南省五一劳动奖章。"
        "曾获全国五一劳动奖章的南湖公司高级技师吴国平作为代表发言。"
    )
    assert [(x.title, x.year) for x in people["周大勇"].honours] == [("湖南省五一劳动奖章", 2024)]
    assert all(x.year is None for x in people["吴国平"].honours)


def test_a_list_before_a_bare_title_after_deng_whatever_follows():
    people = _people(
        "王立新、李春梅、赵大海等劳模在一线参与防控工作，区总工会在后方听取呼声。"
        "全国劳动模范、东山机械股份有限公司王立新在收到通知后，马上到居委会报到。"
    )
    assert set(people) == {"王立新", "李春梅", "赵大海"}
    assert [x.title for x in people["李春梅"].honours] == ["劳模"]
    assert _honours(people["王立新"]) == [("全国劳动模范", "national")]
    assert people["王立新"].unit == "东山机械股份有限公司"


def test_a_list_counted_as_people_from_somewhere_shares_the_title():
    people = _people("何小国等6名来自各行各业的劳动者荣获浙江省五一劳动奖章称号。")
    assert set(people) == {"何小国"}
    assert _honours(people["何小国"]) == [("浙江省五一劳动奖章", "provincial")]


def test_a_counted_list_of_the_visited_without_deng_after_the_visitors():
    people = _people(
        "10月26日上午，区总工会副主席张大勇、陆小剑一行前往王立新、李春梅和赵大海三位老劳模家中，"
        "为他们送去重阳糕。"
    )
    assert set(people) == {"王立新", "李春梅", "赵大海"}
    assert all([x.title for x in h.honours] == ["劳模"] for h in people.values())


def test_craft_masters_and_a_last_role_right_before_the_name():
    people = _people(
        "中国工艺美术大师徐小兴从事青瓷制作62年，是从业时间最长的一位。"
        "年龄最大的72岁，为湖北省工艺美术大师、“手工制陶技艺”市级非遗代表性传承人何小法。"
    )
    assert set(people) == {"徐小兴", "何小法"}
    assert _honours(people["徐小兴"]) == [("中国工艺美术大师", "national")]
    assert _honours(people["何小法"]) == [("湖北省工艺美术大师", "provincial")]


def test_the_oldest_of_a_group_holds_its_honour_besides_their_own():
    people = _people(
        "2019“最美江南人·最美工匠”揭晓\n"
        "11月7日，省总工会发布了100名2019年“最美江南人·最美工匠”名单。\n"
        "在百名“最美工匠”中，年龄最大的是82岁的中国工艺美术大师赵小祥，他从事花边工作50年。\n"
    )
    assert set(people) == {"赵小祥"}
    titles = [x.title for x in people["赵小祥"].honours]
    assert titles == ["中国工艺美术大师", "最美江南人·最美工匠"]


def test_announcing_words_in_a_headline_are_no_names():
    people = _people("2019年度“最美职工”揭晓\n市长宣读了表彰决定。东山公司技师王立新荣获“最美职工”称号。")
    assert set(people) == {"王立新"}


def test_a_later_clause_led_by_she_or_also_credits_the_one_the_sentence_opens_with():
    people = _people(
        "目前从事保姆工作的刘小翎，已经在这个行业工作10多年，这次她也荣获全国模范劳工的殊荣。\n"
        "由工会推荐获奖的李小发是一位视障朋友，他凭借着按摩技术的精进也获得模范劳工的荣耀。\n"
        "目前在东山市环保局任职的金小月姐，对工作认真负责，今年她也获得单位推荐，荣获模范劳工的肯定。\n"
        "2006年，霍小倩和她项目组的同事，以优秀的服务意识得到了认可，同时也被评为了市劳动模范。\n"
    )
    assert set(people) == {"刘小翎", "李小发", "金小月", "霍小倩"}
    assert _honours(people["刘小翎"]) == [("全国模范劳工", "national")]
    assert people["金小月"].unit == "东山市环保局"
    assert [(x.title, x.year) for x in people["霍小倩"].honours] == [("市劳动模范", 2006)]


def test_a_later_clause_about_them_credits_no_one_before():
    assert _people("市总工会主席王大明表示，他们也荣获了全国五一劳动奖章。") == {}


def test_leaders_present_with_only_a_deed_are_not_proposed():
    people = _people(
        "东山市庆祝五一劳模表彰大会昨天举行。\n"
        "上周五，市政协主席、慈善总会会长周大同，市总工会党组书记、副主席刘正明一行走访看望了三位劳模代表。\n"
        "获奖的劳工朋友在东山市代理市长钱立远手中接下奖状。\n"
        "东山机械有限公司高级技师孙小明荣获省劳动模范称号。\n"
    )
    assert set(people) == {"孙小明"}


def test_became_a_model_worker_and_adverbs_before_the_verb():
    people = _people(
        "2012年，由于工作出色，赵小容被公司推荐成为了东山市劳动模范。\n2009年，霍小倩更是被评为了省劳动模范。\n"
    )
    assert [(x.title, x.year) for x in people["赵小容"].honours] == [("东山市劳动模范", 2012)]
    assert [(x.title, x.year) for x in people["霍小倩"].honours] == [("省劳动模范", 2009)]


def test_likewise_gives_the_title_to_the_speaker_named_just_before():
    people = _people(
        "“这次能评上省劳模，是对我们这些匠人的肯定。”东山陶瓷有限责任公司艺术总监陈小海说。"
        "同样获评省劳模的东山市南音传承中心演员庄小芬表示：“我会继续创作。”"
    )
    assert set(people) == {"陈小海", "庄小芬"}
    assert _honours(people["陈小海"]) == [("省劳模", "provincial")]
    guests = _people(
        "市委副书记王大明出席会议。同样获评省劳模的东山市南音传承中心演员庄小芬表示：“我会继续创作。”"
    )
    assert set(guests) == {"庄小芬"}


def test_a_county_named_by_one_character_and_no_preposition_in_a_title():
    people = _people(
        "张村党支部书记张守一带领党员坚守在村头；莒县劳动模范，莒县洛河镇南村党支部书记单小玲，带领退役军人活跃在社区。"
        "工作室成立于2014年，以大国工匠、全国劳动模范管小安为领衔人。"
    )
    assert _honours(people["单小玲"]) == [("莒县劳动模范", "county")]
    assert _honours(people["管小安"]) == [("大国工匠", "national"), ("全国劳动模范", "national")]


def test_a_unit_before_de_and_the_title_is_the_lists():
    people = _people("东山市第二人民医院的省级先进工作者李小普、张小珍义无反顾地挺身而出。")
    assert {n: h.unit for n, h in people.items()} == {
        "李小普": "东山市第二人民医院",
        "张小珍": "东山市第二人民医院",
    }
    assert all(_honours(h) == [("省级先进工作者", "provincial")] for h in people.values())


def test_two_people_the_sentences_before_open_with_both_receive_the_honour():
    people = _people(
        "市劳动局副局长陈小瑜说明评选过程。\n"
        "就任东山市自来水事业处的李小蓉，长期在柜台服务民众，也经常主动将经验传承给后辈；"
        "另一名长期从事视障按摩师的张小传，不畏身体不便，总是保持工作热诚；陈小瑜强调，两人都获得模范劳工殊荣。"
    )
    assert set(people) == {"李小蓉", "张小传"}
    assert people["李小蓉"].unit == "东山市自来水事业处"
    assert all([x.title for x in h.honours] == ["模范劳工"] for h in people.values())


def test_telling_ones_story_at_a_meeting_is_no_deed():
    people = _people(
        "区总工会举办2025年劳模工匠团拜会，辖区各级劳模工匠50余人欢聚一堂。\n"
        "东山快递站站长王小博现场分享了自己的事业成长之路。\n"
        "全国劳动模范易小鑫在会上谈了体会。\n"
    )
    assert set(people) == {"易小鑫"}


def test_a_bare_level_model_and_the_named_one_are_one_honour_and_the_unit_starts_after_the_name():
    people = _people(
        "市总工会一行来到省劳模陈小娣家中，今年96岁高龄的陈小娣是原东山色织总厂退休职工，1959年被评为江苏省劳动模范。"
    )
    h = people["陈小娣"]
    assert [(x.title, x.level, x.year) for x in h.honours] == [("江苏省劳动模范", "provincial", 1959)]
    assert (h.unit, h.position) == ("原东山色织总厂", "退休职工")


def test_a_title_takes_the_headline_year_written_in_the_short_form():
    people = _people(
        "风采·2020年全国劳模 | 周小忠：用奖金为老人捐赠棉衣\n"
        "1月22日，去年刚荣膺“全国劳动模范”称号的东山县南村党支部书记周小忠，为老人捐赠棉衣。\n"
    )
    assert [(x.title, x.year) for x in people["周小忠"].honours] == [("全国劳动模范", 2020)]


def test_money_turned_into_goods_in_the_clause_before_the_gift():
    people = _people(
        "去年刚荣膺“全国劳动模范”称号的东山县南村党支部书记周小忠，将个人获得的奖金3万元兑换成棉衣，"
        "捐赠给村里66岁以上老人。"
    )
    assert _yuan(people["周小忠"]) == [30000]


def test_the_youngest_does_not_take_the_title_the_oldest_holds():
    people = _people(
        "受表彰者平均年龄45岁。年龄最大的72岁，为湖北省工艺美术大师何小法；"
        "年龄最小的24岁，为东山农村商业银行员工刘小翠，她曾荣获全省技能大赛第一名。",
        learned=False,  # the rules' reading (the learned honour step judges from the report as a whole)
    )
    assert _honours(people["何小法"]) == [("湖北省工艺美术大师", "provincial")]
    youngest = people.get("刘小翠")
    assert youngest is None or "湖北省工艺美术大师" not in [x.title for x in youngest.honours]


def test_a_title_in_a_bracket_after_a_post_and_name():
    people = _people("东山机械公司技师张立强（全国劳动模范、省五一劳动奖章获得者）捐款1000元。")
    h = people["张立强"]
    assert _honours(h) == [("全国劳动模范", "national"), ("省五一劳动奖章", "provincial")]
    assert (h.unit, h.position, _yuan(h)) == ("东山机械公司", "技师", [1000])


def test_two_names_after_a_unit_and_de_joined_by_he_both_hold_the_title():
    people = _people("今年，东山机械公司的张立强和李美华同时获得了省五一劳动奖章。")
    assert set(people) == {"张立强", "李美华"}
    assert all(_honours(h) == [("省五一劳动奖章", "provincial")] for h in people.values())


def test_award_lists_in_lines_name_then_unit_or_unit_then_name():
    people = _people("本届模范劳工表扬名单如下：\n王大明 东山电力公司技术员\n李美华 西山医院护理师\n")
    assert set(people) == {"王大明", "李美华"}
    assert (people["李美华"].unit, people["李美华"].position) == ("西山医院", "护理师")
    assert all([x.title for x in h.honours] == ["模范劳工"] for h in people.values())
    people = _people(
        "2023年度全国五一劳动奖章获得者名单\n东山机械有限公司 王大明\n西山医院护士长 李美华\n东山机械有限公司 宣传部\n"
    )
    assert set(people) == {"王大明", "李美华"}
    assert (people["李美华"].unit, people["李美华"].position) == ("西山医院", "护士长")
    assert all(_honours(h) == [("全国五一劳动奖章", "national")] for h in people.values())


def test_among_the_counted_winners_one_described_is_a_holder():
    people = _people("東山市政府今天表揚模範勞工，共有12人獲獎，其中東山電力公司技術員王大明已服務30年。")
    assert [x.title for x in people["王大明"].honours] == ["模范劳工"]
    assert (people["王大明"].unit, people["王大明"].position) == ("东山电力公司", "技术员")


def test_those_listed_with_you_after_a_group_zhong_hold_its_title():
    people = _people(
        "此次表彰的全国劳动模范中，有来自东山机械有限公司的焊工王大明，有来自西山医院的护士李美华。"
    )
    assert set(people) == {"王大明", "李美华"}
    assert all(_honours(h) == [("全国劳动模范", "national")] for h in people.values())
    assert (people["李美华"].unit, people["李美华"].position) == ("西山医院", "护士")


def test_titles_given_respectively_go_one_to_each():
    people = _people("东山机械有限公司焊工王大明、西山医院护士李美华分别获得全国劳动模范和全国五一劳动奖章。")
    assert _honours(people["王大明"]) == [("全国劳动模范", "national")]
    assert _honours(people["李美华"]) == [("全国五一劳动奖章", "national")]
    people = _people("王大明、李美华分获全国劳动模范和全国五一劳动奖章。")
    assert _honours(people["李美华"]) == [("全国五一劳动奖章", "national")]


def test_names_on_the_list_the_sentence_names_before():
    people = _people(
        "近日，省总工会公布了2024年湖南省五一劳动奖章获奖名单，我市东山机械有限公司的王大明、西山医院的李美华榜上有名。"
    )
    assert {n: h.unit for n, h in people.items()} == {"王大明": "东山机械有限公司", "李美华": "西山医院"}
    assert all(_honours(h) == [("湖南省五一劳动奖章", "provincial")] for h in people.values())
    assert _people("省总工会公布了2024年湖南省五一劳动奖章获奖名单，我市共有5人榜上有名。") == {}


def test_a_unit_drops_the_address_before_shi():
    people = _people("王大明师傅是东山机械有限公司的老焊工，曾获全国劳动模范称号。")
    assert people["王大明"].unit == "东山机械有限公司"


def test_a_list_whose_items_carry_their_unit_and_post_in_brackets():
    people = _people("王大明（东山机械有限公司焊工）、李美华（西山医院护士）被授予全国劳动模范称号。")
    assert {n: (h.unit, h.position) for n, h in people.items()} == {
        "王大明": ("东山机械有限公司", "焊工"),
        "李美华": ("西山医院", "护士"),
    }
    assert all(_honours(h) == [("全国劳动模范", "national")] for h in people.values())


def test_a_titled_name_followed_by_a_time_word_or_a_common_verb():
    for text in (
        "全国劳动模范王大明日前捐款1万元。",
        "全国五一劳动奖章获得者王大明昨天回到母校。",
        "市总工会主席张大勇与全国劳动模范王大明亲切交谈。",
    ):
        assert set(_people(text)) == {"王大明"}, text


def test_virtues_and_described_words_are_no_titles():
    from honours.core.intake.titles import find_titles

    assert find_titles("要想成为真正的工匠，就要踏实") == []
    assert [t.title for t in find_titles("他对“工匠精神”的理解")] == []


def test_taiwan_wordings_of_labour_awards():
    assert [
        x.title for x in _people("榮獲優秀勞工的王大明，在東山電力公司服務超過20年。")["王大明"].honours
    ] == ["优秀劳工"]
    people = _people("今年的模範勞工之一、東山電力公司技術員王大明表示，感謝公司栽培。")
    assert [x.title for x in people["王大明"].honours] == ["模范劳工"]
    people = _people("王大明從事電力工作30年，今年獲選為東山縣模範勞工。")
    assert _honours(people["王大明"]) == [("东山县模范劳工", "county")]


def test_the_certificate_of_an_honour_and_the_honour_one_is_commended_with():
    from honours.core.intake.titles import find_titles

    found = find_titles("市总工会主席王建国为吴杰峰颁发先进工作者证书。")
    assert [t.title for t in found] == ["先进工作者"]
    people = _people("获先进工作者表彰的有：张晓兰、刘德福。")
    assert set(people) == {"张晓兰", "刘德福"}
    assert all(_honours(h) == [("先进工作者", "other")] for h in people.values())
    # a meeting named after the honour is no one's honour
    assert _people("市总工会召开先进工作者表彰大会。") == {}


def test_a_reporter_line_that_goes_on_with_the_news_is_read_after_the_byline():
    people = _people("记者周丽华报道：省劳动模范名单公布，谭永红获评省劳动模范。")
    assert set(people) == {"谭永红"}
    assert _honours(people["谭永红"]) == [("省劳动模范", "provincial")]
    # a line that is all byline stays all byline
    assert _people("记者 周丽华 通讯员 李强\n全国劳动模范王大明捐款1万元。").keys() == {"王大明"}


def test_a_list_after_a_title_ends_where_a_connector_brings_the_next_title():
    people = _people("副书记林某某走访慰问了全国劳模应华明、徐永红和省劳模王正，以及省模范人民警察姜大瑞。")
    assert _honours(people["应华明"]) == [("全国劳模", "national")]
    assert _honours(people["徐永红"]) == [("全国劳模", "national")]
    assert _honours(people["王正"]) == [("省劳模", "provincial")]
    assert _honours(people["姜大瑞"]) == [("省模范人民警察", "provincial")]


def test_a_counted_group_in_a_headline_is_no_title_of_the_name_after_a_space():
    text = "某市政府表扬56位模范劳工 黄大惠期待与劳工共拼未来\n市长黄大惠在活动中表示，感谢劳工。"
    assert "黄大惠" not in _people(text)


def test_a_job_the_dictionary_lacks_after_an_organisation_and_its_bracket():
    people = _people(
        "10位“大国工匠年度人物”是：某市文物保护中心研究馆员吴清顺，某国家气象中心(中央气象台)首席预报员许龙映，"
        "某集团铜贵有限公司贵金属冶炼工、特级技师潘明从。"
    )
    assert (people["吴清顺"].unit, people["吴清顺"].position) == ("某市文物保护中心", "研究馆员")
    assert (people["许龙映"].unit, people["许龙映"].position) == ("某国家气象中心(中央气象台)", "首席预报员")


def test_a_factory_or_station_inside_a_company_is_part_of_the_unit():
    people = _people(
        "2023年“大国工匠年度人物”是：某城投污水处理有限公司白龙港污水处理厂高级技师杨雷戌，"
        "某电网昆明供电局变电修试所继电保护工、特级技师李晖。"
    )
    assert (people["杨雷戌"].unit, people["杨雷戌"].position) == (
        "某城投污水处理有限公司白龙港污水处理厂",
        "高级技师",
    )
    assert (people["李晖"].unit, people["李晖"].position) == (
        "某电网昆明供电局变电修试所",
        "继电保护工、特级技师",
    )


def test_a_photo_captions_rows_are_one_list_under_its_heading():
    text = (
        "荣获2019年度全国三八红旗手标兵荣誉称号的优秀女性：（第一排从左至右）朱小婷、何元明、王仕芳；"
        "（第二排从左至右）冷菊英、陈维华、刘桂芬。"
    )
    people = _people(text)
    assert set(people) == {"朱小婷", "何元明", "王仕芳", "冷菊英", "陈维华", "刘桂芬"}
    assert all(_honours(h) == [("全国三八红旗手标兵", "national")] for h in people.values())


def test_a_word_of_praise_before_a_levelled_title_is_no_honour():
    people = _people("日前，全国妇联决定，授予朱小婷等10人优秀女性2019年度全国三八红旗手标兵荣誉称号。")
    assert _honours(people["朱小婷"]) == [("全国三八红旗手标兵", "national")]


def test_clauses_each_a_unit_post_and_name_are_the_group_the_report_counts():
    text = (
        "5月24日，记者见面会举行，3名我区荣获全国五一劳动奖章的先进代表与记者面对面交流。"
        "见面会现场，某电网有限责任公司某供电局变电管理二所作业师、高级工程师梁耕洛，"
        "某制药股份有限公司主管、工程师雷萍洁，某农业开发有限责任公司技术总监谢君在主持人的引导下分享故事。"
    )
    people = _people(text)
    assert set(people) == {"梁耕洛", "雷萍洁", "谢君"}
    assert all(_honours(h) == [("全国五一劳动奖章", "national")] for h in people.values())
    assert people["雷萍洁"].unit == "某制药股份有限公司"
    assert people["雷萍洁"].position == "主管、工程师"


def test_described_clauses_are_not_the_counted_group_when_the_numbers_differ():
    text = "我市5名职工荣获全国五一劳动奖章。会上，某林业局党委书记冯胜玉，某林业局工会主席李杰淑分别讲话。"
    # the rules' reading (the learned steps may propose a speaker, and judge a title said once theirs)
    assert not any(_honours(h) for h in _people(text, learned=False).values())


def test_names_ending_the_clauses_before_zuowei_title_holder_hold_it():
    text = (
        "练点钞点得手抽筋的李丽，历经8年努力由普通检车员成长为骨干的邱红玲，坐着轮椅讲课的张晓霞，"
        "作为全国五一劳动奖章获得者，他们是我们学习的榜样。"
    )
    people = _people(text)
    assert set(people) == {"李丽", "邱红玲", "张晓霞"}
    assert all(_honours(h) == [("全国五一劳动奖章", "national")] for h in people.values())


def test_a_city_whose_name_ends_in_zhen_is_a_city_after_the_year_of_a_quoted_title():
    people = _people("市寄递事业部魏大凯被授予“2021年度景德镇市最美新就业形态劳动者”荣誉称号。")
    assert _honours(people["魏大凯"]) == [("景德镇市最美新就业形态劳动者", "municipal")]


def test_an_open_title_spans_no_function_word_before_it():
    people = _people("荣获上海工匠称号的王大庆说，他是大国工匠。")
    assert _honours(people["王大庆"]) == [("上海工匠", "provincial")]


def test_a_name_heading_a_count_of_studios_is_no_honouree():
    text = "山东省总工会决定命名孙绪海等28个创新工作室为山东省示范性劳模和工匠人才创新工作室。"
    assert "孙绪海" not in _people(text)


def test_those_elected_that_a_speaker_talks_about_are_not_the_speakers_honour():
    text = (
        "唐山市总工会召开劳模座谈会。市人大常委会副主任、市总工会主席张国梁出席座谈会并讲话。"
        "张国梁说，今年当选的全国劳模和先进工作者，有的是科技创新一线的排头兵，有的是回乡创业的致富带头人。"
    )
    assert "张国梁" not in _people(text)


def test_a_medal_whose_holders_are_quoted_is_the_medal():
    people = _people("授予于大波等30名同志“‘白求恩奖章’获得者”称号。")
    assert _honours(people["于大波"]) == [("白求恩奖章", "national")]


def test_a_level_before_a_batch_word_and_the_quotation():
    people = _people("昨日，杨丽芳等50人成为西安市首批“五一劳动奖章”获得者。")
    assert _honours(people["杨丽芳"]) == [("五一劳动奖章", "municipal")]


def test_a_quoted_title_followed_by_jingshen_is_a_spirit():
    people = _people("有彰显“西安工匠”精神的市职业技能带头人、西安标准工业股份有限公司装配车间主任邓辉胜。")
    h = people["邓辉胜"]
    assert _honours(h) == [("市职业技能带头人", "municipal")]
    assert (h.unit, h.position) == ("西安标准工业股份有限公司", "装配车间主任")


def test_a_list_after_tamen_shi_holds_the_honour_the_sentence_before_gives():
    text = (
        "全国妇联决定授予在经济建设中作出突出贡献的10位优秀女性全国三八红旗手标兵荣誉称号。"
        "她们是：毅然挺身接住坠楼儿童，把危险留给自己的某网络技术有限公司职工吴萍菊；"
        "潜心钻研、技术一流，在纺织车间实现自我超越的某纺织控股有限公司一织造车间织布帮接工张兵冰；"
        "走出一条富民之路的某区高碑店村党总支书记支芳。"
    )
    people = _people(text)
    assert set(people) == {"吴萍菊", "张兵冰", "支芳"}
    assert all(_honours(h) == [("全国三八红旗手标兵", "national")] for h in people.values())
    assert people["吴萍菊"].unit == "某网络技术有限公司"
    assert (people["张兵冰"].unit, people["张兵冰"].position) == (
        "某纺织控股有限公司一织造车间",
        "织布帮接工",
    )


def test_the_one_a_superlative_or_qizhong_yiwei_picks_out_of_the_group():
    text = (
        "为感谢勞工朋友的付出，县总工会举办表扬大会，计有94位模范劳工受奖，其中年纪最大的是70岁的洪朝明。"
        "其中一位服务已8年多的曾子元先生，目前服务于某餐饮事业股份有限公司。"
        "本次模范劳工中最为年长的张唐花女士，今年迈入82岁。"
    )
    people = _people(text)
    assert set(people) == {"洪朝明", "曾子元", "张唐花"}
    assert all(_honours(h) == [("模范劳工", "other")] for h in people.values())


def test_a_post_after_a_superlative_is_no_name():
    text = "今年我市有10人荣获全国劳动模范称号。年龄最小的是33岁的高级技师陈汉东，来自某集团轨道交通装备有限公司。"
    people = _people(text)
    assert set(people) == {"陈汉东"}
    assert people["陈汉东"].position == "高级技师"


def test_a_date_after_yu_is_no_name():
    assert _people("行政院陈建仁院长于今(29)日出席全国模范劳工表扬典礼，并亲自颁奖。") == {}


def test_a_dotted_name_ends_before_a_one_character_verb():
    from honours.core.intake.names import name_at

    text = "新疆医科大学附属肿瘤医院妇科肿瘤诊治中心主任古扎丽努尔·阿不力孜说"
    hit = name_at(text, text.index("古"))
    assert hit is not None and hit.name == "古扎丽努尔·阿不力孜"


def test_a_list_of_guests_is_no_honouree_and_a_second_pick_follows_the_first():
    text = (
        "县总工会举办表扬大会，计有94位模范劳工受奖，其中年纪最大的是70岁的洪朝明，廖月华服务44年最久。"
        "会中颁发奖状，包括县长许淑芬、社会及劳动处长林志中、县总工会理事长许世杰等来宾均与会，慰劳终年打拼的劳工朋友。"
    )
    people = _people(text)
    assert set(people) == {"洪朝明", "廖月华"}
    assert all(_honours(h) == [("模范劳工", "other")] for h in people.values())


def test_a_stationed_post_joins_the_posts_before_it_and_deng_makes_the_pair_one_honour():
    people = _people(
        "某工具技术有限公司研发工程师邱联明，某学院团委办公室主任、驻村第一书记谭翊清等全国劳模和先进工作者代表作了发言。"
    )
    assert set(people) == {"邱联明", "谭翊清"}
    assert all(_honours(h) == [("全国劳模和先进工作者", "national")] for h in people.values())
    assert (people["谭翊清"].unit, people["谭翊清"].position) == ("某学院", "团委办公室主任、驻村第一书记")


def test_a_title_awarded_at_the_reports_meeting_takes_the_meetings_year():
    text = (
        "4月29日，2025年湖南省庆祝“五一”国际劳动节暨劳动模范和先进工作者表彰大会在长沙召开。"
        "其中，资兴市的杨拥华、李方明荣获“湖南省劳动模范”称号。"
    )
    people = _people(text)
    assert [x.year for x in people["杨拥华"].honours] == [2025]
    text = "2024-09-11 09:39\n9月10日，开发建设新疆奖表彰大会在乌鲁木齐召开。新疆胡杨线缆制造有限公司技术总工方国明获得开发建设新疆奖章。"
    assert [x.year for x in _people(text)["方国明"].honours] == [2024]


def test_former_and_zong_belong_to_the_post_and_a_federation_is_a_unit():
    from honours.core.intake.units import _unit_post_of

    def read(text):
        return _unit_post_of(text, 0, len(text))[:2]

    assert read("安溪县科委原副主任") == ("安溪县科委", "原副主任")
    assert read("资兴鸿鹏驾校总教练") == ("资兴鸿鹏驾校", "总教练")
    assert read("某市总工会主席") == ("某市总工会", "主席")
    assert read("某公司总经理") == ("某公司", "总经理")


def test_the_unit_one_serves_at_in_a_later_clause():
    text = "本次共表扬124名模范劳工。其中一位服务已8年多的曾子元先生，目前服务于某餐饮事业股份有限公司，他努力不懈。"
    assert _people(text)["曾子元"].unit == "某餐饮事业股份有限公司"


def test_those_given_as_examples_of_the_group_hold_its_title():
    text = (
        "今年我市有12人荣获全国劳动模范称号。其中既有像某设计部总设计师、研究员孙泽明这样的科技工作者，"
        "也有像某机器人有限公司组装调试科长、技师张大明这样的产业工人。"
    )
    people = _people(text)
    assert set(people) == {"孙泽明", "张大明"}
    assert all(_honours(h) == [("全国劳动模范", "national")] for h in people.values())


def test_a_list_before_a_session_title_and_a_year_after_the_verb():
    people = _people("甲乙丙丁。漆小丽、郑远大、杨章明成功推选为第三届贵州省“最美劳动者”。")
    assert set(people) == {"漆小丽", "郑远大", "杨章明"}
    assert all(_honours(h) == [("最美劳动者", "provincial")] for h in people.values())


def test_a_provinces_own_quoted_title_and_its_year_figure_are_one_honour():
    people = _people("于小虹、王邦明、黄道军3名职工被选树为2024年云南省“最美职工”年度人物。")
    assert set(people) == {"于小虹", "王邦明", "黄道军"}
    assert all(_honours(h) == [("最美职工年度人物", "provincial")] for h in people.values())
    assert all(h.honours[0].year == 2024 for h in people.values())


def test_pinyin_glosses_of_mirror_sites_are_read_past():
    from honours.core.intake.text import without_pinyin_glosses

    assert without_pinyin_glosses("李關(guān)平、電器設(shè)備、甲(A)公司") == "李關平、電器設備、甲(A)公司"
    people = _people("于小虹、李關(guān)平2名職工被選樹為云南省“最美職工”。")
    assert "李关平" in people


def test_the_medal_those_mirrors_break_is_mended():
    from honours.core.intake.text import without_pinyin_glosses

    broken = "全國五一勞動(dòng)獎(jiǎng)?wù)芦@得者、省五一勞動獎?wù)聵s譽稱號"
    assert without_pinyin_glosses(broken) == "全國五一勞動獎章獲得者、省五一勞動獎章榮譽稱號"
    people = _people("會上，全國五一獎?wù)芦@得者譚天明、雷於國作了發言。")
    assert set(people) == {"谭天明", "雷于国"}
    assert _honours(people["谭天明"]) == [("全国五一奖章", "national")]


def test_a_list_of_trades_and_grades_after_this_many_are():
    text = (
        "记者从第七届中华技能大奖表彰大会获悉，20名优秀技术工人获得第七届“中华技能大奖”荣誉称号。\n"
        "这20名优秀技术工人分别是：特种熔融焊接工高级技师高凤明、锻工高级技师范友林、抹灰工高级技师于建国\n"
        "、测井工高级技师吕幸达、电器设备维修工高级技师李大刚。"
    )
    people = _people(text)
    assert set(people) == {"高凤明", "范友林", "于建国", "吕幸达", "李大刚"}
    assert all(_honours(h) == [("中华技能大奖", "national")] for h in people.values())
    assert (people["吕幸达"].unit, people["吕幸达"].position) == ("", "测井工高级技师")


def test_words_that_look_like_names_after_a_title_or_post_are_junk():
    assert _people("两位劳模向大家讲述了他们成长、成材的故事。") == {}
    assert _people("全国劳动模范姚启明……长三角劳模工匠齐聚一堂，为学生们带来宣讲。").keys() <= {"姚启明"}
    text = "本次宣讲还举行了聘任仪式，发布推介了“职工云畅听”品牌产品，搭建起“劳模树旗帜、职工强素质”的格局。"
    assert _people(text) == {}


def test_a_craftsman_title_named_after_a_county_keeps_the_whole_place():
    people = _people("荣获金乡县蒜都工匠称号的贾海明走进校园。")
    assert _honours(people["贾海明"]) == [("金乡县蒜都工匠", "county")]


def test_leading_others_to_a_show_or_acting_towards_an_honouree_is_no_deed_of_ones_own():
    text = "省劳动模范先进事迹巡回演出在礼堂举行，我校工会主席许丽华带领14名教职工代表观看了演出。"
    assert "许丽华" not in _people(text)
    text = (
        "湖南省劳动模范谢玉明为家乡捐资逾500万元。"
        "因为一句承诺，曹家镇双升完小校长曾垂明把如何留住老师的难题摆在了谢玉明面前。"
    )
    assert set(_people(text)) == {"谢玉明"}


def test_an_adverb_in_di_is_no_name():
    text = "当年，1万名先进妇女和先进集体，光荣地获得了三八红旗手和三八红旗集体荣誉称号。"
    assert _people(text) == {}


def test_those_named_a_citys_craftsmen_after_de_you_and_fenbie_wei():
    text = (
        "此次被命名为“石狮名匠”的有10人，分别为国网福建省电力有限公司石狮市供电公司庄敬明、福建北记食品有限公司李栋材。"
        "被命名为“石狮工匠”的有中联品检(福建)检测服务有限公司林风华、某染织实业有限公司丁成林和泉州太平洋集装箱码头有限公司黄尚明等30人。"
    )
    people = _people(text)
    assert set(people) == {"庄敬明", "李栋材", "林风华", "丁成林", "黄尚明"}
    assert _honours(people["庄敬明"]) == [("石狮名匠", "county")]
    assert _honours(people["黄尚明"]) == [("石狮工匠", "county")]
    assert people["庄敬明"].unit == "国网福建省电力有限公司石狮市供电公司"
    assert people["黄尚明"].unit == "泉州太平洋集装箱码头有限公司"


def test_a_copula_after_a_described_name_and_a_year_before_the_title():
    people = _people("今年47岁的刘春华，是2015年省劳模，在上栗某公司从事一线垃圾清运工作。")
    assert _honours(people["刘春华"]) == [("省劳模", "provincial")]
    assert people["刘春华"].honours[0].year == 2015


def test_a_caption_line_with_a_year_title_a_comma_and_the_unit_and_post():
    people = _people("2020年全国劳动模范，海口某环境服务有限公司清运部经理陆受明")
    h = people["陆受明"]
    assert _honours(h) == [("全国劳动模范", "national")]
    assert (h.unit, h.position) == ("海口某环境服务有限公司", "清运部经理")


def test_a_nomination_for_a_title_is_not_the_title():
    text = "市总工会联合表彰命名鲍守华等10名职工为“西宁工匠”，李文英等10名职工获“西宁工匠”提名。"
    people = _people(text)
    assert "李文英" not in people


def test_a_national_craftsman_trainee_list_and_counted_words_before_an_open_title():
    text = (
        "全国总工会日前印发通知，共有220人入选大国工匠培育对象名单，其中河南13人上榜。"
        "这13人分别是：中信重工铸锻公司冶炼车间电炉班大班长杨金华，平高集团有限公司首席工匠胡中明。"
        "培育期为2年，带动培养1000名左右省部级工匠。"
    )
    people = _people(text)
    assert set(people) == {"杨金华", "胡中明"}
    assert all(_honours(h)[0][0] == "大国工匠培育对象" for h in people.values())
    assert (people["胡中明"].unit, people["胡中明"].position) == ("平高集团有限公司", "首席工匠")


def test_leaders_named_in_a_run_of_described_clauses_and_the_needy_are_not_honourees():
    text = (
        "平凉市庆祝五一国际劳动节暨第五届劳动模范和先进工作者颁奖晚会举行。"
        "市委书记王大旭，市委副书记、市长白振山，省总工会副主席罗世武出席并为获奖者颁奖。"
    )
    assert not {"王大旭", "白振山", "罗世武"} & set(_people(text))
    text = "慰问团来到长春市，把温暖送到了困难职工和劳动模范的心坎上。在困难职工张媛芳家中，许某详细询问张媛芳一家生活情况。"
    assert "张媛芳" not in _people(text)


def test_a_caption_dash_after_the_holder_word_leads_to_the_holder():
    text = "“全国五一劳动奖章”获得者——昌都某农业科技发展有限责任公司董事长王德明，与县政府合作建设蔬菜基地。"
    h = _people(text)["王德明"]
    assert _honours(h) == [("全国五一劳动奖章", "national")]
    assert (h.unit, h.position) == ("昌都某农业科技发展有限责任公司", "董事长")


def test_a_clause_of_short_items_the_count_numbers_exactly_is_a_list_of_names():
    # names with no Han surname the surname list cannot read: the count says each item is one
    text = "现场，乌兰图雅、格日勒图、丁代林、其木格、索朗5人荣膺2024年度“北疆工匠”称号。"
    assert set(_people(text)) >= {"乌兰图雅", "格日勒图", "丁代林", "其木格", "索朗"}
    text = "现场，乌兰图雅、格日勒图、其木格、索朗3人荣膺2024年度“北疆工匠”称号。"
    assert "乌兰图雅" not in _people(text)  # four items, three counted: not this shape


def test_lists_of_described_nominees_each_before_the_title_over_semicolons():
    text = (
        "经会议研究决定，拟推荐某新材料有限公司 “全国五一劳动奖状”；某供排水有限公司抄表班班长满长龙和"
        "某实验幼儿园新区分园园长成丽霞 “全国五一劳动奖章”；某光缆公司制造班组 “全国工人先锋号”。\n"
        "同时，拟推荐某区疾病预防控制中心主任李晓锋 、 某省人民医院新区分院护理部主任丁兆宏、"
        "某区第一初级中学教师邓玉香“某省五一劳动奖章”。"
    )
    people = _people(text)
    assert set(people) == {"满长龙", "成丽霞", "李晓锋", "丁兆宏", "邓玉香"}
    assert _honours(people["成丽霞"]) == [("全国五一劳动奖章", "national")]
    assert (people["成丽霞"].unit, people["成丽霞"].position) == ("某实验幼儿园新区分园", "园长")
    assert (people["丁兆宏"].unit, people["丁兆宏"].position) == ("某省人民医院新区分院", "护理部主任")
    assert (people["李晓锋"].unit, people["李晓锋"].position) == ("某区疾病预防控制中心", "主任")


def test_a_title_wished_for_others_and_an_official_seen_leading_are_no_honourees():
    text = (
        "工联会举办交流会。会长吴秋实期望社会各界广泛参与，评选出劳动模范，由政府颁奖。他表示，明年可以表彰。"
    )
    assert "吴秋实" not in _people(text)
    text = (
        "市总工会一行走访慰问了省级劳模、某市中医院李新欣等劳动模范11人，每到一处市总主席丁元平都会"
        "亲切地和劳模们交谈，询问他们的工作情况。丁元平强调，劳模是时代的先锋。"
    )
    people = _people(text)
    assert "李新欣" in people and "丁元平" not in people
    text = (
        "奎屯市40多名劳动模范欢聚一堂，奎屯市人大副主任、总工会主席田新兰带着市委的关怀，"
        "向全市劳模表达了节日的祝福。"
    )
    assert "田新兰" not in _people(text)


def test_people_put_up_for_a_title_with_a_count_and_wei():
    text = (
        "推荐陶凤英、张少明和蔡政坤3名同志为全国绿化劳动模范，推荐王壮壮、王夏颖2名同志为全国绿化先进工作者。"
    )
    people = _people(text)
    assert set(people) == {"陶凤英", "张少明", "蔡政坤", "王壮壮", "王夏颖"}
    assert _honours(people["王夏颖"]) == [("全国绿化先进工作者", "national")]


def test_the_capital_and_a_city_after_a_post_word_begin_the_title():
    people = _people("某餐饮管理有限公司技术督导毛雅俊等13人获首都劳动奖章。")
    assert _honours(people["毛雅俊"]) == [("首都劳动奖章", "provincial")]
    people = _people("授予一汽解放汽车有限公司聂新远等100名职工长春市五一劳动奖章。")
    h = people["聂新远"]
    assert _honours(h) == [("长春市五一劳动奖章", "municipal")]
    assert h.unit == "一汽解放汽车有限公司"


def test_described_names_ending_sentences_over_semicolons_are_items_of_the_list_the_last_ends():
    text = (
        "百炼金化成绕指柔，获得打破外商垄断专利的“80后”闫如；20年如一日，获得科技专利41项的环卫工作室创始人"
        "刘喆；倡导人人都是发明家，获得专利208项的刘晟等50人荣获西城大都工匠称号。"
    )
    people = _people(text)
    assert {"闫如", "刘喆", "刘晟"} <= set(people)
    assert _honours(people["闫如"]) == _honours(people["刘晟"])


def test_a_list_of_bare_names_goes_on_over_a_name_the_rules_cannot_read():
    text = (
        "其中，5家单位荣获全国五一劳动奖状；蒙丽、布赫巴特尔、宋玉梅、付梦雪等23名职工荣获全国五一劳动奖章。"
    )
    people = _people(text)
    assert {"蒙丽", "布赫巴特尔", "宋玉梅", "付梦雪"} <= set(people)
    text = "北京、上海、广州等23名职工荣获全国五一劳动奖章。"
    assert not {"北京", "上海"} & set(_people(text))


def test_a_whole_segment_before_deng_is_a_name_though_it_starts_like_a_word():
    text = (
        "颁奖会上，某有限责任公司等25个单位荣获自治区五一劳动奖状；黄金林等78名职工荣获自治区五一劳动奖章。"
    )
    assert "黄金林" in _people(text)


def test_responsible_comrades_are_no_name_and_a_delegation_leader_is_an_official():
    text = "自治区相关单位负责同志，全国五一劳动奖获奖代表，职工代表等参加。"
    assert not _people(text)
    text = (
        "表彰大会在南宁隆重举行，市委书记农生武作为团长率我市荣获自治区劳动模范(先进工作者)9人出席表彰大会。"
    )
    assert "农生武" not in _people(text)


def test_a_colon_list_with_a_police_rank_and_a_stationed_post_in_a_series():
    text = (
        "荣获自治区先进工作者的是：来宾市公安局治安警察支队四级警长廖克将，"
        "某县工人文化宫主任、驻某县新圩乡龙岑村第一书记莫增明等7人。"
    )
    people = _people(text)
    assert (people["廖克将"].unit, people["廖克将"].position) == ("来宾市公安局", "治安警察支队四级警长")
    h = people["莫增明"]
    assert (h.unit, h.position) == ("某县工人文化宫", "主任、驻某县新圩乡龙岑村第一书记")


def test_a_company_union_list_of_works_and_divisions_with_their_workers():
    text = (
        "集团工会主席李天明为10名“金牌工人”颁奖，他们分别为原五发厂张锦程、铸造事业部杨建、原装备厂丘德正、"
        "玉柴重工赵天明、船电动力事业部张业镇。"
    )
    people = _people(text)
    assert {"张锦程", "杨建", "丘德正", "赵天明", "张业镇"} <= set(people)
    assert people["杨建"].unit == "铸造事业部"
    assert "李天明" not in people
    text = "某电机有限公司机加事业部金属结构产线冷作钣金工、高级技师葛亚男获得“全国五一劳动奖章”。"
    h = _people(text)["葛亚男"]
    assert (h.unit, h.position) == ("某电机有限公司", "机加事业部金属结构产线冷作钣金工、高级技师")


def test_a_titled_list_over_a_mirrors_stray_commas_with_a_bare_year():
    text = "仪式分为五个篇章，2020八闽工匠年度人物吴建国,、陈国华、林杰,、高孔长、王志华,、吴水金展示各自的技术技能。"
    people = _people(text)
    assert {"吴建国", "陈国华", "林杰", "高孔长", "王志华", "吴水金"} <= set(people)
    assert people["高孔长"].honours[0].year == 2020


def test_a_heading_title_with_its_city_in_brackets_over_lines_of_name_and_unit():
    text = "我市7名优秀高技能人才光荣上榜。\n\n赣鄱工匠(赣州)\n\n张付华  江西环境工程职业学院\n\n江西省能工巧匠(赣州)\n\n蔡春英  赣南卫生健康职业学院\n"
    people = _people(text)
    assert _honours(people["张付华"])[0][0] == "赣鄱工匠"
    assert _honours(people["蔡春英"])[0][0] == "江西省能工巧匠"
    assert people["蔡春英"].unit == "赣南卫生健康职业学院"


def test_a_counted_titles_list_of_described_items_after_fenbieshi():
    text = (
        "陕西入选的8位大国工匠分别是中国兵器工业集团北方光电股份有限公司班组长林琪、"
        "陕西法士特汽车传动集团有限责任公司机修车间大修电工蔡荣、西北工业大学第三六五研究所钳工王魁远。"
    )
    people = _people(text)
    assert set(people) == {"林琪", "蔡荣", "王魁远"}
    assert all(_honours(h) == [("大国工匠", "national")] for h in people.values())
    h = people["蔡荣"]
    assert (h.unit, h.position) == ("陕西法士特汽车传动集团有限责任公司", "机修车间大修电工")


def test_a_list_of_described_items_ends_at_a_count_after_a_trade():
    text = (
        "其中，某石油工程有限公司井下作业分公司首席技师李朝明、东方电气集团东方汽轮机有限公司金工分厂"
        "数控铣工万方前8人获评第四届“四川工匠”。"
    )
    people = _people(text)
    assert set(people) == {"李朝明", "万方前"}
    assert (people["万方前"].unit, people["万方前"].position) == (
        "东方电气集团东方汽轮机有限公司金工分厂",
        "数控铣工",
    )


def test_leaders_at_a_meeting_and_voices_are_no_honourees():
    text = (
        "省委书记冯大飞讲话，省政协主席李荣华等省领导出席，省委副书记杨晋林宣读省委省政府表彰决定，"
        "决定授予129名同志海南省劳动模范和先进工作者荣誉称号。"
    )
    assert not {"冯大飞", "李荣华", "杨晋林"} & set(_people(text))
    text = "中石化华东石油工程有限公司职工王学林：“劳模精神深深地感染了我，我会踏踏实实，向劳模学习。”"
    assert "王学林" not in _people(text)
    text = "受到表彰的我区全国劳动模范载誉归来。27日上午，区党委书记吴英明在拉萨与大家亲切座谈，向他们表示热烈祝贺。"
    assert "吴英明" not in _people(text)
    text = (
        "9月20日，省总工会主席史济明走访慰问了在杭的劳动模范。杭州市人大常委会副主任、市总工会主席郑荣明，"
        "省总工会副主席张卫明等参加走访慰问活动。9月25日，走访了全国劳模朱荣华。她先后获得省劳模、全国劳模等荣誉。"
    )
    people = _people(text)
    assert "郑荣明" not in people and "朱荣华" in people


def test_a_quoted_title_takes_the_level_the_report_writes_for_it_and_the_lists_unit():
    text = (
        "近日，第二届贵州省“最美劳动者”发布仪式在贵阳举行，路桥集团靳俊明、罗元成、周国华等7名职工荣获"
        "“最美劳动者”称号。"
    )
    people = _people(text)
    assert _honours(people["罗元成"]) == [("最美劳动者", "provincial")]
    assert people["周国华"].unit == "路桥集团"
    assert "元成" not in people
    assert "全州" not in _people(
        "才某某先后获得全国五一劳动奖章、全省“抗震救灾模范”、全州“优秀共产党员”等称号。"
    )


def test_holders_listed_after_a_holder_word_and_shi_over_commas():
    text = (
        "受表彰的全国五一劳动奖章获得者是青岛港国际物流有限公司机械司机郭希明，中国海洋大学海洋生命学院院长包振华，"
        "中石化第十建设有限公司焊接首席技师唐元明，青岛啤酒股份有限公司党委书记、董事长黄克明。"
    )
    people = _people(text)
    assert set(people) == {"郭希明", "包振华", "唐元明", "黄克明"}
    assert all(_honours(h) == [("全国五一劳动奖章", "national")] for h in people.values())
    assert (people["唐元明"].unit, people["唐元明"].position) == ("中石化第十建设有限公司", "焊接首席技师")
    assert (people["黄克明"].unit, people["黄克明"].position) == ("青岛啤酒股份有限公司", "党委书记、董事长")


def test_guests_nominees_and_words_are_no_honourees_and_a_bracket_inside_a_unit():
    text = "出席交流环节的嘉宾包括劳工处处长许泽明、雇员再培训局主席黄杰明教授和工联会会长吴秋实等。"
    assert not {"许泽明", "黄杰明", "吴秋实"} & set(_people(text))
    text = "袁承明、王辉明等30人获评“塞上工匠”；田乐明、李煜明等入选“塞上工匠”提名人物。"
    people = _people(text)
    assert {"袁承明", "王辉明"} <= set(people) and not {"田乐明", "李煜明"} & set(people)
    text = "西藏自治区党委副书记、政法委书记刘江明在发布仪式上说，工匠是全区的标杆。"
    assert "刘江明" not in _people(text)
    text = "劳模关爱启动仪式在职工文体活动中心隆重举行。"
    assert not _people(text)
    text = "海南省劳动模范、国投(洋浦)油气储运有限公司管理与维修部副经理程卫华分享了自己的经历。"
    h = _people(text)["程卫华"]
    assert (h.unit, h.position) == ("国投(洋浦)油气储运有限公司", "管理与维修部副经理")


def test_a_titled_list_with_units_and_posts_in_brackets_after_each_name():
    text = (
        "宣讲团成员为我们带来了县劳动模范袁宇明(文宇阁负责人)、肖淑华(富佳农业负责人)、"
        "成国明(县殡葬服务中心副主任、支部委员)、张德明(高村镇上村村党支部书记)四人的光荣事迹。"
    )
    people = _people(text)
    assert set(people) == {"袁宇明", "肖淑华", "成国明", "张德明"}
    assert (people["袁宇明"].unit, people["袁宇明"].position) == ("文宇阁", "负责人")
    assert (people["张德明"].unit, people["张德明"].position) == ("高村镇上村村", "党支部书记")


def test_a_region_written_before_a_quoted_title_gives_its_level_to_the_bare_title_later():
    text = (
        "12月25日，内蒙古自治区第三届“北原工匠”发布会在包头市举行。"
        "某重工集团有限公司焊工刘光明等15名“北原工匠”受到表彰。"
        "内蒙古自治区“最美职工”选树活动启动后，评选出10名最美职工。"
        "10名最美职工分别是：某邮政公司快递员王宏亮、某矿业有限公司总工程师钟晓明。"
    )
    people = _people(text)
    assert _honours(people["刘光明"]) == [("北原工匠", "provincial")]  # not 古自治区, a "district"
    assert _honours(people["王宏亮"]) == [("最美职工", "provincial")]  # not the table's national


def test_units_keep_their_brackets_and_lose_the_words_that_chose_or_joined_them():
    people = _people("美达建设(集团)董事长汤明兴荣获南昌市五一劳动奖章。")
    assert (people["汤明兴"].unit, people["汤明兴"].position) == ("美达建设(集团)", "董事长")
    text = "经过评审，最终选出某航天机械有限公司焊工刘宏光等15名“北原工匠”。"
    assert _people(text)["刘宏光"].unit == "某航天机械有限公司"
    text = "某镍钴股份有限公司的正高级工程师兼特级技师柴明梁、某民族中学教师马才明，以及某研究院研究馆员樊再明获评大国工匠。"
    people = _people(text)
    assert people["柴明梁"].position == "正高级工程师兼特级技师"
    assert people["樊再明"].unit == "某研究院"


def test_an_award_given_by_a_decision_takes_the_year_of_the_reports_dateline():
    text = (
        "2022-04-27 15:13:19 来源：某日报\n"
        "记者4月26日获悉，省总工会决定，授予熊三明等129名个人江西省五一劳动奖章。"
    )
    assert [h.year for h in _people(text)["熊三明"].honours] == [2022]


def test_verbs_and_adverbs_after_a_surname_character_are_no_names():
    text = "西宁市“园区工匠”表彰典礼在某生物科技产业园区举行，王新明等职工获得十大“园区工匠”称号。"
    assert "区举行" not in _people(text)
    text = "这些优秀劳工都能在岗位上发光。"
    assert not _people(text)


def test_an_exhibition_and_a_studio_are_no_persons_honours():
    text = "津云新闻讯：某电力公司日前向天津市“弘扬劳模精神劳动精神工匠精神教育展”捐赠了机器人模型。"
    assert not any(h.honours for h in _people(text).values())
    text = (
        "6月4日，某集团执行董事长顾明刚及联席总裁任清明向某机场工作室创建者宋宇明同志颁发"
        "某省总工会授予的“海南省劳动模范和工匠人才创新工作室”牌匾及证书。"
        "宋宇明同志曾荣获“海南省劳动模范”荣誉称号。"
    )
    people = _people(text)
    assert _honours(people["宋宇明"]) == [("海南省劳动模范", "provincial")]
    assert not people.get("顾明刚") or not people["顾明刚"].honours
    text = "陈士明刻苦钻研，先后荣获“江苏省企业首席技师”“江苏省技能大师工作室领办人”“全国技术能手”等荣誉。"
    assert ("江苏省技能大师工作室领办人", "provincial") in _honours(_people(text)["陈士明"])


def test_the_head_of_a_womens_federation_is_an_official():
    text = "按照黑龙江省妇联主席齐秀明安排，全国三八红旗手标兵贾秀明立即带领女企业家们配餐。"
    people = _people(text)
    assert "齐秀明" not in people and "贾秀明" in people


def test_a_group_joined_after_a_post_is_no_name():
    text = "市总工会副主席吴良明来到某区看望慰问困难劳模、困难职工和困难农民工，送上慰问金。"
    assert not _people(text)


def test_the_company_before_de_is_the_posts_unit():
    text = (
        "此次我省被认定为“大国工匠”的分别是：某科技集团有限公司五院510所的特级技师张明勇、"
        "某镍钴股份有限公司的正高级工程师兼特级技师柴明梁，以及某研究院研究馆员樊再明。"
    )
    people = _people(text)
    assert (people["张明勇"].unit, people["张明勇"].position) == ("某科技集团有限公司五院510所", "特级技师")
    assert (people["柴明梁"].unit, people["柴明梁"].position) == (
        "某镍钴股份有限公司",
        "正高级工程师兼特级技师",
    )


def test_a_described_list_before_a_ranked_title():
    text = "表彰典礼在某产业园区举行，来自园区一线的马文明、王玉明、王新明等职工获得十大“园区工匠”称号。"
    people = _people(text)
    assert {"马文明", "王玉明", "王新明"} <= set(people)
    assert all(_honours(people[n]) == [("园区工匠", "other")] for n in ("马文明", "王玉明", "王新明"))


def test_a_comma_after_fenbieshi_announces_the_list_of_the_counted_title_before():
    text = (
        "经过层层推选，十名职工荣获第四届“省会十大工匠”荣誉称号。他们分别是，某制药有限公司自控组组长杨明杰、"
        "某烟草公司某市公司信息管理员张明慎、某实业发展总公司数控铣工郝欣明。"
    )
    people = _people(text)
    assert set(people) == {"杨明杰", "张明慎", "郝欣明"}
    assert all(_honours(h) == [("省会十大工匠", "municipal")] for h in people.values())
    assert people["郝欣明"].position == "数控铣工"


def test_name_first_lines_under_a_heading_with_padded_names_and_jobs_the_dictionary_lacks():
    text = (
        "“2022年河北大工匠年度人物”获得者分别是:\n"
        "张志明 某电子科技集团公司第十三研究所加工中心操作工\n"
        "常 杰 国网某电科院数字工匠\n"
        "方士明 方士明石影雕艺术有限责任公司石影雕传承人\n"
    )
    people = _people(text)
    assert set(people) == {"张志明", "常杰", "方士明"}
    assert all(_honours(h) == [("河北大工匠年度人物", "provincial")] for h in people.values())
    assert (people["常杰"].unit, people["常杰"].position) == ("国网某电科院", "数字工匠")
    assert people["方士明"].unit == "方士明石影雕艺术有限责任公司"  # a company bearing its founder's name


def test_a_name_read_short_is_completed_by_the_longer_name_the_report_credits():
    text = (
        "最后评选出母永明、索朗群培、胡中明等6人荣获2022年度“西藏工匠”称号。"
        "此次评选出的6位“西藏工匠”分别是：盾构机主司机母永明；马包制作技艺传承人索朗群培；水电先锋胡中明。"
    )
    people = _people(text)
    assert "索朗群培" in people and "索朗群" not in people


def test_the_one_a_preposition_leads_to_after_a_title_and_a_comma():
    text = (
        "某市总工会副主席杨春明为展品揭幕，并向全国劳动模范、时代楷模，某供电分公司运检部第四党支部副书记、"
        "配电抢修一班班长张黎明颁发捐赠证书。"
    )
    h = _people(text)["张黎明"]
    assert ("全国劳动模范", "national") in _honours(h)
    assert h.unit == "某供电分公司"


def test_a_unit_that_only_points_back_is_none():
    text = "6月4日，某省总工会授予某机场工作室。其创建者宋宇明同志曾荣获“海南省劳动模范”荣誉称号。"
    assert _people(text)["宋宇明"].unit == ""


def test_a_federation_that_gives_a_title_gives_it_its_level_and_recognising_is_an_award():
    text = "我省郑棋明、孙鸿明、徐成明3人被中华全国总工会认定为2025年“大国工匠人才”。"
    people = _people(text)
    assert set(people) == {"郑棋明", "孙鸿明", "徐成明"}
    assert all(_honours(h) == [("大国工匠人才", "national")] for h in people.values())


def test_each_clause_of_a_naming_decision_puts_up_its_own_list():
    text = (
        "经某县总工会决定，命名某丝网织造有限公司王海明、某电机制造有限公司罗寿明2名同志为“安平工匠”，"
        "某丝网设备有限公司耿健等10名同志为“安平县金牌工人”。"
    )
    people = _people(text)
    assert _honours(people["耿健"]) == [("安平县金牌工人", "county")]
    assert people["耿健"].unit == "某丝网设备有限公司"


def test_a_stray_space_before_the_verb_does_not_break_the_list():
    text = (
        "某电子科技集团公司第十三研究所副总工程师周志明、某胶片股份有限公司研究所副所长李华明 "
        "获得“全国劳模”荣誉称号。"
    )
    people = _people(text)
    assert set(people) == {"周志明", "李华明"}
    assert people["周志明"].position == "副总工程师"


def test_a_copilot_a_veteran_at_home_and_an_outstanding_educator():
    text = "省五一劳动奖章获得者、某速运公司737机队副驾驶汪勤明代表受表彰集体和个人发言。"
    h = _people(text)["汪勤明"]
    assert (h.position, _honours(h)) == ("副驾驶", [("省五一劳动奖章", "provincial")])
    text = "在湖北省优秀教育者邹四明老同志家中，某书记与老同志亲切交谈。"
    assert _honours(_people(text)["邹四明"]) == [("湖北省优秀教育者", "provincial")]


def test_an_age_before_the_name_that_opens_a_profile():
    text = (
        "今年34岁的唐成明，是某锅炉有限责任公司焊接培训中心教师，焊工高级技师。"
        "多次获得省市焊接技能大赛第一名，获成都工匠、四川省五一劳动奖章等荣誉称号。"
    )
    h = _people(text)["唐成明"]
    assert (h.unit, h.position) == ("某锅炉有限责任公司", "焊接培训中心教师")
    assert ("四川省五一劳动奖章", "provincial") in _honours(h)


def test_examples_of_a_group_that_holds_a_title():
    text = (
        "另外，新晋的劳动模范有不少人曾被认定“杭州工匠”，如某集团有限公司疏通班组领班汲长明、"
        "某植物园(某西湖园林科学研究院)西溪圃地主任张振明等。"
    )
    people = _people(text)
    assert set(people) == {"汲长明", "张振明"}
    assert all(_honours(h) == [("杭州工匠", "municipal")] for h in people.values())
    assert people["张振明"].unit == "某植物园(某西湖园林科学研究院)"  # the body named again in brackets
    assert "example_of_holders" in {r.code for r in analyse_text(text).proposals[0].reasons}


def test_a_county_of_one_character_and_a_list_counted_with_gong():
    text = "最终在一线劳动者中评选出刘瑞明、谢有明、张  华、彭勇明共4名同志为赣县“最美劳动者”。"
    people = _people(text)
    assert set(people) == {"刘瑞明", "谢有明", "张华", "彭勇明"}
    assert all(_honours(h) == [("最美劳动者", "county")] for h in people.values())


def test_a_three_character_name_ended_by_praise_and_names_with_wang_and_jiao():
    text = "“劳模体检我年年都参加！”全国劳模汪荣明赞不绝口。"
    assert set(_people(text)) == {"汪荣明"}
    text = "某速递有限公司快递员、技师李晓望获得全国五一劳动奖章。"
    assert set(_people(text)) == {"李晓望"}
    text = "某书记来到全国劳动模范、全国五一劳动奖章获得者缴桂明家中，同她深入交流。"
    assert set(_people(text)) == {"缴桂明"}


def test_the_one_picked_from_a_titled_group():
    assert _honours(_people("其中，最小的全国劳模是杨坡明。")["杨坡明"]) == [("全国劳模", "national")]
    people = _people("山东籍的全国劳模中，据查，最年长的是常建明。")
    assert _honours(people["常建明"]) == [("全国劳模", "national")]


def test_titles_the_sentence_gives_to_groups_and_congratulations_are_no_name():
    text = "某区委书记丁明洪向获得“全国五一劳动奖状”、“全国工人先锋号”、“劳动模范”的先进集体和先进个人致以热烈的祝贺。"
    assert not _people(text)
    text = "副县长张皇明出席，并祝贺获得模范劳工殊荣的94位劳工朋友。"
    assert "祝贺" not in _people(text)


def test_officials_who_present_on_behalf_of_a_body_are_not_honoured():
    text = (
        "某工业园区企业工会联合会模范劳工表扬大会，24日中午在某园区举行，副县长张皇明、劳动部长陈雄明"
        "代表致赠「模范劳工」匾额给10位代表。陈雄明部长表示，劳工付出劳力血汗，并祝贺获得模范劳工殊荣的94位劳工朋友。"
    )
    assert not _people(text)


def test_presenters_far_before_their_verb_and_tellers_of_anothers_story():
    text = (
        "6月4日,某航集团执行董事长顾钢及联席CEO任清中向三亚凤凰国际机场工作室创建者宋宇征同志颁发"
        "海南省总工会授予的“海南省劳动模范和工匠人才创新工作室”牌匾及证书。\n\n"
        "据悉,“海南省劳模和工匠人才创新工作室”创建于2015年,其创建者宋宇征同志曾荣获“海南省劳动模范”荣誉称号,"
        "自创建以来,该工作室致力于人才队伍培养。"
    )
    assert set(_people(text)) == {"宋宇征"}
    text = (
        "杨清雪讲述了以全国劳模、玉树州杂多县昂赛乡生态管护员南河为代表的在海拔4000米以上的青藏高原"
        "用生命守护着“中华水塔”绿水青山的生态管护员们的故事。"
    )
    assert "杨清雪" not in _people(text)


def test_the_job_before_a_comma_when_only_grades_stand_before_the_name():
    text = (
        "评选结果显示，某环保能源股份有限公司某煤矿设备科副科长，高级工程师、高级技师张世明荣获全国劳动模范称号。"
        "某市第二人民医院神经外科主任，主任医师程杨明荣获全国先进工作者称号。"
        "某医学院附属医院党委副书记、院长，教授张文明荣获全国先进工作者称号。"
    )
    people = _people(text)
    assert (people["张世明"].unit, people["张世明"].position) == (
        "某环保能源股份有限公司某煤矿",
        "设备科副科长",
    )
    assert (people["程杨明"].unit, people["程杨明"].position) == ("某市第二人民医院", "神经外科主任")
    assert (people["张文明"].unit, people["张文明"].position) == ("某医学院附属医院", "党委副书记、院长")
    # a grade that is the post itself, with no job before the comma, stays
    people = _people("据悉，高级技师李明华荣获全国五一劳动奖章。")
    assert people["李明华"].position == "高级技师"


def test_holders_who_got_the_honour_named_before_their_title():
    text = "这10名获得荣誉的最美产业工人分别是黄容、李鸿、侯双燕，他们都来自产业生产一线。"
    people = _people(text)
    assert set(people) == {"黄容", "李鸿", "侯双燕"}
    assert _honours(people["黄容"]) == [("最美产业工人", "other")]


def test_a_list_laid_out_one_item_a_line_after_a_list_mark_is_one_list():
    text = (
        "“2021年某省大工匠年度人物”获得者分别为：某建工集团某工程项目部姜秀明、\n"
        "某冶集团有限公司金结公司吴振明、\n"
        "某电气股份有限公司王树明。"
    )
    people = _people(text)
    assert set(people) == {"姜秀明", "吴振明", "王树明"}
    assert people["吴振明"].unit == "某冶集团有限公司金结公司"
    assert all(h.honours[0].year == 2021 for h in people.values())


def test_counted_comrades_and_a_meeting_are_no_part_of_the_title_after_them():
    people = _people("授予沈锦明等3位同志上海市五一劳动奖章荣誉称号。")
    assert _honours(people["沈锦明"]) == [("上海市五一劳动奖章", "provincial")]
    people = _people("授予蒋建明等20人颍东区劳动竞赛先进个人。")
    assert _honours(people["蒋建明"]) == [("颍东区劳动竞赛先进个人", "county")]
    people = _people("會上宜昌市勞動模范代表陳衛明作了報告。")
    assert _honours(people["陈卫明"]) == [("宜昌市劳动模范", "municipal")]


def test_a_quoted_title_that_opens_with_the_whole_province_is_provincial():
    people = _people("省教育厅日前决定，授予朱平明等534名同志“全省优秀教师”荣誉称号。")
    assert _honours(people["朱平明"]) == [("全省优秀教师", "provincial")]


def test_the_year_of_a_decision_or_meeting_written_another_way():
    text = (
        "中共某省委、某省人民政府印发《关于表彰2024年河北省劳动模范、先进工作者和先进集体的决定》。\n"
        "河北省先进工作者\n刘志明 某大学科学技术处处长\n甄文明 某农业大学科学技术研究院主任"
    )
    assert {h.honours[0].year for h in _people(text).values()} == {2024}
    text = (
        "近日，某省、某市相继公布了2022年西安市五一劳动奖状、奖章名单。"
        "比亚迪汽车有限公司计量技术员景利明、某学校老师王琪明荣获西安市五一奖章。"
    )
    assert {h.honours[0].year for h in _people(text).values()} == {2022}
    text = (
        "某省人民政府\n关于追授王川明等3名同志为某省先进工作者的决定\n某府发〔2016〕24号 2016年5月19日\n"
        "省政府决定，追授王川明、苏建明、李志明同志“某省先进工作者”称号。"
    )
    assert {h.honours[0].year for h in _people(text).values()} == {2016}
    text = (
        "2015年4月27日上午，某省庆祝“五一”国际劳动节暨表彰劳动模范和先进工作者大会在广州举行。"
        "我市谢坚明、董明华荣获全国劳动模范称号。"
    )
    assert {h.honours[0].year for h in _people(text).values()} == {2015}


def test_the_body_before_de_is_the_unit_of_the_name_after_it():
    text = (
        "其中，某市康辉科技发展有限公司的沈益明获评全国五一劳动奖章，某宏达热电有限公司的黄喜明、"
        "某市税务局的金骁明和某市第一人民医院的朱涛明等3人被评为江苏省劳动模范。"
    )
    people = _people(text)
    assert people["沈益明"].unit == "某市康辉科技发展有限公司"
    assert {n: h.unit for n, h in people.items() if n != "沈益明"} == {
        "黄喜明": "某宏达热电有限公司",
        "金骁明": "某市税务局",
        "朱涛明": "某市第一人民医院",
    }


def test_they_are_opening_a_sentence_lists_the_people_the_sentence_before_counts():
    text = (
        "6名中国宝武职工被授予武汉市技术能手。他们是某金属结构有限责任公司官春明、"
        "某能源环保部彭斌明、某重工集团闻建明。"
    )
    people = _people(text)
    assert set(people) == {"官春明", "彭斌明", "闻建明"}
    assert _honours(people["彭斌明"]) == [("武汉市技术能手", "municipal")]
    assert people["官春明"].unit == "某金属结构有限责任公司"


def test_an_item_naming_only_a_department_belongs_to_the_body_named_before_it():
    text = (
        "某大学附属北京地坛医院感染中心主任医师蒋荣明同时获得全国抗击新冠肺炎疫情先进个人称号；"
        "ICU主任刘景明、感染中心总护士长文静明获全国抗击新冠肺炎疫情先进个人称号。"
    )
    people = _people(text)
    assert (people["刘景明"].unit, people["刘景明"].position) == ("某大学附属北京地坛医院", "ICU主任")
    assert (people["文静明"].unit, people["文静明"].position) == (
        "某大学附属北京地坛医院",
        "感染中心总护士长",
    )
    # a body written with its own department shares it with no one
    people = _people(
        "制酒十八车间所在的我公司制酒十八车间陈小明、制曲六车间陈勇明三名同志荣获贵州省五一劳动奖章。"
    )
    assert people["陈勇明"].unit == "制曲六车间"
    # a union named alone is a body of its own; the second post of a series keeps its own reading
    people = _people("某县医院护士甲明华、计程车工会会员陈燕明等人获选模范劳工。")
    assert people["陈燕明"].unit == "计程车工会"


def test_a_title_with_no_level_takes_the_place_written_before_it_elsewhere():
    text = (
        "5月1日，市总工会联合举行“新时代奋斗者——2022年重庆市最美产业工人发布仪式”活动。"
        "这10名获得荣誉的最美产业工人分别是黄容明、李鸿明、侯双明，他们都来自产业生产一线。"
    )
    people = _people(text)
    assert _honours(people["李鸿明"]) == [("最美产业工人", "provincial")]
    assert people["李鸿明"].honours[0].year == 2022
    # a national form of the title held by someone else says nothing of the bare one's level
    text = "这次她也荣获全国模范劳工。另一位模范劳工李来明是某公司司机，获选模范劳工。"
    assert _honours(_people(text)["李来明"]) == [("模范劳工", "other")]


def test_a_list_after_a_colon_that_ends_its_line():
    text = (
        "“2021年某省工匠年度人物”获得者分别为：\n"
        "华北制药股份有限公司北元分厂兰欢明、\n"
        "某地矿局第三水文工程地质大队齐恭、\n"
        "秦皇岛供电公司电缆运检中心张庚明。"
    )
    people = _people(text)
    assert set(people) == {"兰欢明", "齐恭", "张庚明"}
    assert people["齐恭"].unit == "某地矿局第三水文工程地质大队"


def test_counted_holders_or_respectively_then_a_list_with_no_colon():
    text = (
        "乌苏市三名职工被评选为“伊犁工匠”。据悉，获得该荣誉的三名职工是乌苏市中医院骨伤科主任医师白连明、"
        "乌苏市某石油化工有限公司沥青车间主任朱强明、新疆某智能农机股份有限公司技术员刘永明。"
    )
    people = _people(text)
    assert set(people) == {"白连明", "朱强明", "刘永明"}
    assert (people["朱强明"].unit, people["朱强明"].position) == ("乌苏市某石油化工有限公司", "沥青车间主任")
    assert _honours(people["刘永明"]) == [("伊犁工匠", "other")]
    # 分别为 before a list of 、 items to the sentence's end; items over commas stay clauses
    text = "表彰会为10名“金牌工人”颁奖，他们分别为原五发厂张锦明、铸造事业部杨健明、原装备厂莫增明。"
    assert set(_people(text)) == {"张锦明", "杨健明", "莫增明"}


def test_words_of_a_headline_or_ceremony_and_a_post_before_a_compound_surname_make_no_junk():
    assert "公布" not in _people("全国五一劳动奖公布 我省11家单位和40名个人上榜。")
    assert "宣言" not in _people("5位不同年龄段的劳模代表发表了劳模宣言。")
    people = _people("副院长孙明被授予“五一劳动奖章”。")
    assert set(people) == {"孙明"}
    assert people["孙明"].position == "副院长"


def test_those_who_receive_a_collective_award_for_it_are_not_honoured():
    text = "会上为获得五一劳动奖状的集体授奖。我院院长刘平明、副院长李涛明代表领奖。"
    assert not _people(text)


def test_inviting_verbs_and_the_school_s_own_page_are_no_part_of_the_unit():
    text = "活动邀请了华艾珍品科技(重庆)股份有限公司徐靖明、重庆科技大学张倩明等4位劳模代表来到现场。"
    assert _people(text)["徐靖明"].unit == "华艾珍品科技(重庆)股份有限公司"
    text = "市委、市政府表彰劳动模范和先进工作者。我校医学院 金国明 教授、附属医院 柯开明 教授荣获“2014年南通市先进工作者”荣誉称号。"
    assert _people(text)["金国明"].unit == "医学院"


def test_a_heading_s_title_given_by_an_award_verb_takes_the_year_of_the_ceremony():
    text = (
        "某市领导欢送全国劳模赴京受奖\n\n2020年11月21日 11:50:23 | 来源:某日报\n\n"
        "11月24日，党中央、国务院将表彰一批全国劳动模范和先进工作者，某市共有3名同志受奖。"
        "此次某市获得荣誉的3名同志中，2人将被授予“全国劳动模范”荣誉称号，他们分别是：某船舶重工有限公司技术副总张华明，"
        "某中央空调有限公司总装配车间主任葛美明。"
    )
    people = _people(text)
    assert {n: h.honours[0].year for n, h in people.items()} == {"张华明": 2020, "葛美明": 2020}
    text = (
        "11月24日，2021年度“匠心筑梦”——某市工匠精神进企业活动在某集团举行，活动中，揭晓了第四届“省会十大工匠”。"
        "经过层层推选，两名职工荣获第四届“省会十大工匠”荣誉称号。他们分别是：某药业有限公司自控组组长杨杰明，"
        "某烟草公司信息管理员张慎明。"
    )
    assert {h.honours[0].year for h in _people(text).values()} == {2021}


def test_an_example_of_those_in_hardship_is_no_example_of_the_honoured():
    text = (
        "市长走访慰问了我市部分全国劳动模范及困难职工。\n坐在特困职工肖殿明简陋而整洁的家里，市长和她唠起了家常。\n"
        "市长说，这是对像肖殿明这样的弱势群体的关心和节日的祝福。\n在全国劳动模范朱寿明老人居住的小屋里，市长详细询问了老人的身体状况。"
    )
    assert set(_people(text)) == {"朱寿明"}


def test_a_career_step_before_the_unit_is_no_part_of_it():
    text = (
        "记者走访了几位老劳模。\n1.王洋明,60岁,1974年进入沈阳风动工具厂(现凿岩机械厂)当车工,2005年被评为全国劳模。\n"
        "2.沈延明,80岁,1951年进入沈阳玻璃厂当钳工,1989年被评为全国劳模。"
    )
    people = _people(text)
    assert (people["王洋明"].unit, people["王洋明"].position) == ("沈阳风动工具厂", "车工")
    assert (people["沈延明"].unit, people["沈延明"].position) == ("沈阳玻璃厂", "钳工")


def test_a_quotation_followed_by_chenghao_is_an_honour_whatever_its_ending():
    text = "授予王娜明等10名同志“全省高校优秀辅导员”荣誉称号。"
    assert _honours(_people(text)["王娜明"]) == [("全省高校优秀辅导员", "provincial")]


def test_a_list_of_described_items_ending_in_deng_ren_holds_the_honour():
    text = (
        "某管理局技师罗静明、厦门港务集团海天集装箱有限公司电动装卸机械修理工冯鸿明等人荣获“中华技能大奖”。"
    )
    people = _people(text)
    assert set(people) == {"罗静明", "冯鸿明"}
    assert (people["冯鸿明"].unit, people["冯鸿明"].position) == (
        "厦门港务集团海天集装箱有限公司",
        "电动装卸机械修理工",
    )
    # a union named alone is a body of its own, not a department of the item before it
    people = _people("某县医院护士王明华、计程车工会会员陈燕明等人获选模范劳工。")
    assert (people["王明华"].unit, people["陈燕明"].unit) == ("某县医院", "计程车工会")


def test_levels_listed_for_a_group_give_no_one_a_level():
    text = "随后赵建明、李聚明、司技明等8位全国、省、市、县劳动模范代表先后发言。"
    people = _people(text)
    assert set(people) == {"赵建明", "李聚明", "司技明"}
    assert _honours(people["李聚明"]) == [("劳动模范", "other")]
    # 全国和省 with 分别: each its own level
    people = _people("袁玉明、杜巍明分别获全国和省五一劳动奖章。")
    assert _honours(people["杜巍明"]) == [("省五一劳动奖章", "provincial")]


def test_the_verb_before_a_place_is_no_part_of_it():
    text = "智能制造学院教研室主任蒋铁明荣获衡阳市“匠星之师”荣誉称号。"
    assert _honours(_people(text)["蒋铁明"]) == [("匠星之师", "municipal")]


def test_a_list_over_commas_reads_items_with_a_description_or_roles_before_the_unit():
    text = (
        "卫生部中日友好医院急诊科护士长刘荣明,已殉职的广东省中医院护士长叶欣明,中国工程院院士、"
        "广州呼吸疾病研究所所长钟南明,广东省疾病控制中心副主任林锦明获全国五一劳动奖章。"
    )
    people = _people(text)
    assert set(people) == {"刘荣明", "叶欣明", "钟南明", "林锦明"}
    assert (people["叶欣明"].unit, people["钟南明"].unit) == ("广东省中医院", "广州呼吸疾病研究所")
    assert _honours(people["刘荣明"]) == [("全国五一劳动奖章", "national")]


def test_a_heading_set_over_two_lines_with_the_award_verb_opening_the_second():
    text = (
        "某市劳动模范表彰大会\n在某礼堂隆重举行\n迅尔仪表总经理李红明\n被授予“天津市劳动模范”荣誉称号\n"
        "23日，市委书记出席大会并讲话。"
    )
    people = _people(text)
    assert (people["李红明"].unit, people["李红明"].position) == ("迅尔仪表", "总经理")
    assert _honours(people["李红明"]) == [("天津市劳动模范", "provincial")]
    # a line that heads a list is no continuation of the one before
    text = "获得全国五一劳动奖章的是：\n浙江：王旭明 浙江农林大学茶文化学院院长\n获得全国工人先锋号的是：\n吉林：某百货大厦有限责任公司业务部"
    assert _people(text)["王旭明"].unit == "浙江农林大学茶文化学院"


def test_the_field_an_honour_is_for_is_part_of_its_title():
    text = "马丽明、钟良明、陈净明三位教师获得教育教学能手称号。"
    assert _honours(_people(text)["钟良明"]) == [("教育教学能手", "other")]


def test_a_list_before_a_counted_title_reads_words_between_deng_and_the_count_and_any_name_dot():
    text = "随后赵建明、李聚明、司技明等各领域的8位劳动模范代表先后发言。"
    assert set(_people(text)) == {"赵建明", "李聚明", "司技明"}
    text = "座谈会上,徐福明、买买提江.吾买尔、梅莲明3位全国劳模代表作了发言。"
    people = _people(text)
    assert set(people) == {"徐福明", "买买提江·吾买尔", "梅莲明"}
    assert _honours(people["梅莲明"]) == [("全国劳模", "national")]


def test_a_list_with_deng_reads_items_that_open_with_words_of_description():
    text = (
        "展览讴歌了劳模代表的先进事迹，发明“万能工具胎” 的王崇明、“技术革新大师” 张成明、"
        "“中国机器人之父” 蒋新明等20 多位劳模的事迹悉数亮相。"
    )
    people = _people(text)
    assert set(people) == {"王崇明", "张成明", "蒋新明"}
    assert _honours(people["张成明"]) == [("劳模", "other")]


def test_a_list_ending_in_the_holders_trade_holds_the_honour():
    text = "同时，我省中北大学赵宇明、山西医科大学李冰明等42名教师被授予“全国优秀教师”称号。"
    people = _people(text)
    assert (people["赵宇明"].unit, people["李冰明"].unit) == ("中北大学", "山西医科大学")
    assert _honours(people["赵宇明"]) == [("全国优秀教师", "national")]


def test_a_campaign_that_takes_model_workers_somewhere_is_no_honour():
    text = "10月17日,某县总工会“劳模工匠进校园”主题宣讲活动在县红军小学举行。"
    assert find_titles(text) == []
    assert [t.title for t in find_titles("他获得“全国五一劳动奖章”。")] == ["全国五一劳动奖章"]


def test_the_first_item_of_a_list_that_ends_in_a_name_is_a_person_of_its_own():
    text = "徐州某公司厂长胡国明、卷材车间班长曹照明获评“2016-2018年徐州市劳动模范”荣誉称号。"
    people = _people(text)
    assert set(people) == {"胡国明", "曹照明"}
    assert (people["胡国明"].unit, people["胡国明"].position) == ("徐州某公司", "厂长")


@pytest.mark.parametrize(
    "text, title, level",
    [
        (
            (
                "衡阳市总工会决定授予以下同志“衡阳市纺织行业标兵”称号：\n"
                "王伟芳  衡阳某某纺织公司车间工人\n李秀英  衡阳某某棉纺厂挡车工"
            ),
            "衡阳市纺织行业标兵",
            "municipal",
        ),
        (
            "下列同志荣获湖南省五一劳动奖章：王伟芳，衡阳某某纺织公司车间工人；李秀英，衡阳某某棉纺厂挡车工。",
            "湖南省五一劳动奖章",
            "provincial",
        ),
    ],
)
def test_a_decisions_list_of_the_comrades_below_takes_its_title(text, title, level):
    # 授予以下同志…称号： / 下列同志荣获…： : the heading of an award decision's list
    people = _people(text, learned=False)
    assert set(people) == {"王伟芳", "李秀英"}
    for honouree in people.values():
        assert _honours(honouree) == [(title, level)]
    assert (people["李秀英"].unit, people["李秀英"].position) == ("衡阳某某棉纺厂", "挡车工")


def test_names_before_an_approximate_count_and_levels_listed_for_the_group():
    # 等20余名全国及宁夏劳动模范: about twenty, of two levels: model workers, no one's level
    people = _people("拜永强、张玉川、赵晓燕等20余名全国及宁夏劳动模范参加活动。", learned=False)
    assert set(people) == {"拜永强", "张玉川", "赵晓燕"}
    assert all(_honours(h) == [("劳动模范", "other")] for h in people.values())
    people = _people("拜永强、张玉川等20多名宁夏劳动模范参加活动。", learned=False)
    assert _honours(people["张玉川"]) == [("宁夏劳动模范", "provincial")]
    # the full shape, other titles after it: the counted people are still the model workers
    text = "拜永强、张玉川、赵晓燕等20余名全国及宁夏劳动模范、大国工匠、塞上工匠代表参加活动。"
    assert _honours(_people(text, learned=False)["赵晓燕"]) == [("劳动模范", "other")]
    # one person's 全国及省 is still read as before: the level the title itself gives
    assert [(t.title, t.level) for t in find_titles("他是全国及省劳动模范。")] == [
        ("省劳动模范", "provincial")
    ]


def test_a_counted_group_heading_its_own_list():
    # 宣讲团由3名…劳动模范组成，分别是：… the group the sentence counts is the people it lists
    text = "宣讲团由3名海南省劳动模范组成，分别是：海南某橡胶公司割胶辅导员梁庆莲；海南某食品公司经理黄桂源。"
    people = _people(text, learned=False)
    assert set(people) == {"梁庆莲", "黄桂源"}
    assert all(_honours(h) == [("海南省劳动模范", "provincial")] for h in people.values())
    assert (people["梁庆莲"].unit, people["梁庆莲"].position) == ("海南某橡胶公司", "割胶辅导员")


def test_the_body_the_visitors_come_to_is_the_unit_of_those_visited_there():
    people = _people("在衡阳钢管集团有限公司，慰问组看望慰问了坚守一线的职工代表和省劳模周建华。")
    assert people["周建华"].unit == "衡阳钢管集团有限公司"
    people = _people("县总工会领导来福源集团走访慰问省劳模李正平同志。")
    assert people["李正平"].unit == "福源集团"


def test_a_unit_the_report_gives_elsewhere_wins_over_the_body_visited():
    people = _people("慰问组来到红星机械厂，看望慰问全国劳模刘志强。刘志强是湘南红星机械有限公司高级技师。")
    assert (people["刘志强"].unit, people["刘志强"].position) == ("湘南红星机械有限公司", "高级技师")


def test_a_patient_visited_in_hospital_takes_no_unit_from_it():
    people = _people("市总工会主席来到市第一人民医院，看望住院治疗的老劳模王大明。")
    assert people["王大明"].unit == ""


def test_the_body_right_before_the_title_is_the_unit_but_not_a_federation_giving_it():
    assert _people("华峰集团全国劳模冯志伟作为代表发言。")["冯志伟"].unit == "华峰集团"
    people = _people("县委副书记看望慰问了全国总工会“五一劳动奖章”获得者吴德明。")
    assert people["吴德明"].unit == ""


def test_a_title_named_after_a_place_of_the_report_takes_its_level():
    people = _people("近日，安远县总工会公布首届评选结果，王立新、赵海荣获“安远工匠”称号。")
    assert _honours(people["王立新"]) == [("安远工匠", "county")]


def test_bare_titles_of_a_place_s_own_award_meeting_take_its_level():
    text = "4月26日，陕西平川县举行第三届劳动模范表彰大会。张建军、李秀英被授予劳动模范称号。"
    people = _people(text)
    assert _honours(people["张建军"]) == _honours(people["李秀英"]) == [("劳动模范", "county")]
    # a national meeting held somewhere names its titles with their level; a bare one keeps none
    people = _people("4月28日，全国劳动模范表彰大会在北京举行。我县张建军被授予劳动模范称号。")
    assert _honours(people["张建军"])[0][1] != "county"


def test_a_bare_advanced_worker_takes_the_level_the_report_writes_once():
    text = (
        "会议隆重表彰某某州第九届劳动模范和先进工作者。会上，王立新等22名劳动模范和苏海、"
        "李勤等8名先进工作者受表彰。"
    )
    people = _people(text)
    assert _honours(people["李勤"]) == [("先进工作者", "municipal")]
    assert _level_reasons(text, "李勤") == ["先进工作者：市级（某某州第九届劳动模范：报道在此写明级别）"]
    # written at two levels: a bare one keeps none
    text = "会议表彰某某州劳动模范和先进工作者，以及全国先进工作者代表。李勤等8名先进工作者受表彰。"
    assert _honours(_people(text)["李勤"]) == [("先进工作者", "other")]


def test_any_title_of_a_place_s_own_award_meeting_takes_its_level_but_not_a_company_s():
    text = "日前，株洲市建设交通系统举行年度表彰大会。技术员于春雷获得“建设标兵”称号。"
    assert _honours(_people(text)["于春雷"]) == [("建设标兵", "municipal")]
    # a company named after its city holds its own awards: they have no place's level
    text = "4月28日，天水锻压机床(集团)有限公司召开表彰大会，技术员于春雷获得“岗位能手”称号。"
    assert _honours(_people(text)["于春雷"]) == [("岗位能手", "other")]


def test_a_place_that_commends_people_itself_gives_its_titles_its_level():
    text = "雷山县表彰一批优秀教师。雷山县将杨昌远、余思霖等14位同志表彰为“优秀教育工作者”。"
    assert _honours(_people(text)["杨昌远"]) == [("优秀教育工作者", "county")]
    # the place that commends them is no part of the first item's unit
    listed = _people("雷山县将县民族中学教师姜永富等40名同志表彰为“优秀教师”。")["姜永富"]
    assert (listed.unit, listed.position) == ("县民族中学", "教师")
    assert _level_reasons(text, "杨昌远") == ["优秀教育工作者：县级（雷山县：由此地表彰，称号按其级别）"]
    # a person who received a place's commendation: a profile, not the place's own meeting
    text = "焊工杨昌远荣获“金牌工匠”称号，受到了雷山县总工会表彰。"
    assert _honours(_people(text)["杨昌远"]) == [("金牌工匠", "other")]


def test_the_corps_model_worker_is_a_province_s():
    people = _people("兵团总工会走访慰问了兵团劳模杨诗强。")
    assert _honours(people["杨诗强"]) == [("兵团劳模", "provincial")]


def test_the_level_s_reason_names_the_place_it_came_from():
    text = "4月26日，平川县举行第三届劳动模范表彰大会。张建军被授予劳动模范称号，赵海荣获“平川工匠”称号。"
    assert _level_reasons(text, "张建军") == ["劳动模范：县级（平川县：表彰大会由此地举办，称号按其级别）"]
    assert _level_reasons(text, "赵海") == ["平川工匠：县级（平川县：称号以此地命名，按其级别）"]


def test_individuals_counted_before_their_medal_hold_the_medal_only():
    text = "某电气公司等91个单位获得河南省五一劳动奖状，某重工公司班长郭建超等432名先进个人荣获河南省五一劳动奖章。"
    assert _honours(_people(text)["郭建超"]) == [("河南省五一劳动奖章", "provincial")]


def test_a_bare_city_level_in_a_municipality_s_report_is_a_province_s():
    text = "重庆市总工会走访慰问了市劳模黄忠露。重庆市各级工会将持续关心关爱劳模。"
    assert _honours(_people(text)["黄忠露"]) == [("市劳模", "provincial")]
    assert _level_reasons(text, "黄忠露") == ["市劳模：省级（重庆：直辖市）"]
    # a prefecture's report keeps its own 市
    assert _honours(_people("衡阳市总工会走访慰问了市劳模黄忠露。衡阳市各级工会关心劳模。")["黄忠露"]) == [
        ("市劳模", "municipal")
    ]


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("最终横店东磁公司", "横店东磁公司"),  # the list's verb, not the body's name
        ("在宝钢集团韶钢公司", "宝钢集团韶钢公司"),  # where the person works
        ("还有桃园市电子机械加工业职业工会", "桃园市电子机械加工业职业工会"),
        ("在线教育", "在线教育"),  # no body after 在: left as written
    ],
)
def test_words_a_sentence_puts_before_a_unit_are_no_part_of_it(written, unit):
    from honours.core.intake.units import unit_without_lead

    assert unit_without_lead(written) == unit


def test_each_list_item_s_lead_is_its_own_deed_not_the_one_before_s():
    text = (
        "近日，长春市总工会决定授予王红丹等职工长春市五一劳动奖章。"
        "驰援武汉的长春市妇产医院乳腺外科护士长王红丹、始终奋战在防控一线的朝阳区某社区党委书记孙小微、"
        "快速响应保障民生供应的欧亚某购物中心店长卢继民……今年的评选继续面向基层。"
    )
    deeds = {p.name: [d.text for d in p.honouree.deeds] for p in analyse_text(text, learned=False).proposals}
    assert deeds["王红丹"] == ["驰援武汉"]
    assert deeds["孙小微"] == ["始终奋战在防控一线"]


def test_a_body_written_before_a_national_title_is_the_holder_s_unit_not_part_of_the_title():
    people = _people("所工会慰问了昆明植物所全国五一劳动奖章获得者、云南省先进工作者孙汉董院士。")
    h = people["孙汉董"]
    assert (h.unit, _honours(h)[0]) == ("昆明植物所", ("全国五一劳动奖章", "national"))


def test_a_unit_from_the_body_visited_says_so():
    proposal = analyse_text("在衡阳钢管集团有限公司，慰问组看望慰问了省劳模周建华。").proposals[0]
    reason = next(r for r in proposal.reasons if r.code == "visited_body")
    assert (
        reason.text("zh")
        == "单位衡阳钢管集团有限公司：慰问者看望此人时所到的单位，报道未另写其本人单位，请核实"
    )


def test_a_place_s_body_before_de_is_no_list_item_s_deed():
    text = "鸡冠区红卫兵小学教师肖明琴、鸡冠区新建委的妇代会主任姜丽英等214名“女状元”成为“三八”红旗手。"
    deeds = {p.name: [d.text for d in p.honouree.deeds] for p in analyse_text(text, learned=False).proposals}
    assert not any("新建委" in d for d in deeds.get("姜丽英", []))
