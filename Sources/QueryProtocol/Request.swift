import ReportModel

/// One request line, parsed: its `op`, its echoed `id`, and its other fields.
public struct Request: Sendable, Equatable {
    public var id: RequestID?
    public var op: String
    public var fields: JSONValue

    public init(id: RequestID? = nil, op: String, fields: JSONValue = .object([])) {
        self.id = id
        self.op = op
        self.fields = fields
    }

    /// Parses a request line (without its newline). On failure the error carries the `id` when it could be read.
    public static func parse(_ line: some Collection<UInt8>) -> Result<Request, RequestParseFailure> {
        if line.isEmpty {
            return .failure(RequestParseFailure(id: nil, error: ProtocolError(.invalidJSON, "the line is empty; send one JSON object per line")))
        }
        let value: JSONValue
        let idText: [UInt8]?
        do {
            (value, idText) = try JSONValue.parse(bytes: line, keepingTextOf: "id")
        } catch {
            return .failure(RequestParseFailure(id: nil, error: ProtocolError(.invalidJSON, "the line is not JSON: \(error)")))
        }
        guard case .object = value else {
            return .failure(RequestParseFailure(id: nil, error: ProtocolError(.invalidJSON, "a request must be a JSON object")))
        }
        var id: RequestID?
        if let candidate = value["id"], let idText {
            switch candidate {
            case .string, .int, .double: id = RequestID(value: candidate, text: idText)
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
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              y > 0, (1...12).contains(m), (1...Self.days(inMonth: m, of: y)).contains(d) else {
            throw ProtocolError(.badRequest, "\"\(key)\" must be a date YYYY-MM-DD")
        }
        return s
    }

    /// Days in a month of the Gregorian calendar (so 2023-02-31 is refused and 2024-02-29 is not).
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A request line that could not be parsed, and the id to echo if one was found.
public struct RequestParseFailure: Error, Sendable, Equatable {
    public var id: RequestID?
    public var error: ProtocolError
}
