import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `retry`: moves files from failed/ back into the inbox, to be ingested again once the cause is fixed.
    static var retry: Op {
        Op("retry") { request, context in
            let files = FailedFiles(configuration: context.state.configuration, store: context.store, queue: context.queue,
                                    logger: context.logger)
            let outcomes: [FailedFiles.Outcome]
            if try request.flag("all", default: false) {
                outcomes = try files.retryAll(code: try request.string("code"))
            } else if let paths = try request.stringList("files"), !paths.isEmpty {
                guard paths.count <= 10_000 else { throw ProtocolError(.badRequest, "at most 10000 \"files\" at once; use \"all\"") }
                outcomes = files.retry(paths)
            } else {
                throw ProtocolError(.badRequest, "retry needs \"files\" (paths in failed/, as the failed op shows them) or \"all\": true")
            }
            var retried: [JSONValue] = [], refused: [JSONValue] = []
            for outcome in outcomes {
                switch outcome {
                case .retried(let path, let file, let code):
                    retried.append(.object([("path", .string(path)), ("file", .string(file)), ("code", .optional(code))]))
                case .refused(let path, let reason):
                    refused.append(.object([("path", .string(path)), ("reason", .string(reason))]))
                }
            }
            return .result(.object([("retried", .array(retried)), ("refused", .array(refused))]))
        }
    }
}
