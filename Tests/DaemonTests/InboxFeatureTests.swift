import Classify
import Foundation
import Inbox
import Logging
import Pipeline
import ReportModel
import ServiceLifecycle
import Store
import Testing
@testable import Daemon

/// Issue 14, inboxes of real sites: polling, subfolder tags, `retry`, and `batch_command`.
@Suite(.serialized) struct InboxFeatureTests {
    @Test func theNewKeysParseAndBadValuesAreRefused() throws {
        var c = Configuration()
        #expect(c.inboxWatch == .auto && c.pollInterval == 5 && c.batchCommand == nil && c.batchTimeout == 30)
        try c.apply(file: """
            inbox_watch = poll
            poll_interval = 500ms
            batch_command = /usr/local/bin/notify
            batch_timeout = 2m
            """)
        #expect(c.inboxWatch == .poll && c.pollInterval == 0.5 && c.batchCommand == "/usr/local/bin/notify" && c.batchTimeout == 120)
        try c.apply(file: "poll_interval = 7\nbatch_command =\n")
        #expect(c.pollInterval == 7 && c.batchCommand == nil)
        for bad in ["inbox_watch = fanotify", "poll_interval = 0", "poll_interval = soon", "poll_interval = 2d",
                    "batch_command = notify", "batch_timeout = 0s"] {
            var d = Configuration()
            #expect(throws: ConfigurationError.self, "\(bad)") { try d.apply(file: bad) }
        }
        // How the inbox is watched is chosen at start: a reload keeps it.
        var file = c
        file.inboxWatch = .inotify
        file.pollInterval = 9
        #expect(c.reloaded(from: file).inboxWatch == .poll && c.reloaded(from: file).pollInterval == 9)
        #expect(c.fixedKeysDiffering(from: file) == ["inbox_watch"])
    }

    /// Runs a fixture's daemon (all its services) around `body`.
    func running(_ fixture: DaemonFixture, _ body: () async throws -> Void) async throws {
        try fixture.daemon.start()
        let group = fixture.daemon.serviceGroup()
        let task = Task { try await group.run() }
        do {
            try await body()
        } catch {
            await group.triggerGracefulShutdown()
            try? await task.value
            throw error
        }
        await group.triggerGracefulShutdown()
        try await task.value
    }

    func waitFor(_ what: String, seconds: Double = 120, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(what)")
    }

    @Test func aPolledInboxTakesFilesFromSubfoldersWithTheirTag() async throws {
        let fixture = try DaemonFixture(config: "inbox_watch = poll\npoll_interval = 200ms\n")
        defer { fixture.remove() }
        #expect(fixture.daemon.watching.watcher == nil)
        try fixture.drop("top.txt", DaemonFixture.text(1))
        try await running(fixture) {
            try FileManager.default.createDirectory(atPath: fixture.inbox + "/徐汇区/街道", withIntermediateDirectories: true)
            try fixture.drop("徐汇区/a.txt", DaemonFixture.text(2))
            try fixture.drop("徐汇区/街道/b.txt", DaemonFixture.text(3))
            #expect(try await fixture.waitForReports(3) == 3)
            let stats = try fixture.request(#"{"op":"stats"}"#)
            #expect(stats.result?["inbox_watch"]?["mode"]?.stringValue == "poll")
            #expect(stats.result?["inbox_watch"]?["reason"]?.stringValue == "inbox_watch = poll")
            let tagged = try fixture.request(#"{"op":"list","tag":"徐汇区"}"#)
            #expect(tagged.result?["total"]?.intValue == 2)
            let tags = Set(tagged.result?["reports"]?.arrayValue?.compactMap { $0["tag"]?.stringValue } ?? [])
            #expect(tags == ["徐汇区", "徐汇区/街道"])
            #expect(try fixture.request(#"{"op":"list","tag":"徐汇区/街道/"}"#).result?["total"]?.intValue == 1)
            #expect(try fixture.request(#"{"op":"list","tag":"徐汇"}"#).result?["total"]?.intValue == 0, "a prefix of a name is not the folder")
            #expect(try fixture.request(#"{"op":"list"}"#).result?["total"]?.intValue == 3)
            let search = try fixture.request(#"{"op":"search","q":"加装电梯","tag":"徐汇区/街道"}"#)
            #expect(search.result?["total"]?.intValue == 1)
            let got = try fixture.request(#"{"op":"get","file":"徐汇区/a.txt"}"#)
            #expect(got.result?["tag"]?.stringValue == "徐汇区")
            #expect(try fixture.request(#"{"op":"get","file":"top.txt"}"#).result?["tag"]?.isNull == true)
            #expect(FileManager.default.fileExists(atPath: fixture.daemon.configuration.archiveDirectory + "/徐汇区/街道/b.txt"))
            // The subfolders stay: they are where people drop files.
            #expect(FileManager.default.fileExists(atPath: fixture.inbox + "/徐汇区/街道"))
        }
    }

    @Test func retryBringsAFixedFileBackUnderItsNameAndRefusesEverythingElse() async throws {
        let fixture = try DaemonFixture(config: "max_file_bytes = 100\n")
        defer { fixture.remove() }
        let failedDir = fixture.daemon.configuration.failedDirectory
        try await running(fixture) {
            try FileManager.default.createDirectory(atPath: fixture.inbox + "/乙", withIntermediateDirectories: true)
            try fixture.drop("乙/big.txt", DaemonFixture.text(4))   // over max_file_bytes
            try await waitFor("the failure") { try fixture.daemon.store.counts().failed == 1 }
            let failed = try fixture.request(#"{"op":"failed"}"#)
            let path = try #require(failed.result?["failed"]?.arrayValue?.first?["path"]?.stringValue)
            #expect(path == failedDir + "/乙/big.txt")
            #expect(FileManager.default.fileExists(atPath: path + ".reason.json"))

            // Refused: outside failed/, climbing out of it, a note, a file not there.
            let refused = try fixture.request(#"""
                {"op":"retry","files":["/etc/passwd","../renewald.sqlite","乙/big.txt.reason.json","乙/nothing.txt","\#(failedDir)/../renewald.sqlite"]}
                """#)
            #expect(refused.result?["retried"]?.arrayValue?.isEmpty == true)
            #expect(refused.result?["refused"]?.arrayValue?.count == 5)
            #expect(FileManager.default.fileExists(atPath: fixture.daemon.configuration.databasePath))

            // The cause is fixed (the limit raised), and a file of the same name already waits in the inbox.
            try "max_file_bytes = 1000000\n".write(toFile: fixture.configFile, atomically: true, encoding: .utf8)
            #expect(try fixture.request(#"{"op":"reload"}"#).ok)
            try FileManager.default.createDirectory(atPath: fixture.root + "/hold", withIntermediateDirectories: true)
            let answer = try fixture.request(#"{"op":"retry","files":["\#(path)"]}"#)
            let retried = try #require(answer.result?["retried"]?.arrayValue?.first)
            #expect(retried["file"]?.stringValue == "乙/big.txt")
            #expect(retried["code"]?.stringValue == "too_large")
            #expect(try await fixture.waitForReports(1) == 1)
            #expect(try fixture.request(#"{"op":"get","file":"乙/big.txt"}"#).result?["tag"]?.stringValue == "乙")
            #expect(try fixture.daemon.store.counts().failed == 0)
            #expect(try fixture.request(#"{"op":"failed"}"#).result?["failed"]?.arrayValue?.isEmpty == true)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(!FileManager.default.fileExists(atPath: path + ".reason.json"))
            #expect(try fixture.request(#"{"op":"retry"}"#).code == "bad_request")
        }
    }

    @Test func retryNeverReplacesAFileInTheInbox() throws {
        let fixture = try DaemonFixture()
        defer { fixture.remove() }
        let configuration = fixture.daemon.configuration
        let failed = try Shelf(directory: configuration.failedDirectory)
        try failed.makeFolder(for: FileName("丙/a.txt"))
        try "failed bytes".write(toFile: configuration.failedDirectory + "/丙/a.txt", atomically: false, encoding: .utf8)
        try fixture.daemon.store.recordFailure(Failure(file: "丙/a.txt", code: "empty", reason: "r", at: "2026-01-01T00:00:00Z",
                                                        path: configuration.failedDirectory + "/丙/a.txt"))
        try FileManager.default.createDirectory(atPath: configuration.inbox + "/丙", withIntermediateDirectories: true)
        try "a new file".write(toFile: configuration.inbox + "/丙/a.txt", atomically: false, encoding: .utf8)
        let files = FailedFiles(configuration: configuration, store: fixture.daemon.store, queue: IngestQueue(), logger: Logger(label: "t"))
        #expect(try files.retryAll() == [.retried(path: configuration.failedDirectory + "/丙/a.txt", file: "丙/a.1.txt", code: "empty")])
        #expect(try String(contentsOfFile: configuration.inbox + "/丙/a.txt", encoding: .utf8) == "a new file")
        #expect(try String(contentsOfFile: configuration.inbox + "/丙/a.1.txt", encoding: .utf8) == "failed bytes")
        #expect(try files.retryAll().isEmpty, "the row is marked: nothing is retried twice")
        // failed/ holds the links people dropped: a path through one is refused, its target untouched.
        try FileManager.default.createSymbolicLink(atPath: configuration.failedDirectory + "/link-to-state",
                                                   withDestinationPath: configuration.state)
        let refused = files.retry(["link-to-state/renewald.sqlite", configuration.failedDirectory + "/link-to-state/renewald.sqlite",
                                   "link-to-state"])
        #expect(refused.allSatisfy { if case .refused = $0 { true } else { false } }, "\(refused)")
        #expect(FileManager.default.fileExists(atPath: configuration.databasePath))
        #expect(!FileManager.default.fileExists(atPath: configuration.inbox + "/link-to-state"))
    }

    @Test func aBatchCommandHearsEveryBatchOnStdin() async throws {
        let root = NSTemporaryDirectory() + "renewald-batch-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let script = root + "/hook.sh"
        try "#!/bin/sh\ncat >> \(root)/batches.jsonl\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let fixture = try DaemonFixture(config: "batch_command = \(script)\n")
        defer { fixture.remove() }
        try await running(fixture) {
            try FileManager.default.createDirectory(atPath: fixture.inbox + "/丁", withIntermediateDirectories: true)
            try fixture.drop("丁/a.txt", DaemonFixture.text(5))
            try fixture.drop("empty.txt", "")
            try await waitFor("both events") {
                let text = (try? String(contentsOfFile: root + "/batches.jsonl", encoding: .utf8)) ?? ""
                return text.contains("\"ingested\"") && text.contains("\"failed\"")
            }
            let lines = try String(contentsOfFile: root + "/batches.jsonl", encoding: .utf8).split(separator: "\n")
            let events = try lines.flatMap { line in try JSONValue.parse(bytes: Array(line.utf8))["events"]?.arrayValue ?? [] }
            let ingested = try #require(events.first { $0["event"]?.stringValue == "ingested" })
            #expect(ingested["file"]?.stringValue == "丁/a.txt" && ingested["tag"]?.stringValue == "丁")
            #expect(ingested["report"]?.stringValue?.count == 16)
            #expect(events.contains { $0["event"]?.stringValue == "failed" && $0["code"]?.stringValue == "empty" })
        }
    }

    @Test func aBatchCommandThatHangsIsStoppedAndTheNextBatchStillRuns() throws {
        let root = NSTemporaryDirectory() + "renewald-hang-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let script = root + "/hook.sh"
        // Hangs on the first batch (never reading stdin), records the later ones.
        try """
            #!/bin/sh
            if [ ! -e \(root)/hung ]; then touch \(root)/hung; sleep 600; fi
            cat >> \(root)/later.jsonl
            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let command = BatchCommand(logger: Logger(label: "t")) { (script, 1) }
        let t0 = Date()
        command.submit([.object([("event", .string("ingested")), ("n", .int(1))])])
        #expect(Date().timeIntervalSince(t0) < 0.5, "submit never waits for the program")
        #expect(command.waitUntilIdle(seconds: 30))
        command.submit([.object([("event", .string("ingested")), ("n", .int(2))])])
        #expect(command.waitUntilIdle(seconds: 30))
        command.stop()
        let later = try String(contentsOfFile: root + "/later.jsonl", encoding: .utf8)
        #expect(later.contains("\"n\":2") && !later.contains("\"n\":1"))
    }

    @Test func childProcessesGetStdinKeepNoDaemonDescriptorAndAreBounded() throws {
        let echo = ChildProcess.run("/bin/sh", input: Array("exit 3\n".utf8), timeout: 10)
        #expect(echo.status == .exited(3))
        // A program that never reads a megabyte on its stdin does not hold the caller.
        let t0 = Date()
        let ignoring = ChildProcess.run("/bin/true", input: [UInt8](repeating: 0x41, count: 1 << 20), timeout: 10)
        #expect(ignoring.status == .exited(0))
        #expect(Date().timeIntervalSince(t0) < 8)
        // Stopped at the deadline, with what it started.
        let hang = ChildProcess.run("/bin/sh", input: Array("echo started >&2; sleep 300 & sleep 300\n".utf8), timeout: 1)
        #expect(hang.status == .timedOut)
        #expect(hang.stderr.contains("started"))
        #expect(Date().timeIntervalSince(t0) < 15)
        #expect(ChildProcess.run("/no/such/program", input: [], timeout: 1).status != .exited(0))
        // No descriptor of the daemon's beyond stdin, stdout and stderr.
        let inherited = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)   // without CLOEXEC, like an activated socket
        defer { close(inherited) }
        #expect(inherited > 2)
        let probe = "if [ -e /proc/$$/fd/\(inherited) ]; then echo leaked >&2; else echo closed >&2; fi\n"
        let listing = ChildProcess.run("/bin/sh", input: Array(probe.utf8), timeout: 10)
        #expect(listing.stderr.contains("closed"), "\(listing.stderr)")
    }
}

/// A daemon killed between the commit and the move of a file from a subfolder finishes the move on
/// restart, into the same subfolder of archive/, and stores nothing twice.
@Suite struct SubfolderRecoveryTests {
    @Test func aCommittedFileInASubfolderIsArchivedOnRestart() throws {
        let root = NSTemporaryDirectory() + "renewald-recover-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var configuration = Configuration(inbox: root + "/inbox", state: root + "/state", socket: root + "/s.sock")
        configuration.settleSeconds = 0
        try FileManager.default.createDirectory(atPath: configuration.inbox + "/甲", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: configuration.state, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: configuration.databasePath)
        let archive = try Shelf(directory: configuration.archiveDirectory)
        let ingestor = Ingestor(configuration: configuration, store: store, archive: archive,
                                failedShelf: try Shelf(directory: configuration.failedDirectory), logger: Logger(label: "t"))
        let name = FileName("甲/a.txt")
        try DaemonFixture.text(9).write(toFile: configuration.inbox + "/甲/a.txt", atomically: false, encoding: .utf8)
        let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: .builtIn, examples: []))
        guard case .success(let prepared) = ingestor.prepare(name, builder: builder) else {
            Issue.record("not prepared")
            return
        }
        #expect(prepared.report.tag == "甲")
        // Committed, as `commit` does, but killed before the move.
        var item = prepared.item
        item.drop.archivedAs = archive.path(of: name)
        #expect(try store.store([item]) == [.stored])
        // The restart finds the drop record: only the move is finished.
        guard case .failure(let box) = ingestor.prepare(name, builder: builder), case .ingested(let report, let new) = box.outcome else {
            Issue.record("not recovered")
            return
        }
        #expect(report.id == prepared.report.id && !new)
        #expect(FileManager.default.fileExists(atPath: configuration.archiveDirectory + "/甲/a.txt"))
        #expect(!FileManager.default.fileExists(atPath: configuration.inbox + "/甲/a.txt"))
        #expect(try store.counts().reports == 1)
    }
}

/// What inotify cannot watch is polled besides it — unless `inbox_watch = inotify` says not to.
@Suite struct InboxWatchingTests {
    @Test func aFallbackAddsPollingUnlessInotifyIsForced() throws {
        let root = NSTemporaryDirectory() + "renewald-watching-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var configuration = Configuration(inbox: root + "/inbox", state: root + "/state", socket: root + "/s.sock")
        try FileManager.default.createDirectory(atPath: configuration.inbox, withIntermediateDirectories: true)
        for (mode, expected) in [(InboxWatchMode.auto, "inotify+poll"), (.inotify, "inotify")] {
            configuration.inboxWatch = mode
            let queue = IngestQueue()
            let feed = InboxFeed(directory: configuration.inbox, queue: queue, logger: Logger(label: "t"))
            let watching = try InboxWatching(configuration: configuration, logger: Logger(label: "t"),
                                             interval: { 0.1 }, settle: { 0.1 })
            #expect(watching.current == .init(name: "inotify", reason: nil))
            watching.startPolling(because: "the subfolder x is on nfs", feed: feed)
            #expect(watching.current.name == expected)
            if mode == .auto {
                #expect(watching.current.reason == "the subfolder x is on nfs")
                // The poller runs: a file written (no inotify service runs here) is queued by it.
                FileManager.default.createFile(atPath: configuration.inbox + "/\(mode).txt", contents: Data("x".utf8))
                let deadline = Date().addingTimeInterval(20)
                while queue.pending == 0 && Date() < deadline { usleep(20_000) }
                #expect(queue.pending == 1)
            }
            watching.stop()
        }
    }
}
