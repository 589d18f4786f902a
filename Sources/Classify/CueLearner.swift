import Characters

/// Mines cue terms for themes from articles people labelled (the `label` op), so a theme can be learned
/// from a handful of examples even when the taxonomy gives it no cue terms at all.
///
/// **Method.** For each theme with at least `minExamples` labelled articles, every run of 2–4 Han
/// characters in those articles is a candidate. A candidate becomes a *learned cue* when it
/// - occurs in at least half of the theme's examples (and in at least two),
/// - is rarer among the labelled articles *without* the theme (its share there is under half its
///   share among the theme's examples),
/// - is not a common word of the genre or of Chinese (社区, 居民, 工作, 我们 …: every bigram of it is in
///   `commonBigrams`), does not start or end on a function character (的, 了, 和 …), and is not a weak
///   cue of another theme (管理, 服务, 建设).
///
/// Of candidates that always occur together, only the longest is kept (垃圾分类, not also 垃圾分). The
/// best `maxCues` (by share among examples, then length) are added to the theme as ordinary cues:
/// weight 2 for a theme with no cue terms of its own, 1.5 beside an existing lexicon. The classifier
/// then treats them like any cue: the same thresholds decide, and the evidence quotes the sentences
/// they occur in, so a learned theme is as explainable as a built-in one. Labelling more articles
/// adds cues and removes those that turn out to occur everywhere.
struct CueLearner {
    let examples: [LabelledArticle]

    static let minExamples = 2
    static let maxCues = 40

    /// Learned cues by theme id, for the themes of `taxonomy` that have enough labelled examples.
    func cues(for taxonomy: Taxonomy) -> [String: [Cue]] {
        guard examples.count >= Self.minExamples else { return [:] }
        let grams = examples.map { Self.ngrams($0.text) }
        var learned: [String: [Cue]] = [:]
        for theme in taxonomy.themes {
            let positives = examples.indices.filter { examples[$0].themes.contains(theme.id) }
            guard positives.count >= Self.minExamples else { continue }
            let negatives = examples.indices.filter { !examples[$0].themes.contains(theme.id) }
            // Common words some other theme lists as weak cues (管理, 服务, 建设) are not learned either.
            var otherCueParts = Set<String>()
            for other in taxonomy.themes where other.id != theme.id {
                for cue in other.cues where cue.weight < 2 { otherCueParts.insert(cue.term) }
            }
            let cues = mine(positives: positives.map { grams[$0] }, negatives: negatives.map { grams[$0] },
                            otherCueParts: otherCueParts, weight: theme.cues.isEmpty ? 2 : 1.5)
            if !cues.isEmpty { learned[theme.id] = cues }
        }
        return learned
    }

    /// The learned cues of one theme, from the n-gram sets of its examples and of the other labelled articles.
    private func mine(positives: [Set<String>], negatives: [Set<String>], otherCueParts: Set<String>,
                      weight: Double) -> [Cue] {
        var inPositives: [String: Int] = [:]
        for set in positives { for gram in set { inPositives[gram, default: 0] += 1 } }
        let support = max(2, (positives.count + 1) / 2)
        var candidates: [(term: String, share: Double)] = []
        for (gram, count) in inPositives where count >= support {
            let share = Double(count) / Double(positives.count)
            if !negatives.isEmpty {
                let negativeShare = Double(negatives.reduce(0) { $0 + ($1.contains(gram) ? 1 : 0) }) / Double(negatives.count)
                if negativeShare >= share / 2 { continue }
            }
            if Self.isCommon(gram) || otherCueParts.contains(gram) { continue }
            candidates.append((gram, share))
        }
        // Longest first, so a shorter term that always comes inside a kept longer one is dropped.
        candidates.sort { a, b in
            a.term.unicodeScalars.count != b.term.unicodeScalars.count
                ? a.term.unicodeScalars.count > b.term.unicodeScalars.count : a.term < b.term
        }
        var kept: [(term: String, share: Double)] = []
        for candidate in candidates where !kept.contains(where: { $0.term.contains(candidate.term) && $0.share == candidate.share }) {
            kept.append(candidate)
        }
        kept.sort { a, b in
            a.share != b.share ? a.share > b.share
                : a.term.unicodeScalars.count != b.term.unicodeScalars.count
                    ? a.term.unicodeScalars.count > b.term.unicodeScalars.count : a.term < b.term
        }
        return kept.prefix(Self.maxCues).map { Cue($0.term, weight: weight) }
    }

    /// The distinct runs of 2–4 Han characters in `text`.
    static func ngrams(_ text: String) -> Set<String> {
        var result = Set<String>()
        var run: [Unicode.Scalar] = []
        func flush() {
            guard run.count >= 2 else { return run.removeAll() }
            for start in 0..<(run.count - 1) {
                for length in 2...4 where start + length <= run.count {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: run[start..<start + length])
                    result.insert(String(view))
                }
            }
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            if CharacterClass.isHan(scalar) { run.append(scalar) } else { flush() }
        }
        flush()
        return result
    }

    /// Whether a term says nothing about a topic: it starts or ends on a function character, or every
    /// bigram in it is a common word.
    static func isCommon(_ term: String) -> Bool {
        let scalars = Array(term.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return true }
        if functionCharacters.contains(first) || functionCharacters.contains(last) { return true }
        for start in 0..<(scalars.count - 1) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<start + 2])
            if !commonBigrams.contains(String(view)) { return false }
        }
        return true
    }

    static let functionCharacters = Set("的了和是在与及等为对把将也都而其这那之以于或并由被从向到就还又很更最所着过个们各每该此".unicodeScalars)

    /// Frequent words of Chinese and of the renewal genre, which occur in examples of any theme.
    static let commonBigrams: Set<String> = Set("""
        我们 他们 你们 自己 一个 一些 没有 可以 已经 进行 通过 以及 同时 目前 今年 去年 明年 表示 介绍 认为 提出 要求
        工作 发展 建设 推进 推动 开展 实施 落实 加强 完善 提升 提高 实现 形成 建立 健全 坚持 不断 进一步 积极 主动
        社区 居民 群众 街道 城市 小区 改造 更新 治理 管理 服务 问题 情况 部门 单位 政府 项目 工程 设施 相关 有关
        负责 组织 活动 全面 重要 重点 主要 具体 基本 总体 整体 充分 有效 明显 显著 持续 深入 切实 扎实 广泛 共同
        老旧 住户 住宅 楼栋 家庭 老人 生活 环境 质量 水平 能力 作用 方面 方式 方法 措施 机制 制度 体系 模式 经验
        资金 投入 万元 亿元 平方 平方米 公里 左右 以上 以下 之间 其中 包括 一是 二是 三是 四是 五是 第一 第二 第三
        今天 近日 日前 当前 现在 以来 之后 以后 之前 期间 时间 年度 全年 每年 每月 每天 上午 下午 晚上 小时 分钟
        一次 一起 一定 一直 一步 大家 大量 很多 许多 所有 各类 各项 多个 这些 那些 这里 那里 这个 那个 什么 怎么
        如何 为了 因为 所以 但是 而且 并且 或者 还是 如果 虽然 只有 只要 不仅 还要 需要 应当 应该 必须 能够 可能
        已有 没有 不是 就是 也是 还是 都是 成为 作为 属于 具有 存在 发现 看到 了解 知道 希望 感到 觉得 关心 关注
        市民 人民 百姓 老百姓 人员 干部 同志 代表 负责人 主任 书记 区委 市委 区里 市里 全市 全区 全省 本市 本区
        上门 入户 走访 调研 检查 督促 协调 统筹 研究 讨论 会议 座谈 通知 报告 总结 方案 计划 标准 规定 办法 意见
        进行 开始 完成 结束 继续 保持 加快 加大 扩大 增加 减少 降低 解决 处理 改善 优化 创新 探索 试点 推广 示范
        依法 提醒 联合 及时 定期 办理 发放 设置 配备 开设 组建 召开 百余 千余 万余 余人 余户 余名 余个 区内 内部
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
