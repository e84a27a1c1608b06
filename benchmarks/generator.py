"""Realistic synthetic rolls of honourees, for benchmarks at 1k, 10k and 100k records.

Search speed depends on what the text looks like: how often a character or a pair of
characters occurs, how long deeds are, how many people share a surname or a unit. So
the records here are built the way a provincial 劳模 archive reads: surnames drawn by
their real frequency in China, given names from the characters parents actually use,
units that exist in every Hunan county (人民医院, …镇卫生院, …有限公司, …局), honours at
every level with their awarding bodies, deeds of 50–300 characters assembled from the
phrases such citations are written in, cash and goods donations, and a share with a
photo. The same seed always gives the same roll.

`ensure_roll(n)` returns a cached, fully indexed registry file under benchmarks/.data/.
Rows are written in bulk (executemany) because `Registry.add_many` also builds a
history snapshot per record, which would make a 100k roll take many minutes to set up;
the search index itself is then built by the real `honours.core.sqlite.indexing.reindex_all`.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from honours.core.records import Deed, Donation, Honour, Honouree, Source

GENERATOR_VERSION = 1
DATA_DIR = Path(__file__).resolve().parent / ".data"
PHOTO_SHARE = 0.05  # one honouree in twenty has a photo
DISTINCT_PHOTOS = 48

# -- names ------------------------------------------------------------------------------
# Surnames with their share of China's population in per mille (2020 household register,
# rounded); the long tail shares what is left.
SURNAMES: list[tuple[str, float]] = [
    ("王", 74.1),
    ("李", 72.4),
    ("张", 69.6),
    ("刘", 54.3),
    ("陈", 47.7),
    ("杨", 31.4),
    ("黄", 23.4),
    ("赵", 22.2),
    ("吴", 19.8),
    ("周", 19.4),
    ("徐", 14.6),
    ("孙", 13.8),
    ("马", 12.9),
    ("朱", 12.5),
    ("胡", 11.9),
    ("郭", 11.3),
    ("何", 10.9),
    ("林", 10.4),
    ("高", 10.3),
    ("罗", 10.2),
    ("郑", 9.9),
    ("梁", 9.3),
    ("谢", 8.2),
    ("宋", 7.4),
    ("唐", 7.3),
    ("许", 6.9),
    ("韩", 6.7),
    ("冯", 6.5),
    ("邓", 6.4),
    ("曹", 6.2),
    ("彭", 6.0),
    ("曾", 5.9),
    ("肖", 5.8),
    ("田", 5.6),
    ("董", 5.3),
    ("袁", 5.2),
    ("潘", 5.1),
    ("于", 5.0),
    ("蒋", 4.8),
    ("蔡", 4.7),
    ("余", 4.6),
    ("杜", 4.5),
    ("叶", 4.4),
    ("程", 4.3),
    ("苏", 4.2),
    ("魏", 4.1),
    ("吕", 4.0),
    ("丁", 3.9),
    ("任", 3.8),
    ("沈", 3.7),
    ("姚", 3.6),
    ("卢", 3.5),
    ("姜", 3.4),
    ("崔", 3.3),
    ("钟", 3.2),
    ("谭", 3.1),
    ("陆", 3.0),
    ("汪", 2.9),
    ("范", 2.8),
    ("金", 2.8),
    ("石", 2.7),
    ("廖", 2.7),
    ("贾", 2.6),
    ("夏", 2.6),
    ("韦", 2.5),
    ("付", 2.5),
    ("方", 2.4),
    ("白", 2.4),
    ("邹", 2.3),
    ("孟", 2.3),
    ("熊", 2.2),
    ("秦", 2.2),
    ("邱", 2.1),
    ("江", 2.1),
    ("尹", 2.0),
    ("薛", 2.0),
    ("闫", 1.9),
    ("段", 1.9),
    ("雷", 1.8),
    ("侯", 1.8),
    ("龙", 1.7),
    ("史", 1.7),
    ("陶", 1.6),
    ("黎", 1.6),
    ("贺", 1.6),
    ("顾", 1.5),
    ("毛", 1.5),
    ("郝", 1.5),
    ("龚", 1.4),
    ("邵", 1.4),
    ("万", 1.4),
    ("钱", 1.3),
    ("严", 1.3),
    ("覃", 1.3),
    ("武", 1.2),
    ("戴", 1.2),
    ("莫", 1.2),
    ("孔", 1.1),
    ("向", 1.1),
    ("汤", 1.1),
    ("文", 1.0),
    ("欧阳", 0.5),
    ("单", 0.5),
    ("柏", 0.3),
    ("詹", 0.5),
    ("谷", 0.4),
    ("阳", 0.5),
    ("旷", 0.3),
    ("屈", 0.5),
    ("伍", 0.6),
    ("颜", 0.6),
    ("聂", 0.6),
    ("易", 0.7),
    ("凌", 0.4),
    ("左", 0.5),
    ("刁", 0.2),
    ("司马", 0.1),
    ("诸葛", 0.05),
]
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红玉文辉鹏飞斌宇浩凯健俊帆帅旭宁"
    "婷雪琳晶燕萍玲丹慧莉倩颖佳欣怡梅云莲珍凤洁琴素兵波志海林峰成祥东亮宏卫民军庆荣新春德忠"
    "福贵元全胜利光清永生家和龙彬坤鑫子涵梓轩诗雨思琪晨阳欢乐嘉毅振奇永安泽宸博雅昊天瑞鸿"
)
GIVEN_COMMON_PAIRS = [
    "建国",
    "建华",
    "志强",
    "秀英",
    "桂英",
    "玉兰",
    "海燕",
    "文华",
    "国庆",
    "红梅",
    "丽华",
    "小平",
    "小红",
    "新华",
    "卫东",
    "爱华",
    "春生",
    "永红",
    "德明",
    "子涵",
]
ETHNICITIES = [
    ("汉族", 90.0),
    ("瑶族", 3.0),
    ("土家族", 2.5),
    ("苗族", 2.0),
    ("侗族", 1.2),
    ("回族", 0.8),
    ("壮族", 0.3),
    ("白族", 0.2),
]

# -- places -------------------------------------------------------------------------------
HENGYANG_COUNTIES: dict[str, list[str]] = {
    "珠晖区": ["东风路街道", "冶金街道", "茶山坳镇", "和平乡"],
    "雁峰区": ["天马山街道", "白沙洲街道", "岳屏镇"],
    "石鼓区": ["人民路街道", "青山街道", "角山镇", "松木街道"],
    "蒸湘区": ["联合街道", "呆鹰岭镇", "雨母山镇"],
    "南岳区": ["南岳镇", "寿岳乡", "南岳区南岳镇"],
    "衡阳县": ["西渡镇", "东湖镇", "金兰镇", "台源镇", "井头镇", "三湖镇", "界牌镇", "演陂镇"],
    "衡南县": ["云集镇", "三塘镇", "栗江镇", "车江镇", "茶市镇", "近尾洲镇", "谭子山镇"],
    "衡山县": ["开云镇", "店门镇", "白果镇", "永和乡", "萱洲镇"],
    "衡东县": ["城关镇", "霞流镇", "新塘镇", "杨桥镇", "大浦镇", "吴集镇"],
    "祁东县": ["洪桥街道", "白地市镇", "归阳镇", "黄土铺镇", "过水坪镇", "风石堰镇"],
    "耒阳市": ["蔡子池街道", "灶市街街道", "淝田镇", "大义镇", "新市镇", "小水镇", "导子镇"],
    "常宁市": ["宜阳街道", "洋泉镇", "水口山镇", "白沙镇", "西岭镇", "庙前镇"],
}
OTHER_HUNAN = [
    "长沙市",
    "芙蓉区",
    "岳麓区",
    "浏阳市",
    "株洲市",
    "醴陵市",
    "湘潭市",
    "湘乡市",
    "邵阳市",
    "岳阳市",
    "汨罗市",
    "常德市",
    "张家界市",
    "益阳市",
    "郴州市",
    "永州市",
    "怀化市",
    "娄底市",
    "湘西土家族苗族自治州",
    "吉首市",
]
CITY_HOSPITALS = [
    "第一人民医院",
    "中心医院",
    "中医医院",
    "妇幼保健院",
    "第二人民医院",
    "第三人民医院",
    "传染病医院",
    "精神病医院",
    "口腔医院",
    "急救中心",
    "疾病预防控制中心",
]
UNIVERSITY_HOSPITALS = [
    "南华大学附属第一医院",
    "南华大学附属第二医院",
    "南华大学附属南华医院",
    "湖南环境生物职业技术学院附属医院",
]
COMPANY_BRANDS = [
    "湘油泵",
    "衡钢",
    "特变电工衡阳变压器",
    "建滔",
    "华菱",
    "金杯电工",
    "恒飞电缆",
    "衡阳纺织机械",
    "雁城建设",
    "南岳电控",
    "湘南机械",
    "衡兴环保",
    "蒸湘食品",
    "水口山有色金属",
    "衡阳鸿源",
    "湖南天雁机械",
    "衡阳华意",
    "雁峰物流",
    "衡州",
    "湘江航运",
    "衡阳富士达",
    "科力远",
    "鑫源",
    "恒缘",
    "瑞达",
    "宏远",
    "金源",
]
INDUSTRIES = [
    "机械制造",
    "电力设备",
    "新材料",
    "钢管",
    "电缆",
    "食品",
    "建筑工程",
    "物流",
    "纺织",
    "化工",
    "生物科技",
    "汽车零部件",
    "有色金属",
    "环保科技",
    "农业开发",
    "电子科技",
]
BUREAUS = [
    "公安局",
    "交通运输局",
    "住房和城乡建设局",
    "生态环境局",
    "卫生健康局",
    "教育局",
    "应急管理局",
    "城市管理和综合执法局",
    "农业农村局",
    "水利局",
    "市场监督管理局",
    "民政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "税务局",
]
STATE_FIRMS = [
    "国网衡阳供电公司",
    "中国石化衡阳石油分公司",
    "中国移动衡阳分公司",
    "中国邮政衡阳市分公司",
    "衡阳市公共交通集团有限公司",
    "衡阳市水务投资集团有限公司",
    "中铁五局衡阳工程公司",
    "衡阳火车站",
    "湖南水口山有色金属集团有限公司",
    "衡阳市城市建设投资有限公司",
]

POSITIONS_BY_KIND: dict[str, list[str]] = {
    "hospital": [
        "主任医师",
        "副主任医师",
        "主治医师",
        "护士长",
        "主管护师",
        "护师",
        "科主任",
        "院长",
        "副院长",
        "药剂组副组长",
        "检验科主任",
        "急诊科医生",
        "呼吸内科主任",
        "感染科护士",
        "党支部书记",
        "工会主席",
        "村医",
    ],
    "company": [
        "董事长",
        "总经理",
        "车间主任",
        "高级工程师",
        "工程师",
        "技术员",
        "一线工人",
        "焊工",
        "电工班长",
        "质检员",
        "数控车工",
        "工会主席",
        "班组长",
        "高级技师",
        "装配钳工",
    ],
    "school": ["教师", "校长", "副校长", "班主任", "教研组长", "工会主席", "后勤主任"],
    "bureau": [
        "局长",
        "副局长",
        "科长",
        "科员",
        "民警",
        "所长",
        "执法队员",
        "驾驶员",
        "工会主席",
        "驻村第一书记",
    ],
    "town": ["镇长", "党委书记", "村党支部书记", "社区主任", "网格员", "环卫工人", "卫生院院长"],
}

# -- honours ------------------------------------------------------------------------------
NATIONAL = [
    ("全国劳动模范", "国务院"),
    ("全国先进工作者", "国务院"),
    ("全国五一劳动奖章", "中华全国总工会"),
    ("全国三八红旗手", "全国妇联"),
    ("全国优秀共产党员", "中共中央"),
    ("全国抗击新冠肺炎疫情先进个人", "中共中央 国务院 中央军委"),
    ("全国技术能手", "人力资源和社会保障部"),
    ("全国五一巾帼标兵", "中华全国总工会"),
    ("全国优秀教师", "教育部"),
    ("全国最美家庭", "全国妇联"),
]
PROVINCIAL = [
    ("湖南省劳动模范", "湖南省人民政府"),
    ("湖南省先进工作者", "湖南省人民政府"),
    ("湖南省五一劳动奖章", "湖南省总工会"),
    ("湖南省优秀共产党员", "中共湖南省委"),
    ("湖南省技术能手", "湖南省人力资源和社会保障厅"),
    ("湖南省三八红旗手", "湖南省妇联"),
    ("湖南省抗击新冠肺炎疫情先进个人", "湖南省人民政府"),
    ("湖南省优秀工会工作者", "湖南省总工会"),
]
MUNICIPAL = [
    ("衡阳市劳动模范", "衡阳市人民政府"),
    ("衡阳市先进工作者", "衡阳市人民政府"),
    ("衡阳市五一劳动奖章", "衡阳市总工会"),
    ("衡阳市优秀共产党员", "中共衡阳市委"),
    ("衡阳市十佳护士", "衡阳市卫生健康委员会"),
    ("衡阳好人", "衡阳市文明办"),
    ("衡阳市抗击新冠肺炎疫情先进个人", "衡阳市人民政府"),
    ("衡阳市技术能手", "衡阳市人社局"),
    ("衡阳市优秀教师", "衡阳市教育局"),
]
COUNTY_TITLES = ["劳动模范", "五一劳动奖章", "先进工作者", "优秀教师", "优秀共产党员", "最美医生", "十佳青年"]
OTHER_HONOURS = [
    ("岗位能手", ""),
    ("青年岗位能手", "共青团衡阳市委"),
    ("巾帼建功标兵", "衡阳市妇联"),
    ("最美逆行者", "衡阳市总工会"),
    ("优秀工会工作者", "衡阳市总工会"),
    ("工人先锋号", "衡阳市总工会"),
    ("抗疫先锋", ""),
    ("安全生产先进个人", "衡阳市应急管理局"),
]
LEVEL_WEIGHTS = [("national", 4), ("provincial", 14), ("municipal", 42), ("county", 28), ("other", 12)]

# -- deeds --------------------------------------------------------------------------------
DEED_OPENINGS = [
    "扎根基层{n}年，",
    "参加工作{n}年来，",
    "从一名普通工人成长为{role}，",
    "自{year}年进入{short}以来，",
    "新冠肺炎疫情发生后，",
    "面对突如其来的疫情，",
    "担任{role}期间，",
    "作为一名共产党员，",
    "{year}年春节期间，",
    "多年来，",
]
DEED_PHRASES = [
    "主动请缨奔赴抗疫一线",
    "连续奋战{n}天",
    "坚守岗位，舍小家为大家",
    "累计接诊患者{k}余人次",
    "带领团队攻克{tech}技术难题{n}项",
    "累计为企业创造经济效益{m}万元",
    "先后获得国家专利{n}项",
    "组织开展技能培训{n}期，培训职工{k}余人次",
    "积极参与脱贫攻坚工作，帮扶贫困户{n}户",
    "带领班组连续{n}年实现安全生产零事故",
    "牵头完成{tech}技术改造，年节约成本{m}万元",
    "深入社区开展防疫宣传，排查返乡人员{k}余人",
    "在发热门诊连续值守{n}个昼夜",
    "自发组织志愿者为一线工作者送去生活物资",
    "创新{tech}工艺，产品合格率提升到百分之九十九",
    "培养徒弟{n}人，其中{n2}人成为技术骨干",
    "冒着危险转运危重病人{n}名",
    "主动放弃休假，返回岗位参与疫情防控",
    "协调调运防疫物资{k}余件",
    "累计献血{k}毫升",
    "义务为乡亲们维修农机具{k}余台次",
    "坚持送教上门{n}年，帮助留守儿童完成学业",
    "把企业从濒临倒闭带到年产值{m}万元",
    "带头捐款捐物，帮助困难职工渡过难关",
    "在洪涝灾害中连续转移群众{k}余人",
    "深夜巡查线路，保障全县供电安全",
    "驻守隔离点{n}天，负责密切接触者的生活保障",
    "研发的{tech}设备填补了省内空白",
    "带领村民发展特色种植，户均年增收{m}千元",
    "坚守环卫岗位，每天清扫街道{n}公里",
    "先后{n}次参加援外医疗任务",
    "在抗洪抢险中奋战{n}个日夜，保住了大堤",
    "编写操作规程{n}册，被全省推广",
    "为复工复产企业提供上门服务{k}余次",
]
DEED_CLOSINGS = [
    "，受到群众广泛好评。",
    "，被誉为“{nick}”。",
    "，事迹被多家媒体报道。",
    "，用实际行动诠释了劳模精神。",
    "，为全市经济社会发展作出了突出贡献。",
    "，展现了新时代产业工人的风采。",
    "。",
    "，赢得了同事和患者的一致称赞。",
]
TECHS = [
    "数控加工",
    "焊接",
    "高压带电作业",
    "钢管热轧",
    "变压器绕组",
    "电缆挤出",
    "机油泵装配",
    "污水处理",
    "智能检测",
    "精密铸造",
    "病原检测",
    "重症救治",
    "配网自动化",
    "模具设计",
]
ROLES = ["技术骨干", "车间主任", "高级技师", "科室负责人", "村党支部书记", "首席技师", "护士长"]
NICKNAMES = [
    "焊花女王",
    "最美护士",
    "技术大拿",
    "铁人",
    "群众贴心人",
    "白衣战士",
    "金牌工匠",
    "老黄牛",
    "抗疫尖兵",
]

# -- donations ----------------------------------------------------------------------------
RECIPIENTS = [
    "衡阳市慈善总会",
    "衡阳市红十字会",
    "衡阳市总工会",
    "耒阳市总工会",
    "衡阳县人民医院",
    "南华大学附属第一医院",
    "湖北省武汉市",
    "衡南县疫情防控指挥部",
    "所在社区",
    "当地敬老院",
]
GOODS = [
    ("口罩", "只", 500, 100000),
    ("医用口罩", "只", 1000, 50000),
    ("消毒液", "瓶", 50, 5000),
    ("防护服", "套", 20, 2000),
    ("大米", "斤", 200, 20000),
    ("食用油", "桶", 20, 1000),
    ("蔬菜", "吨", 1, 50),
    ("方便面", "箱", 20, 1000),
    ("牛奶", "箱", 20, 2000),
    ("呼吸机", "台", 1, 10),
    ("防疫物品", "套", 1000, 130000),
    ("护目镜", "副", 50, 2000),
    ("体温枪", "把", 10, 500),
    ("酒精", "吨", 1, 20),
]

STATUS_WEIGHTS = [("active", 85), ("retired", 12), ("deceased", 3)]
CATEGORY_WEIGHTS = [
    ("model worker", 40),
    ("medical", 25),
    ("other trades", 25),
    ("donor", 8),
    ("collective", 2),
]


class _Weighted:
    """Draws from (value, weight) pairs in O(log n)."""

    def __init__(self, pairs: list[tuple[object, float]]) -> None:
        self.values = [v for v, _ in pairs]
        self.cumulative = list(accumulate(w for _, w in pairs))

    def __call__(self, rng: random.Random) -> object:
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_SURNAME = _Weighted([*SURNAMES, ("", 0.0)])
_ETHNICITY = _Weighted(ETHNICITIES)
_LEVEL = _Weighted(LEVEL_WEIGHTS)
_STATUS = _Weighted(STATUS_WEIGHTS)
_CATEGORY = _Weighted(CATEGORY_WEIGHTS)
_YEAR = _Weighted([(y, 1 + (y - 1985) ** 1.5 / 10) for y in range(1985, 2025)])


class RollGenerator:
    """Deterministic stream of synthetic honourees; `seed` picks the roll."""

    def __init__(self, seed: int = 2024) -> None:
        self.rng = random.Random(seed)
        counties = list(HENGYANG_COUNTIES)
        self.regions = _Weighted([(c, 8.0) for c in counties] + [(r, 1.0) for r in OTHER_HUNAN])

    # names -------------------------------------------------------------------------------
    def name(self) -> str:
        rng = self.rng
        surname = _SURNAME(rng)
        roll = rng.random()
        if roll < 0.08:
            given = rng.choice(GIVEN_COMMON_PAIRS)
        elif roll < 0.33:
            given = rng.choice(GIVEN_CHARS)
        else:
            given = rng.choice(GIVEN_CHARS) + rng.choice(GIVEN_CHARS)
        return f"{surname}{given}"

    # units -------------------------------------------------------------------------------
    def unit(self, region: str) -> tuple[str, str]:
        """(unit, kind), the kind choosing plausible positions."""
        rng = self.rng
        towns = HENGYANG_COUNTIES.get(region)
        town = rng.choice(towns) if towns else ""
        place = region if region.endswith(("县", "市", "州")) else "衡阳市"
        roll = rng.random()
        if roll < 0.12:
            return f"衡阳市{rng.choice(CITY_HOSPITALS)}", "hospital"
        if roll < 0.18:
            return rng.choice(UNIVERSITY_HOSPITALS), "hospital"
        if roll < 0.26:
            return f"{place}人民医院" if place != "衡阳市" else f"{region}人民医院", "hospital"
        if roll < 0.34 and town:
            return f"{region}{town}卫生院", "hospital"
        if roll < 0.52:
            brand = rng.choice(COMPANY_BRANDS)
            industry = rng.choice(INDUSTRIES)
            form = rng.choice(["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"])
            prefix = rng.choice(["湖南", "衡阳", "衡阳市", ""])
            return f"{prefix}{brand}{industry}{form}", "company"
        if roll < 0.62:
            return rng.choice(STATE_FIRMS), "company"
        if roll < 0.76:
            if town and rng.random() < 0.5:
                return f"{region}{town}{rng.choice(['中心小学', '中学', '中心幼儿园'])}", "school"
            return f"{place}第{rng.choice('一二三四五六七八九')}中学", "school"
        if roll < 0.9:
            level = place if rng.random() < 0.6 else "衡阳市"
            return f"{level}{rng.choice(BUREAUS)}", "bureau"
        if town:
            return f"{region}{town}人民政府", "town"
        return f"{region}总工会", "bureau"

    # honours -----------------------------------------------------------------------------
    def honour(self, region: str) -> Honour:
        rng = self.rng
        level = _LEVEL(rng)
        year = _YEAR(rng) if rng.random() < 0.9 else None
        if level == "national":
            title, body = rng.choice(NATIONAL)
        elif level == "provincial":
            title, body = rng.choice(PROVINCIAL)
        elif level == "municipal":
            title, body = rng.choice(MUNICIPAL)
        elif level == "county":
            county = region if region in HENGYANG_COUNTIES else rng.choice(list(HENGYANG_COUNTIES))
            title = f"{county}{rng.choice(COUNTY_TITLES)}"
            body = f"{county}{rng.choice(['人民政府', '总工会'])}"
        else:
            title, body = rng.choice(OTHER_HONOURS)
            if year and rng.random() < 0.5:
                title = f"{year}年度{title}"
        return Honour(title=title, level=str(level), year=year, awarded_by=body, posthumous=False)

    # deeds -------------------------------------------------------------------------------
    def _fill(self, template: str, short_unit: str) -> str:
        rng = self.rng
        return template.format(
            n=rng.randint(2, 30),
            n2=rng.randint(2, 12),
            k=rng.choice([300, 500, 800, 1200, 3000, 6000, 15000]),
            m=rng.choice([50, 120, 300, 860, 1200, 5000]),
            year=rng.randint(1988, 2020),
            tech=rng.choice(TECHS),
            role=rng.choice(ROLES),
            short=short_unit,
            nick=rng.choice(NICKNAMES),
        )

    def deed(self, unit: str) -> str:
        """One citation of 50–300 characters built from the phrases citations use."""
        rng = self.rng
        target = rng.randint(50, 300)
        short = unit[:8] or "单位"
        parts = [self._fill(rng.choice(DEED_OPENINGS), short)]
        length = len(parts[0])
        for template in rng.sample(DEED_PHRASES, len(DEED_PHRASES)):
            phrase = self._fill(template, short)
            if length + len(phrase) + 1 > target - 8 and length >= 50 - 12:
                break
            parts.append(phrase + "，")
            length += len(phrase) + 1
        text = "".join(parts).rstrip("，") + self._fill(rng.choice(DEED_CLOSINGS), short)
        if len(text) < 50:
            text += "始终把职工群众的冷暖放在心上，多次受到上级表彰。"
        return text[:300]

    # donations ---------------------------------------------------------------------------
    def donation(self) -> Donation:
        rng = self.rng
        recipient = rng.choice(RECIPIENTS)
        if rng.random() < 0.55:
            yuan = rng.choice([200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 500000, 1000000])
            return Donation(
                amount_fen=yuan * 100,
                recipient=recipient,
                date=f"2020-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}",
            )
        item, unit, low, high = rng.choice(GOODS)
        quantity = rng.randint(low, high)
        return Donation(
            item=item,
            quantity=quantity,
            quantity_unit=unit,
            recipient=recipient,
            date=f"2020-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}",
        )

    # one honouree ------------------------------------------------------------------------
    def honouree(self) -> Honouree:
        rng = self.rng
        region = str(self.regions(rng))
        unit, kind = self.unit(region)
        category = str(_CATEGORY(rng))
        if kind == "hospital" and rng.random() < 0.7:
            category = "medical"
        elif kind != "hospital" and category == "medical":
            category = "model worker" if rng.random() < 0.6 else "other trades"
        status = str(_STATUS(rng))
        name = self.name()
        gender = "女" if rng.random() < 0.42 else "男"
        if category == "collective":
            name = f"{unit}{rng.choice(['援鄂医疗队', '抗疫突击队', '青年突击队', '技术攻关小组', '班组'])}"
            gender = ""
        honours = [self.honour(region) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
        if status == "deceased" and rng.random() < 0.3:
            honours[0].posthumous = True
        deeds = [Deed(text=self.deed(unit)) for _ in range(rng.choice([1, 1, 1, 2]))]
        donations = []
        if category == "donor" or rng.random() < 0.07:
            donations = [self.donation() for _ in range(rng.choice([1, 1, 2]))]
        birth_year = rng.randint(1950, 1998)
        return Honouree(
            name=name,
            gender=gender,
            birth_date=str(birth_year) if rng.random() < 0.6 else "",
            age="" if rng.random() < 0.8 else f"{2020 - birth_year}岁",
            ethnicity=str(_ETHNICITY(rng)) if rng.random() < 0.7 else "",
            unit=unit,
            position=rng.choice(POSITIONS_BY_KIND[kind]),
            region=region,
            category=category,
            status=status,
            notes=""
            if rng.random() < 0.8
            else rng.choice(
                [
                    "事迹材料由单位工会提供。",
                    "因公殉职。",
                    "已退休，返聘从事技术指导。",
                    "报道中称其为“拼命三郎”。",
                ]
            ),
            source=Source(report="synthetic", sentence=""),
            honours=honours,
            deeds=deeds,
            donations=donations,
        )

    def roll(self, n: int) -> Iterator[Honouree]:
        for _ in range(n):
            yield self.honouree()


# -- photos -------------------------------------------------------------------------------


def portrait_jpeg(index: int, size: tuple[int, int] = (240, 320)) -> bytes:
    """A small Pillow-drawn portrait (coloured backdrop, head, shoulders) as JPEG bytes."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(index)
    width, height = size
    backdrop = (rng.randint(90, 220), rng.randint(120, 230), rng.randint(150, 250))
    image = Image.new("RGB", size, backdrop)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 4):  # soft vertical gradient, like a studio backdrop
        shade = tuple(max(0, c - y // 8) for c in backdrop)
        draw.rectangle([0, y, width, y + 4], fill=shade)
    skin = (rng.randint(200, 240), rng.randint(160, 200), rng.randint(130, 170))
    cloth = (rng.randint(10, 80), rng.randint(10, 80), rng.randint(40, 120))
    draw.ellipse([width * 0.1, height * 0.62, width * 0.9, height * 1.3], fill=cloth)
    draw.ellipse([width * 0.3, height * 0.18, width * 0.7, height * 0.62], fill=skin)
    draw.ellipse([width * 0.28, height * 0.12, width * 0.72, height * 0.32], fill=(30, 25, 20))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


# -- writing a roll to a registry file --------------------------------------------------------


@dataclass
class BuiltRoll:
    path: Path
    size: int
    seconds_rows: float
    seconds_index: float


def index_fingerprint() -> str:
    """Changes with the generator, the schema or the index format, so cached files are rebuilt.

    (A stale index would not go unnoticed anyway: the runner checks results against a scan.)
    """
    from honours.core.sqlite.indexing import INDEX_FORMAT

    core = Path(__file__).resolve().parents[1] / "honours" / "core"
    digest = hashlib.sha1(f"generator-{GENERATOR_VERSION}-index-{INDEX_FORMAT}".encode())
    digest.update((core / "sqlite" / "schema.py").read_bytes())
    return digest.hexdigest()[:10]


def cached_path(n: int) -> Path:
    return DATA_DIR / f"roll-{n}-{index_fingerprint()}.sqlite"


def write_rows(
    registry, records: Iterator[Honouree], n: int, photo_share: float = PHOTO_SHARE, seed: int = 2024
) -> list[int]:
    """Insert records in bulk (inside the caller's transaction); returns the new ids.

    Test-data loading only: the app itself writes through Registry verbs.
    """
    from honours.core.photos import prepare_photo

    conn = registry.conn
    rng = random.Random(seed + 1)
    prepared = [prepare_photo(portrait_jpeg(i), f"portrait-{i}.jpg") for i in range(DISTINCT_PHOTOS)]
    stamp = "2024-01-01T09:00:00+08:00"
    start = conn.execute("SELECT coalesce(max(id), 0) FROM honouree").fetchone()[0] + 1
    ids = list(range(start, start + n))
    batch: list[tuple[int, Honouree]] = []

    def flush() -> None:
        conn.executemany(
            "INSERT INTO honouree (id, name, gender, birth_date, age, ethnicity, unit, position, region,"
            " category, status, notes, source_report, source_sentence, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    h.name,
                    h.gender,
                    h.birth_date,
                    h.age,
                    h.ethnicity,
                    h.unit,
                    h.position,
                    h.region,
                    h.category,
                    h.status,
                    h.notes,
                    h.source.report,
                    h.source.sentence,
                    stamp,
                    stamp,
                )
                for i, h in batch
            ],
        )
        conn.executemany(
            "INSERT INTO honour (honouree_id, position, title, level, year, awarded_by, posthumous)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (i, p, o.title, o.level, o.year, o.awarded_by, int(o.posthumous))
                for i, h in batch
                for p, o in enumerate(h.honours)
            ],
        )
        conn.executemany(
            "INSERT INTO deed (honouree_id, position, text) VALUES (?, ?, ?)",
            [(i, p, d.text) for i, h in batch for p, d in enumerate(h.deeds)],
        )
        conn.executemany(
            "INSERT INTO donation (honouree_id, position, amount_fen, item, quantity, quantity_unit,"
            " recipient, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i, p, d.amount_fen, d.item, d.quantity, d.quantity_unit, d.recipient, d.date)
                for i, h in batch
                for p, d in enumerate(h.donations)
            ],
        )
        for i, _ in batch:
            if rng.random() < photo_share:
                photo = prepared[rng.randrange(len(prepared))]
                cursor = conn.execute(
                    "INSERT INTO photo (honouree_id, position, caption, is_primary, width, height, mime,"
                    " original_name, created_at) VALUES (?, 0, '工作照', 1, ?, ?, ?, ?, ?)",
                    (i, photo.width, photo.height, photo.mime, photo.original_name, stamp),
                )
                conn.execute(
                    "INSERT INTO photo_data (photo_id, original, display, thumbnail) VALUES (?, ?, ?, ?)",
                    (cursor.lastrowid, photo.original, photo.display, photo.thumbnail),
                )
        batch.clear()

    for honouree_id, honouree in zip(ids, records, strict=False):
        batch.append((honouree_id, honouree))
        if len(batch) >= 2000:
            flush()
    flush()
    return ids


def build_roll(
    path: Path, n: int, seed: int = 2024, progress: Callable[[int, int], None] | None = None
) -> BuiltRoll:
    """A new registry file holding `n` synthetic honourees, indexed by the real code."""
    from honours.core import Registry
    from honours.core.sqlite.indexing import reindex_all

    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    registry = Registry.open(path)
    try:
        started = time.perf_counter()
        with registry.atomic():
            write_rows(registry, RollGenerator(seed).roll(n), n, seed=seed)
        rows_done = time.perf_counter()
        with registry.atomic():
            reindex_all(registry.conn, progress)
        index_done = time.perf_counter()
        registry.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        registry.conn.execute("ANALYZE")
    finally:
        registry.close()
    return BuiltRoll(path, n, rows_done - started, index_done - rows_done)


def ensure_roll(n: int, seed: int = 2024, log: Callable[[str], None] | None = None) -> Path:
    """The cached registry file of `n` honourees, generated on first use."""
    path = cached_path(n)
    if path.exists():
        return path
    for stale in DATA_DIR.glob(f"roll-{n}-*.sqlite*"):
        stale.unlink()
    tmp = path.with_name(path.name + ".building")
    say = log or (lambda text: print(text, file=sys.stderr))
    say(f"generating a synthetic roll of {n:,} honourees (cached in {DATA_DIR}) …")
    built = build_roll(tmp, n, seed)
    say(f"  rows {built.seconds_rows:.1f} s, index {built.seconds_index:.1f} s")
    shutil.move(tmp, path)
    return path
