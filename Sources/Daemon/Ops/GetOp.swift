import QueryProtocol
import Store

extension Op where Context == QueryContext {
    /// `get`: a stored report by id or by file name, spliced in as stored.
    static var get: Op {
        Op("get") { request, context in
            let store = context.store
            if let id = try request.string("report") {
                guard let json = try store.reportJSON(id: id) else { throw ProtocolError(.notFound, "no report with id \(id)") }
                return .rawResult(json)
            }
            if let file = try request.string("file") {
                guard let id = try store.reportID(file: file), let json = try store.reportJSON(id: id) else {
                    throw ProtocolError(.notFound, "no report from a file named \(file)")
                }
                return .rawResult(json)
            }
            throw ProtocolError(.badRequest, "get needs \"report\" (an id) or \"file\" (a file name)")
        }
    }
}
