import Foundation
import Synchronization
import Logging

/// Checks that analysis threads can lower their CPU priority as `AnalysisPool` does: under a
/// seccomp filter that forbids `setpriority` (systemd's `SystemCallFilter=~@resources`), the call
/// fails and searches lose the core the design keeps for them, so the daemon says so at start.
enum AnalysisPriority {
    /// Tries `setpriority` on a short-lived thread of its own (nice is per thread on Linux) and
    /// returns why it failed, nil when it works.
    static func probe() -> String? {
        let result = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        startThread(name: "renewald-priority-probe", nice: AnalysisPool.nice) { lowered in
            if let code = lowered.failure { result.withLock { $0 = String(cString: strerror(code)) } }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }

    /// Whether a thread could lower its priority: nil, or the errno of the refusal.
    struct Lowered: Sendable {
        let failure: Int32?
    }

    /// Starts a named thread that first lowers its own priority to `nice`, then runs `body`. Nice is
    /// per thread on Linux: PRIO_PROCESS with who = 0 is the calling thread. Refused only where
    /// setpriority is filtered, which `check` reports once at start.
    static func startThread(name: String, nice: Int32, _ body: @escaping @Sendable (Lowered) -> Void) {
        let thread = Thread {
            let failed = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice) != 0
            body(Lowered(failure: failed ? errno : nil))
        }
        thread.name = name
        thread.start()
    }

    static func check(logger: Logger) {
        if let why = probe() {
            logger.warning("analysis threads cannot lower their priority (setpriority: \(why)); searches may slow down while ingesting",
                           metadata: ["error_code": "setpriority"])
        }
    }
}
