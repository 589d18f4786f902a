import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `reload`: re-reads the configuration and taxonomy and reclassifies (as SIGHUP does).
    static var reload: Op {
        Op("reload") { _, context in
            let count: Int
            do throws(ReloadError) {
                count = try context.state.reload()
            } catch {
                switch error {
                case .configuration, .taxonomy: throw ProtocolError(.badConfiguration, "nothing was reloaded: \(error)")
                case .store: throw ProtocolError(.internal, "\(error)")
                case .storeUnavailable: throw ProtocolError(.storeUnavailable, "\(error); ask again later")
                }
            }
            return .result(.object([("reclassified", .int(count))]))
        }
    }
}
