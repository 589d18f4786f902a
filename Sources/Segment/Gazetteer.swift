/// China's administrative divisions, from the generated `GazetteerData` (national division codes):
/// full names at every level down to counties (`武侯区`, `黔东南苗族侗族自治州`), and the bare forms
/// texts write for provinces and prefectures (`广东`, `昆明`).
///
/// Full names are names wherever they stand; bare forms are ordinary words often enough that the
/// extractor checks their neighbours before it believes them.
enum Gazetteer {
    /// Bare forms of provinces and prefectures, as texts write them without `省`/`市`.
    static let names: [String] = GazetteerData.shortForms.split(separator: " ").map(String.init) + countries + abbreviations

    /// Names texts write without a division's suffix, general knowledge: `北市` for 台北市 in Taiwanese
    /// news, Taiwan's cities and counties, and Hong Kong's districts and areas, which Hong Kong texts
    /// never write with 区.
    static let abbreviations: [String] = [
        "北市", "湾仔", "油尖旺", "观塘", "深水埗", "黄大仙", "九龙城", "荃湾", "屯门", "元朗", "葵青", "西贡", "中环", "上环",
        "西环", "铜锣湾", "尖沙咀", "旺角", "将军澳",
        "大角咀", "土瓜湾", "红磡", "何文田", "油麻地", "佐敦", "长沙湾", "石硖尾", "荔枝角", "牛头角", "秀茂坪", "香港仔", "鸭脷洲",
        "柴湾", "筲箕湾", "鲗鱼涌", "跑马地", "天水围", "粉岭", "大埔", "沙田", "东涌", "坚尼地城", "西营盘", "新界", "葵涌",
        // Taiwan's cities and counties, written without 市/縣 (the national division codes list none).
        "台北", "新北", "桃园", "台中", "台南", "高雄", "基隆", "新竹", "苗栗", "彰化", "南投", "云林", "嘉义", "屏东", "宜兰", "花莲", "台东", "马祖",
    ]

    /// Countries that reports on renewal cite for their examples (`德国`, `新加坡`); general knowledge.
    static let countries: [String] = [
        "美国", "英国", "法国", "德国", "日本", "韩国", "新加坡", "澳大利亚", "加拿大", "荷兰", "瑞典", "丹麦",
        "芬兰", "挪威", "意大利", "西班牙", "葡萄牙", "俄罗斯", "印度", "巴西", "新西兰", "瑞士", "奥地利", "比利时",
    ]

    /// Every full name: provinces, prefectures, county-level units.
    static let fullNames: [String] = [GazetteerData.provinces, GazetteerData.prefectures, GazetteerData.counties]
        .flatMap { $0.split(separator: " ").map(String.init) }

    static let set: Set<[Unicode.Scalar]> = Set(names.map(\.scalars))

    static let fullSet: Set<[Unicode.Scalar]> = Set(fullNames.map(\.scalars))

    /// Major places written bare so often that they need no check of the left neighbour: provinces,
    /// and the capitals and other sub-provincial cities.
    static let major: Set<[Unicode.Scalar]> = Set([
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
        "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
        "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
        "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州", "武汉", "长沙",
        "广州", "海口", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "呼和浩特", "南宁", "拉萨", "银川", "乌鲁木齐",
        "大连", "青岛", "宁波", "厦门", "深圳",
    ].map(\.scalars)).union(countries.filter { $0 != "法国" && $0 != "德国" }.map(\.scalars))

    /// County-level units written without their suffix (`荔波` for 荔波县, `仁怀` for 仁怀市): believed only in a
    /// list of such names (`七星关—威宁、水城—盘州`), since many are ordinary words alone (`水城`, `赤水`).
    static let countyShortForms: Set<[Unicode.Scalar]> = Set(GazetteerData.counties.split(separator: " ").compactMap { name in
        let s = Array(name.unicodeScalars)
        // `威宁彝族回族苗族自治县` is written `威宁`: the name before its peoples.
        if name.hasSuffix("自治县") || name.hasSuffix("自治旗"), let people = s.firstIndex(of: "族"), people >= 3 {
            return Array(s.prefix(2))
        }
        guard let last = s.last, "县市区旗".unicodeScalars.contains(last), s.count >= 3 else { return nil }
        return Array(s.dropLast())
    })

    /// A bare form or a full name.
    static func contains(_ name: [Unicode.Scalar]) -> Bool { trie.contains(name) }

    /// Every full name and bare form, marked with its kind: one walk finds the longest of each that
    /// starts at a position.
    static let trie = NameTrie(fullSet.map { ($0, NameTrie.Kinds.full) } + set.map { ($0, NameTrie.Kinds.bare) })

    /// The same names read backwards: one walk finds the longest known name that ends a stem.
    static let reversedTrie = NameTrie(fullSet.map { ($0, NameTrie.Kinds.full) } + set.map { ($0, NameTrie.Kinds.bare) }, reversed: true)

    /// First scalars of full names, for the extractor's quick skip.
    static let fullFirsts = Set(fullSet.map { $0[0] })
}
