import Inbox
import Logging
import ServiceLifecycle

/// Watches the inbox (inotify, polling or both: `InboxWatching`) on threads of its own and queues
/// every complete file.
struct InboxWatchService: Service {
    let watching: InboxWatching
    let inbox: InboxFeed

    func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            await watching.run(feed: inbox)
        } onCancelOrGracefulShutdown: { [watching] in
            watching.stop()
        }
    }
}
