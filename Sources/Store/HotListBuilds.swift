import Foundation

/// Hot lists that searches asked for, built one after another on a thread of their own (the
/// PostgreSQL store's shared lists).
///
/// A build ranks every match and writes the list in a transaction, which may wait for other
/// writers. A search that finds its query frequent therefore answers from the full-text index and
/// leaves the list to this thread. (SQLite's lists are built from a read snapshot instead, in the
/// search itself: see `HotLists.build`.)
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
