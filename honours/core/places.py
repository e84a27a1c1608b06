"""Place names and the level of an honour they imply (全国 / 省 / 市 / 县).

Used by the title levels (``titles.py``) and by report intake to read units and regions.

Why a table of prefecture-level cities: "耒阳市劳动模范" and "衡阳市劳动模范" look alike, but
耒阳 is a county-level city, so its honour is county level. China has about 300
prefecture-level cities and nearly 400 county-level ones; listing every prefecture lets any
other ``X市`` be read as county level, which is right for unseen reports from any
province. Hunan's county-level cities are also listed by name, because reports there
often drop the 市 (耒阳龙腾公司).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Level
from .vocabulary import LEVELS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PROVINCES: frozenset[str] = _words(
    "河北 山西 内蒙古 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 四川 贵州"
    " 云南 西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门"
)
# Counties whose name is one character before 县 (赣县, 沛县, 叶县, 彬县): the pattern for places
# wants two, so these are listed. 和县 and 代县 are left out: 和县委 and 代县长 are far more often
# "and the county committee" and "acting county head".
ONE_CHARACTER_COUNTIES: frozenset[str] = frozenset(
    "赣沛萧泾黟歙祁应易献蠡滑杞睢郏叶范莘冠单曹费眉凤礼岷澧攸吉隰蔚徽文漳寿岚兴盂绛户彬乾陇"
)
# Provinces that are autonomous regions: there 全区 is the whole region, a province, not a district.
AUTONOMOUS_REGIONS: frozenset[str] = _words("内蒙古 广西 西藏 宁夏 新疆")
# Direct-controlled municipalities: their "市" honours are provincial level.
MUNICIPALITIES: frozenset[str] = _words("北京 天津 上海 重庆")
# Literary names of provinces used in honour titles (芙蓉工匠, 齐鲁工匠, 三湘楷模 ...).
PROVINCE_NICKNAMES: frozenset[str] = _words(
    "三湘 芙蓉 湖湘 潇湘 荆楚 齐鲁 燕赵 三晋 八闽 岭南 南粤 巴蜀 天府 江淮 中原 关东 陇原 黔 滇 赣鄱 八桂"
    " 之江 三秦 巴渝 云岭 天山 龙江 津门 海河 塞上 雪域 首都"
)
PREFECTURE_CITIES: frozenset[str] = _words(
    # 河北 山西 内蒙古
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州"
    " 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布"
    # 辽宁 吉林 黑龙江
    " 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 吉林 四平 辽源 通化 白山 松原"
    " 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化"
    # 江苏 浙江 安徽
    " 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州"
    " 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城"
    # 福建 江西 山东
    " 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南"
    " 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽"
    # 河南 湖北 湖南
    " 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰"
    " 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化"
    " 娄底"
    # 广东 广西 海南
    " 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮"
    " 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 三沙 儋州"
    # 四川 贵州 云南 西藏
    " 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水"
    " 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 那曲"
    # 陕西 甘肃 青海 宁夏 新疆
    " 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳"
    " 定西 陇南 西宁 海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密"
    # 济源 is governed by its province at prefecture level; 莱芜, 巢湖, 襄樊 and 思茅 are older
    # reports' names of prefectures since merged or renamed
    " 济源 莱芜 巢湖 襄樊 思茅"
)
# Autonomous prefectures and leagues usually written with their suffix (恩施州, 湘西州).
PREFECTURE_SUFFIXES: tuple[str, ...] = ("自治州", "地区", "州", "盟")
HUNAN_COUNTY_CITIES: frozenset[str] = _words(
    "浏阳 宁乡 醴陵 湘乡 韶山 耒阳 常宁 武冈 邵东 汨罗 临湘 津市 沅江 资兴 洪江 冷水江 涟源 吉首"
)
# A few county-level cities elsewhere that are often in the news, as a check on the heuristic.
OTHER_COUNTY_CITIES: frozenset[str] = _words(
    "义乌 昆山 江阴 张家港 常熟 晋江 石狮 福清 慈溪 余姚 诸暨 乐清 瑞安 温岭 海宁 桐乡 宜兴 溧阳 丹阳 仪征"
    " 寿光 青州 胶州 平度 龙口 荣成 即墨 邹城 新泰 滕州 曲阜 巩义 新郑 登封 禹州 长葛 汉川 仙桃 潜江 天门"
    " 枝江 宜都 当阳 大冶 麻城 武穴 恩施 利川 都江堰 彭州 邛崃 崇州 简阳 峨眉山 阆中 华蓥 仁怀 赤水 清镇"
    " 凯里 都匀 兴义 大理 个旧 开远 景洪 瑞丽 芒市 格尔木 德令哈 库尔勒 阿克苏 喀什 和田 伊宁 奎屯 石河子"
    " 满洲里 二连浩特 锡林浩特 乌兰浩特 霍林郭勒 瓦房店 庄河 海城 凤城 东港 北票 凌源 公主岭 梅河口 珲春"
    " 延吉 图们 敦化 五常 尚志 绥芬河 虎林 同江 北安 五大连池 井冈山 瑞金 南康 乐平 贵溪 樟树 丰城 高安"
    " 增城 从化 台山 开平 鹤山 恩平 廉江 雷州 吴川 高州 化州 信宜 四会 兴宁 陆丰 阳春 英德 连州 普宁 罗定"
    " 北流 桂平 岑溪 东兴 凭祥 合山 靖西 琼海 文昌 万宁 东方 五指山 迁安 遵化 武安 定州 涿州 辛集 任丘 黄骅"
    " 河间 霸州 三河 介休 孝义 汾阳 高平 原平 侯马 霍州 古交 永济 河津"
)
COUNTY_LEVEL_CITIES: frozenset[str] = HUNAN_COUNTY_CITIES | OTHER_COUNTY_CITIES
# City names that also begin well-known names of things elsewhere: 东方电气 and 东方航空 are not in
# 东方市, 瑞金医院 is in Shanghai, 大理石 is marble, 井冈山大学 is in 吉安, 朝阳医院 is in Beijing,
# 凤城 is also Yinchuan's literary name (凤城工匠).
# They are read as places only when written with their suffix (东方市, 瑞金市, 朝阳市).
CITY_NAMES_ALSO_WORDS: frozenset[str] = _words("东方 瑞金 大理 井冈山 朝阳 凤城")
_CITY_STEMS_BY_FIRST: dict[str, list[str]] = {}  # longest first, looked up by the character at hand
for _stem in sorted(PREFECTURE_CITIES | COUNTY_LEVEL_CITIES, key=len, reverse=True):
    _CITY_STEMS_BY_FIRST.setdefault(_stem[0], []).append(_stem)

NATIONAL_PREFIXES: tuple[str, ...] = (
    "中华全国总工会",
    "中共中央",
    "国务院",
    "中央和国家机关",
    "中央国家机关",
    "全国",
    "中国",
    "国家级",
    "国家",
    "中华",
    "全总",
    "中央",
    "共和国",
)
GROUP_PREFIXES: dict[str, str] = {
    "全省": "provincial",
    "全市": "municipal",
    "全县": "county",
    "全区": "county",
}
# A level word before a title (省级, 市厅级, 区级 …): the Chinese words of the one vocabulary
# (vocabulary.py; national ones are NATIONAL_PREFIXES), and the divisions 州 and 旗.
LEVEL_WORDS: dict[str, str] = {
    **{
        word: term.key
        for term in LEVELS
        if term.key not in (Level.NATIONAL.value, Level.OTHER.value)
        for word in (term.zh, *term.aliases)
        if re.fullmatch(r"[\u4e00-\u9fff]+", word)
    },
    "州": Level.MUNICIPAL.value,
    "旗": Level.COUNTY.value,
}
_NOT_DISTRICT_BEFORE = set("社小园景城片辖街营库矿林病校厂战务专功灾疫分院")
_NOT_CITY_BEFORE = set("超城都门夜集菜股上开黑闹街花")
_HAN = r"[\u4e00-\u9fff]"
_PLACE_RE = re.compile(rf"({_HAN}{{2,6}}?)(自治区|自治州|自治县|省|市|县|区|州|盟|旗|镇|乡|街道)")


@dataclass(frozen=True)
class Place:
    """A place name at some position, with the honour level it implies."""

    name: str  # as written, with its suffix: 耒阳市, 南岳区, 湖南省
    level: str  # Level value
    county_level: bool
    start: int
    end: int
    reason: str = ""


def classify_city(stem: str, context: str = "") -> tuple[str, str]:
    """Level of ``stem + 市`` and why: municipalities are provincial, prefectures municipal, the rest county.

    `context` is the surrounding sentence: "县级X市" or "X市（县级）" there forces county level.
    """
    if stem in MUNICIPALITIES:
        return Level.PROVINCIAL.value, "municipality directly under the central government"
    if stem in COUNTY_LEVEL_CITIES:
        return Level.COUNTY.value, "county-level city (table)"
    if context and (f"县级{stem}" in context or re.search(re.escape(stem) + r"市?[（(]县级", context)):
        return Level.COUNTY.value, "the report calls it county-level"
    if stem in PREFECTURE_CITIES:
        return Level.MUNICIPAL.value, "prefecture-level city (table)"
    return Level.COUNTY.value, "not a prefecture-level city, so county-level"


def place_at(text: str, start: int = 0, context: str = "") -> Place | None:
    """The place name beginning at `start` (湖南省, 衡阳市, 耒阳市, 南岳区, 衡阳县, 恩施州), if any."""
    for municipality in MUNICIPALITIES:
        if text.startswith(municipality, start):
            end = start + len(municipality)
            if text.startswith("市", end):
                end += 1
            return Place(text[start:end], Level.PROVINCIAL.value, False, start, end, "municipality")
    for province in PROVINCES:
        if text.startswith(province, start):
            end = start + len(province)
            for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省"):
                if text.startswith(suffix, end):
                    end += len(suffix)
                    break
            # 吉林市 is a city, not the province
            if text.startswith("市", end):
                break
            return Place(text[start:end], Level.PROVINCIAL.value, False, start, end, "province")
    if (
        text[start : start + 1] in ONE_CHARACTER_COUNTIES
        and text.startswith("县", start + 1)
        and not text.startswith(("长", "委"), start + 2)  # 叶县长 is county head 叶
    ):
        return Place(text[start : start + 2], Level.COUNTY.value, True, start, start + 2, "county")
    m = _PLACE_RE.match(text, start)
    if m:
        stem, suffix = m.group(1), m.group(2)
        if suffix in ("省", "自治区") or (suffix == "区" and stem.endswith("自治")):
            return None  # provinces are known by name (above); "赵六和省…", "请自治区…" are not one
        if suffix == "市" and stem[-1] not in _NOT_CITY_BEFORE and len(stem) <= 4 and _plausible_stem(stem):
            level, why = classify_city(stem, context)
            return Place(m.group(0), level, level == Level.COUNTY.value, start, m.end(), why)
        if suffix in ("州", "自治州", "盟") and len(stem) <= 4 and _plausible_stem(stem):
            return Place(m.group(0), Level.MUNICIPAL.value, False, start, m.end(), "prefecture")
        if (
            suffix in ("县", "自治县", "旗")
            and len(stem) <= 5
            and _plausible_stem(stem)
            and not (suffix == "旗" and stem.endswith("红"))
        ):  # 三八红旗手, 五四红旗团委: a flag
            return Place(m.group(0), Level.COUNTY.value, True, start, m.end(), "county")
        if (
            suffix == "区"
            and len(stem) <= 4
            and stem[-1] not in _NOT_DISTRICT_BEFORE
            and _plausible_stem(stem)
        ):
            return Place(m.group(0), Level.COUNTY.value, True, start, m.end(), "district")
        if suffix == "镇" and text.startswith("市", m.end()) and len(stem) <= 3 and _plausible_stem(stem):
            # 景德镇市: a city whose name ends in 镇, not a town
            level, why = classify_city(m.group(0), context)
            return Place(m.group(0) + "市", level, level == Level.COUNTY.value, start, m.end() + 1, why)
        if (
            suffix in ("镇", "乡", "街道")
            and len(stem) <= 4
            and _plausible_stem(stem)
            and not text.startswith(("村", "镇"), m.end())
        ):  # 优秀乡村医生, 乡镇干部: not a town
            return Place(m.group(0), Level.OTHER.value, False, start, m.end(), "town")
    for stem in _CITY_STEMS_BY_FIRST.get(text[start : start + 1], ()):
        if text.startswith(stem, start):
            end = start + len(stem)
            for suffix in PREFECTURE_SUFFIXES:
                if text.startswith(suffix, end):
                    return Place(
                        text[start : end + len(suffix)],
                        Level.MUNICIPAL.value,
                        False,
                        start,
                        end + len(suffix),
                        "prefecture",
                    )
            if stem in CITY_NAMES_ALSO_WORDS:
                continue
            level, why = classify_city(stem, context)
            return Place(stem, level, level == Level.COUNTY.value, start, end, why)
    return None


_NOT_IN_PLACE = set("的了在是和与及或等各全本该每为对向从把被将到于以之其")


def _plausible_stem(stem: str) -> bool:
    return not any(ch in _NOT_IN_PLACE for ch in stem)


def places_from(text: str, start: int = 0, context: str = "") -> list[Place]:
    """Successive place names from `start` (湖南省衡阳市南岳区 → three places)."""
    found: list[Place] = []
    position = start
    while position < len(text):
        place = place_at(text, position, context)
        if place is None:
            break
        found.append(place)
        position = place.end
    return found


def county_region(unit: str) -> str:
    """The county-level region (county, district, county-level city) named at the start of the unit.

    The roll's regions are the counties and districts within a city: 衡阳县东湖镇… → 衡阳县,
    株洲市荷塘区… → 荷塘区, and a bare county-level city gets its 市 (耒阳龙腾公司 → 耒阳市).
    A unit named only by its prefecture (衡阳电视台, 衡阳市中心医院) has no region; towns are not regions.
    """
    best = ""
    for place in places_from(unit):
        if place.level == Level.OTHER.value:
            break
        if not place.county_level:
            continue  # provinces and prefecture-level cities are wider than a region of the roll
        name = place.name
        if place.county_level and not name.endswith(("市", "县", "区", "旗")):
            name += "市"
        best = name
    return best


def home_city(text: str) -> str:
    """The prefecture a report is about: the prefecture-level city it names most often (at least twice)."""
    counts: dict[str, int] = {}
    for city in PREFECTURE_CITIES:
        n = text.count(city)
        if n:
            counts[city] = n
    if not counts:
        return ""
    city, n = max(counts.items(), key=lambda item: (item[1], len(item[0])))
    return city if n >= 2 else ""
