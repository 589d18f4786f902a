import Characters
import ReportModel

/// What the classifier found in one article before deciding anything.
struct ArticleAnalysis {
    let text: ArticleText
    /// One tally per taxonomy theme, in taxonomy order.
    var tallies: [ThemeTally]
    /// Matches of genre words, for the "not a report" decision.
    var domainHits: Int
    /// Matches of specific theme cues (see `Calibration.specificWeight`), for the same decision.
    var cueHits: Int
    /// Matches of other genres' words (see `BuiltInCues.offGenre`).
    var offGenreHits: Int
    var han: Int { text.hanCount }
    var bodySentences: Int { text.sentences.reduce(0) { $0 + ($1.isTitle ? 0 : 1) } }
}

/// The cues of one theme found in one article.
struct ThemeTally {
    /// One fired cue term: its weight, where it was first seen and how often.
    struct Fired {
        var weight: Double
        var count: Int
        var inTitle: Bool
        var learned: Bool
        /// First occurrence (scalar range), to report the term as written.
        var start: Int
        var end: Int
    }

    var fired: [Int: Fired] = [:]
    /// Body or title sentence → sum of the weights of the distinct cues found in it.
    var sentenceWeight: [Int: Double] = [:]
    var sentenceCues: [Int: Set<Int>] = [:]

    /// Weighted distinct cues; each repeat of a cue adds 0.4 of its weight, up to three repeats, so
    /// repetition helps a little and one word said ten times is not a topic.
    var mass: Double {
        fired.values.reduce(0) { $0 + $1.weight * (1 + 0.4 * Double(min($1.count - 1, 3))) }
    }

    /// The part of `mass` that comes from specific cues (see `Calibration.specificWeight`).
    var specificMass: Double {
        fired.values.reduce(0) { $0 + ($1.weight >= Calibration.specificWeight ? $1.weight * (1 + 0.4 * Double(min($1.count - 1, 3))) : 0) }
    }

    /// Weights of the distinct cues seen in the title.
    var titleMass: Double { fired.values.reduce(0) { $0 + ($1.inTitle ? $1.weight : 0) } }

    /// Body sentences holding at least one cue.
    func bodySentences(in text: ArticleText) -> Int {
        sentenceWeight.keys.reduce(0) { $0 + (text.sentences[$1].isTitle ? 0 : 1) }
    }
}

extension ThemeClassifier {
    /// Matches all terms in the article and tallies the cues that count, per theme.
    func analyze(title: String?, paragraphs: [String]) -> ArticleAnalysis {
        let text = ArticleText(title: title, paragraphs: paragraphs)
        let hits = index.matcher.hits(in: text.folded)
        let muted = Self.mutedSpans(text.original)
        let themeCount = taxonomy.themes.count

        var exclusions = [[(Int, Int)]](repeating: [], count: themeCount)
        var candidates: [(theme: Int, weight: Double, learned: Bool, hit: PatternMatcher.Hit)] = []
        var domainHits = 0
        var cueHits = 0
        var offGenre: [PatternMatcher.Hit] = []
        var genreWords: [PatternMatcher.Hit] = []
        for hit in hits {
            var isDomain = false
            var isCue = false
            for role in index.roles[hit.pattern] {
                switch role {
                case .exclusion(let theme): exclusions[theme].append((hit.start, hit.end))
                case .domain: isDomain = true
                case .offGenre: offGenre.append(hit)
                case .cue(let theme, let weight, let learned):
                    if weight >= Calibration.specificWeight { isCue = true }
                    candidates.append((theme, weight, learned, hit))
                }
            }
            if isDomain || isCue { genreWords.append(hit) }
            if isDomain || isCue, !Self.inside(hit, muted) {
                domainHits += isDomain ? 1 : 0
                cueHits += isCue ? 1 : 0
            }
        }
        let offGenreHits = offGenre.reduce(0) {
            $0 + (Self.isInsideGenreWord($1, genreWords, longest: index.longestTerm) ? 0 : 1)
        }

        var tallies = [ThemeTally](repeating: ThemeTally(), count: themeCount)
        // Longest first at each start, so a cue inside a longer cue of the same theme is seen after it.
        candidates.sort { ($0.hit.start, -$0.hit.end) < ($1.hit.start, -$1.hit.end) }
        var reach = [Int](repeating: -1, count: themeCount)
        for candidate in candidates {
            let hit = candidate.hit
            let theme = candidate.theme
            if hit.end <= reach[theme] { continue }
            if index.isLatinWord[hit.pattern], !Self.isWholeWord(hit, in: text.folded) { continue }
            if Self.inside(hit, muted) || Self.inside(hit, exclusions[theme]) { continue }
            if Self.isStreetName(hit, in: text.folded) { continue }
            if index.isBylineWord[hit.pattern], Self.isByline(hit, in: text.folded) { continue }
            reach[theme] = hit.end
            let sentence = Int(text.sentenceOf[hit.start])
            guard sentence >= 0 else { continue }
            let inTitle = text.sentences[sentence].isTitle
            if var fired = tallies[theme].fired[hit.pattern] {
                fired.count += 1
                fired.inTitle = fired.inTitle || inTitle
                tallies[theme].fired[hit.pattern] = fired
            } else {
                tallies[theme].fired[hit.pattern] = ThemeTally.Fired(
                    weight: candidate.weight, count: 1, inTitle: inTitle, learned: candidate.learned,
                    start: hit.start, end: hit.end)
            }
            if tallies[theme].sentenceCues[sentence, default: []].insert(hit.pattern).inserted {
                tallies[theme].sentenceWeight[sentence, default: 0] += candidate.weight
            }
        }
        return ArticleAnalysis(text: text, tallies: tallies, domainHits: domainHits, cueHits: cueHits,
                               offGenreHits: offGenreHits)
    }

    /// Whether another genre's word is only part of a longer word of this one: 品牌 in 党建品牌 (a
    /// party-building label, not a shop's brand), 房产 across 住房产权, 厂家 across 纺织厂家属院 (a staff
    /// compound, not a manufacturer). A genre word lying wholly inside it (物管 in 物管股) does not save it. `words` are in the matcher's order (by end); no
    /// term is longer than `longest` scalars.
    static func isInsideGenreWord(_ hit: PatternMatcher.Hit, _ words: [PatternMatcher.Hit], longest: Int) -> Bool {
        // The first word ending after the hit starts; words that overlap it end before hit.end + longest.
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].end > hit.start { high = mid } else { low = mid + 1 }
        }
        var i = low
        while i < words.count, words[i].end <= hit.end + longest {
            let word = words[i]
            let overlaps = word.start < hit.end && word.end > hit.start
            let within = word.start >= hit.start && word.end <= hit.end
            if overlaps && !within { return true }
            i += 1
        }
        return false
    }

    /// Byline and author-footer parentheses (`（记者 …）`, `（作者系…）`): names and affiliations, not
    /// content; and an outlet's tag opening a paragraph (`【某某新闻台】`, `【某某日报讯】`), a dateline.
    static func mutedSpans(_ text: [Unicode.Scalar]) -> [(Int, Int)] {
        let openers: [[Unicode.Scalar]] = ["记者", "通讯员", "本报记者", "全媒体记者", "融媒体记者", "首席记者", "特约记者", "见习记者",
                                           "实习记者", "作者系", "作者单位", "作者："].map { Array($0.unicodeScalars) }
        var spans = outletTags(text)
        var index = 0
        while index < text.count {
            let scalar = text[index]
            guard scalar == "（" || scalar == "(" else {
                index += 1
                continue
            }
            var body = index + 1
            while body < text.count, text[body] == " " || text[body] == "\u{3000}" { body += 1 }
            let opens = openers.contains { opener in
                body + opener.count <= text.count && Array(text[body..<body + opener.count]) == opener
            }
            guard opens else {
                index += 1
                continue
            }
            var close = body
            while close < text.count, text[close] != "）", text[close] != ")", text[close] != "\n" { close += 1 }
            spans.append((index, close))
            index = close
        }
        return spans
    }

    /// `【now新闻台】`, `【某某日报讯】` at the start of a paragraph: who reports, not what about.
    static func outletTags(_ text: [Unicode.Scalar]) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        var start = 0
        while start < text.count {
            if text[start] == "【", let close = text[start..<min(text.count, start + 16)].firstIndex(of: "】"),
               close > start + 1, outletEnds.contains(text[close - 1]) {
                spans.append((start, close + 1))
            }
            guard let newline = text[start...].firstIndex(of: "\n") else { break }
            start = newline + 1
        }
        return spans
    }

    /// The last character of an outlet's name or dateline tag, in either script (evidence is read as written).
    static let outletEnds: Set<Unicode.Scalar> = ["台", "臺", "网", "網", "报", "報", "社", "讯", "訊", "电", "電", "闻", "聞"]

    /// Whether the hit lies wholly inside one of the spans.
    static func inside(_ hit: PatternMatcher.Hit, _ spans: [(Int, Int)]) -> Bool {
        spans.contains { hit.start >= $0.0 && hit.end <= $0.1 }
    }

    /// Whether an ASCII-letter cue stands alone (`AI` in `AI识别`, not in `MAIN`).
    static func isWholeWord(_ hit: PatternMatcher.Hit, in text: [UInt32]) -> Bool {
        func isLetter(_ value: UInt32) -> Bool { (0x61...0x7A).contains(value) }
        if hit.start > 0, isLetter(text[hit.start - 1]) { return false }
        if hit.end < text.count, isLetter(text[hit.end]) { return false }
        return true
    }

    /// A reporter word in a byline, not about the media: another outlet's reporter (新华社记者,
    /// 某某日报记者) or a reporter followed by a name (记者 张三 李四, 记者张三、李四).
    static func isByline(_ hit: PatternMatcher.Hit, in text: [UInt32]) -> Bool {
        if hit.start > 0, let before = Unicode.Scalar(text[hit.start - 1]),
           ["报", "社", "台", "网", "刊", "站", "局"].contains(before) {
            return true
        }
        var i = hit.end
        while i < text.count, text[i] == 0x20 || text[i] == 0x3000 || text[i] == 0xFF1A || text[i] == 0x3A { i += 1 }
        var han = 0
        while i < text.count, let scalar = Unicode.Scalar(text[i]), CharacterClass.isHan(scalar) {
            han += 1
            i += 1
        }
        guard (2...3).contains(han) else { return false }
        guard i < text.count, let next = Unicode.Scalar(text[i]) else { return true }
        return [" ", "\u{3000}", "、", "）", ")", "】", "]", "\n", "/", "|", "│"].contains(next)
    }

    /// A cue right before a road or street word is part of a place name: 文化路, 公园路, 和平街, 幸福巷.
    static func isStreetName(_ hit: PatternMatcher.Hit, in text: [UInt32]) -> Bool {
        guard hit.end < text.count, let next = Unicode.Scalar(text[hit.end]) else { return false }
        let after = hit.end + 1 < text.count ? Unicode.Scalar(text[hit.end + 1]) : nil
        switch next {
        case "路":
            // 路径, 路线, 路灯 … are words of their own, not a street.
            let words: Set<Unicode.Scalar> = ["径", "线", "灯", "口", "面", "网", "段", "上", "子", "数", "由"]
            return after.map { !words.contains($0) } ?? true
        case "街":
            let words: Set<Unicode.Scalar> = ["区", "巷", "坊", "景", "头", "面"]
            return after.map { !words.contains($0) } ?? true
        case "巷":
            return after != "道"
        case "大":
            return after == "道" || after == "街"
        default:
            return false
        }
    }
}
