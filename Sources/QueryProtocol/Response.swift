import ReportModel

/// Builds response lines: `{"id":…,"ok":true,"result":…}` or `{"id":…,"ok":false,"error":{…}}`.
public enum Response {
    /// A success line, newline included.
    public static func success(id: JSONValue?, result: JSONValue) -> [UInt8] {
        var members: [(String, JSONValue)] = []
        if let id { members.append(("id", id)) }
        members.append(("ok", .bool(true)))
        members.append(("result", result))
        return line(.object(members))
    }

    /// A success line whose result is JSON text already (a stored report), spliced in without re-parsing.
    public static func success(id: JSONValue?, rawResult: String) -> [UInt8] {
        var out: [UInt8] = Array("{".utf8)
        if let id {
            out.append(contentsOf: Array("\"id\":".utf8))
            id.write(into: &out)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: Array("\"ok\":true,\"result\":".utf8))
        out.append(contentsOf: rawResult.utf8)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }

    public static func failure(id: JSONValue?, error: ProtocolError) -> [UInt8] {
        var members: [(String, JSONValue)] = []
        if let id { members.append(("id", id)) }
        members.append(("ok", .bool(false)))
        members.append(("error", .object([("code", .string(error.code.rawValue)), ("message", .string(error.message))])))
        return line(.object(members))
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
