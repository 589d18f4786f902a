import Characters

/// What a printed line is, as far as line joining cares: structure lines are never joined into paragraphs.
enum LineRole: Equatable {
    /// `□陶世祥`, `本报记者 X`, `文/X`, `作者：X`.
    case byline
    /// The start of `（作者系…）`; `closed` when the bracket closes on this line.
    case footer(closed: Bool)
    /// `一、主要工作及成效`, `（二）…` headings, `第三章`.
    case heading
    /// Source and date, document numbers, sign-off dates: `成都日报 2023年5月12日 第03版`, `济建发〔2023〕47号`.
    case metadata
    /// `时间：…`, `地点：…`, `附件：…`, `联系人：…` header lines of minutes and notices.
    case fieldLine
    /// A document's own title: `关于…的通知`, `…工作总结`, `…会议纪要`, `…的投诉信` (see `WrapJoiner`).
    case documentTitle
    case text

    static func of(_ line: [Unicode.Scalar]) -> LineRole {
        guard let first = line.first else { return .text }
        if first == "□" || first == "■" || first == "◆" || first == "◇", line.count <= 30 { return .byline }
        if line.count <= 30, bylineFirsts.contains(first), bylineStarts.contains(where: { line.hasPrefix($0) }) {
            if !line.contains("。"), !line.contains("，") { return .byline }
        }
        if isBracketedCredit(line) { return .byline }
        if first == "（" || first == "(", footerStarts.contains(where: { line.hasPrefix($0) }) {
            return .footer(closed: line.last == "）" || line.last == ")")
        }
        if isHeading(line) { return .heading }
        if isFieldLine(line) { return .fieldLine }
        if isMetadata(line) { return .metadata }
        return .text
    }

    var isStructure: Bool { self != .text }

    private static let bylineStarts = Needles.of(["本报记者", "本台记者", "记者", "通讯员", "文/", "文／", "作者：", "作者:"])

    /// `【无线泉州】一审:苏含雪`: a station's name in brackets, then a short label and the names it credits.
    static func isBracketedCredit(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 30, line.first == "【", let close = line.prefix(10).firstIndex(of: "】") else { return false }
        let rest = line[(close + 1)...]
        guard let colon = rest.prefix(6).firstIndex(where: { $0 == ":" || $0 == "：" }), colon > rest.startIndex else { return false }
        return rest[..<colon].allSatisfy(CharacterClass.isHan) && colon + 1 < line.count
    }
    private static let bylineFirsts = Set(bylineStarts.compactMap(\.first))
    private static let footerStarts = Needles.of(["（作者系", "(作者系", "（作者单位"])
    private static let chapterWords = Needles.of(["章", "节", "部分", "条"])

    private static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `一、…` or `（一）…` or `第一章` at the start of a short line.
    static func isHeading(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count >= 3, line.count <= 40 else { return false }
        var i = 0
        if line[0] == "（" || line[0] == "(" { i = 1 }
        if line[i] == "第" { i += 1 }
        let digitsStart = i
        while i < line.count, numerals.contains(line[i]) { i += 1 }
        guard i > digitsStart, i < line.count else { return false }
        if line[0] == "（" || line[0] == "(" { return line[i] == "）" || line[i] == ")" }
        if line[digitsStart - (line[0] == "第" ? 1 : 0)] == "第" {
            return chapterWords.contains { line[i...].starts(with: $0) }
        }
        return line[i] == "、"
    }

    /// A short line with a year in it and no sentence punctuation, laid out as fields.
    static func isMetadata(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 48 else { return false }
        var hasYear = false
        var digits = 0
        var hasSpace = false
        for (i, s) in line.enumerated() {
            if s == "，" || s == "。" || s == "；" || s == "、" || s == "！" || s == "？" { return false }
            if s == " " || s == "\u{3000}" { hasSpace = true }
            if CharacterClass.isASCIIDigit(s) {
                digits += 1
                if digits == 4, i + 1 < line.count, line[i + 1] == "年" || line[i + 1] == "-" || line[i + 1] == "〕" || line[i + 1] == "]" {
                    hasYear = true
                }
            } else {
                digits = 0
            }
        }
        guard hasYear else { return false }
        let last = line[line.count - 1]
        return hasSpace || last == "日" || last == "号" || last == "版" || line.contains("〔" as Unicode.Scalar)
    }

    private static let fieldNames = Needles.of(["时间：", "地点：", "主持人：", "主持：", "记录人：", "记录：", "参会人员：",
                                                "出席：", "列席：", "缺席：", "参加人员：", "联系人：", "联系电话：", "电话：",
                                                "地址：", "附件：", "邮编：", "关键词：", "摘要：", "来源：", "议题："])

    private static let documentKinds = Needles.of(["通知", "通报", "意见", "办法", "方案", "报告", "总结", "纪要", "投诉信",
                                                   "建议书", "倡议书", "公告", "公示", "决定", "请示", "批复", "的函", "规定",
                                                   "细则", "要点", "的信", "启事", "简报", "致辞", "讲话"])

    private static let kindLasts = Set(documentKinds.compactMap(\.last))

    /// Ends like the title of a notice, summary, minutes or letter, and has no sentence punctuation.
    static func looksLikeDocumentTitle(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count >= 4, line.count <= 48, kindLasts.contains(line[line.count - 1]) else { return false }
        if line.contains(where: { $0 == "，" || $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" }) { return false }
        return documentKinds.contains { line.count > $0.count && line.hasSuffix($0) }
    }

    private static let shortFields = Needles.of(["时间：", "地点：", "主持人：", "主持：", "记录人：", "记录：", "联系人：",
                                                 "联系电话：", "电话：", "地址：", "邮编：", "来源："])

    /// A field whose value is a time, a place or a name: it rarely runs on to a second line.
    static func isShortField(_ line: [Unicode.Scalar]) -> Bool { shortFields.contains { line.hasPrefix($0) } }

    static func isFieldLine(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count >= 3, line[0] != "（" else { return false }
        // `来源:…`, `编辑:某某/审核:某某`: the same fields with an ASCII colon, and a page's credits.
        guard let colon = line.prefix(6).firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0 else { return false }
        let label = Array(line[..<colon]) + ["："]
        return fieldNames.contains(label) || creditFields.contains(label)
    }

    private static let creditFields = Needles.of(["编辑：", "责任编辑：", "责编：", "审核：", "审签：", "校对：", "作者："])
}
