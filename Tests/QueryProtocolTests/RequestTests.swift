import ReportModel
import Testing
@testable import QueryProtocol

@Suite struct RequestTests {
    func parse(_ s: String) -> Result<Request, RequestParseFailure> { Request.parse(Array(s.utf8)) }

    @Test func parsesOpAndEchoesID() throws {
        let r = try parse(#"{"op":"get","id":7,"report":"x"}"#).get()
        #expect(r.op == "get" && r.id?.value == .int(7))
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
        #expect(failure.id?.value == .string("q1"))
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

    @Test(arguments: [("2023-02-31", false), ("2023-02-29", false), ("2024-02-29", true), ("1900-02-29", false),
                      ("2000-02-29", true), ("2023-04-31", false), ("2023-12-31", true), ("2023-1-05", false), ("+023-01-05", false)])
    func datesMustExist(date: String, valid: Bool) throws {
        let r = try parse(#"{"op":"list","since":"\#(date)"}"#).get()
        if valid {
            #expect(try r.date("since") == date)
        } else {
            #expect(throws: ProtocolError.self) { try r.date("since") }
        }
    }

    @Test func responsesAreSingleJSONLines() throws {
        let ok = Response.success(id: RequestID(.int(1)), result: .object([("pong", .bool(true))]))
        #expect(String(decoding: ok, as: UTF8.self) == "{\"id\":1,\"ok\":true,\"result\":{\"pong\":true}}\n")
        let raw = Response.success(id: RequestID(.string("a")), rawResult: "{\"x\":1}")
        #expect(try JSONValue.parse(bytes: raw.dropLast())["result"]?["x"] == .int(1))
        let err = Response.failure(id: nil, error: ProtocolError(.notFound, "no such"))
        #expect(String(decoding: err, as: UTF8.self) == "{\"ok\":false,\"error\":{\"code\":\"not_found\",\"message\":\"no such\"}}\n")
    }
}
