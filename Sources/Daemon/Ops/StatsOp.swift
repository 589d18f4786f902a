import Classify
import Pipeline
import QueryProtocol
import ReportModel
import Server
import Store

extension Op where Context == QueryContext {
    /// `stats`: counts from the store, the queue and the server, and the current problem.
    static var stats: Op {
        Op("stats") { _, context in
            let counts = try context.store.counts()
            let snapshot = context.state.snapshot
            let themeCounts = snapshot.builder.classifier.taxonomy.themes.map { ($0.id, JSONValue.int(counts.themes[$0.id] ?? 0)) }
            return .result(.object([
                ("reports", .int(counts.reports)), ("articles", .int(counts.articles)), ("failed", .int(counts.failed)),
                ("pending", .int(context.queue.pending)), ("themes", .object(themeCounts)),
                ("uptime_s", .int(Int(context.uptimeSeconds))),
                ("inbox", .string(snapshot.configuration.inbox)), ("state", .string(snapshot.configuration.state)),
                ("connections", .int(context.server.connectionCount)),
                ("problem", .optional(context.status.problem)),
                ("inbox_watch", context.watching.json),
            ]))
        }
    }
}
