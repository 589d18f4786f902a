import ReportModel
import Testing
@testable import Classify

/// One invented article per built-in theme, written in the genre's usual wording: each theme's
/// lexicon recognises its own topic as primary.
@Suite struct ThemeCoverageTests {
    static let cases: [(String, String, [String])] = [
        ("policy-strategy", "市政府印发城市更新三年行动方案", [
            "近日，市政府办公厅印发《城市更新三年行动方案》，深入贯彻落实党中央、国务院关于实施城市更新行动的决策部署。",
            "方案明确了总体要求、主要任务和保障措施，提出到2027年基本完成2000年底前建成的老旧小区改造任务。",
            "各区县要对照目标任务制定年度计划，市级部门要加强政策支持，确保各项部署落地见效。"]),
        ("party-building", "红色引擎激活小区治理", [
            "桃源社区党委把党支部建在小区上，组建楼栋党小组28个，在职党员到社区报到312名。",
            "社区推行党员积分制管理，开展主题党日活动，发挥党员先锋模范作用，基层党组织战斗堡垒作用更加凸显。"]),
        ("grassroots-governance", "“小微权力清单”让社区事务晒在阳光下", [
            "街道梳理社区小微权力清单18项，明确办理流程，接受居民监督。",
            "社区推行网格化管理，网格员每天巡查走访，矛盾纠纷在网格内调解化解，自治、法治、德治相结合的基层治理格局逐步形成。"]),
        ("old-community-renovation", "北苑小区改造完工", [
            "北苑小区建于上世纪80年代，房屋老化、管线破损，是典型的老旧小区。",
            "今年纳入城镇老旧小区改造计划后，实施了屋面防水、外墙保温、楼道粉刷和立面整治，基础类改造应改尽改。"]),
        ("elevator-retrofit", "一部电梯的协商之路", [
            "翠苑二区12幢是6层多层住宅，老年住户多，去年起居民提出加装电梯。",
            "社区组织低层住户和高层住户多次协商，最终商定按楼层分摊费用，电梯井道避开了一楼窗户，加梯工程下月开工。"]),
        ("property-management", "老小区有了“管家”", [
            "改造后的江南小区通过业主大会选聘了物业服务企业，物业费每月每平方米0.6元。",
            "业主委员会每季度公示公共收益和维修资金使用情况，物业公司负责保洁、秩序维护和设施维保，小区实现长效管理。"]),
        ("community-services", "家门口的幸福食堂", [
            "社区利用闲置用房改建养老服务站，开设老年食堂，为辖区老年人提供助餐服务。",
            "服务站还设有日间照料室和托育点，卫生服务站定期上门义诊，构建15分钟便民生活圈。"]),
        ("infrastructure", "老城区管网改造提速", [
            "今年区里改造雨污分流管网24公里、燃气管道8公里，更新老化供水管线。",
            "同步整治积水点12处，新增停车位600个、充电桩150个，打通消防通道，补齐市政基础设施短板。"]),
        ("financing-operations", "社会资本参与老旧小区改造有了新模式", [
            "区城投公司与社会资本组建项目公司，以“改造+运营”模式实施片区改造，总投资1.8亿元。",
            "项目通过停车收费、闲置用房租赁等经营性收入实现资金平衡，银行提供15年期贷款，财政补助资金只用于基础类改造。"]),
        ("ecology-greening", "见缝插绿建起口袋公园", [
            "街道利用拆违空地建成口袋公园6个，新增绿地1.2万平方米，种植乡土树种800余株。",
            "公园设置雨水花园和透水铺装，结合河道生态修复打通滨水绿道，让居民出门见绿。"]),
        ("heritage-culture", "老街巷里留住乡愁", [
            "历史文化街区更新坚持“修旧如旧”，对23处历史建筑挂牌保护，保留传统风貌和街巷肌理。",
            "街道征集老物件、整理口述史，让老字号回归，留住城市记忆和文化根脉。"]),
        ("planning-design", "社区规划师进小区", [
            "区里为每个街道配备责任规划师，参与改造方案设计和方案审查。",
            "规划师团队编制社区更新设计导则，对公共空间布局、建筑色彩提出技术标准，设计单位据此修改设计方案。"]),
        ("resident-participation", "改什么，居民说了算", [
            "改造前，社区发放需求调查问卷1200份，召开居民议事会9场，广泛征求居民意见。",
            "方案公示后居民同意率达96%，改造完成后居民满意度调查结果为98%，真正做到问需于民、问计于民。"]),
        ("media-publicity", "讲好城市更新故事", [
            "市融媒体中心开设“城市更新进行时”专栏，推出新闻报道86篇，全网阅读量超过2000万。",
            "记者深入社区蹲点采访，主流媒体发挥舆论引导和舆论监督作用，宣传报道凝聚了社会共识。"]),
        ("smart-community", "智慧社区平台上线", [
            "社区搭建智慧社区平台，接入智能门禁、烟感和高空抛物摄像头，数据实时上传。",
            "居民通过手机小程序即可报修、缴费和参与线上议事，独居老人家中安装智能水表，异常自动预警。"]),
    ]

    @Test(arguments: cases.map(\.0))
    func eachThemeRecognisesItsOwnTopic(id: String) throws {
        let (_, title, paragraphs) = try #require(Self.cases.first { $0.0 == id })
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        let result = classifier.classify([Article(index: 0, title: title, paragraphs: paragraphs)])
        #expect(!result.notAReport)
        let article = result.articles[0]
        #expect(article.primary == id, "got \(article.themes.map { "\($0.id) \($0.score)" })")
        #expect(article.themes.count <= 4, "too many themes: \(article.themes.map(\.id))")
    }
}
