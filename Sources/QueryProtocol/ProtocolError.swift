/// An error answer of protocol v1: a stable code for programs, a message for people.
public struct ProtocolError: Error, Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid_json"
        case badRequest = "bad_request"
        case unknownOp = "unknown_op"
        case notFound = "not_found"
        case tooLarge = "too_large"
        case overloaded
        case shuttingDown = "shutting_down"
        /// (ext) `reload` found the configuration or the taxonomy unusable; nothing changed.
        case badConfiguration = "bad_configuration"
        /// (ext) The store in use cannot answer this op (yet): nothing is wrong with the request.
        case unsupported
        /// (ext) The database cannot be reached right now; ask again later (nothing was changed).
        case storeUnavailable = "store_unavailable"
        case `internal`
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
