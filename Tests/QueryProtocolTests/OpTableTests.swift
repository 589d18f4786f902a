import ReportModel
import Testing
@testable import QueryProtocol

/// Dispatch, the op list and the quick path all come from one table of ops.
@Suite struct OpTableTests {
    struct Context: Sendable { var calls = 0 }

    static let table = OpTable<Context>([
        Op("ping", lane: .quick) { _, _ in .result(.object([("pong", .bool(true))])) },
        Op("echo") { request, _ in .result(request.fields["x"] ?? .null) },
        Op("boom") { _, _ in throw ProtocolError(.notFound, "nothing") },
        Op("hook", testHook: true) { _, _ in .result(.null) },
    ])

    func answer(_ line: String, draining: Bool = false) throws -> JSONValue {
        let bytes: [UInt8]
        switch Self.table.dispatch(Array(line.utf8), context: Context(), draining: draining) {
        case .answered(let line): bytes = line
        case .work(_, let body): bytes = body().line
        }
        #expect(bytes.last == 0x0A)
        return try JSONValue.parse(bytes: bytes.dropLast())
    }

    @Test func namesAreTheTablesWithoutTestHooks() {
        #expect(Self.table.names == ["ping", "echo", "boom"])
        #expect(OpTable<Context>(Self.table.ops + [Op("hook", testHook: true) { _, _ in .result(.null) }], testHooks: true)
            .names == ["ping", "echo", "boom", "hook"])
    }

    @Test func quickOpsAreAnsweredAtOnceOthersBecomeWork() {
        guard case .answered = Self.table.dispatch(Array(#"{"op":"ping"}"#.utf8), context: Context(), draining: false) else {
            Issue.record("ping was not answered at once"); return
        }
        guard case .work = Self.table.dispatch(Array(#"{"op":"echo"}"#.utf8), context: Context(), draining: false) else {
            Issue.record("echo was not handed to a worker"); return
        }
    }

    @Test func unknownOpsListTheTable() throws {
        let answer = try answer(#"{"op":"hook","id":3}"#)
        #expect(answer["error"]?["code"]?.stringValue == "unknown_op")
        #expect(answer["error"]?["message"]?.stringValue?.contains("ops are ping, echo, boom") == true)
        #expect(answer["id"] == .int(3))
    }

    @Test func errorsAndDrainingKeepTheID() throws {
        #expect(try answer(#"{"op":"boom","id":"a"}"#) == .object([("id", .string("a")), ("ok", .bool(false)),
            ("error", .object([("code", .string("not_found")), ("message", .string("nothing"))]))]))
        #expect(try answer(#"{"op":"echo","id":1}"#, draining: true)["error"]?["code"]?.stringValue == "shutting_down")
    }

    @Test func anEmptyLineIsAnsweredAsInvalidJSON() throws {
        #expect(try answer("")["error"]?["code"]?.stringValue == "invalid_json")
    }

    @Test(arguments: ["123456789012345678901234567890", "-0.000000000000000000001", "1E+400000", "\"x\\u0041\""])
    func theIDComesBackAsWritten(id: String) throws {
        let line = #"{"op":"echo","id":\#(id),"x":1}"#
        let bytes: [UInt8]
        switch Self.table.dispatch(Array(line.utf8), context: Context(), draining: false) {
        case .answered(let line): bytes = line
        case .work(_, let body): bytes = body().line
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if id == "1E+400000" {
            // Out of range for a double: refused as invalid JSON, not echoed as null.
            #expect(text.contains("invalid_json"))
        } else {
            #expect(text.hasPrefix(#"{"id":\#(id),"ok":true"#), "\(text)")
        }
    }
}
