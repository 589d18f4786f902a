/// A file name as the kernel stores it: bytes, which need not be valid UTF-8.
public struct FileName: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// The name for people and the protocol; invalid bytes show as U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Names the inbox leaves alone until they are renamed: dot-files, `*.tmp`, `*.part`.
    public var isInProgress: Bool {
        bytes.first == UInt8(ascii: ".") || description.hasSuffix(".tmp") || description.hasSuffix(".part")
    }

    /// `name`, `name.1`, `name.2`… with the counter before the extension (`a.txt` → `a.1.txt`).
    public func variant(_ n: Int) -> FileName {
        guard n > 0 else { return self }
        if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0, bytes.count - dot <= 8 {
            return FileName(bytes: Array(bytes[..<dot]) + Array(".\(n)".utf8) + Array(bytes[dot...]))
        }
        return FileName(bytes: bytes + Array(".\(n)".utf8))
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
