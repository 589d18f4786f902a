import ReportModel

/// A request's `id` (a JSON string or number), kept as the client wrote it so the answer echoes
/// it unchanged: `12345678901234567890123` comes back as written, not rounded through a Double.
public struct RequestID: Sendable, Equatable {
    /// The id as a value, for people and tests.
    public let value: JSONValue
    /// The id's JSON text exactly as it appeared in the request.
    public let text: [UInt8]

    public init(value: JSONValue, text: [UInt8]) {
        self.value = value
        self.text = text
    }

    /// An id built in code (no source text): printed from its value.
    public init(_ value: JSONValue) {
        var out: [UInt8] = []
        value.write(into: &out)
        self.init(value: value, text: out)
    }

    public static func == (a: RequestID, b: RequestID) -> Bool { a.text == b.text }
}
