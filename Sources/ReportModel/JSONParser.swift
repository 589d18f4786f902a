/// Why a text is not JSON, with the byte offset where parsing stopped.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

extension JSONValue {
    /// Parses one JSON text (RFC 8259). Nesting is limited so hostile input cannot exhaust the stack.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var copy = text
        let result = copy.withUTF8 { bytes in Result { () throws(JSONParseError) in try parse(bytes) } }
        return try result.get()
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.pos == bytes.count else { throw parser.fail("trailing characters") }
        return value
    }

    public static func parse<Bytes: Collection>(bytes: Bytes) throws(JSONParseError) -> JSONValue where Bytes.Element == UInt8 {
        try parse(bytes: bytes, keepingTextOf: "").value
    }

    /// Parses one JSON text and also returns the exact source text of the top-level object's member
    /// `key` (the last one, as for the value), so it can be echoed byte for byte: a number such as
    /// `123456789012345678901234567890` survives, which no Int or Double can carry.
    public static func parse<Bytes: Collection>(bytes: Bytes, keepingTextOf key: String)
        throws(JSONParseError) -> (value: JSONValue, text: [UInt8]?) where Bytes.Element == UInt8 {
        let array = Array(bytes)
        let result = array.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> (JSONValue, [UInt8]?) in
                var parser = JSONParser(bytes: buffer)
                parser.keptKey = key.isEmpty ? nil : Array(key.utf8)
                parser.skipSpace()
                let value = try parser.value(depth: 0)
                parser.skipSpace()
                guard parser.pos == buffer.count else { throw parser.fail("trailing characters") }
                return (value, parser.kept.map { Array(buffer[$0]) })
            }
        }
        return try result.get()
    }
}

struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    static let maxDepth = 64
    /// A top-level member whose source text is wanted, and where its value lies.
    var keptKey: [UInt8]?
    var kept: Range<Int>?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Objects up to this many members look keys up by scanning (cheaper than hashing when small).
    static let linearScanLimit = 16

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: pos, reason: reason) }

    mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < JSONParser.maxDepth else { throw fail("nesting too deep") }
        guard pos < bytes.count else { throw fail("unexpected end") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { throw fail("unexpected end") }
        for i in 0..<count where bytes[pos + i] != word.utf8Start[i] { throw fail("invalid literal") }
        pos += count
    }

    mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        pos += 1
        var members: [(String, JSONValue)] = []
        // Where each key sits in `members`, built only once an object outgrows a linear scan, so a
        // line of a million keys (all equal or all different) is parsed in linear time.
        var positions: [String: Int] = [:]
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            pos += 1
            skipSpace()
            let valueStart = pos
            let item = try value(depth: depth + 1)
            if depth == 0, let keptKey, key.utf8.elementsEqual(keptKey) {
                kept = valueStart..<pos
            }
            let existing: Int?
            if members.count < Self.linearScanLimit {
                existing = members.firstIndex(where: { $0.0 == key })
            } else {
                if positions.isEmpty {
                    for (i, member) in members.enumerated() { positions[member.0] = i }
                }
                existing = positions[key]
            }
            if let existing {
                members[existing].1 = item   // last duplicate wins, as most parsers do
            } else {
                if !positions.isEmpty { positions[key] = members.count }
                members.append((key, item))
            }
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            throw fail("expected ',' or '}'")
        }
    }

    mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        pos += 1
        var items: [JSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    mutating func number() throws(JSONParseError) -> JSONValue {
        let start = pos
        var isInteger = true
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        // Short integers (ids, limits, indexes: nearly every number in a request) without a String.
        let negative = bytes[start] == UInt8(ascii: "-")
        let digits = pos - start - (negative ? 1 : 0)
        if isInteger, digits <= 18 {
            var magnitude = 0
            for i in (pos - digits)..<pos { magnitude = magnitude * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
            return .int(negative ? -magnitude : magnitude)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw fail("invalid number") }
        // 1e400 would become infinity, which JSON cannot carry (it printed back as null).
        guard d.isFinite else { throw fail("number out of range") }
        return .double(d)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func string() throws(JSONParseError) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                guard let s = String(validating: slice, as: UTF8.self) else { throw fail("invalid UTF-8 in string") }
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in string") }
            pos += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in string") }
                return s
            }
            if b < 0x20 { throw fail("control character in string") }
            if b != UInt8(ascii: "\\") { out.append(b); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                        throw fail("unpaired surrogate")
                    }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw fail("unpaired surrogate")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid escape") }
                out.append(contentsOf: String(Character(u)).utf8)
            default: throw fail("invalid escape")
            }
        }
        throw fail("unterminated string")
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("invalid escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw fail("invalid escape")
            }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }
}
