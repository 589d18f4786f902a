import Foundation
import ReportModel
import Testing

/// Issue 14, inboxes of real sites, against the real binary: subfolder tags filter `list` and
/// `search`; `retry` (op and CLI) brings a fixed file back and it is ingested; a polled inbox.
@Suite(.serialized) struct InboxFoldersEndToEndTests {
    static func report(_ n: Int) -> [UInt8] {
        Array("""
            老旧小区改造让居民住得更舒心（第\(n)期）
            本报讯　今年以来，全市推进老旧小区改造，加装电梯\(100 + n)部，惠及居民3000余户。
            社区党委组织居民议事，物业服务逐步到位。
            """.utf8)
    }

    /// Written outside, renamed into `inbox/name` (which may lie in a subfolder).
    static func drop(_ d: DaemonHarness, _ name: String, _ bytes: [UInt8]) throws {
        let aside = d.root + "/" + name.replacingOccurrences(of: "/", with: "_") + ".aside"
        FileManager.default.createFile(atPath: aside, contents: Data(bytes))
        try FileManager.default.moveItem(atPath: aside, toPath: d.inbox + "/" + name)
    }

    /// Runs the binary as a client (`renewald retry …`): its exit status and output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Spawned.run(DaemonHarness.binary, arguments)
    }

    @Test func subfolderTagsFilterListAndSearch() throws {
        let d = try DaemonHarness()
        try FileManager.default.createDirectory(atPath: d.inbox + "/徐汇区", withIntermediateDirectories: true)
        d.dropInPlace("徐汇区/before.txt", Self.report(1))
        try d.start()
        // A folder made after start, one below it, and a whole folder moved in with a file inside.
        try FileManager.default.createDirectory(atPath: d.inbox + "/静安区/石门二路街道", withIntermediateDirectories: true)
        try Self.drop(d, "徐汇区/a.txt", Self.report(2))
        try Self.drop(d, "静安区/石门二路街道/b.txt", Self.report(3))
        try FileManager.default.createDirectory(atPath: d.root + "/outside/浦东新区", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: d.root + "/outside/浦东新区/c.txt", contents: Data(Self.report(4)))
        try FileManager.default.moveItem(atPath: d.root + "/outside/浦东新区", toPath: d.inbox + "/浦东新区")
        try Self.drop(d, "top.txt", Self.report(5))
        for name in ["徐汇区/before.txt", "徐汇区/a.txt", "静安区/石门二路街道/b.txt", "浦东新区/c.txt", "top.txt"] {
            #expect(try d.waitForFile(name, timeout: 120)["ok"] == .bool(true), "\(name)")
        }
        let client = try d.client()
        func total(_ request: [String: JSONValue]) throws -> Int? { try client.request(request)["result"]?["total"]?.intValue }
        #expect(try total(["op": "list", "tag": "徐汇区"]) == 2)
        #expect(try total(["op": "list", "tag": "静安区"]) == 1, "a folder's tag covers the folders below it")
        #expect(try total(["op": "list", "tag": "静安区/石门二路街道"]) == 1)
        #expect(try total(["op": "list", "tag": "浦东新区"]) == 1)
        #expect(try total(["op": "list", "tag": "闵行区"]) == 0)
        #expect(try total(["op": "list"]) == 5)
        #expect(try total(["op": "search", "q": "加装电梯", "tag": "徐汇区"]) == 2)
        #expect(try total(["op": "search", "q": "加装电梯", "tag": "浦东新区"]) == 1)
        #expect(try total(["op": "search", "q": "加装电梯"]) == 5)
        let listed = try client.request(["op": "list", "tag": "静安区"])["result"]?["reports"]?.arrayValue?.first
        #expect(listed?["tag"]?.stringValue == "静安区/石门二路街道")
        #expect(listed?["file"]?.stringValue == "静安区/石门二路街道/b.txt")
        #expect(try d.waitForFile("top.txt")["result"]?["tag"] == .null)
        #expect(try client.request(["op": "list", "tag": ""])["error"]?["code"]?.stringValue == "bad_request")
        // Originals are archived in their subfolder; the subfolders stay in the inbox.
        #expect(FileManager.default.fileExists(atPath: d.state + "/archive/静安区/石门二路街道/b.txt"))
        #expect(FileManager.default.fileExists(atPath: d.state + "/archive/浦东新区/c.txt"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: d.inbox)) == ["徐汇区", "静安区", "浦东新区"])
        let stats = try client.request(["op": "stats"])["result"]
        #expect(stats?["inbox_watch"]?["mode"]?.stringValue == "inotify")
        #expect(stats?["inbox_watch"]?["folders"]?.intValue == 5)
        #expect(d.stop() == 0)
    }

    @Test func retryBringsAFixedFileBackAndItIsIngested() throws {
        let d = try DaemonHarness(config: "max_file_bytes = 200\n")
        try d.start()
        try FileManager.default.createDirectory(atPath: d.inbox + "/徐汇区", withIntermediateDirectories: true)
        try Self.drop(d, "徐汇区/long.txt", Self.report(6))   // over the limit
        let failed = try d.waitForFile("徐汇区/long.txt", timeout: 120)
        #expect(failed["failed"]?["code"]?.stringValue == "too_large")
        let path = try #require(failed["failed"]?["path"]?.stringValue)
        #expect(path == d.state + "/failed/徐汇区/long.txt")

        // Refused: a path outside failed/.
        let outside = try Self.run(["retry", "--socket", d.socket, d.state + "/renewald.sqlite"])
        #expect(outside.status == 1 && outside.output.contains("only files in failed/"), "\(outside)")
        #expect(FileManager.default.fileExists(atPath: d.state + "/renewald.sqlite"))

        // The cause is fixed: the limit raised (and reloaded). Then `renewald retry FILE`.
        try "max_file_bytes = 1000000\n".write(toFile: d.configFile, atomically: true, encoding: .utf8)
        #expect(try d.client().request(["op": "reload"])["ok"] == .bool(true))
        let retried = try Self.run(["retry", "--socket", d.socket, path])
        #expect(retried.status == 0, "\(retried.output)")
        #expect(retried.output.contains("as 徐汇区/long.txt"), "\(retried.output)")
        let got = try d.waitForFile("徐汇区/long.txt", timeout: 120)
        #expect(got["ok"] == .bool(true), "\(got)")
        #expect(got["result"]?["tag"]?.stringValue == "徐汇区")
        let client = try d.client()
        #expect(try client.request(["op": "failed"])["result"]?["failed"]?.arrayValue?.isEmpty == true)
        #expect(try client.request(["op": "stats"])["result"]?["failed"]?.intValue == 0)
        #expect(FileManager.default.fileExists(atPath: d.state + "/archive/徐汇区/long.txt"))
        #expect(!FileManager.default.fileExists(atPath: path))

        // --all with nothing left says so; usage mistakes are caught before the socket.
        let none = try Self.run(["retry", "--socket", d.socket, "--all"])
        #expect(none.status == 0 && none.output.contains("nothing to retry"), "\(none)")
        #expect(try Self.run(["retry", "--socket", d.socket]).status != 0)
        #expect(d.stop() == 0)
    }

    @Test func aPolledInboxTakesFilesWithinThePollInterval() throws {
        let poll = 1.0, settle = 2.0, slack = 20.0   // slack: analysis on a loaded machine
        let d = try DaemonHarness(config: "inbox_watch = poll\npoll_interval = 1s\n")
        try d.start()
        let stats = try d.client().request(["op": "stats"])["result"]
        #expect(stats?["inbox_watch"]?["mode"]?.stringValue == "poll")
        #expect(stats?["inbox_watch"]?["poll_interval_s"]?.doubleValue == poll)
        #expect(d.logText.contains("by listing it every 1s"), "\(d.logText)")
        try FileManager.default.createDirectory(atPath: d.inbox + "/徐汇区", withIntermediateDirectories: true)
        let t0 = Date()
        d.dropInPlace("徐汇区/polled.txt", Self.report(7))
        #expect(try d.waitForFile("徐汇区/polled.txt", timeout: poll + settle + slack)["ok"] == .bool(true))
        let elapsed = Date().timeIntervalSince(t0)
        #expect(elapsed <= poll + settle + slack, "took \(elapsed) s")
        #expect(d.stop() == 0)
    }
}
