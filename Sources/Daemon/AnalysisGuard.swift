import Foundation
import Inbox
import Pipeline
import ReportModel

extension FailureCode {
    /// Analysis took longer than `max_analysis_s`.
    public static let analysisTimeout = FailureCode("analysis_timeout")
    /// Analysis grew the daemon, or would, by more than `max_analysis_mb`.
    public static let analysisMemory = FailureCode("analysis_memory")
    /// The daemon died with the file in hand twice, or was killed by its watchdog while the file overran its limit.
    public static let crashedDaemon = FailureCode("crashed_daemon")
}

/// Per-file limits on analysis, and what the watchdog needs to know about analysis in progress.
///
/// Each file being analysed holds a ticket with its deadline. Between pipeline stages the analysis
/// calls `checkpoint`, which gives up on a file over its time limit (`analysis_timeout`) or whose
/// analysis grew the process by more than its memory limit (`analysis_memory`) — or would: once the
/// text is decoded, a text whose analysis needs more than the limit (about `bytesPerTextByte` per
/// byte of text, measured on plain text) fails at once instead of after minutes. A stage that never
/// returns cannot be stopped from outside; `vouches` then turns false once the file is `grace` past
/// its deadline, the pings stop, systemd's watchdog restarts the daemon, and the in-hand record
/// (told through `overran`) sends the file to `failed/` instead of trying it again.
final class AnalysisGuard: @unchecked Sendable {
    struct Limits: Sendable {
        var seconds: Double
        var memoryBytes: Int
    }

    /// One file under analysis.
    struct Ticket: Sendable {
        let id: UInt64
        let name: FileName
        let deadline: ContinuousClock.Instant
        let started: ContinuousClock.Instant
        /// Resident memory when the file's analysis began.
        let baseline: Int
        let limits: Limits
    }

    private let lock = NSLock()
    private var active: [UInt64: Ticket] = [:]
    private var nextID: UInt64 = 0
    private var reported: Set<UInt64> = []
    /// Told once per file that is `grace` past its deadline (the watchdog is about to fire).
    let overran: @Sendable (FileName) -> Void

    init(overran: @escaping @Sendable (FileName) -> Void = { _ in }) {
        self.overran = overran
    }

    func begin(_ name: FileName, limits: Limits) -> Ticket {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        let now = ContinuousClock.now
        let ticket = Ticket(id: nextID, name: name, deadline: now + .milliseconds(Int(min(limits.seconds, 1e9) * 1000)), started: now,
                            baseline: Self.residentBytes(), limits: limits)
        active[ticket.id] = ticket
        return ticket
    }

    func end(_ ticket: Ticket) {
        lock.lock()
        active[ticket.id] = nil
        reported.remove(ticket.id)
        lock.unlock()
    }

    /// Resident memory the analysis needs per byte of decoded text (a 60 MB text file: 1.16 GB).
    static let bytesPerTextByte = 20

    /// Throws when the file is over its time or memory limit, or its text would take it over.
    func checkpoint(_ ticket: Ticket, textBytes: Int = 0) throws(IngestError) {
        let needed = textBytes.multipliedReportingOverflow(by: Self.bytesPerTextByte)
        if needed.overflow || needed.partialValue > ticket.limits.memoryBytes {
            throw .overLimit(code: .analysisMemory,
                             reason: "its \(textBytes >> 20) MiB of text would need about \(needed.partialValue >> 20) MiB to analyse; the limit is \(ticket.limits.memoryBytes >> 20) MiB (max_analysis_mb)")
        }
        if ContinuousClock.now > ticket.deadline {
            throw .overLimit(code: .analysisTimeout,
                             reason: "analysis took longer than \(Self.format(ticket.limits.seconds)) s (max_analysis_s)")
        }
        let grown = Self.residentBytes() - ticket.baseline
        if grown > ticket.limits.memoryBytes {
            throw .overLimit(code: .analysisMemory,
                             reason: "analysis needed more than \(ticket.limits.memoryBytes >> 20) MiB (max_analysis_mb)")
        }
    }

    /// Whether every file in hand is within its deadline plus a grace: `grace`, or the file's own
    /// limit when longer (a stage may overrun the limit, found at its end, by as much again before the
    /// file is taken for wedged); files past it are reported (once) to `overran` first.
    func vouches(grace: Duration) -> Bool {
        let now = ContinuousClock.now
        func late(_ ticket: Ticket) -> Bool {
            now > ticket.deadline + max(grace, .milliseconds(Int(min(ticket.limits.seconds, 1e6) * 1000)))
        }
        lock.lock()
        let overdue = active.values.filter { late($0) && !reported.contains($0.id) }
        for ticket in overdue { reported.insert(ticket.id) }
        let healthy = !active.values.contains(where: late)
        lock.unlock()
        for ticket in overdue { overran(ticket.name) }
        return healthy
    }

    /// Files under analysis for longer than `age`.
    func analysing(longerThan age: Duration) -> [FileName] {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        return active.values.filter { now - $0.started > age }.map(\.name)
    }

    /// Files under analysis now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return active.count
    }

    /// The process's resident set (from /proc/self/statm), 0 when it cannot be read.
    static func residentBytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return 0 }
        let fields = buffer[..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
