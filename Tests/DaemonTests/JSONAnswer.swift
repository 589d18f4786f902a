import QueryProtocol
import ReportModel

/// A response line, parsed.
struct JSONAnswer {
    let value: JSONValue
    let text: String

    init(_ bytes: [UInt8]) throws {
        text = String(decoding: bytes, as: UTF8.self)
        value = try JSONValue.parse(bytes: bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes)
    }

    var ok: Bool { value["ok"] == .bool(true) }
    var code: String? { value["error"]?["code"]?.stringValue }
    var result: JSONValue? { value["result"] }
}
