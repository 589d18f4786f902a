import Foundation
import Logging
import QueryProtocol
@testable import Daemon
import Store
import TestSupport

/// A daemon in this process on temporary directories, for tests that drive its state directly.
struct DaemonFixture {
    let root: String
    let daemon: Daemon
    var inbox: String { daemon.configuration.inbox }
    var configFile: String { root + "/renewald.conf" }

    /// `store`, when given, makes the daemon's store from its configuration (a store that fails on demand).
    init(config: String = "", store: ((Configuration) throws -> any ReportStore)? = nil) throws {
        root = try TemporaryDirectory("renewald-daemon").path
        let path = root + "/renewald.conf"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let base = Configuration(inbox: root + "/inbox", state: root + "/state", socket: root + "/renewald.sock")
        let reread: @Sendable () throws -> Configuration = {
            var c = base
            try c.apply(file: try String(contentsOfFile: path, encoding: .utf8))
            return c
        }
        let configuration = try reread()
        daemon = try Daemon(configuration: configuration, reread: reread, logger: Logger(label: "test"),
                            store: try store?(configuration))
    }

    /// A report text about elevator retrofits, different for each `n`.
    static func text(_ n: Int) -> String {
        """
        老旧小区加装电梯工作持续推进（第\(n)期）

        今年已完成既有住宅加装电梯\(n + 40)部，低楼层住户与高楼层住户协商分摊费用，公积金可以提取用于加装电梯。\
        加装电梯需征得本单元业主同意，规划部门简化审批流程，施工单位在三个月内完成电梯井道建设和设备安装。
        """
    }

    /// Drops a file as `mv` would: written aside, renamed in (`name` may lie in a subfolder).
    func drop(_ name: String, _ text: String) throws {
        let aside = root + "/" + name.replacingOccurrences(of: "/", with: "_") + ".tmp"
        try text.write(toFile: aside, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: aside, toPath: inbox + "/" + name)
    }

    /// Sends one request line to the op table and returns the answer as JSON.
    func request(_ line: String) throws -> JSONAnswer {
        let service = daemon.queryService
        let bytes: [UInt8]
        switch service.dispatch(Array(line.utf8), draining: false) {
        case .answered(let answer): bytes = answer
        case .work(_, let body):
            switch body() {
            case .line(let answer): bytes = answer
            case .subscribe(_, let ack): bytes = ack
            }
        }
        return try JSONAnswer(bytes)
    }

    /// Waits until the store holds `count` reports (and their originals are archived). Generous:
    /// analysis runs at nice +19, and while other suites keep every core busy it gets little CPU.
    /// Async, so the waiting test holds no thread of the cooperative pool: it has one thread per
    /// core, and two in-process daemon tests blocking one each on a 2-core machine left none for
    /// the daemons' services, which then never ran.
    func waitForReports(_ count: Int, seconds: Double = 300) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var now = 0
        while Date() < deadline {
            now = try daemon.store.counts().reports
            if now >= count {
                // The report is stored before its original moves to archive/; the queue counts the
                // file until the move is done. A file that stays pending does not hold this up long.
                let moved = Date().addingTimeInterval(10)
                while daemon.queue.pending > 0 && Date() < moved { try await Task.sleep(for: .milliseconds(20)) }
                return now
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return now
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
