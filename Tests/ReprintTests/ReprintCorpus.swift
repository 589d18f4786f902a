import Foundation
import TestSupport

/// A generated set of news reports for measuring reprint detection: stories, their re-publications
/// (edited lead, other byline, debris lines, noise inside words, 30–50% shorter, other encodings and
/// a saved web page) and distinct reports on the same theme and place. Deterministic for a seed.
struct ReprintCorpus {
    /// One file to ingest and the story it tells (nil: a distinct report, no story of its own).
    struct File {
        var name: String
        var bytes: [UInt8]
        var story: Int
        var isCopy: Bool
        var kind: String
    }

    var files: [File] = []

    /// SplitMix64: small, seedable, the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ list: [T]) -> T { list[Int(next() % UInt64(list.count))] }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    }

    static let cities = ["成都市", "武汉市", "长沙市", "西安市", "杭州市", "南昌市", "合肥市", "贵阳市"]
    static let districts = ["武侯区", "江汉区", "岳麓区", "碑林区", "拱墅区", "东湖区", "庐阳区", "南明区"]
    static let communities = ["玉林社区", "桂花园社区", "南湖社区", "民主村社区", "花园路社区", "金紫山社区", "新华路社区", "白象街社区"]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁")
    static let given = Array("安宝彬斌成春丹德东芳峰刚国海红华辉佳建杰静军俊凯兰磊丽林玲敏明娜宁平萍强琴清荣瑞涛伟文霞祥欣")

    static let times = ["今年以来", "近年来", "截至目前", "去年以来", "本月初", "上半年", "近期", "此前", "下一步", "自项目启动以来",
                        "入夏以来", "春节前后", "开工当天", "前不久", "这段时间"]
    static let subjects = ["街道", "社区", "居委会", "业委会", "物业公司", "施工单位", "设计团队", "区住建委", "居民代表", "党员志愿者",
                           "网格员", "楼栋长", "社区规划师", "项目组", "区财政局", "老党员", "业主们", "驻区单位", "第三方机构", "专班"]
    static let verbs = ["推进", "开展", "完成", "启动", "实施", "协调", "组织", "落实", "排查", "走访", "改造", "更换", "修缮", "新建",
                        "增设", "优化", "提升", "整治", "摸排", "征求", "协商", "签订", "验收", "公示", "梳理"]
    static let qualifiers = ["工作", "事项", "问题", "方案", "进度", "质量", "细节", "需求", "情况", "流程", "清单", "台账"]
    static let feelings = ["心里踏实多了", "出门方便了", "大家都很满意", "日子越过越舒心", "再也不用发愁了", "感觉像换了个小区",
                           "邻里关系也更近了", "这事办到了心坎上"]
    static let themeObjects: [String: [String]] = [
        "elevator": ["加装电梯", "电梯井道", "候梯厅", "电梯选型", "连廊", "管线迁改", "单元门", "出资方案", "意见征询", "低层住户",
                     "结构安全", "施工图纸", "审批手续", "补贴资金", "分摊比例", "运行保险", "噪音影响", "平层入户", "梯控系统", "维保合同"],
        "renovation": ["老旧小区改造", "雨污管网", "外立面", "屋面防水", "消防通道", "停车位", "绿化带", "路灯", "监控探头", "充电桩",
                       "适老化设施", "健身器材", "垃圾分类点", "晾晒区", "化粪池", "围墙", "路面", "楼道扶手", "弱电线缆", "排水沟"],
        "property": ["物业服务", "物业费", "业主大会", "维修基金", "保洁标准", "门岗值守", "车辆管理", "公共收益", "服务合同", "满意度测评",
                     "信托制物业", "议事规则", "收支公示", "投诉渠道", "绿化养护", "设施巡检", "楼道堆物", "二次供水", "电梯年检", "红黑榜"],
    ]
    static let themes = ["elevator", "renovation", "property"]
    static let debris = ["来源：城市更新观察网", "责任编辑：陈晓燕", "分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】",
                         "扫一扫，关注我们", "点击阅读原文", "编辑：刘丽　审核：王强", "（本文转载自微信公众号）", "版权声明：转载请注明出处",
                         "相关阅读：", "阅读量 1024"]
    static let noise: [Unicode.Scalar] = ["\u{200B}", "|", "·", "※", "#", "*", "~", " ", "\u{3000}", "▲", "x", "k", "_", "/"]

    /// A report as lines: title, byline, paragraphs, footer.
    struct Story {
        var title: String
        var author: String
        var paragraphs: [[String]]   // sentences
        var footer: String
    }

    static func name(_ r: inout Random) -> String { String(r.pick(surnames)) + String(r.pick(given)) + (r.chance(0.5) ? String(r.pick(given)) : "") }

    static func sentence(_ r: inout Random, theme: String, place: (String, String, String)) -> String {
        let objects = themeObjects[theme]!
        let general = themeObjects[themes[(themes.firstIndex(of: theme)! + 1) % themes.count]]!
        func obj() -> String { r.chance(0.75) ? r.pick(objects) : r.pick(general) }
        switch r.int(0...5) {
        case 0:
            return "\(r.pick(times))，\(place.1)\(r.pick(subjects))\(r.pick(verbs))\(obj())\(r.pick(qualifiers))，累计\(r.pick(verbs))\(obj())\(r.int(3...480))处。"
        case 1:
            return "\(r.pick(subjects))与\(r.pick(subjects))一道\(r.pick(verbs))\(obj())，\(r.pick(verbs))\(obj())\(r.pick(qualifiers))，惠及居民\(r.int(20...3000))户。"
        case 2:
            return "“\(obj())\(r.pick(verbs))好了，\(r.pick(feelings))。”\(place.2)居民\(name(&r))说。"
        case 3:
            return "据介绍，\(place.2)共投入资金\(r.int(12...900))万元，\(r.pick(verbs))\(obj())\(r.int(2...60))个、\(obj())\(r.int(100...9000))平方米。"
        case 4:
            return "在\(r.pick(verbs))\(obj())过程中，\(r.pick(subjects))坚持问需于民，先后\(r.int(2...15))次\(r.pick(verbs))\(obj())\(r.pick(qualifiers))，\(r.pick(feelings))。"
        default:
            return "\(place.0)\(place.1)将继续\(r.pick(verbs))\(obj())，同步\(r.pick(verbs))\(obj())\(r.pick(qualifiers))，力争\(r.int(2025...2028))年底前全部完成。"
        }
    }

    static func story(_ r: inout Random, theme: String, place: (String, String, String)) -> Story {
        let title = "\(place.1)\(place.2)：\(r.pick(themeObjects[theme]!))\(r.pick(["见实效", "暖民心", "有新招", "再提速", "走深走实"]))"
        let paragraphs = (0..<r.int(4...7)).map { _ in (0..<r.int(2...4)).map { _ in sentence(&r, theme: theme, place: place) } }
        return Story(title: title, author: name(&r), paragraphs: paragraphs,
                     footer: "（作者系\(place.0)\(place.1)\(r.pick(["住房城乡建委干部", "街道党工委委员", "日报记者"]))）")
    }

    static func text(_ s: Story, byline: Bool = true, lines extra: (head: [String], tail: [String]) = ([], [])) -> String {
        var lines = extra.head + [s.title]
        if byline { lines.append("□\(s.author)") }
        lines += s.paragraphs.map { $0.joined() }
        lines.append(s.footer)
        lines += extra.tail
        return lines.joined(separator: "\n") + "\n"
    }

    /// Inserts noise characters inside words at a rate of about `rate` per character.
    static func noisy(_ text: String, rate: Double, _ r: inout Random) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar)
            if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF && r.chance(rate) { out.append(r.pick(noise)) }
        }
        return String(out)
    }

    static func utf16(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.replacingOccurrences(of: "\n", with: "\r\n").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func html(_ s: Story, _ r: inout Random) -> [UInt8] {
        var page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(s.title)</title></head><body>"
        page += "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻中心</a> <a href=\"/gov\">政务公开</a></div>"
        page += "<div class=\"article\"><h1>\(s.title)</h1><p>来源：\(r.pick(["城市晚报", "社区之窗", "民生在线"]))　作者：\(name(&r))</p>"
        for p in s.paragraphs { page += "<p>　　\(p.joined())</p>" }
        page += "</div><div class=\"footer\">版权所有 © 2026 example.com　京ICP备12345678号</div></body></html>"
        return Array(page.utf8)
    }

    /// `stories` stories, each re-published `copies` times, and `distinct` other reports per story on
    /// the same theme and place.
    init(seed: UInt64, stories: Int, copies: Int, distinct: Int) {
        var r = Random(state: seed)
        var later: [File] = []
        for n in 0..<stories {
            let theme = Self.themes[n % Self.themes.count]
            let k = r.int(0...(Self.cities.count - 1))
            let place = (Self.cities[k], Self.districts[k], r.pick(Self.communities))
            let base = Self.story(&r, theme: theme, place: place)
            files.append(File(name: "s\(n).txt", bytes: Array(Self.text(base).utf8), story: n, isCopy: false, kind: "original"))
            for c in 0..<copies {
                var copy = base
                var kinds: [String] = []
                var head: [String] = []
                var tail: [String] = []
                let plan = (n + c) % 5
                if plan == 0 || plan == 3 || r.chance(0.3) {   // edited lead, other title
                    copy.paragraphs[0][0] = Self.sentence(&r, theme: theme, place: place)
                    copy.paragraphs[0].insert("本报讯（记者 \(Self.name(&r))）", at: 0)
                    copy.title = r.pick(["聚焦", "关注", "直击"]) + "｜" + base.title
                    kinds.append("lead")
                }
                if plan == 1 || plan == 3 || r.chance(0.3) {   // other byline and debris lines
                    copy.author = Self.name(&r)
                    head = [r.pick(Self.debris), "发布时间：2026-0\(r.int(1...9))-1\(r.int(0...9)) 0\(r.int(0...9)):30"]
                    tail = [r.pick(Self.debris), r.pick(Self.debris)]
                    kinds.append("byline+debris")
                }
                if plan == 2 || plan == 4 {   // 30–50% shorter: whole sentences dropped, then the tail cut
                    let target = Double(r.int(50...70)) / 100
                    let total = base.paragraphs.joined().map(\.count).reduce(0, +)
                    var kept = copy.paragraphs
                    while Double(kept.joined().map(\.count).reduce(0, +)) > target * Double(total) {
                        let p = r.int(0...(kept.count - 1))
                        if kept[p].count > 1 { kept[p].remove(at: r.int(0...(kept[p].count - 1))) } else if kept.count > 1 { kept.remove(at: p) } else { break }
                    }
                    copy.paragraphs = kept
                    kinds.append("shortened")
                }
                var text = Self.text(copy, byline: true, lines: (head, tail))
                if plan == 1 || plan == 4 || r.chance(0.3) {
                    text = Self.noisy(text, rate: 0.04, &r)
                    kinds.append("noise")
                }
                let bytes: [UInt8]
                switch r.int(0...4) {
                case 0: bytes = LegacyEncoding.gb18030(text); kinds.append("gb18030")
                case 1: bytes = Self.utf16(text); kinds.append("utf16")
                case 2 where !kinds.contains("noise"): bytes = Self.html(copy, &r); kinds.append("html")
                default: bytes = Array(text.utf8)
                }
                later.append(File(name: "s\(n)-copy\(c).txt", bytes: bytes, story: n, isCopy: true, kind: kinds.joined(separator: "+")))
            }
            for d in 0..<distinct {
                let other = Self.story(&r, theme: theme, place: place)
                later.append(File(name: "s\(n)-other\(d).txt", bytes: Array(Self.text(other).utf8), story: -(n * 100 + d) - 1,
                                  isCopy: false, kind: "distinct"))
            }
        }
        // Copies and distinct reports arrive after the originals, in a shuffled order.
        for i in stride(from: later.count - 1, to: 0, by: -1) { later.swapAt(i, r.int(0...i)) }
        files += later
    }
}
