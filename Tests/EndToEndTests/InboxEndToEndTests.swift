import Foundation
import ReportModel
import Testing

/// Drops real files into a running daemon's inbox the ways people do, and checks what happens to each.
@Suite(.serialized) struct InboxEndToEndTests {
    static let report = Array("""
        老旧小区改造让居民住得更舒心
        本报讯　今年以来，全市推进老旧小区改造，加装电梯120部，惠及居民3000余户。
        社区党委组织居民议事，物业服务逐步到位。
        """.utf8)

    @Test func filesArriveEveryWayAndEndUpArchivedOrFailed() throws {
        let d = try DaemonHarness()
        d.dropInPlace("before-start.txt", Self.report + Array("启动前。".utf8))
        try d.start()

        #expect(try d.waitForFile("before-start.txt")["ok"] == .bool(true), "a file present before start is taken")

        try d.dropByRename("renamed.txt", Self.report + Array("改名放入。".utf8))
        d.dropInPlace("copied.txt", Self.report + Array("原地写入。".utf8))
        try d.dropByLink("linked.txt", Self.report + Array("硬链接放入。".utf8))
        #expect(try d.waitForFile("renamed.txt")["ok"] == .bool(true))
        #expect(try d.waitForFile("copied.txt")["ok"] == .bool(true))
        #expect(try d.waitForFile("linked.txt")["ok"] == .bool(true), "a hard link has no close event; it is taken when it appears")

        // A .part file is left alone until it is renamed.
        d.dropInPlace("slow.txt.part", Self.report + Array("分段上传。".utf8))
        usleep(700_000)
        #expect(FileManager.default.fileExists(atPath: d.inbox + "/slow.txt.part"))
        try FileManager.default.moveItem(atPath: d.inbox + "/slow.txt.part", toPath: d.inbox + "/slow.txt")
        #expect(try d.waitForFile("slow.txt")["ok"] == .bool(true))

        // GB18030 without a BOM: 中文测试，社区 repeated.
        let gb: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xE2, 0xCA, 0xD4, 0xA3, 0xAC, 0xC9, 0xE7, 0xC7, 0xF8, 0xA1, 0xA3, 0x0A]
        try d.dropByRename("gbk.txt", Array([[UInt8]](repeating: gb, count: 20).joined()))
        let gbReport = try d.waitForFile("gbk.txt")
        #expect(gbReport["result"]?["source"]?["encoding"] == "gb18030")
        #expect(gbReport["result"]?["articles"]?.arrayValue?.first?["paragraphs"]?.arrayValue?.first?.stringValue?.contains("中文测试") == true)

        // Failures: empty, binary. Each goes to failed/ with a reason; nothing is deleted. A directory
        // is a subfolder to drop files in: it stays, watched.
        d.dropInPlace("empty.txt", [])
        try d.dropByRename("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        try FileManager.default.createDirectory(atPath: d.inbox + "/a-directory", withIntermediateDirectories: false)
        for (name, code) in [("empty.txt", "empty"), ("image.png", "binary")] {
            let answer = try d.waitForFile(name)
            #expect(answer["failed"]?["code"]?.stringValue == code, "\(name): \(answer)")
            let path = try #require(answer["failed"]?["path"]?.stringValue)
            // The failure row is written before the file moves (so a kill between cannot leave a
            // failed file with no row): `get` can answer a moment before the move.
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: path + ".reason.json") && Date() < deadline { usleep(50_000) }
            #expect(FileManager.default.fileExists(atPath: path), "the original of \(name) is kept in failed/")
            #expect(FileManager.default.fileExists(atPath: path + ".reason.json"))
        }

        let archived = try FileManager.default.contentsOfDirectory(atPath: d.state + "/archive")
        #expect(Set(archived).isSuperset(of: ["before-start.txt", "renamed.txt", "copied.txt", "linked.txt", "slow.txt", "gbk.txt"]))
        let left = try FileManager.default.contentsOfDirectory(atPath: d.inbox)
        #expect(left == ["a-directory"], "inbox should hold only the subfolder, has \(left)")
        #expect(d.stop() == 0)
    }

    @Test func restartKeepsReportsAndTheSameFileTwiceIsOneReport() throws {
        let d = try DaemonHarness()
        try d.start()
        try d.dropByRename("a.txt", Self.report)
        let first = try d.waitForFile("a.txt")
        let id = try #require(first["result"]?["id"]?.stringValue)
        #expect(d.stop() == 0)

        try d.start()
        let client = try d.client()
        #expect(try client.request(["op": "get", "report": .string(id)])["ok"] == .bool(true), "reports survive a restart")
        try d.dropByRename("a.txt", Self.report)
        let deadline = Date().addingTimeInterval(10)
        while FileManager.default.fileExists(atPath: d.inbox + "/a.txt") && Date() < deadline { usleep(30_000) }
        usleep(200_000)
        #expect(try client.request(["op": "stats"])["result"]?["reports"] == 1)
        let archived = try FileManager.default.contentsOfDirectory(atPath: d.state + "/archive").sorted()
        #expect(archived == ["a.1.txt", "a.txt"], "both drops are archived, neither replaces the other")
    }

    @Test func subscribersHearOfIngestsAndFailures() throws {
        let d = try DaemonHarness()
        try d.start()
        let subscriber = try d.client()
        let ack = try subscriber.request(["op": "subscribe"])
        #expect(ack["ok"] == .bool(true))
        try d.dropByRename("news.txt", Self.report)
        let event = try subscriber.readJSON()
        #expect(event["event"] == "ingested")
        #expect(event["file"] == "news.txt")
        d.dropInPlace("nothing.txt", [])
        let failed = try subscriber.readJSON()
        #expect(failed["event"] == "failed")
        #expect(failed["reason"]?.stringValue?.isEmpty == false)
    }
}
