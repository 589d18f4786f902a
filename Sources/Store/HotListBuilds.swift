import Foundation

/// Hot lists that searches asked for, built one after another on a thread of their own.
///
/// A build ranks every match and writes the list, so it needs the single writer, which a commit may
/// be holding (at low priority, behind the searches themselves). A search that finds its query
/// frequent therefore answers from the full-text index and leaves the list to this thread: under
/// ingest, building in the search made a few searches wait a whole commit (nspawn-latency: p99
/// 59.8 ms while ingesting against 10.3 ms idle).
package final class HotListBuilds: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued: [(key: String, build: @Sendable () -> Void)] = []
    /// Keys queued or being built: asked again meanwhile, they are not queued twice.
    private var keys: Set<String> = []
    private var running = false

    package init() {}

    /// Queues `build` for `key` unless that key is already queued or building, and starts the
    /// thread if it is not running (it ends when nothing is left, so an idle store holds no thread).
    package func request(_ key: String, _ build: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        guard keys.insert(key).inserted else { return }
        queued.append((key, build))
        guard !running else { return }
        running = true
        let thread = Thread { [self] in work() }
        thread.name = "renewald-hot-lists"
        thread.start()
    }

    private func work() {
        condition.lock()
        while !queued.isEmpty {
            let next = queued.removeFirst()
            condition.unlock()
            next.build()
            condition.lock()
            keys.remove(next.key)
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every list asked for so far is built.
    package func wait() {
        condition.lock()
        while running { condition.wait() }
        condition.unlock()
    }
}
