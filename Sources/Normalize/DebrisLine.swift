import Characters
/// Page debris recognised by its shape: a menu bar of short tokens, bracketed buttons (`【纠错】`,
/// `[打印此页]`), counters (`浏览：72次 评论：0`), image file names, a line of page-script JSON or
/// code, share and QR-code prompts, app banners, keyword lines outside an abstract.
///
/// Every rule looks only at lines with no sentence punctuation and rarely longer than a menu, so a
/// real sentence is never debris. Words appear only where a shape needs a hint of what kind of
/// control it is (the verbs of web page controls: 收藏, 打印, 扫码 …), never as whole lines.
package enum DebrisLine {
    /// Why a line is debris, or nil when it is content.
    static func kind(_ s: [Unicode.Scalar]) -> String? {
        guard let first = s.first(where: { !CharacterClass.isSpace($0) }) else { return nil }
        // `{"appId":"wx…","nonceStr":…}`: a share widget's configuration, however long.
        if s.count > 160 { return (first == "{" || first == "[") && isScript(s) ? "script" : nil }
        if isPropertyComment(s) { return nil }
        if isScript(s) { return "script" }
        if isServerPage(s) { return "error page" }
        // Share widgets and site greetings are written as sentences: they are judged before the guard.
        if isShareInstruction(s) { return "share" }
        if isSiteGreeting(s) { return "greeting" }
        if isEmptyListNotice(s) { return "notice" }
        if isPrivacyNotice(s) || isBrowserNotice(s) || isAgeGate(s) || isLoginWall(s) || isIssueEndNotice(s) { return "notice" }
        if isVideoRail(s) { return "video" }
        if isSpamKeywords(s) { return "spam" }
        if isJapanesePrompt(s) { return "foreign" }
        if s.count <= 80, isListedHeadline(s) { return "menu" }
        if isUnderscoredTitles(s) { return "menu" }
        guard s.count <= 80, !hasSentencePunctuation(s) else { return nil }
        if isSeparatorsOnly(s) { return "separator" }
        // `x`, `×`: a pop-up's close button.
        if s.count == 1, s[0] == "x" || s[0] == "X" || s[0] == "×" || s[0] == "✕" { return "button" }
        if isPlayerClock(s) { return "player" }
        if isFontSizeControl(s) { return "button" }
        if isCalendarRow(s) { return "calendar" }
        if isMasthead(s) { return "masthead" }
        if isPageIndex(s) || isPageTurner(s) { return "menu" }
        if isJumpLine(s) { return "jump" }
        if isLunarDate(s) { return "calendar" }
        if isOutletChannel(s) { return "share" }
        if isHotline(s) { return "hotline" }
        if isMenuRunTogether(s) { return "menu" }
        if isShortBreadcrumb(s) || isLocationLine(s) { return "menu" }
        if isReadingTime(s) { return "counter" }
        if isWeatherWidget(s) { return "weather" }
        if isFontSizeWord(s) { return "button" }
        if isRandomToken(s) || isAdSlot(s) { return "token" }
        if isImageID(s) { return "image" }
        if isEmptyMarkup(s) { return "script" }
        if isHotSearchLabel(s) { return "menu" }
        if isPhoneAd(s) { return "hotline" }
        if isPictureNote(s) { return "image" }
        if isImageName(s) { return "image" }
        if isBracketedControls(s) { return "button" }
        if isCounterLine(s) { return "counter" }
        if isAge(s) { return "age" }
        if isShareOrApp(s) { return "share" }
        if isMenuBar(s) { return "menu" }
        return nil
    }

    /// `A+`, `A-`: an e-paper's or news page's font-size buttons.
    static func isFontSizeControl(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 7, s.first == "A" else { return false }
        let marks = s.filter { !CharacterClass.isSpace($0) }
        guard (2...5).contains(marks.count) else { return false }
        return marks.contains { $0 == "+" || $0 == "-" } && marks.allSatisfy { $0 == "A" || $0 == "+" || $0 == "-" }
    }

    /// `1234`, `567891011`, `2627282930`: a row of an e-paper's date picker, the days of a week written
    /// together (four or more consecutive numbers from 1 to 31).
    static func isCalendarRow(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 4, s.count <= 16, s.allSatisfy(CharacterClass.isASCIIDigit) else { return false }
        let digits = s.map { Int($0.value) - 48 }
        for first in 1...31 {
            var i = 0, day = first, days = 0
            while i < digits.count, day <= 31 {
                let width = day >= 10 ? 2 : 1
                guard i + width <= digits.count else { break }
                let value = width == 2 ? digits[i] * 10 + digits[i + 1] : digits[i]
                guard value == day else { break }
                i += width
                day += 1
                days += 1
            }
            if i == digits.count, days >= 4 { return true }
        }
        return false
    }

    /// `某某日报报刊社 某某集团 出版 国内统一刊号:CN52-0013代号65-1`: an e-paper's masthead, naming its
    /// publisher and registration numbers (an article names a serial number only inside a sentence).
    static func isMasthead(_ s: [Unicode.Scalar]) -> Bool {
        // `某某日报 数字报纸`, `某某晚报电子版`: the e-paper's name plate.
        if s.count <= 16, let edition = editionWords.first(where: { s.hasSuffix($0) }),
           case let name = s.dropLast(edition.count).filter({ !CharacterClass.isSpace($0) }), name.count >= 3,
           name.allSatisfy(CharacterClass.isHan), name.last == "报" || name.last == "報" {
            return true
        }
        // `自由電子報`: an electronic paper's own name, alone.
        if s.count <= 8, s.hasSuffix(ePaper) || s.hasSuffix(ePaperTraditional),
           case let name = s.dropLast(ePaper.count), (2...5).contains(name.count), name.allSatisfy(CharacterClass.isHan) {
            return true
        }
        guard let at = s.firstIndex(of: serialNumber) ?? s.firstIndex(of: serialNumberTraditional) else { return false }
        return s[at...].contains("C") && s[at...].contains("N")
    }

    /// `--> 2023-08-12 1 1 某某日报 content_101185.html 1 标题 /enpproperty-->`: an e-paper system's
    /// property comment with its markup stripped. Never debris: the segmenter reads the issue's date
    /// from it and keeps it out of the text.
    package static func isPropertyComment(_ s: [Unicode.Scalar]) -> Bool {
        s.last(where: { !CharacterClass.isSpace($0) }) == ">" && s.firstIndex(of: enpProperty) != nil
    }

    static let enpProperty = Array("enpproperty".unicodeScalars)
    static let editionWords: [[Unicode.Scalar]] = Needles.of(["数字报纸", "数字报", "電子報", "电子报", "电子版", "電子版", "数字版", "數字版"])
    static let ePaper = Array("电子报".unicodeScalars), ePaperTraditional = Array("電子報".unicodeScalars)
    static let serialNumber = Array("统一刊号".unicodeScalars), serialNumberTraditional = Array("統一刊號".unicodeScalars)

    /// `网站首页时政要闻党建动态基层党建…`: a site's menu with the gaps between its items lost, opening
    /// with the home link; no title or sentence starts with `网站首页`.
    static func isMenuRunTogether(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 16, s.hasPrefix(siteHome) else { return false }
        return s.allSatisfy { CharacterClass.isHan($0) || CharacterClass.isSpace($0) }
    }

    static let siteHome = Array("网站首页".unicodeScalars)

    /// `01版:头版`, `12版：燃情体育`, `第04版:国内新闻`: an e-paper's list of its pages, one per line.
    static func isPageIndex(_ s: [Unicode.Scalar]) -> Bool {
        // `第04版:国内新闻`: the same with 第; `第02:综合新闻`, the page list's entry with 版 left out.
        if s.first == "第", s.count > 1 {
            var i = 1
            while i < s.count, i < 4, CharacterClass.isASCIIDigit(s[i]) { i += 1 }
            if i >= 3, i < s.count, s[i] == ":" || s[i] == "：", (2...8).contains(s.count - i - 1), s[(i + 1)...].allSatisfy(CharacterClass.isHan) {
                return true
            }
            return isPageIndex(Array(s.dropFirst()))
        }
        // `A02版:要闻`: a lettered section's page.
        if let first = s.first, CharacterClass.isASCIIUpper(first), s.count > 1 { return isPageIndex(Array(s.dropFirst())) }
        var i = 0
        while i < s.count, i < 5, CharacterClass.isASCIIDigit(s[i]) { i += 1 }
        guard i >= 1 else { return isNamedPage(s) }
        guard s.count <= i + 12, i + 1 < s.count, s[i] == "版", s[i + 1] == ":" || s[i + 1] == "：" else { return false }
        return i + 2 < s.count
    }

    /// `亭林月览一版:要闻`: the paper's name, the page in Chinese numerals, and the page's name.
    static func isNamedPage(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 20, let colon = s.firstIndex(where: { $0 == ":" || $0 == "：" }), colon >= 4, colon + 2 < s.count,
              s[colon - 1] == "版", chineseNumerals.contains(s[colon - 2]) else { return false }
        var k = colon - 2
        while k > 0, chineseNumerals.contains(s[k - 1]) { k -= 1 }
        return k >= 2 && s[..<k].allSatisfy(CharacterClass.isHan) && s[(colon + 1)...].allSatisfy { CharacterClass.isHan($0) || CharacterClass.isSpace($0) }
    }

    static let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)

    /// `当前版: 02版 上一版  下一版`, `第A01版:澳聞 4下一版`: an e-paper's page turner (a sentence about the
    /// next edition of a plan names 版 once); `版面导航`, `当前报纸日期:`, `展开通版`, `本期发布:`: the labels
    /// of its page tools.
    package static func isPageTurner(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 40 else { return false }
        if s.count <= 20, pageTools.occurs(in: s) { return true }
        // `3 上一篇   下一篇 4`: an e-paper's article turner, its words and arrow digits only.
        if s.count <= 20, isTurnerWordsOnly(s) { return true }
        guard s.firstIndex(of: previousPage) != nil || s.firstIndex(of: nextPage) != nil else { return false }
        // (`上一版3 4下一版 2011年1月10日 星期`: the turner beside the issue's date is the page's dateline,
        // left for the metadata reader.)
        if hasYearMonthDay(s) { return false }
        // `3上一版`, `下一版4`: the turner alone, with its arrow digit.
        return s.count <= 6 || s.filter { $0 == "版" }.count >= 2
    }

    /// `2011年1月10日`: four digits, 年, a month and 月, a day and 日.
    static func hasYearMonthDay(_ s: [Unicode.Scalar]) -> Bool {
        guard let year = s.firstIndex(of: "年"), year >= 4, s[(year - 4)..<year].allSatisfy(CharacterClass.isASCIIDigit),
              let month = s[year...].firstIndex(of: "月"), month > year + 1, month <= year + 3,
              let day = s[month...].firstIndex(of: "日"), day > month + 1, day <= month + 3 else { return false }
        return s[(year + 1)..<month].allSatisfy(CharacterClass.isASCIIDigit) && s[(month + 1)..<day].allSatisfy(CharacterClass.isASCIIDigit)
    }

    /// `某某标题一_某某标题二_某某标题三_某某标题四`: other pages' titles joined by underscores (a page's
    /// `<title>` has two or three parts: the title, the column, the site).
    static func isUnderscoredTitles(_ s: [Unicode.Scalar]) -> Bool {
        // (Every line of every page is asked: only one with an underscore is split.)
        guard s.count >= 20, s.count <= 240, s.contains("_"), !s.contains("。") else { return false }
        let parts = s.split(separator: "_")
        return parts.count >= 4 && parts.allSatisfy { $0.count >= 4 }
    }

    /// `0:00 / 0:00`, `00:00/03:25`: an audio or video player's position and length.
    static func isPlayerClock(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 24, s.contains(":") else { return false }
        let parts = s.split(separator: "/").map { $0.filter { !CharacterClass.isSpace($0) } }
        return parts.count == 2 && parts.allSatisfy { part in
            guard let colon = part.firstIndex(of: ":"), colon > 0, part.count - colon == 3 else { return false }
            return part.allSatisfy { CharacterClass.isASCIIDigit($0) || $0 == ":" }
        }
    }

    /// `~~~——某镇某花园将于下月完工`: an item of an e-paper's list of the page's headlines, bulleted with
    /// a run of tildes and dashes (a subtitle opens with one dash, `——记…`, never with a tilde).
    static func isListedHeadline(_ s: [Unicode.Scalar]) -> Bool {
        let bullet = s.prefix { "~～—-".unicodeScalars.contains($0) }
        return bullet.count >= 3 && bullet.count < s.count && bullet.contains { $0 == "~" || $0 == "～" }
    }

    /// `》》》上接01版`, `(下转A3版)`, `上接第1版`: where an e-paper's story continues from or to.
    static func isJumpLine(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 24, s.contains("版") else { return false }
        let core = s.filter { !CharacterClass.isSpace($0) && !"》>»（）()〔〕【】[]".unicodeScalars.contains($0) }
        guard core.count >= 4, core.count <= 10, core.last == "版", jumpWords.contains(where: { core.hasPrefix($0) }) else { return false }
        let digits = core.dropFirst(2).drop { $0 == "第" }.dropLast().drop(while: CharacterClass.isASCIIUpper)
        return !digits.isEmpty && digits.allSatisfy(CharacterClass.isASCIIDigit)
    }

    static let jumpWords: [[Unicode.Scalar]] = Needles.of(["上接", "下转", "下轉", "接第", "转第", "轉第"])

    /// `甲辰年二月初七`: the lunar date under an e-paper's date box (heavenly stem, earthly branch, 年,
    /// a month and a day in numerals).
    static func isLunarDate(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 24, let first = s.first(where: { !CharacterClass.isSpace($0) }), stems.contains(first) else { return false }
        let line = s.filter { !CharacterClass.isSpace($0) }
        guard line.count >= 6, line.count <= 12, stems.contains(line[0]), branches.contains(line[1]), line[2] == "年",
              let month = line.firstIndex(of: "月"), month > 3 else { return false }
        return line[3...].allSatisfy { $0 == "月" || $0 == "闰" || $0 == "閏" || $0 == "正" || $0 == "腊" || $0 == "臘" || $0 == "冬" || lunarDigits.contains($0) }
    }

    static let stems = Set("甲乙丙丁戊己庚辛壬癸".unicodeScalars)
    static let branches = Set("子丑寅卯辰巳午未申酉戌亥".unicodeScalars)
    static let lunarDigits = Set("一二三四五六七八九十初廿卅".unicodeScalars)

    /// `某某日报微博`, `某某网客户端`: an outlet's link to its own channel in a page's header.
    static func isOutletChannel(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 12, s.allSatisfy(CharacterClass.isHan) else { return false }
        for channel in outletChannels where s.count >= channel.count + 2 && s.hasSuffix(channel) {
            return "报网台社".unicodeScalars.contains(s[s.count - channel.count - 1])
        }
        return false
    }

    static let outletChannels: [[Unicode.Scalar]] = Needles.of(["微博", "微信", "客户端", "抖音", "视频号", "公众号"])

    /// `新闻热线 0891-6325020`, `服务热线：400-123-4567`: a site's hotline in its header, nothing else on the line.
    static func isHotline(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 30, let at = s.firstIndex(of: hotline), at <= 6 else { return false }
        var number = s[(at + hotline.count)...].drop { $0 == ":" || $0 == "：" || CharacterClass.isSpace($0) || $0 == "电" || $0 == "話" || $0 == "话" || $0 == "電" }
        // `有奖新闻热线: 88881111 星期六`: the e-paper's weekday after it.
        if number.count > 3, case let tail = number.suffix(3), tail.first == "星", tail.dropFirst().first == "期" { number = number.dropLast(3) }
        let digits = number.filter(CharacterClass.isASCIIDigit).count
        return digits >= 7 && number.allSatisfy { CharacterClass.isASCIIDigit($0) || $0 == "-" || CharacterClass.isSpace($0) || $0 == "、" || $0 == "/" }
    }

    static let hotline = Array("热线".unicodeScalars)
    static let previousPage = Array("上一版".unicodeScalars), nextPage = Array("下一版".unicodeScalars)
    static let turnerWords: [[Unicode.Scalar]] = Needles.of(["上一篇", "下一篇", "上一版", "下一版", "上一期", "下一期"])

    /// Turner words (`上一篇`, `下一版` …), at least two, with nothing else but digits and spaces.
    static func isTurnerWordsOnly(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0, words = 0
        while i < s.count {
            if CharacterClass.isSpace(s[i]) || CharacterClass.isASCIIDigit(s[i]) {
                i += 1
            } else if let word = turnerWords.first(where: { s.has($0, at: i) }) {
                i += word.count
                words += 1
            } else {
                return false
            }
        }
        return words >= 2
    }
    static let pageTools = NeedleSet(["版面导航", "版面導航", "报纸日期", "報紙日期", "通版阅读", "通版閱讀", "展开通版", "展開通版",
                                                           "收缩通版", "收縮通版", "本期发布", "本期發佈", "当前版:", "当前版：", "當前版:", "當前版："])

    /// `《某游戏》将于9月上市   《某某》复刻版确定…   3D拼图…`: a row of other pages' headlines, set apart
    /// by runs of two or more spaces, above the article. Four or more such items and no full stop.
    static func isLinkList(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 60, !s.contains("。") else { return false }
        var items: [Int] = []
        var length = 0, spaces = 0
        for c in s {
            if CharacterClass.isSpace(c) {
                spaces += 1
                continue
            }
            if spaces >= 2, length > 0 { items.append(length); length = 0 }
            spaces = 0
            length += 1
        }
        if length > 0 { items.append(length) }
        // A table row also has columns set apart by spaces, but its cells are short; headlines are not.
        return items.count >= 4 && items.allSatisfy { $0 <= 80 } && items.filter { $0 >= 10 }.count >= 3
    }

    /// `打开微信，点击底部的“发现”，`, `使用“扫一扫”即可将网页分享至朋友圈。`: the instructions of a WeChat
    /// share widget, short, naming WeChat's own controls.
    static func isShareInstruction(_ s: [Unicode.Scalar]) -> Bool {
        // Every instruction names WeChat or a friend: lines with neither are skipped in one pass.
        guard s.count <= 40, s.contains(where: { $0 == "朋" || $0 == "微" }) else { return false }
        if shareInstructions.occurs(in: s) { return true }
        return s.hasPrefix(openWeChat) && s.contains(discover)
    }

    static let openWeChat = Array("打开微信".unicodeScalars), discover = Array("发现".unicodeScalars)
    static let shareInstructions = NeedleSet(["分享至朋友圈", "分享到朋友圈", "分享给微信好友", "发送给朋友", "右上角微信好友"])

    /// `欢迎访问某某网 今天是`, `欢迎光临本站`: a site's greeting in its header.
    static func isSiteGreeting(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 30, let first = s.first, first == "欢" || first == "歡" else { return false }
        return greetings.contains { s.hasPrefix($0) }
    }

    static let greetings: [[Unicode.Scalar]] = Needles.of(["欢迎访问", "欢迎光临", "歡迎訪問", "歡迎光臨"])

    /// `• 暂无相关记录！`, `暂无评论`: an empty list's placeholder.
    /// `本網站使用相關技術…尊重使用者隱私…代表您同意上述規範。`: a site's privacy or cookie banner, naming
    /// the site, privacy and consent.
    static func isPrivacyNotice(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 120, privacyWords.occurs(in: s), siteWords.occurs(in: s) else { return false }
        return consentWords.occurs(in: s)
    }

    /// `為達最佳瀏覽效果，建議使用 Chrome、Firefox 或 Microsoft Edge 的瀏覽器。`, `請至Edge官網下載 請至FireFox官網下載`:
    /// a site's advice on browsers.
    static func isBrowserNotice(_ s: [Unicode.Scalar]) -> Bool {
        // (Every line is asked: only one with 器 or 载 is searched for the words.)
        guard s.count <= 120, s.contains(where: { $0 == "器" || $0 == "载" || $0 == "載" }), browserWords.occurs(in: s) else {
            return false
        }
        return adviceWords.occurs(in: s)
    }

    /// `限制級`, `您即將進入之新聞內容 需滿18歲 方可瀏覽。`, `我已年滿18歲進入`, `根據「電腦網路內容分級處理辦法」…`:
    /// a news site's age gate above a story (a sentence about young people's ages says none of these).
    static func isAgeGate(_ s: [Unicode.Scalar]) -> Bool {
        // (Every line is asked: only one with 歲, 級 or 離 in either script is searched for the words.)
        guard s.count <= 160, s.contains(where: { $0 == "歲" || $0 == "岁" || $0 == "級" || $0 == "级" || $0 == "離" || $0 == "离" }) else { return false }
        if s.count <= 16, ageGateButtons.occurs(in: s) { return true }
        return ageGateNotices.occurs(in: s)
    }

    static let ageGateButtons = NeedleSet(["限制級", "限制级", "未滿18歲", "未满18岁", "年滿18歲", "年满18岁", "本條款離開", "本条款离开"])
    static let ageGateNotices = NeedleSet(["18歲 方可瀏覽", "18歲方可瀏覽", "18岁 方可浏览", "18岁方可浏览", "分級處理辦法", "分级处理办法"])

    static let browserWords = NeedleSet(["浏览器", "瀏覽器", "Chrome", "Firefox", "FireFox", "Edge", "Safari"])
    static let adviceWords = NeedleSet(["建议使用", "建議使用", "推荐使用", "推薦使用", "最佳浏览", "最佳瀏覽", "最佳效果", "官网下载", "官網下載"])

    static let privacyWords = NeedleSet(["隐私", "隱私", "Cookie", "cookie"])
    static let siteWords = NeedleSet(["网站", "網站", "本站", "Cookie", "cookie"])
    static let consentWords = NeedleSet(["同意", "接受"])

    /// `こちらのページは繁体字版です…`: a prompt in Japanese (a dozen kana) on a Chinese page.
    static func isJapanesePrompt(_ s: [Unicode.Scalar]) -> Bool {
        var kana = 0
        for c in s where (0x3041...0x30FF).contains(c.value) && c != "・" && c != "ー" {
            kana += 1
            if kana >= 10 { return true }
        }
        return false
    }

    static func isEmptyListNotice(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 16 else { return false }
        var han = 0
        for c in s where CharacterClass.isHan(c) { han += 1 }
        guard han >= 3, han <= 8, let at = s.firstIndex(where: CharacterClass.isHan) else { return false }
        return emptyNotices.contains { s.has($0, at: at) }
    }

    static let emptyNotices: [[Unicode.Scalar]] = Needles.of(["暂无", "暫無"])

    static func hasSentencePunctuation(_ s: [Unicode.Scalar]) -> Bool {
        s.contains { $0 == "。" || $0 == "，" || $0 == "；" || $0 == "！" || $0 == "？" || $0 == "“" || $0 == "”" }
    }

    /// `|`, `•`, `——`: a line of nothing but separators (table-layout leftovers).
    static func isSeparatorsOnly(_ s: [Unicode.Scalar]) -> Bool {
        s.allSatisfy { CharacterClass.isSpace($0) || "|｜•·-—_=*#>/\\~～".unicodeScalars.contains($0) }
    }

    /// `新闻>国内`: a breadcrumb of two short section names.
    static func isShortBreadcrumb(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 16, let at = s.firstIndex(where: { $0 == ">" || $0 == "›" || $0 == "»" }) else { return false }
        let left = s[..<at].filter { !CharacterClass.isSpace($0) }, right = s[(at + 1)...].filter { !CharacterClass.isSpace($0) }
        return (2...6).contains(left.count) && (2...6).contains(right.count)
            && left.allSatisfy(CharacterClass.isHan) && right.allSatisfy(CharacterClass.isHan)
    }

    /// The line without a leading `date 2024-12-07 ` (a template's field), or nil when it has none.
    static func withoutTemplateDate(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard s.count >= 15, s.starts(with: templateDate) else { return nil }
        let d = s[5..<15]
        guard d.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 ? $0.element == "-" : CharacterClass.isASCIIDigit($0.element) }) else { return nil }
        return Array(s[15...].drop(while: CharacterClass.isSpace))
    }

    static let templateDate = Array("date ".unicodeScalars)

    /// `位置: 首页 实时消息 正文`, `您现在的位置：首页`: where the page sits in its site.
    static func isLocationLine(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 60, s.prefix(8).contains("置"), let at = Array(s.prefix(8)).firstIndex(of: location) else { return false }
        let colon = at + location.count
        return colon < s.count && (s[colon] == ":" || s[colon] == "：") && s[..<at].allSatisfy(CharacterClass.isHan)
    }

    static let location = Array("位置".unicodeScalars)

    /// `预计阅读时长 4 分钟`, `阅读时长约3分钟`: a page's estimate of the reading time.
    static func isReadingTime(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 20 && s.firstIndex(of: readingTime) != nil && s.last == "钟"
    }

    static let readingTime = Array("阅读时长".unicodeScalars)

    /// `03/12 週四 彰化縣|18°C - 22°C天氣圖標`: a page header's weather box (a report gives one temperature
    /// in a sentence, not a range beside the word weather).
    static func isWeatherWidget(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 60, let first = s.firstIndex(where: { $0 == "℃" || $0 == "°" }) else { return false }
        let marks = s.filter { $0 == "℃" || $0 == "°" }.count
        return marks >= 2 || (first > 0 && weatherWords.occurs(in: s))
    }

    /// `字級:`, `• 大字`, `小字`: a page's font-size choices, one a line.
    static func isFontSizeWord(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 8 else { return false }
        let core = s.filter { !CharacterClass.isSpace($0) && $0 != ":" && $0 != "：" && !"•·▪◦".unicodeScalars.contains($0) }
        return fontSizeWords.contains(core)
    }

    static let fontSizeWords: Set<[Unicode.Scalar]> = Set(Needles.of(["字级", "字級", "字体", "字體", "字号", "字號", "大字", "中字", "小字", "特大字"]))

    /// `某某新聞標題|👉小編推新聞 20260312 #shorts`, `⏰播出時間:CH52 …`, `華視新聞雜誌`: a video site's rail of
    /// clips, its broadcast times and its programme's name.
    static func isVideoRail(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 120, s.count <= 10 || s.contains(where: { $0 == "#" || $0 == "播" }) else { return false }
        if s.firstIndex(of: shorts) != nil || s.firstIndex(of: shortsUpper) != nil { return true }
        if s.count <= 80, broadcastTimes.contains(where: { s.firstIndex(of: $0).map { $0 <= 2 } ?? false }) { return true }
        return s.count <= 10 && programmes.contains { s.count > $0.count && s.hasSuffix($0) }
    }

    static let shorts = Array("#shorts".unicodeScalars), shortsUpper = Array("#Shorts".unicodeScalars)
    static let broadcastTimes: [[Unicode.Scalar]] = Needles.of(["播出時間", "播出时间"])
    static let programmes: [[Unicode.Scalar]] = Needles.of(["新聞雜誌", "新闻杂志"])

    /// `国产精品一区二区…_…成人_…`, `亚洲精品无码…,欧美日韩…在线观看`: a hijacked mirror's line of porn keywords.
    static func isSpamKeywords(_ s: [Unicode.Scalar]) -> Bool {
        // (Every line is asked: only a list, its items set apart by commas or underscores, is searched.)
        // (A paragraph has its full stops; a list of keywords has none.)
        guard s.count >= 12, s.count <= 400 else { return false }
        var separators = 0
        for c in s {
            if c == "。" { return false }
            if c == "," || c == "，" || c == "_" { separators += 1 }
        }
        guard separators >= 2 else { return false }
        var hits = 0
        for word in spamWords where s.firstIndex(of: word) != nil {
            hits += 1
            if hits >= 3 { return true }
        }
        return false
    }

    static let spamWords: [[Unicode.Scalar]] = Needles.of(["无码", "無碼", "精品视频", "在线观看", "在線觀看", "一区二区", "一區二區", "中文字幕", "成人", "国产精品",
                                                          "國產精品", "久久", "av", "AV", "蜜桃", "日韩", "日韓", "欧美", "歐美", "色网", "色網"])

    static let tipLines: [[Unicode.Scalar]] = Needles.of(["新闻线索", "新聞線索", "报料", "爆料"])

    static let weatherWords = NeedleSet(["天气", "天氣"])

    /// `adblk3`, `dadblk3 madblk3`: the names of a page's ad slots, lower-case letters and a number.
    static func isAdSlot(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 4, s.count <= 40 else { return false }
        let words = s.split(whereSeparator: CharacterClass.isSpace)
        return !words.isEmpty && words.count <= 4 && words.allSatisfy { word in
            let letters = word.prefix { $0.value >= 0x61 && $0.value <= 0x7A }
            return letters.count >= 3 && (1...2).contains(word.count - letters.count) && word.dropFirst(letters.count).allSatisfy(CharacterClass.isASCIIDigit)
        }
    }

    /// `20260216150806205`: a picture's number left where the picture was.
    static func isImageID(_ s: [Unicode.Scalar]) -> Bool {
        (12...24).contains(s.count) && s.allSatisfy(CharacterClass.isASCIIDigit)
    }

    static let screenshotNames = NeedleSet(["螢幕擷取畫面", "屏幕截图", "螢幕截圖", "屏幕快照", "Screenshot", "截屏"])

    /// `1. <i id="wo86o"><bdo id="wo86o"></bdo></i>`, `<thead id="…"></thead>`: HTML tags with nothing
    /// inside them, a list number perhaps before them (a spam copy's page skeleton).
    package static func isEmptyMarkup(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count, CharacterClass.isASCIIDigit(s[i]) || s[i] == "." || CharacterClass.isSpace(s[i]) { i += 1 }
        guard i < s.count, s[i] == "<", s.last == ">" else { return false }
        var inTag = false, tags = 0
        for c in s[i...] {
            if c == "<" { inTag = true; tags += 1 } else if c == ">" { inTag = false } else if !inTag, !CharacterClass.isSpace(c) { return false }
        }
        return tags >= 1
    }

    /// `熱門搜尋:`, `热门搜索`: the label of a site's list of trending searches.
    static func isHotSearchLabel(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 6 else { return false }
        let label = s.last == ":" || s.last == "：" ? Array(s.dropLast()) : s
        return hotSearchLabels.contains(label)
    }

    static let hotSearchLabels: Set<[Unicode.Scalar]> = Set(Needles.of(["热门搜索", "熱門搜尋", "熱門搜索", "热搜", "熱搜", "大家都在搜"]))

    /// `3o4wb82w4ypc`: a spam page's random token alone on a line (letters and digits mixed, no word).
    static func isRandomToken(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 8, s.count <= 32, s.allSatisfy({ CharacterClass.isASCIIDigit($0) || CharacterClass.isASCIILetter($0) }) else { return false }
        let digits = s.filter(CharacterClass.isASCIIDigit).count
        // (A word or a year beside letters, `Model2024`, runs as two blocks; a token alternates.)
        let switches = zip(s, s.dropFirst()).filter { CharacterClass.isASCIIDigit($0) != CharacterClass.isASCIIDigit($1) }.count
        return digits >= 2 && digits < s.count - 1 && switches >= 4
    }

    /// `400--117--9882(温馨提示:点击屏幕下方可直接拨打)`, `本站人工客服维修热线电话:`: a service hotline's advert.
    static func isPhoneAd(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 60 else { return false }
        // `新闻线索报送邮箱:…@163.com`, `报料热线:…`: where readers send the newsroom tips.
        if s.prefix(6).contains(where: { $0 == "线" || $0 == "線" || $0 == "料" }),
           tipLines.contains(where: { s.firstIndex(of: $0).map { $0 <= 2 } ?? false }) { return true }
        if s.count <= 20, s.firstIndex(of: hotline) != nil, let last = s.last, last == ":" || last == "：" { return true }
        // (A date, `2024-01-09 12:45`, has groups of two digits; a telephone number's are longer.)
        let groups = s.prefix { CharacterClass.isASCIIDigit($0) || $0 == "-" }.split(separator: "-")
        return groups.count >= 2 && groups.allSatisfy { $0.count >= 3 } && groups.reduce(0) { $0 + $1.count } >= 10
    }

    /// `某社区 资料图`, `(资料图片仅供参考)`: a note where a picture was.
    static func isPictureNote(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 30 else { return false }
        return pictureNotes.occurs(in: s)
    }

    static let pictureNotes = NeedleSet(["资料图", "资料照片", "仅供参考", "图片来源于网络", "图片来自网络",
                                                              "資料圖", "資料照片", "僅供參考", "圖片來源於網絡", "圖片來自網絡"])

    /// An English web server's error page above the article: `404 Not Found`, `URL: http://…`,
    /// `Server: cms-9`, `Powered by …` (no Han, a status code or a `Word: value` header shape).
    static func isServerPage(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 120, !s.contains(where: CharacterClass.isHan) else { return false }
        // Scalar searches, not `String.contains`: this runs for every line without Han.
        if serverPhrases.occurs(in: s) || serverOpenings.contains(where: { s.starts(with: $0) }) {
            return true
        }
        // `Server: cms-9-158`, `URL: http://…`: a one-word header, a colon, a value.
        guard let colon = s.firstIndex(of: ":"), colon >= 3, colon <= 12, s[..<colon].allSatisfy(CharacterClass.isASCIILetter),
              colon + 1 < s.count, s[colon + 1] == " " else { return false }
        return serverHeaders.contains { $0.elementsEqual(s[..<colon]) }
    }

    static let serverPhrases = NeedleSet(["Not Found", "Forbidden"])
    static let serverOpenings = Needles.of(["Powered by", "Sorry for", "Please report", "Thank you very much"])
    static let serverHeaders = Needles.of(["URL", "Server", "Date", "Host", "Status", "Request", "Referer"])

    /// `{"id":12,"title":"…"}`, `var pageData = {…};`, `document.write(…)`: code, not text.
    static func isScript(_ s: [Unicode.Scalar]) -> Bool {
        var quotes = 0, colons = 0, braces = 0, ascii = 0, semis = 0, parens = 0, nonASCII = 0
        let first = s.first { !CharacterClass.isSpace($0) } ?? " "
        let object = first == "{" || first == "["
        // Outside an object, more than a fifth of the line not ASCII rules code out: a Chinese
        // paragraph is left after its first few characters.
        let nonASCIILimit = object ? s.count : s.count / 5
        for c in s {
            switch c {
            case "\"": quotes += 1
            case ":": colons += 1
            case "{", "}": braces += 1
            case ";": semis += 1
            case "(", ")": parens += 1
            default: break
            }
            if c.value < 0x80 {
                ascii += 1
            } else {
                nonASCII += 1
                if nonASCII > nonASCIILimit { return false }
            }
        }
        if object, quotes >= 4, colons >= 2 { return true }
        // Mostly ASCII with the punctuation of code.
        return ascii * 10 >= s.count * 8 && s.count >= 12 && braces + semis + parens >= 3 && (semis >= 1 || braces >= 2)
            && (s.contains("=") || s.contains("{"))
    }

    static let imageExtensions: [[Unicode.Scalar]] = Needles.of([".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".svg"])

    /// `IMG_2034.JPG`, `20230512_3.png`, `<image>…</image>`: a file name where a picture was.
    static func isImageName(_ s: [Unicode.Scalar]) -> Bool {
        // `螢幕擷取畫面 2026 02 22 224826 螢幕擷取畫面 …`: screenshots' default names, their extensions dropped.
        if screenshotNames.occurs(in: s), s.filter(CharacterClass.isASCIIDigit).count >= 6, !s.contains("。" as Unicode.Scalar) { return true }
        // Every form has an extension's dot or a tag's bracket: most lines have neither.
        guard s.contains(where: { $0 == "." || $0 == "<" }) else { return false }
        var end = s.count
        while end > 0, CharacterClass.isSpace(s[end - 1]) || ScalarClass.isClosingMark(s[end - 1]) || s[end - 1] == ">" || s[end - 1] == ")" { end -= 1 }
        let lowered = s[..<end].map { $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value + 0x20)! : $0 }
        for ext in imageExtensions where lowered.count > ext.count && Array(lowered.suffix(ext.count)) == ext {
            // The file name is the last token; before it at most a short caption label.
            let token = lowered.lastIndex { CharacterClass.isSpace($0) }.map { end - $0 - 1 } ?? end
            return end - token <= 12 || token >= end / 2
        }
        return s.contains(imageTag) || s.contains(imgTag)
    }

    static let imageTag = Array("<image".unicodeScalars), imgTag = Array("<img".unicodeScalars)

    /// `【纠错】`, `[打印此页] [关闭窗口]`, `【字体：大 中 小】`: nothing but short bracketed controls.
    static func isBracketedControls(_ s: [Unicode.Scalar]) -> Bool {
        var groups = 0
        var control = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if CharacterClass.isSpace(c) || c == "|" || c == "｜" || c == "·" { i += 1; continue }
            guard let close = closers[c] else { return false }
            guard let j = s[(i + 1)...].firstIndex(of: close), j - i - 1 <= 10, j > i + 1 else { return false }
            let inner = Array(s[(i + 1)..<j])
            if controlWords.contains(where: { inner.contains($0) }) { control = true }
            groups += 1
            i = j + 1
        }
        return groups >= 2 || (groups == 1 && control)
    }

    static let closers: [Unicode.Scalar: Unicode.Scalar] = ["【": "】", "[": "]", "［": "］", "〖": "〗", "(": ")", "（": "）"]

    /// Verbs and nouns of page controls, to tell a button from a bracketed section heading.
    static let controlWords: [[Unicode.Scalar]] = Needles.of([
        "纠错", "打印", "关闭", "收藏", "字体", "字号", "返回", "顶部", "分享", "推荐", "评论", "投稿", "举报", "下载", "订阅",
        "登录", "注册", "首页", "加入", "放大", "缩小", "默认", "复制", "链接", "二维码", "扫码", "大 中 小", "English",
        // Share targets in a share bar (`微信 朋友圈 微博 QQ空间`).
        "朋友圈", "微博", "QQ空间",
    ])

    /// `13分钟前`, `1小時前`, `3天前`, `刚刚`: how old a listed item is, on a line of its own (a news
    /// site's list of latest headlines); an article never says that alone on a line.
    static func isAge(_ s: [Unicode.Scalar]) -> Bool {
        // Every line of every text is asked: the short ones ending in 前 or 刚 are the only candidates.
        guard s.count <= 12, let end = s.last(where: { !CharacterClass.isSpace($0) }), end == "前" || end == "刚" || end == "剛" else {
            return false
        }
        let line = s.filter { !CharacterClass.isSpace($0) }
        if justNow.contains(line) { return true }
        var i = 0
        while i < line.count, CharacterClass.isASCIIDigit(line[i]) || CharacterClass.isFullWidthDigit(line[i]) { i += 1 }
        guard (1...3).contains(i), line.last == "前" else { return false }
        return ageUnits.contains(Array(line[i..<(line.count - 1)]))
    }

    static let justNow: Set<[Unicode.Scalar]> = Set(Needles.of(["刚刚", "剛剛"]))
    static let ageUnits: Set<[Unicode.Scalar]> = Set(Needles.of(["秒", "秒钟", "秒鐘", "分钟", "分鐘", "小时", "小時", "天", "日", "周", "週", "个月", "個月"]))

    /// `浏览：72次 评论：0`, `阅读 1.2万 点赞 36`: words each followed by a count, nothing else.
    static func isCounterLine(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        var pairs = 0
        while i < s.count {
            while i < s.count, CharacterClass.isSpace(s[i]) || s[i] == "|" || s[i] == "｜" || s[i] == "·" || s[i] == "/" { i += 1 }
            guard i < s.count else { break }
            var word = 0
            while i < s.count, CharacterClass.isHan(s[i]) { i += 1; word += 1 }
            guard word >= 1, word <= 4 else { return false }
            while i < s.count, s[i] == "：" || s[i] == ":" || CharacterClass.isSpace(s[i]) || s[i] == "(" || s[i] == "（" { i += 1 }
            var digits = 0
            while i < s.count, CharacterClass.isASCIIDigit(s[i]) || s[i] == "." || s[i] == "," { i += 1; digits += 1 }
            guard digits >= 1 else { return false }
            while i < s.count, s[i] == "次" || s[i] == "人" || s[i] == "条" || s[i] == "万" || s[i] == "+" || s[i] == ")" || s[i] == "）" { i += 1 }
            pairs += 1
        }
        return pairs >= 1 && counterLead(s)
    }

    /// The first word of a counter line names a count of readers or reactions.
    private static func counterLead(_ s: [Unicode.Scalar]) -> Bool {
        let head = Array(s.prefix(6))
        return counterWords.contains { head.contains($0) }
    }

    static let counterWords: [[Unicode.Scalar]] = Needles.of([
        "浏览", "阅读", "点击", "访问", "评论", "点赞", "收藏", "转发", "分享", "在看", "热度", "人气", "播放", "访客",
        "查看", "回复", "回帖",
    ])

    /// `扫一扫下载某某APP`, `分享到：微信 微博`, `长按识别二维码关注`: share and QR prompts, app banners.
    static func isMenuSeparator(_ c: Unicode.Scalar) -> Bool {
        CharacterClass.isSpace(c) || c == "|" || c == "｜" || c == "·" || c == "•" || c == "/"
    }

    static func isShareOrApp(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 40 else { return false }
        // `某某新聞 Facebook`, `加入Line好友`: a station's links to its social accounts.
        if s.count <= 16, followEnds.contains(where: { s.hasSuffix($0) }) { return true }
        return shareWords.occurs(in: s)
    }

    static let followEnds: [[Unicode.Scalar]] = Needles.of(["Facebook", "Instagram", "YouTube", "Line好友", "LINE好友"])

    static let shareWords = NeedleSet([
        "扫一扫", "扫码", "二维码", "长按识别", "分享到", "转发到", "APP下载", "下载APP", "打开APP", "客户端下载", "下载客户端",
        "App下载", "下载App", "打开App", "扫描下载", "关注我们", "关注公众号", "浏览器分享功能", "APP Icon", "App Icon",
        "打开网易新闻", "查看更多图片", "查看大图",
    ])

    /// `设为首页 加入收藏`, `首页 | 新闻 | 政务 | 服务`: short tokens in a row, no sentence. Two tokens need
    /// a page-control word; three or more need only the shape, unless they could be a line of names.
    static func isMenuBar(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 60 else { return false }
        // One word (no separator): only a control that stands alone, judged without splitting.
        if !s.contains(where: isMenuSeparator) {
            guard s.allSatisfy({ CharacterClass.isHan($0) || CharacterClass.isASCIILetter($0) }), s.count <= 12 else { return false }
            return soloMenu.contains(s) || s.count <= 10 && soloControls.occurs(in: s) || isMenuWordsRunTogether(s[...])
        }
        var tokens: [[Unicode.Scalar]] = [[]]
        for c in s {
            if isMenuSeparator(c) {
                if !tokens[tokens.count - 1].isEmpty { tokens.append([]) }
            } else if CharacterClass.isHan(c) || CharacterClass.isASCIILetter(c) {
                tokens[tokens.count - 1].append(c)
            } else {
                return false
            }
        }
        let words = tokens.filter { !$0.isEmpty }
        guard !words.isEmpty, words.allSatisfy({ $0.count <= 12 }) else { return false }
        let control = words.contains { w in controlWords.contains { w.contains($0) } || menuWords.contains(w) }
        // `TOP`, `查看原文`: one control alone.
        if words.count == 1 { return soloMenu.contains(words[0]) || words[0].count <= 10 && soloControls.occurs(in: words[0]) }
        if words.count == 2 { return control && words.allSatisfy { $0.count >= 2 } }
        if control { return true }
        // `张三 李四 王五` (also after `本报记者`) is a byline and `万巷更新 九龙蝶变 城市焕新再出发` a headline:
        // a menu's items are short.
        let names = creditLabels.contains { words[0].hasSuffix($0) } ? words.dropFirst() : words[...]
        // (Six or more words of two characters each are a menu: names run longer, or fewer to a line.)
        let nameLike = names.allSatisfy { $0.count >= 2 && $0.count <= 3 && $0.allSatisfy(CharacterClass.isHan) }
            && (names.count <= 5 || names.contains { $0.count == 3 })
        return !nameLike && words.count >= 4 && words.allSatisfy { $0.count >= 2 && $0.count <= 5 }
    }

    /// `设为首页收藏本站`: two or more of a site's menu words with the gap between them lost.
    static func isMenuWordsRunTogether(_ s: ArraySlice<Unicode.Scalar>, words: Int = 0) -> Bool {
        if s.isEmpty { return words >= 2 }
        return menuWords.contains { w in w.count >= 2 && s.starts(with: w) && isMenuWordsRunTogether(s.dropFirst(w.count), words: words + 1) }
    }

    /// `您需要 登录 才可以下载或查看，没有帐号？立即注册`, `亲，你还没有登录哦！`: a forum's login wall.
    static func isLoginWall(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 60, s.contains(where: { $0 == "登" }) else { return false }
        return loginWalls.occurs(in: s)
    }

    static let loginWalls = NeedleSet(["还没有登录", "還沒有登錄", "还没有登入", "沒有帳號", "没有帐号", "没有账号", "請先登入", "请先登录",
                                        "您需要 登录", "您需要登录", "才可以下载或查看"])

    /// `这已经是最后一期了哦！`, `已经是第一期了`: an e-paper reader's pop-up at the end of its issues.
    static func isIssueEndNotice(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 16 && s.contains(where: { $0 == "期" }) && issueEnds.occurs(in: s)
    }

    static let issueEnds = NeedleSet(["已经是最后一期", "已经是第一期", "已是最后一期", "已是第一期", "已經是最後一期", "已經是第一期"])

    /// Words that end the label before a byline's names (`本报记者`, `通讯员`).
    static let creditLabels = Needles.of(["记者", "記者", "通讯员", "通訊員", "摄影", "攝影"])

    static let menuWords: Set<[Unicode.Scalar]> = Set(Needles.of([
        "首页", "网站首页", "设为首页", "加入收藏", "网站地图", "联系我们", "关于我们", "手机版", "无障碍", "繁體", "繁体", "简体",
        "English", "登录", "注册", "RSS", "更多", "返回", "TOP", "Top", "顶部", "返回顶部", "举报", "收藏", "打印", "纠错",
        "收藏本站", "找回密码", "马上注册", "立即注册", "QQ登录", "微信登录", "上一期", "下一期", "往期回顾",
    ]))

    /// Menu words and share-bar items that are chrome even alone on a line (a menu's other words, alone, may
    /// be a list item of the text).
    static let soloMenu: Set<[Unicode.Scalar]> = Set(Needles.of(["TOP", "Top", "首页", "首頁", "返回首页", "返回首頁", "返回", "微博", "微信", "Qzone", "QQ空间", "QQ空間",
                                                                "朋友圈", "评论", "評論", "图集", "圖集", "下载", "下載", "返回顶部", "顶部", "设为首页", "加入收藏", "网站地图", "手机版",
                                                                "关于我们", "關於我們", "收藏本站", "找回密码", "马上注册", "立即注册", "跳转到指定楼层",
                                                                "复制链接", "我知道了"]))

    /// Controls that may stand alone on a line (`查看原文`, `阅读原文`, `点击加入`).
    static let soloControls = NeedleSet(["查看原文", "阅读原文", "点击", "展开全文", "收起", "免费发布", "听新闻", "聽新聞", "听全文", "聽全文",
                                                              "语音播报", "語音播報"])

    /// `关键词：城市更新 老旧小区`, `标签：…`: a keyword line (content only inside an abstract).
    static func isKeywordLine(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 80, !s.contains("。") else { return false }
        var i = 0
        while i < s.count, s[i] == "【" || s[i] == "[" || CharacterClass.isSpace(s[i]) { i += 1 }
        for word in keywordLabels where s.has(word, at: i) {
            let j = i + word.count
            return j < s.count && (s[j] == "：" || s[j] == ":" || s[j] == "】" || s[j] == "]" || CharacterClass.isSpace(s[j]))
        }
        // `新聞關鍵字`, `相关标签`: the heading of a page's keyword links, alone on its line.
        guard s.count <= 5, let label = keywordLabels.first(where: { s.hasSuffix($0) }) else { return false }
        let head = s.dropLast(label.count)
        return keywordHeads.contains { $0.elementsEqual(head) }
    }

    static let keywordHeads: [[Unicode.Scalar]] = [[]] + Needles.of(["新闻", "新聞", "相关", "相關", "热门", "熱門", "文章", "本文"])

    static let keywordLabels: [[Unicode.Scalar]] =
        Needles.of(["关键词", "关键字", "标签", "關鍵詞", "關鍵字", "標籤", "Tags", "TAG", "Tag", "tags"])
    static let abstractLabels: [[Unicode.Scalar]] = Needles.of(["摘要", "【摘要】", "[摘要]", "内容提要", "提要", "Abstract", "ABSTRACT"])
}
