import QueryProtocol
import ReportModel
import Store

extension Op where Context == QueryContext {
    /// `failed`: files that could not be ingested, newest first, with where they now lie.
    static var failed: Op {
        Op("failed") { request, context in
            let limit = try request.int("limit", default: 50, range: 1...10_000)
            return .result(.object([("failed", .array(try context.store.failures(limit: limit).map { f in
                .object([("file", .string(f.file)), ("code", .string(f.code)), ("reason", .string(f.reason)),
                         ("at", .string(f.at)), ("path", .optional(f.path))])
            }))]))
        }
    }
}
