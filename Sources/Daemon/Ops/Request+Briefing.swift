import QueryProtocol
import ReportModel

extension Request {
    /// An optional boolean field.
    func flag(_ key: String, default fallback: Bool) throws(ProtocolError) -> Bool {
        guard let v = fields[key], !v.isNull else { return fallback }
        guard let b = v.boolValue else { throw ProtocolError(.badRequest, "\"\(key)\" must be true or false") }
        return b
    }

    /// One of a fixed set of words.
    func choice(_ key: String, in allowed: [String], default fallback: String?) throws(ProtocolError) -> String? {
        guard let s = try string(key) else { return fallback }
        guard allowed.contains(s) else {
            throw ProtocolError(.badRequest, "\"\(key)\" must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        return s
    }
}
