"""The intake corpus (tests/intake_corpus): real reports with hand-made answer keys.

The keys are checked against their texts (every name, unit, position, title and amount as the
report writes it), and the tuned split is held at the level the reader has reached, so that a
change to the reader that reads fewer of these reports fails here.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

import pytest

from benchmarks.intake_eval import SPLITS, Score, load, score_proposals
from honours.core.intake import recogniser
from honours.core.intake.parser import propose, read_text

REPORTS = [r for split in SPLITS for r in load(split)]


def _key_strings(key: dict) -> list[str]:
    strings = list(key.get("not_people", []))
    for person in key["people"]:
        strings.append(person.get("written", person["name"]))
        strings += [person[f] for f in ("unit", "position") if person.get(f)]
        strings += [h["title"] for h in person.get("honours", [])]
        strings += [d["written"] for d in person.get("donations", [])]
    return strings


def test_corpus_is_big_enough_and_split():
    assert len(REPORTS) >= 30
    unseen = [r for r in REPORTS if r.split != "tuned"]
    assert len(unseen) >= 12  # an unseen split (held_out, fresh), only measured, never tuned on
    assert any(not r.key["people"] for r in REPORTS)  # a report that names no honouree
    for r in REPORTS:
        assert r.key["url"].startswith("http") and r.key["title"]


@pytest.mark.parametrize("report", REPORTS, ids=[f"{r.split}/{r.id}" for r in REPORTS])
def test_key_strings_are_in_the_text(report):
    for string in _key_strings(report.key):
        assert string and string in report.text, string
    for person in report.key["people"]:
        for honour in person.get("honours", []):
            assert honour.get("level", "other") in ("national", "provincial", "municipal", "county", "other")
        for donation in person.get("donations", []):
            assert donation["yuan"] > 0


# The level the reader has reached on the tuned split (make eval-intake); raise these as it improves.
# The split grew from 49 to 69 reports when the 20 held-out ones were rotated into it (issue 17), to
# 83 when the 14 fresh ones followed, to 108 when the 25 held-out ones of the fourth rotation joined
# (57.6% recall before they were studied), to 127 with the 19 fresh ones of the fifth (69.8%
# before), and to 269 in the sixth: the 32 held-out reports of the fifth (82.8% before) and 110 new
# reports collected in four batches and studied (63.5%, 44.1%, 42.6% and 68.5% recall before). The
# figures below are over all 269 with the person-name tagger (92.6% recall, 85.2% facts, four
# false names of which two are must-not: the leader of an honoured team and a lecturer, each named
# with a deed), and with the reader's rules alone where the tagger is not installed (84.7%, 85.4%,
# five false names); the 127 before the sixth rotation are held at their level (98.5%, 91.9%), the
# 108 before the fifth at theirs (98.3%, 93.5%), the 49 tuned before the first rotation at theirs
# (100%, 95.6%). The seventh rotation brought the split to 398: the 36 fresh reports of the sixth
# (64.4% recall before they were studied) and four batches collected and studied in the round (25,
# 24, 23 and 21 reports; 60.7% and 75.2% recall before, in two pairs). Over all 398 the reader
# stands at 91.3% recall, 82.4% facts and seven false names (two must-not) with the tagger, 86.3%,
# 82.7% and eight with the rules alone; the 269 before the seventh rotation at 93.0% and 85.5%.
# The eighth rotation brought it to 536: three batches collected in the round (45, 50 and 43
# reports), each measured on arrival (72.3%, 64.3% and 52.9% recall) and then studied. Over all
# 536 the reader stands at 89.3% recall, 80.6% facts and 11 false names (three must-not: a driver
# thanked on a visit, a leader of an honoured team, a lecturer) with the tagger, 84.2%, 80.7% and 13
# with the rules alone; the 398 before the eighth rotation at 91.2%, 82.7% and seven.
# The ninth rotation brought it to 670: six batches collected in the round (21, 22, 22, 28, 21 and
# 20 reports, 277 people), measured on arrival together (72.9% recall, 61.6% facts) and then
# studied. Over all 670 the reader stands at 89.3% recall, 80.7% facts and 23 false names (six
# must-not: officials and nominees the new reports name beside a deed) with the tagger, 84.0%,
# 81.1% and 24 with the rules alone; the 536 before the ninth rotation at 89.6%, 82.0% and 11.
# The tenth rotation brought it to 753: four batches collected in the round (23, 20, 20 and 20
# reports, 223 people), measured on arrival together (73.1% recall, 55.7% facts) and then studied.
# Over all 753 the reader stands at 88.7% recall, 78.5% facts and 32 false names (nine must-not)
# with the tagger, 83.1%, 79.0% and 32 with the rules alone; the 670 before the tenth rotation at
# 89.7%, 80.9% and 23 (six must-not).
# The eleventh rotation brought it to 829: four batches collected in the round (19, 18, 20 and 19
# reports, 175 people), measured on arrival (44.0% recall with the rules, 61.7% with the learned
# second look) and moved in without study of the rules. Over all 829 the rules stand at 85.0%
# recall, 77.6% facts and 49 false names (17 must-not: Taiwan's and Hong Kong's officials beside
# the honoured, among them) with the tagger, 79.2%, 78.1% and 41 alone; the 753 before the
# eleventh rotation at their level. Visited bodies, bodies before a title, titles named after a
# place and a place's own award meeting then took the rules to 85.6%, 78.6% and 48 (16) with the
# tagger, 79.8%, 79.1% and 40 alone. The levels of a place's own meeting for any title it gives
# (and of a place commending people itself), of a bare 先进工作者 and of 兵团 then took the facts to
# 79.7% with the tagger and 80.2% alone.
TUNED_RECALL = 0.849
TUNED_ACCURACY = 0.795
TUNED_FALSE = 48
TUNED_FORBIDDEN = 16
RULES_ALONE_RECALL = 0.79
RULES_ALONE_ACCURACY = 0.80
RULES_ALONE_FALSE = 40
BEFORE_ELEVENTH_RECALL = 0.88
BEFORE_ELEVENTH_ACCURACY = 0.78
BEFORE_ELEVENTH_FALSE = 32
BEFORE_ELEVENTH_FORBIDDEN = 9
BEFORE_TENTH_RECALL = 0.89
BEFORE_TENTH_ACCURACY = 0.80
BEFORE_TENTH_FALSE = 23
BEFORE_TENTH_FORBIDDEN = 6
BEFORE_NINTH_RECALL = 0.89
BEFORE_NINTH_ACCURACY = 0.82
BEFORE_NINTH_FALSE = 11
BEFORE_NINTH_FORBIDDEN = 3
BEFORE_EIGHTH_RECALL = 0.91
BEFORE_EIGHTH_ACCURACY = 0.82
BEFORE_EIGHTH_FALSE = 7
BEFORE_SEVENTH_RECALL = 0.93
BEFORE_SEVENTH_ACCURACY = 0.85
BEFORE_SIXTH_RECALL = 0.98
BEFORE_SIXTH_ACCURACY = 0.915
BEFORE_FIFTH_RECALL = 0.978
BEFORE_FIFTH_ACCURACY = 0.93
FIRST_TUNED_RECALL = 0.995
FIRST_TUNED_ACCURACY = 0.955
# rotated from held_out into tuned (see tests/intake_corpus/README.md)
ROTATED = frozenset(
    [
        "ankang_2018_traditional_no_honouree",
        "changle_2018_traditional_visit",
        "guizhou_2020_award",
        "hangzhou_2017_traditional_award",
        "hefei_2014_visit",
        "heilongjiang_2020_donations",
        "heze_2022_donations",
        "jingbian_2019_no_honouree",
        "lanzhou_2008_donations",
        "liaoning_2015_new_models",
        "meipian_visit",
        "nfhot_2023_best_workers",
        "qiqihar_2020_traditional_list",
        "quanzhou_2019_award",
        "rmrb_1986_medal_list",
        "suizhou_2021_collective_medal",
        "xdkb_2009_no_honouree",
        "xinhua_2020_traditional_new_models",
        "zhumadian_2020_traditional_return",
        "zibo_2021_award",
    ]
)

# rotated from fresh into tuned (the second rotation, see tests/intake_corpus/README.md)
ROTATED_FRESH = frozenset(
    [
        "baohe_2021_visit",
        "cangnan_profile",
        "hubei_2025_award",
        "pingdingshan_2021_visit",
        "qingdao_traditional_donation",
        "rizhao_2010_visit",
        "shanghai_2011_event",
        "sports_2025_traditional",
        "weifang_2020_traditional_award",
        "wenzhou_2005_donation",
        "xincheng_2024_no_honouree",
        "zhengzhou_2013_traditional_no_honouree",
        "zouping_2022_traditional_award",
        "zuimei_list",
    ]
)


# rotated from held_out into tuned (the fourth rotation, see tests/intake_corpus/README.md)
ROTATED_HELD_OUT_4 = frozenset(
    [
        "baiyin_2020_donation",
        "cccc_craftsmen_studios",
        "hsinchu_2024_traditional_model_labour",
        "hubei_2018_traditional_award",
        "jingzhou_2014_deeds",
        "lixin_2023_no_honouree",
        "mianyang_studio_award",
        "minhang_2022_epidemic",
        "mol_2014_traditional_model_labour",
        "ningyang_2021_donation",
        "qingdao_2009_traditional_no_honouree",
        "quanzhou_traditional_provincial",
        "rizhao_2020_epidemic",
        "shaoxing_2017_award",
        "shenzhen_2011_traditional_award",
        "taipei_2022_model_labour",
        "wujin_2017_visit",
        "xinhua_2021_no_honouree",
        "yuxi_2023_traditional_award",
        "zhangjiakou_2013_award",
        "zhejiang_2018_traditional_craftsmen",
        "zhengyang_2021_traditional_no_honouree",
        "zhenjiang_2019_traditional_visit",
        "zhongshan_2022_award",
        "zhuzhou_2025_meeting",
    ]
)

# rotated from fresh into tuned (the fifth rotation, see tests/intake_corpus/README.md)
ROTATED_FRESH_5 = frozenset(
    [
        "anhui_2017_profile",
        "bazhong_2025_health",
        "beidaihe_2011_profiles",
        "changsha_2022_farm_models",
        "chengmai_2014_visit",
        "craftsmen_2021_list",
        "huainan_2023_student_aid",
        "hunan_2025_nonggong_health",
        "mudanjiang_2025_traditional_health",
        "qingchuan_2026_traditional_visit",
        "quanzhou_2022_student_aid",
        "shandong_2018_studios_no_honouree",
        "shandong_2025_bethune",
        "shanghai_2025_national_models",
        "shantou_2025_health_list",
        "shunping_traditional_visit",
        "wenchang_2014_report_meeting",
        "wuxi_2025_studios",
        "yibin_2019_student_aid",
    ]
)


# rotated into tuned in the sixth rotation: the 32 held-out reports of the fifth and the 110 reports
# collected and studied in four batches (see tests/intake_corpus/README.md)
ROTATED_6 = frozenset(
    [
        "acftu_2019_rest_photos",
        "acftu_2021_talks_no_honouree",
        "acftu_2023_rest_launch",
        "anhui_2025_traditional_red_banner",
        "baishan_visit",
        "baoding_2019_visit",
        "beijing_2016_traditional_capital_medals",
        "beijing_2020_nominees",
        "beijing_2026_red_banner_history",
        "bengbu_traditional_studio_no_honouree",
        "cctv_traditional_best_workers",
        "changchun_2019_traditional_visit",
        "changzhou_2017_skills_master",
        "changzhou_visit",
        "chiayi_2023_traditional_model_labour",
        "chongqing_2026_red_banner",
        "chongqing_agriculture_models",
        "chuxiong_decision_models",
        "craftsmen_2024_list",
        "crec_2026_studios_no_honouree",
        "daowai_2005_student_aid_no_honouree",
        "datong_2025_studios_no_honouree",
        "dean_2018_no_honouree",
        "dongyang_2017_chief_technicians",
        "fengshun_visit",
        "fujian_2021_traditional_studios_no_honouree",
        "govcn_2020_traditional_red_banner",
        "guangming_2012_traditional_report",
        "guangxi_2024_medal_meeting",
        "guangxi_2025_traditional_no_honouree",
        "guangyuan_2025_talk",
        "guizhou_2015_report_performance",
        "guizhou_2022_construction_medals",
        "guizhou_2025_national_models_return",
        "guizhou_best_workers_third",
        "gujiao_2024_lecture",
        "haikou_2021_yearbook",
        "hainan_2020_national_models",
        "hanyin_2024_no_honouree",
        "harbin_2017_traditional_student_aid",
        "harbin_2022_visit",
        "henan_2021_traditional_medal",
        "henan_2024_craftsman_trainees",
        "hengshan_2018_visit",
        "honghe_2026_no_honouree",
        "honghe_union_congress_models",
        "huaian_2024_campus_talks",
        "jiangxi_2020_meeting",
        "jingdezhen_2022_traditional_awards",
        "jinxiang_2024_campus_talks",
        "jinzhou_2014_outing",
        "jixi_1979_red_banner",
        "kaohsiung_2020_traditional_model_labour",
        "kunming_2019_traditional_rest",
        "laiyuan_2014_donation",
        "lanxi_2019_visit",
        "lanzhou_2023_traditional_campus_talk",
        "linan_2020_photo_caption",
        "linxi_2024_visit",
        "linyi_2016_welder_medal",
        "liupanshui_2021_award",
        "lixian_2020_donations",
        "loudi_2023_donor_profile",
        "luodong_2017_traditional_model_labour",
        "lvliang_2025_ceremony",
        "macau_traditional_no_honouree",
        "menghai_2024_talks",
        "mol_2024_traditional_no_honouree",
        "nanshao_2023_women_models",
        "nantou_2024_traditional_model_labour",
        "national_2004_traditional_skills_award",
        "national_2012_red_banner_list",
        "neimenggu_2024_campus_talks",
        "ningbo_2016_no_honouree",
        "ningxia_2022_visit",
        "panzhihua_2022_talks",
        "pingkuang_traditional_visit",
        "pingliang_2024_gala_no_honouree",
        "pingtung_2025_traditional_model_labour",
        "qiandongnan_2017_traditional_no_honouree",
        "qiannan_2023_no_honouree",
        "qinghai_2021_studios_no_honouree",
        "qinghai_2022_no_honouree",
        "quanzhou_2022_visit",
        "qujing_2020_report_meeting",
        "shaanxi_2019_medal",
        "shaanxi_2023_traditional_rest_no_honouree",
        "shandong_2022_medal_no_honouree",
        "shanghai_2024_traditional_craftsmen",
        "shangli_visit",
        "shanxi_2019_coal_no_honouree",
        "shanxi_2023_best_workers",
        "shenyang_2014_old_models",
        "shenyang_2020_campus_talks",
        "shishi_2023_craftsmen",
        "shulan_2022_visit",
        "suzhou_2022_report_meeting",
        "taichung_2012_traditional_model_labour",
        "taichung_2021_traditional_no_honouree",
        "taihu_2022_visit",
        "taixing_2013_visit",
        "tanggu_2025_visit",
        "tangshan_2020_no_honouree",
        "tianjin_2013_visit",
        "tianjin_2022_old_models",
        "tianjin_2024_visit",
        "tianshui_forging_company_models",
        "tongxiang_2009_visit",
        "tunliu_traditional_forum_no_honouree",
        "wenzhou_2018_craftsmen",
        "xian_2016_medal",
        "xiangtan_2023_student_aid",
        "xilingol_2025_talks",
        "xilinhot_rest_no_honouree",
        "xingbin_2021_awards",
        "xining_2021_volunteers_no_honouree",
        "xining_2022_craftsmen",
        "xinjiang_2016_lecture",
        "xinjiang_2024_medals",
        "xinyang_2026_studio",
        "xuancheng_2011_traditional_old_model",
        "yanan_2019_visit",
        "yangtze_delta_2023_traditional_no_honouree",
        "yangzhou_2023_talks_no_honouree",
        "yichang_2020_rest_no_honouree",
        "yidu_2023_student_aid",
        "yimen_2011_forum_no_honouree",
        "yinchuan_2024_traditional_lanterns",
        "yining_2016_traditional_county_titles",
        "yinzhou_2014_talks",
        "yugan_2023_talks",
        "yuncheng_2024_national_medals",
        "yunnan_2021_traditional_red_banner",
        "yunnan_2025_traditional_best_workers",
        "zhangjiakou_city_models",
        "zhangzhou_studios",
        "zhejiang_2023_report_meeting",
        "zhongning_2025_visit",
        "zibo_2018_traditional_chief_technicians",
        "zigong_2022_traditional_visit",
        "zixing_2025_provincial_models",
        "ziyang_2015_traditional_no_honouree",
    ]
)

# the seventh rotation (see tests/intake_corpus/README.md): the 36 fresh reports of the sixth and
# four batches collected and studied in the round (25, 24, 23 and 21 reports)
ROTATED_7 = frozenset(
    [
        "ahjg_2021_company_award",
        "ahjk_2021_company_award",
        "anhui_2013_traditional_company_award",
        "banan_2016_may_day_meeting_no_honouree",
        "beiliu_2015_health_no_honouree",
        "cangxi_2019_rest_no_honouree",
        "changchun_2020_medals",
        "changzhi_2025_national_models",
        "chongqing_2010_traditional_no_honouree",
        "chongqing_2016_traditional_model_pledges",
        "chongqing_2024_models_at_cppcc",
        "daxinganling_2022_talks",
        "deyang_2024_sichuan_craftsmen",
        "dongguan_2020_models_meeting",
        "dongkou_2020_county_models",
        "dunhua_2014_visit",
        "fancheng_2023_visit",
        "fangchenggang_2026_warmth_visit",
        "fujian_2020_traditional_craftsmen",
        "gansu_2020_models_press",
        "ganzhou_2023_skills_awards",
        "ganzhou_2024_campus_talk",
        "guangning_2025_rest_no_honouree",
        "guangzhou_2024_traditional_rest_no_honouree",
        "guigang_2025_national_models",
        "guizhou_2020_national_models_city",
        "guizhou_road_bridge_traditional_best_workers",
        "hainan_2019_farm_models",
        "hainan_2022_greening_nominees",
        "hainan_2025_models_lecture",
        "hainan_2025_provincial_meeting_no_honouree",
        "hainan_2025_traditional_national_models",
        "hangzhou_2018_zhejiang_craftsmen",
        "heilongjiang_2018_forestry_medals",
        "heilongjiang_2024_traditional_awards_no_honouree",
        "henan_2013_traditional_medals",
        "henan_2020_traditional_donations",
        "henan_2023_rest_no_honouree",
        "hohhot_2015_may_day_plans_no_honouree",
        "hongkong_2025_model_workers_delegation_no_honouree",
        "hongkong_traditional_no_honouree",
        "hualien_2022_traditional_no_honouree",
        "huanggang_2022_post_visit",
        "huangnan_2022_visit",
        "hunan_2024_provincial_visit",
        "hunan_2025_forum_no_honouree",
        "jiangsu_2019_may_day_meeting",
        "jiangsu_2019_medal_zhang_yuan",
        "jiangxi_2020_national_models_met",
        "jiangxi_2024_innovation_fair",
        "jiayuguan_2020_models",
        "jilin_2020_no_honouree",
        "jingan_2019_traditional_no_honouree",
        "jinggangshan_2025_traditional_campus_talk",
        "jingmen_2020_national_models",
        "jinping_2024_talks",
        "jinzhou_2015_visit",
        "kaohsiung_2024_traditional_model_labour",
        "kuitun_2012_no_honouree",
        "kunming_2022_institute_visit",
        "laibin_2020_regional_models",
        "lanzhou_xinqu_2023_nominees",
        "liaoning_2014_new_year_forum",
        "liaoning_2017_craftsmen",
        "liaoning_2022_visit",
        "liaoning_traditional_lecture",
        "linxia_2024_no_honouree",
        "linzhou_2025_talks",
        "longjing_2026_visit_no_honouree",
        "macao_2025_traditional_may_day_no_honouree",
        "miluo_2023_traditional_forum",
        "nantong_2020_national_models_send_off",
        "nantou_2017_traditional_model_labour",
        "neimenggu_2020_models_press_no_honouree",
        "neimenggu_2023_medals",
        "ningxia_2016_medals",
        "ningxia_2018_traditional_medals",
        "ningxia_2022_medals",
        "ningxia_2024_saishang_craftsmen",
        "ningxia_2024_traditional_no_honouree",
        "nongken_2013_medals",
        "pingchang_2019_craftsman",
        "qingdao_2019_national_medals",
        "qinghai_2022_traditional_medals",
        "shaanxi_2025_traditional_great_craftsmen",
        "shandong_2022_traditional_best_workers",
        "shanghai_2024_medal_meeting",
        "shanghai_2026_model_services_no_honouree",
        "shanxi_2023_union_models",
        "shapingba_2025_visit",
        "shibei_2023_models",
        "shijiazhuang_2023_models_forum",
        "shishi_2023_traditional_model_studios",
        "sichuan_2017_soe_craftsmen",
        "suizhou_traditional_models_talks",
        "taiyuan_2021_studio_no_honouree",
        "tianjin_2024_hebei_district_models_talk",
        "tianjin_report_meeting",
        "tibet_2018_traditional_craftsmen",
        "tibet_2018_traditional_lectures_no_honouree",
        "tibet_2019_traditional_profiles",
        "tibet_2020_traditional_national_models",
        "tibet_2022_traditional_craftsmen",
        "tibet_2023_craftsmen_of_the_year",
        "tongling_2022_studio_profile",
        "wanzai_2024_campus_talks",
        "wanzhou_2021_visit",
        "wuchuan_talks",
        "xiamen_2018_model_register",
        "xiangtan_2025_send_off",
        "xianyang_2022_craftsmen",
        "xiaogan_2020_jingchu_craftsmen",
        "xicheng_beijing_awards",
        "xilinhot_2017_model_care_no_honouree",
        "xingguo_2014_visit",
        "yancheng_2016_textile_models",
        "yancheng_2025_national_models",
        "yeji_2022_donations",
        "yichang_2024_national_medals",
        "yingquan_2019_forum",
        "yuanan_visit",
        "yuchai_2017_gold_workers",
        "yumin_2014_visit",
        "yumin_2019_visit",
        "yuncheng_2021_visit",
        "yunnan_2024_university_visit",
        "yunnan_2025_traditional_talks",
        "zhangjiakou_2015_talks",
        "zhejiang_2019_visit",
    ]
)

# the eighth rotation (see tests/intake_corpus/README.md): three batches collected in the round, each
# measured on arrival and then studied (45, 50 and 43 reports)
ROTATED_8 = frozenset(
    [
        "anhui_2022_may_day_forum",
        "anping_2017_county_craftsmen",
        "anshan_2019_traditional_award",
        "baoding_2024_education_awards",
        "beijing_2020_city_models_no_honouree",
        "beizhen_checkup_no_honouree",
        "bingtuan_2021_visit",
        "binhai_2022_traditional_studios_no_honouree",
        "binxian_2012_county_models",
        "changchun_2020_craftsmen",
        "changji_2017_traditional_prefecture_medals",
        "changle_2019_traditional_acftu_visit",
        "dalian_2015_aid_no_honouree",
        "daqing_2018_traditional_studios",
        "dongcheng_2025_models_no_honouree",
        "erdaojiang_2014_model_aid_no_honouree",
        "fangchenggang_2024_visit",
        "fujian_2023_traditional_company_award_no_honouree",
        "fuzhou_2013_donation_pledge",
        "fuzhou_2015_new_year_visit",
        "fuzhou_2020_warmth_launch_no_honouree",
        "gansu_2019_traditional_merit_craftsman",
        "gansu_2023_longyuan_craftsmen",
        "gansu_2025_great_craftsmen",
        "ganxian_2015_best_workers",
        "guangdong_2020_models",
        "guangxi_2025_national_models_no_honouree",
        "guangzhou_2021_provincial_medals",
        "guigang_2021_medal_ceremony_no_honouree",
        "guizhou_2020_national_models_profiles",
        "guizhou_2022_traditional_best_workers_no_honouree",
        "guizhou_2023_construction_medals",
        "gushi_2025_checkup",
        "guyuan_2024_traditional_model_lectures",
        "hainan_2018_traditional_exhibition_no_honouree",
        "hangzhou_2022_city_models",
        "hebei_2015_military_industry_awards",
        "hebei_2022_traditional_great_craftsmen",
        "hefei_ustc_2023_studios_no_honouree",
        "heilongjiang_2018_studios_no_honouree",
        "heilongjiang_2020_traditional_red_banner_donor",
        "henan_2018_medals_cri",
        "henan_2023_health_medals_no_honouree",
        "hohhot_2024_national_medal",
        "hsinchu_county_2011_traditional_model_labour_no_honouree",
        "hualien_2024_traditional_model_migrant",
        "hubei_2018_rest_group",
        "hubei_2020_rest_train",
        "hubei_2023_traditional_charity_award_donor",
        "hubei_2023_traditional_charity_award_taiwan_donors",
        "jiading_2022_studios_no_honouree",
        "jiangxi_2019_provincial_medals",
        "jiangxi_2022_provincial_medals",
        "jiangyin_2019_visit",
        "jieshou_2021_checkup_no_honouree",
        "jilin_traditional_low_income_models",
        "jingbian_2013_county_models",
        "jiulongpo_2017_company_award_no_honouree",
        "jixi_2025_studio_alliance",
        "kaohsiung_2017_traditional_model_labour_no_honouree",
        "kaohsiung_2023_traditional_model_labour",
        "kunming_2020_visit_no_honouree",
        "kunming_2024_model_forest",
        "lhasa_2023_traditional_craftsmen_no_honouree",
        "lhasa_2024_acftu_visit_no_honouree",
        "lhasa_frontline_workers_visit_no_honouree",
        "lianjiang_checkup_no_honouree",
        "liaoyuan_2019_craftsmen",
        "linfen_2021_flood_donation",
        "linyi_visit_provincial_officials",
        "luojiang_2016_traditional_award",
        "luxi_2018_county_models",
        "macao_2024_may_day_no_honouree",
        "nanchang_2018_medal",
        "nanchong_2020_traditional_silk_models",
        "nanyue_2024_best_workers",
        "national_2022_traditional_medals_no_honouree",
        "national_2024_medals_cctv_no_honouree",
        "neimenggu_2017_northern_craftsmen",
        "neimenggu_2019_medals_preview_no_honouree",
        "neimenggu_2022_best_workers",
        "neimenggu_2022_traditional_northern_craftsmen",
        "qingdao_2011_traditional_new_year_visit",
        "qinghai_2018_model_lecturers",
        "qinghai_2025_national_models_lectures",
        "qionghai_2024_traditional_migrant_workers",
        "quanzhou_2011_traditional_rest_no_honouree",
        "sany_2023_medal_abstract",
        "sanya_2020_studio",
        "shaanxi_2020_defence_models_no_honouree",
        "shandong_2015_national_models_profiles",
        "shandong_2026_new_year_visits_no_honouree",
        "shandong_fujiao_traditional_visit",
        "shanghai_2020_light_industry_craftsmen",
        "shanghai_2023_traditional_charity_window",
        "shanxi_2025_medal_meeting_no_honouree",
        "shanxi_traditional_staff_flood_donation_no_honouree",
        "shenyang_2018_traditional_craftsmen",
        "shenzhen_2019_may_day",
        "shijiazhuang_2021_traditional_craftsmen",
        "shilin_2022_craftsman_profile",
        "shunyi_2022_traditional_capital_medals_no_honouree",
        "sichuan_2016_posthumous_decision",
        "sichuan_2020_national_model_profile",
        "suizhou_2020_rest_no_honouree",
        "tacheng_toli_visit",
        "taihe_2022_traditional_donor",
        "taoyuan_2023_traditional_model_labour",
        "taoyuan_2024_traditional_no_honouree",
        "tianjin_2013_studios",
        "tianjin_2023_exhibit_gift",
        "tianjin_2025_leaders_visit",
        "tibet_2019_traditional_models_meeting",
        "tibet_2022_traditional_rest_no_honouree",
        "urumqi_2020_visit_no_honouree",
        "weitang_2023_traditional_studio",
        "wuhan_2014_acftu_visit",
        "wuhan_2023_university_retired_models_visit",
        "wuwei_2020_national_models_comment",
        "xian_2016_city_medals_workers_daily",
        "xian_2025_city_models_meeting",
        "xiangyang_2023_provincial_models_return",
        "xiantao_2020_provincial_medals",
        "xinbei_2025_traditional_model_labour",
        "xining_2019_park_craftsmen",
        "yexian_checkup_no_honouree",
        "yinchuan_2024_culture_talk",
        "yingshan_rest_bases_forum",
        "yubei_visit",
        "yueyang_may_day_forum",
        "yunlin_2015_traditional_model_labour_no_honouree",
        "yunnan_2021_craftsmen",
        "yunnan_2025_great_craftsmen",
        "zhangzhou_2017_studios",
        "zhejiang_2021_may_day_meeting_no_honouree",
        "zhongmou_2021_union_visit",
        "zhuzhou_2024_union_workers_award",
        "zunyi_2014_lectures",
    ]
)

# the six batches of the ninth rotation (h/corpus23–28), measured on arrival, then studied
ROTATED_9 = frozenset(
    [
        "anhui_2014_teachers_honour_list",
        "baoji_2021_traditional_defence_skills",
        "baoshan_2026_medical_care_no_honouree",
        "beijing_2015_luhe_hospital_no_honouree",
        "beijing_2020_traditional_ditan_hospital",
        "bengbu_2021_national_may_day",
        "bingtuan_2014_company_model",
        "binhai_2010_visit",
        "binhai_2015_womens_day_no_honouree",
        "binhai_2026_spring_visits",
        "changchun_2022_traditional_crrc_craftsman",
        "changchun_2022_traditional_faw_profile",
        "changji_2023_traditional_company_no_honouree",
        "changsha_2023_company_honours",
        "chengde_2021_festival_visits",
        "chengdu_2020_traditional_hospital_collective_no_honouree",
        "chengdu_2022_scu_school_medal",
        "chongqing_2022_best_industrial_workers",
        "chongqing_2023_industry_union_models_talk_no_honouree",
        "chongqing_2026_womens_models_talks",
        "dalian_2014_traditional_skill_titles",
        "dezhou_traditional_qilu_craftsmen",
        "dongguan_traditional_association_visit",
        "dongwu_2025_traditional_herder_profile",
        "erenhot_2025_visit_no_honouree",
        "faw_2025_national_model",
        "fengtai_2023_models_rest",
        "foshan_2021_municipal_models",
        "fumeng_school_talks",
        "fuxin_2021_provincial_medals",
        "gansu_2023_traditional_water_medal",
        "gansu_traditional_construction_models",
        "ganzhou_2019_hospital_womens_day",
        "guangdong_2024_open_university_medal",
        "guangyuan_2025_returning_models_talks",
        "guilin_2020_rest_bases_no_honouree",
        "guoluo_visit",
        "hangguo_2011_traditional_gold_hammer",
        "hebei_2021_great_craftsmen",
        "heilongjiang_2018_may_day_gala_no_honouree",
        "heilongjiang_2025_traditional_union_centenary",
        "henan_2022_national_medals_rd",
        "hengyang_2024_college_teacher_star",
        "hongkong_2023_traditional_union_safety_award",
        "hongkong_traditional_guangxi_donation_no_honouree",
        "hubei_2010_traditional_hospital_health_worker",
        "hunan_2019_traditional_association_medal",
        "jian_2022_traditional_company_award_no_honouree",
        "jiande_2022_traditional_models_meeting",
        "jilin_2020_hospital_medals_no_honouree",
        "jilin_city_hospital_medal",
        "jinan_traditional_cement_group_model",
        "jiujiang_2025_red_banner",
        "kunming_2021_school_craftsmen_talks",
        "kunming_2025_traditional_guandu_rest_no_honouree",
        "laiyang_2024_studio_plaques",
        "linxia_2018_prefecture_medals",
        "linyi_2012_company_national_medal",
        "liuzhou_2019_national_medal",
        "longyan_2019_traditional_parade_guests",
        "macao_2023_traditional_rights_fair_no_honouree",
        "meishan_2025_traditional_model_forum",
        "meizhou_2023_medals",
        "mianyang_2026_gas_group_model_talks",
        "moutai_2022_company_provincial_medals",
        "mudanjiang_mayor_visit",
        "nanbu_2024_county_model_talks",
        "nanchang_2020_company_chairman_model",
        "nanjing_2025_gansu_rest_no_honouree",
        "nantong_2014_university_advanced_workers",
        "nantong_2019_hospital_visit",
        "nhi_2018_company_pioneer_no_honouree",
        "ningde_2023_traditional_rest",
        "ningxia_2024_company_medal_craftsman",
        "pinghu_2021_new_year_models_talk",
        "qiandongnan_2010_models_depart_no_honouree",
        "qinghai_2017_plateau_craftsmen",
        "qingyang_2022_gansu_moved_awards",
        "qinhuangdao_2023_studios_no_honouree",
        "qiongzhong_2023_hospital_women_pacesetter",
        "qiqihar_2012_cfhi_women_honours",
        "qitaihe_2023_city_models",
        "rongjun_farm_gazetteer_model",
        "shaanxi_2013_traditional_nuclear_geology_worker",
        "shaanxi_2017_university_provincial_worker",
        "shandong_2012_traditional_pioneer_team_no_honouree",
        "shanghai_2012_xinjiang_aid_medals",
        "shanghai_2025_hospital_tribute",
        "shantou_2021_provincial_nurses",
        "shanxi_2021_xishan_miner_family",
        "shaoyang_2018_models_craftsmen",
        "shenhe_2025_rest_no_honouree",
        "shijiazhuang_2024_tv_visit_no_honouree",
        "shijiazhuang_traditional_steel_model",
        "shiyan_2018_hospital_provincial_worker",
        "shizuishan_2020_city_anniversary_no_honouree",
        "taicang_2016_provincial_models",
        "taiyuan_2020_traditional_heavy_industry",
        "tianjin_2018_survey_institute_studio",
        "tianze_2024_traditional_provincial_medal",
        "tibet_2024_traditional_xinhua_craftsmen",
        "tibet_2026_calligraphy_no_honouree",
        "tongliao_2021_postal_medals",
        "urumqi_2020_profile_medal_1990",
        "urumqi_2025_workers_feature",
        "wenshan_2025_national_models_meeting",
        "wuhan_2021_whu_hospital_medals",
        "wuhan_baowu_city_skill_experts",
        "wuhan_rmhospital_essay_prize",
        "wushi_2016_farm_model_congress",
        "xian_2020_traditional_company_models",
        "xian_2022_hitech_zone_list",
        "xiantao_2016_city_craftsmen",
        "xinjiang_2021_wusu_yili_craftsmen",
        "xinjiang_2025_nice_group_models",
        "xuzhou_2020_mining_group_models",
        "yangzhou_2017_traditional_company_model",
        "yanshan_2024_traditional_rest_no_honouree",
        "yichang_2019_jingchu_craftsmen",
        "yichang_traditional_model_talks_company",
        "yingdong_2023_contest_commendation",
        "yueyang_2020_goods_donor",
        "yuncheng_2021_scenic_vouchers",
        "yunnan_2022_traditional_greening_models",
        "yuping_rest_base_no_honouree",
        "zhangjiakou_2017_traditional_birthday_visit",
        "zhengzhou_2012_traditional_veteran_models_tour",
        "zhenyuan_county_models_meeting",
        "zhuhai_2015_school_teacher_model",
        "zhuji_2024_leaders_meet_models",
        "zhushan_2024_county_models",
        "zhuzhou_2020_traditional_company_craftsman",
        "zhuzhou_2022_group_city_medals",
        "zibo_lutai_national_medal",
    ]
)


# the four batches of the tenth rotation (rot10/b1–b4), measured on arrival, then studied
ROTATED_10 = frozenset(
    [
        "anxiang_2014_health_check",
        "baoding_2020_visits",
        "baokang_2014_care",
        "beijing_2003_traditional_sars_medals",
        "bijie_2019_school_lecture",
        "central_soe_2013_traditional_decision",
        "changsha_2014_company_skill_titles",
        "changsha_2017_metro_caption",
        "changxing_2016_model_association",
        "changzhou_2016_donations",
        "chengdu_2022_traditional_company_list",
        "daiyue_2015_traditional_studio",
        "dalian_2014_company_models",
        "dalian_2024_traditional_sanatorium_no_honouree",
        "fujian_2017_visits",
        "fujian_2020_cloud_ceremony",
        "fujian_2023_traditional_visits",
        "fumeng_2021_county_ceremony",
        "fuping_2021_forum_no_honouree",
        "fuyang_2015_traditional_awards",
        "ganzi_2017_visits",
        "guangnan_2025_traditional_donations",
        "guangxi_2015_lecture_tour_no_honouree",
        "guangzhou_hospital_2013_visits",
        "hainan_2014_speaker_list",
        "hangzhou_2017_caption",
        "harbin_2007_traditional_medal_list",
        "harbin_2021_photo_caption",
        "harbin_2026_volunteers",
        "heilongjiang_2007_traditional_provincial_ceremony",
        "jianhu_2024_company_craftsmen",
        "jingbian_2021_forum_visit",
        "jinzhai_2024_profile_byline",
        "keshiketeng_2024_banner_ceremony_no_honouree",
        "kinmen_2025_traditional_model_workers",
        "kunming_2025_traditional_lecture",
        "leishan_2011_teacher_list",
        "linfen_2013_village_secretaries",
        "linfen_2020_traditional_national_sendoff",
        "lixian_2024_awards_ceremony_no_honouree",
        "longsheng_2024_school_talk",
        "lushan_2012_forum_no_honouree",
        "muping_2018_traditional_craftsmen",
        "nanjing_2018_profile_prior_honours",
        "national_2008_donations_no_honouree",
        "national_2008_traditional_medals",
        "ningde_2024_traditional_visits",
        "panjin_2015_innovation_studio",
        "penghu_2024_traditional_model_worker",
        "pingdingshan_2019_medal_forum_visits",
        "qinzhou_2015_traditional_plan_no_honouree",
        "qiqihar_2016_hospital_caption",
        "quanzhou_2018_traditional_school_teachers",
        "shanghai_2012_traditional_nurse_list",
        "shanghai_2023_community_stories",
        "shanxi_2019_traditional_teacher_honours",
        "shaoguan_2014_visits",
        "shenzhen_2006_decision_list",
        "sichuan_2019_craftsmen_release",
        "sichuan_2024_school_talks",
        "sichuan_hospital_2019_visits",
        "sihong_2022_traditional_profiles",
        "suzhou_2023_studio_forum_no_honouree",
        "taichung_2017_traditional_crossstrait",
        "taichung_2017_traditional_hospital",
        "tianjin_2020_traditional_company_headline",
        "tianmen_2021_list",
        "tongchuan_2005_donations_no_honouree",
        "transport_2015_skill_awards",
        "xiangyin_2015_donations",
        "xihu_2025_visits",
        "xinjiang_2010_traditional_forum_speakers",
        "xinyang_2025_traditional_hospital_profile",
        "xuhui_2022_volunteers",
        "xuzhou_2019_traditional_company_models",
        "yanbian_2022_traditional_prefecture_ceremony",
        "yangchun_2023_forum_no_honouree",
        "yantai_2019_traditional_studio_no_honouree",
        "yexian_2020_forum_models",
        "yexian_2022_visits",
        "zhangye_2024_traditional_school_talk",
        "zhangzhou_2022_donations",
        "zunhua_2021_nurses",
    ]
)


# the eleventh rotation (see tests/intake_corpus/README.md): four batches collected in the round
# (19, 18, 20 and 19 reports) and measured on arrival, then moved into tuned
ROTATED_11 = frozenset(
    [
        "baoding_2025_new_year_visit_no_honouree",
        "beijing_2018_company_union_awards_no_names",
        "beijing_2025_traditional_national_models_bylines_no_honouree",
        "changchun_2021_construction_union_awards",
        "changhua_2024_traditional_new_year_donations",
        "chiayi_2017_traditional_ten_youth_presenters",
        "chongqing_2018_speech_contest_craftsmen",
        "chunan_2020_models_enter_school",
        "dongguan_2015_private_donor_scholarship_trad",
        "gansu_2017_model_month_no_honouree",
        "grinm_2020_group_union_skill_awards_trad",
        "guangxi_2020_craftsman_campaign_no_honouree",
        "guizhou_2018_liquor_craftsmen_no_names",
        "guizhou_2025_provincial_model_conference_no_names",
        "haikou_2018_model_lecture_power_grid",
        "haikou_2020_model_antiepidemic_talks",
        "heilongjiang_2018_traditional_medal_summary_no_names",
        "heilongjiang_2023_high_skill_talent_awards",
        "henan_2014_provincial_model_conference_partial",
        "heze_2022_qilu_craftsmen",
        "hongkong_2020_traditional_industrialist_awards",
        "hongkong_2024_leaders_award_captions_presenters",
        "hongkong_2025_traditional_model_delegation_visit",
        "huangshan_2024_recuperation_base_alliance_no_honouree",
        "jiangsu_2017_innovation_studios_trad",
        "jiaxing_2025_models_enter_community",
        "jilin_2020_red_cross_joint_donation",
        "kaohsiung_2022_traditional_ten_youth_officials",
        "kunming_2025_rural_craftsmen_list",
        "lean_2025_model_worker_free_clinic_no_honouree_trad",
        "lengshuijiang_2019_golden_autumn_aid_no_honouree_trad",
        "liaoning_2017_great_craftsmen_campus",
        "liaoning_2018_craftsman_photo_caption_trad",
        "liaoning_2019_lecture_tour_provincial_union",
        "liuwan_2022_mid_autumn_miners_visit_no_honouree",
        "macao_2021_traditional_honours_list_mixed_entities",
        "macao_2022_traditional_honours_run_together",
        "macao_2024_traditional_may_day_rally_no_honouree",
        "macheng_2024_earthquake_donations",
        "minqing_2016_golden_autumn_aid_no_honouree",
        "nanning_2023_selection_launch_no_honouree",
        "neimenggu_2024_national_day_visits",
        "ningbo_2019_township_craftsmen_officials",
        "ningxia_2025_lecture_tour_group",
        "nongan_2022_entrepreneur_epidemic_donation",
        "qinghai_2019_campus_report_meeting",
        "qinghai_2023_speech_contest_no_honouree",
        "qingxian_2020_moral_models_epidemic_donations",
        "renshou_2019_township_stars_no_honouree",
        "rudong_2014_county_frontline_worker_one_named",
        "shandong_2018_qilu_master_craftsmen",
        "shandong_2022_national_may_day_summary_no_names",
        "shandong_2025_national_models_summary_partial",
        "shenzhen_2023_street_may_day_no_honouree",
        "shijingshan_2012_model_report_meeting",
        "sichuan_2018_may_day_conference_partial",
        "sichuan_2018_national_medal_report",
        "taichung_2021_traditional_model_labour_no_honouree",
        "taipei_2023_traditional_ten_youth_list",
        "taiwan_2025_traditional_railway_photo_caption_no_honouree",
        "tianjin_2023_women_models_campus",
        "tianjin_2024_campus_launch_no_honouree",
        "tianjin_2024_model_talk_summer_camp",
        "tunxi_2022_frontline_recuperation_no_honouree",
        "wugang_2025_provincial_rural_craftsmen",
        "xian_2018_craftsmen_ceremony_no_honouree",
        "xiaogan_2023_model_workers_visit_elderly_trad",
        "xingan_2023_township_education_fund_donors",
        "xinjiang_2013_traditional_moral_models_partial",
        "xinjiang_2025_model_workers_commentary_partial",
        "yiyang_2015_golden_autumn_aid_no_honouree",
        "yongxing_2021_model_worker_flood_goods_donation",
        "yunlin_2017_traditional_outstanding_youth_no_honouree",
        "yunnan_2019_team_award_no_individual",
        "zhuhai_2014_macau_donor_student_aid",
        "zizhou_2022_township_commendation_no_honouree",
    ]
)


@functools.cache
def _tuned_proposals(tagger: bool) -> dict[str, tuple[list, list]]:
    """Every tuned report read once per run (per tagger state), for all the tests below: the
    rules' proposals, and the proposals with the learned steps."""
    read = {}
    for report in load("tuned"):
        reading = read_text(report.text, report.id)
        rules = propose(copy.deepcopy(reading), report.id, learned=False).proposals if reading else []
        learned = propose(reading, report.id).proposals if reading else []
        read[report.id] = (rules, learned)
    return read


def _tuned_without(*rotations: frozenset[str], with_learned: bool = False) -> Score:
    """The tuned split's score over the reports no given rotation brought in; the reader's rules
    alone unless `with_learned` (the learned steps learned from these very reports, so their
    figures here hold their wiring, not their worth: make eval-intake measures that on the unseen
    splits)."""
    excluded = frozenset().union(*rotations)
    read = _tuned_proposals(recogniser.available())
    total = Score()
    for report in load("tuned"):
        if report.id not in excluded:
            total.add(score_proposals(report, read[report.id][with_learned]))
    return total


def test_tuned_split_does_not_fall_back():
    s = _tuned_without()
    if recogniser.available():
        assert s.recall >= TUNED_RECALL, s.misses
        assert s.accuracy >= TUNED_ACCURACY, s.misses
        assert s.false <= TUNED_FALSE, s.misses
    else:  # the tagger is optional: the rules alone are held at their own level
        assert s.recall >= RULES_ALONE_RECALL, s.misses
        assert s.accuracy >= RULES_ALONE_ACCURACY, s.misses
        assert s.false <= RULES_ALONE_FALSE, s.misses
    assert s.forbidden <= TUNED_FORBIDDEN, s.misses  # never a reporter, editor or visiting official


# The learned steps over the tuned split they were trained on (tools/train_intake_model.py): the
# second look and the report's honour for a person given none, 96.2% recall, 76.1% facts (the
# people the second look adds are often named with fewer facts), and no false name beyond the
# rules' own. A broken feature or a model file out of step with the code fails here.
LEARNED_RECALL = 0.96
LEARNED_ACCURACY = 0.76


def test_the_learned_second_look_adds_honourees_and_no_false_names():
    if not recogniser.available():
        pytest.skip("the second look reads the tagger's names")
    rules, learned = _tuned_without(), _tuned_without(with_learned=True)
    assert learned.recall >= LEARNED_RECALL, learned.misses
    assert learned.accuracy >= LEARNED_ACCURACY, learned.misses
    assert learned.false <= rules.false and learned.forbidden <= rules.forbidden, learned.misses


@dataclass(frozen=True)
class Earlier:
    """The tuned split as it stood before a rotation, and the level the reader reached on it then.
    Recall, accuracy and false names are held only with the tagger when `tagger_only`; the
    must-not names (when given) always."""

    reports: int
    rotation: frozenset[str]  # the reports that rotation brought in
    recall: float
    accuracy: float
    false: int | None = None
    forbidden: int | None = None
    tagger_only: bool = False


_FIRST = ROTATED | ROTATED_FRESH | ROTATED_HELD_OUT_4
# oldest first: the split before each rotation leaves out that rotation's reports and every later one's
EARLIER = {
    "first": Earlier(49, _FIRST, FIRST_TUNED_RECALL, FIRST_TUNED_ACCURACY),
    "fifth": Earlier(108, ROTATED_FRESH_5, BEFORE_FIFTH_RECALL, BEFORE_FIFTH_ACCURACY),
    "sixth": Earlier(127, ROTATED_6, BEFORE_SIXTH_RECALL, BEFORE_SIXTH_ACCURACY, forbidden=0),
    "seventh": Earlier(269, ROTATED_7, BEFORE_SEVENTH_RECALL, BEFORE_SEVENTH_ACCURACY, tagger_only=True),
    "eighth": Earlier(
        398, ROTATED_8, BEFORE_EIGHTH_RECALL, BEFORE_EIGHTH_ACCURACY, BEFORE_EIGHTH_FALSE, tagger_only=True
    ),
    "ninth": Earlier(
        536,
        ROTATED_9,
        BEFORE_NINTH_RECALL,
        BEFORE_NINTH_ACCURACY,
        BEFORE_NINTH_FALSE,
        BEFORE_NINTH_FORBIDDEN,
        tagger_only=True,
    ),
    "tenth": Earlier(
        670,
        ROTATED_10,
        BEFORE_TENTH_RECALL,
        BEFORE_TENTH_ACCURACY,
        BEFORE_TENTH_FALSE,
        BEFORE_TENTH_FORBIDDEN,
        tagger_only=True,
    ),
    "eleventh": Earlier(
        753,
        ROTATED_11,
        BEFORE_ELEVENTH_RECALL,
        BEFORE_ELEVENTH_ACCURACY,
        BEFORE_ELEVENTH_FALSE,
        BEFORE_ELEVENTH_FORBIDDEN,
        tagger_only=True,
    ),
}


@pytest.mark.parametrize("rotation", list(EARLIER))
def test_reports_tuned_before_a_rotation_do_not_fall_back(rotation):
    earlier = EARLIER[rotation]
    assert {r.id for r in load("tuned")} >= earlier.rotation
    later = list(EARLIER.values())[list(EARLIER).index(rotation) :]
    before = _tuned_without(*(e.rotation for e in later))
    assert before.reports == earlier.reports
    if recogniser.available() or not earlier.tagger_only:
        assert before.recall >= earlier.recall, before.misses
        assert before.accuracy >= earlier.accuracy, before.misses
        if earlier.false is not None:
            assert before.false <= earlier.false, before.misses
    if earlier.forbidden is not None:
        assert before.forbidden <= earlier.forbidden, before.misses
