import Normalize
import ReportModel
import Segment
import Testing

/// Figures, places and dates on invented sentences.
@Suite struct ExtractionTests {
    private func article(_ body: String) -> Article {
        Segmenter().segment(NormalizedText(lines: ["微更新简讯", body])).articles[0]
    }

    private func figures(_ body: String) -> [String] {
        article(body).figures.map { "\($0.value)|\($0.unit)" }
    }

    @Test(arguments: [
        ("全市已加装电梯1536部。", ["1536|部"]),
        ("支持率达到97.5%。", ["97.5|%"]),
        ("支持率达到97.5％。", ["97.5|%"]),
        ("总投资2.4亿元，其中补助3600万元。", ["2.4|亿元", "3600|万元"]),
        ("每300至500户设一个网格。", ["300至500|户"]),
        ("审批压缩至10个工作日。", ["10|个工作日"]),
        ("参与率高出12个百分点。", ["12|个百分点"]),
        ("征集意见300余份，参加志愿者20多名。", ["300|份", "20|名"]),
        ("新增绿地1.6万平方米。", ["1.6|万平方米"]),
        ("阅读量超过3000万。", ["3000|万"]),
        ("回收期为5.5年至9.5年。", ["5.5|年", "9.5|年"]),
    ])
    func figuresWithUnits(body: String, expected: [String]) {
        #expect(figures(body) == expected)
    }

    @Test(arguments: [
        "2023年，街道完成了改造。",
        "5月11日上午，电梯通过验收。",
        "住在3栋2单元7楼的居民反映了问题。",
        "根据望建发〔2024〕12号文件执行。",
        "联系电话：027-8×××××××。",
        "会议于14:30开始。",
        "发布时间：2024-03-05 08:30。",
        "见第05版。",
        "附件：1.2024年项目表",
        "地址：江城市望江路18号，邮编430000。",
        "共有三栋楼、十二户居民。",
    ])
    func notFigures(body: String) {
        #expect(figures(body).isEmpty)
    }

    @Test func figureTextIsTheClause() {
        let f = article("去年以来，望江区累计加装电梯386部，惠及居民。").figures
        #expect(f.map(\.text) == ["望江区累计加装电梯386部"])
    }

    @Test(arguments: [
        ("记者从江城市望江区获悉，桂香街道青石巷社区已完工。", ["江城市", "望江区", "桂香街道", "青石巷社区"]),
        ("枫林路、梅岭路沿线的改造已启动。", ["枫林路", "梅岭路"]),
        ("沿白鹭河修建了步道，莲心湖公园也完成提升。", ["白鹭河", "莲心湖", "莲心湖公园"]),
        ("在青石镇和柳湾村开展试点。", ["青石镇", "柳湾村"]),
        ("望江区党工委与桂香街道办事处联合召开会议。", ["望江区", "桂香街道"]),
        ("在桂香、枫林等街道推广经验。", ["桂香", "枫林"]),
        ("在梅岭片区新建停车场。", ["梅岭"]),
        ("广东和浙江的经验值得借鉴。", ["广东", "浙江"]),
    ])
    func places(body: String, expected: [String]) {
        #expect(article(body).places == expected)
    }

    @Test(arguments: [
        "城市更新要坚持以人民为中心，老旧小区和完整社区建设同步推进。",
        "社区把服务送进小区，加强社区治理。",
        "江城日报和江城大学的专家参加了座谈。",
        "要走出一条新路径，找准思路。",
        "城中村改造和城镇老旧小区改造都在推进。",
    ])
    func notPlaces(body: String) {
        #expect(article(body).places.isEmpty)
    }

    @Test(arguments: [
        (["江城晚报　2024年4月3日　第06版", "桂香小区改造完工", "正文。"], "2024-04-03"),
        (["2024-04-03 09:15　来源：江城晚报", "桂香小区改造完工", "正文。"], "2024-04-03"),
        (["桂香小区改造工作总结", "正文提到2023年12月1日开工。", "桂香街道办事处", "2024年1月5日"], "2024-01-05"),
        (["桂香小区改造工作总结", "正文。", "桂香街道办事处", "2024-1-5"], "2024-01-05"),
        (["本报讯　4月2日，桂香小区改造完工。"], nil),
        (["桂香小区改造完工", "正文提到2023年12月1日开工。"], nil),
    ] as [([String], String?)])
    func publishedDate(lines: [String], expected: String?) {
        #expect(Segmenter().segment(NormalizedText(lines: lines)).published == expected)
    }
}
