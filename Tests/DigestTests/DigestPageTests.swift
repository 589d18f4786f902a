import ReportModel
import Testing
@testable import Digest

@Suite struct DigestPageTests {
    static let digest: JSONValue = .object([
        ("since", .string("2026-11-20")), ("until", .string("2026-11-26")), ("place", .null), ("interval", .string("day")),
        ("articles", .int(3)), ("reprints_folded", .int(1)),
        ("themes", .array([.object([
            ("id", .string("elevator-retrofit")), ("zh", .string("加装电梯")), ("en", .string("Elevator retrofit")), ("count", .int(1)),
            ("articles", .array([.object([
                ("report", .string("abc")), ("article", .int(0)), ("title", .string("<script>alert(1)</script>电梯")),
                ("place", .string("武侯区")), ("date", .string("2026-11-24")), ("evidence", .string("加装电梯386部。")),
                ("themes", .strings(["elevator-retrofit"])), ("reprints", .int(1)),
            ])])),
        ])])),
        ("theme_names", .object([("elevator-retrofit", .string("加装电梯")), ("property-management", .string("物业管理"))])),
        ("trends", .object([
            ("periods", .strings(["2026-11-24", "2026-11-25"])),
            ("series", .array([
                .object([("key", .string("elevator-retrofit")), ("counts", .array([.int(2), .int(0)])), ("total", .int(2))]),
                .object([("key", .string("property-management")), ("counts", .array([.int(1), .int(3)])), ("total", .int(4))]),
            ])),
        ])),
        ("places", .object([
            ("periods", .strings(["2026-11-24", "2026-11-25"])),
            ("series", .array([.object([("key", .string("武侯区")), ("counts", .array([.int(1), .int(2)])), ("total", .int(3))])])),
        ])),
        ("facts", .array([.object([
            ("value", .string("386")), ("unit", .string("部")), ("about", .string("加装电梯")), ("place", .string("武侯区")),
            ("date", .string("2026-11-24")), ("report", .string("abc")), ("article", .int(0)), ("sentence", .string("加装电梯386部。")),
        ])])),
    ])

    @Test func pageIsSelfContained() {
        let page = DigestPage.html(Self.digest, generatedAt: "2026-11-26T10:00:00Z")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") || !page.contains("src="))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;电梯"))
        #expect(page.contains("name=\"viewport\""))
        #expect(page.contains("另有 1 篇转载"))
    }

    @Test func barsCarryTheTrendNumbers() {
        let page = DigestPage.html(Self.digest, generatedAt: "now")
        #expect(page.contains("data-key=\"elevator-retrofit\" data-period=\"2026-11-24\" data-count=\"2\""))
        #expect(page.contains("data-key=\"property-management\" data-period=\"2026-11-25\" data-count=\"3\""))
        #expect(!page.contains("data-period=\"2026-11-25\" data-count=\"0\""))   // empty segments are not drawn
        #expect(page.contains("data-period=\"2026-11-25\" data-total=\"3\""))
        #expect(page.contains("data-key=\"武侯区\" data-count=\"3\""))
        #expect(page.contains("物业管理 <b>4</b>"))
    }

    @Test func ticksAreRound() {
        #expect(TrendChart.ticks(3) == [0, 1, 2, 3])
        #expect(TrendChart.ticks(37) == [0, 10, 20, 30])
    }
}
