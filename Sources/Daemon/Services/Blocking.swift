import Foundation

/// Runs blocking work (the inotify loop, the ingest loop, a reload's SQLite rewrite) on a thread of
/// its own, so it never occupies one of the few threads Swift concurrency runs tasks on.
enum Blocking {
    static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.start()
        }
    }
}
