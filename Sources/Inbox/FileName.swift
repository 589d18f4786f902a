/// A file name as the kernel stores it: bytes, which need not be valid UTF-8. In the inbox it is the
/// path relative to the inbox, so a file in a subfolder is `district/a.txt` (folders separated by `/`).
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

    /// Names the inbox leaves alone until they are renamed: dot-files, `*.tmp`, `*.part`, and anything
    /// in a dot-folder (`.sync/`, a copy tool's staging folder).
    public var isInProgress: Bool {
        components.contains { $0.first == UInt8(ascii: ".") } || description.hasSuffix(".tmp") || description.hasSuffix(".part")
    }

    /// The parts between `/`.
    var components: [ArraySlice<UInt8>] { bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) }

    /// The folder part of a name in a subfolder (`district` for `district/a.txt`); nil at the top.
    public var folder: FileName? {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return FileName(bytes: Array(bytes[..<slash]))
    }

    /// The last part: the file's own name (`a.txt` for `district/a.txt`).
    public var base: FileName {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return self }
        return FileName(bytes: Array(bytes[(slash + 1)...]))
    }

    /// `child` inside this folder.
    public func appending(_ child: FileName) -> FileName { FileName(bytes: bytes + [UInt8(ascii: "/")] + child.bytes) }

    /// How many folders deep the name lies (0 at the top).
    public var depth: Int { components.count - 1 }

    /// Whether the name is a safe relative path: not empty, not absolute, no `.`/`..` parts, no NUL.
    public var isPlainRelativePath: Bool {
        !bytes.isEmpty && bytes.first != UInt8(ascii: "/") && !bytes.contains(0)
            && components.allSatisfy { $0.elementsEqual([0x2E]) == false && $0.elementsEqual([0x2E, 0x2E]) == false }
    }

    /// The longest name Linux file systems take (NAME_MAX).
    public static let maxBytes = 255

    /// `name`, `name.1`, `name.2`… with the counter before the extension (`a.txt` → `a.1.txt`),
    /// the stem shortened when needed so the result is at most `maxBytes` long. In a subfolder only
    /// the last part changes (`d/a.txt` → `d/a.1.txt`), and `maxBytes` is that part's limit.
    public func variant(_ n: Int, maxBytes: Int = FileName.maxBytes) -> FileName {
        if let folder { return folder.appending(base.variant(n, maxBytes: maxBytes)) }
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
        join(c(directory), name)
    }

    /// `directory` (a NUL-terminated C string) joined with `name`.
    static func join(_ directory: [CChar], _ name: FileName) -> [CChar] {
        var bytes = directory.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        if bytes.last != UInt8(ascii: "/") { bytes.append(UInt8(ascii: "/")) }
        bytes.append(contentsOf: name.bytes)
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }

    /// A path as a NUL-terminated C string.
    static func c(_ path: String) -> [CChar] { Array(path.utf8CString) }
}
