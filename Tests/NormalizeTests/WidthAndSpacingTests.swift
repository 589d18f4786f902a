import Characters
import Testing
@testable import Normalize

@Suite struct WidthFoldingTests {
    @Test(arguments: [
        ("２０２１年", "2021年"),
        ("ＰＰＰ模式", "PPP模式"),
        ("满意度达９９．４％", "满意度达99.4%"),
        ("共计ＲＥＩＴｓ项目３个", "共计REITs项目3个"),
        // Chinese punctuation keeps its width; a full stop between words stays too.
        ("（一）目标：完成改造，提升品质；好！对吗？", "（一）目标：完成改造，提升品质；好！对吗？"),
        ("第．一", "第．一"),
    ])
    func foldsDigitsAndLettersOnly(input: String, expected: String) {
        var line = Array(input.unicodeScalars)
        WidthFolding.fold(&line)
        #expect(line.string == expected)
    }
}

@Suite struct SpacingRepairTests {
    @Test(arguments: [
        ("居民出资加装电梯已有 2129 部", "居民出资加装电梯已有2129部"),
        ("滇池是昆明的“ 母亲湖” ，老城区", "滇池是昆明的“母亲湖”，老城区"),
        ("对入河排口实行 “ 一口一档”", "对入河排口实行“一口一档”"),
        ("小区\u{A0}３\u{A0}栋", "小区３栋"),
        ("□\u{A0}周明远", "□周明远"),
        ("社区,居民,物业三方", "社区，居民，物业三方"),
        ("供 餐 时 间：午 餐11:00 — 12:30", "供餐时间：午餐11:00—12:30"),
        ("覆盖率 100 %", "覆盖率100%"),
        // Kept as clean text writes them.
        ("本报讯（记者 周明远 通讯员 林晓岚）", "本报讯（记者 周明远 通讯员 林晓岚）"),
        ("青石日报　2023年6月8日　第02版", "青石日报　2023年6月8日　第02版"),
        ("2023-09-20 07:45　来源：青石日报", "2023-09-20 07:45　来源：青石日报"),
        ("Roasted soup with croutons — 8.50, 12.5% service", "Roasted soup with croutons — 8.50, 12.5% service"),
        ("1,200 units", "1,200 units"),
    ])
    func repairsSpacing(input: String, expected: String) {
        var line = Array(input.unicodeScalars)
        SpacingRepair.repair(&line)
        #expect(line.string == expected)
    }

    @Test func normalizerStripsIndentsAndNBSPLines() {
        let text = "　　　　" + Fixtures.title1 + "\n\u{A0}\n　　　　　　□\u{A0}周明远\n　　" + Fixtures.paragraphs1[0] + "\u{A0}\n"
        let result = Normalizer().normalize(text)
        #expect(result.lines == [Fixtures.title1, Fixtures.byline1, Fixtures.paragraphs1[0]])
    }
}
