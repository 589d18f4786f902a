import ReportModel
import Testing
@testable import Classify

/// Behaviour of the built-in classifier on small invented texts.
@Suite struct ThemeClassifierTests {
    let classifier = ThemeClassifier(taxonomy: .builtIn)

    func themes(_ title: String?, _ paragraphs: String...) -> ArticleThemes {
        themes(title, paragraphs)
    }

    func themes(_ title: String?, _ paragraphs: [String]) -> ArticleThemes {
        classifier.classify(Article(index: 0, title: title, paragraphs: paragraphs))
    }

    @Test func anElevatorRetrofitArticleIsAboutElevatorRetrofit() {
        let result = themes("清河小区今年加装电梯20部",
            "清河小区建于1992年，共有多层住宅18栋，老年住户占四成。今年以来，社区推动既有住宅加装电梯，已有20个单元完成加装。",
            "加装电梯难在意见统一。社区召开协商会，按照楼层越高、出资越多的原则分摊费用，一楼住户不出资并获得补偿。",
            "电梯总造价约60万元，其中财政补贴15万元，其余由居民自筹，部分居民提取住房公积金支付。")
        #expect(result.primary == "elevator-retrofit")
        #expect(result.themes.contains { $0.id == "financing-operations" })
        #expect(result.themes.map(\.score) == result.themes.map(\.score).sorted(by: >))
    }

    /// A lift that breaks down in a new high-rise is a property-service matter, not elevator retrofit.
    @Test func aLiftRepairedInANewHighRiseIsNotElevatorRetrofit() {
        let result = themes("关于锦绣华庭物业服务的意见",
            "锦绣华庭于2020年交付，共有高层住宅8栋。入住以来，电梯故障频发，上月有业主被困电梯半小时。",
            "物业公司对电梯维保记录不予公示，维修拖延，业主多次反映无果。",
            "我们希望物业服务企业落实电梯日常维护保养责任，业主委员会尽快成立，依法监督物业服务。")
        #expect(result.primary == "property-management")
        #expect(!result.themes.contains { $0.id == "elevator-retrofit" })
    }

    /// 文化路 is a street: a parking article on it is not about culture.
    @Test func aStreetNamedAfterCultureIsNotCulture() {
        let result = themes("文化路沿线小区新增停车位300个",
            "记者从区城管局获悉，文化路、建设路沿线的老旧小区停车难问题突出，今年区里挖潜新增停车位300个，新建充电桩80个。",
            "文化路街道还协调周边单位在夜间开放停车场，提供错时共享车位150个，缓解居民停车难。")
        #expect(result.primary == "infrastructure")
        #expect(!result.themes.contains { $0.id == "heritage-culture" })
    }

    /// A news byline (本报讯, 记者) does not make an article about the media.
    @Test func aBylineDoesNotMakeAnArticleAboutMedia() {
        let result = themes("东湖街道老旧小区改造全面完工",
            "本报讯（记者 王晓 通讯员 李明）记者日前从东湖街道获悉，该街道今年实施的12个老旧小区改造项目已全面完工，涉及居民3200户。",
            "改造内容包括屋面防水、外墙保温、管网更新和楼道照明，改造方案经居民同意率达95%。")
        #expect(result.primary == "old-community-renovation")
        #expect(!result.themes.contains { $0.id == "media-publicity" })
    }

    /// Session 8: an all-media reporter's byline (全媒体记者) is a byline too.
    @Test func anAllMediaReportersBylineDoesNotMakeAnArticleAboutMedia() {
        let result = themes(nil,
            "头条新闻资讯订阅，本文转自:青石日报",
            "本报讯 (全媒体记者韩一通讯员罗晓)“以前每天为了抢一个停车位煞费苦心，现在装了道闸，下班回来有地方停了！”家住青石社区桂香小区的居民说。",
            "如何破解老旧小区停车难？社区以协商议事为抓手，召开业主大会，居民共商共谋，平摊道闸安装费用，制定文明停车公约。")
        #expect(!result.themes.contains { $0.id == "media-publicity" })
        #expect(!result.themes.isEmpty)
    }

    @Test func evidenceIsQuotedAndHoldsAFiredCue() {
        let article = Article(index: 0, title: "口袋公园建在家门口", paragraphs: [
            "今年，区里利用拆违空地建成口袋公园12个，新增绿地3万平方米。",
            "公园设计前征求周边居民意见，保留老树，增设雨水花园，让居民出门见绿。",
        ])
        let result = classifier.classify(article)
        let ecology = result.themes.first { $0.id == "ecology-greening" }
        #expect(ecology != nil)
        let whole = ([article.title ?? ""] + article.paragraphs).joined(separator: "\n")
        for theme in result.themes {
            #expect((1...3).contains(theme.evidence.count))
            for sentence in theme.evidence {
                #expect(whole.contains(sentence))
                #expect(theme.cues.contains { sentence.contains($0) })
            }
        }
    }

    @Test func aTextWithoutRenewalContentGetsNoThemes() {
        let result = themes(nil, "今天天气很好。")
        #expect(result.themes.isEmpty)
        #expect(result.primary == nil)
    }

    /// Texts of other genres are not reports, whatever odd word they share with the genre.
    @Test(arguments: [
        ["番茄炒蛋", "准备番茄两个、鸡蛋三个、葱花少许。鸡蛋打散加少许盐，热锅下油炒至凝固后盛出。", "番茄切块下锅翻炒出汁，加入炒好的鸡蛋，调入白糖和盐，撒上葱花即可出锅。"],
        ["产品参数", "型号：KX-200　额定功率：1200瓦　电压：220伏　重量：3.5千克", "本产品适用于家庭厨房，请勿在潮湿环境中使用，清洁前请拔下电源插头。"],
        ["第三章", "她推开窗，楼下的老槐树在风里摇晃。巷子口卖馄饨的老头又出摊了，锅里的热气一阵阵往上冒。", "“妈，我回来了。”门开了，他提着箱子站在门口，头发被雨淋得透湿。"],
        ["周末待办", "周六上午去超市买牛奶和面包，下午带孩子去游泳。", "周日给爸妈打电话，整理书架，把旧衣服收拾出来。"],
    ])
    func otherGenresAreNotReports(lines: [String]) {
        let articles = [Article(index: 0, title: lines[0], paragraphs: Array(lines.dropFirst()))]
        let result = classifier.classify(articles)
        #expect(result.notAReport)
        #expect(result.themes.isEmpty)
        #expect(result.articles.allSatisfy { $0.themes.isEmpty && $0.primary == nil })
    }

    @Test func aReportAggregatesItsArticlesThemes() {
        let articles = [
            Article(index: 0, title: "网格化管理让老旧社区管得好", paragraphs: [
                "社区划分网格16个，每个网格配备专职网格员，楼栋长作为网格末梢。",
                "网格员上门化解矛盾纠纷，居民公约让自治有章可循，基层治理更加精细。",
            ]),
            Article(index: 1, title: "长者饭堂开进社区", paragraphs: [
                "社区长者饭堂每天为老年人提供午餐，80岁以上老人享受助餐补贴。",
                "饭堂还为独居老人送餐上门，社区养老服务更加便利。",
            ]),
        ]
        let result = classifier.classify(articles)
        #expect(!result.notAReport)
        #expect(result.articles.map(\.primary) == ["grassroots-governance", "community-services"])
        #expect(Set(result.themes.map(\.id)).isSuperset(of: ["grassroots-governance", "community-services"]))
        #expect(result.themes.map(\.score) == result.themes.map(\.score).sorted(by: >))
    }

    /// Dropping characters (as a bad PDF extraction does) changes scores little: clearly asserted themes
    /// stay asserted with nearly the same score, and the primary theme rarely moves.
    @Test(.enabled(if: CorpusRun.requested, CorpusRun.reason), arguments: [37, 17])
    func degradedTextChangesScoresLittle(every: Int) throws {
        var articles = 0, primaryMoved = 0, largestChange = 0.0
        for report in try CorpusTests.reports("dev") + CorpusTests.reports("seed") where !report.notAReport {
            for article in report.articles {
                let clean = classifier.classify(article)
                var degraded = article
                degraded.paragraphs = article.paragraphs.map { Self.dropEvery(every, $0) }
                let result = classifier.classify(degraded)
                articles += 1
                primaryMoved += result.primary == clean.primary ? 0 : 1
                for theme in clean.themes where theme.score >= 0.6 {
                    let after = result.themes.first { $0.id == theme.id }?.score ?? 0
                    largestChange = max(largestChange, abs(after - theme.score))
                    #expect(after >= 0.5, "\(report.id) \(theme.id) no longer asserted: \(theme.score) → \(after)")
                }
            }
        }
        print("dropping every \(every)th character: primary moved in \(primaryMoved)/\(articles) articles, largest score change \(largestChange)")
        #expect(largestChange <= 0.1)
        #expect(primaryMoved <= articles / 10)
    }

    /// Every n-th character removed.
    static func dropEvery(_ n: Int, _ text: String) -> String {
        var view = String.UnicodeScalarView()
        for (index, scalar) in text.unicodeScalars.enumerated() where index % n != n - 1 { view.append(scalar) }
        return String(view)
    }
}
