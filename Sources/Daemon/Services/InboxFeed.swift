import Inbox
import Logging

/// The inbox's side of the ingest queue: what the watcher and the start-up scan add to.
struct InboxFeed: Sendable {
    let directory: String
    let queue: IngestQueue
    let logger: Logger

    /// Queues every entry now in the inbox (at start, and after an inotify overflow).
    func scan() {
        do {
            for name in try InboxScanner.entries(of: directory) where !name.isInProgress { queue.add(name) }
        } catch {
            logger.error("cannot list the inbox: \(error)", metadata: ["error_code": "inbox"])
        }
    }
}
