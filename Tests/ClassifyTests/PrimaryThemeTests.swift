import ReportModel
import Testing
@testable import Classify

/// Which asserted theme is primary: what the title names and the body discusses, not the theme with the
/// most words. Every fixture is invented for the test.
@Suite struct PrimaryThemeTests {
    func themes(_ title: String?, _ paragraphs: String...) -> ArticleThemes {
        ThemeClassifierTests().themes(title, paragraphs)
    }

    /// A subsidy notice for lifts spends more words on money than on lifts; its title names the lifts
    /// (加装电梯) and only relates to money (补助).
    @Test func aLiftSubsidyNoticeIsAboutTheLifts() {
        let result = themes("老旧小区加装电梯每台可获补助15万元",
            "记者从市住建局获悉，本市近日出台既有住宅加装电梯实施办法，符合条件的加装电梯项目每台可获财政补助15万元。",
            "办法明确，加装电梯所需资金由业主按楼层分摊出资，已缴存住宅专项维修资金的可申请使用。",
            "办法还提出，鼓励企业出资建设、业主租赁使用的市场化模式，补助资金在竣工验收后一次性拨付。",
            "加装电梯须经本单元三分之二以上业主同意，电梯井道不得占用消防通道。")
        #expect(result.primary == "elevator-retrofit")
        #expect(result.themes.contains { $0.id == "financing-operations" })
    }

    /// An abstract titled 党建引领…公共空间更新 discusses the spaces in more sentences; the title names
    /// party building, and 公共空间 only relates to planning.
    @Test func aPartyLedSpaceRenewalStudyIsAboutPartyBuilding() {
        let result = themes("党建引领小微公共空间更新的实践研究",
            "摘要：小微公共空间是居民日常休闲的场所，常见形态有街角空地、小广场和宅间绿地。",
            "本文以两个街道为例，分析党建引领下小微公共空间更新的路径：社区党组织牵头，联合规划师开展空间设计，将闲置空间改造为口袋广场。",
            "研究发现，公共空间更新面临空间资源分散、设计方案与需求脱节等问题。",
            "社区党委书记担任项目负责人，以党建联建整合辖区单位资源，党员带头认领空间维护，推动空间更新从“政府包办”转向共建共享。")
        #expect(result.primary == "party-building")
        #expect(result.themes.contains { $0.id == "planning-design" })
    }
}
