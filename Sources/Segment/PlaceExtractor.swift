import Characters

/// Finds place names as written: admin units, streets, waters, named compounds, and bare
/// province or major-city names.
///
/// A name is what precedes a place suffix (`武侯区`, `玉林街道`, `南京路`, `盘龙江`), cut on the left
/// at punctuation, function words and the end of an enclosing admin unit, and rejected when it is
/// an ordinary word (`老旧小区`, `城市`, `思路`). A party committee or office of a place names the place
/// because the suffix ends the name (`两江新区党工委` → `两江新区`). Newspapers, universities and
/// companies are not places.
struct PlaceExtractor {
    private struct Candidate {
        /// The stem in simplified script, for the tables.
        var stem: [Unicode.Scalar]
        var suffix: PlaceSuffix
        /// The name as written: stem, and the suffix where the suffix is kept.
        var written: [Unicode.Scalar]
        /// The left edge was a real boundary (punctuation, function word, enclosing unit), not the length cap.
        var bounded: Bool
    }

    /// Places in reading order, each once.
    func places(in lines: [Line]) -> [String] {
        var candidates: [Candidate] = []
        var bare: [String] = []
        for line in lines {
            scan(line.scalars, into: &candidates, bare: &bare)
        }
        // Names found with a clean left edge vouch for themselves; a longer stem ending in one of
        // them had a verb or conjunction glued on (`总结和睦街道` → `和睦街道`).
        var known: Set<[Unicode.Scalar]> = []
        for c in candidates where c.bounded { known.insert(c.stem) }
        // A place named many times is judged once: names are kept as scalars until the end.
        var seen: Set<[Unicode.Scalar]> = []
        var judged: Set<[Unicode.Scalar]> = []
        var out: [String] = []
        for c in candidates where judged.insert(c.bounded ? c.written + ["\u{1}"] : c.written).inserted {
            var stem = c.stem
            if stem.count > 2 {
                for cut in 1..<(stem.count - 1) where known.contains(Array(stem[cut...])) {
                    stem = Array(stem[cut...])
                    break
                }
            }
            if !c.bounded, stem.count == c.stem.count, stem.count > 3 { continue }
            let name = Array(c.written[(c.stem.count - stem.count)...])
            if seen.insert(name).inserted { out.append(Scalars.string(name)) }
        }
        var seenStrings = Set(out)
        for name in bare where seenStrings.insert(name).inserted { out.append(name) }
        return out
    }

    /// `七星关—威宁、水城—盘州、仁怀—赤水`: three or more county-level units in a row, each written without
    /// its suffix and set apart by `、`, dashes, slashes or quotes.
    private func listedCounties(_ s: [Unicode.Scalar], _ written: [Unicode.Scalar], into bare: inout [String]) {
        var run: [Range<Int>] = []
        func flush() {
            if run.count >= 3 { for r in run { bare.append(Scalars.string(written[r])) } }
            run.removeAll()
        }
        // The words between two separators (or a separator and the line's edge), one pass.
        func take(_ token: Range<Int>) {
            if token.isEmpty { return }
            if (2...3).contains(token.count), s[token].allSatisfy(CharacterClass.isHan), Gazetteer.countyShortForms.contains(Array(s[token])) {
                run.append(token)
            } else {
                flush()
            }
        }
        var start = 0
        for i in s.indices where PlaceExtractor.listSeparators.contains(s[i]) {
            take(start..<i)
            start = i + 1
        }
        take(start..<s.count)
        flush()
    }

    static let listSeparators = ScalarSet("、—–/／“”「」\"")

    private func scan(_ written: [Unicode.Scalar], into candidates: inout [Candidate], bare: inout [String]) {
        // Tables match the simplified fold; names are cut from the text as written.
        let s = TraditionalFold.fold(written)
        if s.count >= 8 { listedCounties(s, written, into: &bare) }
        var chainStart = 0   // a name never starts before this (end of the last admin unit)
        var lastPlaceEnd = -1
        var rejectedEnd = -1   // where a suffix ended whose stem was no name
        let triggers = PlaceExtractor.triggers
        let suffixTable = PlaceSuffix.byFirst
        var i = 0
        while i < s.count {
            let scalar = s[i]
            // Most characters start neither a known name nor a suffix: one bitmap test skips them.
            if !triggers.contains(scalar) { i += 1; continue }
            // One walk of the gazetteer's trie gives the longest full name and bare form starting here.
            let known = Gazetteer.trie.longest(in: s, at: i)
            // A full division name (`武侯区`, `黔东南苗族侗族自治州`) is a name wherever it stands.
            if known.full >= 2, let full = fullName(s, at: i, length: known.full, lastPlaceEnd: lastPlaceEnd) {
                candidates.append(Candidate(stem: full, suffix: PlaceExtractor.division,
                                            written: Array(written[i..<(i + full.count)]), bounded: true))
                i += full.count
                chainStart = i
                lastPlaceEnd = i
                continue
            }
            if known.bare > 0, acceptsBare(s, start: i, end: i + known.bare, name: Array(s[i..<(i + known.bare)]), lastPlaceEnd: lastPlaceEnd) {
                // `广东和浙江`: a province or city written bare; nothing inside it starts another name.
                bare.append(Scalars.string(written[i..<(i + known.bare)]))
                i += known.bare
                chainStart = i
                lastPlaceEnd = i
                continue
            }
            guard let suffixes = suffixTable[scalar],
                  let suffix = suffixes.first(where: { Scalars.has(s, $0.text, at: i) }) else { i += 1; continue }
            let end = i + suffix.text.count
            // (`这里`, `公里`: 里 ends a name only two or three scalars after a district; see below.)
            if suffix.text == PlaceExtractor.neighbourhood, !(2...3).contains(i - lastPlaceEnd) { i += 1; continue }
            // `、相关小区`: 小区 was no name here, and 区 after `相关小` is none either.
            if end == rejectedEnd { i += 1; continue }
            // `八一街市粮食局`: a street, then the city's bureau (市 is not the street's market here).
            if end < s.count, suffix.badFollowers.contains(s[end]), !(suffix.text == PlaceExtractor.street && cityBodyFollows(s, from: end)) {
                i += 1
                continue
            }
            if suffix.kind == .water, end < s.count, CharacterClass.isASCIIDigit(s[end]) { i += 1; continue }
            // `玉林、簇桥等街道`, `大关等5个街道`: the items of the list are the names.
            if suffix.kind == .admin || suffix.kind == .area, let last = enumerationEnd(s, suffixAt: i) {
                expandEnumeration(s, written, endingAt: last + 1, suffix: suffix, into: &candidates)
                i = end
                continue
            }

            // `青石巷社区`, `团结路社区`: the street names the community; the community is the place.
            if suffix.kind == .street || suffix.kind == .water, namesUnit(s, from: end) { i = end; continue }
            // `岳程街道家属院`: a work unit's compound named after the place just before it.
            if suffix.text == PlaceExtractor.staffCompound, i == lastPlaceEnd, let place = candidates.last,
               case let unit = place.stem + place.suffix.text, i >= unit.count, Array(s[(i - unit.count)..<i]) == unit {
                candidates.append(Candidate(stem: unit, suffix: suffix, written: Array(written[(i - unit.count)..<end]), bounded: true))
                chainStart = end
                lastPlaceEnd = end
                i = end
                continue
            }
            // `台南市東區`: a district named by its direction, right after its city.
            if suffix.text == PlaceExtractor.district, i >= 1, i - 1 == lastPlaceEnd, PlaceExtractor.directions.contains(s[i - 1]),
               candidates.last.map({ $0.suffix.kind == .admin }) == true, end == s.count || !suffix.badFollowers.contains(s[end]) {
                candidates.append(Candidate(stem: [s[i - 1]], suffix: suffix, written: Array(written[(i - 1)..<end]), bounded: true))
                chainStart = end
                lastPlaceEnd = end
                i = end
                continue
            }
            guard var (stemStart, bounded) = stemStart(s, suffixAt: i, suffix: suffix, floor: chainStart) else { i += 1; continue }
            // `原胶带厂家属院`: a compound keeps the former name of its work unit.
            if suffix.text == PlaceExtractor.staffCompound, stemStart > chainStart, s[stemStart - 1] == "原" { stemStart -= 1 }
            // `青石镇和柳湾村`: 和 joins two places.
            if stemStart == lastPlaceEnd, s[stemStart] == "和", i - stemStart > 2 { stemStart += 1; bounded = true }
            // `民主路春风巷`: a lane glued to the road before it starts where the road's name ends (a compound
            // keeps the road or river it is named after: `抚河明珠小区`).
            if stemStart < lastPlaceEnd, i - lastPlaceEnd >= max(2, suffix.minStem), suffix.kind == .street,
               candidates.last?.suffix.kind == .street, !PlaceExtractor.stopScalars.contains(s[lastPlaceEnd]) {
                stemStart = lastPlaceEnd
                bounded = true
            }
            // `解放西路海宝社区`: a community with a name of its own after the road it lies on (`团结路社区` is
            // named after the road: nothing stands between).
            if suffix.text == PlaceExtractor.community, stemStart < lastPlaceEnd, i - lastPlaceEnd >= 2,
               candidates.last?.suffix.kind == .street, !PlaceExtractor.stopScalars.contains(s[lastPlaceEnd]) {
                stemStart = lastPlaceEnd
                bounded = true
            }
            // `建设社区和环保社区`: between two names with the same suffix, 和/与/及 joins them even when
            // the first was not taken for a name.
            if PlaceExtractor.joiners.contains(s[stemStart]), i - stemStart > 2, stemStart >= suffix.text.count,
               Scalars.hasSuffix(s, suffix.text, before: stemStart) {
                stemStart += 1
                bounded = true
            }
            // `助推两江新区`, `包含威海路`: a known name ending with the suffix, or ending the stem, is the
            // name; what precedes it is another word.
            if let known = knownEnding(s, from: stemStart, to: end), end - known > suffix.text.count {
                stemStart = known
                bounded = true
            } else if let known = knownEnding(s, from: stemStart, to: i), i - known >= 2 {
                stemStart = known
                bounded = true
            }
            let stem = Array(s[stemStart..<i])
            // `东区街道竹苑`: a stem that runs back into a street office or a community starts after it;
            // where that leaves too little, the suffix belongs to the next name (`竹苑社区`).
            if PlaceExtractor.units.contains(where: { stem.count > $0.count && Scalars.has(stem, $0, at: 0) }) { i += 1; continue }
            // `、慈城镇`: a two-scalar name standing alone is a name even where its ending is ordinary.
            let alone = stem.count == 2 && suffix.kind == .admin && suffix.text.count == 1
                && (stemStart == 0 || !CharacterClass.isHan(s[stemStart - 1])) && end < s.count
                && PlaceExtractor.governmentAfter.contains(s[end]) && !isStop(s, endingAt: i - 1, lowerBound: stemStart)
                && !PlaceExtractor.stopScalars.contains(stem[0])
            // `正街社区、建设社区和环保社区`: an item between names with the same suffix is a name even where
            // its stem is an ordinary word.
            let listed = stemStart > 0 && s[stemStart - 1] == "、" && lastPlaceEnd == stemStart - 1 && stem.count <= 4
                && Scalars.hasSuffix(s, suffix.text, before: stemStart - 1) && !PlaceExtractor.stopScalars.contains(stem[0])
                && !PlaceExtractor.determiners.contains(stem)
            // `对向阳小区`: right after one function word, a stem starting like another is a name (`向阳`).
            // `前山街道` opening a line or after punctuation: there is nothing before it to make a phrase with.
            // `南起自由大路`: after the words that bound an area, what follows is a name whatever it starts with.
            let afterStop = ((stemStart == 0 || PlaceExtractor.stopScalars.contains(s[stemStart - 1]) || !CharacterClass.isHan(s[stemStart - 1]))
                && stem.count >= 2 && PlaceExtractor.nameStarts.contains(stem[0]))
                || (stem.count >= 2 && PlaceExtractor.boundaryWords.contains { Scalars.hasSuffix(s, $0, before: stemStart) })
            if (!alone && !listed && isGeneric(stem, suffix, afterPlace: stemStart == lastPlaceEnd, afterStop: afterStop)) || isInstitution(s, from: end) {
                rejectedEnd = end
                i += 1
                continue
            }
            // `昨日於西區`, `率先将西区`, `拨款用于西区`: a function word inside the stem joins a verb to the name.
            if stem.count >= 3, stem.dropFirst().dropLast().contains(where: { PlaceExtractor.innerStops.contains($0) }) { i += 1; continue }
            // Every province is in the gazetteer; a city or county outside it has a two-scalar name at most
            // (`江城市`), so `建议市`, `议稿获省` are words before a suffix.
            if suffix.text == PlaceExtractor.province || suffix.text == PlaceExtractor.city || suffix.text == PlaceExtractor.county,
               !Gazetteer.contains(stem), suffix.text == PlaceExtractor.province || stem.count != 2 { i += 1; continue }
            // `15分钟社区`: a stem glued to a number is a measure, not a name.
            if stemStart > 0, CharacterClass.isASCIIDigit(s[stemStart - 1]), suffix.kind != .street { i += 1; continue }
            // `東區建國里`: a neighbourhood (里) is a name only right after the district it lies in.
            if suffix.text == PlaceExtractor.neighbourhood, stemStart != lastPlaceEnd || stem.count > 3 { i += 1; continue }
            // `文化路1段`, `文化路一段`: a road's section is part of its name.
            let nameEnd = suffix.kind == .street ? PlaceExtractor.sectionEnd(s, from: end) ?? end : end
            let name = Array(written[stemStart..<(suffix.keepsSuffix ? nameEnd : i)])
            candidates.append(Candidate(stem: stem, suffix: suffix, written: name, bounded: bounded))
            // `某某街道办锦江社区`, `某某街道办事处锦江社区`: the office's word belongs to the street office, not to the next name.
            var next = nameEnd
            if suffix.text == PlaceExtractor.streetOffice, let word = PlaceExtractor.officeWords.first(where: { Scalars.has(s, $0, at: next) }) {
                next += word.count
            }
            if suffix.boundsChain { chainStart = next }
            lastPlaceEnd = next
            i = next
        }
    }

    /// The commonest street names in Chinese towns (general knowledge), words in their own right.
    static let commonStreetStems: Set<[Unicode.Scalar]> = Set("""
        建设 人民 解放 劳动 和平 胜利 中山 文化 工业 团结 新华 光明 幸福 友谊 青年 健康 民主 复兴 建国 东风 红旗 前进 跃进 五一 八一
        育才 学府 振兴 繁荣 迎宾 长征 新建 向阳 东方 公园 车站 北京 上海 延安 人民北 人民南 人民东 人民西 解放东 解放西 解放南 解放北
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.unicodeScalars) })

    static let streetOffice = "街道".scalars
    static let officeWords: [[Unicode.Scalar]] = ["办事处", "办"].map(\.scalars)

    /// Where `1段`, `一段`, `二段` after a road's name ends, if one follows (not `一段时间`, `一段路`).
    static func sectionEnd(_ s: [Unicode.Scalar], from end: Int) -> Int? {
        var j = end
        while j < s.count, j - end < 2, CharacterClass.isASCIIDigit(s[j]) || numerals.contains(s[j]) { j += 1 }
        guard j > end, j < s.count, s[j] == "段" else { return nil }
        if j + 1 < s.count, sectionNotAfter.contains(s[j + 1]) { return nil }
        return j + 1
    }

    static let numerals = ScalarSet("一二三四五六七八九十")
    static let sectionNotAfter = ScalarSet("时路距落话历文子")
    static let neighbourhood = "里".scalars, district = "区".scalars

    /// Where the stem before a suffix at `i` starts, and whether a real boundary stopped it; nil if too short.
    private func stemStart(_ s: [Unicode.Scalar], suffixAt i: Int, suffix: PlaceSuffix, floor: Int) -> (Int, Bool)? {
        // Walk left over Han scalars to the nearest hard boundary, at most a few beyond the cap.
        var lo = i
        let limit = max(floor, i - suffix.maxStem - 4)
        while lo > limit, CharacterClass.isHan(s[lo - 1]) { lo -= 1 }
        var bounded = lo > i - suffix.maxStem - 4 || lo == floor
        // Function words cut the stem, unless the cut would leave it too short (`人和街道`, `干将路`).
        var start = lo
        var j = i - 1
        let minimum = max(2, suffix.minStem)
        // `这次丁村`, `成为丁村`: a listed function word of two or more scalars right before a one-scalar
        // stem ends the phrase there (a single function word may stand inside a name: `人和街道`); the
        // stem is the name where the suffix allows one scalar, else there is none to take.
        if i - 2 >= lo, PlaceSuffix.byFirst[s[i - 1]] == nil, isStopWord(s, endingAt: i - 2, lowerBound: lo) {
            return suffix.minStem == 1 ? (i - 1, true) : nil   // (`建设路社区`: the stem is a street's name)
        }
        while j >= lo, i - (j + 1) < minimum { j -= 1 }
        while j >= lo {
            // `居民区岚皋路`: the end of an unrecognised unit ends the stem as well.
            // `前山街道福石社区`: a street office's name ends the community's stem like a unit's.
            if isStop(s, endingAt: j, lowerBound: lo) || PlaceExtractor.unitEnds.contains(s[j]) || (s[j] == "道" && j > lo && s[j - 1] == "街"),
               i - (j + 1) >= max(2, suffix.minStem) {
                start = j + 1
                bounded = true
                break
            }
            j -= 1
        }
        let stemLength = i - start
        guard stemLength >= suffix.minStem else { return nil }
        if stemLength > suffix.maxStem { return (i - suffix.maxStem, false) }
        if suffix.minStem == 1, stemLength == 1, !bounded { return nil }
        return (start, bounded)
    }

    /// The full division name of `length` scalars starting at `i` (the longest there), unless it is glued into other words.
    private func fullName(_ s: [Unicode.Scalar], at i: Int, length: Int, lastPlaceEnd: Int) -> [Unicode.Scalar]? {
        let name = Array(s[i..<(i + length)])
        let end = i + length
        // `区域`, `区别`, `市场`: the last scalar starts a word instead of ending the name.
        if end < s.count, PlaceExtractor.fullNameBlockers.contains(s[end]) { return nil }
        // `示范县` is not `范县`, `沿海城市` not `海城市`, `河南山区` not `南山区`: short names and names
        // ending like an ordinary word need a clean left edge.
        if i > 0, i != lastPlaceEnd, CharacterClass.isHan(s[i - 1]), isRisky(name), !cleanLeft(s, at: i) { return nil }
        if isInstitution(s, from: end) { return nil }
        return name
    }

    private func isRisky(_ name: [Unicode.Scalar]) -> Bool {
        if name.count == 2 || name[0] == "市" { return true }
        for ending in PlaceExtractor.riskyEndings where Scalars.hasSuffix(name, ending, before: name.count) { return true }
        return false
    }

    /// Whether the scalar before `i` ends a function word, a verb or a unit, so a name may start at `i`.
    private func cleanLeft(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        let before = s[i - 1]
        if PlaceExtractor.stopScalars.contains(before) || PlaceExtractor.bareLeft.contains(before) { return true }
        // `10月14日郴州讯`, `12月3日北京电`: a dispatch's place after its date.
        if before == "日", i >= 2, CharacterClass.isASCIIDigit(s[i - 2]) || Line.chineseNumerals.contains(s[i - 2]) { return true }
        return isStop(s, endingAt: i - 1, lowerBound: max(0, i - 4))
    }

    /// Where a known name (bare form or full name) starts that ends exactly at `end`, if it starts after `from`.
    private func knownEnding(_ s: [Unicode.Scalar], from: Int, to end: Int) -> Int? {
        // One walk leftwards in the trie of reversed names: walking every name with the same last scalar
        // (over a thousand end in 区) made a long line of district names take minutes.
        guard end - from >= 3 else { return nil }
        return Gazetteer.reversedTrie.longestEnding(in: s, before: end, lowerBound: from + 1)
    }

    /// Whether a community, street office, compound or village suffix follows directly.
    private func namesUnit(_ s: [Unicode.Scalar], from end: Int) -> Bool {
        PlaceExtractor.units.contains { Scalars.has(s, $0, at: end) }
    }

    /// First scalars of every gazetteer name and place suffix.
    static let triggers = ScalarSet(Gazetteer.names.map { $0.unicodeScalars.first! } + Gazetteer.fullFirsts
        + PlaceSuffix.all.map { $0.text[0] })

    /// The pseudo-suffix of a full division name: the name is complete as matched.
    static let division = PlaceSuffix(text: [], kind: .admin, maxStem: 12, keepsSuffix: false)

    /// Scalars after a full name that make its last scalar the start of a word (`区域`, `市场`).
    static let fullNameBlockers = ScalarSet("域别间划块场值级")

    static let joiners = ScalarSet("和与及")

    /// Holidays that name streets and compounds (`八一街`, `五一小区`).
    static let holidays: Set<[Unicode.Scalar]> = Set(["五一", "八一", "七一", "五四", "六一", "三八", "十一", "二七"].map(\.scalars))

    static func isCountScalar(_ c: Unicode.Scalar) -> Bool { Line.chineseNumerals.contains(c) || c == "两" || c == "兩" || c == "几" || c == "幾" || c == "百" || c == "千" }

    /// `东起…西至…`: the words that bound an area, each followed by a name.
    static let boundaryWords: [[Unicode.Scalar]] = ["东起", "西起", "南起", "北起", "破解", "辅导", "整合", "说服", "东至", "西至", "南至", "北至"].map(\.scalars)

    /// Function words that also begin many names (`向阳`, `后宅`, `前进`, `和平`).
    static let nameStarts = ScalarSet("向后前和")

    /// Function words that never stand inside a place's name (`于家堡` starts with one, which is allowed).
    static let innerStops = ScalarSet("于在从把被将对的了着予")

    static let street = "街".scalars, staffCompound = "家属院".scalars

    /// `市粮食局`, `市委`, `市政府`: a city's body right after `from`.
    private func cityBodyFollows(_ s: [Unicode.Scalar], from: Int) -> Bool {
        guard from < s.count, s[from] == "市" else { return false }
        let window = Array(s[(from + 1)..<min(s.count, from + 6)])
        return window.contains("局") || window.contains("委") || Scalars.find(PlaceExtractor.government, in: window) != nil
    }

    static let government = "政府".scalars

    /// Last scalars of admin units: a stem that runs past one into a unit's name starts after it.
    static let unitEnds = ScalarSet("区县省镇乡")

    /// Endings of full names that are also ordinary words (`城市`, `山区`, `城区`).
    static let riskyEndings: [[Unicode.Scalar]] = ["城市", "山区", "城区", "新区", "湖区", "江区", "河区"].map(\.scalars)

    /// Left neighbours after which a bare city name is believed: provinces, units, joining words.
    static let bareLeft = ScalarSet("省市区县州和与及赴往来到至在于从自社讯")

    static let units: [[Unicode.Scalar]] = ["社区", "街道", "小区", "新村"].map(\.scalars)

    /// Whether a function word (single scalar or a listed word) ends at `j`.
    private func isStop(_ s: [Unicode.Scalar], endingAt j: Int, lowerBound: Int) -> Bool {
        PlaceExtractor.stopScalars.contains(s[j]) || isStopWord(s, endingAt: j, lowerBound: lowerBound)
    }

    /// Whether a listed function word (not a single scalar) ends at `j`.
    private func isStopWord(_ s: [Unicode.Scalar], endingAt j: Int, lowerBound: Int) -> Bool {
        if let words = PlaceExtractor.stopWordsByLast[s[j]] {
            for word in words where j + 1 - word.count >= lowerBound && Scalars.hasSuffix(s, word, before: j + 1) {
                return true
            }
        }
        return false
    }

    private func isGeneric(_ stem: [Unicode.Scalar], _ suffix: PlaceSuffix, afterPlace: Bool = false, afterStop: Bool = false) -> Bool {
        // `在旧区`, `加强社区`, `设施与社区`, `按照市`: a verb or function word, not a name, before the suffix.
        guard let first = stem.first, let last = stem.last else { return true }
        if Gazetteer.contains(stem) { return false }
        // `建设路`, `劳动路`, `人民街`: the names most towns give a street, though each is also an ordinary word.
        if suffix.kind == .street, PlaceExtractor.commonStreetStems.contains(stem) { return false }
        // Right after a district (`卫滨区自由街`) a name may start with what is elsewhere a function word.
        if PlaceExtractor.stopScalars.contains(first), !(afterPlace && suffix.kind == .street), !afterStop,
           !(first == "原" && suffix.text == PlaceExtractor.staffCompound) {
            return true
        }
        // `求智未来社区` is a name, `未来社区` a kind of community.
        if suffix.text == PlaceExtractor.community, stem.count >= 4, Scalars.hasSuffix(stem, PlaceExtractor.future, before: stem.count),
           !isGeneric(Array(stem.dropLast(2)), PlaceExtractor.bareItem) {
            return false
        }
        // `12米宽的大道`: a description, not a street's name; `必经之路`, `发展之路`: a figure of speech.
        if suffix.kind == .street, last == "的" || last == "之" { return true }
        // Streets keep names like `干将路`; their own list of ordinary endings does the work.
        if suffix.kind != .street {
            if PlaceExtractor.stopScalars.contains(last) || PlaceExtractor.verbEndings.contains(last) { return true }
            if last == "和", stem.count >= 3 { return true }
        }
        if let words = PlaceExtractor.stopWordsByLast[last] {
            for word in words where Scalars.hasSuffix(stem, word, before: stem.count) { return true }
        }
        // `江城市`, `盐城市` are cities; `大城市`, `超大城市` are not.
        if suffix.text == PlaceExtractor.city, stem.count == 2, stem[1] == "城" {
            // `全国城市`, `各区城市`: the word 城市 after the end of another word.
            return PlaceExtractor.sizeWords.contains(stem[0]) || PlaceExtractor.beforeCity.contains(stem[0])
        }
        // `一厂一村`, `一村一品`: a slogan counting villages, not a village's name.
        if suffix.kind == .compound, first == "一" || (last == "一" && stem.count >= 3) { return true }
        // `老城区社区`: a community of some district, not a named one.
        // (`东区街道`, `西区社区`: a district named by its direction is a name.)
        if suffix.kind == .admin, suffix.text.count == 2, PlaceExtractor.unitEnds.contains(last),
           !(stem.count == 2 && PlaceExtractor.directions.contains(first)) { return true }
        // `现代化社区`, `规范化小区`: a quality, not a name; `普惠型未来社区`, `学习型社区`: a kind.
        if suffix.kind == .admin || suffix.kind == .compound || suffix.kind == .area, stem.count >= 3, last == "化" || last == "型" || last == "式" {
            return true
        }
        for ending in suffix.genericEndings where Scalars.hasSuffix(stem, ending, before: stem.count) {
            // `六盘水明湖湿地公园` (right after a place), `枇杷山正街`: a name before the generic word makes the
            // whole a name.
            let head = Array(stem.dropLast(ending.count))
            if head.count >= 2, (afterPlace && suffix.text == PlaceExtractor.park) || (suffix.text == PlaceExtractor.street && ending == PlaceExtractor.main),
               !isGeneric(head, PlaceExtractor.bareItem), !suffix.genericEndings.contains(head) {
                continue
            }
            return true
        }
        // A stem that is itself a suffix word (`社区社区`) or all numerals is no name.
        // Streets are named after dates (`八一街`, `五四路`).
        // Compounds too are named after holidays (`五一小区`, `八一村`).
        // (`七十二胡同`: a count of lanes, not a lane.)
        if !PlaceExtractor.holidays.contains(stem), stem.allSatisfy(PlaceExtractor.isCountScalar) { return true }
        // `多点两区`, `一核三区`: units counted in a slogan; `九街十八巷`: streets counted.
        if suffix.kind == .admin, suffix.text.count == 1, PlaceExtractor.isCountScalar(last), stem.count >= 2 { return true }
        if suffix.kind == .street, PlaceExtractor.streetScalars.contains(first), stem.dropFirst().allSatisfy(PlaceExtractor.isCountScalar) { return true }
        return false
    }

    /// A university, newspaper, company or association named after a place is not a place.
    private func isInstitution(_ s: [Unicode.Scalar], from: Int) -> Bool {
        // `双岗街道安徽印刷股份有限公司`: a body named after another place is that place's, not this one's.
        let named = from < s.count ? Gazetteer.trie.longest(in: s, at: from) : (full: 0, bare: 0)
        if named.full >= 2 || named.bare >= 2 { return false }
        var i = from
        let limit = min(s.count, from + 10)
        var window: [Unicode.Scalar] = []
        while i < limit, CharacterClass.isHan(s[i]) { window.append(s[i]); i += 1 }
        // `广西壮族自治区新闻出版局`, `某市广播电视局`: a government bureau names its territory.
        if window.contains(where: { $0 == "局" || $0 == "厅" }),
           !PlaceExtractor.strongInstitution.contains(where: { Scalars.find($0, in: window) != nil }) { return false }
        for word in PlaceExtractor.institutionWords where Scalars.has(window, word, at: 0) {
            // `学院路` is a road named after a college.
            return !(word.count < window.count && PlaceExtractor.streetScalars.contains(window[word.count]))
        }
        guard window.count >= 2 else { return false }
        for word in PlaceExtractor.institutionWords where word.count >= 2 && Scalars.find(word, in: window) != nil {
            return PlaceExtractor.strongInstitution.contains(word)
        }
        return false
    }

    private func acceptsBare(_ s: [Unicode.Scalar], start: Int, end: Int, name: [Unicode.Scalar], lastPlaceEnd: Int) -> Bool {
        // A smaller city's bare name is often the tail of another word (`江南通道`): it needs a clean left edge.
        if !Gazetteer.major.contains(name), start > 0, start != lastPlaceEnd, CharacterClass.isHan(s[start - 1]),
           !cleanLeft(s, at: start) {
            return false
        }
        // Part of a longer Han word on the left (`江南京`), or a suffix follows: the suffix rule decides.
        if end < s.count {
            let next = s[end]
            // (`辽宁大连`: a province written before its city, which may begin with 大.)
            if PlaceExtractor.bareBlockers.contains(next), !(next == "大" && Gazetteer.trie.longest(in: s, at: end) != (0, 0)) { return false }
            // `玉林北路`, `南京西路`: a direction and a street suffix make the whole a street's name.
            if PlaceExtractor.directions.contains(next), end + 1 < s.count,
               PlaceExtractor.streetScalars.contains(s[end + 1]) || (s[end + 1] == "大" && end + 2 < s.count && PlaceExtractor.streetScalars.contains(s[end + 2])) {
                return false
            }
            // `济南高新区`: a development zone takes the city's name as part of its own.
            for zone in PlaceExtractor.zones where Scalars.has(s, zone, at: end) { return false }
        }
        return !isInstitution(s, from: end)
    }

    /// `A、B等(N个)街道`: the position just before 等, when a suffix at `i` closes such a list.
    private func enumerationEnd(_ s: [Unicode.Scalar], suffixAt i: Int) -> Int? {
        var j = i - 1
        if j >= 0, s[j] == "个" {
            j -= 1
            guard j >= 0, CharacterClass.isASCIIDigit(s[j]) || Line.chineseNumerals.contains(s[j]) else { return nil }
            while j >= 0, CharacterClass.isASCIIDigit(s[j]) || Line.chineseNumerals.contains(s[j]) { j -= 1 }
        }
        guard j >= 1, s[j] == "等" else { return nil }
        return j - 1
    }

    /// Adds the bare items of `A、B、C` whose last item ends just before `endingAt`.
    private func expandEnumeration(_ s: [Unicode.Scalar], _ written: [Unicode.Scalar], endingAt: Int, suffix: PlaceSuffix,
                                   into candidates: inout [Candidate]) {
        var end = endingAt
        var items: [Candidate] = []
        defer { candidates += items.reversed() }
        while end > 0 {
            var lo = end
            while lo > 0, CharacterClass.isHan(s[lo - 1]), end - lo < 6 { lo -= 1 }
            var start = lo
            for j in stride(from: end - 1, through: lo, by: -1) where PlaceExtractor.stopScalars.contains(s[j]) && end - (j + 1) >= 2 {
                start = j + 1
                break
            }
            let item = Array(s[start..<end])
            guard item.count >= 2, item.count <= 5 else { return }
            if !endsWithAnySuffix(item), !isGeneric(item, suffix) {
                items.append(Candidate(stem: item, suffix: PlaceExtractor.bareItem,
                                       written: Array(written[start..<end]), bounded: true))
            }
            guard start > 0, s[start - 1] == "、" else { return }
            end = start - 1
        }
    }

    /// The pseudo-suffix of a list item: the name stands alone.
    static let bareItem = PlaceSuffix(text: [], kind: .area, maxStem: 5, keepsSuffix: false)

    private func endsWithAnySuffix(_ item: [Unicode.Scalar]) -> Bool {
        for suffix in PlaceSuffix.all where Scalars.hasSuffix(item, suffix.text, before: item.count) { return true }
        return false
    }

    static let stopScalars = ScalarSet(
        "在从于的与及暨对向到至是为把由据等了个各该其并或也都还又被给跟沿共我这那即如让使以将就但而且着过所已每后前内外原全本赴往自因咱仅此".unicodeScalars)

    /// Words that pick out which or how many (`、相关小区`): never a name, even listed after names.
    static let determiners: Set<[Unicode.Scalar]> = Set(["相关", "有关", "所有", "其他", "其它", "各个", "整个", "多个", "部分", "周边", "附近"].map(\.scalars))

    /// Single verbs and measure words that end a phrase like `工程师进社区`, `一位社区`.
    static let verbEndings = ScalarSet("有予进入出到回驻报送给让被把对将会同由与及为是的了着过往赴绕于从至系成经位个名家座户处条种类批向在因填建巡跑副起")

    static let stopWords: [[Unicode.Scalar]] = [
        "协助", "要是", "加强", "明确", "设立", "融入", "组建", "补齐", "走出", "进入", "注重", "实现", "推行", "强化", "发挥", "增强", "关注",
        "进行", "建设", "管理", "治理", "配建", "报送", "统筹", "利用", "解决", "完善", "引导", "鼓励", "参与", "选派", "听取",
        "会同", "接入", "访谈", "建立", "落实", "培育", "创建", "回到", "扎根", "下沉", "联系", "联动", "融合", "对接", "共建",
        "入驻", "进驻", "延伸", "辐射", "确定", "改建", "扩建", "修建", "兴建", "下辖", "所辖", "管辖", "沿线", "责任", "居住地",
        "棚户", "新建", "作者系", "来自", "按照", "如何", "不断", "切实", "广大", "全面", "积极", "持续", "进一步", "逐步",
        "本报", "记者", "作者系", "位于", "毗邻", "按照", "根据", "围绕", "推进", "实施", "开展", "完成", "总结", "成立", "组织", "来自",
        "获悉", "介绍", "其中", "包括", "以及", "例如", "比如", "针对", "结合", "加快", "打造", "推动", "提升", "联合", "举办",
        "召开", "前往", "走进", "来到", "地处", "坐落", "家住", "住在", "选择", "对于", "关于", "通过", "依托", "经过", "目前",
        "近日", "今年", "去年", "近年来", "以来", "同时", "此外", "另外", "特别是", "尤其是", "辖区内", "辖区", "如今", "当前",
        "建成", "新建", "改造", "整治", "选取", "试点", "聚焦", "深入", "调研", "走访", "发现", "表示", "认为", "提出", "要求",
        "部署", "作为", "成为", "属于", "覆盖", "涉及", "覆盖", "惠及", "带动", "服务", "支持", "协调", "指导", "申报", "报送",
        "纳入", "列入", "启动", "印发", "出台", "制定", "发布", "党的", "全市", "全区", "全省", "全县", "市民", "居民",
        "包含", "确保", "期间", "保障", "保证", "涵盖", "及时", "全力", "重点", "主要", "分别", "先后", "已经", "正在",
        "日前", "近期", "节日", "假日", "节假日", "春节", "国庆", "元旦", "各个", "整个", "多个", "几个", "一些", "部分",
        "涉及", "包括", "除了", "位于", "邻近", "紧邻", "周边", "附近", "相关", "有关", "所有", "其他", "以外", "之间",
        "当中", "之中", "范围", "区域", "地区", "一带", "沿途", "途经", "经由", "穿过", "横跨", "连接", "串联", "贯通",
        "打通", "拓宽", "铺设", "提质", "升级", "美化", "亮化", "绿化", "硬化", "修缮", "翻新", "新增", "增设", "设置",
        "安装", "加装", "拆除", "清理", "疏通", "排查", "巡查", "检查", "督查", "考察", "参观", "观摩", "学习", "借鉴",
        "推广", "复制", "宣传", "报道", "据悉", "记者从", "了解到", "看到", "来自", "居住", "生活", "工作", "就读",
        "受邀", "邀请", "带领", "尽管", "安排", "研判", "讨论", "商讨", "动员", "发动", "帮助", "督促", "召集", "调查", "问卷", "建议", "化解", "活化", "需要", "助推", "变成", "成为", "影响", "带来", "形成", "构建", "营造", "提供", "率队", "陪同", "迎来", "送到", "回到", "搬到", "搬进", "搬入", "入住", "规划", "凝聚", "满足", "左右", "更多", "做好", "提高", "探讨", "这次", "此次", "本次", "首次", "再次", "多次", "布局", "汇集", "汇聚", "聚集", "集聚", "需求", "陪伴", "考量", "调动", "充分", "前期", "后期", "后续", "老旧", "荣获", "获评", "获得", "焕发", "出席", "今日", "昨日", "明日", "此时", "这时", "那时", "当时", "届时", "平时", "随时", "东起", "西起", "南起", "北起", "破解", "辅导", "整合", "说服",
        "改善", "他们", "我们", "定义", "激活", "征集", "首批", "只要", "缓解",
    ].map(\.scalars)

    static let stopWordsByLast = ScalarMap(words: stopWords, byLast: true)

    static let institutionWords: [[Unicode.Scalar]] =
        ["日报", "晚报", "早报", "报社", "大学", "学院", "电视台", "广播", "银行", "集团", "公司", "协会", "出版社", "研究院",
         "科学院", "美术", "理工", "师范", "工业大学", "交通大学", "商报", "都市报", "新闻", "卫视", "频道", "律师事务所",
         "研究中心", "青年报", "晨报", "时报", "快报"].map(\.scalars)

    static let strongInstitution: Set<[Unicode.Scalar]> = Set(
        ["日报", "晚报", "早报", "报社", "大学", "电视台", "银行", "集团", "公司", "出版社", "商报", "都市报", "卫视", "频道",
         "律师事务所", "研究中心", "青年报", "晨报", "时报", "快报"].map(\.scalars))

    /// First scalars of what follows a place's name when its government is meant (`人民政府`, `党委`, `办事处`).
    static let governmentAfter = ScalarSet("人党政办委")

    static let community = "社区".scalars, future = "未来".scalars, park = "公园".scalars, main = "正".scalars
    static let city = "市".scalars, province = "省".scalars, county = "县".scalars
    /// Ends of words that stand before 城市 (`全国城市`, `各地城市`, `局城市`).
    static let beforeCity = ScalarSet("得国地局区市省县镇乡村型座等个些性的与和及级线游点体类他种")
    static let sizeWords: Set<Unicode.Scalar> = Set("大小中新老旧古名都县省全各该本城超特巨".unicodeScalars)

    static let zones: [[Unicode.Scalar]] =
        ["高新区", "高新技术", "经开区", "经济技术开发区", "开发区", "新区", "保税区", "自贸区", "综合保税区"].map(\.scalars)

    static let streetScalars: Set<Unicode.Scalar> = ["路", "街", "巷", "道"]

    static let directions: Set<Unicode.Scalar> = ["东", "西", "南", "北", "中"]

    static let bareBlockers: Set<Unicode.Scalar> = [
        "市", "省", "路", "街", "巷", "区", "县", "大", "人", "籍", "话", "菜", "队", "站", "港", "号", "壹",
    ]
}
