import Classify
import Foundation
import Inbox
import Pipeline
import ReportModel
import Logging
import Store
import TestSupport
import Testing
@testable import Daemon

/// Issue 13 items 3 and 5 and the socket/state-dir item: per-file limits, the in-hand record, a
/// replaced file, and one daemon per state directory.
@Suite struct IngestSafetyTests {
    let root: String
    let configuration: Configuration

    init() throws {
        root = try TemporaryDirectory("renewald-safety", subdirectories: ["inbox", "state"]).path
        var configuration = Configuration(inbox: root + "/inbox", state: root + "/state", socket: root + "/s.sock")
        configuration.settleSeconds = 0
        self.configuration = configuration
    }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: configuration.inbox + "/" + name, contents: Data(text.utf8))
    }

    func ingestor() throws -> Ingestor {
        Ingestor(configuration: configuration, store: try SQLiteStore(path: configuration.databasePath),
                 archive: try Shelf(directory: configuration.archiveDirectory),
                 failedShelf: try Shelf(directory: configuration.failedDirectory), logger: Logger(label: "test"))
    }

    static let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: .builtIn, examples: []))
    static let text = "石榴园社区加装电梯工作简报\n\n今年社区完成老旧小区改造，加装电梯4部。\n"

    @Test func theInHandRecordSurvivesARestart() {
        let path = configuration.state + "/in-hand"
        write("a.txt", "x")
        write("b.txt", "y")
        let a = FileName("a.txt"), b = FileName("b.txt"), gone = FileName("gone.txt")
        let first = InHandRecord(path: path, inbox: configuration.inbox)
        first.hold([a: .init(identity: FileIdentity.of(a, in: configuration.inbox), attempt: 1, overran: false),
                    b: .init(identity: nil, attempt: 2, overran: false),
                    gone: .init(identity: nil, attempt: 1, overran: false)])
        first.markOverran(b)
        first.markLong([a])
        // The daemon dies here; the next one reads what it had in hand.
        let second = InHandRecord(path: path, inbox: configuration.inbox)
        #expect(second.leftOver(a, now: FileIdentity.of(a, in: configuration.inbox))?.long == true)
        #expect(second.leftOver(b, now: nil)?.overran == true)
        #expect(second.leftOver(gone, now: nil) == nil, "a file no longer in the inbox is not held against anyone")
        #expect(InHandRecord(path: path, inbox: configuration.inbox, crashed: true).leftOver(b, now: nil) != nil)
        write("a.txt", "replaced by a longer file")
        #expect(second.leftOver(a, now: FileIdentity.of(a, in: configuration.inbox)) == nil, "another file under the name is new")
        second.release([a, b])
        #expect(InHandRecord(path: path, inbox: configuration.inbox).entries().isEmpty)
    }

    /// Names are kept as hex, any byte (not only UTF-8) and in either case read back.
    @Test func inHandNamesRoundTripThroughHex() {
        let every = (0...255).map { UInt8($0) }
        #expect(InHandRecord.hex([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(InHandRecord.hexBytes(Substring(InHandRecord.hex(every))) == every)
        #expect(InHandRecord.hexBytes("0FA5") == [0x0F, 0xA5])
    }

    @Test func theGuardStopsAFileOverItsTimeAndTellsTheWatchdog() throws {
        let overran = SeenFiles()
        let guard_ = AnalysisGuard { overran.add($0) }
        let ticket = guard_.begin(FileName("slow.txt"), limits: .init(seconds: 0.05, memoryBytes: .max))
        try guard_.checkpoint(ticket)
        #expect(guard_.vouches(grace: .milliseconds(50)))
        usleep(120_000)
        #expect(throws: IngestError.overLimit(code: .analysisTimeout, reason: "analysis took longer than 0.05 s (max_analysis_s)")) {
            try guard_.checkpoint(ticket)
        }
        #expect(!guard_.vouches(grace: .milliseconds(50)), "a file past its deadline and the grace stops the pings")
        #expect(!guard_.vouches(grace: .milliseconds(50)))
        #expect(overran.names == [FileName("slow.txt")], "told once")
        guard_.end(ticket)
        #expect(guard_.vouches(grace: .milliseconds(50)))
    }

    @Test func theGuardStopsAFileOverItsMemory() throws {
        let guard_ = AnalysisGuard()
        let ticket = guard_.begin(FileName("big.txt"), limits: .init(seconds: 60, memoryBytes: 16 << 20))
        var ballast = [UInt8](repeating: 1, count: 64 << 20)
        ballast[ballast.count - 1] = 2
        #expect(throws: IngestError.self) { try guard_.checkpoint(ticket) }
        #expect(ballast.last == 2)
    }

    /// A text too large to analyse within the memory limit fails as soon as it is decoded.
    @Test func aTextTooLargeForTheMemoryLimitFailsOnceDecoded() throws {
        let guard_ = AnalysisGuard()
        let ticket = guard_.begin(FileName("huge.txt"), limits: .init(seconds: 60, memoryBytes: 100 << 20))
        try guard_.checkpoint(ticket, textBytes: 4 << 20)
        #expect(throws: IngestError.self) { try guard_.checkpoint(ticket, textBytes: 6 << 20) }
        var configuration = self.configuration
        configuration.maxAnalysisMB = 16
        write("big.txt", String(repeating: Self.text, count: 20_000))   // ≈ 2.4 MB of text: ≈ 48 MB to analyse
        let ingestor = Ingestor(configuration: configuration, store: try SQLiteStore(path: configuration.databasePath),
                                archive: try Shelf(directory: configuration.archiveDirectory),
                                failedShelf: try Shelf(directory: configuration.failedDirectory), logger: Logger(label: "test"))
        let conditions = Ingestor.Conditions(analysisGuard: guard_, limits: .init(seconds: 60, memoryBytes: 16 << 20))
        let started = ContinuousClock.now
        guard case .failure(let box) = ingestor.prepare(FileName("big.txt"), builder: Self.builder, conditions: conditions),
              case .failed(let failure) = box.outcome else { Issue.record("not failed"); return }
        #expect(failure.code == "analysis_memory")
        #expect(ContinuousClock.now - started < .seconds(20), "refused before normalising")
        #expect(FileManager.default.fileExists(atPath: configuration.failedDirectory + "/big.txt"))
    }

    /// A file past its limit when the watchdog fired goes to failed/ as crashed_daemon, unread; one
    /// long under analysis at a death is tried once more, alone; one merely in hand (a kill -9 during
    /// a millisecond analysis) is not held responsible at all.
    @Test func aFileTheDaemonDiedHoldingIsRetriedOnceThenFailed() throws {
        write("poison.txt", Self.text)
        write("innocent.txt", Self.text + "另一份。\n")
        write("other.txt", "其他")
        let poison = FileName("poison.txt"), innocent = FileName("innocent.txt")
        let held = InHandRecord(path: configuration.state + "/in-hand", inbox: configuration.inbox)
        held.hold([poison: .init(identity: FileIdentity.of(poison, in: configuration.inbox), attempt: 1, overran: true),
                   innocent: .init(identity: FileIdentity.of(innocent, in: configuration.inbox), attempt: 1, overran: false, long: true),
                   FileName("other.txt"): .init(identity: FileIdentity.of(FileName("other.txt"), in: configuration.inbox), attempt: 1, overran: false)])
        let safety = IngestSafety(configuration: configuration, logger: Logger(label: "test"))
        let queue = IngestQueue()
        for name in ["innocent.txt", "other.txt"] { queue.add(FileName(name)) }
        guard case .item(.file(let first)) = queue.next(timeout: .milliseconds(10)) else { Issue.record("empty"); return }
        #expect(safety.batch(startingWith: first, queue: queue, limit: 10) == [innocent], "a left-over goes alone")
        #expect(!safety.isLeftOver(FileName("other.txt")), "merely in hand: not blamed")

        let ingestor = try ingestor()
        let (ready, early) = safety.prepare([poison], ingestor: ingestor, builder: Self.builder, queue: queue)
        #expect(ready.isEmpty)
        guard case .failed(let failure)? = early.first?.1 else { Issue.record("not failed: \(early)"); return }
        #expect(failure.code == "crashed_daemon")
        #expect(FileManager.default.fileExists(atPath: configuration.failedDirectory + "/poison.txt"))

        let retried = safety.prepare([innocent], ingestor: ingestor, builder: Self.builder, queue: queue)
        #expect(retried.ready.count == 1, "merely in hand at a death: analysed again")
        #expect(safety.record.entries()[innocent]?.attempt == 2, "recorded as the retry, so a second death fails it")
    }

    /// Issue 13 item 5: `mv new inbox/name` while `name` is analysed.
    @Test func aFileRenamedOverOneInFlightIsQueuedAgainNotLost() throws {
        write("n.txt", Self.text)
        let ingestor = try ingestor()
        guard case .success(let prepared) = ingestor.prepare(FileName("n.txt"), builder: Self.builder) else {
            Issue.record("not prepared"); return
        }
        write(".next", Self.text + "新的内容。\n")
        #expect(rename(configuration.inbox + "/.next", configuration.inbox + "/n.txt") == 0)
        var replaced: [FileName] = []
        let outcomes = ingestor.commit([prepared]) { replaced.append($0) }
        guard case .ingested? = outcomes.first?.1 else { Issue.record("not ingested: \(outcomes)"); return }
        #expect(replaced == [FileName("n.txt")])
        #expect(try String(contentsOfFile: configuration.archiveDirectory + "/n.txt", encoding: .utf8) == Self.text,
                "the archive holds the bytes that were analysed")
        #expect(try String(contentsOfFile: configuration.inbox + "/n.txt", encoding: .utf8).contains("新的内容"),
                "the new file waits in the inbox for its own turn")
    }

    @Test func batchesAreBoundedByBytes() throws {
        var configuration = self.configuration
        configuration.batchBytes = 100
        for n in 0..<4 { write("f\(n).txt", String(repeating: "x", count: 40)) }
        let safety = IngestSafety(configuration: configuration, logger: Logger(label: "test"))
        let queue = IngestQueue()
        for n in 0..<4 { queue.add(FileName("f\(n).txt")) }
        guard case .item(.file(let first)) = queue.next(timeout: .milliseconds(10)) else { Issue.record("empty"); return }
        #expect(safety.batch(startingWith: first, queue: queue, limit: 10).count == 2)
        #expect(queue.moreFiles(limit: 10).count == 2, "the rest stay queued")
    }

    @Test func aSecondDaemonCannotShareTheStateDirectory() throws {
        let first = try InstanceLock(stateDirectory: configuration.state)
        #expect(throws: InstanceError.self) { _ = try InstanceLock(stateDirectory: configuration.state) }
        withExtendedLifetime(first) {}
    }

    @Test func aLiveSocketIsNotTakenButAStaleOneIs() throws {
        let path = root + "/live.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(fd, 1) == 0)
        #expect(throws: InstanceError.self) { try InstanceLock.refuseLiveSocket(path) }
        close(fd)
        try InstanceLock.refuseLiveSocket(path)   // nobody listens any more: a stale file
    }

    @Test func theDatabaseIsCreatedPrivate() throws {
        let old = umask(0o022)
        defer { umask(old) }
        try InstanceLock.createPrivately(configuration.databasePath)
        var st = stat()
        #expect(stat(configuration.databasePath, &st) == 0)
        #expect(st.st_mode & 0o077 == 0)
    }
}

final class SeenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [FileName] = []
    func add(_ name: FileName) { lock.lock(); list.append(name); lock.unlock() }
    var names: [FileName] { lock.lock(); defer { lock.unlock() }; return list }
}
