#if canImport(Glibc)
import Glibc
#endif
import CSystemd

/// Tells the service manager how the daemon is doing (`sd_notify`): ready, reloading, stopping, alive.
///
/// Every call is a no-op when the daemon was not started by systemd (no `NOTIFY_SOCKET`), so the daemon
/// calls these unconditionally. `sd_notify` opens a fresh datagram per call, so the notifier may be
/// used from any thread.
public struct ServiceNotifier: Sendable {
    /// The watchdog interval systemd expects pings within, read once at start (`WATCHDOG_USEC`).
    private let watchdogMicroseconds: UInt64?

    /// Reads the watchdog settings through libsystemd, which also checks `WATCHDOG_PID` against our PID.
    public init() {
        var usec: UInt64 = 0
        watchdogMicroseconds = sd_watchdog_enabled(0, &usec) > 0 && usec > 0 ? usec : nil
    }

    /// `READY=1` with a status line: start-up is finished, the socket listens, the store is open.
    public func ready(status: String) {
        send(NotifyMessage.ready(status: status))
    }

    /// `STATUS=`: the one-line state `systemctl status` shows.
    public func status(_ text: String) {
        send(NotifyMessage.status(text))
    }

    /// `RELOADING=1` before re-reading configuration; follow with `ready(status:)` when done.
    ///
    /// `MONOTONIC_USEC=` is what systemd 253+ uses to order the reload against the `READY=1` that ends
    /// it (`Type=notify-reload`); older managers ignore the field.
    public func reloading() {
        send(NotifyMessage.reloading(monotonicMicroseconds: Self.monotonicMicroseconds()))
    }

    /// `STOPPING=1` with a status line, sent as graceful shutdown begins.
    public func stopping(status: String) {
        send(NotifyMessage.stopping(status: status))
    }

    /// `WATCHDOG=1`: call from the loop that would stall if the daemon hung, at `watchdogPingInterval`.
    public func watchdogPing() {
        send(NotifyMessage.watchdog)
    }

    /// The interval systemd kills the service after without a ping; nil when the watchdog is off.
    public var watchdogInterval: Duration? {
        watchdogMicroseconds.map { .microseconds(Int64(clamping: $0)) }
    }

    /// Half the watchdog interval, as sd_watchdog_enabled(3) recommends pinging; nil when the watchdog is off.
    public var watchdogPingInterval: Duration? {
        watchdogMicroseconds.map { .microseconds(Int64(clamping: $0 / 2)) }
    }

    private func send(_ message: String) {
        _ = sd_notify(0, message)
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}

/// The `sd_notify` datagrams the daemon sends: newline-separated `KEY=VALUE` assignments.
enum NotifyMessage {
    static let watchdog = "WATCHDOG=1"

    static func ready(status: String) -> String {
        "READY=1\n" + Self.status(status)
    }

    static func status(_ text: String) -> String {
        "STATUS=" + singleLine(text)
    }

    static func reloading(monotonicMicroseconds: UInt64) -> String {
        "RELOADING=1\nMONOTONIC_USEC=\(monotonicMicroseconds)"
    }

    static func stopping(status: String) -> String {
        "STOPPING=1\n" + Self.status(status)
    }

    /// A newline inside a value would start a new assignment, so status text is flattened to one line.
    static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
