import ReportModel

/// Builds response lines: `{"id":…,"ok":true,"result":…}` or `{"id":…,"ok":false,"error":{…}}`.
public enum Response {
    /// A success line, newline included.
    public static func success(id: RequestID?, result: JSONValue) -> [UInt8] {
        var out = opening(id)
        out.append(contentsOf: Array("\"ok\":true,\"result\":".utf8))
        result.write(into: &out)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    /// A success line whose result is JSON text already (a stored report), spliced in without re-parsing.
    public static func success(id: RequestID?, rawResult: String) -> [UInt8] {
        var out = opening(id)
        out.append(contentsOf: Array("\"ok\":true,\"result\":".utf8))
        out.append(contentsOf: rawResult.utf8)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    public static func failure(id: RequestID?, error: ProtocolError) -> [UInt8] {
        var out = opening(id)
        out.append(contentsOf: Array("\"ok\":false,\"error\":".utf8))
        JSONValue.object([("code", .string(error.code.rawValue)), ("message", .string(error.message))]).write(into: &out)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    /// `{` and the echoed id, written as the client wrote it.
    static func opening(_ id: RequestID?) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(128)
        if let id {
            out.append(contentsOf: Array("\"id\":".utf8))
            out.append(contentsOf: id.text)
            out.append(UInt8(ascii: ","))
        }
        return out
    }

    /// An event pushed to subscribers.
    public static func event(_ value: JSONValue) -> [UInt8] { line(value) }

    static func line(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        value.write(into: &out)
        out.append(0x0A)
        return out
    }
}
