import Inbox
import Logging
import ServiceLifecycle

/// Watches the inbox with inotify on a thread of its own and queues every complete file.
struct InboxWatchService: Service {
    let watcher: InboxWatcher
    let inbox: InboxFeed

    func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            await Blocking.run("renewald-inbox") { [watcher, inbox] in
                watcher.run { event in
                    switch event {
                    case .file(let name, let closed): inbox.queue.add(name, closed: closed)
                    case .overflow:
                        inbox.logger.warning("inotify queue overflowed; rescanning the inbox")
                        inbox.scan()
                    }
                }
            }
        } onCancelOrGracefulShutdown: { [watcher] in
            watcher.stop()
        }
    }
}
