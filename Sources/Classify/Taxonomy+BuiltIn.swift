import ReportModel

extension Taxonomy {
    /// The default taxonomy (`spec/themes.json`), compiled in so an installed binary needs no data files.
    public static let builtIn = Taxonomy(themes: [
        Theme(id: "policy-strategy", zh: "政策部署", en: "Policy and strategy", cues: BuiltInCues.cues["policy-strategy"] ?? [],
              exclusions: BuiltInCues.exclusions["policy-strategy"] ?? []),
        Theme(id: "party-building", zh: "党建引领", en: "Party-building leadership", cues: BuiltInCues.cues["party-building"] ?? [],
              exclusions: BuiltInCues.exclusions["party-building"] ?? []),
        Theme(id: "grassroots-governance", zh: "基层治理", en: "Grassroots governance", cues: BuiltInCues.cues["grassroots-governance"] ?? [],
              exclusions: BuiltInCues.exclusions["grassroots-governance"] ?? []),
        Theme(id: "old-community-renovation", zh: "老旧小区改造", en: "Old-community renovation", cues: BuiltInCues.cues["old-community-renovation"] ?? [],
              exclusions: BuiltInCues.exclusions["old-community-renovation"] ?? []),
        Theme(id: "elevator-retrofit", zh: "加装电梯", en: "Elevator retrofit", cues: BuiltInCues.cues["elevator-retrofit"] ?? [],
              exclusions: BuiltInCues.exclusions["elevator-retrofit"] ?? []),
        Theme(id: "property-management", zh: "物业管理", en: "Property management", cues: BuiltInCues.cues["property-management"] ?? [],
              exclusions: BuiltInCues.exclusions["property-management"] ?? []),
        Theme(id: "community-services", zh: "社区服务", en: "Community services", cues: BuiltInCues.cues["community-services"] ?? [],
              exclusions: BuiltInCues.exclusions["community-services"] ?? []),
        Theme(id: "infrastructure", zh: "基础设施", en: "Infrastructure and utilities", cues: BuiltInCues.cues["infrastructure"] ?? [],
              exclusions: BuiltInCues.exclusions["infrastructure"] ?? []),
        Theme(id: "financing-operations", zh: "资金运营", en: "Financing and operations", cues: BuiltInCues.cues["financing-operations"] ?? [],
              exclusions: BuiltInCues.exclusions["financing-operations"] ?? []),
        Theme(id: "ecology-greening", zh: "生态修复", en: "Ecology and greening", cues: BuiltInCues.cues["ecology-greening"] ?? [],
              exclusions: BuiltInCues.exclusions["ecology-greening"] ?? []),
        Theme(id: "heritage-culture", zh: "历史文化", en: "Heritage and culture", cues: BuiltInCues.cues["heritage-culture"] ?? [],
              exclusions: BuiltInCues.exclusions["heritage-culture"] ?? []),
        Theme(id: "planning-design", zh: "规划设计", en: "Planning and design", cues: BuiltInCues.cues["planning-design"] ?? [],
              exclusions: BuiltInCues.exclusions["planning-design"] ?? []),
        Theme(id: "resident-participation", zh: "居民参与", en: "Resident participation", cues: BuiltInCues.cues["resident-participation"] ?? [],
              exclusions: BuiltInCues.exclusions["resident-participation"] ?? []),
        Theme(id: "media-publicity", zh: "宣传报道", en: "Media and publicity", cues: BuiltInCues.cues["media-publicity"] ?? [],
              exclusions: BuiltInCues.exclusions["media-publicity"] ?? []),
        Theme(id: "smart-community", zh: "智慧社区", en: "Smart community", cues: BuiltInCues.cues["smart-community"] ?? [],
              exclusions: BuiltInCues.exclusions["smart-community"] ?? []),
    ])
}
