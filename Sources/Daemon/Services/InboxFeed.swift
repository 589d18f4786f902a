import Inbox
import Logging

/// The inbox's side of the ingest queue: what the watcher and the start-up scan add to.
struct InboxFeed: Sendable {
    let directory: String
    let queue: IngestQueue
    let logger: Logger

    /// Queues every file now in the inbox tree (at start, and after an inotify overflow), or in one
    /// subfolder of it (`below`: a folder that just appeared).
    func scan(below folder: FileName? = nil) {
        do {
            for name in try InboxScanner.tree(of: directory, below: folder).files where !name.isInProgress { queue.add(name) }
        } catch {
            logger.error("cannot list the inbox: \(error)", metadata: ["error_code": "inbox"])
        }
    }
}
