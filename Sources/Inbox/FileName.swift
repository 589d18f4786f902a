/// A file name as the kernel stores it: bytes, which need not be valid UTF-8.
public struct FileName: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// The name for people and the protocol; invalid bytes show as U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The name for log lines: control characters (a newline would split a journal line) escaped.
    public var escaped: String {
        var out = ""
        for scalar in description.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Names the inbox leaves alone until they are renamed: dot-files, `*.tmp`, `*.part`.
    public var isInProgress: Bool {
        bytes.first == UInt8(ascii: ".") || description.hasSuffix(".tmp") || description.hasSuffix(".part")
    }

    /// The longest name Linux file systems take (NAME_MAX).
    public static let maxBytes = 255

    /// `name`, `name.1`, `name.2`… with the counter before the extension (`a.txt` → `a.1.txt`),
    /// the stem shortened when needed so the result is at most `maxBytes` long.
    public func variant(_ n: Int, maxBytes: Int = FileName.maxBytes) -> FileName {
        let counter = n > 0 ? Array(".\(n)".utf8) : []
        var stem = bytes[...], ext: ArraySlice<UInt8> = []
        if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0, bytes.count - dot <= 8 {
            stem = bytes[..<dot]
            ext = bytes[dot...]
        }
        let room = max(1, maxBytes - counter.count - ext.count)
        if stem.count > room { stem = Self.prefix(of: stem, atMost: room) }
        return FileName(bytes: Array(stem) + counter + Array(ext))
    }

    /// At most `count` bytes from the start, not cutting a UTF-8 character in two.
    static func prefix(of bytes: ArraySlice<UInt8>, atMost count: Int) -> ArraySlice<UInt8> {
        var end = bytes.startIndex + count
        // Step back over continuation bytes, then over the lead byte they belong to.
        while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end > bytes.startIndex ? bytes[..<end] : bytes.prefix(count)
    }
}

/// A directory path joined with a file name, as a NUL-terminated C string.
struct PathBytes {
    static func join(_ directory: String, _ name: FileName) -> [CChar] {
        var bytes = Array(directory.utf8)
        if bytes.last != UInt8(ascii: "/") { bytes.append(UInt8(ascii: "/")) }
        bytes.append(contentsOf: name.bytes)
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }
}
