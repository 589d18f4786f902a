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
        let thread = Thread {
            if setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, AnalysisPool.nice) != 0 {
                let why = String(cString: strerror(errno))
                result.withLock { $0 = why }
            }
            done.signal()
        }
        thread.name = "renewald-priority-probe"
        thread.start()
        done.wait()
        return result.withLock { $0 }
    }

    static func check(logger: Logger) {
        if let why = probe() {
            logger.warning("analysis threads cannot lower their priority (setpriority: \(why)); searches may slow down while ingesting",
                           metadata: ["error_code": "setpriority"])
        }
    }
}
