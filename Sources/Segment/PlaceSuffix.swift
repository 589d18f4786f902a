/// What ends a place name, and how to tell a name from an ordinary word ending the same way.
struct PlaceSuffix: Sendable {
    enum Kind: Sendable { case admin, street, water, compound, area }

    var text: [Unicode.Scalar]
    var kind: Kind
    /// Longest believable name before the suffix, in scalars.
    var maxStem: Int
    var minStem: Int = 2
    /// Names whose stem ends with one of these are ordinary words (`老旧小区`, `城市`, `思路`).
    var genericEndings: [[Unicode.Scalar]] = []
    /// Scalars after the suffix that make it part of a word (`路径`, `河道`).
    var badFollowers: Set<Unicode.Scalar> = []
    /// `片区` names the place before it: the suffix is not part of the name.
    var keepsSuffix = true

    /// Admin units bound a chain (`武侯区玉林街道`): a name never starts before the end of one.
    var boundsChain: Bool { kind == .admin }

    static let common: [[Unicode.Scalar]] =
        ["全", "各", "该", "本", "我", "此", "这", "那", "每", "某", "其", "整个", "所在", "周边", "相邻", "附近", "部分",
         "其他", "所有", "多个", "一个", "这些", "那些", "有关", "相关", "同类", "很多", "许多", "众多", "一系列", "一批",
         "全国", "实体", "虚拟", "维度", "一轮", "新一轮", "属地", "新旧"].map(\.scalars)

    static func chars(_ list: String) -> Set<Unicode.Scalar> { Set(list.unicodeScalars) }

    static func words(_ list: String) -> [[Unicode.Scalar]] {
        list.split(separator: " ").map { Array($0.unicodeScalars) } + common
    }

    /// Every suffix, longest first where they share a first scalar.
    static let all: [PlaceSuffix] = [
        PlaceSuffix(text: "街道".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("城市 主要 背 沿 老 小 步行 商业 历史文化 特色 试点 示范")),
        PlaceSuffix(text: "社区".scalars, kind: .admin, maxStem: 6,
                    genericEndings: words("品质 老年人 街道 级 未来 老旧 试点 完整 城市 农村 智慧 数智 智能 和谐 绿色 美好 示范 典型 样板 基层 城乡 安置 老 新型 国际 低碳 文明 平安 熟人 居住 现代 幸福 宜居 韧性 安全 健康 大型 老年 无物业 单位 涉及 所辖 新 城镇 传统 商品房 混合 开放式 封闭式 学习型 服务型 一刻钟 十五分钟 纯 发展 激发")),
        PlaceSuffix(text: "小区".scalars, kind: .admin, maxStem: 6,
                    genericEndings: words("级 老旧 改造 住宅 商品房 安置房 样本 试点 高层 多层 新建 老 城镇老旧 无物业 开放式 封闭式 单位 老式 大型 普通 已 改 老旧住宅 安置 待改造 拆迁 回迁 保障房 示范 智慧 绿色 的 公房 售后公房 精品 老公房 房改房 直管公房 商住 高档 成熟 封闭 品质 美丽 宜居 幸福 和谐 文明 平安 整洁 无障碍 适老")),
        PlaceSuffix(text: "片区".scalars, kind: .area, maxStem: 5,
                    genericEndings: words("老旧 老城 城市 重点 试点 低洼 易涝 更新 改造 历史 建成 中心 居住 城中村 老 新 开发 棚户 核心 成熟 集中 连片 住宅 老城区 第一 第二 第三 第四 第五 第六 第七 第八 第九 第十"),
                    badFollowers: chars("化"), keepsSuffix: false),
        PlaceSuffix(text: "居民区".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("老 新 老旧 城市 大型 普通 周边 附近 成熟 密集 集中 传统 一般 农村 城镇 该 各")),
        PlaceSuffix(text: "新区".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("城市 国家级 开发 建设")),
        PlaceSuffix(text: "区".scalars, kind: .admin, maxStem: 5,
                    genericEndings: words("住 旧住 楼房 行政 专用 休闲 城 社 小 片 园 景 街 市 郊 辖 老 分 商 城区 住宅 居住 生活 功能 服务 保护 试点 示范 核心 中心 晾晒 厂 家属 聚集 地 旧 专 作业专 实验 重点 老城 主城 旧城 商业 工业 产业 农业 风景 历史 文化 管理 营业 经济 开发 自贸 保税 禁 盲 误 雷 禁区 园区 片 功能 办公 候车 休息 活动 停车 等候 缓冲 试验 先行 核心 老城区 城乡结合 建成 辖区 安置 水源 灾 震 疫 高风险 中风险 低风险 封控 管控 防范"),
                    badFollowers: chars("域别分间位块划县")),
        PlaceSuffix(text: "县".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("区 市 郡 州 各区"), badFollowers: chars("城域级")),
        PlaceSuffix(text: "市".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("直辖 打卡 城 上 超 菜 股 夜 集 门 省 地 县 区 入 出 闹 楼 早 晚 开 街 互 黑 花 灯 鱼 牛 熊 罢 坊 墟 城乡 超大城 特大城 大城 中小城 小城 新城 老城 智慧城 韧性城 海绵城 国际化城 现代城 宜居城 绿色城 人民城 公园城 示范城 试点城 重点城 大中城"),
                    badFollowers: chars("场民容值政区级县内外面井")),
        PlaceSuffix(text: "省".scalars, kind: .admin, maxStem: 3,
                    genericEndings: words("节 反 全 本 外 该 各 我 分 行"), badFollowers: chars("级里份内外钱心力时")),
        PlaceSuffix(text: "镇".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("城 乡 小 特色小 重 集 古 坐 市 冰 城乡"), badFollowers: chars("压痛静守定住级")),
        PlaceSuffix(text: "乡".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("城 城乡 家 故 返 下 他 异 老 思 水 梦 原 本 同 回 离 还 住房城 在 下乡 农"),
                    badFollowers: chars("愁村土亲情镇里间下音贤风")),
        PlaceSuffix(text: "村".scalars, kind: .compound, maxStem: 4,
                    genericEndings: words("城中 农 新农 工人新 乡 山 行政 自然 示范 美丽 古 城边 近郊 空心 传统 特色 名 渔 牧 城郊 移民 贫困 全 各 该 本 整 邻 出 进 入 到 下 乡村 在"),
                    badFollowers: chars("民委级庄落镇组干集两")),
        // `祐漢新邨`, `華富邨`: a Hong Kong or Macau housing estate.
        PlaceSuffix(text: "邨".scalars, kind: .compound, maxStem: 4,
                    genericEndings: words("屋 公 该 本 全 各 整 邻 出 进 入 到 在 旧 老 大 私人"), badFollowers: chars("民委")),
        PlaceSuffix(text: "大道".scalars, kind: .street, maxStem: 4,
                    genericEndings: words("阳光 康庄 光明 发展 幸福")),
        PlaceSuffix(text: "大街".scalars, kind: .street, maxStem: 4),
        // `自由大路`, `吉林大路`: Changchun's and Shenyang's avenues.
        PlaceSuffix(text: "大路".scalars, kind: .street, maxStem: 4,
                    genericEndings: words("一条 条 走 宽阔 宽 康庄 阳光 光明 这条 那条 乡村 农村 柏油 水泥 马 沿 上 走上 通往")),
        PlaceSuffix(text: "胡同".scalars, kind: .street, maxStem: 4),
        PlaceSuffix(text: "路".scalars, kind: .street, maxStem: 4,
                    genericEndings: words("旧 游园 思 道 线 公 铁 马 水 电 网 出 门 套 新 老 半 一 归 来 去 前 后 跑 带 领 引 迷 生 活 退 进 末 同 陆 环 高 速 通 断 堵 让 开 修 拓 找 走 闯 条 心 小 大 弯 歧 正 岔 短 远 近 窄 宽 土 泥 山 上 下 此 彼 绕 邪 言 思路 道路 线路 网路 血路 活路 长 短 两 三 多 回 退 后 思 殊 同 前 末 老 一带一 丝 水陆 旱 险 歧 弯 远 近 窄 宽 小 尽 没 有 无 找 走 这 那 条 城市 内部 市政 主干 次干 支 城市道 乡村 农村 消防 应急 救援 逃生 疏散 步行 健身 慢行 骑行 绿 散步 环湖 环城 滨河 滨江 沿河 沿江 进出 出入 巡逻 管网 管 线 电 气 讯 光 供 水电气讯 入户 上下 楼 道 通行 交通 断头 中 新 思 陆 夜 来时 回家 网 出 回 生 活 前 后 半 短 长"),
                    badFollowers: chars("径线演子况灯面网人费基牌由数标过程条名长宽障段口边政桥权向遇上途旁侧")),
        PlaceSuffix(text: "街".scalars, kind: .street, maxStem: 4,
                    genericEndings: words("老 新 古 商业 步行 美食 特色 小 大 背 上 逛 沿 临 当 过 满 扫 一条 历史文化 主 后 前 天 正 横 十字 夜 商 步 风情 镇"),
                    badFollowers: chars("坊区头面巷景角边市舞灯口心拍亭长")),
        PlaceSuffix(text: "巷".scalars, kind: .street, maxStem: 3,
                    genericEndings: words("小 街 里 深 陋 老 窄 古 背街小 街 穷 空 一条 大街小"), badFollowers: chars("道子战口弄尾陌")),
        PlaceSuffix(text: "公园".scalars, kind: .compound, maxStem: 5,
                    genericEndings: words("口袋 城市 社区 主题 湿地 郊野 森林 街心 遗址 体育 儿童 滨水 生态 小 国家 国家湿地 国家森林 综合 专类 带状 线性 袖珍 屋顶 雨水 公共 城市中央 山地 山体 文化 口袋式 运动 健身 考古 地质 滨河 滨江 湖滨 农业 科技 工业 大型 小型 一座 一个 新建 打造 片区 城区 小区 社区 街道 绿地")),
        PlaceSuffix(text: "河".scalars, kind: .water, maxStem: 3, minStem: 1,
                    genericEndings: words("入 护 沿 滨 内 界 小 大 跨 运 护城 母亲 山 江 黄 银 冰 拔 渡 过 治 清 星 天 内河 运河 小河 大河 条 跳 治水 水 臭 黑 城 环城"),
                    badFollowers: chars("道流长段岸堤床水网湖口涌区新县市镇滩谷北南西东边畔面底省山路湿")),
        PlaceSuffix(text: "江".scalars, kind: .water, maxStem: 3, minStem: 1,
                    genericEndings: words("长 大 入 沿 滨 跨 过 临 两 一 三 外 内 母亲 治 护 山"),
                    badFollowers: chars("新区县市镇苏西南北东湖山水边畔面岸段河流口壹城景滩州街路湿")),
        PlaceSuffix(text: "湖".scalars, kind: .water, maxStem: 3, minStem: 1,
                    genericEndings: words("入 护 沿 滨 环 临 跨 江 湖 一 两 五 母亲 治 治水护 护 山 水 城 大 小 人工 清 游 泛 环 绕 美丽 全"),
                    badFollowers: chars("南北泊区县市镇岸畔面边水滨景中心底路湿")),
        // `岳程街道家属院`, `某某医院家属院`: a work unit's staff housing compound, named after the unit.
        PlaceSuffix(text: "家属院".scalars, kind: .compound, maxStem: 7,
                    genericEndings: words("单位 老 老旧 职工 干部 教师 部队 机关 工厂 企业 厂矿 国企 老式 这种 这些 一个 多个 厂区 老厂区")),
        // `林业局家属楼`, `某某厂家属区`: the same, as a building or an area.
        PlaceSuffix(text: "家属楼".scalars, kind: .compound, maxStem: 7,
                    genericEndings: words("单位 老 老旧 职工 干部 教师 部队 机关 工厂 企业 厂矿 国企 老式 这种 这些 一个 多个 厂区 老厂区 一栋 这栋")),
        PlaceSuffix(text: "家属区".scalars, kind: .compound, maxStem: 7,
                    genericEndings: words("单位 老 老旧 职工 干部 教师 部队 机关 工厂 企业 厂矿 国企 老式 这种 这些 一个 多个 厂区 老厂区")),
        // `供销社宿舍`, `水泥厂宿舍`: a work unit's dormitory compound, like `家属院`.
        PlaceSuffix(text: "宿舍".scalars, kind: .compound, maxStem: 6,
                    genericEndings: words("警察 公安 部队 军队 学生 职工 员工 集体 单身 教师 干部 工人 临时 男生 女生 大学 学校 公寓 人才 青年 工地 铁皮 简易 板房 老 旧 新 该 这个 那个 一间 一个 两个"), badFollowers: chars("楼区")),
        // `元光花园`, `匯景花園`: a housing estate named as a garden (not a roof garden or a pocket one).
        PlaceSuffix(text: "花园".scalars, kind: .compound, maxStem: 4,
                    genericEndings: words("屋顶 楼顶 空中 口袋 社区 小区 城市 街心 共享 立体 垂直 阳台 私家 后 前 小 大 家庭 百草 植物 生态 公共 主题 儿童 海上 雨水 一座 一个 新建 打造 建成 开辟 营造 微型 袖珍 迷你 邻里 都市 美丽 的 式 小型 屋顶空中 天台 庭院 院落 楼间 边角 幸福 四季 开心 快乐 梦想 童话 秘密 后院 菜 蔬菜 香草 药草 雨 海绵 变 成 为 变成 建成 改成 改造成 打造成 化身"),
                    badFollowers: chars("式城洋路街里中内边旁新")),
        // `東江大廈`: a named block.
        PlaceSuffix(text: "大厦".scalars, kind: .compound, maxStem: 4,
                    genericEndings: words("高楼 摩天 商业 办公 综合 一座 这座 那座 整栋 栋 幢 写字 商务 金融 科技 政务 行政 的 新 老 旧 危 将倾 三无 三無"),
                    badFollowers: chars("里内中外前后旁")),
        // `和平街历史文化街区`, `关帝庙历史街区`: a designated historic district, named after its street or temple.
        PlaceSuffix(text: "历史文化街区".scalars, kind: .compound, maxStem: 4,
                    genericEndings: words("国家 国家级 省级 市级 首批 第一批 第二批 传统 特色 保护 重点 典型 著名 一处 这处 多处 一片 这片 城市 老城 分析 类型 模式 开发 性 研究 以 对 在 等 的 型")),
        PlaceSuffix(text: "历史街区".scalars, kind: .compound, maxStem: 4,
                    genericEndings: words("国家 国家级 省级 市级 首批 传统 特色 保护 重点 典型 著名 一处 这处 多处 一片 这片 城市 老城 文化 分析 类型 模式 开发 性 研究 以 对 在 等 的 型")),
        // `吴航古城`, `义乌古城`: a town's old city (not `千年古城`, `这座古城`).
        PlaceSuffix(text: "古城".scalars, kind: .compound, maxStem: 2,
                    genericEndings: words("千年 百年 历史 文化 一座 这座 那座 座 老 大 小 著名 名 历史文化 保护 整座 江南 边塞"), badFollowers: chars("墙门区内外里")),
        // `台北車站`, `宜蘭高鐵站`: a named station.
        PlaceSuffix(text: "高铁站".scalars, kind: .compound, maxStem: 2,
                    genericEndings: words("该 这个 一个 各 新 老 附近 周边 最近")),
        PlaceSuffix(text: "车站".scalars, kind: .compound, maxStem: 2,
                    genericEndings: words("火 汽 电 停 动 公交 地铁 高铁 客运 长途 轻轨 该 这个 一个 各 临时 小 大 新 老 附近 周边 充电 加油 换乘 中转 终点 始发")),
        // `翔安機場`, `尚義機場`: a named airport.
        PlaceSuffix(text: "机场".scalars, kind: .compound, maxStem: 2,
                    genericEndings: words("国际 该 这个 一个 各 新 老 大 小 民用 军用 国内 支线 枢纽 通用 直升 直升机 私人")),
        // `中山居委会`: a residents' committee, named after its community.
        PlaceSuffix(text: "居委会".scalars, kind: .admin, maxStem: 4,
                    genericEndings: words("社区 村 小区 辖区 街道 所在 当地 各 该 本 一个 多个 采取 通过 依托 组织 联合 协调 召集 发挥 由 经 向 与 和 在 到 对 把 将 让 请 等 及 及时 同 帮助 督促 指导 配合 会同 发动")),
        // `東區建國里`, `团结湖北里`: a neighbourhood, taken only right after its district (see the extractor).
        PlaceSuffix(text: "里".scalars, kind: .compound, maxStem: 3,
                    genericEndings: words("这 那 哪 心 手 家 夜 城 村 区 县 市 镇 街 路 巷 院 楼 园 店 校 屋 房 厂 社 会 局 所 站 年 月 日 时 间 子 头 边 面 小区 社区 城区 街道 院子 公里 千里 万里 百里"),
                    badFollowers: chars("程面边头外长")),
        PlaceSuffix(text: "苑".scalars, kind: .compound, maxStem: 5,
                    genericEndings: words("文 艺 学 御 鹿 禁 上 宫 乐 文苑 花 园 屋"), badFollowers: chars("林囿")),
    ]

    /// Suffixes by first scalar, longest first.
    static let byFirst: ScalarMap<[PlaceSuffix]> = {
        var table: [Unicode.Scalar: [PlaceSuffix]] = [:]
        for suffix in all { table[suffix.text[0], default: []].append(suffix) }
        return ScalarMap(table.map { ($0.key, $0.value.sorted { $0.text.count > $1.text.count }) })
    }()
}
