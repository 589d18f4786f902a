import ReportModel
import Testing
@testable import QueryProtocol

@Suite struct RequestTests {
    func parse(_ s: String) -> Result<Request, RequestParseFailure> { Request.parse(Array(s.utf8)) }

    @Test func parsesOpAndEchoesID() throws {
        let r = try parse(#"{"op":"get","id":7,"report":"x"}"#).get()
        #expect(r.op == "get" && r.id == .int(7))
        #expect(try r.string("report") == "x")
    }

    @Test(arguments: [
        ("not json", ProtocolError.Code.invalidJSON),
        ("[1,2]", .invalidJSON),
        ("\"op\"", .invalidJSON),
        ("{}", .badRequest),
        (#"{"op":5}"#, .badRequest),
        (#"{"op":"ping","id":{"a":1}}"#, .badRequest),
    ])
    func badLinesGetTheirCodes(line: String, code: ProtocolError.Code) {
        guard case .failure(let failure) = parse(line) else { Issue.record("parsed \(line)"); return }
        #expect(failure.error.code == code)
    }

    @Test func missingOpStillEchoesTheID() {
        guard case .failure(let failure) = parse(#"{"id":"q1"}"#) else { Issue.record("parsed"); return }
        #expect(failure.id == .string("q1"))
    }

    @Test func typedFieldsFailAsBadRequest() throws {
        let r = try parse(#"{"op":"list","limit":"ten","since":"2023-13-01","theme":3,"events":["a",1]}"#).get()
        #expect(throws: ProtocolError.self) { try r.int("limit", default: 20, range: 1...1000) }
        #expect(throws: ProtocolError.self) { try r.date("since") }
        #expect(throws: ProtocolError.self) { try r.string("theme") }
        #expect(throws: ProtocolError.self) { try r.stringList("events") }
        #expect(throws: ProtocolError.self) { try r.requiredString("q") }
        let ok = try parse(#"{"op":"list","limit":5,"since":"2023-01-31"}"#).get()
        #expect(try ok.int("limit", default: 20, range: 1...1000) == 5)
        #expect(try ok.date("since") == "2023-01-31")
        #expect(throws: ProtocolError.self) { try ok.int("limit", default: 20, range: 10...1000) }
    }

    @Test func responsesAreSingleJSONLines() throws {
        let ok = Response.success(id: .int(1), result: .object([("pong", .bool(true))]))
        #expect(String(decoding: ok, as: UTF8.self) == "{\"id\":1,\"ok\":true,\"result\":{\"pong\":true}}\n")
        let raw = Response.success(id: .string("a"), rawResult: "{\"x\":1}")
        #expect(try JSONValue.parse(bytes: raw.dropLast())["result"]?["x"] == .int(1))
        let err = Response.failure(id: nil, error: ProtocolError(.notFound, "no such"))
        #expect(String(decoding: err, as: UTF8.self) == "{\"ok\":false,\"error\":{\"code\":\"not_found\",\"message\":\"no such\"}}\n")
    }
}
