import Testing
@testable import ReportModel

@Suite struct JSONTests {
    @Test(arguments: [
        ("{}", JSONValue.object([])),
        ("[]", .array([])),
        ("null", .null),
        ("true", .bool(true)),
        ("-12", .int(-12)),
        ("1.5e2", .double(150)),
        ("\"a\\u00e9\\n\"", .string("aé\n")),
        ("\"\\ud83d\\ude00\"", .string("😀")),
        ("{\"op\":\"ping\",\"id\":[1,{\"x\":null}]}", .object([("op", .string("ping")), ("id", .array([.int(1), .object([("x", .null)])]))])),
        ("  \"电梯\"  ", .string("电梯")),
    ])
    func parsesValidJSON(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(text) == expected)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"abc", "\"\\x\"", "{} x", "\"\\ud800\"", "nul", "\u{1}", "1e400", "-1e309", "177777E777777777777777777777779"])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x22]
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes: bytes) }
    }

    @Test func printsOnOneLineWithEscapes() throws {
        let value = JSONValue.object([("t", .string("a\"b\\c\nd\u{1}")), ("n", .null), ("x", .double(0.25)), ("i", .int(3))])
        let text = value.serialized()
        #expect(text == #"{"t":"a\"b\\c\nd\u0001","n":null,"x":0.25,"i":3}"#)
        #expect(!text.contains("\n"))
        #expect(try JSONValue.parse(text) == value)
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = Report(
            id: "abc", file: "a.txt", sha256: "00", received: "2026-01-01T00:00:00Z", published: "2025-02-03",
            source: Source(format: .text, encoding: .gb18030, bytes: 10), headline: "标题",
            articles: [Article(index: 0, title: nil, author: "王五", affiliation: "某局", paragraphs: ["第一段。"],
                               themes: [ThemeScore(id: "elevator-retrofit", score: 0.5, evidence: ["加装电梯。"], cues: ["加装电梯"])],
                               primaryTheme: "elevator-retrofit", places: ["成都市"],
                               figures: [Figure(value: "12", unit: "部", text: "加装12部")])],
            themes: [], notAReport: false, duplicateOf: nil, warnings: ["w"])
        let parsed = try JSONValue.parse(report.json.serialized())
        #expect(Report(json: parsed) == report)
        #expect(parsed["articles"]?.arrayValue?.first?["title"] == .null, "null fields are written, not omitted")
    }
}
