import Characters

/// Context-free tests for the structure lines that frame a document: metadata at the top and the
/// sign-off at the bottom.
enum LineRoles {
    /// `成都日报　2023年5月12日　第03版`, `济建发〔2023〕47号`, `2023-09-20 07:45　来源：杭州日报`.
    static func isMeta(_ line: Line) -> Bool {
        guard line.count <= 60, !line.containsFullStop, !line.isByline, !line.isFooter else { return false }
        let s = line.scalars
        // `时间：…` opens a meeting's minutes; it is a paragraph, not a dateline.
        for label in minutesLabels where Scalars.has(s, label) { return false }
        if isDocumentNumber(line) { return true }
        if !DateScanner.dates(in: s).isEmpty {
            // A title may mention a date; a dateline is short or says where it comes from.
            if Scalars.find(source, in: s) != nil || Scalars.find(edition, in: s) != nil { return true }
            // A title may say `於2018年8月14日起公開展覽`: only a line that is all dateline is one.
            return line.count <= 40 && line.meta?.isMeta == true
        }
        if Scalars.find(source, in: s) != nil { return true }
        return hasEditionNumber(s)
    }

    static let source = "来源".scalars
    static let minutesLabels: [[Unicode.Scalar]] = ["时间", "会议时间", "地点", "日期："].map(\.scalars)
    static let edition = "版".scalars

    /// `第03版`.
    static func hasEditionNumber(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count {
            if s[i] == "第" {
                var j = i + 1
                while j < s.count, CharacterClass.isASCIIDigit(s[j]) || Line.chineseNumerals.contains(s[j]) { j += 1 }
                if j > i + 1, j < s.count, s[j] == "版" { return true }
            }
            i += 1
        }
        return false
    }

    /// `济建发〔2023〕47号`, `纪要〔2023〕9号`: a short line with a bracketed year and a number.
    static func isDocumentNumber(_ line: Line) -> Bool {
        guard line.count <= 30, let last = line.lastMeaningful, last == "号" else { return false }
        let s = line.scalars
        guard let open = s.firstIndex(where: { $0 == "〔" || $0 == "[" || $0 == "［" || $0 == "（" || $0 == "(" }),
              open + 5 < s.count else { return false }
        for k in 1...4 where !CharacterClass.isASCIIDigit(s[open + k]) { return false }
        return true
    }

    /// The issuing body of a notice, summary or minutes (`济南市住房和城乡建设局`, `…居委会`, `…（代章）`).
    static func isIssuer(_ line: Line) -> Bool {
        guard line.count >= 3, line.count <= 45, !line.endsSentence, !line.containsFullStop, !line.isNumbered else { return false }
        let s = line.scalars
        for word in sealWords where Scalars.find(word, in: s) != nil { return true }
        var end = s.count
        while end > 0, Scalars.isClosing(s[end - 1]) || CharacterClass.isSpace(s[end - 1]) { end -= 1 }
        // `…（联名112户）`: strip a trailing parenthesis before testing the suffix.
        if end < s.count, let open = s[..<s.count].lastIndex(where: { $0 == "（" || $0 == "(" }) {
            end = open
        }
        let core = Array(s[..<end])
        // `新开工112部` ends like `…部` but counts something.
        guard core.count >= 3, CharacterClass.isHan(core[core.count - 2]) else { return false }
        for suffix in organisationEndings where Scalars.hasSuffix(core, suffix, before: core.count) { return true }
        return false
    }

    static let sealWords: [[Unicode.Scalar]] = ["（代章）", "（盖章）", "（章）", "联名"].map(\.scalars)
    static let organisationEndings: [[Unicode.Scalar]] = [
        "局", "委员会", "居委会", "村委会", "办公室", "办事处", "人民政府", "政府", "工作委员会", "党工委", "党委", "支部",
        "中心", "公司", "协会", "学会", "编辑部", "工作站", "服务站", "管委会", "委", "厅", "部", "处", "院", "所", "社区",
        "街道", "业主", "全体业主", "部分业主", "居民", "全体居民", "小组", "联合会", "研究会", "事务所", "集团", "队",
    ].map(\.scalars)

    /// `此致`, `敬礼！`.
    static func isSalutation(_ line: Line) -> Bool {
        line.count <= 6 && (Scalars.has(line.scalars, "此致".scalars) || Scalars.has(line.scalars, "敬礼".scalars))
    }

    /// `各镇(街)，区各部门：`, `各街道办事处、区政府各部门：`: the addressees a notice opens with.
    static func isAddressee(_ line: Line) -> Bool {
        let s = line.scalars
        guard s.count >= 4, s.count <= 48, !line.containsFullStop, let last = s.last, last == "：" || last == ":" else { return false }
        return s[0] == "各" || s.contains("各")
    }

    /// `联系人：…`, `联系电话：…`, `附件：…`.
    static func isContactOrAttachment(_ line: Line) -> Bool {
        guard line.isLabelled || Scalars.has(line.scalars, attachment) else { return false }
        for word in contactLabels where Scalars.has(line.scalars, word) { return true }
        return false
    }

    static let attachment = "附件".scalars
    static let contactLabels: [[Unicode.Scalar]] =
        ["联系人", "联系电话", "电话", "联系方式", "邮箱", "电子邮箱", "传真", "附件", "抄送", "抄报", "邮编", "通讯地址"].map(\.scalars)
}
