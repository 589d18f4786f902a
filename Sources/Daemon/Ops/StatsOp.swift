import Classify
import Pipeline
import QueryProtocol
import ReportModel
import Server
import Store

extension Op where Context == QueryContext {
    /// `stats`: counts from the store, the queue and the server, and the current problem.
    ///
    /// With the store away it still answers — that is when a person asks — but what only the store
    /// knows (`reports`, `articles`, `failed`, theme counts) is null rather than a guess, `store` says
    /// `unavailable`, and `problem` says why.
    static var stats: Op {
        Op("stats") { _, context in
            var counts: StoreCounts?
            do { counts = try context.store.counts() } catch {
                guard let why = StoreError.unavailableReason(error) else { throw error }
                context.status.storeAway(why, logger: context.logger)
            }
            let snapshot = context.state.snapshot
            let themeCounts = snapshot.builder.classifier.taxonomy.themes.map { theme in
                (theme.id, counts.map { JSONValue.int($0.themes[theme.id] ?? 0) } ?? .null)
            }
            return .result(.object([
                ("reports", counts.map { .int($0.reports) } ?? .null), ("articles", counts.map { .int($0.articles) } ?? .null),
                ("failed", counts.map { .int($0.failed) } ?? .null),
                ("pending", .int(context.queue.pending)), ("themes", .object(themeCounts)),
                ("uptime_s", .int(Int(context.uptimeSeconds))),
                ("inbox", .string(snapshot.configuration.inbox)), ("state", .string(snapshot.configuration.state)),
                ("connections", .int(context.server.connectionCount)),
                ("store", .string(counts == nil ? "unavailable" : "available")),
                ("problem", .optional(context.status.problem)),
                ("inbox_watch", context.watching.json),
            ]))
        }
    }
}
