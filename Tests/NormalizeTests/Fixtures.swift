/// Invented report text for the unit tests (never corpus sentences), and the degradations applied to it.
enum Fixtures {
    static let headline = "以微更新绣出老街区新面貌"
    static let lead = "编者按　青石巷片区是本市最早建成的居住区之一。去年以来，片区以“微更新”为抓手，补短板、留记忆、聚人心，探索出一条渐进式更新的路子。本期约请两位参与者谈谈体会。"
    static let title1 = "小切口撬动老街区大变化"
    static let byline1 = "□周明远"
    static let paragraphs1 = [
        "青石巷片区共有住宅楼86栋，大多建于上世纪八十年代，管线老化、停车困难、公共空间不足等问题长期存在。更新之初，我们没有急于拿方案，而是先用两个月时间挨家挨户走访，收集意见建议1300余条。",
        "根据走访结果，我们把改造内容分为基础类、完善类和提升类三个清单，由居民议事会逐项投票确定先后顺序。截至目前，片区已完成雨污分流管网改造4.6公里，新增停车位210个，加装电梯17部。",
        "改造不是一锤子买卖。我们同步成立了由居民、物业和社区组成的管养小组，每月开展一次联合巡查，让改造成果长久保持。",
    ]
    static let footer1 = "（作者系青石巷街道党工委书记）"
    static let title2 = "让居民成为更新的主角"
    static let byline2 = "□林晓岚"
    static let paragraphs2 = [
        "在青石巷，大到管网改造，小到一张长椅摆在哪里，都要先听居民怎么说。我们在每个院落设立议事角，累计召开议事会92场，收集金点子260多个。",
        "居民参与的热情超出预期。退休教师王阿姨带着邻居们认领了18处花池，年轻人自发组建志愿服务队，周末帮高龄老人跑腿代办。",
    ]
    static let footer2 = "（作者系青石巷社区居委会主任）"

    /// The page as clean lines, in reading order.
    static var cleanLines: [String] {
        [headline, lead, title1, byline1] + paragraphs1 + [footer1, title2, byline2] + paragraphs2 + [footer2]
    }

    /// Hard-wraps a paragraph at `width` characters, never putting a closing mark at a line start.
    static func wrap(_ paragraph: String, width: Int = 16) -> [String] {
        let closing: Set<Character> = ["，", "。", "、", "：", "；", "！", "？", "”", "）"]
        var lines: [String] = []
        var current = ""
        for ch in paragraph {
            if current.count >= width, !closing.contains(ch) {
                lines.append(current)
                current = ""
            }
            current.append(ch)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Prints every run twice, as pypdf extracts fake-bold text: runs split at punctuation.
    static func doubled(_ line: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run + run
            run = ""
        }
        for ch in line {
            if ch.isPunctuation || ch == "　" || ch == " " {
                flush()
                // Spaces are not drawn, so they come out once (and ASCII).
                out += ch == " " || ch == "　" ? " " : String(repeating: ch, count: 2)
            } else {
                run.append(ch)
            }
        }
        flush()
        return out
    }
}
