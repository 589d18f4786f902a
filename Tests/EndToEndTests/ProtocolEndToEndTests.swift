import Foundation
import ReportModel
import Testing

/// Every op and every error code of the protocol, over the real socket.
@Suite(.serialized) struct ProtocolEndToEndTests {
    func running(config: String = "", environment: [String: String] = [:]) throws -> DaemonHarness {
        let d = try DaemonHarness(config: config)
        try d.start(environment: environment)
        return d
    }

    @Test func everyOpAnswers() throws {
        let d = try running()
        try d.dropByRename("elevator.txt", InboxEndToEndTests.report)
        let stored = try d.waitForFile("elevator.txt")
        let id = try #require(stored["result"]?["id"]?.stringValue)
        let c = try d.client()

        let hello = try c.request(["op": "hello", "id": 1])
        #expect(hello["id"] == 1)
        #expect(hello["result"]?["protocol"] == 1)
        #expect(hello["result"]?["ops"]?.arrayValue?.count ?? 0 >= 12)
        #expect(try c.request(["op": "ping", "id": "x"]) == .object([("id", "x"), ("ok", .bool(true)), ("result", .object([("pong", .bool(true))]))]))

        let stats = try c.request(["op": "stats"])["result"]
        #expect(stats?["reports"] == 1)
        for key in ["articles", "failed", "pending", "themes", "uptime_s"] { #expect(stats?[key] != nil, "stats has \(key)") }

        let themes = try c.request(["op": "themes"])["result"]?["themes"]?.arrayValue
        #expect(themes?.count == 15)
        #expect(themes?.first?["zh"] != nil && themes?.first?["articles"] != nil)

        #expect(try c.request(["op": "get", "report": .string(id)])["result"]?["file"] == "elevator.txt")
        let list = try c.request(["op": "list", "limit": 5])["result"]
        #expect(list?["total"] == 1)
        #expect(list?["reports"]?.arrayValue?.first?["id"] == .string(id))
        #expect(try c.request(["op": "list", "since": "2099-01-01"])["result"]?["total"] == 0)

        for q in ["梯", "电梯", "加装电梯", "电梯 居民"] {
            let search = try c.request(["op": "search", "q": .string(q)])["result"]
            #expect(search?["total"] == 1, "search \(q)")
            let hit = search?["hits"]?.arrayValue?.first
            #expect(hit?["report"] == .string(id))
            #expect(hit?["snippet"]?.stringValue?.contains("【") == true)
        }
        #expect(try c.request(["op": "search", "q": "地铁"])["result"]?["total"] == 0)

        let classified = try c.request(["op": "classify", "text": "小区加装电梯工作启动，居民踊跃报名。"])["result"]
        #expect(classified?["articles"]?.arrayValue?.isEmpty == false)
        #expect(try c.request(["op": "stats"])["result"]?["reports"] == 1, "classify stores nothing")

        d.dropInPlace("empty.txt", [])
        _ = try d.waitForFile("empty.txt")
        let failed = try c.request(["op": "failed"])["result"]?["failed"]?.arrayValue
        #expect(failed?.first?["file"] == "empty.txt")
        #expect(failed?.first?["reason"] != nil && failed?.first?["at"] != nil && failed?.first?["path"] != nil)

        #expect(try c.request(["op": "reload"])["result"]?["reclassified"] == 1)

        let label = try c.request(["op": "label", "report": .string(id), "article": 0, "themes": .array(["smart-community"])])
        #expect(label["ok"] == .bool(true), "\(label)")
        let relabelled = try c.request(["op": "get", "report": .string(id)])["result"]?["articles"]?.arrayValue?.first
        #expect(relabelled?["themes_by"] == "person")
        #expect(relabelled?["primary_theme"] == "smart-community")
        #expect(try c.request(["op": "list", "theme": "smart-community"])["result"]?["total"] == 1)
    }

    @Test func everyErrorCode() throws {
        let d = try running(config: "max_request_bytes = 256\nmax_connections = 3\n", environment: ["RENEWALD_TEST_HOOKS": "1"])
        let c = try d.client()
        func code(_ line: String) throws -> String? {
            try c.send(line)
            return try c.readJSON()["error"]?["code"]?.stringValue
        }
        #expect(try code("this is not json") == "invalid_json")
        #expect(try code("[1,2,3]") == "invalid_json")
        #expect(try code(#"{"op":"get"}"#) == "bad_request")
        #expect(try code(#"{"op":"list","limit":"many"}"#) == "bad_request")
        #expect(try code(#"{"op":"search"}"#) == "bad_request")
        #expect(try code(#"{"op":"label","report":"x","article":0,"themes":["no-such-theme"]}"#) == "bad_request")
        #expect(try code(#"{"op":"fly"}"#) == "unknown_op")
        #expect(try code(#"{"op":"get","report":"0000000000000000"}"#) == "not_found")
        #expect(try code(#"{"op":"get","file":"never-dropped.txt"}"#) == "not_found")
        #expect(try code("{\"op\":\"ping\",\"pad\":\"" + String(repeating: "x", count: 400) + "\"}") == "too_large")
        #expect(try c.request(["op": "ping"])["ok"] == .bool(true), "the connection stays usable after errors")

        // Connections beyond max_connections are answered `overloaded`.
        let others = try (0..<2).map { _ in try d.client() }
        _ = try others.map { try $0.request(["op": "ping"]) }
        let extra = try d.client()
        #expect(try extra.readJSON()["error"]?["code"] == "overloaded")
        withExtendedLifetime(others) {}

        // A request arriving while the daemon drains gets `shutting_down`.
        try c.send(#"{"op":"debug_sleep","seconds":1.5}"#)
        usleep(200_000)
        kill(d.process!.pid, SIGTERM)
        usleep(300_000)
        try c.send(#"{"op":"ping","id":2}"#)
        try c.send(#"{"op":"stats","id":3}"#)
        #expect(try c.readJSON()["ok"] == .bool(true), "the request in flight is answered")
        let refused = try c.readJSON()
        // ping is answered on the network thread; what needs the store is refused while draining.
        let codes = [refused, try c.readJSON()].compactMap { $0["error"]?["code"]?.stringValue }
        #expect(codes.contains("shutting_down"))
        #expect(d.stop() == 0)
    }

    @Test func answersReachHalfClosedAndPipeliningClients() throws {
        let d = try running()
        // Like `echo … | socat`: write, close the write side, then read.
        let c = try d.client()
        try c.send(#"{"op":"ping","id":1}"#)
        c.shutdownWrite()
        #expect(try c.readJSON()["id"] == 1)
        #expect(try c.readLine() == nil, "the daemon closes after answering a half-closed client")

        // Thousands of pipelined requests in one write, answered in order.
        let p = try d.client()
        var burst = ""
        for i in 0..<3000 { burst += i % 3 == 0 ? "{\"op\":\"stats\",\"id\":\(i)}\n" : "{\"op\":\"ping\",\"id\":\(i)}\n" }
        try p.send(raw: Array(burst.utf8))
        for i in 0..<3000 {
            let answer = try p.readJSON()
            guard answer["id"] == .int(i) else { Issue.record("answer \(i) out of order: \(answer)"); break }
        }
    }

    @Test func oversizedLinesKeepTheConnectionUntilRepeated() throws {
        let d = try running(config: "max_request_bytes = 300\n")
        let c = try d.client()
        try c.send(String(repeating: "y", count: 5000))
        #expect(try c.readJSON()["error"]?["code"] == "too_large")
        #expect(try c.request(["op": "ping"])["ok"] == .bool(true))
        for _ in 0..<3 { try c.send(String(repeating: "z", count: 1000)) }
        for _ in 0..<3 { #expect(try c.readJSON()["error"]?["code"] == "too_large") }
        #expect(try c.readLine() == nil, "a client that keeps exceeding the limit is disconnected")
        #expect(try d.client().request(["op": "ping"])["ok"] == .bool(true), "other clients are unaffected")
    }
}
