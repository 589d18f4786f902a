import Foundation
import ReportModel
import ServiceLifecycle
import Store
import Synchronization
import Testing
@testable import Daemon

/// Issue 14, the database away: files stay in the inbox (none moved to failed/, none lost), queries
/// the store must answer get `store_unavailable`, `stats` and `STATUS=` say what is wrong, and once
/// the store answers again everything waiting is taken with nobody stepping in.
@Suite(.serialized) struct StoreAwayTests {
    /// Generous: analysis runs at nice +19 and other suites may keep both cores busy.
    static let patience = 300.0

    /// Waits without holding a thread of the cooperative pool (2 on a 2-core machine): a test that
    /// blocked one while another in-process daemon test did the same would starve both daemons.
    func wait(_ what: String, seconds: Double = patience, until done: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try done() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(what)")
    }

    func names(in directory: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasSuffix(".reason.json") })
    }

    @Test func filesWaitInTheInboxWhileTheStoreIsAwayAndAreTakenWhenItReturns() async throws {
        let store = Mutex<FlakyStore?>(nil)
        let fixture = try DaemonFixture { configuration in
            try FileManager.default.createDirectory(atPath: configuration.state, withIntermediateDirectories: true)
            let flaky = FlakyStore(try SQLiteStore(path: configuration.databasePath))
            store.withLock { $0 = flaky }
            return flaky
        }
        defer { fixture.remove() }
        let flaky = try #require(store.withLock { $0 })
        let daemon = fixture.daemon
        let archive = daemon.configuration.archiveDirectory, failed = daemon.configuration.failedDirectory
        try daemon.start()
        let group = daemon.serviceGroup()
        let running = Task { try await group.run() }

        try fixture.drop("before.txt", DaemonFixture.text(1))
        try await wait("the first report") { (try? daemon.store.counts().reports) == 1 }

        flaky.setAway(true)
        let dropped = ["a.txt", "b.txt", "c.txt"]
        for (n, name) in dropped.enumerated() { try fixture.drop(name, DaemonFixture.text(10 + n)) }
        try fixture.drop("empty.txt", "")   // would fail as `empty`: its failure cannot be recorded now
        try await wait("the daemon to find the store away") { daemon.status.availability.isAway }
        // Several probes fail meanwhile; nothing moves.
        try await Task.sleep(for: .seconds(2))
        #expect(names(in: fixture.inbox) == Set(dropped + ["empty.txt"]), "files wait in the inbox")
        #expect(names(in: failed).isEmpty, "nothing is failed for want of a database")
        #expect(names(in: archive).count == 1)

        let search = try fixture.request(#"{"op":"search","q":"加装电梯"}"#)
        #expect(search.code == "store_unavailable", "\(search.text)")
        let get = try fixture.request(#"{"op":"get","file":"before.txt"}"#)
        #expect(get.code == "store_unavailable", "\(get.text)")
        let stats = try fixture.request(#"{"op":"stats"}"#)
        #expect(stats.ok, "stats answers with the store away: \(stats.text)")
        #expect(stats.result?["reports"] == .null, "no count it cannot prove")
        #expect(stats.result?["store"]?.stringValue == "unavailable")
        #expect(stats.result?["problem"]?.stringValue?.contains("database is unavailable") == true, "\(stats.text)")
        #expect(stats.result?["pending"]?.intValue == 4, "\(stats.text)")
        #expect(daemon.status.line.contains("the database is unavailable"), "STATUS=: \(daemon.status.line)")
        #expect(!daemon.status.line.contains(".txt"), "STATUS= names no file")

        flaky.setAway(false)
        try await wait("the files to be taken once the store returns") {
            names(in: fixture.inbox).isEmpty && (try? daemon.store.counts().reports) == 4
        }
        #expect(!daemon.status.availability.isAway)
        #expect(names(in: archive).count == 4)
        #expect(names(in: failed) == ["empty.txt"], "the empty file fails as it would have, with its row")
        #expect(try daemon.store.failures(limit: 10).map(\.code) == ["empty"])
        let after = try fixture.request(#"{"op":"stats"}"#)
        #expect(after.result?["reports"]?.intValue == 4)
        #expect(after.result?["store"]?.stringValue == "available")
        #expect(after.result?["problem"] == .null, "\(after.text)")
        #expect(try fixture.request(#"{"op":"search","q":"加装电梯"}"#).ok)
        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test func aDaemonStartsWithTheStoreAwayAndCatchesUp() async throws {
        let store = Mutex<FlakyStore?>(nil)
        let fixture = try DaemonFixture { configuration in
            try FileManager.default.createDirectory(atPath: configuration.state, withIntermediateDirectories: true)
            let flaky = FlakyStore(try SQLiteStore(path: configuration.databasePath))
            flaky.setAway(true)
            store.withLock { $0 = flaky }
            return flaky
        }
        defer { fixture.remove() }
        let flaky = try #require(store.withLock { $0 })
        let daemon = fixture.daemon
        #expect(daemon.status.availability.isAway, "started, not refused")
        try fixture.drop("early.txt", DaemonFixture.text(7))
        try daemon.start()
        let group = daemon.serviceGroup()
        let running = Task { try await group.run() }
        try await Task.sleep(for: .seconds(1.5))
        #expect(names(in: fixture.inbox) == ["early.txt"])
        #expect(try fixture.request(#"{"op":"list"}"#).code == "store_unavailable")
        flaky.setAway(false)
        try await wait("the file to be taken") { names(in: fixture.inbox).isEmpty && (try? daemon.store.counts().reports) == 1 }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test func probesBackOffToTheirCeiling() {
        let availability = StoreAvailability(firstProbe: .milliseconds(100), maxProbe: .milliseconds(400))
        let start = ContinuousClock.now
        #expect(!availability.probeDue(now: start), "nothing to probe while the store answers")
        #expect(availability.markAway("refused"))
        #expect(!availability.markAway("refused again"), "one outage, told once")
        #expect(!availability.probeDue(now: .now), "the first probe waits its interval")
        var due: [Int] = []
        var t = ContinuousClock.now
        for step in 0..<40 {   // 40 steps of 50 ms
            t += .milliseconds(50)
            if availability.probeDue(now: t) { due.append(step) }
        }
        let gaps = zip(due.dropFirst(), due).map { $0 - $1 }
        #expect(gaps.prefix(2) == [4, 8], "doubling: 200 ms, then 400 ms, in 50 ms steps: \(due)")
        #expect(gaps.dropFirst().allSatisfy { $0 == 8 }, "then the ceiling: \(due)")
        #expect(availability.markBack())
        #expect(!availability.isAway)
        _ = start
    }
}

/// A store that answers like SQLite, or, while `away`, throws `StoreError.unavailable` from every
/// call, as a PostgreSQL store does while its server is down.
final class FlakyStore: ReportStore {
    let inner: SQLiteStore
    private let away = Mutex(false)

    init(_ inner: SQLiteStore) { self.inner = inner }

    func setAway(_ on: Bool) { away.withLock { $0 = on } }

    private func check() throws {
        if away.withLock({ $0 }) { throw StoreError.unavailable("test: connection refused") }
    }

    func store(_ report: Report, textHash: String, drop: Drop) throws -> StoreOutcome {
        try check(); return try inner.store(report, textHash: textHash, drop: drop)
    }
    func prepare(_ item: StoreItem) -> StoreItem { inner.prepare(item) }
    func store(_ items: [StoreItem]) throws -> [StoreOutcome] { try check(); return try inner.store(items) }
    func drop(file: String, sha256: String) throws -> Drop? { try check(); return try inner.drop(file: file, sha256: sha256) }
    func recordFailure(_ failure: Failure) throws { try check(); try inner.recordFailure(failure) }
    func reportJSON(id: String) throws -> String? { try check(); return try inner.reportJSON(id: id) }
    func report(id: String) throws -> Report? { try check(); return try inner.report(id: id) }
    func reportID(file: String) throws -> String? { try check(); return try inner.reportID(file: file) }
    func list(_ filter: ReportFilter) throws -> (total: Int, reports: [ReportSummary]) { try check(); return try inner.list(filter) }
    func search(_ query: String, filter: ReportFilter) throws -> (total: Int, hits: [SearchHit]) {
        try check(); return try inner.search(query, filter: filter)
    }
    func failures(limit: Int) throws -> [Failure] { try check(); return try inner.failures(limit: limit) }
    func markRetried(path: String, at: String) throws -> Failure? { try check(); return try inner.markRetried(path: path, at: at) }
    func unmarkRetried(path: String, at: String) throws { try check(); try inner.unmarkRetried(path: path, at: at) }
    func counts() throws -> StoreCounts { try check(); return try inner.counts() }
    func rewriteAll(_ body: (Report) -> Report) throws -> Int { try check(); return try inner.rewriteAll(body) }
    func update(_ report: Report) throws { try check(); try inner.update(report) }
    func saveLabel(_ label: Label) throws { try check(); try inner.saveLabel(label) }
    func labels() throws -> [Label] { try check(); return try inner.labels() }
    func facts(_ filter: FactFilter) throws -> (total: Int, facts: [Fact]) { try check(); return try inner.facts(filter) }
    func trends(_ query: TrendQuery) throws -> Trends { try check(); return try inner.trends(query) }
    func digestArticles(_ filter: ReportFilter) throws -> [DigestArticle] { try check(); return try inner.digestArticles(filter) }
}
