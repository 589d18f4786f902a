import ReportModel

/// One request line, parsed: its `op`, its echoed `id`, and its other fields.
public struct Request: Sendable, Equatable {
    public var id: JSONValue?
    public var op: String
    public var fields: JSONValue

    public init(id: JSONValue? = nil, op: String, fields: JSONValue = .object([])) {
        self.id = id
        self.op = op
        self.fields = fields
    }

    /// Parses a request line (without its newline). On failure the error carries the `id` when it could be read.
    public static func parse(_ line: some Collection<UInt8>) -> Result<Request, RequestParseFailure> {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes: line)
        } catch {
            return .failure(RequestParseFailure(id: nil, error: ProtocolError(.invalidJSON, "the line is not JSON: \(error)")))
        }
        guard case .object = value else {
            return .failure(RequestParseFailure(id: nil, error: ProtocolError(.invalidJSON, "a request must be a JSON object")))
        }
        var id = value["id"]
        if let candidate = id {
            switch candidate {
            case .string, .int, .double: break
            case .null: id = nil
            default:
                return .failure(RequestParseFailure(id: nil, error: ProtocolError(.badRequest, "\"id\" must be a string or a number")))
            }
        }
        guard let opValue = value["op"] else {
            return .failure(RequestParseFailure(id: id, error: ProtocolError(.badRequest, "missing \"op\"")))
        }
        guard let op = opValue.stringValue else {
            return .failure(RequestParseFailure(id: id, error: ProtocolError(.badRequest, "\"op\" must be a string")))
        }
        return .success(Request(id: id, op: op, fields: value))
    }

    // MARK: typed field access, each failing with `bad_request` in the user's words

    public func string(_ key: String) throws(ProtocolError) -> String? {
        guard let v = fields[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw ProtocolError(.badRequest, "\"\(key)\" must be a string") }
        return s
    }

    public func requiredString(_ key: String) throws(ProtocolError) -> String {
        guard let s = try string(key) else { throw ProtocolError(.badRequest, "missing \"\(key)\"") }
        return s
    }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) throws(ProtocolError) -> Int {
        guard let v = fields[key], !v.isNull else { return fallback }
        guard let i = v.intValue else { throw ProtocolError(.badRequest, "\"\(key)\" must be an integer") }
        guard range.contains(i) else {
            throw ProtocolError(.badRequest, "\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return i
    }

    public func stringList(_ key: String) throws(ProtocolError) -> [String]? {
        guard let v = fields[key], !v.isNull else { return nil }
        guard let items = v.arrayValue else { throw ProtocolError(.badRequest, "\"\(key)\" must be a list of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw ProtocolError(.badRequest, "\"\(key)\" must be a list of strings") }
            out.append(s)
        }
        return out
    }

    /// A `YYYY-MM-DD` date field.
    public func date(_ key: String) throws(ProtocolError) -> String? {
        guard let s = try string(key) else { return nil }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              y > 0, (1...12).contains(m), (1...31).contains(d) else {
            throw ProtocolError(.badRequest, "\"\(key)\" must be a date YYYY-MM-DD")
        }
        return s
    }
}

/// A request line that could not be parsed, and the id to echo if one was found.
public struct RequestParseFailure: Error, Sendable, Equatable {
    public var id: JSONValue?
    public var error: ProtocolError
}
