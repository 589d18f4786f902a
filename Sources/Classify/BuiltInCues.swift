/// Cue terms and weights for the built-in themes.
enum BuiltInCues {
    static let cues: [String: [Cue]] = [
        "policy-strategy": [Cue("城市更新行动"), Cue("五中全会"), Cue("实施方案")],
        "party-building": [Cue("党建"), Cue("党员"), Cue("党支部")],
        "grassroots-governance": [Cue("基层治理"), Cue("网格"), Cue("自治")],
        "old-community-renovation": [Cue("老旧小区改造"), Cue("老旧小区")],
        "elevator-retrofit": [Cue("加装电梯")],
        "property-management": [Cue("物业")],
        "community-services": [Cue("养老"), Cue("食堂")],
        "infrastructure": [Cue("排水"), Cue("停车")],
        "financing-operations": [Cue("融资"), Cue("资金")],
        "ecology-greening": [Cue("绿化"), Cue("生态")],
        "heritage-culture": [Cue("历史文化")],
        "planning-design": [Cue("规划")],
        "resident-participation": [Cue("居民参与"), Cue("共建共治共享")],
        "media-publicity": [Cue("宣传")],
        "smart-community": [Cue("智慧社区"), Cue("数字化")],
    ]
}
