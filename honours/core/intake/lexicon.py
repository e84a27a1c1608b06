"""Dictionaries the report parser reads Chinese news reports with.

Why hand-made word lists and not a statistical segmenter: reports on model workers and
donors are written in a narrow, formulaic register ("全国劳动模范、XX公司董事长张三捐赠50万元"),
the office must be able to see and extend what the parser knows, and no network service
or large model may be used. All words are in Simplified script; Traditional reports are
converted before they are read (see ``text.py``).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def longest_first(words: frozenset[str] | set[str]) -> list[str]:
    """Alternation order for regexes: the longest word must win (副总经理 before 经理)."""
    return sorted(words, key=lambda w: (-len(w), w))


# -- surnames ------------------------------------------------------------------------------
# The common single-character surnames (roughly the 400 most frequent), then the compound ones.
SURNAMES: frozenset[str] = frozenset(
    "丘寻竺郇乜訚矫母雒弋谯笪隗禚郗訾厍羿宓郦庾王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原"
    "栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计"
    "索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕"
    "危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由粱旷伏阳黎第"
    "赖洪钮鄂钦荀蒯缑庹凤昌汝汲缴"
)
COMPOUND_SURNAMES: frozenset[str] = _words(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 端木 长孙 宇文 司徒 西门 南宫 独孤 百里"
    " 呼延 轩辕 澹台 申屠 太史 闻人 万俟 钟离 宗政 濮阳 公冶 公羊 赫连 拓跋 第五 梁丘 左丘 东郭 仲孙"
    " 司空 鲜于 闾丘 乐正 漆雕 巫马 亓官 段干 百里 南门 羊舌 微生 梁丘 谷梁 拓拔"
)
# Surnames that are also everyday words at the head of a clause (于是, 全市, 向前 ...): a
# name starting with one of them is believed only where the context says "a name comes here".
AMBIGUOUS_SURNAMES: frozenset[str] = frozenset(
    "于全向时和明海花平国来都但由信元强利公门干计支相初位原乐官谈封满权盘区练战印危富展智幸植闭"
    "居揭那修宿母阿普容敬丰巴祖盖豆帅楼皮劳储班惠麻查池商师边应宗席费宫党景连项车简古司农阳解管"
    "路成单关包甘左符纪季曲常安齐易万任方余云文第凤昌汝汲缴"
)

# Characters that do not occur in given names in news reports (function words, units,
# administrative suffixes, digits are rejected separately).
NON_NAME_CHARS: frozenset[str] = frozenset(
    "的了着过们这那些么什哪谁您你我他她它年日号时分秒省市县区镇乡村街路局厅处科室部院校厂矿司"
    "会委队组站所馆社团等被把将对从向给让使与及或而但且则因于以在是无不没也都还又已曾就"
    "便即乃之其此该每各个名位次余共约近第届度亿百十零并称获授评捐赠款物件只套箱"
    "说讲看慰问陪带任职务员师工务作等"
)

# Two- and three-character words that start with a surname character and open clauses or
# follow titles in reports; a "name" equal to (or starting with) one of them is refused.
COMMON_WORDS: frozenset[str] = _words(
    "揭晓 揭幕 宣读 宣布 同时 同志 同事 肖像 一线 同样 同期 同步 同心 同舟 高度 高位 高效 高温 高速 高层 高新 高铁 高级 齐聚 齐心 素质 全市 全省 全县 全区 全国 全州 全镇 全乡 全村 全旗 全盟"
    " 全体 全员 全面 全力 全部 全程 全天 全年 全球 全心 全身 方面 方式 方案 方向 方便 方法 方舱 常务 常态 常规"
    " 常见 常年 常委 党员 党组 党委 党支 党中 党建 党政 党总 党的 向前 向着 于是 时间 时期 时候 时刻 时代 文件"
    " 文明 文化 文字 文艺 明确 明显 明天 明年 安全 安排 安置 安心 安徽 任务 任何 任职 万元 万只 万套 万人 万余"
    " 余名 余人 余额 余家 余万 成立 成长 成熟 成就 成效 成型 成为 成功 成员 成果 成绩 成本 关于 关心 关爱 关键 关注 关怀 原因 原则 原来"
    " 原本 平台 平安 平时 平均 宁静 宁夏 宁乡 和谐 易感 金额 金融 石油 白天 白衣 白色 江南 江西 江苏 黄金 黄冈"
    " 马上 龙头 何时 程序 程度 严格 严防 严控 严禁 严重 严密 钱款 钱财 包括 包装 包含 单位 单元 单独 应对 应急"
    " 应该 应当 齐心 周边 周末 周围 周到 曾经 董事 杜绝 范围 陆续 付出 雷锋 雷神 史上 温度 温暖 温馨 康复 施工"
    " 安装 齐全 章程 岳阳 申请 申报 焦点 左右 尚未 符合 纪律 纪念 纪委 凌晨 毕业 季度 苗头 盛情 路上 路段 路口"
    " 游客 辛苦 管理 管控 管道 华菱 华侨 祁东 房屋 解决 解放 解读 尤其 阳光 阳性 阴性 农民 农村 农产 农业 司机"
    " 司法 卓越 车辆 车间 车站 项目 连续 连线 连心 连日 娄底 景区 费用 冷链 卫生 卫健 宗旨 师傅 师生 商户 商场"
    " 商业 荣获 荣誉 荣耀 巩固 查找 查看 麻烦 官方 封闭 封控 惠民 乐观 南岳 南华 南方 班子 储备 劳动 劳模 劳务"
    " 楼道 盘点 满足 闻讯 位于 区域 海报 海外 花费 权益 强化 强调 祖国 丰富 支持 支援 支部 国家 国内 国际 国务"
    " 国有 国企 计划 宣传 宣讲 相关 相继 初步 门口 门诊 云端 容易 敬业 来自 来到 都是 普通 薄弱 修建 宿舍 印发"
    " 隆重 诸多 战斗 战胜 战疫 战士 危险 银行 公司 公众 公安 公益 公开 公交 公共 公园 呼吁 居民 干部 干警 但是"
    " 信息 展开 智慧 幸福 奉献 由于 武汉 武警 邵阳 邵东 常德 常宁 洪水 许多 许可 郑州 苏州 沈阳 兰州 成都 杭州"
    " 宁波 包头 温州 邢台 桂林 衡阳 衡东 衡南 衡山 衡水 曲靖 玉林 银川 湛江 揭阳 信阳 惠州 荆州 荆门 池州 宿迁"
    " 戴口 孔明 闭环 利用 应用 谷雨 段落 黎明 顾不 凌云 孙子 先后 先进 第一 第二 第三 第四 第五 第六 第七 第八 第九"
    " 第十 第几 都能 祝贺 祝福 祝愿"
    # verbs of holding events, never a given name: 产业园区举行 is no 区举行
    " 举行 举办 召开 开展"
    # words of a report's headline or a ceremony: 劳动奖公布 / 应邀参加 / 劳模宣言 / 工会组金奖
    " 公布 应邀 宣言 金奖"
)

# -- words that may directly follow a name --------------------------------------------------
# A strong follower settles where a name ends: 谷井文|带领, 白云|带病, 宋英杰|家属.
NAME_FOLLOWERS: frozenset[str] = _words(
    "同志 老同志 等人 等同志 先生 女士 师傅 老师 医生 大夫 教授 院士 一行 一家 夫妇 本人 个人 家属 家人 家中 家里"
    " 妻子 丈夫 儿子 女儿 父亲 母亲 爱人 带领 带着 带病 带头 带队 捐赠 捐款 捐助 捐献 捐出 捐资 捐物 荣获"
    " 获得 获评 先后 曾经 曾获 一直 每天 每日 不分 不顾 不仅 始终 坚持 坚守 主动 积极 自发 自费 自掏 身先士卒"
    " 第一时间 连续 同样 放弃 义无反顾 毅然 率先 亲自 多次 立即 迅速 依然 仍然 默默 通过 利用 组织 发动"
    " 购买 出资 当选 担任 现任 来到 深入 看望 慰问 陪同 主持 出席 指导 调研 检查 讲话 指出 强调 要求 表示"
    " 介绍 告诉 坦言 年仅 今年 现年 出生 生于 作为 同年 所在 所带 所在的 率领 全程 冲锋 奋战 逆行 驰援 挺身"
    " 无偿 慷慨 踊跃 热心 用实际 用行动 用自己 是一名 是位 是个 因公 不幸 生前 于是 被授予 被评为 被誉为"
    " 累计 共计 再次 带头 个人捐 自己 拿出 掏出 向社会 向灾区 分别 同样 联合 历时 扎根 坚持 常年 长期"
    " 传达 通报 汇报 宣读 回顾 总结 部署 安排 解读 领学 作了 做了 发表 致辞 参加 出席 走访 考察 检查 督导 前往"
    " 日前 昨天 昨日 今天 今日 近日 近期 前不久 当天 当日 去年 多年来 回到 返回 走进 走上 亲切 正在 刚刚 已经 结合 凭借"
    " 到 赴 去 来 第一 最先 最早 早早 总是 经常 常常 每次 从不 曾在 现在 目前 今年以来"
    " 代表 及其 共同 激动 感慨 感叹 赞不绝口 赞叹 称赞 笑着 感动 动情 深情 高兴 老人 很 非常 十分 特别 连声 拉着 握着 一起 参观 发言 讲述 回忆 展示 分享 讲解 演示"
    " 被称为 获得者 得主 在岗 在抗 在疫 在家 赶赴 奔赴 坚定 克服 顾不上 舍小家 主持召开 接受 表彰 荣登 入选 送上 送去 送来 赠送 献上 致以 发放 颁发 颁奖 作表态 作交流 作典型 作经验 作主题 资助 帮助 帮扶 照顾 关心 关爱 培养 传授"
    " 分别 均 各 也 还 都 又 已 就 在 是 于 从 为 向 对 把 将 被 与 和 及 的 说 称 任 因 自 用 以 把 给 让"
    " 等 曾 更 却 便 才 则 即 再 并 同 家 一 不 每 带 身 手 脚 心 年 现 男 女 （ ( ， , 、 。 ； ; ： : ！ ？"
    ' “ ” 」 「 ‘ ’ " ) ） 》 《 … — - · \n'
)
# Single characters that end a name reading when they would be its last character
# (王芳在 → 王芳 + 在): they rarely end given names.
FUNCTION_CHARS: frozenset[str] = frozenset(
    "在是等的和与被把将从向对也都还就已说了同每不带任因于为更却便才则即再并又均各给让用以自"
)

# -- honour titles -------------------------------------------------------------------------
# Cores that make a title on their own once a level prefix or modifier is attached.
STRONG_TITLE_CORES: frozenset[str] = _words(
    "“五一”劳动奖章 “五一”劳动奖状 “五一”巾帼奖 “三八”红旗手 “五四”青年奖章"
    " 五一劳动奖章 五一奖章 劳动奖章 模范劳工 五一巾帼奖 五一巾帼标兵 劳动模范 劳模 先进工作者 先进生产者 先进生产(工作)者 先进生产（工作）者 先进个人 三八红旗手标兵 三八红旗手"
    " 巾帼建功标兵 巾帼标兵 青年五四奖章 五四青年奖章 优秀共产党员 优秀党务工作者 优秀共青团员 优秀团干部 优秀党员"
    " 道德模范 技术能手 岗位能手 青年岗位能手 技能大师 工艺美术大师 陶瓷艺术大师 首席技师 大国工匠年度人物 大国工匠 时代楷模 人民楷模 最美逆行者 最美奋斗者"
    " 抗疫英雄 见义勇为英雄 见义勇为模范 见义勇为先进个人 助人为乐模范 敬业奉献模范 诚实守信模范 孝老爱亲模范 模范人民警察"
    " 白求恩奖章 南丁格尔奖章 杰出青年 青年五四奖 最美家庭 优秀农民工 抗疫先锋 学雷锋标兵 优秀志愿者"
    " 最美志愿者 服务标兵 岗位标兵 技术标兵 业务标兵 优秀教师 模范教师 优秀班主任 优秀校长 优秀医生 优秀护士"
    " 优秀企业家 优秀新闻工作者 优秀工作者 劳动英雄 优秀人才 拔尖人才 突出贡献专家 模范共产党员"
    " 五一劳动奖 工匠 三八红旗手称号 好人 好医生 好护士 好警察 好老师 好教师 好司机 好青年 好媳妇 好儿媳"
    " 好军嫂 好支书 好村官 好干部 好法官 好工匠 好榜样 楷模 英雄 模范 标兵 能手 巧匠 名匠 先锋 工匠人才 人物"
    " 年度人物 勋章 奖章 突击手 带头人 领军人才 个人一等功 个人二等功 个人三等功 一等功 二等功 三等功"
)
# Cores that are a title only with a place/level prefix, quotes, or an award verb before them
# (a bare 英雄 / 好人 / 模范 in running text is just a word).
WEAK_TITLE_CORES: frozenset[str] = _words(
    "好人 好医生 好护士 好警察 好老师 好教师 好司机 好青年 好媳妇 好儿媳 好军嫂 好支书 好村官 好干部 好法官"
    " 好工匠 好榜样 楷模 英雄 模范 标兵 能手 巧匠 名匠 先锋 工匠 人物 年度人物 勋章 奖章 突击手 带头人 工匠人才"
    " 领军人才 优秀人才 拔尖人才 劳动英雄"
)
# Honours given to a unit or team, not a person: proposed as collectives when credited.
COLLECTIVE_TITLE_CORES: frozenset[str] = _words(
    "五一劳动奖状 劳动奖状 先进集体 工人先锋号 青年文明号 巾帼文明岗 三八红旗集体 先进单位 模范集体 先进基层党组织"
    " 五四红旗团委 五四红旗团支部 示范岗 模范职工之家 文明单位 先进班组"
)
# Cores that make a collective's title only at its end: a studio (…劳模创新工作室) is its team's,
# but 技能大师工作室领办人 is the person who leads it.
COLLECTIVE_TITLE_ENDINGS: tuple[str, ...] = ("工作室",)
# Open patterns (regex fragments) for the many 优秀X / 最美X / 十佳X / 感动X人物 titles.
OPEN_TITLE_PATTERNS: tuple[str, ...] = (
    (
        r"(?:优秀|杰出|十佳|十大|最美|模范)[\u4e00-\u9fff]{0,6}?(?:工作者|共产党员|党员|团员|团干部|人物|教师|医生|医师"
        r"|护士|校长|企业家|志愿者|个人|青年|员工|职工|农民工|建设者|奋斗者|逆行者|劳动者|乡村医生|村医|卫士|天使|工匠"
        r"|标兵|家庭|司机|人民警察|警察|民警|法官|检察官|干部|书记|支书|快递员|环卫工|护林员|技工|工人|劳工|女性|母亲|妈妈|儿媳|军嫂"
        r"|代表委员|网格员|社工|科技工作者|医务工作者|新闻工作者|女职工|农民|教育者)"
    ),
    r"感动[\u4e00-\u9fff]{2,4}(?:年度)?(?:人物|十大人物)",
    r"[\u4e00-\u9fff]{1,6}工匠",
    # 浙江省先进张树根: the spoken short form of 先进工作者, only right after a level word
    r"(?<=[省市县区级])先进(?=[\u4e00-\u9fff]{2,3}[，,、。\s（(说激感])",
)
# Words after a title that show it is used as an adjective, not as someone's honour.
TITLE_NOT_FOLLOWED_BY: tuple[str, ...] = (
    "作用",
    "提名",
    "精神",
    "事迹",
    "风采",
    "风范",
    "本色",
    "品质",
    "宣讲",
    "座谈",
    "表彰",
    "评选",
    "推荐",
    "工作室",
    "创新",
    "协会",
    "学校",
    "大会",
    "会议",
    "活动",
    "队伍",
    "群体",
    "代表团",
    "候选",
    "评审",
    "培养",
    "基地",
    "之家",
    "论坛",
    "报告",
    "志愿服务",
    "服务队",
    "党员",
    "故事",
    "形象",
    "引领",
    "带动",
    "示范",
    "力量",
    "担当",
    "情怀",
    "在行动",
    "称号的",
    "们",
)
# Text between a title and what follows it that keeps the title attached ("获得者", "称号").
TITLE_TRAILERS: tuple[str, ...] = (
    "荣誉称号获得者",
    "称号获得者",
    "荣誉获得者",
    "获得者",
    "荣誉称号",
    "称号",
    "得主",
    "获奖者",
    "殊荣",
    "之一",
    "代表",
)
# Family words that introduce another person ("李建国的妻子王丽"): the name after them is someone else.
FAMILY_WORDS: tuple[str, ...] = (
    "妻子",
    "丈夫",
    "爱人",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "老伴",
    "女婿",
    "儿媳",
)
# Non-honour roles a person can be described with in a title chain (kept as notes).
ROLE_SUFFIXES: tuple[str, ...] = (
    "人大代表",
    "政协委员",
    "党代表",
    "党代会代表",
    "人大常委",
    "委员",
    "院士",
    "代表",
    "传承人",
)

# Verbs that award an honour: titles after them in a person's clause are that person's.
AWARD_VERBS: tuple[str, ...] = (
    "被追授为",
    "被追授",
    "追授予",
    "追授",
    "追记",
    "追认为",
    "追认",
    "先后荣获",
    "先后获得",
    "先后获评",
    "先后被评为",
    "先后被授予",
    "荣获",
    "获得",
    "获评",
    "获颁",
    "喜获",
    "斩获",
    "被授予",
    "授予",
    "被评为",
    "评为",
    "被命名为",
    "命名为",
    "当选为",
    "当选",
    "荣膺",
    "获誉",
    "被表彰为",
    "表彰为",
    "入选",
    "荣登",
    "被誉为",
    "成为",
    "分获",
    "获选为",
    "获选",
    "被推选为",
    "推选为",
    "被选树为",
    "选树为",
    "被评选为",
    "评选为",
    "被认定为",
    "认定为",
    "被评定为",
    "评定为",
    "获",
)
POSTHUMOUS_WORDS: tuple[str, ...] = ("追授", "追记", "追认")
DECEASED_WORDS: tuple[str, ...] = (
    "因公殉职",
    "殉职",
    "牺牲",
    "去世",
    "逝世",
    "病逝",
    "离世",
    "遇难",
    "不幸离开",
    "永远离开",
    "生前",
    "倒在了",
    "倒在",
    "因公殉职",
    "英年早逝",
    "猝死",
    "长眠",
    "追授",
    "追记",
    "追认",
)
RETIRED_WORDS: tuple[str, ...] = ("退休",)

# -- positions, units ---------------------------------------------------------------------
POSITIONS: frozenset[str] = _words(
    "挡车工 排工 采油工 采煤工 掘进工 装卸工 矿工 列车员 收费员 机车司机 投递员 检验员 外卖骑手 董事长 副董事长 总经理 副总经理 常务副总经理 经理 副经理 项目经理 总裁 副总裁 总监 总工程师 副总工程师"
    " 总工 高级工程师 工程师 助理工程师 技术员 高级技师 技师 首席技师 首席技能专家 厂长 副厂长 矿长 副矿长 场长"
    " 站长 副站长 所长 副所长 馆长 院长 副院长 常务副院长 校长 副校长 园长 行长 副行长 社长 台长 局长 副局长"
    " 处长 副处长 科长 副科长 股长 部长 副部长 主任 副主任 常务副主任 组长 副组长 队长 副队长 大队长 中队长"
    " 班长 机长 船长 列车长 车长 段长 区长 县长 副县长 市长 副市长 省长 镇长 乡长 村长 书记 副书记 党委书记"
    " 党委副书记 党总支书记 党支部书记 支部书记 总支书记 村支书 第一书记 主席 副主席 常务副主席"
    " 工会主席 秘书长 理事长 会长 副会长 负责人 创始人 董事 掌门人 带头人 医生 医师 主任医师 副主任医师"
    " 主治医师 住院医师 执业医师 乡村医生 村医 护士 护士长 副护士长 护师 主管护师 药剂师 检验师 专家 教授"
    " 副教授 研究员 副研究员 讲师 教师 老师 辅导员 班主任 工人 职工 员工 干部 科员 民警 辅警 警察 交警 干警 警长 警司 警督"
    " 法官 检察官 律师 消防员 指导员 教导员 战士 司机 驾驶员 乘务员 快递员 外卖员 骑手 环卫工 环卫工人"
    " 保洁员 保安 保安员 网格员 社工 调解员 安全员 质检员 操作工 电工 焊工 钳工 车工 维修工 装配工 农民工"
    " 木工 水电工 建筑工人 个体户 农民 会计 出纳 营业员 收银员 店长 厨师 话务员 接线员 调度员 巡线工 养护工"
    " 护林员 巡护员 技术骨干 业务骨干 退休职工 退休教师 退休干部 老党员 队员 主管 工长 班组长 首席专家"
    " 技能大师 高级经理 副总 老总 总会计师 总经济师 高级会计师 经济师 调研员 专员 副调研员 主任科员 志愿者"
    " 义工 客服 销售员 业务员 技术工人 一线工人 机修工 电焊工 挖掘机司机 货车司机 出租车司机 公交司机"
    " 护理员 护工 保育员 营养师 心理咨询师 药师 麻醉师 放射科医生 急诊科医生 顾问 总顾问 技术顾问 特聘专家"
    " 首席工程师 高级顾问 院士 名誉会长 演员 编剧 导演 运动员 教练 教练员 飞行员 艺术总监 总设计师 设计师"
    " 车间主任 科研人员 退休老人 退休职工 推广研究员 农艺师 高级农艺师 代市长 代县长 代区长 代镇长 代乡长 人民调解员 总指挥 副总指挥 文物修复师"
    " 院长助理 校长助理 总经理助理 董事长助理 女工 领班 砌筑工 检测员 化验员 推销员 售票员 服务员 炊事员 饲养员 电气试验工 盾构操作工 政治指导员 政委 副政委 检察长 副检察长 首席工匠"
    " 高级教师 高级经济师 高级政工师 管理员 信息管理员 铣工 数控铣工 数控车工 磨工 镗工 锻工 铸工 管工 架子工 钢筋工 起重工 仪表工 传承人 非遗传承人 创办人 创建者 副驾驶 乘务长 副机长 副班长"
)
# 正高级工程师 / 副高级教师: the senior grades of each 高级…师 title are posts too
POSITIONS |= {grade + p for p in POSITIONS if p.startswith("高级") and p.endswith("师") for grade in "正副"}
# Professional grades (职称), no job: 某医院神经外科主任，主任医师程某 is the head of a department
# who holds the grade of 主任医师; the job before the comma is the post, the grade is not.
GRADES_OF_PROFESSION: tuple[str, ...] = (
    "工程师",
    "技师",
    "政工师",
    "经济师",
    "会计师",
    "农艺师",
    "畜牧师",
    "兽医师",
    "教授",
    "研究员",
    "讲师",
    "主任医师",
    "主治医师",
    "主任护师",
    "主管护师",
    "工艺美术师",
)
GRADE_PREFIXES: tuple[str, ...] = ("正高级", "副高级", "高级", "中级", "初级", "特级", "首席", "助理", "副")
# Officials' posts: a person known only by one of these and an official verb is not proposed.
OFFICIAL_POSITIONS: frozenset[str] = _words(
    "书记 副书记 市长 副市长 县长 副县长 区长 副区长 省长 副省长 主席 副主席 常务副主席 局长 副局长 部长"
    " 副部长 秘书长 党组书记 常委 主任"
)
# Organs and government posts in the words before a name (regex fragment): 市政协主席、某会会长 /
# 代理市长 / 省总工会主席: one described so leads or presents, one is not honoured.
# verbs of wishing and urging: a title after them is wished for others (期望…评选出劳动模范), not held
WISH_WORDS_PATTERN = r"期望|希望|期待|呼吁|倡议|建议|盼望|号召|鼓励|勉励"
ORGAN_WORDS_PATTERN = r"总工会|人大|政协|政府|妇联|团委|工商联|科协|残联|文联|侨联|台办|侨办|外办|[省市县区镇乡州]委|(?<![社园校景矿营])[省市县区州]党委|纪委|政法委|宣传部|组织部|统战部|党工委|管委会|党组|书记处|(?:^|[^\u4e00-\u9fff]|代理|常务)[副]?[省市县区镇乡]长"
# Where a unit's name ends (the last such suffix before the post).
ORG_SUFFIXES: frozenset[str] = _words(
    "有限责任公司 股份有限公司 有限公司 分公司 子公司 公司 集团 总厂 厂 矿业 煤矿 矿 林场 农场 养殖场 医院"
    " 公路段 工务段 机务段 车务段 电务段 供电段 养护段 公路管理段"
    " 卫生院 卫生服务中心 疾控中心 疾病预防控制中心 中医院 人民医院 学校 中学 小学 大学 学院 幼儿园 局 厅"
    " 委员会 政府 街道办事处 办事处 街道 社区 村委会 银行 支行 分行 电视台 电台 报社 日报社 融媒体中心 协会"
    " 学会 商会 总工会 联合会 基金会 研究院 研究所 设计院 检察院 法院 派出所 支队 大队 合作社 联合社 酒店 宾馆 超市"
    " 商场 药房 药店 诊所 车队 工作室 事务所 中心 站 所 馆 院 场 部队 机关 工厂 企业 车站 机场 码头 港务局"
    " 供电公司 电厂 水厂 水务集团 公交集团 客运站 物流园 工业园 产业园 村 居委会"
)
# Sub-units between the unit and the post (医务部 部长, 呼吸内科 专家, 药剂组 副组长).
# Suffixes that end a whole organisation (not a part of one): a unit runs to the last of them, and
# what stands between it and the post is the department, kept with the post (某医院|感染性疾病科主任).
ENTITY_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        _words(
            "有限责任公司 股份有限公司 有限公司 分公司 子公司 公司 集团 医院 卫生院 中医院 学校 中学 小学 大学 局"
            " 学院 幼儿园 银行 支行 分行 研究院 研究所 设计院 检察院 法院 派出所 合作社 联合社 剧团 剧院 工厂 电厂 水厂"
            " 煤矿 报社 电视台 酒店 宾馆 超市 分院 分园 分校 事业部 重工 厂 所"
        ),
        key=len,
        reverse=True,
    )
)
DEPT_SUFFIXES: tuple[str, ...] = (
    "内科",
    "外科",
    "门诊部",
    "急诊科",
    "病区",
    "科室",
    "科",
    "部",
    "组",
    "室",
    "处",
    "股",
    "班",
    "车间",
    "工区",
    "工会",
    "分会",
    "团委",
    "党支部",
    "支部",
    "党委",
    "办公室",
    "办",
    "项目部",
    "频道",
    "编辑部",
    "中心",
    "队",
)

# -- verbs that mark officials, speech and reporting ---------------------------------------
OFFICIAL_VERBS: tuple[str, ...] = (
    "带队",
    "率队",
    "率领",
    "率",  # 作为团长率我市代表团…: leads (率先, "first to", is read apart in roles)
    "陪同",
    "慰问",
    "看望",
    "调研",
    "检查",
    "指导",
    "督导",
    "督查",
    "视察",
    "考察",
    "主持",
    "出席",
    "讲话",
    "致辞",
    "发言",
    "颁奖",
    "颁发",
    "致赠",  # 副县长某、部长某代表致赠「模范劳工」匾额: officials who present
    "颁赠",
    "会见",
    "接见",
    "走访",
    "莅临",
    "参加",
    "参观",
    "部署",
    "强调",
    "指出",
    "要求",
    "表示",
    "介绍",
    "宣读",
    "宣布",
    "通报",
    "作报告",
    "做报告",
    "讲授",
    "一行",
    "任组长",
    "任副组长",
    "任常务副组长",
    "任领导小组",
    "任疫情",
    "任指挥长",
    "任",
    "担任",
    "兼任",
    "分管",
    "代表市委",
    "代表县委",
    "代表区委",
    "代表省委",
    "专程",
    "亲切",
    "前往",
    "来到",
    "深入",
    "听取",
    "座谈",
    "召开",
    "寄语",
    "勉励",
    "提出",
    "等领导",
    "等人",
    "传达",
    "通报",
    "汇报",
    "部署",
    "总结",
    "回顾",
    "解读",
    "领学",
    "作了",
    "作动员",
    "作总结",
    "签约",
    "签署",
    "揭牌",
    "授牌",
    "颁证",
    "出席会议",
    "参会",
    "慰问了",
    "看望了",
    "左一",
    "左二",
    "左三",
    "右一",
    "右二",
    "右三",
    "中",
    "前排",
    "后排",
)
# Speech: a person who only speaks is not proposed, but is not an official either.
SPEECH_VERBS: tuple[str, ...] = (
    "说",
    "称",
    "告诉",
    "坦言",
    "透露",
    "回忆",
    "感慨",
    "笑着说",
    "动情地说",
    "表示",
    "介绍",
    "指出",
    "强调",
)
OFFICIAL_VERBS = OFFICIAL_VERBS + SPEECH_VERBS
OFFICIAL_TRAILER_MARKS: tuple[str, ...] = ("（左", "（右", "（中", "(左", "(右", "(中", "（前", "（后")

BYLINE_ROLES: tuple[str, ...] = (
    "本报特约记者",
    "本报见习记者",
    "本报实习记者",
    "本报首席记者",
    "本报记者",
    "本台记者",
    "本刊记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "首席记者",
    "全媒体记者",
    "融媒体记者",
    "融媒记者",
    "摄影记者",
    "记者",
    "特约通讯员",
    "通讯员",
    "实习生",
    "责任编辑",
    "责编",
    "编辑",
    "编审",
    "审核",
    "审校",
    "校对",
    "美编",
    "主编",
    "监制",
    "出品人",
    "撰稿",
    "撰文",
    "作者",
    "摄影",
    "摄像",
    "摄",
    "供图",
    "文/图",
    "图/文",
    "文图",
    "图文",
    "制图",
    "排版",
    "来源",
    "整理",
    "联系人",  # 联系人：某某  电话：…, the contact a public notice ends with
)

# -- donations ------------------------------------------------------------------------------
DONATION_VERBS: tuple[str, ...] = (
    "购买并免费发放",
    "购买并免费赠送",
    "自费购买并捐赠",
    "自掏腰包购买",
    "自费购买",
    "出资购买",
    "无偿捐赠",
    "无偿捐献",
    "无偿提供",
    "免费提供",
    "免费发放",
    "爱心捐赠",
    "慷慨捐赠",
    "捐赠了",
    "捐款",
    "捐赠",
    "捐助",
    "捐献",
    "捐出",
    "捐资",
    "捐物",
    "捐给",
    "捐了",
    "捐",
    "赠送",
    "资助",
    "援助",
    "慷慨解囊",
    "义捐",
    "捐到",
    "拿出",
    "掏出",
)
# Words between a verb and the amount that carry no meaning for the record.
DONATION_LEAD_WORDS: tuple[str, ...] = (
    "价值共计",
    "抗疫",
    "防疫",
    "共计",
    "合计",
    "总计",
    "累计",
    "一共",
    "总价值",
    "总额",
    "现金",
    "善款",
    "爱心款",
    "资金",
    "款物",
    "物资",
    "人民币",
    "了",
    "出",
    "给",
    "共",
    "计",
    "达",
    "捐物",
    "捐款",
)
DONATION_PURPOSE_MARKS: tuple[str, ...] = (
    "用于",
    "用来",
    "专门用于",
    "专项用于",
    "支持",
    "助力",
    "帮助",
    "支援",
    "送往",
    "送给",
    "送到",
    "发放给",
    "以",
    "为",
)
SHARED_MARKS: tuple[str, ...] = ("各自", "各", "每人", "人均")
RESPECTIVE_MARKS: tuple[str, ...] = ("分别",)
JOINT_MARKS: tuple[str, ...] = ("共同", "联合", "一起", "合计", "共")

# -- deeds ------------------------------------------------------------------------------------
# Clauses that describe a person without being a deed: age, birth, party, schooling.
PROFILE_CLAUSE_PATTERNS: tuple[str, ...] = (
    r"^(?:男|女)$",
    r"^[\u4e00-\u9fff]{1,3}族$",
    r"^(?:年仅|今年|现年|时年|年方)?[0-9一二三四五六七八九十]{1,3}岁$",
    r"^[0-9]{4}年[0-9]{0,2}月?(?:出生|生)(?:于.*)?$",
    r"^(?:中共)?(?:党员|中共党员|群众|共青团员|民盟盟员)$",
    r"^.{0,8}(?:学历|毕业)$",
    r"^(?:现任|现为|系|是)?.{0,20}(?:人|籍)$",
)
DATE_CLAUSE_WORDS: frozenset[str] = _words(
    "近日 日前 昨日 昨天 今天 今日 目前 近期 当天 当日 此前 随后 同时 其中 此外 另外 与此同时 据悉 据了解"
    " 记者了解到 记者获悉 获悉 截至目前 疫情期间 疫情发生后 疫情发生以来 春节期间 连日来 近年来 多年来"
)
REPORTING_WORDS: tuple[str, ...] = ("记者", "通讯员", "获悉", "据悉", "报道", "本报讯", "本报", "讯")

# -- collectives ------------------------------------------------------------------------------
GROUP_WORDS: tuple[str, ...] = (
    "全市",
    "全省",
    "全县",
    "全区",
    "广大",
    "各级",
    "众多",
    "一批",
    "一大批",
    "多名",
    "全体",
    "各地",
    "所有",
    "各类",
)
