import Foundation
import Inbox
import Logging
import ReportModel
import Synchronization

/// How the inbox is watched — inotify, polling, or both — chosen once at start from `inbox_watch`
/// and the inbox's file system, and widened to polling while running when part of the tree turns out
/// to be beyond inotify (a network mount inside the inbox, no inotify watch left). `stats` shows it.
final class InboxWatching: Sendable {
    /// What `stats` shows.
    struct Mode: Sendable, Equatable {
        /// `inotify`, `poll` or `inotify+poll`.
        var name: String
        /// Why polling is in use; nil for plain inotify.
        var reason: String?
    }

    let watcher: InboxWatcher?
    /// The poller, from the start or once a fallback started it.
    private let poller: Mutex<InboxPoller?>
    private let mode: Mutex<Mode>
    let directory: String
    let logger: Logger
    /// Seconds between listings and the settle interval, as the configuration in force says.
    let interval: @Sendable () -> Double
    let settle: @Sendable () -> Double
    /// `inbox_watch = inotify`: what inotify cannot watch is reported, never polled.
    let inotifyOnly: Bool

    /// Chooses how to watch `configuration.inbox`: throws only when `inbox_watch = inotify` and
    /// inotify cannot be set up.
    init(configuration: Configuration, logger: Logger, interval: @escaping @Sendable () -> Double,
         settle: @escaping @Sendable () -> Double) throws {
        directory = configuration.inbox
        self.logger = logger
        self.interval = interval
        self.settle = settle
        inotifyOnly = configuration.inboxWatch == .inotify
        var why: String?
        switch configuration.inboxWatch {
        case .inotify:
            watcher = try InboxWatcher(directory: directory)
        case .poll:
            watcher = nil
            why = "inbox_watch = poll"
        case .auto:
            if let kind = FileSystemKind.of(directory), kind.isRemote {
                watcher = nil
                why = "the inbox is on \(kind), where inotify misses files written by other machines"
            } else {
                do {
                    watcher = try InboxWatcher(directory: directory, checkRemote: true)
                } catch {
                    watcher = nil
                    why = "inotify cannot be used: \(error)"
                }
            }
        }
        poller = Mutex(watcher == nil ? InboxPoller(directory: directory, interval: interval, settle: settle) : nil)
        mode = Mutex(Mode(name: watcher == nil ? "poll" : "inotify", reason: why))
    }

    var current: Mode { mode.withLock { $0 } }

    /// One line for the journal at start: how the inbox is watched.
    var description: String {
        let now = current
        switch now.name {
        case "inotify": return "with inotify (\(watcher?.watchedFolders ?? 1) folders)"
        default: return "by listing it every \(Configuration.format(interval())) (\(now.reason ?? "polling"))"
        }
    }

    /// Queues everything now in the inbox tree (at start): through the poller when there is one, so it
    /// does not report the same files again.
    func startupScan(_ feed: InboxFeed) {
        if let poller = poller.withLock({ $0 }) {
            do {
                for name in try poller.baseline() { feed.queue.add(name) }
            } catch {
                logger.error("cannot list the inbox: \(error)", metadata: ["error_code": "inbox"])
            }
        } else {
            feed.scan()
        }
    }

    /// Handles one event from the watcher or the poller.
    func handle(_ event: InboxWatcher.Event, feed: InboxFeed) {
        switch event {
        case .file(let name, let closed): feed.queue.add(name, closed: closed)
        case .folder(let name): feed.scan(below: name)
        case .overflow:
            logger.warning("inotify queue overflowed; rescanning the inbox")
            feed.scan()
        case .unwatched(let why): startPolling(because: why, feed: feed)
        }
    }

    /// Adds polling beside inotify (once): part of the tree cannot be trusted to inotify.
    func startPolling(because why: String, feed: InboxFeed) {
        if inotifyOnly {
            logger.error("\(why); inbox_watch = inotify, so files there are seen only by a rescan",
                         metadata: ["error_code": "inbox_watch"])
            return
        }
        let started = poller.withLock { poller -> InboxPoller? in
            guard poller == nil else { return nil }
            poller = InboxPoller(directory: directory, interval: interval, settle: settle)
            return poller
        }
        guard let started else {
            logger.notice("\(why); the inbox is polled already")
            return
        }
        mode.withLock { $0 = Mode(name: "inotify+poll", reason: why) }
        logger.warning("\(why): listing the inbox every \(Configuration.format(interval())) besides inotify",
                       metadata: ["error_code": "inbox_watch"])
        let thread = Thread { [self] in started.run { handle($0, feed: feed) } }
        thread.name = "renewald-poll"
        thread.start()
    }

    /// Runs the watcher and the poller in force until `stop`.
    func run(feed: InboxFeed) async {
        await withTaskGroup(of: Void.self) { group in
            if let watcher {
                group.addTask { await Blocking.run("renewald-inbox") { [self] in watcher.run { handle($0, feed: feed) } } }
            }
            if let poller = poller.withLock({ $0 }) {
                group.addTask { await Blocking.run("renewald-poll") { [self] in poller.run { handle($0, feed: feed) } } }
            }
        }
    }

    func stop() {
        watcher?.stop()
        poller.withLock { $0 }?.stop()
    }

    /// What `stats` shows under `inbox_watch`.
    var json: JSONValue {
        let now = current
        return .object([
            ("mode", .string(now.name)), ("reason", .optional(now.reason)),
            ("poll_interval_s", now.name == "inotify" ? .null : .double(interval())),
            ("folders", watcher.map { .int($0.watchedFolders) } ?? .null),
        ])
    }
}
