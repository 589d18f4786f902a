import Logging
import Server
import Store

/// What ops answer from: the store, the state's owner, the ingest queue and the server.
/// Ops read through it; the only writes they make go through `state`.
struct QueryContext: Sendable {
    let store: any ReportStore
    let state: RuntimeState
    let queue: IngestQueue
    let status: IngestStatus
    let server: QueryServer
    /// How the inbox is watched (inotify, polling), for `stats`.
    let watching: InboxWatching
    let started: ContinuousClock.Instant
    let logger: Logger
    /// The names `hello` lists: those of the op table in force.
    var opNames: [String] = []

    var uptimeSeconds: Double { (ContinuousClock.now - started).inSeconds }
}
