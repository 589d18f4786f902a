import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `config` (ext): the configuration in force, as `reload` left it.
    static var config: Op {
        Op("config") { _, context in
            let c = context.state.configuration
            return .result(.object([
                ("inbox", .string(c.inbox)), ("state", .string(c.state)), ("socket", .string(c.socket)),
                ("taxonomy", .optional(c.taxonomy)), ("max_file_bytes", .int(c.maxFileBytes)),
                ("max_request_bytes", .int(c.maxRequestBytes)), ("idle_timeout_s", .int(c.idleTimeoutSeconds)),
                ("max_connections", .int(c.maxConnections)), ("log_level", .string(c.logLevel)),
                ("inbox_watch", .string(c.inboxWatch.rawValue)), ("poll_interval", .double(c.pollInterval)),
                ("batch_command", .optional(c.batchCommand)), ("batch_timeout", .double(c.batchTimeout)),
            ]))
        }
    }
}
