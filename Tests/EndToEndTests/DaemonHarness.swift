import Foundation
import ReportModel
import TestSupport
import Testing

/// Runs the real `renewald` binary on temporary directories, as a person would.
final class DaemonHarness: @unchecked Sendable {
    let root: String
    var inbox: String { root + "/inbox" }
    var state: String { root + "/state" }
    var socket: String { root + "/renewald.sock" }
    var configFile: String { root + "/renewald.conf" }
    private(set) var process: Spawned?
    let log: String

    /// The binary SwiftPM built next to this test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["RENEWALD_BIN"] { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("renewald").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return "renewald"
    }

    init(config: String = "") throws {
        root = try TemporaryDirectory("renewald-e2e", subdirectories: ["inbox"]).path
        log = root + "/daemon.log"
        try config.write(toFile: configFile, atomically: true, encoding: .utf8)
    }

    /// Starts the daemon and waits until it answers `ping`.
    func start(environment: [String: String] = [:]) throws {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "LISTEN_FDS")
        env.removeValue(forKey: "JOURNAL_STREAM")
        for (k, v) in environment { env[k] = v }
        let logFD = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logFD >= 0 else { throw HarnessError("cannot open \(log): \(String(cString: strerror(errno)))") }
        defer { close(logFD) }
        let p = try Spawned(Self.binary, ["serve", "--inbox", inbox, "--state", state, "--socket", socket, "--config", configFile],
                            environment: env, output: logFD)
        process = p
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let client = try? LineClient(path: socket), (try? client.request(["op": "ping"]))?["ok"] == .bool(true) { return }
            guard p.isRunning else { throw HarnessError("renewald exited at start: \(logText)") }
            usleep(50_000)
        }
        throw HarnessError("renewald did not answer within 20 s: \(logText)")
    }

    /// SIGTERM, then waits for a clean exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard let p = process else { return 0 }
        if p.isRunning {
            kill(p.pid, SIGTERM)
            let deadline = Date().addingTimeInterval(20)
            while p.isRunning && Date() < deadline { usleep(20_000) }
            if p.isRunning { kill(p.pid, SIGKILL) }
        }
        process = nil
        return p.wait()
    }

    var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    // MARK: dropping files the ways people do

    /// Writes under a dot-name, then renames into place (how rsync, scp and careful writers work).
    func dropByRename(_ name: String, _ bytes: [UInt8]) throws {
        let temp = inbox + "/.\(name).incoming"
        FileManager.default.createFile(atPath: temp, contents: Data(bytes))
        try FileManager.default.moveItem(atPath: temp, toPath: inbox + "/" + name)
    }

    /// Writes the file outside the inbox, then hard-links it in (`ln FILE inbox/`): no close event.
    func dropByLink(_ name: String, _ bytes: [UInt8]) throws {
        let outside = root + "/" + name + ".outside"
        FileManager.default.createFile(atPath: outside, contents: Data(bytes))
        try FileManager.default.linkItem(atPath: outside, toPath: inbox + "/" + name)
    }

    /// Writes in place, like `cp`.
    func dropInPlace(_ name: String, _ bytes: [UInt8]) {
        FileManager.default.createFile(atPath: inbox + "/" + name, contents: Data(bytes))
    }

    func client() throws -> LineClient { try LineClient(path: socket) }

    /// Polls `get {file}` until the file is stored or listed as failed.
    ///
    /// The report (or failure row) is written before the original moves to archive/ (or failed/), so
    /// a kill in between loses nothing; the answer then waits, within `timeout`, for the move too.
    func waitForFile(_ name: String, timeout: Double = 15) throws -> JSONValue {
        let client = try self.client()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var answer = try client.request(["op": "get", "file": .string(name)])
            if answer["ok"] != .bool(true) {
                let failed = try client.request(["op": "failed", "limit": 1000])
                guard let entry = failed["result"]?["failed"]?.arrayValue?.first(where: { $0["file"]?.stringValue == name }) else {
                    usleep(30_000)
                    continue
                }
                answer = .object([("ok", .bool(false)), ("failed", entry)])
                if entry["path"] == .null { return answer }   // it stays where it is
            }
            while FileManager.default.fileExists(atPath: inbox + "/" + name) && Date() < deadline { usleep(30_000) }
            return answer
        }
        throw HarnessError("\(name) was neither ingested nor failed within \(timeout) s")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
