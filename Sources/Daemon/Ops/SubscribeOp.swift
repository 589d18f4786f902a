import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// The events a connection may subscribe to.
    static var eventKinds: Set<String> { ["ingested", "failed"] }

    /// `subscribe`: from now on, one line per event of the kinds asked for.
    static var subscribe: Op {
        Op("subscribe") { request, _ in
            let events = try request.stringList("events").map(Set.init)
            if let unknown = events?.subtracting(eventKinds).first {
                throw ProtocolError(.badRequest, "unknown event \"\(unknown)\"; events are ingested, failed")
            }
            return .subscribe(events: events, result: .object([("subscribed", .strings((events ?? eventKinds).sorted()))]))
        }
    }
}
